"""The HTML form of the quote (printed to PDF by Qt where LibreOffice is missing) holds what
the workbook holds: the same configurations detailed, named for people."""

from __future__ import annotations

import datetime

from engine.export import quote_as_html
from tests.export.quote_fixtures import hand_comparison


def test_comparison_html_details_the_shortlist_by_title() -> None:
    comparison = hand_comparison()
    html = quote_as_html(comparison, quote_date=datetime.date(2024, 5, 1))
    assert "Inspur Server · 8× A800 SXM4" in html
    assert "alpha-cfg" not in html  # no engine id where a title is unique
    assert html.count("Bill of materials") == 2  # alpha and beta: the shortlist
    only_beta = quote_as_html(comparison, quote_date=datetime.date(2024, 5, 1), detail=["beta-cfg"])
    assert only_beta.count("Bill of materials") == 1


def test_rfq_html_is_one_vendors() -> None:
    html = quote_as_html(hand_comparison(), kind="rfq", vendor="inspur", lang="zh",
                         quote_date=datetime.date(2024, 5, 1))
    assert "浪潮" in html and "Lenovo" not in html and "联想" not in html
