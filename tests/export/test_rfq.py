"""The request for quotation: one vendor's, clean, with the terms a Chinese quotation carries."""

from __future__ import annotations

import datetime
from pathlib import Path

import openpyxl
import pytest

from engine.cli import main
from engine.export import write_quote
from engine.export.rmb import rmb_capital
from engine.export.terms import Buyer, TermsError, load_terms, parse_buyer
from engine.model import Comparison
from engine.resources import resources_root
from tests.export.quote_fixtures import ALPHA_MONEY, Recalculated, cents, hand_comparison

BUYER = Buyer(company="某某人工智能研究院", department="采购部", contact="李明",
              phone="010-12345678", address="北京市海淀区中关村大街 1 号")


@pytest.fixture(scope="module")
def real_comparison() -> Comparison:
    from engine import PlanRequest, Schedule, Workload, compare

    return compare(PlanRequest(Workload(preset="gpt3-175b"), Schedule(days=30, lead_time_days=0)))


def all_text(path: Path) -> list[str]:
    """Every string the workbook shows: cells, sheet names, page headers and footers."""
    wb = openpyxl.load_workbook(path)
    texts = list(wb.sheetnames)
    for ws in wb.worksheets:
        texts += [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
        texts += [part.text or "" for hf in (ws.oddHeader, ws.oddFooter)
                  for part in (hf.left, hf.center, hf.right)]
    return texts


def cell_right_of(ws: openpyxl.worksheet.worksheet.Worksheet, label: str) -> tuple[int, int]:
    for row in ws.iter_rows():
        for cell in row:
            if cell.value == label:
                return cell.row, cell.column
    raise AssertionError(f"{label!r} not on {ws.title}")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_hand_built_rfq_totals_and_words(tmp_path: Path, lang: str) -> None:
    path = write_quote(hand_comparison(), tmp_path / f"rfq-{lang}.xlsx", lang=lang,  # type: ignore[arg-type]
                       kind="rfq", prices="list", vendor="inspur", buyer=BUYER, quote_no="RFQ-7",
                       quote_date=datetime.date(2024, 5, 1))
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == (["RFQ"] if lang == "en" else ["询价单"])
    ws = wb.worksheets[0]
    values = Recalculated(path)
    total_label = "Total incl. VAT" if lang == "en" else "含税合计"
    row, _ = cell_right_of(ws, total_label)
    total = values(ws.title, f"I{row}")
    # Each unit price rounded to the fen as an invoice states it, 5 % off, VAT 13 % (services 6 %):
    #   server 2 × 1,000,000.00 → 950,000.00 → 1,073,500.00        amount 2,147,000.00
    #   GPU 16 × 100,000.50 → 95,000.475 → 95,000.48 → 107,350.54   amount 1,717,608.64
    #   switch 1 × 50,000.25 → 47,500.24 → 53,675.27               amount    53,675.27
    #   cable 20 × 123.45 → 117.28 → 132.53                         amount     2,650.60
    #   rack 1 × 8,000.00 → 7,600.00 → 8,588.00                     amount     8,588.00
    #   PDU 2 × 3,000.10 → 2,850.10 → 3,220.61                      amount     6,441.22
    #   air unit 2 × 60,000.00 → 57,000.00 → 64,410.00              amount   128,820.00
    #   install 2 × 1,500.00 → 1,425.00 → 1,510.50 (6 %)            amount     3,021.00
    #   warranty 6 × 2,000.33 → 1,900.31 → 2,014.33 (6 %)           amount    12,085.98
    #   excl. VAT 3,611,405.58, of which services 2,850.00 + 11,401.86 = 14,251.86
    #   VAT, each rate once on its lines (the one rounding rule): goods 3,597,153.72 × 13 %
    #   = 467,629.9836 → 467,629.98; services 14,251.86 × 6 % = 855.1116 → 855.11
    #   total incl. VAT 3,611,405.58 + 467,629.98 + 855.11 = 4,079,890.67
    assert cents(total, 4_079_890.67)
    assert abs(total - ALPHA_MONEY.capex) < 0.5  # the engine's unrounded 4,079,890.536435
    excl_label = "Total excl. VAT" if lang == "en" else "不含税合计"
    assert cents(values(ws.title, f"I{cell_right_of(ws, excl_label)[0]}"), 3_611_405.58)
    server = cell_right_of(ws, "NF5688M6-X")[0]
    assert ws[f"F{server}"].value == f"=ROUND(E{server}*(1-Discount),2)"
    assert cents(values(ws.title, f"H{cell_right_of(ws, 'A800-80G')[0]}"), 107_350.54)
    words_label = "Total incl. VAT in words (RMB)" if lang == "en" else "含税合计人民币（大写）"
    words_row, _ = cell_right_of(ws, words_label)
    words = ws[f"D{words_row}"].value
    assert words == "肆佰零柒万玖仟捌佰玖拾元陆角柒分"  # 4,079,890.67, written out by hand
    assert words == rmb_capital(total)  # the words say what the figures add up to

    texts = all_text(path)
    joined = "\n".join(texts)
    assert "Lenovo" not in joined and "beta-cfg" not in joined  # no competitor
    assert "hand-built test prices" not in joined  # no price-list source
    assert "RFQ-7" in ws.oddHeader.left.text and ws.oddHeader.right.text == "2024-05-01"
    assert "&P" in ws.oddFooter.right.text and "&N" in ws.oddFooter.right.text
    for text in ("某某人工智能研究院", "采购部", "李明", "010-12345678"):
        assert text in texts
    assert ws.print_area and ws.print_title_rows
    assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage


def test_rfq_prints_discount_and_price_factor_in_each_language(tmp_path: Path) -> None:
    en = "\n".join(all_text(write_quote(hand_comparison(), tmp_path / "en.xlsx", kind="rfq", prices="list",
                                        vendor="inspur")))
    assert "Pay 95% of list" in en
    zh = "\n".join(all_text(write_quote(hand_comparison(), tmp_path / "zh.xlsx", kind="rfq", prices="list",
                                        vendor="inspur", lang="zh")))
    assert "按标价的 95% 支付（95折）" in zh
    ws = openpyxl.load_workbook(tmp_path / "zh.xlsx").worksheets[0]
    row, _ = cell_right_of(ws, "折扣（优惠比例）")
    assert ws[f"C{row}"].value == pytest.approx(0.05)  # the share off, never 0.95
    assert ws[f"C{row + 1}"].value == "=1-Discount"


def test_real_inspur_rfq_has_no_lenovo_line_and_no_path(tmp_path: Path,
                                                        real_comparison: Comparison) -> None:
    root = str(resources_root())
    for lang in ("en", "zh"):
        path = write_quote(real_comparison, tmp_path / f"{lang}.xlsx", kind="rfq", prices="list",
                           vendor="inspur", lang=lang)  # type: ignore[arg-type]
        wb = openpyxl.load_workbook(path)
        assert len(wb.sheetnames) == 1  # the vendor's shortlist: its best configuration
        texts = all_text(path)
        assert not [t for t in texts if "lenovo" in t.lower()]
        assert not [t for t in texts if root in t or "prices.csv" in t]
        assert not [t for t in texts if "unverified" in t.lower() or "未经核实" in t]


def test_rfq_details_what_it_is_asked_to(tmp_path: Path, real_comparison: Comparison) -> None:
    inspur = [p for p in real_comparison.plans if p.vendor == "Inspur" and p.money]
    every = write_quote(real_comparison, tmp_path / "all.xlsx", kind="rfq", prices="list", vendor="inspur",
                        detail="all")
    assert len(openpyxl.load_workbook(every).sheetnames) == len(inspur) > 1
    two = [inspur[0].config, inspur[-1].config]
    chosen = write_quote(real_comparison, tmp_path / "two.xlsx", kind="rfq", prices="list", vendor="inspur",
                         detail=two)
    wb = openpyxl.load_workbook(chosen)
    assert len(wb.sheetnames) == 2
    assert "NF5468M6" in wb.sheetnames[0] and "NF5688M7" in wb.sheetnames[1]
    lenovo = next(p.config for p in real_comparison.plans if p.vendor == "Lenovo")
    with pytest.raises(ValueError, match=f"detail: {lenovo} is not a priced configuration"):
        write_quote(real_comparison, tmp_path / "bad.xlsx", kind="rfq", prices="list", vendor="inspur",
                    detail=[lenovo])
    assert not (tmp_path / "bad.xlsx").exists()


def test_comparison_carries_no_local_path(tmp_path: Path, real_comparison: Comparison) -> None:
    path = write_quote(real_comparison, tmp_path / "cmp.xlsx")
    root = str(resources_root())
    assert not [t for t in all_text(path) if root in t]
    assert "prices.csv" in "\n".join(all_text(path))  # the file is still named, on Sources


def test_rfq_needs_one_vendor(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(ValueError, match="one vendor"):
        write_quote(hand_comparison(), tmp_path / "x.xlsx", kind="rfq")
    code = main(["quote", "--preset", "gpt3-xl", "--days", "10",
                 "--lead-time-days", "0", "--out", str(tmp_path / "r.xlsx"),
                 "--kind", "rfq", "--prices", "list"])
    assert code == 2
    assert "--vendor" in capsys.readouterr().err
    assert not (tmp_path / "r.xlsx").exists()


def test_cli_rfq_with_buyer_and_terms_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    terms = tmp_path / "terms.toml"
    terms.write_text('[terms]\nvalidity_days = 45\ndelivery_days = 21\npayment = "100% net 30"\n'
                     '[buyer]\nphone = "021-5555"\n', encoding="utf-8")
    out = tmp_path / "rfq.xlsx"
    code = main(["quote", "--preset", "gpt3-xl", "--days", "10",
                 "--lead-time-days", "0", "--out", str(out), "--kind", "rfq",
                 "--prices", "list", "--vendor", "inspur", "--lang", "zh",
                 "--buyer", "company=甲研究院;contact=王五",
                 "--terms", str(terms), "--discount", "九折"])
    assert code == 0, capsys.readouterr().err
    texts = all_text(out)
    for text in ("甲研究院", "王五", "021-5555", "100% net 30"):
        assert text in texts, text
    # the terms file's 21 delivery days are the buyer's date
    assert any("起 21 天）：买方指定的日期" in t for t in texts)
    assert any(t.startswith("45 天，至") for t in texts)
    assert "按标价的 90% 支付（9折）；折扣指在标价基础上减免的比例。" in texts


def test_terms_and_buyer_errors_name_the_field(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[terms]\nincoterms = \"XYZ\"\n", encoding="utf-8")
    with pytest.raises(TermsError, match="incoterms"):
        load_terms(bad)
    bad.write_text("[letterhead]\n", encoding="utf-8")
    with pytest.raises(TermsError, match="letterhead"):
        load_terms(bad)
    with pytest.raises(TermsError, match="fax"):
        parse_buyer("fax=123")
    assert parse_buyer("Acme Ltd").company == "Acme Ltd"
    assert parse_buyer("company=Acme;phone= 1 ").phone == "1"


def test_formula_like_buyer_text_stays_text(tmp_path: Path) -> None:
    path = write_quote(hand_comparison(), tmp_path / "q.xlsx", kind="rfq", prices="list", vendor="inspur",
                       buyer=Buyer(company='=HYPERLINK("http://x","y")', contact="+86 10"))
    ws = openpyxl.load_workbook(path).worksheets[0]
    cells = [c for row in ws.iter_rows() for c in row if c.value == '=HYPERLINK("http://x","y")']
    assert len(cells) == 1 and cells[0].data_type == "s" and cells[0].quotePrefix


def test_usd_rfq_writes_the_rmb_equivalent_in_words(tmp_path: Path) -> None:
    from engine import Finance, PlanRequest, Schedule, Workload, compare

    comparison = compare(PlanRequest(Workload(preset="gpt3-xl"), Schedule(days=10, lead_time_days=0),
                                     finance=Finance(currency="USD", exchange_rate=7.0),
                                     configs=("inspur-nf5688m6-a800",)))
    path = write_quote(comparison, tmp_path / "usd.xlsx", kind="rfq", prices="list", vendor="inspur")
    ws = openpyxl.load_workbook(path).worksheets[0]
    values = Recalculated(path)
    total = values(ws.title, f"I{cell_right_of(ws, 'Total incl. VAT')[0]}")
    row, _ = cell_right_of(ws, "Total incl. VAT in RMB at 7 CNY/USD, in words")
    assert ws[f"D{row}"].value == rmb_capital(total * 7.0)
    assert "$" in ws[f"I{cell_right_of(ws, 'Total incl. VAT')[0]}"].number_format


def test_a_quote_without_a_number_gets_one_from_its_date_and_vendor(tmp_path: Path) -> None:
    path = write_quote(hand_comparison(), tmp_path / "q.xlsx", kind="rfq", prices="list", vendor="inspur",
                       quote_date=datetime.date(2024, 5, 1))
    ws = openpyxl.load_workbook(path).worksheets[0]
    assert "RFQ-20240501-INSPUR" in ws.oddHeader.left.text
    row, _ = cell_right_of(ws, "RFQ no.")
    # the sheet's configuration's own number: the RFQ's and the configuration's code
    from engine.naming import rfq_reference

    assert ws[f"C{row}"].value == rfq_reference("RFQ-20240501-INSPUR", "alpha-cfg")


def test_cli_detail_picks_the_sheets(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = ["quote", "--preset", "gpt3-175b", "--days", "30",
            "--lead-time-days", "0", "--kind", "rfq", "--prices", "list",
            "--vendor", "inspur"]
    out = tmp_path / "two.xlsx"
    assert main([*base, "--out", str(out), "--detail",
                 "inspur-nf5688m6-a800,inspur-nf5688m7-h800"]) == 0
    assert openpyxl.load_workbook(out).sheetnames == ["Inspur NF5688M6 · 8× A800 SXM4",
                                                      "Inspur NF5688M7 · 8× H800 SXM5"]
    capsys.readouterr()
    bad = tmp_path / "bad.xlsx"
    assert main([*base, "--out", str(bad), "--detail", "no-such-config"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("clusterquote: error: --detail: no-such-config is not a priced")
    assert "allowed: shortlist, all, inspur-" in err and "Traceback" not in err
    assert not bad.exists()
    # a saved plan holds the request, not what its quote details: --detail goes with it
    saved = tmp_path / "p.cqplan"
    assert main(["plan", "--preset", "gpt3-175b", "--days", "30",
            "--lead-time-days", "0", "--save",
                 str(saved)]) == 0
    every = tmp_path / "every.xlsx"
    assert main(["quote", str(saved), "--out", str(every), "--detail", "all"]) == 0
    from engine.catalog import load_catalog

    # summary, comparison, racks, assumptions (and those that differ by configuration, side
    # by side), sources and a BOM for every configuration of
    # the catalog (15 in 2023's; 22 with the 2026 China-market systems) but those on a
    # direct-liquid server, refused under the default air cooling (they need their coolant loop)
    catalog = load_catalog()
    liquid = [c for c in catalog.configurations.values()
              if catalog.servers[c.server].cooling == "liquid"]
    assert liquid  # the SR780a V3
    sheets = 6 + len(catalog.configurations) - len(liquid)
    assert len(openpyxl.load_workbook(every).sheetnames) == sheets


def test_cli_says_what_a_doubtful_choice_means(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    base = ["quote", "--preset", "gpt3-xl", "--days", "10",
                 "--lead-time-days", "0", "--config", "inspur-nf5688m6-a800",
            "--config", "lenovo-sr680av3-h800", "--kind", "rfq", "--prices", "list"]
    # the vendor as people write it
    assert main([*base, "--vendor", "Inspur", "--out", str(tmp_path / "a.xlsx")]) == 0
    capsys.readouterr()
    # another vendor's configuration: said so, not "not in the plan"
    assert main([*base, "--vendor", "inspur", "--detail", "lenovo-sr680av3-h800",
                 "--out", str(tmp_path / "b.xlsx")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("clusterquote: error: --detail: lenovo-sr680av3-h800 is Lenovo's, "
                          "and this document goes to inspur; allowed: shortlist, all, "
                          "inspur-nf5688m6-a800")
    assert not (tmp_path / "b.xlsx").exists()
    # 0.85 is 85% off: taken as written, with a note on what 85折 would be
    assert main([*base, "--vendor", "inspur", "--discount", "0.85",
                 "--out", str(tmp_path / "c.xlsx")]) == 0
    err = capsys.readouterr().err
    assert "note: --discount 0.85 takes 85% off list, so you pay 15%" in err
    assert "write --discount 85折 or 0.15" in err
    ws = openpyxl.load_workbook(tmp_path / "c.xlsx").worksheets[0]
    row, _ = cell_right_of(ws, "Discount (share off list)")
    assert ws[f"C{row}"].value == pytest.approx(0.85)


@pytest.mark.parametrize("vendor", ["lenovo", "inspur"])
def test_long_titles_name_sheets_in_words_never_by_id(tmp_path: Path, real_comparison: Comparison,
                                                      vendor: str) -> None:
    # "Lenovo WA7780 G3 · 8× H20 (141 GB)" is 34 characters, over Excel's 31: the sheet is
    # named by a shorter form of the title (model and GPUs), never by the configuration's id
    path = write_quote(real_comparison, tmp_path / "all.xlsx", kind="rfq", prices="list",
                       vendor=vendor, detail="all")  # type: ignore[arg-type]
    names = openpyxl.load_workbook(path).sheetnames
    ids = {p.config for p in real_comparison.plans}
    assert not ids & set(names)
    assert all(len(n) <= 31 for n in names) and len({n.lower() for n in names}) == len(names)
    long = [p for p in real_comparison.plans if p.vendor.lower() == vendor and p.money
            and "H20" in p.gpu_name and "141" in p.gpu_name]
    assert long, "the catalogue prices an H20 (141 GB) configuration for this vendor"
    assert any("WA7780 G3 · 8× H20 (141 GB)" in n or "NF5688M7 · 8× H20 (141 GB)" in n
               for n in names)


@pytest.mark.parametrize(("lang", "vendor", "own", "other"),
                         [("en", "lenovo", "Lenovo", "联想"), ("zh", "inspur", "浪潮", "Inspur"),
                          ("zh", "lenovo", "联想", "Lenovo")])
def test_header_names_the_vendor_once_in_the_readers_words(tmp_path: Path, real_comparison: Comparison,
                                                           lang: str, vendor: str, own: str,
                                                           other: str) -> None:
    path = write_quote(real_comparison, tmp_path / "q.xlsx", kind="rfq", prices="list",
                       vendor=vendor, lang=lang)  # type: ignore[arg-type]
    ws = openpyxl.load_workbook(path).worksheets[0]
    subtitle = ws["A2"].value
    assert subtitle.count(own) == 1 and other not in subtitle, subtitle
    row, _ = cell_right_of(ws, "Configuration" if lang == "en" else "配置")
    configuration = ws.cell(row, 3).value
    # "76 台 浪潮 NF5688M7" in Chinese, never "76 台 Inspur NF5688M7"
    assert own in configuration and other not in configuration, configuration
    # the price factor sits under the yellow inputs it follows from, aligned as they are
    factor_row, _ = cell_right_of(ws, "Price factor (share of list paid)" if lang == "en"
                                  else "价格系数（实付比例）")
    factor, discount = ws.cell(factor_row, 3), ws.cell(factor_row - 1, 3)
    assert factor.value == "=1-Discount"
    assert factor.alignment.horizontal == discount.alignment.horizontal == "left"
