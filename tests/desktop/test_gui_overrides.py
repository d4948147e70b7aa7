"""A BOM you can adjust and plans that keep what was quoted, through the window:
edit, re-plan, save, reopen (same totals); price snapshots; re-pricing."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt

from desktop.bom_edit import BomEditBar
from desktop.models import BomModel
from engine import compare
from engine.model import Finance, LineOverride, PlanRequest, Schedule, Workload
from engine.money.prices import PriceList, load_price_list, save_user_price_list

A800 = "inspur-nf5688m6-a800"
H800 = "lenovo-sr680av3-h800"
GPU = "a800-sxm4-80gb"  # priced inside the A800 configured system's line, no line of its own
REQUEST = PlanRequest(Workload(preset="gpt3-175b"), Schedule(days=30.0, lead_time_days=0.0),
                      finance=Finance(vat=0.13, vat_services=0.06, discount=0.1), configs=(A800, H800))


def capex(window, config: str) -> float:  # type: ignore[no-untyped-def]
    plan = next(p for p in window.result.comparison.plans if p.config == config)
    return plan.money.capex  # type: ignore[no-any-return]


def bom_tab(window, config: str):  # type: ignore[no-untyped-def]
    """The BOM view showing ``config``, as a user picks it, with the latest plan."""
    window.bom_view.select(config)
    return window.bom_view.tab


def source_row(model: BomModel, item: str) -> int:
    return next(r for r in range(model.rowCount()) if model.line_at(r).item == item)


def edit(qtbot, window, wait_planned, config: str, item: str, column: int, value: object) -> None:  # type: ignore[no-untyped-def]
    """Type ``value`` into a BOM cell as the delegate would, and wait for the re-plan."""
    model = bom_tab(window, config).model
    index = model.index(source_row(model, item), column)
    assert model.flags(index) & Qt.ItemFlag.ItemIsEditable
    with qtbot.waitSignal(window.planner.finished, timeout=20_000):
        assert model.setData(index, value, Qt.ItemDataRole.EditRole)
    wait_planned(window)


# Rated services are a share of the equipment value (resources/assumptions.toml): warranty
# 1.5 % a year for 3 years, project management 1.0 %, logistics 0.8 %, rounded to cents.
EQUIPMENT = ("compute", "network", "storage", "management", "rack_power", "cooling", "spares")


def rated_services(equipment: float) -> float:
    return 3 * round(0.015 * equipment, 2) + round(0.010 * equipment, 2) + round(0.008 * equipment, 2)


def dearer_today(item: str, factor: float) -> PriceList:
    prices = load_price_list()
    entries = dict(prices.entries)
    entries[item] = dataclasses.replace(entries[item], unit_price=entries[item].unit_price * factor)
    return PriceList("today", entries)


def test_bom_model_edits_only_quantity_and_price_and_passes_the_model_tester(
    qtmodeltester, comparison  # type: ignore[no-untyped-def]
) -> None:
    from PySide6.QtCore import QObject

    from desktop.overrides import OverrideBook

    holder = QObject()
    holder.request = dataclasses.replace(comparison.request, configs=())  # type: ignore[attr-defined]
    emitted: list[PlanRequest] = []
    book = OverrideBook(holder)
    book.edited.connect(emitted.append)
    plan = comparison.plans[0]
    model = BomModel(plan.bom, book=book, config=plan.config)
    qtmodeltester.check(model, force_py=True)
    editable = [c for c in range(model.columnCount()) if model.flags(model.index(0, c))
                & Qt.ItemFlag.ItemIsEditable]
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in editable] == ["Qty", "Unit price"]
    for bad in (-1, 2.5, "many"):
        assert not model.setData(model.index(0, 4), bad)
    assert not model.setData(model.index(0, 5), -3.0)
    assert emitted == []
    assert model.setData(model.index(0, 4), 7)
    assert emitted[-1].overrides == (LineOverride(plan.config, plan.bom[0].item, qty=7,
                                                   category=plan.bom[0].category),)
    assert model.data(model.index(0, 4)) == "7"  # shown before the re-plan comes back
    assert not BomModel(plan.bom).flags(BomModel(plan.bom).index(0, 4)) & Qt.ItemFlag.ItemIsEditable


def test_edit_replan_mark_add_and_revert(qtbot, window, wait_planned) -> None:  # type: ignore[no-untyped-def]
    window.set_request(REQUEST)
    wait_planned(window)
    before = next(p for p in window.result.comparison.plans if p.config == A800)
    system = next(b for b in before.bom if b.item == A800)  # base + 8 GPUs + 8 HCAs, one line

    edit(qtbot, window, wait_planned, A800, A800, 5, 1_000_000.0)  # the vendor's system price
    # by hand, at the shipped prices: 112 systems at 1 000 000 instead of 1 104 640 take
    # 11 719 680 off the equipment value (174 617 072 → 162 897 392) and the rated services
    # follow it (11 000 875.54 → 10 262 535.70, −738 339.84); less 10 % discount, plus
    # VAT, 13 % on the equipment and 6 % on the services:
    # capex falls by 11 719 680 × 0.9 × 1.13 + 738 339.84 × 0.9 × 1.06
    equipment = sum(b.total for b in before.bom if b.category in EQUIPMENT)
    line_delta = system.qty * (system.unit_price - 1_000_000.0)
    rated_delta = rated_services(equipment) - rated_services(equipment - line_delta)
    expected = (before.money.capex  # type: ignore[union-attr]
                - line_delta * 0.9 * 1.13 - rated_delta * 0.9 * 1.06)
    assert capex(window, A800) == pytest.approx(expected, abs=0.01)
    assert window.request.overrides == (LineOverride(A800, A800, unit_price=1_000_000.0, category="compute"),)
    assert window.modified and window.panel._request == window.request
    model = bom_tab(window, A800).model
    row = source_row(model, A800)
    assert model.data(model.index(row, 5), Qt.ItemDataRole.BackgroundRole) is not None
    assert model.data(model.index(row, 4), Qt.ItemDataRole.BackgroundRole) is None  # qty is the plan's
    assert "price list" in model.data(model.index(row, 5), Qt.ItemDataRole.ToolTipRole)
    h800 = bom_tab(window, H800).model  # the one BOM view, now on the H800 configuration
    assert not any(h800.line_at(r).overridden for r in range(h800.rowCount()))
    bom_tab(window, A800)

    # an assumption edit re-plans and keeps the override
    with qtbot.waitSignal(window.planner.finished, timeout=20_000):
        window.panel.rack_kw.set_value(30.0)
        window.panel.apply_now()
    wait_planned(window)
    assert window.request.overrides == (LineOverride(A800, A800, unit_price=1_000_000.0, category="compute"),)
    model = bom_tab(window, A800).model
    assert model.line_at(source_row(model, A800)).unit_price == 1_000_000.0

    # a line of the user's own
    bar = bom_tab(window, A800).findChild(BomEditBar)
    capex_before_add = capex(window, A800)
    with qtbot.waitSignal(window.planner.finished, timeout=20_000):
        item = bar.add_line({"category": "services", "description": "Site survey", "qty": 2,
                             "unit_price": 10_000.0})
    wait_planned(window)
    # a service: 6 % VAT (a line of any other category would take the goods rate)
    assert capex(window, A800) == pytest.approx(capex_before_add + 20_000 * 0.9 * 1.06, abs=0.01)
    model = bom_tab(window, A800).model
    added = model.line_at(source_row(model, item))
    assert (added.description_en, added.total, added.overridden) == ("Site survey", 20_000.0, True)

    # revert both: the plan's figures again
    view = bom_tab(window, A800).view
    for it in (A800, item):
        proxy_index = view.model().mapFromSource(model.index(source_row(model, it), 0))
        view.selectionModel().select(proxy_index, QItemSelectionModel.SelectionFlag.Select
                                     | QItemSelectionModel.SelectionFlag.Rows)
    assert bar.revert_button.isEnabled()
    with qtbot.waitSignal(window.planner.finished, timeout=20_000):
        bar.revert_selected()
    wait_planned(window)
    assert window.request.overrides == ()
    model = bom_tab(window, A800).model
    assert not any(model.line_at(r).overridden for r in range(model.rowCount()))
    assert capex(window, A800) == pytest.approx(
        next(p for p in compare(window.request).plans if p.config == A800).money.capex)


def test_save_reopen_same_totals_after_the_price_list_changed_then_reprice(
    qtbot, window, add_window, settings, tmp_path, wait_planned  # type: ignore[no-untyped-def]
) -> None:
    from desktop.main_window import MainWindow
    from desktop.quoted_prices import RepriceDialog

    window.set_request(REQUEST, customer="ACME", quote_no="Q-9")
    wait_planned(window)
    edit(qtbot, window, wait_planned, A800, "rack-42u", 4, 60)
    quoted = {p.config: p.money.capex for p in window.result.comparison.plans}
    path = tmp_path / "q.cqplan"
    assert window._write_plan(path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["version"] == 3 and doc["request"]["overrides"][0]["qty"] == 60
    # the entries pricing read, so also the GPUs and HCAs inside the configured systems,
    # and not the whole list (a 100 000-row list would make a plan too large to reopen)
    assert {GPU, "hca-cx6-hdr"} <= {e["item"] for e in doc["snapshot"]["entries"]}
    assert {e["item"] for e in doc["snapshot"]["entries"]} < set(load_price_list().entries)
    assert doc["snapshot"]["quoted_capex"] == pytest.approx(quoted)

    save_user_price_list(dearer_today(GPU, 1.25))  # procurement updates the list afterwards

    other = add_window(MainWindow(settings))
    assert other.open_plan(path)
    wait_planned(other)
    assert {p.config: p.money.capex for p in other.result.comparison.plans} == pytest.approx(quoted)
    assert other.request.overrides == (LineOverride(A800, "rack-42u", qty=60, category="rack_power"),)
    assert not other.modified
    other.show()
    assert other.quoted_bar.isVisible() and "as quoted" in other.quoted_bar.label.text()
    assert "differ" not in other.quoted_bar.label.text()
    model = bom_tab(other, A800).model
    assert model.line_at(source_row(model, "rack-42u")).qty == 60

    changes = {c.config: c for c in other.quoted.repricing(other.quoted.request())}
    # the GPUs are inside the configured system's line; the rated services follow it, and the
    # field spares kit's GPU board (one per 64 servers) is priced from the GPU too
    assert [line.item for line in changes[A800].lines] == [
        A800, "warranty", "project-management", "logistics", GPU]
    system = changes[A800].lines[0]
    # by hand: 8 GPUs a system, each 25 % of 83 000 dearer: 8 × 20 750 = 166 000 a system
    saved_gpu = next(e for e in other.quoted.snapshot.entries if e.item == GPU).unit_price
    assert system.unit_price_after - system.unit_price_before == pytest.approx(8 * 0.25 * saved_gpu)
    assert not changes[H800].changed  # no A800 GPUs in the H800 system
    dialog = RepriceDialog(tuple(changes.values()), other.quoted.snapshot)
    qtbot.addWidget(dialog)
    assert dialog.tree.topLevelItemCount() == 1 and dialog.tree.topLevelItem(0).childCount() == 5
    assert dialog.use_button.isEnabled()

    with qtbot.waitSignal(other.planner.finished, timeout=20_000):
        other.quoted.use_todays_prices()
    wait_planned(other)
    today = compare(other.request)  # the user's (dearer) list
    assert {p.config: p.money.capex for p in other.result.comparison.plans} == pytest.approx(
        {p.config: p.money.capex for p in today.plans})
    assert capex(other, A800) > quoted[A800] and other.modified
    assert not other.quoted_bar.isVisible()
    other.session.mark_clean()


def test_a_format_1_plan_opens_in_the_window(qtbot, window, tmp_path, wait_planned) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "old.cqplan"
    path.write_text(json.dumps({
        "format": "clusterquote-plan", "version": 1,
        "request": {"workload": {"preset": "gpt3-175b"},
                    "schedule": {"days": 30, "lead_time_days": 0}, "configs": [A800]},
    }), encoding="utf-8")
    assert window.open_plan(Path(path))
    wait_planned(window)
    assert window.request.overrides == () and window.quoted.snapshot is None
    assert not window.quoted_bar.isVisible()
    assert window.result.comparison == compare(window.request)


def test_overrides_and_snapshot_survive_the_wizard_and_a_language_switch(
    qtbot, add_window, settings, tmp_path, wait_planned  # type: ignore[no-untyped-def]
) -> None:
    from PySide6.QtWidgets import QApplication

    from desktop.app import Controller
    from desktop.draft import RequestDraft
    from desktop.i18n import install_translators

    request = dataclasses.replace(REQUEST, overrides=(LineOverride(A800, A800, unit_price=1.0),))
    assert RequestDraft.from_request(request).to_request() == request
    app = QApplication.instance()
    controller = Controller(app, settings)
    first = controller.make_window()  # handed over (and deleted) by the switch below
    first.set_request(request)
    wait_planned(first)
    path = tmp_path / "p.cqplan"
    assert first._write_plan(path)
    assert first.open_plan(path)
    wait_planned(first)
    snapshot = first.quoted.snapshot
    assert snapshot is not None
    try:
        first.choose_language("zh_CN")
        second = add_window(controller.window)
        wait_planned(second)
        assert second.request == request and second.quoted.snapshot == snapshot
        second.session.mark_clean()
    finally:
        install_translators(app, "en")
        if controller.window is first:  # the switch failed: close the first window here
            first.planner.wait()
            first.session.mark_clean()
            first.close()


def test_a_restored_draft_keeps_the_saved_prices(
    qtbot, add_window, settings, data_dir, tmp_path, monkeypatch, wait_planned  # type: ignore[no-untyped-def]
) -> None:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from desktop.app import Controller
    from desktop.main_window import MainWindow

    crashed = add_window(MainWindow(settings))
    crashed.set_request(REQUEST)
    wait_planned(crashed)
    path = tmp_path / "q.cqplan"
    assert crashed._write_plan(path) and crashed.open_plan(path)
    wait_planned(crashed)
    quoted = {p.config: p.money.capex for p in crashed.result.comparison.plans}
    crashed.hide()  # the process "dies"; the draft stays
    save_user_price_list(dearer_today(GPU, 1.5))

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window = add_window(Controller(QApplication.instance(), settings).start())
    wait_planned(window)
    assert window.quoted.snapshot == crashed.quoted.snapshot
    assert {p.config: p.money.capex for p in window.result.comparison.plans} == pytest.approx(quoted)


def test_typing_into_the_price_cell_goes_through_the_spin_box(qtbot, window, wait_planned) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QDoubleSpinBox, QSpinBox

    window.set_request(REQUEST)
    wait_planned(window)
    tab = bom_tab(window, A800)
    window.tabs.setCurrentWidget(tab)
    model, view = tab.model, tab.view
    cell = view.model().mapFromSource(model.index(source_row(model, A800), 5))
    view.setCurrentIndex(cell)
    view.edit(cell)
    editor = view.findChild(QDoubleSpinBox)
    assert editor is not None and editor.minimum() == 0 and editor.decimals() == 2
    editor.selectAll()
    with qtbot.waitSignal(window.planner.finished, timeout=20_000):
        qtbot.keyClicks(editor, "998500.5")
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    wait_planned(window)
    assert window.request.overrides == (LineOverride(A800, A800, unit_price=998_500.5, category="compute"),)
    qty = view.model().mapFromSource(model.index(source_row(model, A800), 4))
    view.setCurrentIndex(qty)
    view.edit(qty)
    spin = view.findChild(QSpinBox)
    assert spin is not None and spin.minimum() == 0
    qtbot.keyClick(spin, Qt.Key.Key_Escape)  # a look without a change sets nothing
    assert window.request.overrides == (LineOverride(A800, A800, unit_price=998_500.5, category="compute"),)


def test_one_bom_model_follows_a_configuration_picker(comparison) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QObject

    from desktop.overrides import OverrideBook

    holder = QObject()
    holder.request = comparison.request  # type: ignore[attr-defined]
    emitted: list[PlanRequest] = []
    book = OverrideBook(holder)
    book.edited.connect(emitted.append)
    model = BomModel(book=book)
    assert not model.editable()
    picked = [p for p in comparison.plans if p.feasible][:2]
    for plan in picked:
        model.set_plan(plan)  # what a picker does when another configuration is chosen
        assert model.config == plan.config and model.rowCount() == len(plan.bom)
        assert model.setData(model.index(0, 4), plan.bom[0].qty + 1)
        assert emitted[-1].overrides[-1] == LineOverride(plan.config, plan.bom[0].item,
                                                         qty=plan.bom[0].qty + 1,
                                                         category=plan.bom[0].category)
        holder.request = emitted[-1]  # type: ignore[attr-defined]  # the window takes the edit
    overrides = holder.request.overrides  # type: ignore[attr-defined]
    assert [o.config for o in overrides] == [p.config for p in picked]


def test_a_broken_price_list_does_not_stop_a_plan_on_saved_prices(
    qtbot, window, data_dir, tmp_path, wait_planned  # type: ignore[no-untyped-def]
) -> None:
    window.set_request(REQUEST)
    wait_planned(window)
    quoted = {p.config: p.money.capex for p in window.result.comparison.plans}
    path = tmp_path / "q.cqplan"
    assert window._write_plan(path)
    (data_dir / "prices.csv").write_text("not,a,price,list\n", encoding="utf-8")
    assert window.open_plan(path)
    wait_planned(window)
    assert window.error is None
    assert {p.config: p.money.capex for p in window.result.comparison.plans} == pytest.approx(quoted)


def test_totals_that_moved_since_the_quote_are_said_in_the_bar(
    qtbot, window, tmp_path, wait_planned  # type: ignore[no-untyped-def]
) -> None:
    window.set_request(REQUEST)
    wait_planned(window)
    path = tmp_path / "q.cqplan"
    assert window._write_plan(path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    # as if the quote had been made under another catalog that sized the A800 plan differently
    doc["snapshot"]["quoted_capex"][A800] += 1_000.0
    doc["snapshot"]["catalog_version"] = "0123456789ab"
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert window.open_plan(path)
    wait_planned(window)
    text = window.quoted_bar.label.text()
    assert "differ from the quote" in text and "0123456789ab" in text
    assert window.quoted.differences(window.result.comparison)[0][0] == A800


def test_the_bom_editor_says_whether_a_typed_price_is_list_or_net(qtbot, comparison) -> None:  # type: ignore[no-untyped-def]
    """A visible switch beside the BOM: a price typed as net is sent as net (never discounted
    again), as list by default."""
    from PySide6.QtCore import QObject
    from PySide6.QtWidgets import QTableView

    from desktop.bom_edit import attach_editing
    from desktop.overrides import OverrideBook

    holder = QObject()
    holder.request = comparison.request  # type: ignore[attr-defined]
    emitted: list[PlanRequest] = []
    book = OverrideBook(holder)
    book.edited.connect(emitted.append)
    plan = next(p for p in comparison.plans if p.feasible)
    model = BomModel(plan.bom, book=book, config=plan.config)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    bar = attach_editing(view, model)
    assert bar.basis_box.isVisibleTo(bar) or not bar.isVisible()
    assert bar.basis_box.currentData() == "list"
    assert model.setData(model.index(0, 5), 1_000_000.0)
    assert emitted[-1].overrides[-1].basis == "list"
    bar.basis_box.setCurrentIndex(bar.basis_box.findData("net"))
    assert model.setData(model.index(1, 5), 500_000.0)
    assert emitted[-1].overrides[-1].basis == "net" and emitted[-1].overrides[-1].unit_price == 500_000
