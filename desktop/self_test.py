"""`clusterquote gui --self-test DIR`: the app's smoke test, as a user would go through it.

Starts the GUI (offscreen when there is no display), walks the wizard with the
GPT-3 175B preset and a 30-day deadline, opens the comparison, exports
DIR/quote.xlsx and saves a PNG of every wizard page, every comparison tab and
the catalog window into DIR, and of the pair view and rack elevation in English
and in Chinese (pair-<lang>.png, racks-<lang>.png, racks-<lang>-export.png).
The Optimise view searches the plan narrowed to two of its configurations with the
fewest draws allowed (a quick search), uses the best variant as the plan and undoes
both edits (optimise.png).
Exit status 0 when all went well; otherwise 1 with the reason on stderr.
Settings, drafts and prices live in a temporary data folder unless
CLUSTERQUOTE_DATA_DIR is set.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # Qt is imported when the self-test runs, not when this module loads
    from PySide6.QtCore import QCoreApplication

    from desktop.main_window import MainWindow

from engine.lead_times import first_deadline_days

PRESET = "gpt3-175b"
DEADLINE_DAYS = f"{first_deadline_days():g}"  # the default lead time and a month of training
TIMEOUT_S = 120.0


class SelfTestError(RuntimeError):
    """A step of the self-test failed; the message says which and why."""


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "tab"


@contextmanager
def _no_modal_dialogs() -> Iterator[None]:
    """Any message box would wait for a click that never comes: fail with its text instead."""
    from PySide6.QtWidgets import QMessageBox

    saved = {name: getattr(QMessageBox, name) for name in ("warning", "critical", "question")}

    def refuse(_parent: Any, title: str, text: str, *args: Any, **kwargs: Any) -> Any:
        raise SelfTestError(f"a dialog came up: {title}: {text}")

    for name in saved:
        setattr(QMessageBox, name, staticmethod(refuse))
    try:
        yield
    finally:
        for name, function in saved.items():
            setattr(QMessageBox, name, function)


def _settle(app: Any, rounds: int = 3) -> None:
    for _ in range(rounds):
        app.processEvents()


def _save(widget: Any, path: Path) -> Path:
    if not widget.grab().save(str(path)):
        raise SelfTestError(f"could not save the screenshot {path}")
    return path


def _quiet_offscreen_notes() -> Any:
    """The offscreen platform says at every window what it cannot do; that is no failure.

    Returns the handler it replaced, to put back afterwards.
    """
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    def handler(kind: QtMsgType, _context: Any, message: str) -> None:
        if "This plugin does not support" in message:
            return
        if kind in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg, QtMsgType.QtWarningMsg):
            print(message, file=sys.stderr)

    return qInstallMessageHandler(handler)


def _wait_planned(app: QCoreApplication, window: MainWindow) -> None:
    started = time.monotonic()
    while window.result is None and window.error is None:
        window.planner.wait(1000)
        app.processEvents()
        if time.monotonic() - started > TIMEOUT_S:
            raise SelfTestError("planning did not finish in time")


def _walk(out: Path, language: str) -> list[Path]:
    from PySide6.QtWidgets import QWizard

    from desktop.app import create_application
    from desktop.main_window import MainWindow

    shots: list[Path] = []
    app, settings = create_application([], language=language)
    window = MainWindow(settings)
    window.resize(1280, 820)
    window.show()
    _settle(app)
    shots.append(_save(window, out / "00-welcome.png"))

    window.new_plan()
    wizard = window.wizard
    if wizard is None or not wizard.isVisible():
        raise SelfTestError("the wizard did not open")
    _settle(app)

    # 1. target model
    if not wizard.model_page.select_preset(PRESET):
        raise SelfTestError(f"the preset {PRESET} is not in the list")
    _settle(app)
    pages = [
        ("target-model", wizard.model_page),
        ("schedule", wizard.schedule_page),
        ("configurations", wizard.configs_page),
        ("facility-money", wizard.facility_page),
        ("review", wizard.review_page),
    ]
    for number, (name, page) in enumerate(pages, start=1):
        if wizard.currentPage() is not page:
            raise SelfTestError(f"expected the {name} page, the wizard shows another")
        if page is wizard.schedule_page:
            page.by_days.setChecked(True)
            page.days.setText(DEADLINE_DAYS)
            _settle(app)
        shots.append(_save(wizard, out / f"wizard-{number}-{name}.png"))
        if page is wizard.review_page:
            break
        if not wizard.button(QWizard.WizardButton.NextButton).isEnabled():
            raise SelfTestError(f"Next is disabled on the {name} page")
        wizard.next()
        _settle(app)
        if wizard.currentPage() is page:
            reason = page.error_label.text() or "the page did not accept its input"
            raise SelfTestError(f"the {name} page: {reason}")

    finish = wizard.button(QWizard.WizardButton.FinishButton)
    if not finish.isEnabled():
        raise SelfTestError("Finish is disabled on the review page")
    finish.click()
    _settle(app)

    _wait_planned(app, window)
    if window.error is not None:
        raise SelfTestError(f"planning failed: {window.error[1]}")
    assert window.result is not None
    comparison = window.result.comparison
    if not any(p.feasible for p in comparison.plans):
        raise SelfTestError("no configuration could be planned")
    if window.table_model.columnCount() != len(comparison.plans):
        raise SelfTestError("the comparison table does not show every configuration")

    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        _settle(app)
        tab = window.tabs.widget(index)
        name = _slug(tab.objectName().replace(":", "-") if tab is not None else str(index))
        shots.append(_save(window, out / f"comparison-{index + 1:02d}-{name}.png"))
    shots.append(_optimise(app, window, out / "optimise.png"))
    window.tabs.setCurrentIndex(0)

    quote = window.export_quote(out / "quote.xlsx")
    if quote is None or not quote.is_file() or quote.stat().st_size == 0:
        raise SelfTestError("the quote was not written")

    shots += _quote_import(app, window, out)

    window.show_catalog()
    catalog = window.catalog_window
    assert catalog is not None
    _settle(app)
    for index in range(catalog.tabs.count()):
        catalog.tabs.setCurrentIndex(index)
        _settle(app)
        shots.append(_save(catalog, out / f"catalog-{index + 1}.png"))
    catalog.close()

    request = window.request
    window.session.mark_clean()  # nothing to save: the self-test leaves no plan behind
    window.close()
    _settle(app)
    for other in ("en", "zh_CN"):
        shots += _pair_and_racks(out, other, request)
    create_application([], language=language)  # the run's own language again
    return shots


def _pair_and_racks(out: Path, language: str, request: Any) -> list[Path]:
    """Screenshots of the Lenovo vs Inspur pair view and the rack elevation in ``language``."""
    from desktop.app import create_application
    from desktop.main_window import MainWindow

    app, settings = create_application([], language=language)
    window = MainWindow(settings)
    window.resize(1280, 820)
    window.show()
    window.set_request(request)
    _wait_planned(app, window)
    shots = []
    for view, name in ((window.pair_view, "pair"), (window.rack_view, "racks")):
        window.tabs.setCurrentWidget(view)
        _settle(app)
        if view is window.rack_view and not view.drawn_racks:
            raise SelfTestError(f"the rack elevation drew nothing ({language})")
        if view is window.pair_view and view.table.rowCount() == 0:
            raise SelfTestError(f"the pair view shows no figures ({language})")
        shots.append(_save(window, out / f"{name}-{language}.png"))
    shots.append(window.rack_view.export_png(out / f"racks-{language}-export.png") or out)
    shots.append(_export_dialog(app, window, out / f"export-dialog-{language}.png"))
    window.session.mark_clean()
    window.close()
    _settle(app)
    return shots


def _optimise(app: QCoreApplication, window: MainWindow, path: Path) -> Path:
    """Search the design space of the plan narrowed to two configurations (the recommended first)
    with a thousand draws, use the chosen variant as the plan and undo both edits."""
    import dataclasses

    assert window.result is not None and window.request is not None
    searched = window.request
    rec = window.result.comparison.recommendation
    ids = [c for c in (rec.cheapest_meeting_deadline, rec.lowest_tco, rec.fastest) if c]
    ids += [p.config for p in window.result.comparison.plans if p.feasible]
    window.session.edit(dataclasses.replace(searched, configs=tuple(dict.fromkeys(ids))[:2]))
    window.planner.wait()
    _settle(app)
    view = window.optimise_view
    window.tabs.setCurrentWidget(view)
    view.draws.setText("1000")
    _settle(app)
    if not view.search_button.isEnabled():
        raise SelfTestError(f"the search cannot start: {view.search_button.toolTip()}")
    view.search()
    started = time.monotonic()
    while view.optimiser.busy:
        view.optimiser.wait(200)
        app.processEvents()
        if time.monotonic() - started > TIMEOUT_S:
            view.optimiser.cancel()
            raise SelfTestError("the optimiser did not finish in time")
    _settle(app)
    if view.found is None or view.model.rowCount() == 0:
        raise SelfTestError(f"the optimiser found nothing: {view.status.text()}")
    shot = _save(window, path)
    before, chosen = window.request, view.chosen
    if chosen is None or not view.use_chosen():
        raise SelfTestError("'Use this plan' did not change the plan")
    assert window.request is not None
    if window.request.configs != (chosen["config"],) or window.request.schedule.gpus != chosen["gpus"]:
        raise SelfTestError("'Use this plan' made another plan than the chosen variant")
    window.session.undo()
    if window.request != before:
        raise SelfTestError("undo did not bring back the searched plan")
    window.session.undo()
    if window.request != searched:
        raise SelfTestError("undo did not bring back the plan before the search")
    window.planner.wait()
    _settle(app)
    return shot


def _export_dialog(app: QCoreApplication, window: MainWindow, path: Path) -> Path:
    """The quote export dialog, set for an RFQ to one vendor, as the buyer fills it in."""
    from desktop.quote_export import ExportDialog, ExportSettings

    assert window.result is not None
    dialog = ExportDialog(window.result.comparison, ExportSettings(window.settings.qsettings),
                          customer=window.customer, parent=window)
    dialog.kind.setCurrentIndex(dialog.kind.findData("rfq"))
    dialog.show()
    _settle(app)
    shot = _save(dialog, path)
    dialog.reject()
    return shot


def _quote_import(app: QCoreApplication, window: MainWindow, out: Path) -> list[Path]:
    """Import a vendor quotation written from the plan (cooling left out) and reconcile it."""
    import csv

    from desktop.quote_import import open_quote_import
    from engine.quotes.matching import SPARE, pooled

    assert window.result is not None
    plan = next(p for p in window.result.comparison.plans if p.feasible and p.bom)
    path = out / "vendor-quote.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow([f"{plan.vendor} 报价单"])
        writer.writerow(["报价单号：SELF-TEST-1", "", "币种：人民币（元），不含税"])
        writer.writerow(["型号", "描述", "数量", "单价（元）", "金额（元）"])
        for line in pooled(plan.bom):  # as a vendor lists the plan: each item once, spares said so
            if line.category != "cooling" and line.unit_price > 0:
                spare = "备件：" if line.item.startswith(SPARE) else ""
                writer.writerow([line.part_number, spare + line.description_zh, line.qty,
                                 f"{line.unit_price:,.2f}", f"{line.total:,.2f}"])
    dialog = open_quote_import(window.session, window.settings, window)
    if dialog is None or not dialog.add_file(path):
        raise SelfTestError(f"the vendor quotation was not imported: {dialog.last_error if dialog else ''}")
    if not any(f.kind == "missing" for f in dialog.recs[0].findings):
        raise SelfTestError("reconciling the vendor quotation did not find the cooling it leaves out")
    shots = []
    for index in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(index)
        _settle(app)
        shots.append(_save(dialog, out / f"quote-import-{index + 1}.png"))
    dialog.close()
    return shots


def run_self_test(out_dir: Path, *, language: str = "en") -> int:
    from desktop.app import use_offscreen_without_display
    from desktop.settings import DATA_DIR_ENV

    use_offscreen_without_display()
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        print(f"self-test failed: cannot create {out}: {exc.strerror}", file=sys.stderr)
        return 1
    own_data = DATA_DIR_ENV not in os.environ
    with tempfile.TemporaryDirectory(prefix="clusterquote-self-test-") as data:
        if own_data:
            os.environ[DATA_DIR_ENV] = data
        from PySide6.QtCore import qInstallMessageHandler

        previous = _quiet_offscreen_notes()
        try:
            with _no_modal_dialogs():
                shots = _walk(out, language)
        except SelfTestError as exc:
            print(f"self-test failed: {exc}", file=sys.stderr)
            return 1
        except Exception as exc:  # anything else is a bug the smoke test must report
            print(f"self-test failed: {type(exc).__name__}: {exc}", file=sys.stderr)
            return 1
        finally:
            qInstallMessageHandler(previous)
            if own_data:
                os.environ.pop(DATA_DIR_ENV, None)
    print(f"self-test passed: {len(shots)} screenshots and quote.xlsx in {out}")
    return 0
