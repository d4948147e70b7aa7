"""Systems the user adds, in the app: entered in the catalog window, checked by the shipped
catalog's rules, kept in the user data folder, marked user-entered, planned, and carried by
a saved plan to a machine that does not have them."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from desktop.pairing import config_label
from tests.shared import GPT3_30_DAYS

TEMPLATE = "lenovo-sr680av3-h200"


@pytest.fixture(autouse=True)
def _fresh_systems():  # type: ignore[no-untyped-def]
    from desktop import user_systems

    user_systems.set_carried(None)
    yield
    user_systems.set_carried(None)


def _editor(window):  # type: ignore[no-untyped-def]
    window.show_catalog()
    editor = window.catalog_window.edit_system(None)
    editor.start.setCurrentIndex(editor.start.findData(TEMPLATE))
    return editor


def _own_system(editor) -> None:  # type: ignore[no-untyped-def]
    """What a buyer types from a datasheet: a variant of the H200 system at 750 W a GPU."""
    w = editor.widgets
    w[("configurations", "id")].setText("acme-h200")
    w[("gpus", "id")].setText("acme-h200-gpu")
    w[("gpus", "name")].setText("H200 SXM5 141GB (datasheet)")
    w[("gpus", "tdp_w")].setText("750")
    w[("prices", "system_price")].setText("2400000")
    w[("prices", "gpu_price")].setText("230000")
    w[("prices", "price_source")].setText("ACME datasheet and offer, 2026-12-07")
    w[("configurations", "source")].setText("ACME datasheet DS-H200-8, 2026-12-07")


def test_a_system_entered_in_the_window_is_kept_marked_and_planned(
        qtbot, window, data_dir, wait_planned) -> None:  # type: ignore[no-untyped-def]
    from engine.user_catalog import read_user_entries, user_catalog_path

    editor = _editor(window)
    _own_system(editor)
    with qtbot.waitSignal(editor.saved):
        assert editor.save()
    own = read_user_entries(user_catalog_path())
    # the shipped server and NIC were used as they are, so only what changed is the user's
    assert {s: sorted(r) for s, r in own.records.items() if r} == {
        "configurations": ["acme-h200"], "gpus": ["acme-h200-gpu"]}
    assert own.records["gpus"]["acme-h200-gpu"]["tdp_w"] == 750
    assert {p.item: p.unit_price for p in own.prices} == {"acme-h200": 2_400_000,
                                                          "acme-h200-gpu": 230_000}
    table = window.catalog_window.configurations_table
    rows = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    assert rows["acme-h200"] == "user-entered" and rows[TEMPLATE] == "shipped"
    assert window.catalog_window.edit_button.isEnabled()  # the saved system is selected

    window.set_request(dataclasses.replace(GPT3_30_DAYS, configs=("acme-h200", TEMPLATE)))
    wait_planned(window)
    plans = {p.config: p for p in window.result.comparison.plans}
    assert plans["acme-h200"].warnings[0].code == "user-entered"
    assert "user-entered" in config_label(plans["acme-h200"])
    assert "user-entered" not in config_label(plans[TEMPLATE])
    # the same sizing rules: a 750 W GPU in the same server needs the same fleet
    assert plans["acme-h200"].gpus == plans[TEMPLATE].gpus


@pytest.mark.parametrize(("field", "text", "said"), [
    (("gpus", "memory_gb"), "141000",
     "Accelerator › Memory (GB) = 141000: Enter a number above 0 and at most 10,000"),
    (("configurations", "gpu_count"), "8.5",
     "Configuration › GPUs per server = 8.5: Enter a whole number from 1 to 64"),
    (("configurations", "id"), "", "Configuration › Id: Required"),
    (("configurations", "source"), "", "Configuration › Source: Required"),
])
def test_a_field_out_of_its_bound_is_refused_before_the_engine(
        qtbot, window, field, text, said) -> None:  # type: ignore[no-untyped-def]
    editor = _editor(window)
    _own_system(editor)
    editor.widgets[field].setText(text)
    assert not editor.save()
    assert said in editor.problem.text() and editor.isVisible()


def test_the_shipped_catalogs_refusals_are_the_editors(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    from engine.user_catalog import user_catalog_path

    editor = _editor(window)
    _own_system(editor)
    editor.widgets[("configurations", "gpu_count")].setText("16")  # a server of 8 slots
    assert not editor.save()
    assert "16 GPUs do not fit" in editor.problem.text()
    editor.widgets[("configurations", "gpu_count")].setText("8")
    editor.widgets[("gpus", "id")].setText("h200-sxm5-141gb")  # the shipped GPU, other figures
    assert not editor.save()
    text = editor.problem.text()
    assert "[[gpus]] record 'h200-sxm5-141gb'" in text and "id of its own" in text
    editor.widgets[("gpus", "id")].setText("Bad Id")
    assert not editor.save()
    # the model's own check, said in the editor's words (resources/i18n/<lang>/editor.ftl)
    assert ("Accelerator › Id = Bad Id: must be lower-case letters, digits and hyphens"
            in editor.problem.text())
    assert editor.tabs.currentIndex() == 0  # the accelerator's tab, where the field is
    assert not user_catalog_path().exists()  # nothing refused was kept


def test_a_saved_plan_reopens_with_its_system_where_the_user_folder_has_none(
        qtbot, window, add_window, settings, tmp_path: Path, wait_planned) -> None:  # type: ignore[no-untyped-def]
    from desktop import user_systems
    from desktop.main_window import MainWindow
    from engine.user_catalog import user_catalog_path

    editor = _editor(window)
    _own_system(editor)
    assert editor.save()
    request = dataclasses.replace(GPT3_30_DAYS, configs=("acme-h200",))
    window.set_request(request, customer="ACME")
    wait_planned(window)
    path = tmp_path / "own.cqplan"
    assert window._write_plan(path)
    carried = json.loads(path.read_text(encoding="utf-8"))["catalog"]
    assert [r["id"] for r in carried["configurations"]] == ["acme-h200"]

    user_catalog_path().unlink()  # another machine: no such system in its user folder
    user_systems.changed()
    other = add_window(MainWindow(settings))
    assert other.open_plan(path)
    wait_planned(other)
    assert other.error is None
    before, after = window.result.comparison.plans[0], other.result.comparison.plans[0]
    assert (after.config, after.gpus, after.nodes) == (before.config, before.gpus, before.nodes)
    assert after.money is not None and before.money is not None
    assert after.money.capex == pytest.approx(before.money.capex, rel=1e-12)
    assert after.warnings[0].code == "user-entered"
