"""Systems a user adds: `catalog export ID` writes a self-contained catalog file, `--catalog FILE`
plans, estimates and quotes with it; entries are validated as strictly as the shipped catalog
and marked user-entered."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from engine.catalog import CatalogError, load_catalog
from engine.cli import main
from engine.money.prices import load_price_list
from engine.user_catalog import catalog_and_prices, export_entry

CFG = "lenovo-sr680av3-h200"


def _renamed(text: str, renames: dict[str, str]) -> str:
    """The exported file with some records given ids of their own (what a user does to add a
    variant of a shipped system)."""
    for old, new in renames.items():
        text = re.sub(rf'^(id|gpu|item) = "{re.escape(old)}"$', rf'\1 = "{new}"', text, flags=re.M)
    return text


@pytest.fixture
def own_system(tmp_path: Path) -> Path:
    text = export_entry(CFG, load_catalog(), load_price_list())
    path = tmp_path / "datasheet.toml"
    path.write_text(_renamed(text, {CFG: "acme-h200", "h200-sxm5-141gb": "acme-h200-gpu"}),
                    encoding="utf-8")
    return path


def test_export_is_self_contained_and_reads_back_unchanged(tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "x.toml"
    assert main(["catalog", "export", CFG, "--out", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    for section in ("[[gpus]]", "[[servers]]", "[[network]]", "[[configurations]]", "[[prices]]"):
        assert section in text
    # read back unchanged it is the shipped system, not a user entry
    catalog, prices = catalog_and_prices(out, None)
    assert not catalog.configurations[CFG].user_entered
    assert prices.entry(CFG).unit_price == load_price_list().entry(CFG).unit_price
    assert main(["catalog", "export", "no-such-config"]) == 2
    assert "known configurations" in capsys.readouterr().err


def test_a_user_system_plans_quotes_and_is_marked(own_system: Path, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    args = ["plan", "--catalog", str(own_system), "--preset", "gpt3-175b", "--days", "120",
            "--config", "acme-h200", "--config", CFG, "--format", "json"]
    assert main(args) == 0
    plans = {p["config"]: p for p in json.loads(capsys.readouterr().out)["plans"]}
    own, shipped = plans["acme-h200"], plans[CFG]
    # the same figures as the system it was copied from: the same rules planned it
    assert (own["gpus"], own["nodes"], own["racks"]) == (shipped["gpus"], shipped["nodes"],
                                                        shipped["racks"])
    assert own["warnings"][0]["code"] == "user-entered"
    assert "acme-h200" in own["warnings"][0]["text"] and "acme-h200-gpu" in own["warnings"][0]["text"]
    assert all(w["code"] != "user-entered" for w in shipped["warnings"])
    # its price came with it
    line = next(b for b in own["bom"] if b["item"] == "acme-h200")
    assert line["unit_price"] > 0
    assert main(["estimate", "--catalog", str(own_system), "--preset", "gpt3-175b",
                 "--gpu", "acme-h200-gpu", "--gpus", "64"]) == 0
    capsys.readouterr()
    out = tmp_path / "q.xlsx"
    assert main(["quote", "--catalog", str(own_system), "--preset", "gpt3-175b", "--days", "120",
                 "--config", "acme-h200", "--out", str(out), "--lang", "zh"]) == 0
    assert out.is_file()


def test_a_saved_plan_carries_the_users_system_and_re_plans_identically(
        own_system: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Saved with a user's system, a plan reopens where that user's catalog is not (no
    --catalog, an empty user data folder) and plans the same figures."""
    saved = tmp_path / "own.cqplan"
    args = ["--preset", "gpt3-175b", "--days", "120", "--config", "acme-h200", "--config", CFG]
    assert main(["plan", "--catalog", str(own_system), *args, "--save", str(saved),
                 "--format", "json"]) == 0
    before = json.loads(capsys.readouterr().out)
    doc = json.loads(saved.read_text(encoding="utf-8"))
    assert doc["version"] == 3
    # it carries the user's records and their prices, and nothing of the shipped catalog
    assert [r["id"] for r in doc["catalog"]["configurations"]] == ["acme-h200"]
    assert [r["id"] for r in doc["catalog"]["gpus"]] == ["acme-h200-gpu"]
    assert "servers" not in doc["catalog"]  # the shipped SR680a V3 is the shipped one
    assert {p["item"] for p in doc["catalog"]["prices"]} == {"acme-h200", "acme-h200-gpu"}
    own_system.unlink()  # another machine: the datasheet file is not there
    assert main(["plan", str(saved), "--format", "json"]) == 0
    after = json.loads(capsys.readouterr().out)
    for old, new in zip(before["plans"], after["plans"], strict=True):
        assert (new["config"], new["gpus"], new["nodes"], new["racks"]) == \
            (old["config"], old["gpus"], old["nodes"], old["racks"])
        assert new["capex"] == pytest.approx(old["capex"], rel=1e-12)
        assert new["tco"] == pytest.approx(old["tco"], rel=1e-12)
    assert after["plans"][0]["warnings"][0]["code"] == "user-entered"
    out = tmp_path / "again.xlsx"
    assert main(["quote", str(saved), "--out", str(out)]) == 0  # and quotes from the file alone
    # the Sources sheet lists the user's records with their own source, marked user-entered
    from openpyxl import load_workbook

    book = load_workbook(out)
    (bom,) = [ws for ws in book.worksheets
              if ws.title not in ("Summary", "Comparison", "Racks", "Assumptions",
                                  "Assumptions per configuration", "Sources")]
    assert str(bom["A4"].value).startswith("user-entered catalog records: acme-h200")
    sheet = book["Sources"]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    kinds = {r[0]: r[1] for r in rows if r[1] and "entered by the user" in str(r[1])}
    assert "NVIDIA H200 SXM5 141GB" in kinds and kinds["NVIDIA H200 SXM5 141GB"] == \
        "GPU, entered by the user"
    assert any(str(r[1]).startswith("Configuration, entered by the user") for r in rows)
    assert not any("entered by the user" in str(r[1]) for r in rows if r[0] and "ThinkSystem" in
                   str(r[0]) and str(r[1]).startswith("Server"))  # the shipped server is not


def test_a_plan_whose_carried_record_is_broken_is_refused_naming_it(
        own_system: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    saved = tmp_path / "own.cqplan"
    assert main(["plan", "--catalog", str(own_system), "--preset", "gpt3-175b", "--days", "120",
                 "--config", "acme-h200", "--save", str(saved)]) == 0
    capsys.readouterr()
    doc = json.loads(saved.read_text(encoding="utf-8"))
    doc["catalog"]["gpus"][0]["tdp_w"] = 70000  # a unit slip: kW typed as W, ten times over
    saved.write_text(json.dumps(doc), encoding="utf-8")
    assert main(["plan", str(saved)]) == 2
    err = capsys.readouterr().err
    assert "own.cqplan (its catalog)" in err and "field tdp_w: value 70000" in err
    assert "at most 10000 W" in err and "Traceback" not in err


def test_reconcile_and_optimise_take_the_catalog_file(own_system: Path, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    plan = tmp_path / "p.cqplan"
    assert main(["plan", "--catalog", str(own_system), "--preset", "gpt3-175b", "--days", "120",
                 "--config", "acme-h200", "--save", str(plan)]) == 0
    quote = tmp_path / "q.csv"
    quote.write_text("Lenovo quotation\nCurrency: CNY; excluding VAT\n"
                     "Part number,Description,Qty,Unit price\n"
                     "acme-h200,SR680a V3 8×H200,10,2000000\n", encoding="utf-8")
    capsys.readouterr()
    # the plan carries the system; --catalog gives it too (and names the file's own systems)
    for extra in ([], ["--catalog", str(own_system)]):
        assert main(["reconcile", str(plan), "--quote", str(quote), "--format", "json",
                     "--config", "acme-h200", *extra]) == 0
        assert json.loads(capsys.readouterr().out)["quotes"][0]["config"] == "acme-h200"
    search = ["optimise", "--preset", "gpt3-175b", "--days", "200", "--goodput", "0.9",
              "--confidence", "0.5", "--config", "acme-h200", "--draws", "1000"]
    assert main([*search, "--catalog", str(own_system), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["best"]["config"] == "acme-h200"
    assert main(search) == 2  # without it the id is unknown
    assert "acme-h200" in capsys.readouterr().err


@pytest.mark.parametrize(("change", "expected"), [
    (('memory_gb = 141.0', 'memory_gb = -1'), "[[gpus]] record 'acme-h200-gpu', field memory_gb"),
    (('gpu_count = 8', 'gpu_count = 16'), "16 GPUs do not fit"),
    (('form_factor = "sxm5"', 'form_factor = "oam"'), "field form_factor"),
    (('tdp_w = 700.0', 'tdp_w = "much"'), "field tdp_w"),
    (('tdp_w = 700.0', 'tdp_w = 0.7'),  # kW typed for W
     "field tdp_w: value 0.7 is not allowed: it must be at least 10 and at most 10000 W"),
    (('tdp_w = 700.0', 'tdp_w = 750'), ""),  # a figure of its own, within bounds: planned
    (('memory_gb = 141.0', 'memory_gb = 141000'),
     "field memory_gb: value 141000 is not allowed: it must be above 0 and at most 10000 GB"),
    (('gpu_count = 8', 'gpu_count = 8.5'), "field gpu_count"),
])
def test_bad_entries_are_refused_naming_the_field(own_system: Path, change: tuple[str, str],
                                                  expected: str,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    text = own_system.read_text(encoding="utf-8")
    assert change[0] in text
    own_system.write_text(text.replace(change[0], change[1], 1), encoding="utf-8")
    code = main(["plan", "--catalog", str(own_system), "--preset", "gpt3-175b", "--days", "120"])
    err = capsys.readouterr().err
    if not expected:
        assert code == 0
        return
    assert code == 2
    assert expected in err and "Traceback" not in err and len(err.splitlines()) == 1


def test_an_id_of_the_shipped_catalog_with_other_figures_is_refused(tmp_path: Path) -> None:
    text = export_entry(CFG, load_catalog(), load_price_list())
    path = tmp_path / "clash.toml"
    path.write_text(text.replace("max_power_w = 10200.0", "max_power_w = 9000.0"), encoding="utf-8")
    with pytest.raises(CatalogError, match="id of its own"):
        catalog_and_prices(path, None)
    path.write_text(text + "\n[[racks]]\nid = \"r\"\n", encoding="utf-8")
    with pytest.raises(CatalogError, match=r"\[\[racks\]\] is not allowed"):
        catalog_and_prices(path, None)


def test_the_users_own_system_is_kept_exported_and_removed(own_system: Path, tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    """Kept in the user data folder (as the app's editor keeps it), a system plans without
    --catalog, exports to a file a colleague reads back, and goes away with its records."""
    from engine.user_catalog import (
        read_user_entries,
        remove_user_configuration,
        save_user_system,
        user_catalog_path,
    )

    save_user_system(read_user_entries(own_system))
    kept = read_user_entries(user_catalog_path())
    # the shipped server and NIC the file repeats unchanged stay the shipped ones
    assert {s: sorted(r) for s, r in kept.records.items() if r} == {
        "configurations": ["acme-h200"], "gpus": ["acme-h200-gpu"]}
    assert main(["plan", "--preset", "gpt3-175b", "--days", "120", "--config", "acme-h200"]) == 0
    shared = tmp_path / "shared.toml"
    assert main(["catalog", "export", "acme-h200", "--out", str(shared)]) == 0
    catalog, prices = catalog_and_prices(shared, None)
    assert catalog.configurations["acme-h200"].user_entered
    assert prices.entry("acme-h200").unit_price == load_price_list().entry(CFG).unit_price
    capsys.readouterr()
    remove_user_configuration("acme-h200")
    assert not any(read_user_entries(user_catalog_path()).records.values())
    assert main(["plan", "--preset", "gpt3-175b", "--days", "120", "--config", "acme-h200"]) == 2
