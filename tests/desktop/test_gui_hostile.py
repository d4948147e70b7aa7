"""The hostile corpus through the desktop app's open path, the draft, Save and price import:
a dialog says what is wrong and the app keeps running."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from engine.model import Schedule
from tests.engine.hostile_corpus import (
    ACCEPTED_PLANS,
    materialise,
    price_rows,
    refused_plan_cases,
    write_xlsx,
)
from tests.shared import GPT3_30_DAYS


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return materialise(tmp_path_factory.mktemp("hostile"))


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, title, text, *a: shown.append((title, text)))
    return shown


@pytest.mark.timeout(60)  # a FIFO or /dev/zero once hung the app here
@pytest.mark.parametrize(("name", "says"), refused_plan_cases())
def test_opening_a_hostile_plan_shows_one_dialog_and_changes_nothing(
    qtbot, window, corpus: Path, warnings, name: str, says: str
) -> None:  # type: ignore[no-untyped-def]
    assert not window.open_plan(corpus / name)
    assert len(warnings) == 1
    title, text = warnings[0]
    assert title == "Cannot open the plan"
    assert name in text and re.search(says, text), text
    assert "\n" not in text
    assert window.request is None and window.isVisible()


@pytest.mark.parametrize("name", ACCEPTED_PLANS)
def test_legal_plans_open(qtbot, window, corpus: Path, warnings, wait_planned, name: str) -> None:  # type: ignore[no-untyped-def]
    assert window.open_plan(corpus / name)
    assert window.request is not None and not warnings
    wait_planned(window)


@pytest.mark.timeout(60)
@pytest.mark.parametrize("name", ["int-4301-digits.cqplan", "nested-200000.cqplan", "nan.cqplan",
                                  "float-1e400.cqplan", "customer-10mb.cqplan", "gpus-400-digits.cqplan",
                                  "customer-lone-surrogate.cqplan", "override-description-surrogate.cqplan"])
def test_a_hostile_draft_is_moved_aside_and_the_user_told(
    qtbot, add_window, settings, data_dir: Path, corpus: Path, warnings, name: str
) -> None:  # type: ignore[no-untyped-def]
    from desktop.app import Controller

    draft = data_dir / "draft.cqplan"
    content = (corpus / name).read_bytes()
    draft.write_bytes(content)
    window = add_window(Controller(QApplication.instance(), settings).start())
    assert len(warnings) == 1 and name.split(".")[0] not in warnings[0][1]  # it names the draft
    assert "draft.cqplan" in warnings[0][1]
    kept = list(data_dir.glob("draft-unreadable-*.cqplan"))
    assert len(kept) == 1 and kept[0].read_bytes() == content  # moved aside, not deleted
    assert str(kept[0]) in warnings[0][1]
    assert not draft.exists()
    assert window.wizard is not None and window.wizard.isVisible()  # the app carries on
    window.wizard.reject()
    again = add_window(Controller(QApplication.instance(), settings).start())  # the next start is quiet
    assert len(warnings) == 1
    again.wizard.reject()


@pytest.mark.timeout(60)
@pytest.mark.parametrize("name", ["int-4301-digits.cqplan", "customer-lone-surrogate.cqplan"])
def test_double_clicking_a_hostile_plan_starts_the_app_with_a_dialog(
    qtbot, add_window, settings, corpus: Path, warnings, name: str
) -> None:  # type: ignore[no-untyped-def]
    from desktop.app import Controller

    controller = Controller(QApplication.instance(), settings)
    window = add_window(controller.start(corpus / name))
    assert len(warnings) == 1 and name in warnings[0][1]
    assert window.isVisible() and window.wizard is not None
    window.wizard.reject()


def _unmakeable_folder(tmp_path: Path) -> Path:
    (tmp_path / "blocker").write_text("a file where a folder should be", encoding="utf-8")
    return tmp_path / "blocker" / "plans" / "p.cqplan"


def test_save_into_a_folder_that_cannot_be_created_is_a_dialog(
    qtbot, window, tmp_path: Path, warnings, wait_planned
) -> None:  # type: ignore[no-untyped-def]
    window.set_request(GPT3_30_DAYS)
    wait_planned(window)
    assert not window._write_plan(_unmakeable_folder(tmp_path))
    assert len(warnings) == 1 and warnings[0][0] == "Cannot save the plan"
    assert "cannot create the folder" in warnings[0][1]


def test_closing_with_a_save_that_fails_keeps_the_window_open(
    qtbot, window, tmp_path: Path, warnings, monkeypatch, wait_planned
) -> None:  # type: ignore[no-untyped-def]
    window.set_request(GPT3_30_DAYS, modified=True)
    wait_planned(window)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Save)
    target = _unmakeable_folder(tmp_path)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.close()
    assert window.isVisible()  # the unsaved plan is not lost
    assert len(warnings) == 1 and warnings[0][0] == "Cannot save the plan"


def test_a_large_price_import_runs_off_the_gui_thread_with_progress(
    qtbot, window, tmp_path: Path, warnings
) -> None:  # type: ignore[no-untyped-def]
    from engine.money.prices import load_price_list

    path = write_xlsx(tmp_path / "big.xlsx", price_rows(20_000))
    window.show_catalog()
    catalog = window.catalog_window
    assert catalog.import_prices(path)
    job = catalog.price_import
    assert job.busy  # the call returned while the rows are still being read
    assert not catalog.import_button.isEnabled()  # one import at a time
    rows: list[int] = []
    job.progress.connect(rows.append)
    with qtbot.waitSignal(catalog.prices_changed, timeout=120_000):
        pass
    assert rows and rows[-1] >= 1000 and rows == sorted(rows)
    assert not warnings
    assert len(load_price_list()) == 20_000
    assert "took 20000 lines" in catalog.price_source.text().replace(",", "")
    assert catalog.import_button.isEnabled()


def test_a_price_import_can_be_cancelled(qtbot, window, tmp_path: Path, warnings) -> None:  # type: ignore[no-untyped-def]
    from engine.money.prices import user_price_list_path

    path = write_xlsx(tmp_path / "big.xlsx", price_rows(20_000))
    window.show_catalog()
    catalog = window.catalog_window
    catalog.import_prices(path)
    job = catalog.price_import
    job.cancel()
    with qtbot.waitSignal(job.failed, timeout=120_000) as blocker:
        pass
    assert blocker.args == [""]  # cancelled: no error to show
    assert not warnings and not user_price_list_path().exists()


def test_the_request_bounds_reach_the_window(qtbot, window, wait_planned) -> None:  # type: ignore[no-untyped-def]
    bad = dataclasses.replace(GPT3_30_DAYS, finance=dataclasses.replace(GPT3_30_DAYS.finance, years=10**300))
    window.set_request(bad)
    wait_planned(window)
    assert window.error is not None and window.error[0] == "finance.years"
    assert not (window.drafts.path).exists()  # no draft that could not be read back


def test_start_removes_stale_temp_files_where_plans_were_saved(
    qtbot, add_window, settings, data_dir: Path, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    import os
    import time

    from desktop.app import Controller

    plans = tmp_path / "plans"
    plans.mkdir()
    settings.last_folder = str(plans)
    stale = [plans / ".q3.cqplan.k3j2x9q1.tmp", plans / "q3.cqplan.AbC123",
             data_dir / ".prices.csv.a1b2c3d4.tmp"]
    theirs = plans / "budget.xlsx.tmp"
    for path in [*stale, theirs]:
        path.write_text("half a file", encoding="utf-8")
        os.utime(path, (time.time() - 3600, time.time() - 3600))
    window = add_window(Controller(QApplication.instance(), settings).start())
    assert not any(p.exists() for p in stale)
    assert theirs.exists()
    window.wizard.reject()


def test_after_a_partial_price_import_the_window_still_plans(
    qtbot, window, warnings, wait_planned
) -> None:  # type: ignore[no-untyped-def]
    from tests.engine.hostile_corpus import HOSTILE

    window.set_request(GPT3_30_DAYS)
    wait_planned(window)
    window.show_catalog()
    catalog = window.catalog_window
    with qtbot.waitSignal(catalog.prices_changed, timeout=20_000):
        catalog.import_prices(HOSTILE / "prices-partial.csv")
    assert "took 2 lines" in catalog.price_source.text()
    wait_planned(window)  # prices_changed re-plans
    assert window.error is None and window.result is not None
    assert "shipped prices for the" in window.result.comparison.price_list
    assert not warnings


def test_a_plan_out_of_bounds_is_not_saved_where_it_could_not_be_opened(
    qtbot, window, tmp_path: Path, warnings, wait_planned
) -> None:  # type: ignore[no-untyped-def]
    bad = dataclasses.replace(GPT3_30_DAYS, schedule=Schedule(gpus=10**12))
    window.set_request(bad)
    wait_planned(window)
    assert not window._write_plan(tmp_path / "p.cqplan")
    assert len(warnings) == 1 and "schedule.gpus" in warnings[0][1]
    assert not (tmp_path / "p.cqplan").exists()


def test_a_plan_too_large_to_reopen_is_not_saved(tmp_path: Path) -> None:
    from desktop.files import SaveError, write_plan
    from engine.model import LineOverride

    a800 = "inspur-nf5688m6-a800"
    many = tuple(LineOverride(a800, f"extra-{n}", qty=1, unit_price=100.0, added=True,
                              category="services", description="Site work " + "x" * 300)
                 for n in range(4000))
    request = dataclasses.replace(GPT3_30_DAYS, configs=(a800,), overrides=many)
    with pytest.raises(SaveError, match=r"more than the 1 MB a plan file may be to open again"):
        write_plan(tmp_path / "huge.cqplan", request)
    assert list(tmp_path.iterdir()) == []
