"""Hostile and damaged input through the command line: every case that once crashed
ClusterQuote or silently broke its plans, each exiting 0 with finite figures or 2 with one line."""

from __future__ import annotations

import json
import math
import os
import re
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from engine.cli import main
from engine.money.prices import (
    PriceError,
    import_prices,
    load_price_list,
    read_price_list,
    shipped_price_list_path,
    user_price_list_path,
)
from tests.engine.hostile_corpus import (
    ACCEPTED_PLANS,
    HOSTILE,
    VALID_PLAN,
    materialise,
    numbers,
    price_rows,
    refused_plan_cases,
    with_stale_dimension,
    write_xlsx,
)

ROOT = Path(__file__).resolve().parents[2]
SEED = ["--preset", "gpt3-175b"]
NF5688 = ["--config", "inspur-nf5688m6-a800"]
LINE_CHARS = 300


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def strict(text: str) -> Any:
    def refuse(name: str) -> None:
        raise AssertionError(f"{name} in the JSON output")

    return json.loads(text, parse_constant=refuse)


def one_clean_line(err: str) -> str:
    assert "Traceback" not in err, err
    lines = err.strip("\n").split("\n")
    assert len(lines) == 1, err
    assert len(lines[0]) <= LINE_CHARS, len(lines[0])
    return lines[0]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return materialise(tmp_path_factory.mktemp("hostile"))



# ---------------------------------------------------------------- plan files


@pytest.mark.timeout(30)  # a FIFO or /dev/zero once hung here
@pytest.mark.parametrize(("name", "says"), refused_plan_cases())
def test_hostile_plan_files_exit_2_with_one_line_naming_the_file(
    corpus: Path, name: str, says: str, capsys: pytest.CaptureFixture[str]
) -> None:
    started = time.perf_counter()
    code, out, err = run(["plan", str(corpus / name), "--format", "json"], capsys)
    assert code == 2, err
    assert out == ""
    line = one_clean_line(err)
    assert name in line, line
    assert re.search(says, line), line
    assert time.perf_counter() - started < 20  # generous: it is the hang that is tested


@pytest.mark.parametrize("name", ACCEPTED_PLANS)
def test_legal_plan_files_plan_with_finite_figures(
    corpus: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(["plan", str(corpus / name), "--format", "json"], capsys)
    assert code == 0, err
    figures = numbers(strict(out))
    assert figures and all(math.isfinite(n) for n in figures)


def test_a_plan_saved_with_a_bom_or_in_gb18030_keeps_its_customer(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from engine.planfile import load_plan_document

    assert load_plan_document(corpus / "utf8-bom.cqplan").customer == "ACME"
    assert load_plan_document(corpus / "gb18030.cqplan").customer == "北京智源人工智能研究院"


def test_quote_from_a_plan_file_uses_its_heading(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = tmp_path / "p.cqplan"
    doc = {**VALID_PLAN, "request": {**VALID_PLAN["request"], "configs": ["inspur-nf5688m6-a800"]}}
    plan.write_text(json.dumps(doc), encoding="utf-8")
    out_file = tmp_path / "q.xlsx"
    code, _, err = run(["quote", str(plan), "--out", str(out_file)], capsys)
    assert code == 0, err
    from openpyxl import load_workbook

    cells = [c for ws in load_workbook(out_file).worksheets for row in ws.iter_rows(values_only=True)
             for c in row if isinstance(c, str)]
    assert any("ACME" in c for c in cells) and any("Q-1" in c for c in cells)


def test_a_plan_file_and_request_flags_do_not_mix(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = tmp_path / "p.cqplan"
    plan.write_text(json.dumps(VALID_PLAN), encoding="utf-8")
    code, _, err = run(["plan", str(plan), "--days", "45", "--lead-time-days", "0"], capsys)
    assert code == 2
    assert "--days" in one_clean_line(err)


def test_plan_save_writes_what_the_desktop_app_saves(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from engine.compare import compare
    from engine.model import PlanRequest, Schedule, Workload
    from engine.planfile import load_plan, load_plan_document, plan_to_json

    code, table, err = run(["plan", *SEED, "--days", "30", "--lead-time-days", "0", "--save",
                            str(tmp_path / "mine")], capsys)
    assert code == 0, err
    saved = tmp_path / "mine.cqplan"  # the suffix is added, as the desktop app does
    request = PlanRequest(Workload(preset="gpt3-175b"), Schedule(days=30.0, lead_time_days=0.0))
    # desktop.files.write_plan's text: the request and the prices it was quoted with
    snapshot = load_plan_document(saved).snapshot
    assert snapshot is not None and snapshot.entries
    assert saved.read_text(encoding="utf-8") == plan_to_json(request, snapshot=snapshot)
    assert load_plan(saved) == request
    assert saved.stat().st_mode & 0o777 == 0o666 & ~_umask()  # as any program's new file
    code, again, _ = run(["plan", str(saved)], capsys)
    assert code == 0 and again.splitlines()[:3] == table.splitlines()[:3]
    assert compare(load_plan(saved)).plans  # and the engine plans it


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_plan_save_into_a_file_posing_as_a_folder_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "blocker").write_text("", encoding="utf-8")
    code, _, err = run(["plan", *SEED, "--days", "30", "--lead-time-days", "0", "--save",
                        str(tmp_path / "blocker" / "p.cqplan")],
                       capsys)
    assert code == 2
    assert "--save" in one_clean_line(err)


# ---------------------------------------------------------------- command lines

HUGE = "9" * 400
BAD_LINES = [
    pytest.param([*SEED, "--days", "30", "--lead-time-days", "0", "--years", HUGE], "--years",
                 id="years-400-digits"),
    pytest.param([*SEED, "--days", "30", "--lead-time-days", "0", "--warranty-years", HUGE],
                 "--warranty-years",
                 id="warranty-400-digits"),
    pytest.param([*SEED, "--days", "30", "--lead-time-days", "0", "--runs", HUGE], "--runs",
                 id="runs-400-digits"),
    pytest.param([*SEED, "--gpus", HUGE], "--gpus", id="gpus-400-digits"),
    pytest.param([*SEED, "--gpus", "9" * 30], "--gpus", id="gpus-30-digits"),
    pytest.param([*SEED, "--days", "30", "--lead-time-days", "0", "--years", "9" * 30], "--years",
                 id="years-30-digits"),
    pytest.param([*SEED, "--days", "30", "--lead-time-days", "0", "--goodput", "1e-320", "--mfu",
                  "1e-10"], "--mfu",
                 id="goodput-subnormal-mfu-tiny"),
    pytest.param([*SEED, "--days", "30", "--lead-time-days", "0", "--goodput", "1e-320"],
                 "--goodput", id="goodput-subnormal"),
    pytest.param(["--flops", "1e300", "--days", "1", "--lead-time-days", "0"], "--flops", id="flops-1e300"),
    pytest.param([*SEED, "--days", "1e-300", "--lead-time-days", "0"],
                 "1e-300 days would need more than a million",
                 id="days-1e-300"),  # legal, but no configuration can: a refusal that says why
    pytest.param([*SEED, "--days", "30", "--lead-time-days", "0", "--exchange-rate", "1e-300",
                  "--currency", "USD"],
                 "--exchange-rate", id="exchange-rate-1e-300"),
    pytest.param([*SEED, "--days", "30", "--lead-time-days", "0", "--power-price", "1e300"],
                 "--power-price", id="power-1e300"),
    pytest.param([*SEED, "--days", "30", "--lead-time-days", "0", "--colo-rent", "1e300",
                  "--hosting", "colo"], "--colo-rent",
                 id="colo-rent-1e300"),
    pytest.param(["--params", "1e300", "--tokens", "1e300", "--days", "30", "--lead-time-days",
                  "0"], "--params",
                 id="params-1e300"),
    pytest.param([*SEED, "--days", "30", "--lead-time-days", "0", "--tuning-pf-days", "1e300"],
                 "--tuning-pf-days",
                 id="tuning-1e300"),
]


@pytest.mark.parametrize(("argv", "flag"), BAD_LINES)
def test_out_of_bounds_numbers_exit_2_naming_the_flag(
    argv: list[str], flag: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(["plan", *argv, "--format", "json"], capsys)
    assert code == 2, (code, out[:200], err)
    assert flag in one_clean_line(err)


@pytest.mark.parametrize("flag", ["--days", "--preset", "--precision", "--config", "--params"])
def test_a_5000_character_value_is_cut_in_the_message(flag: str, capsys: pytest.CaptureFixture[str]) -> None:
    base = [] if flag == "--preset" else SEED
    when = [] if flag == "--days" else ["--days", "30", "--lead-time-days", "0"]
    code, _, err = run(["plan", *base, *when, flag, "x" * 5000], capsys)
    assert code == 2
    line = one_clean_line(err)
    assert "x" * 41 not in line, line


@pytest.mark.parametrize("flag", ["--preset", "--config", "--days"])
def test_a_newline_in_a_value_gives_one_line(flag: str, capsys: pytest.CaptureFixture[str]) -> None:
    base = [] if flag == "--preset" else SEED
    when = [] if flag == "--days" else ["--days", "30", "--lead-time-days", "0"]
    code, _, err = run(["plan", *base, *when, flag, "evil\nclusterquote: all fine"], capsys)
    assert code == 2
    assert "evil\\nclusterquote" in one_clean_line(err)


def test_the_largest_legal_request_gives_finite_figures(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["plan", "--flops", "1e30", "--gpus", "1000000", *NF5688, "--format", "json"],
                         capsys)
    if code == 2:  # refused (a fabric too large) is a fine answer too, if it says so in one line
        one_clean_line(err)
        return
    data = strict(out)
    assert all(math.isfinite(n) for n in numbers(data))
    capex = data["plans"][0]["capex"]
    assert capex < 1e15  # a million GPUs cost well under a quadrillion CNY


def test_estimate_bounds_the_fleet(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["estimate", *SEED, "--gpu", "a100-sxm4-80gb", "--gpus", "9" * 30], capsys)
    assert code == 2 and "--gpus" in one_clean_line(err)


# ---------------------------------------------------------------- price lists


def test_a_partial_price_list_falls_back_to_the_shipped_prices(capsys: pytest.CaptureFixture[str]) -> None:
    summary = import_prices(HOSTILE / "prices-partial.csv")
    shipped = read_price_list(shipped_price_list_path())
    assert (summary.taken, summary.replaced) == (2, 2)
    assert summary.lacked == len(shipped) - 2
    prices = load_price_list()
    assert prices.entries["a100-sxm4-80gb"].unit_price == 98_000  # the user's
    assert prices.entries["h100-sxm5-80gb"] == shipped.entries["h100-sxm5-80gb"]  # the shipped
    assert "h100-sxm5-80gb" in prices.from_shipped
    code, out, err = run(["plan", *SEED, "--days", "30", "--lead-time-days", "0", "--format", "json"], capsys)
    assert code == 0, err  # planning goes on: once every plan failed with "no price for ..."
    assert "shipped prices for the" in strict(out)["price_list"]


def test_price_list_flag_prices_a_run_from_a_given_list(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["plan", *SEED, "--days", "30", "--lead-time-days", "0", "--config",
            "inspur-nf5688m6-a100", "--format", "json"]
    code, shipped_out, _ = run(argv, capsys)
    assert code == 0
    code, out, err = run([*argv, "--price-list", str(HOSTILE / "prices-partial.csv")], capsys)
    assert code == 0, err
    # the server is one configured system: base + 8 GPUs + HCAs; the list prices the A100 at
    # 98 000 CNY where the shipped one says 103 500, and lacks the rest (shipped prices stay)
    system = "inspur-nf5688m6-a100"
    bom = {line["item"]: line for line in strict(out)["plans"][0]["bom"]}
    shipped_bom = {line["item"]: line for line in strict(shipped_out)["plans"][0]["bom"]}
    assert bom[system]["unit_price"] == pytest.approx(shipped_bom[system]["unit_price"] - 8 * 5_500)
    assert bom[system]["qty"] == shipped_bom[system]["qty"]
    assert not user_price_list_path().exists()  # a run's list is not imported


def test_a_gb18030_price_list_is_read(capsys: pytest.CaptureFixture[str]) -> None:
    prices = read_price_list(HOSTILE / "prices-gb18030.csv")
    entry = prices.entries["a100-sxm4-80gb"]
    assert entry.vendor == "英伟达" and entry.source == "浪潮报价单 2024-03"


def test_a_price_of_1e308_is_refused_with_its_row(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(PriceError, match=r"line 3, column unit_price: value '1e308' is not allowed") as info:
        import_prices(HOSTILE / "prices-1e308.csv")
    assert str(info.value).count("prices-1e308.csv") == 1  # said once, not wrapped again
    assert not user_price_list_path().exists()
    code, _, err = run(["plan", *SEED, "--days", "30", "--lead-time-days", "0", "--price-list",
                        str(HOSTILE / "prices-1e308.csv")],
                       capsys)
    assert code == 2
    assert "line 3" in one_clean_line(err)


def test_formula_text_is_stored_escaped_and_read_back_as_typed() -> None:
    import csv

    import_prices(HOSTILE / "prices-formula.csv")
    with user_price_list_path().open(encoding="utf-8-sig", newline="") as fh:
        stored = {row["item"]: row for row in csv.DictReader(fh)}
    row = stored["a100-sxm4-80gb"]
    assert row["description_en"] == "'=HYPERLINK(\"http://example.invalid\",\"click\")"
    assert row["description_zh"].startswith("'+cmd")
    assert row["source"] == "'@SUM(1+1)"
    entry = load_price_list().entries["a100-sxm4-80gb"]
    assert entry.description_en.startswith("=HYPERLINK(") and entry.source == "@SUM(1+1)"


def test_an_xlsx_with_a_stale_dimension_is_read_whole(tmp_path: Path) -> None:
    rows = price_rows(52)
    path = with_stale_dimension(write_xlsx(tmp_path / "stale.xlsx", rows))
    from openpyxl import load_workbook

    trusting = load_workbook(path, read_only=True)
    assert len(list(trusting.worksheets[0].iter_rows())) < 53  # openpyxl alone would stop early
    trusting.close()
    assert len(read_price_list(path)) == 52
    summary = import_prices(path)
    assert summary.taken == 52


def test_a_price_list_that_is_a_fifo_is_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "prices.csv"
    os.mkfifo(fifo)
    with pytest.raises(PriceError, match="not a regular file"):
        read_price_list(fifo)


# ---------------------------------------------------------------- crashes and full disks


def _cli(argv: list[str], *, file_size_limit: int | None = None, env: dict[str, str] | None = None,
         ) -> subprocess.CompletedProcess[str]:
    def limit() -> None:  # a file may grow no further: writes fail as on a full disk
        if file_size_limit is not None:
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (file_size_limit, file_size_limit))

    code = "import sys; from engine.cli import main; raise SystemExit(main(sys.argv[1:]))"
    return subprocess.run([sys.executable, "-c", code, *argv], capture_output=True, text=True,
                          timeout=120, cwd=ROOT, check=False, preexec_fn=limit,
                          env={**os.environ, **(env or {})})


def test_a_quote_to_a_full_disk_prints_one_line(tmp_path: Path) -> None:
    target = tmp_path / "quote.xlsx"
    result = _cli(["quote", *SEED, "--days", "30", "--lead-time-days", "0", *NF5688, "--out", str(target)],
                  file_size_limit=4096)
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    line = one_clean_line(result.stderr)
    assert "--out" in line and "no file was written" in line, line
    assert "Exception ignored" not in result.stderr
    assert [p.name for p in tmp_path.iterdir()] == []  # no temporary file left behind


def test_a_plan_saved_to_a_full_disk_prints_one_line(tmp_path: Path) -> None:
    result = _cli(["plan", *SEED, "--days", "30", "--lead-time-days", "0", "--save",
                   str(tmp_path / "p.cqplan"), "--format", "json"],
                  file_size_limit=100)
    assert result.returncode == 2, result.stderr
    assert "--save" in one_clean_line(result.stderr)
    assert [p.name for p in tmp_path.iterdir()] == []


def test_output_to_a_full_disk_prints_one_line() -> None:
    code = "import sys; from engine.cli import main; raise SystemExit(main(sys.argv[1:]))"
    argv = [sys.executable, "-c", code, "plan", *SEED, "--days", "30", "--lead-time-days", "0",
            "--format", "json"]
    with open("/dev/full", "w") as full:
        result = subprocess.run(argv, stdout=full, stderr=subprocess.PIPE, text=True, timeout=120,
                                cwd=ROOT, check=False)
    assert result.returncode == 2
    assert "no space left on device" in one_clean_line(result.stderr)


def test_stale_temp_files_of_ours_are_removed_at_start(tmp_path: Path, data_dir: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    out_dir = tmp_path / "quotes"
    out_dir.mkdir()
    stale = [data_dir / ".prices.csv.k3j2x9q1.tmp", out_dir / ".~quote-a1b2c3d4.xlsx.tmp",
             out_dir / ".plan.cqplan.zz9_0abc.tmp"]
    kept = [out_dir / "notes.tmp", out_dir / ".~lock.quote.xlsx#", data_dir / "prices.csv.bak"]
    young = data_dir / ".draft.cqplan.abcdefgh.tmp"  # a save in progress elsewhere
    for path in [*stale, *kept, young]:
        path.write_text("x", encoding="utf-8")
    an_hour_ago = time.time() - 3600
    for path in [*stale, *kept]:
        os.utime(path, (an_hour_ago, an_hour_ago))
    code, _, err = run(["quote", *SEED, "--days", "30", "--lead-time-days", "0", *NF5688, "--out",
                        str(out_dir / "q.xlsx")], capsys)
    assert code == 0, err
    assert not any(p.exists() for p in stale)
    assert all(p.exists() for p in [*kept, young])


@pytest.mark.parametrize("damage", ["truncated", "not-a-zip", "zip-without-workbook"])
def test_a_damaged_xlsx_price_list_is_one_line(tmp_path: Path, damage: str) -> None:
    import zipfile

    path = write_xlsx(tmp_path / "prices.xlsx", price_rows(200))
    if damage == "truncated":
        path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    elif damage == "not-a-zip":
        path.write_bytes(b"item,unit_price\n" * 100)
    else:
        path.unlink()
        with zipfile.ZipFile(path, "w") as z:
            z.writestr("hello.txt", "not a workbook")
    with pytest.raises(PriceError) as info:
        read_price_list(path)
    assert "\n" not in str(info.value) and "prices.xlsx" in str(info.value)


def test_a_saved_plan_replans_and_quotes_with_the_prices_it_was_saved_with(
    tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    saved = tmp_path / "run.cqplan"
    argv = ["plan", *SEED, "--days", "30", "--lead-time-days", "0", "--config",
            "inspur-nf5688m6-a100", "--format", "json"]
    code, before, err = run([*argv, "--save", str(saved)], capsys)
    assert code == 0, err
    assert json.loads(saved.read_text(encoding="utf-8"))["snapshot"]["entries"]
    # procurement's list changes afterwards: the A100 5 500 CNY cheaper (prices-partial.csv)
    import_prices(HOSTILE / "prices-partial.csv")
    code, after, err = run(["plan", str(saved), "--format", "json"], capsys)
    assert code == 0, err
    quoted = strict(before)["plans"][0]["capex"]
    assert strict(after)["plans"][0]["capex"] == pytest.approx(quoted, abs=0.01)
    # the same file run against today's list by name gives today's totals
    code, today, err = run(["plan", str(saved), "--price-list", str(HOSTILE / "prices-partial.csv"),
                            "--format", "json"], capsys)
    assert code == 0, err
    assert strict(today)["plans"][0]["capex"] < quoted - 8 * 5_500
