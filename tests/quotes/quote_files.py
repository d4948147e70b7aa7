"""Where the sample quotations and their plan are, and the plan as it was quoted."""

from pathlib import Path
from typing import Any

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "quotes"
LENOVO = FIXTURES / "lenovo_dcsc_export.xlsx"
INSPUR = FIXTURES / "inspur_quotation_zh.xlsx"
MESSY = FIXTURES / "messy_reseller_quote.xlsx"
PLAN = FIXTURES / "h800_plan.cqplan"


def plan_as_quoted() -> Any:
    """The sample plan priced from the snapshot saved with it, as `reconcile` prices it."""
    from engine.compare import compare
    from engine.money.prices import read_price_list, shipped_price_list_path
    from engine.money.snapshot import snapshot_prices
    from engine.planfile import load_plan_document

    doc = load_plan_document(PLAN)
    assert doc.snapshot is not None, "the sample plan is saved with the prices it was quoted with"
    return compare(doc.request, price_list=snapshot_prices(doc.snapshot,
                                                           read_price_list(shipped_price_list_path())))
