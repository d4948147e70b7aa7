"""The Optimise view: a small search fills the front; choosing a row and "Use this plan" edit the
session's request in one undo step; cancel keeps the user's work; errors are said; Chinese."""

from __future__ import annotations

import re
import threading
import time
from itertools import pairwise
from types import SimpleNamespace

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PySide6.QtCore import QItemSelectionModel, Qt

from desktop import format as fmt
from desktop import i18n
from desktop import optimise_worker as worker
from desktop.optimise_charts import FrontPicture, draw_front, draw_risk
from desktop.optimise_model import COLUMNS, Name
from desktop.views.optimise import PROGRESS_STEPS
from engine.errors import RequestError
from engine.model import PlanRequest, Schedule, Workload

SEARCH_S = 300_000  # ms: the machine running the tests may be shared; no timing is asserted
# one Lenovo and one Inspur H800 server: a small design space with both vendors in it
CONFIGS = ("lenovo-sr680av3-h800", "inspur-nf5688m7-h800")


def small_request(**schedule: float) -> PlanRequest:
    return PlanRequest(Workload(preset="gpt3-175b"), Schedule(**{"days": 240.0, **schedule}),
                       configs=CONFIGS)


def column(key: str) -> int:
    return [k for k, _ in COLUMNS].index(key)


@pytest.fixture
def planned(window, wait_planned):  # type: ignore[no-untyped-def]
    window.set_request(small_request())
    wait_planned(window)
    window.session.mark_clean()
    view = window.optimise_view
    window.tabs.setCurrentWidget(view)
    view.draws.setText("1000")  # the fewest the bounds allow: a quick search
    yield window
    view.optimiser.wait(SEARCH_S)  # a cancelled search still runs: let it end before teardown


def searched(qtbot, window):  # type: ignore[no-untyped-def]
    view = window.optimise_view
    assert view.search_button.isEnabled(), view.search_button.toolTip()
    view.search()
    assert view.cancel_button.isVisible() and view.progress.isVisible()
    qtbot.waitUntil(lambda: not view.optimiser.busy, timeout=SEARCH_S)
    assert view.found is not None, view.status.text()
    return view


def test_a_search_fills_the_front_and_use_this_plan_is_one_undo_step(
    qtbot, planned, wait_planned, add_window
) -> None:  # type: ignore[no-untyped-def]
    window = planned
    session = window.session
    asked = session.request
    view = searched(qtbot, window)
    result = view.found.result
    assert view.found.search.draws == 1000 and result.draws == 1000
    assert not view.cancel_button.isVisible() and not view.progress.isVisible()

    # the table holds the front (and the best variant, if the front lacks it), cheapest first
    rows = view.model.rows
    assert len(rows) >= len(result.front) > 0
    assert rows[: len(result.front)] == list(result.front)
    costs = [v[result.objective] for v in result.front]
    assert costs == sorted(costs)
    days = [v["days_quantile"] for v in result.front]
    assert all(a > b for a, b in pairwise(days))  # dearer only when quicker
    capex = view.model.index(0, column("capex"))
    assert view.model.data(capex) == fmt.money(rows[0]["capex"], result.currency)
    # the status line says what was searched, in figures
    assert fmt.number(result.variants_evaluated) in view.status.text()
    # the best variant is chosen first; the charts drew the front and its odds
    assert result.best is not None, "the small request's deadline can be met"
    assert view.chosen == result.best
    # the risk chart of the best variant is its CDF: P0..P100 of its calendar days
    risk_ax = view._canvases["risk"].figure.axes[0]
    assert len(result.best_days_quantiles) == 101
    assert list(risk_ax.get_lines()[0].get_xdata()) == list(result.best_days_quantiles)
    front_ax = view._canvases["front"].figure.axes[0]
    assert any(line.get_xdata()[0] == result.deadline for line in front_ax.get_lines()
               if len(set(line.get_xdata())) == 1)  # the deadline line

    # a click on a point of the front chart chooses that variant
    last = len(rows) - 1
    x, y = front_ax.transData.transform((rows[last]["days_quantile"], rows[last][result.objective] / 1e6))
    view._clicked(SimpleNamespace(inaxes=front_ax, x=x + 3, y=y - 3))
    assert view.chosen is rows[last]
    assert view.table.selectionModel().currentIndex().row() == view.proxy.mapFromSource(
        view.model.index(last, 0)).row()

    # choosing another row in the table chooses that variant
    pick = len(rows) - 1 if view.chosen is rows[0] else 0
    index = view.proxy.mapFromSource(view.model.index(pick, 0))
    view.table.selectionModel().setCurrentIndex(
        index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
    chosen = rows[pick]
    assert view.chosen is chosen
    assert view.model.title(chosen) in view.summary.text()

    # "Use this plan": the variant's choices become the request, as one step of the history
    assert view.use_button.isEnabled()
    assert session.undo_text() == ""
    view.use_button.click()
    new = session.request
    assert new.configs == (chosen["config"],)
    assert new.schedule.gpus == chosen["gpus"] and new.schedule.days is None
    assert new.facility.cooling == chosen["cooling"]
    assert new.facility.rack_kw == chosen["rack_kw"]
    assert new.finance.hosting == chosen["hosting"]
    assert new.workload == asked.workload and new.efficiency == asked.efficiency
    assert session.undo_text() != ""
    assert not view.use_button.isEnabled()  # it is the plan now
    assert "undo" in view.status.text()
    wait_planned(window)
    (plan,) = window.result.comparison.plans
    # the plan made of the variant's choices costs what the search said, to the yuan
    assert plan.gpus == chosen["gpus"] and plan.config == chosen["config"]
    assert plan.money.capex == pytest.approx(chosen["capex"], abs=1.0)
    assert plan.money.tco == pytest.approx(chosen["tco"], abs=1.0)
    # the search needs a deadline: the plan now has a fixed fleet
    assert not view.search_button.isEnabled()

    # one undo puts the searched request back, and there is nothing more to undo
    assert session.undo()
    assert session.request == asked
    assert session.undo_text() == ""
    assert view.use_button.isEnabled() and view.search_button.isEnabled()
    wait_planned(window)

    # a window remade for another language carries on with the session and shows the answer
    from desktop.main_window import MainWindow

    other = add_window(MainWindow(window.settings, session=session))
    window.hand_over()
    assert other.optimise_view.found is view.found
    assert other.optimise_view.model.rows == rows
    wait_planned(other)


def test_cancel_drops_the_search_and_keeps_the_plan(qtbot, planned) -> None:  # type: ignore[no-untyped-def]
    window = planned
    view = window.optimise_view
    before = window.session.request
    view.search()
    assert view.optimiser.busy and view.cancel_button.isVisible()
    assert not view.search_button.isEnabled()
    view.cancel_button.click()
    assert not view.optimiser.busy
    assert not view.cancel_button.isVisible() and not view.progress.isVisible()
    assert view.search_button.isEnabled()
    assert "cancelled" in view.status.text()
    assert window.session.request == before and not window.session.modified
    # the abandoned search ends in the background; its answer is not shown
    view.optimiser.wait(SEARCH_S)
    qtbot.wait(50)
    assert view.found is None and view.model.rowCount() == 0
    assert "cancelled" in view.status.text()


def risk_days(view) -> list[float]:  # type: ignore[no-untyped-def]
    """The calendar days the risk chart's curve is drawn through."""
    return [float(d) for d in view._canvases["risk"].figure.axes[0].get_lines()[0].get_xdata()]


def test_the_engine_s_share_done_fills_the_bar(qtbot, planned) -> None:  # type: ignore[no-untyped-def]
    view = planned.optimise_view
    seen: list[int] = []
    view.progress.valueChanged.connect(seen.append)
    searched(qtbot, planned)
    # the engine says how far it is, rising, and 1 at the end: the bar shows it in steps
    assert seen == sorted(seen)
    assert seen[-1] == PROGRESS_STEPS
    assert len(set(seen)) > 5, seen


class Stalled:
    """An engine that says it is 42% done, then works on until told to stop, as the engine's
    steps ask ``should_stop`` (it never finishes by itself)."""

    def __init__(self) -> None:
        self.outcome: list[str] = []

    def __call__(self, request: PlanRequest, *, progress, should_stop, **_options):  # type: ignore[no-untyped-def]
        from engine.optimise.search import Stopped

        progress(0.42)
        for _ in range(SEARCH_S // 5):
            if should_stop():
                self.outcome.append("stopped")
                raise Stopped("stopped as asked")
            time.sleep(0.005)
        self.outcome.append("never told to stop")
        raise AssertionError("the search was never told to stop")


def test_cancel_stops_the_engine_and_the_previous_answer_stays(qtbot, planned, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window = planned
    view = searched(qtbot, window)  # an answer the user has looked at
    found, rows, chosen, curve = view.found, list(view.model.rows), view.chosen, risk_days(view)
    before = window.session.request
    engine = Stalled()
    monkeypatch.setattr(worker, "_optimise", lambda: engine)
    view.objective.setCurrentIndex(view.objective.findData("capex"))
    view.search()
    # the share done crosses threads by signal and reaches the bar
    qtbot.waitUntil(lambda: view.progress.value() == 420, timeout=SEARCH_S)
    assert view.progress.isVisible() and view.progress.text() == "42%"
    assert not view.use_button.isEnabled() and not view.search_button.isEnabled()
    with qtbot.waitSignal(view.optimiser.engine_stopped, timeout=SEARCH_S):
        view.cancel_button.click()
        # the view is free at once, before the engine has even seen the flag
        assert not view.optimiser.busy and view.search_button.isEnabled()
    assert engine.outcome == ["stopped"]
    # the answer shown before is kept, chosen row and risk chart included
    assert view.found is found and view.model.rows == rows and view.chosen is chosen
    assert risk_days(view) == curve
    assert view.use_button.isEnabled()
    assert not view.progress.isVisible() and not view.cancel_button.isVisible()
    assert view.status.text() == "Search cancelled; the plan and the results shown before are kept."
    assert window.session.request == before and not window.session.modified


def test_cancel_stops_the_real_search_before_its_end(qtbot, planned, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from engine.optimise.search import Stopped, optimise

    view = planned.optimise_view
    reached, cancelled = threading.Event(), threading.Event()
    shares: list[float] = []
    outcome: list[str] = []

    def watched(request: PlanRequest, *, progress, should_stop, **options):  # type: ignore[no-untyped-def]
        def told(share: float) -> None:
            shares.append(share)
            progress(share)
            if share >= 0.1 and not reached.is_set():  # a tenth done: hold on until cancelled
                reached.set()
                cancelled.wait(SEARCH_S / 1000)

        try:
            return optimise(request, progress=told, should_stop=should_stop, **options)
        except Stopped:
            outcome.append("stopped")
            raise

    monkeypatch.setattr(worker, "_optimise", lambda: watched)
    view.search()
    qtbot.waitUntil(reached.is_set, timeout=SEARCH_S)
    with qtbot.waitSignal(view.optimiser.engine_stopped, timeout=SEARCH_S):
        view.cancel_button.click()
        cancelled.set()
    assert outcome == ["stopped"]
    assert max(shares) < 1.0  # it never got to the end
    assert view.found is None and view.model.rowCount() == 0
    assert view.status.text() == "Search cancelled; the plan is kept."


def test_the_risk_chart_follows_the_chosen_row(qtbot, planned) -> None:  # type: ignore[no-untyped-def]
    view = searched(qtbot, planned)
    result = view.found.result
    assert len(result.front) >= 2 and len(result.front_days_quantiles) == len(result.front)
    curves = []
    for row in (0, len(result.front) - 1):
        index = view.proxy.mapFromSource(view.model.index(row, 0))
        view.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        v = result.front[row]
        assert view.chosen is view.model.rows[row]
        curve = risk_days(view)
        assert curve == list(result.front_days_quantiles[row])
        # the curve is that variant's own: its P10, P50 and P90 lie on it, and so do its odds
        assert len(curve) == 101
        assert (curve[10], curve[50], curve[90]) == pytest.approx(
            (v["days_p10"], v["days_p50"], v["days_p90"]), rel=1e-9)
        on_time = sum(d <= result.deadline for d in curve) / 101
        assert on_time == pytest.approx(v["p_meets"], abs=0.011)
        assert view.model.title(v) in view._canvases["risk"].figure.axes[0].get_title()
        curves.append(curve)
    assert curves[0] != curves[1]  # the cheapest and the quickest do not share their odds


SERVERS = {"lenovo-sr680av3-h800": ("Lenovo SR680a V3", "联想 SR680a V3"),
           "inspur-nf5688m7-h800": ("Inspur NF5688M7", "浪潮 NF5688M7")}
COOLINGS = {"air": ("air", "风冷"), "rdhx": ("rear door", "背板换热"),
            "liquid": ("direct liquid", "直接液冷")}
HOSTINGS = {"own": ("own data centre", "自有数据中心"), "colo": ("leased IDC", "租用 IDC 机柜"),
            "wholesale": ("wholesale hall", "批发机房"), "cloud": ("cloud rental", "云租用")}


def test_use_this_plan_is_undone_and_redone_under_the_variant_s_name(
    qtbot, qapp, planned, wait_planned
) -> None:  # type: ignore[no-untyped-def]
    window = planned
    session = window.session
    asked = session.request
    view = searched(qtbot, window)
    row = len(view.model.rows) - 1
    view.choose(row)
    v = view.model.rows[row]
    kw = f"{v['rack_kw']:g}"
    english = (f"use of the optimised plan: {v['gpus']:,} × H800 SXM5 ({SERVERS[v['config']][0]}), "
               f"{COOLINGS[v['cooling']][0]} at {kw} kW a rack, {HOSTINGS[v['hosting']][0]}")
    chinese = (f"采用优化方案：{v['gpus']:,} × H800 SXM5（{SERVERS[v['config']][1]}），"
               f"{COOLINGS[v['cooling']][1]}，每机柜 {kw} kW，{HOSTINGS[v['hosting']][1]}")
    view.use_button.click()
    used = session.request
    assert used.configs == (v["config"],) and used.schedule.gpus == v["gpus"]
    assert session.undo_text() == english
    assert window.undo_action.text() == f"&Undo {english}"
    wait_planned(window)

    window.undo_action.trigger()  # one step takes the whole variant back
    assert session.request == asked and session.undo_text() == ""
    assert session.redo_text() == english
    assert window.redo_action.text() == f"&Redo {english}"
    wait_planned(window)
    window.redo_action.trigger()
    assert session.request == used and session.undo_text() == english
    wait_planned(window)

    # the step is named when shown: in Chinese once the GUI speaks Chinese
    i18n.install_translators(qapp, "zh_CN")
    try:
        assert session.undo_text() == chinese
    finally:
        i18n.install_translators(qapp, "en")
    assert session.undo_text() == english


def test_an_engine_error_is_shown_and_the_view_stays_usable(qtbot, planned, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def refuse(request: PlanRequest, **_options: object) -> None:
        raise RequestError("schedule.days", request.schedule.days, "no variant could be planned")

    monkeypatch.setattr(worker, "_optimise", lambda: refuse)
    view = planned.optimise_view
    view.search()
    qtbot.waitUntil(lambda: not view.optimiser.busy, timeout=10_000)
    assert view.status.text().startswith("Could not search:")
    assert "no variant could be planned" in view.status.text()
    assert "#b00020" in view.status.styleSheet()
    assert view.search_button.isEnabled() and not view.cancel_button.isVisible()


def test_a_plan_without_a_deadline_is_not_searched_and_says_why(window, wait_planned) -> None:  # type: ignore[no-untyped-def]
    window.set_request(PlanRequest(Workload(preset="gpt3-175b"), Schedule(gpus=512), configs=CONFIGS))
    wait_planned(window)
    view = window.optimise_view
    assert not view.search_button.isEnabled()
    assert "deadline" in view.search_button.toolTip()
    view.search()  # even asked, it does not start
    assert not view.optimiser.busy
    assert "deadline" in view.status.text()


def test_bad_draws_name_the_field_and_what_is_allowed(planned) -> None:  # type: ignore[no-untyped-def]
    view = planned.optimise_view
    view.draws.setText("10")
    view._update_state()
    assert not view.search_button.isEnabled()
    problem = view.search_button.toolTip()
    assert "draws" in problem and "1,000" in problem and "1,000,000" in problem


@pytest.fixture
def chinese(qapp):  # type: ignore[no-untyped-def]
    i18n.install_translators(qapp, "zh_CN")
    yield
    i18n.install_translators(qapp, "en")


def test_the_view_speaks_chinese(add_window, settings, chinese) -> None:  # type: ignore[no-untyped-def]
    from desktop.main_window import MainWindow
    from tests.desktop.test_gui_translation import untranslated

    settings.language = "zh_CN"
    window = add_window(MainWindow(settings))
    window.show()
    view = window.optimise_view
    assert window.tabs.tabText(window.tabs.indexOf(view)) == "优化"
    assert view.search_button.text() == "搜索"
    assert view.cancel_button.text() == "取消"
    assert view.use_button.text() == "采用此方案"
    cjk = re.compile(r"[\u4e00-\u9fff]")
    for c in range(view.model.columnCount()):
        header = view.model.headerData(c, Qt.Orientation.Horizontal)
        assert cjk.search(header), header
    window.tabs.setCurrentWidget(view)
    assert untranslated(view) == []


def test_an_answer_speaks_chinese_in_the_table_the_charts_and_the_undo_step(
    qtbot, add_window, settings, chinese, wait_planned
) -> None:  # type: ignore[no-untyped-def]
    from matplotlib.text import Text

    from desktop.main_window import MainWindow
    from tests.desktop.test_gui_translation import english_words, untranslated

    settings.language = "zh_CN"
    window = add_window(MainWindow(settings))
    window.show()
    window.set_request(small_request())
    wait_planned(window)
    view = window.optimise_view
    window.tabs.setCurrentWidget(view)
    view.draws.setText("1000")
    view = searched(qtbot, window)
    view.choose(len(view.model.rows) - 1)  # not the best: its own curve and words
    assert untranslated(view) == []
    for key in ("front", "risk"):
        texts = [t.get_text() for t in view._canvases[key].figure.findobj(Text) if t.get_text()]
        assert texts
        assert [t for t in texts if english_words(t)] == [], key
    view.use_button.click()
    assert window.session.undo_text().startswith("采用优化方案：")
    assert english_words(window.undo_action.text()) == []
    view.optimiser.wait(SEARCH_S)
    wait_planned(window)


def agg_figure() -> Figure:
    fig = Figure(figsize=(8, 5))
    FigureCanvasAgg(fig)
    return fig


VARIANTS = [  # two vendors, cheapest first, each quicker than the one before
    {"config": "a", "gpus": 64, "capex": 30e6, "tco": 40e6, "days_quantile": 300.0, "days_p10": 250.0,
     "days_p50": 270.0, "days_p90": 300.0, "p_meets": 0.2},
    {"config": "b", "gpus": 128, "capex": 50e6, "tco": 65e6, "days_quantile": 200.0, "days_p10": 170.0,
     "days_p50": 185.0, "days_p90": 200.0, "p_meets": 0.93},
]
NAMES = {"a": Name("Lenovo", "Lenovo X"), "b": Name("Inspur", "Inspur Y")}


def test_the_front_chart_marks_the_deadline_the_vendors_and_the_chosen_point() -> None:
    fig = agg_figure()
    draw_front(fig, FrontPicture(VARIANTS, NAMES, chosen=0, best=1, deadline=240.0, confidence=0.9,
                                 currency="CNY", objective="tco"))
    ax = fig.axes[0]
    deadline = [line for line in ax.get_lines() if list(line.get_xdata()) == [240.0, 240.0]]
    assert deadline
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert {"Lenovo", "Inspur"} <= set(legend)
    offsets = [tuple(c.get_offsets()[0]) for c in ax.collections]
    assert (300.0, 40.0) in offsets and (200.0, 65.0) in offsets  # days against TCO in millions
    assert "P90" in ax.get_xlabel()


def test_without_quantiles_the_risk_chart_shows_the_three_it_has() -> None:
    fig = agg_figure()
    draw_risk(fig, VARIANTS[0], "Lenovo X", deadline=240.0, confidence=0.9)
    (points, *_) = fig.axes[0].get_lines()
    assert list(points.get_xdata()) == [250.0, 270.0, 300.0]
    assert list(points.get_ydata()) == [0.1, 0.5, 0.9]
    assert points.get_linestyle() == "None"  # no curve made up between them


def test_the_risk_chart_is_the_cdf_of_the_quantiles_with_the_deadline() -> None:
    fig = agg_figure()
    quantiles = [150.0 + i for i in range(101)]
    draw_risk(fig, VARIANTS[1], "Inspur Y", deadline=240.0, confidence=0.9, quantiles=quantiles)
    ax = fig.axes[0]
    curve = ax.get_lines()[0]
    assert list(curve.get_xdata()) == quantiles
    shares = list(curve.get_ydata())
    assert shares[0] == 0 and shares[-1] == 1 and shares[50] == pytest.approx(0.5)
    assert any(list(line.get_xdata()) == [240.0, 240.0] for line in ax.get_lines())
    assert "93%" in ax.get_title()
