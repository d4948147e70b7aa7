"""Hand-made quotations in the layouts vendors send, each with errors planted on purpose:
every planted error is found, nothing else is reported, against the right configuration."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import chinese_layout

from engine.quotes import read_quote, reconcile


def _plan(comparison: Any, config: str) -> Any:
    return next(p for p in comparison.plans if p.config == config)


def test_an_ordinary_chinese_quotation(comparison: Any, tmp_path: Path) -> None:
    path, planted = chinese_layout.write(_plan(comparison, chinese_layout.CONFIG), tmp_path / "报价单.xlsx")
    quote = read_quote(path)
    assert quote.quote_no == "IEIT-BJ-20261201-07" and quote.vat_basis == "excluded"
    rec = reconcile(comparison, quote)
    assert (rec.config, rec.chosen_by) == (chinese_layout.CONFIG, "server_line")
    found = sorted(((f.kind, f.row, f.item) for f in rec.findings), key=lambda p: (p[1] or 0, p[0]))
    assert found == planted, "\n".join(f.message for f in rec.findings)
