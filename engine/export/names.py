"""What a person calls a configuration, and which configurations a document details.

A quote is read by buyers and vendors, not by the engine: "Inspur NF5688M6 · 8× A800
SXM4" rather than ``inspur-nf5688m6-a800``. A document details (a BOM sheet in the
comparison, a quotation sheet in an RFQ) only the configurations worth reading in
full: the *shortlist* is the recommendation and each vendor's best, so fifteen
compared configurations print as a few BOMs, not fifteen.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Literal

from engine.export.safe import MAX_SHEET_NAME
from engine.model import Comparison, Plan
from engine.naming import config_title, gpu_short, server_model, titles, vendor_name

__all__ = ["bom_sheet_name", "config_title", "gpu_short", "server_model", "server_name", "titles",
           "vendor_name"]

Detail = Literal["shortlist", "all"] | Sequence[str]
DETAILS = ("shortlist", "all")


class DetailError(ValueError):
    """A ``detail`` that names no configuration, or ones the comparison does not price."""

    def __init__(self, message: str, unknown: list[str], allowed: str) -> None:
        super().__init__(message)
        self.unknown = unknown
        self.allowed = allowed


def server_name(plan: Plan, lang: str, *, vendor: bool = True) -> str:
    """The server as ``lang`` names it: 'Lenovo ThinkSystem SR680a V3', '浪潮 NF5688M7' (the
    vendor's name in the reader's language, then the family and model as the catalogue spells
    them); without ``vendor``, the family and model alone, for a line that names the vendor."""
    model = plan.server.removeprefix(plan.vendor).strip() or plan.server
    return f"{vendor_name(plan.vendor, lang)} {model}" if vendor else model


def bom_sheet_name(plan: Plan, word: str, title: str, lang: str,
                   taken: Collection[str] = ()) -> str:
    """A BOM sheet's name within Excel's 31 characters, in words a buyer reads, never the
    configuration's id: the first of "<word> <title>" and shorter forms that fits and is not
    ``taken`` (lower case): without the vendor (whose model names are its own), the title
    (without a disambiguating id), then without the count of GPUs. A name that fits none is
    the title cut, with an ellipsis. (The sheet's document property keeps the id.)"""
    vendor = vendor_name(plan.vendor, lang)
    model, gpu = server_model(plan), gpu_short(plan.gpu_name)
    per_node = f"{plan.gpus_per_node}× {gpu}"
    candidates = (f"{word} {title}", f"{word} {model} · {per_node}", title,
                  f"{vendor} {model} · {per_node}", f"{word} {model} · {gpu}",
                  f"{model} · {per_node}", f"{vendor} {model} · {gpu}", f"{model} · {gpu}",
                  f"{vendor} {model}", model)
    fits = next((name for name in candidates
                 if len(name) <= MAX_SHEET_NAME and name.lower() not in taken), None)
    return fits or title[: MAX_SHEET_NAME - 1].rstrip() + "…"


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
