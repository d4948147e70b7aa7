"""Both kinds of quote are valid Office Open XML as Excel reads it: checked by openxml-audit
(a port of Microsoft's Open XML SDK validator and its Excel repair rules), which finds in
them nothing it does not find in a bare openpyxl workbook.

openpyxl itself writes two things the validator reports: font properties in an order the
SDK's schema lists differently (ECMA-376 allows any order; Excel opens them) and cells as
inline strings, which Excel moves to a shared-strings table when it next saves. Anything
else (a chart, an image, a data validation, a conditional format, a defined name, a
print setting of ours) would fail here with the validator's own words.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import openpyxl
import pytest
from openpyxl.styles import Font

from engine.export import write_quote
from engine.model import Comparison

openxml_audit = pytest.importorskip("openxml_audit")

FONT_ORDER = re.compile(r"Unexpected element '(b|i|u|sz|color|name|family|scheme|strike|vertAlign)'"
                        r" found")
INLINE_STRINGS = re.compile(r"inline-string cell\(s\)")


def findings(path: Path) -> list[str]:
    """What the validator reports that is not openpyxl's own."""
    result = openxml_audit.OpenXmlValidator(max_errors=0).validate(str(path))
    odd = []
    for error in result.errors:
        if error.part_uri == "/xl/styles.xml" and FONT_ORDER.fullmatch(error.description):
            continue
        if INLINE_STRINGS.search(error.description):
            continue
        odd.append(f"{error.part_uri} {error.path}: {error.description}")
    return odd


def test_a_bare_openpyxl_workbook_has_only_openpyxls_own_findings(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    assert wb.active is not None
    wb.active["A1"] = "text"
    wb.active["A1"].font = Font(bold=True, size=12, color="FF0000")
    wb.save(tmp_path / "bare.xlsx")
    result = openxml_audit.OpenXmlValidator(max_errors=0).validate(str(tmp_path / "bare.xlsx"))
    assert result.errors  # the two kinds this test forgives are openpyxl's
    assert findings(tmp_path / "bare.xlsx") == []


@pytest.mark.parametrize(("kind", "lang"), [("comparison", "en"), ("comparison", "zh"),
                                            ("rfq", "en"), ("rfq", "zh")])
def test_quotes_open_in_excel_without_repair(tmp_path: Path, discounted_comparison: Comparison, kind: str,
                                             lang: str) -> None:
    path = write_quote(discounted_comparison, tmp_path / f"{kind}-{lang}.xlsx", lang=lang,  # type: ignore[arg-type]
                       kind=kind, vendor="inspur" if kind == "rfq" else None,  # type: ignore[arg-type]
                       quote_date=datetime.date(2026, 11, 25))
    assert findings(path) == []
