"""Table models: Qt's model tester, formatted display, raw values for sorting."""

from __future__ import annotations

import math

from PySide6.QtCore import QSortFilterProxyModel, Qt

from desktop.models import SORT_ROLE, BomModel, ComparisonModel
from desktop.pairing import config_label


def test_comparison_model_passes_the_model_tester(qtmodeltester, comparison) -> None:  # type: ignore[no-untyped-def]
    from engine.figures import figure_table

    model = ComparisonModel()
    model.set_result(figure_table(comparison), comparison)
    qtmodeltester.check(model, force_py=True)
    model.clear()
    qtmodeltester.check(model, force_py=True)


def test_comparison_model_shows_the_engine_figures(comparison) -> None:  # type: ignore[no-untyped-def]
    from engine.figures import figure_table

    model = ComparisonModel()
    model.set_result(figure_table(comparison), comparison)
    assert model.columnCount() == len(comparison.plans)
    rows = {model.figure_at(r).column: r for r in range(model.rowCount())}
    for column, plan in enumerate(comparison.plans):
        assert model.config_at(column) == plan.config
        gpus = model.index(rows["gpus"], column)
        assert model.data(gpus) == f"{plan.gpus:,}"
        assert model.data(gpus, SORT_ROLE) == plan.gpus
        capex = model.index(rows["capex"], column)
        if not plan.feasible:  # the direct-liquid server under air cooling: refused, not priced
            assert plan.refusals[0].code == "liquid-needs-loop" and plan.money is None
            continue
        assert plan.money is not None
        assert model.data(capex) == f"¥{plan.money.capex:,.0f}"
        assert math.isclose(model.data(capex, SORT_ROLE), plan.money.capex)
    header = model.headerData(0, Qt.Orientation.Horizontal)
    assert header.removesuffix(" ★") == config_label(comparison.plans[0])
    assert model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) == model.config_at(0)
    assert model.headerData(rows["tco"], Qt.Orientation.Vertical) == "TCO"


def test_recommended_configuration_is_starred(comparison) -> None:  # type: ignore[no-untyped-def]
    from engine.figures import figure_table

    model = ComparisonModel()
    model.set_result(figure_table(comparison), comparison)
    rec = comparison.recommendation
    best = rec.cheapest_meeting_deadline or rec.only  # the only one in scope is named, starred
    starred = [
        model.config_at(c)
        for c in range(model.columnCount())
        if model.headerData(c, Qt.Orientation.Horizontal).endswith("★")
    ]
    assert starred == [best]


def test_bom_model_passes_the_model_tester_and_sorts_on_raw_values(qtmodeltester, comparison) -> None:  # type: ignore[no-untyped-def]
    plan = comparison.plans[0]
    model = BomModel(plan.bom)
    qtmodeltester.check(model, force_py=True)
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.sort(6, Qt.SortOrder.DescendingOrder)  # Total
    totals = [proxy.data(proxy.index(r, 6), SORT_ROLE) for r in range(proxy.rowCount())]
    assert totals == sorted((line.total for line in plan.bom), reverse=True)
    shown = proxy.data(proxy.index(0, 6))
    assert shown.startswith("¥") and "," in shown  # formatted, while sorting used numbers


def test_bom_model_in_chinese_shows_chinese_descriptions(comparison) -> None:  # type: ignore[no-untyped-def]
    plan = comparison.plans[0]
    model = BomModel(plan.bom, chinese=True)
    assert model.data(model.index(0, 3)) == plan.bom[0].description_zh


def test_price_model_passes_the_model_tester_and_validates_edits(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    from desktop.catalog_window import PRICE_COLUMNS, PriceModel
    from engine.money.prices import load_price_list

    model = PriceModel(load_price_list())
    qtmodeltester.check(model, force_py=True)
    price = [c for c, _ in PRICE_COLUMNS].index("unit_price")
    currency = [c for c, _ in PRICE_COLUMNS].index("currency")
    index = model.index(0, price)
    assert model.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable
    assert model.setData(index, "12345.5")
    assert model.price_list().entries[model._entries[0].item].unit_price == 12345.5
    assert not model.setData(index, "cheap")
    assert not model.setData(index, "-5")
    assert model.last_error
    assert not model.setData(model.index(0, currency), "EUR")


def test_bom_model_shows_no_engine_id_as_a_part_number(comparison) -> None:  # type: ignore[no-untyped-def]
    """A generic line (a rack, an optic, a service) has no part number of its own: the BOM
    tab leaves the cell empty, as the quote does, rather than show the catalogue's id."""
    for plan in comparison.plans[:3]:
        model = BomModel(plan.bom)
        shown = [model.data(model.index(r, 2)) for r in range(model.rowCount())]
        generic = [r for r, line in enumerate(plan.bom) if line.part_number == line.item]
        assert generic, plan.config  # every plan has some (racks, services)
        assert all(shown[r] == "" for r in generic)
        assert not {line.item for line in plan.bom} & set(shown)
        real = [r for r, line in enumerate(plan.bom) if line.part_number not in
                (line.item, line.description_en)]
        assert all(shown[r] == plan.bom[r].part_number for r in real)
