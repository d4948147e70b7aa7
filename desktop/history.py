"""Undo and redo of the request: a stack of immutable requests, and what each step changed.

A ``PlanRequest`` is frozen, so an edit is a pair (before, after) and undoing it is
putting ``before`` back. ``History`` keeps those pairs and where the saved file stands
among them (its clean point), as QUndoStack does, without widgets. ``describe`` names
a step from the two requests ("change of deadline", "change of unit price") at the
moment it is shown, so a language change relabels the whole history; an action that knows
better names its step itself, by a function called at that same moment.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication

from desktop.noop import QT_TRANSLATE_NOOP
from engine.model import LineOverride, PlanRequest

# What a person calls a request field in "Undo change of …"; a field missing here is
# named by its section below.
FIELD_NAMES: dict[str, str] = {
    "schedule.days": QT_TRANSLATE_NOOP("History", "deadline"),
    "schedule.gpus": QT_TRANSLATE_NOOP("History", "fleet size"),
    "schedule.lead_time_days": QT_TRANSLATE_NOOP("History", "lead time"),
    "schedule.precision": QT_TRANSLATE_NOOP("History", "precision"),
    "efficiency.mfu": QT_TRANSLATE_NOOP("History", "MFU"),
    "efficiency.goodput": QT_TRANSLATE_NOOP("History", "goodput"),
    "facility.cooling": QT_TRANSLATE_NOOP("History", "cooling"),
    "facility.rack_kw": QT_TRANSLATE_NOOP("History", "rack budget"),
    "facility.pue": QT_TRANSLATE_NOOP("History", "PUE"),
    "finance.currency": QT_TRANSLATE_NOOP("History", "currency"),
    "finance.hosting": QT_TRANSLATE_NOOP("History", "hosting"),
    "finance.colo_rent_kw_month": QT_TRANSLATE_NOOP("History", "IDC rent"),
    "finance.wholesale_rent_kw_month": QT_TRANSLATE_NOOP("History", "wholesale rent"),
    "finance.purchase_date": QT_TRANSLATE_NOOP("History", "purchase date"),
    "finance.market": QT_TRANSLATE_NOOP("History", "market"),
    "finance.ai_enterprise": QT_TRANSLATE_NOOP("History", "NVIDIA AI Enterprise"),
    "finance.power_price": QT_TRANSLATE_NOOP("History", "power price"),
    "finance.years": QT_TRANSLATE_NOOP("History", "years"),
    "finance.warranty_years": QT_TRANSLATE_NOOP("History", "warranty"),
    "finance.maintenance_rate": QT_TRANSLATE_NOOP("History", "maintenance rate"),
    "finance.exchange_rate": QT_TRANSLATE_NOOP("History", "exchange rate"),
    "finance.vat": QT_TRANSLATE_NOOP("History", "goods VAT rate"),
    "finance.vat_services": QT_TRANSLATE_NOOP("History", "services VAT rate"),
    "finance.discount": QT_TRANSLATE_NOOP("History", "discount"),
    "storage.product": QT_TRANSLATE_NOOP("History", "storage"),
}

SECTION_NAMES: dict[str, str] = {
    "workload": QT_TRANSLATE_NOOP("History", "model and data"),
    "schedule": QT_TRANSLATE_NOOP("History", "schedule"),
    "efficiency": QT_TRANSLATE_NOOP("History", "efficiency"),
    "facility": QT_TRANSLATE_NOOP("History", "facility"),
    "finance": QT_TRANSLATE_NOOP("History", "finance"),
    "configs": QT_TRANSLATE_NOOP("History", "configurations"),
    "storage": QT_TRANSLATE_NOOP("History", "storage"),
}


@dataclass(frozen=True)
class Step:
    """One undoable edit of the request."""

    before: PlanRequest
    after: PlanRequest
    # what the step is called in the GUI's language, asked when shown; None: from the requests
    label: Callable[[], str] | None = field(default=None, compare=False)


class History:
    """Undo and redo stacks of request edits, and the clean point (the saved state)."""

    def __init__(self) -> None:
        self._undo: list[Step] = []
        self._redo: list[Step] = []
        self._clean: int | None = 0  # undo depth of the saved state; None: not reachable

    def push(self, before: PlanRequest, after: PlanRequest,
             label: Callable[[], str] | None = None) -> None:
        """Record an edit; the steps undone before it can no longer be redone."""
        if self._clean is not None and self._clean > len(self._undo):
            self._clean = None  # the saved state was among the dropped redo steps
        self._redo.clear()
        self._undo.append(Step(before, after, label))

    def undo(self) -> Step | None:
        if not self._undo:
            return None
        step = self._undo.pop()
        self._redo.append(step)
        return step

    def redo(self) -> Step | None:
        if not self._redo:
            return None
        step = self._redo.pop()
        self._undo.append(step)
        return step

    def next_undo(self) -> Step | None:
        return self._undo[-1] if self._undo else None

    def next_redo(self) -> Step | None:
        return self._redo[-1] if self._redo else None

    def reset(self, *, clean: bool) -> None:
        """Forget every step: a plan opened (clean) or made anew (never saved)."""
        self._undo.clear()
        self._redo.clear()
        self._clean = 0 if clean else None

    def set_clean(self) -> None:
        """The current state is the saved one."""
        self._clean = len(self._undo)

    def is_clean(self) -> bool:
        return self._clean == len(self._undo)


def changed_fields(before: PlanRequest, after: PlanRequest) -> list[str]:
    """Dotted paths of the request fields that differ, in the request's order; BOM
    overrides are compared apart (``override_change``)."""
    changed: list[str] = []
    for f in dataclasses.fields(PlanRequest):
        if f.name == "overrides":
            continue
        old, new = getattr(before, f.name), getattr(after, f.name)
        if old == new:
            continue
        if dataclasses.is_dataclass(old) and dataclasses.is_dataclass(new):
            changed += [f"{f.name}.{g.name}" for g in dataclasses.fields(old)
                        if getattr(old, g.name) != getattr(new, g.name)]
        else:
            changed.append(f.name)
    return changed


def override_change(before: tuple[LineOverride, ...], after: tuple[LineOverride, ...]) -> str:
    """What an edit did to the BOM overrides, untranslated: '' when nothing."""
    if before == after:
        return ""
    old, new = set(before), set(after)
    gone, came = old - new, new - old
    if not gone and all(o.added for o in came):
        return QT_TRANSLATE_NOOP("History", "added BOM line")
    if not came:
        return QT_TRANSLATE_NOOP("History", "reverted BOM lines")
    if len(came) == 1 and len(gone) <= 1:
        (o,) = came
        previous = next(iter(gone), None)
        if previous is None or (previous.config, previous.item) == (o.config, o.item):
            qty_changed = (previous is None and o.qty is not None) or (
                previous is not None and previous.qty != o.qty)
            price_changed = (previous is None and o.unit_price is not None) or (
                previous is not None and previous.unit_price != o.unit_price)
            if qty_changed and not price_changed:
                return QT_TRANSLATE_NOOP("History", "change of quantity")
            if price_changed and not qty_changed:
                return QT_TRANSLATE_NOOP("History", "change of unit price")
    return QT_TRANSLATE_NOOP("History", "BOM edit")


def field_name(path: str) -> str:
    """A request field's name in the GUI's language."""
    source = FIELD_NAMES.get(path) or SECTION_NAMES.get(path.split(".")[0], path)
    return QCoreApplication.translate("History", source)


def describe(step: Step) -> str:
    """What the step changed, in the GUI's language: "change of deadline"."""
    if step.label is not None:
        return step.label()
    fields = changed_fields(step.before, step.after)
    bom = override_change(step.before.overrides, step.after.overrides)
    if not fields:
        return QCoreApplication.translate("History", bom or "BOM edit")
    more = len(fields) - 1 + (1 if bom else 0)
    if more == 0:
        return QCoreApplication.translate("History", "change of %1").replace("%1", field_name(fields[0]))
    return QCoreApplication.translate("History", "change of %1 and %n more", "", more).replace(
        "%1", field_name(fields[0]))
