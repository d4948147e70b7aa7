"""Which of the plan's configurations a quotation answers, anchored on what was asked.

In order: the configuration the user chose (the import dialog, ``--config``); the RFQ's
configuration id the reply carries (our RFQ prints it beside its number, and a vendor
quoting "询价单号 RFQ-2026-017 / inspur-nf5688m6-a800" carries it too); a quoted server
line that names one configuration's server model and GPU ("NF5688M6 … 8×A800"); else the
configuration whose lines the quotation matches best. Each answer says how it was chosen.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from engine.model import Comparison, Plan
from engine.naming import config_by_reference
from engine.quotes.matching import models
from engine.quotes.model import VendorQuote

_COUNT = re.compile(r"(\d)\s*[x×*]\s*")
ChosenBy = str  # "user" | "rfq" | "server_line" | "only" | "best_fit"


def feasible(comparison: Comparison) -> list[Plan]:
    return [p for p in comparison.plans if p.feasible and p.money is not None]


def by_reference(quote: VendorQuote, plans: list[Plan]) -> Plan | None:
    """The configuration the reply names: its configuration id, or an id inside its RFQ
    number or letterhead, or the configuration's code that ends the RFQ number our RFQ
    printed (engine.naming.rfq_reference), echoed alone."""
    if quote.rfq_no and not quote.config_id:
        coded = config_by_reference(quote.rfq_no, [p.config for p in plans])
        if coded is not None:
            return next(p for p in plans if p.config == coded)
    said = " ".join([quote.config_id, quote.rfq_no, *quote.letterhead]).lower()
    named = [p for p in plans if p.config.lower() in said]
    exact = [p for p in named if p.config.lower() == quote.config_id.lower()]
    if len(exact) == 1:
        return exact[0]
    return named[0] if len(named) == 1 else None


def _gpu_pattern(plan: Plan) -> re.Pattern[str]:
    """The GPU's model as a quotation writes it: "A800", "8×A800", "8xA800", never "A8000"."""
    model = plan.gpu.split("-")[0].lower()
    return re.compile(rf"(?<![a-z]){re.escape(model)}(?![0-9])")


def _server_models(plan: Plan) -> set[str]:
    return {m for m in models(plan.server) if not m.isdigit()}


def by_server_line(quote: VendorQuote, plans: list[Plan]) -> Plan | None:
    """The one configuration whose server model and GPU a quoted server line names (with the
    feature lines beneath it, which often carry the GPU)."""
    texts = []
    for line in quote.items:
        parts = " ".join(c.description for c in quote.components(line.row))
        said = f"{line.part_number} {line.description} {line.remark} {parts}".lower()
        texts.append(_COUNT.sub(r"\1 ", said))  # "8×A800" reads "8 a800"
    hits = []
    for plan in plans:
        servers, gpu = _server_models(plan), _gpu_pattern(plan)
        if servers and any(gpu.search(t) and any(s in t for s in servers) for t in texts):
            hits.append(plan)
    return hits[0] if len(hits) == 1 else None


def choose(comparison: Comparison, quote: VendorQuote, config: str | None,
           best: Callable[[list[Plan]], Plan]) -> tuple[Plan, ChosenBy, bool]:
    """(the plan, how it was chosen, whether that needed no guess about the vendor: False when
    the quotation's vendor has no configuration in the plan and nothing else anchored it)."""
    plans = feasible(comparison)
    if config is not None:
        chosen = next((p for p in comparison.plans if p.config == config), None)
        if chosen is None:
            allowed = ", ".join(p.config for p in plans)
            raise ValueError(f"--config: {config!r} is not a configuration of the plan; "
                             f"allowed: {allowed}")
        return chosen, "user", True
    if not plans:
        raise ValueError("the plan has no feasible configuration to reconcile a quotation with")
    same = [p for p in plans if p.vendor.lower() == quote.vendor.lower()] if quote.vendor else []
    pool = same or plans
    for how, anchor in (("rfq", by_reference), ("server_line", by_server_line)):
        found = anchor(quote, pool)
        if found is not None:
            return found, how, True  # what was asked: no guess about the vendor
    if len(pool) == 1:
        return pool[0], "only", bool(same)
    return best(pool), "best_fit", bool(same)
