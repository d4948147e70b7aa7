"""Every assumption key and every message code the engine can produce has a label in both
languages: none reaches the workbook as a raw key ("buy_racks", "storage.headroom")."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from engine.export.labels import Labels
from engine.i18n import has

ROOT = Path(__file__).resolve().parents[2]


def _engine_sources() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "engine").rglob("*.py"))


def _codes() -> set[str]:
    return set(re.findall(r'Message(?:\.of)?\(\s*"([a-z0-9-]+)"', _engine_sources()))


def _full_codes() -> set[str]:
    """Codes the engine sends with their figures: their whole sentence is in the catalogue."""
    return set(re.findall(r'Message\.of\(\s*"([a-z0-9-]+)"', _engine_sources()))


def _keys() -> set[str]:
    """Keys the plans' assumptions carry: written in the engine, and every default."""
    keys = set(re.findall(r'Assumption(?:\.said)?\(\s*(?:key=)?"([a-z0-9_.]+)"', _engine_sources()))
    defaults = tomllib.loads((ROOT / "resources" / "assumptions.toml").read_text(encoding="utf-8"))
    for section, entries in defaults.items():
        keys |= {f"{section}.{name}" for name, entry in entries.items() if "value" in entry}
    return keys


def test_the_engine_is_searched() -> None:
    # the search finds the codes and keys the workbook labels (a broken pattern finds none)
    assert {"feed-loss", "lead-time-unset", "override-price-far", "export-licence"} <= _codes()
    assert {"training_days_band", "parallel_layout", "heat_rejection", "storage.headroom",
            "management.head_nodes", "services.logistics_rate"} <= _keys()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_message_code_has_a_gist(lang: str) -> None:
    missing = sorted(c for c in _codes() if not has(f"msg.{c}", lang))  # type: ignore[arg-type]
    assert not missing, missing


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_message_sent_with_figures_has_its_sentence(lang: str) -> None:
    assert {"gpu-slots", "override-price-far"} <= _full_codes()
    missing = sorted(c for c in _full_codes() if not has(f"msg.{c}.full", lang))  # type: ignore[arg-type]
    assert not missing, missing


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_assumption_key_has_a_label(lang: str) -> None:
    L = Labels(lang)  # type: ignore[arg-type]
    raw = sorted(k for k in _keys() if L.key(k) == k)
    assert not raw, raw
    if lang == "zh":  # and the Chinese label is Chinese
        assert re.search(r"[\u4e00-\u9fff]", L.key("storage.headroom"))
        assert L.key("rack_kw.liquid_hopper") == "单机柜功率预算（液冷，Hopper）"


def test_days_band_is_explained_in_the_workbook(tmp_path: Path) -> None:
    import openpyxl

    from engine import PlanRequest, Schedule, Workload, compare
    from engine.compute.efficiency import band, band_coverage
    from engine.export import write_quote

    comparison = compare(PlanRequest(Workload(preset="gpt3-175b"), Schedule(days=30, lead_time_days=0),
                                     configs=("inspur-nf5688m6-a800",)))
    low, high = band()
    for lang in ("en", "zh"):
        L = Labels(lang)  # type: ignore[arg-type]
        path = write_quote(comparison, tmp_path / f"{lang}.xlsx", lang=lang)  # type: ignore[arg-type]
        ws = openpyxl.load_workbook(path)[L("sheet.assumptions")]
        texts = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
        note = L("asm.days_band_note", low=low, high=high, coverage=band_coverage())
        assert note in texts
        assert f"{low:.2f}" in note and f"{high:.2f}" in note
        assert L.key("training_days_band") in texts
