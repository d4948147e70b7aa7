"""The plan session: undo and redo of assumption changes and BOM overrides, the Edit menu,
its shortcuts, and the modified mark following the saved state."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from desktop.history import History, Step, changed_fields, describe, override_change
from engine import compare
from engine.model import Facility, Finance, LineOverride
from engine.planfile import save_plan
from tests.shared import GPT3_30_DAYS

RACK_12 = dataclasses.replace(GPT3_30_DAYS, facility=Facility(rack_kw=12.0))
RACK_30 = dataclasses.replace(GPT3_30_DAYS, facility=Facility(rack_kw=30.0))


def type_into(qtbot, field, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type ``text`` into an assumption field and press Enter, as a user does."""
    field.edit.setFocus()
    field.edit.selectAll()
    qtbot.keyClicks(field.edit, text)
    qtbot.keyClick(field.edit, Qt.Key.Key_Return)


def planned(qtbot, window, action) -> None:  # type: ignore[no-untyped-def]
    """Run ``action`` and wait for the plan it starts."""
    with qtbot.waitSignal(window.planner.finished, timeout=20_000):
        action()


# ---------------------------------------------------------------- the history on its own
def test_history_undo_redo_and_the_clean_point() -> None:
    h = History()
    assert h.is_clean() and h.next_undo() is None and h.next_redo() is None
    h.push(GPT3_30_DAYS, RACK_12)
    assert not h.is_clean()
    assert h.undo() == Step(GPT3_30_DAYS, RACK_12)
    assert h.is_clean()  # back at the saved state
    assert h.redo() == Step(GPT3_30_DAYS, RACK_12)
    h.set_clean()  # saved here
    h.push(RACK_12, RACK_30)
    assert h.undo() is not None and h.is_clean()
    assert h.undo() is not None and not h.is_clean()
    h.push(GPT3_30_DAYS, RACK_30)  # an edit after undo: the saved state cannot come back
    assert h.next_redo() is None
    assert h.undo() is not None and not h.is_clean()
    assert h.undo() is None
    h.reset(clean=False)
    assert not h.is_clean() and h.next_undo() is None


def test_a_step_names_what_it_changed(qapp) -> None:  # type: ignore[no-untyped-def]
    assert changed_fields(GPT3_30_DAYS, RACK_12) == ["facility.rack_kw"]
    assert describe(Step(GPT3_30_DAYS, RACK_12)) == "change of rack budget"
    deadline = dataclasses.replace(GPT3_30_DAYS,
                                   schedule=dataclasses.replace(GPT3_30_DAYS.schedule, days=60.0))
    assert describe(Step(GPT3_30_DAYS, deadline)) == "change of deadline"
    # a currency change clears the prices typed in the old one: one step, named by the currency
    usd = dataclasses.replace(GPT3_30_DAYS, finance=Finance(currency="USD"))
    cny_priced = dataclasses.replace(GPT3_30_DAYS, finance=Finance(power_price=0.6, colo_rent_kw_month=900))
    assert changed_fields(cny_priced, usd) == [
        "finance.currency", "finance.power_price", "finance.colo_rent_kw_month"]
    assert describe(Step(cny_priced, usd)) == "change of currency and 2 more"
    # a field without a name of its own is named by its section
    assert describe(Step(GPT3_30_DAYS, dataclasses.replace(GPT3_30_DAYS, configs=("x",)))) == (
        "change of configurations")


def test_a_bom_step_names_the_kind_of_edit(qapp) -> None:  # type: ignore[no-untyped-def]
    qty = LineOverride("c", "gpu", qty=7, category="compute")
    price = LineOverride("c", "gpu", unit_price=9.0, category="compute")
    both = LineOverride("c", "gpu", qty=7, unit_price=9.0, category="compute")
    added = LineOverride("c", "added-1", qty=1, unit_price=5.0, added=True, description="x")
    assert override_change((), (qty,)) == "change of quantity"
    assert override_change((), (price,)) == "change of unit price"
    assert override_change((qty,), (both,)) == "change of unit price"
    assert override_change((both,), (price,)) == "change of quantity"
    assert override_change((qty,), (qty, added)) == "added BOM line"
    assert override_change((qty, added), ()) == "reverted BOM lines"
    assert override_change((qty,), (qty,)) == ""
    before = dataclasses.replace(GPT3_30_DAYS, overrides=(qty,))
    assert describe(Step(GPT3_30_DAYS, before)) == "change of quantity"


# ---------------------------------------------------------------- the window
def test_undo_and_redo_of_an_assumption_change(qtbot, window, wait_planned) -> None:  # type: ignore[no-untyped-def]
    assert not window.undo_action.isEnabled() and not window.redo_action.isEnabled()
    window.set_request(GPT3_30_DAYS)
    wait_planned(window)
    first = window.result.comparison
    assert not window.undo_action.isEnabled()  # opening is no edit

    planned(qtbot, window, lambda: type_into(qtbot, window.panel.rack_kw, "12"))
    assert window.request == RACK_12 and window.result.comparison == compare(RACK_12)
    assert window.undo_action.isEnabled() and window.undo_action.text() == "&Undo change of rack budget"
    assert not window.redo_action.isEnabled()

    planned(qtbot, window, window.undo_action.trigger)
    assert window.request == GPT3_30_DAYS  # the very request, not a look-alike
    assert window.result.comparison == first
    assert window.panel.rack_kw.value() is None  # the panel shows the restored request
    assert not window.undo_action.isEnabled()
    assert window.redo_action.text() == "&Redo change of rack budget"

    planned(qtbot, window, window.redo_action.trigger)
    assert window.request == RACK_12 and window.result.comparison == compare(RACK_12)
    assert window.panel.rack_kw.value() == 12.0
    assert not window.redo_action.isEnabled()


def test_an_edit_after_undo_clears_redo(qtbot, window, wait_planned) -> None:  # type: ignore[no-untyped-def]
    window.set_request(GPT3_30_DAYS)
    wait_planned(window)
    planned(qtbot, window, lambda: type_into(qtbot, window.panel.rack_kw, "12"))
    planned(qtbot, window, window.session.undo)
    assert window.redo_action.isEnabled()
    planned(qtbot, window, lambda: type_into(qtbot, window.panel.days, "60"))
    assert window.request.schedule.days == 60.0 and window.request.facility.rack_kw is None
    assert not window.redo_action.isEnabled()
    assert window.undo_action.text() == "&Undo change of deadline"
    planned(qtbot, window, window.session.undo)
    assert window.request == GPT3_30_DAYS
    assert not window.session.undo()  # the rack budget edit went with the redo


def test_undo_of_a_bom_override(qtbot, window, wait_planned) -> None:  # type: ignore[no-untyped-def]
    window.set_request(GPT3_30_DAYS)
    wait_planned(window)
    first = window.result.comparison
    plan = next(p for p in first.plans if p.feasible)
    line = plan.bom[0]
    planned(qtbot, window, lambda: window.overrides.set_qty(plan.config, line.item, line.category,
                                                            line.qty + 3))
    override = LineOverride(plan.config, line.item, qty=line.qty + 3, category=line.category)
    assert window.request.overrides == (override,)
    edited = next(p for p in window.result.comparison.plans if p.config == plan.config)
    assert next(b for b in edited.bom if b.item == line.item).qty == line.qty + 3
    assert window.undo_action.text() == "&Undo change of quantity"

    planned(qtbot, window, window.undo_action.trigger)
    assert window.request == GPT3_30_DAYS and window.result.comparison == first
    planned(qtbot, window, window.redo_action.trigger)
    assert window.request.overrides == (override,)


def test_keyboard_shortcuts_undo_and_redo(qtbot, window, wait_planned) -> None:  # type: ignore[no-untyped-def]
    assert window.undo_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)
    assert window.redo_action.shortcut() == QKeySequence("Ctrl+Shift+Z")  # the one the menu shows
    window.set_request(GPT3_30_DAYS)
    wait_planned(window)
    planned(qtbot, window, lambda: type_into(qtbot, window.panel.rack_kw, "12"))
    window.activateWindow()
    window.tabs.setFocus()  # out of the text field, whose own Ctrl+Z undoes typing
    planned(qtbot, window, lambda: qtbot.keyClick(window.tabs, Qt.Key.Key_Z,
                                                  Qt.KeyboardModifier.ControlModifier))
    assert window.request == GPT3_30_DAYS
    planned(qtbot, window, lambda: qtbot.keyClick(
        window.tabs, Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier))
    assert window.request == RACK_12


def test_ctrl_z_in_a_field_undoes_its_typing_then_the_plan(qtbot, window, wait_planned) -> None:  # type: ignore[no-untyped-def]
    window.set_request(GPT3_30_DAYS)
    wait_planned(window)
    planned(qtbot, window, lambda: type_into(qtbot, window.panel.rack_kw, "12"))
    edit = window.panel.rack_kw.edit
    assert edit.hasFocus()
    ctrl = Qt.KeyboardModifier.ControlModifier
    # typing not yet committed is the field's to undo: the plan stays
    qtbot.keyClicks(edit, "5")
    assert edit.text() == "125"
    qtbot.keyClick(edit, Qt.Key.Key_Z, ctrl)
    assert edit.text() == "12" and window.request == RACK_12 and not window.planner.busy
    # nothing typed since Enter: Ctrl+Z and Ctrl+Shift+Z walk the plan's history
    planned(qtbot, window, lambda: qtbot.keyClick(edit, Qt.Key.Key_Z, ctrl))
    assert window.request == GPT3_30_DAYS and edit.text() == ""
    planned(qtbot, window, lambda: qtbot.keyClick(edit, Qt.Key.Key_Z,
                                                  ctrl | Qt.KeyboardModifier.ShiftModifier))
    assert window.request == RACK_12 and edit.text() == "12"


def test_opening_a_file_or_a_new_plan_resets_the_history(qtbot, window, wait_planned, tmp_path) -> None:  # type: ignore[no-untyped-def]
    window.set_request(GPT3_30_DAYS)
    wait_planned(window)
    planned(qtbot, window, lambda: type_into(qtbot, window.panel.rack_kw, "12"))
    path = tmp_path / "other.cqplan"
    save_plan(RACK_30, path)
    window.session.mark_clean()  # no "save changes?" question
    planned(qtbot, window, lambda: window.open_plan(path))
    assert window.request == RACK_30
    assert not window.undo_action.isEnabled() and not window.redo_action.isEnabled()
    assert not window.session.undo()

    planned(qtbot, window, lambda: type_into(qtbot, window.panel.rack_kw, "12"))
    assert window.undo_action.isEnabled()
    window.session.mark_clean()
    window.new_plan()
    wizard = window.wizard
    assert wizard.model_page.select_preset("gpt3-175b")
    planned(qtbot, window, wizard.accept)
    assert window.path is None and window.modified
    assert not window.undo_action.isEnabled() and not window.redo_action.isEnabled()


def test_the_modified_mark_follows_the_saved_state(qtbot, window, wait_planned, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "plan.cqplan"
    save_plan(GPT3_30_DAYS, path)
    planned(qtbot, window, lambda: window.open_plan(path))
    assert not window.modified and window.windowTitle() == "plan.cqplan — ClusterQuote"
    planned(qtbot, window, lambda: type_into(qtbot, window.panel.rack_kw, "12"))
    assert window.modified and window.windowTitle() == "plan.cqplan * — ClusterQuote"
    planned(qtbot, window, window.session.undo)
    assert not window.modified and window.windowTitle() == "plan.cqplan — ClusterQuote"
    planned(qtbot, window, window.session.redo)
    assert window.modified
    assert window._write_plan(path)  # saved with the rack budget
    assert not window.modified
    planned(qtbot, window, window.session.undo)
    assert window.modified and window.windowTitle() == "plan.cqplan * — ClusterQuote"
    planned(qtbot, window, window.session.redo)
    assert not window.modified


def test_a_fix_is_one_undoable_step(qtbot, window, wait_planned) -> None:  # type: ignore[no-untyped-def]
    window.set_request(GPT3_30_DAYS)
    wait_planned(window)
    fixed = dataclasses.replace(GPT3_30_DAYS, facility=Facility(cooling="liquid"))
    planned(qtbot, window, lambda: window.apply_fix(fixed))
    assert window.request == fixed and window.panel.cooling.currentData() == "liquid"
    assert window.undo_action.text() == "&Undo change of cooling"
    planned(qtbot, window, window.session.undo)
    assert window.request == GPT3_30_DAYS and window.panel.cooling.currentData() == "air"


def test_the_history_survives_a_language_change(qtbot, add_window, settings, wait_planned) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    from desktop.app import Controller
    from desktop.i18n import install_translators

    app = QApplication.instance()
    controller = Controller(app, settings)
    first = add_window(controller.make_window())
    first.set_request(GPT3_30_DAYS)
    wait_planned(first)
    planned(qtbot, first, lambda: type_into(qtbot, first.panel.rack_kw, "12"))
    try:
        first.choose_language("zh_CN")
        second = add_window(controller.window)
        wait_planned(second)
        assert second.session is first.session and second.request == RACK_12
        assert second.undo_action.text() == "撤销修改机柜功率上限(&U)"
        assert second.panel.rack_kw.value() == 12.0
        planned(qtbot, second, second.undo_action.trigger)
        assert second.request == GPT3_30_DAYS and second.panel.rack_kw.value() is None
        assert second.redo_action.text() == "重做修改机柜功率上限(&R)"
        second.session.mark_clean()
    finally:
        install_translators(app, "en")
