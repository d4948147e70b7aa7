"""Where the sample quotations and their plan are."""

from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "quotes"
LENOVO = FIXTURES / "lenovo_dcsc_export.xlsx"
INSPUR = FIXTURES / "inspur_quotation_zh.xlsx"
MESSY = FIXTURES / "messy_reseller_quote.xlsx"
PLAN = FIXTURES / "h800_plan.cqplan"
