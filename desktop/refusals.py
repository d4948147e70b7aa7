"""Why configurations were refused or miss the deadline, said in one line, with a one-click fix.

``explain(comparison, catalog)`` reads the engine's refusal codes and figures and
proposes the smallest change of the request that lifts the most common refusal:
air cooling for air-cooled servers refused by direct liquid cooling, liquid cooling
for direct-liquid servers refused without their coolant loop, the rack
budget that fits one server, BF16 for GPUs without the chosen precision, or the
deadline the fastest configuration meets.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, replace

from PySide6.QtCore import QCoreApplication

from desktop.messages import message_text
from engine.catalog import Catalog
from engine.model import Comparison, PlanRequest
from engine.planning.parts import parts

translate = QCoreApplication.translate  # lupdate reads translate("context", "text")


@dataclass(frozen=True)
class Explanation:
    text: str
    fix_label: str | None = None
    fixed: PlanRequest | None = None  # the request with the fix applied


def explain(comparison: Comparison, catalog: Catalog, *, translated: bool) -> Explanation | None:
    refused = [p for p in comparison.plans if not p.feasible and p.refusals]
    request, total = comparison.request, len(comparison.plans)
    if refused:
        code, count = Counter(p.refusals[0].code for p in refused).most_common(1)[0]
        if code == "cooling-kind":
            return Explanation(
                translate(
                    "Refusals",
                    "Direct liquid cooling: %1 of %2 configurations are air-cooled and were refused.",
                )
                .replace("%1", str(count))
                .replace("%2", str(total)),
                translate("Refusals", "Plan with air cooling"),
                replace(request, facility=replace(request.facility, cooling="air", pue=None)),
            )
        if code == "liquid-needs-loop":
            return Explanation(
                translate(
                    "Refusals",
                    "Coolant loop: %1 of %2 configurations are direct-liquid cooled and need liquid "
                    "cooling; they were refused.",
                )
                .replace("%1", str(count))
                .replace("%2", str(total)),
                translate("Refusals", "Plan with liquid cooling"),
                replace(request, facility=replace(request.facility, cooling="liquid", pue=None)),
            )
        if code == "racks":
            mgmt = catalog.network[parts()["ethernet"]["mgmt_switch"]]
            needed = max(
                catalog.configuration(p.config).max_power_w + mgmt.power_w
                for p in refused
                if p.refusals[0].code == "racks"
            )
            budget = math.ceil(needed / 1000)
            return Explanation(
                translate(
                    "Refusals", "Rack budget: %1 of %2 configurations cannot place one server in a rack."
                )
                .replace("%1", str(count))
                .replace("%2", str(total)),
                translate("Refusals", "Raise the rack budget to %1 kW").replace("%1", str(budget)),
                replace(request, facility=replace(request.facility, rack_kw=float(budget))),
            )
        if code == "precision":
            return Explanation(
                translate(
                    "Refusals", "Precision %1: %2 of %3 configurations have GPUs without it and were refused."
                )
                .replace("%1", request.schedule.precision.upper())
                .replace("%2", str(count))
                .replace("%3", str(total)),
                translate("Refusals", "Plan in BF16"),
                replace(request, schedule=replace(request.schedule, precision="bf16")),
            )
        first = next(p.refusals[0] for p in refused if p.refusals[0].code == code)
        return Explanation(
            translate("Refusals", "%1 of %2 configurations were refused: %3")
            .replace("%1", str(count))
            .replace("%2", str(total))
            .replace("%3", message_text(first, translated=translated))
        )
    deadline = request.schedule.days
    feasible = [p for p in comparison.plans if p.feasible and p.days > 0]
    # The deadline counts calendar days (lead time + training at the sized confidence). A
    # recommendation may rank none while plans meet it (one configuration alone in scope is
    # named, not ranked), so the plans say whether the deadline holds.
    if deadline is not None and feasible and not any(p.meets_deadline for p in feasible):
        fastest = min(p.lead_time_days + p.days_at_confidence for p in feasible)
        days = math.ceil(fastest)
        return Explanation(
            translate("Refusals", "No configuration meets the %1-day deadline: the fastest needs %2 days.")
            .replace("%1", f"{deadline:g}")
            .replace("%2", f"{fastest:.1f}"),
            translate("Refusals", "Move the deadline to %1 days").replace("%1", str(days)),
            replace(request, schedule=replace(request.schedule, days=float(days))),
        )
    return None
