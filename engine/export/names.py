"""What a person calls a configuration, and which configurations a document details.

A quote is read by buyers and vendors, not by the engine: "Inspur NF5688M6 · 8× A800
SXM4" rather than ``inspur-nf5688m6-a800``. A document details (a BOM sheet in the
comparison, a quotation sheet in an RFQ) only the configurations worth reading in
full: the *shortlist* is the recommendation and each vendor's best, so fifteen
compared configurations print as a few BOMs, not fifteen.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from engine.model import Comparison
from engine.naming import config_title, gpu_short, server_model, titles, vendor_name

__all__ = ["config_title", "gpu_short", "server_model", "titles", "vendor_name"]

Detail = Literal["shortlist", "all"] | Sequence[str]
DETAILS = ("shortlist", "all")


class DetailError(ValueError):
    """A ``detail`` that names no configuration, or ones the comparison does not price."""

    def __init__(self, message: str, unknown: list[str], allowed: str) -> None:
        super().__init__(message)
        self.unknown = unknown
        self.allowed = allowed


def shortlist(comparison: Comparison) -> list[str]:
    """The recommendation (cheapest meeting the deadline, lowest TCO, fastest), then each
    vendor's best by the same rule, without repeats; only priced configurations."""
    from engine.compare import recommend

    priced = [p for p in comparison.plans if p.money is not None]
    rec = comparison.recommendation
    chosen = [rec.cheapest_meeting_deadline, rec.lowest_tco, rec.fastest, rec.only]
    for vendor in dict.fromkeys(p.vendor for p in priced):
        own = recommend(tuple(p for p in priced if p.vendor == vendor),
                        comparison.request.schedule.days)
        chosen.append(own.cheapest_meeting_deadline or own.lowest_tco or own.fastest or own.only)
    ids = {p.config for p in priced}
    return [c for c in dict.fromkeys(chosen) if c in ids]


def detailed(comparison: Comparison, detail: Detail) -> list[str]:
    """The configuration ids ``detail`` names, in the comparison's order.

    ``"shortlist"``, ``"all"`` or configuration ids. Raises ValueError naming the field,
    the value and what is allowed.
    """
    priced = [p.config for p in comparison.plans if p.money is not None]
    if isinstance(detail, str):
        if detail == "all":
            return priced
        if detail == "shortlist":
            wanted = set(shortlist(comparison))
            return [c for c in priced if c in wanted] or priced[:1]
        detail = [part.strip() for part in detail.split(",") if part.strip()]
    unknown = [c for c in detail if c not in priced]
    allowed = ", ".join([*DETAILS, *priced]) or "none"
    if not detail:
        raise DetailError(f"detail: names no configuration; allowed: {allowed}", [], allowed)
    if unknown:
        raise DetailError(f"detail: {', '.join(unknown)} is not a priced configuration of this "
                          f"plan; allowed: {allowed}", unknown, allowed)
    wanted = set(detail)
    return [c for c in priced if c in wanted]
