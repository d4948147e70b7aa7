"""Reading vendor quotations as vendors send them, and refusing files that are not quotations."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook

from engine.quotes import ColumnMap, QuoteError, read_quote, remember_mapping
from engine.quotes.numbers import parse_number
from tests.quotes.quote_files import INSPUR, LENOVO, MESSY


def test_dcsc_export_layout_vendor_and_configured_system() -> None:
    q = read_quote(LENOVO)
    assert (q.vendor, q.quote_no, q.date, q.currency, q.vat_basis) == (
        "Lenovo", "DCSC-7731-2024-0815", "2024-08-15", "USD", "excluded")
    assert q.mapping.header_row == 7
    assert dict(q.mapping.columns) == {"part_number": 0, "description": 1, "qty": 2, "unit_price": 3,
                                       "total": 4}  # "Total Part Price" is a total, not a part number
    system = q.lines[0]
    # 35 systems; 2 299 680 CNY (with its 2 × 200GbE adapter) and 3 years of warranty at 1.5% a
    # year: × 1.045 / 7.2 = US$333 773
    assert (system.row, system.part_number, system.qty, system.unit_price) == (8, "7DHECTO1WW", 35, 333773.0)
    parts = q.components(8)
    assert [p.row for p in parts] == [9, 10, 11, 12, 13, 14]
    gpu = parts[0]
    assert (gpu.qty, gpu.qty_total) == (8, 8 * 35)  # per system, so 280 GPUs in all
    assert [s.kind for s in q.sums] == ["grand_total"] and q.sums[0].vat_included is False
    assert q.issues == ()


def test_inspur_letterhead_chinese_headers_and_vat_included() -> None:
    q = read_quote(INSPUR)
    assert (q.vendor, q.quote_no, q.date, q.currency) == (
        "Inspur", "IS-BJ-20240820-0032", "2024-08-20", "CNY")
    assert q.vat_basis == "included" and q.vat_rate == pytest.approx(0.13)
    assert q.mapping.header_row == 8
    assert q.mapping.all("description") == (1, 3)  # 产品名称 + 配置描述, read together
    assert q.mapping.label("part_number") == "型号"
    assert q.mapping.label("unit_price") == "含税单价（元）"
    first = q.lines[0]
    assert first.description.startswith("GPU服务器 浪潮 NF5688M7")
    assert first.remark == "含3年原厂维保"
    kinds = {s.row: s.kind for s in q.sums}
    # header row 8, then 51 quoted lines (the server block and 44 items, cords, rails, cabling,
    # the spares kit, the border and the UPS among them; the 10 m out-of-band cords the 44th):
    # the sums follow on 60, 61
    assert len(q.lines) == 51
    assert kinds == {60: "grand_total", 61: "tax"}  # the merged "合计（含税）" label is a total, not a line
    assert not q.issues


def test_messy_file_merged_headers_text_numbers_and_subtotals() -> None:
    q = read_quote(MESSY)
    assert q.mapping.header_row == 5
    # the merged 单价 / 金额 headers over 不含税 | 含税: the prices excluding VAT are read
    assert q.mapping.label("unit_price") == "单价 不含税"
    assert q.mapping.label("total") == "金额 不含税"
    assert q.vat_basis == "excluded"
    system = q.lines[0]
    assert system.unit_price == pytest.approx(2_401_075.60, abs=0.005)  # "240.10756万"
    assert system.total == pytest.approx(84_037_646, abs=0.005)  # "8403.7646万"
    sn3700 = next(line for line in q.lines if line.part_number == "MSN3700-VS2F")
    # the front-end switches of the network, storage and management planes, quoted once:
    # "18万", "162万", "9"
    assert (sn3700.unit_price, sn3700.total, sn3700.qty) == (180_000, 1_620_000, 9)
    assert [s.kind for s in q.sums] == ["subtotal", "subtotal", "grand_total", "tax", "grand_total"]
    assert all(line.row not in (7, 13) for line in q.lines)  # section headings are not lines
    assert q.lines[0].remark == "=交期8周，以合同为准"  # read as the text it is


@pytest.mark.parametrize(("text", "value"), [
    ("¥1,234,000.00", 1_234_000.0), ("12.3万", 123_000.0), ("1.2亿", 120_000_000.0),
    ("(1,000)", -1000.0), ("USD 2,000.50", 2000.5), ("￥ 36 000", 36_000.0), ("3,200元", 3200.0),
    ("3,200元/台", 3200.0), ("12.5 USD/pc", 12.5), ("1/2", None),
    ("30m", None), ("H800", None), ("", None), ("N/A", None), (float("nan"), None), (True, None),
])
def test_numbers_as_vendors_write_them(text: object, value: float | None) -> None:
    assert parse_number(text) == value


@given(st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False))
def test_thousands_separators_and_symbols_never_change_a_number(amount: object) -> None:
    number = float(str(amount))
    assert parse_number(f"¥{number:,.2f}") == pytest.approx(number)
    assert parse_number(f"{number / 1e4:.6f}万") == pytest.approx(number, abs=0.01)


def _book(path: Path, rows: list[list[object]]) -> Path:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def test_refuses_a_file_that_is_not_a_spreadsheet(tmp_path: Path) -> None:
    pdf = tmp_path / "quote.pdf"
    pdf.write_bytes(b"%PDF-1.7")  # a PDF's first bytes and nothing else: no readable PDF
    with pytest.raises(QuoteError, match=r"quote\.pdf: not a readable PDF"):
        read_quote(pdf)
    doc = tmp_path / "quote.docx"
    doc.write_bytes(b"PK\x03\x04")
    with pytest.raises(QuoteError, match=r"quote\.docx: not a spreadsheet"):
        read_quote(doc)
    fake = tmp_path / "fake.xlsx"
    fake.write_text("just text")
    with pytest.raises(QuoteError, match=r"fake\.xlsx: not a spreadsheet"):
        read_quote(fake)
    empty_zip = tmp_path / "zip.xlsx"
    with zipfile.ZipFile(empty_zip, "w") as z:
        z.writestr("hello.txt", "hi")
    with pytest.raises(QuoteError, match=r"zip\.xlsx: not a spreadsheet"):
        read_quote(empty_zip)


def test_refuses_a_password_protected_workbook(tmp_path: Path) -> None:
    locked = tmp_path / "locked.xlsx"  # an encrypted .xlsx is an OLE compound file
    locked.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504)
    with pytest.raises(QuoteError, match=r"locked\.xlsx: the workbook is password-protected"):
        read_quote(locked)


def test_refuses_no_header_and_no_numeric_column(tmp_path: Path) -> None:
    with pytest.raises(QuoteError, match=r"letter\.xlsx: no header row found"):
        read_quote(_book(tmp_path / "letter.xlsx", [["Dear customer"], ["please find our offer"]]))
    words = _book(tmp_path / "words.xlsx", [["Part number", "Description", "Remark"], ["X1", "thing", "ok"]])
    with pytest.raises(QuoteError, match=r"words\.xlsx: no header row found"):
        read_quote(words)
    # a header that names quantity only by a remark is no quotation either
    no_numbers = tmp_path / "nonum.csv"
    no_numbers.write_text("Part number,Description,Qty\nX1,thing,many\n", encoding="utf-8")
    with pytest.raises(QuoteError, match=r"nonum\.csv: no quoted line"):
        read_quote(no_numbers)


def test_refuses_100_000_rows_before_reading_them(tmp_path: Path) -> None:
    big = tmp_path / "big.csv"
    big.write_text("Part number,Description,Qty,Price\n" + "X1,thing,1,10\n" * 100_000, encoding="utf-8")
    with pytest.raises(QuoteError, match=r"big\.csv: 100,001 rows, more than a quotation has"):
        read_quote(big)


def test_a_workbook_that_states_no_size_is_counted_not_loaded(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from engine.quotes.rules import rules

    monkeypatch.setitem(rules()["limits"]["max_rows"], "value", 1000)  # the same path as 100 000, faster
    book = Workbook(write_only=True)  # openpyxl's streaming writer states no sheet size
    sheet = book.create_sheet()
    sheet.append(["Part number", "Description", "Qty", "Price"])
    for _ in range(1500):
        sheet.append(["X1", "thing", 1, 10])
    book.save(tmp_path / "big.xlsx")
    with pytest.raises(QuoteError, match=r"big\.xlsx: more than 1,000 rows, more than a quotation has"):
        read_quote(tmp_path / "big.xlsx")


def test_formula_without_a_saved_result_is_refused_naming_the_cell(tmp_path: Path) -> None:
    path = _book(tmp_path / "formulas.xlsx", [["Part number", "Description", "Qty", "Unit price", "Total"],
                                              ["X1", "thing", 2, 10, "=C2*D2"]])
    with pytest.raises(QuoteError, match=r"formulas\.xlsx: cell Sheet!E2 holds a formula \(=C2\*D2\) "
                                         r"with no saved result"):
        read_quote(path)


def test_a_formula_showing_nothing_in_a_calculated_file_reads_as_empty(tmp_path: Path) -> None:
    """A spreadsheet program saves a formula that shows "" as <v></v>, which openpyxl reads as
    no result: in a file whose other formulas have results, that cell is empty, not unsaved."""

    path = _book(tmp_path / "saved.xlsx", [["Part number", "Description", "Qty", "Unit price", "Total",
                                            "Check"],
                                           ["X1", "thing", 2, 10, "=C2*D2", '=IF(E2=20,"","changed")']])
    with zipfile.ZipFile(path) as book:  # as Excel or LibreOffice saves it: results cached
        parts = {name: book.read(name) for name in book.namelist()}
    sheet = next(name for name in parts if name.startswith("xl/worksheets/sheet"))
    xml = parts[sheet].decode()
    xml = re.sub(r'(<c r="E2"[^>]*)>(<f>[^<]*</f>)(<v>\s*</v>)?</c>', r"\1>\2<v>20</v></c>", xml)
    xml = re.sub(r'<c r="F2"([^>]*?)(?: t="\w+")?>(<f>[^<]*</f>)(<v>\s*</v>)?</c>',
                 r'<c r="F2"\1 t="str">\2<v></v></c>', xml)
    parts[sheet] = xml.encode()
    with zipfile.ZipFile(path, "w") as book:
        for name, data in parts.items():
            book.writestr(name, data)
    cached = openpyxl.load_workbook(path, data_only=True).active
    assert (cached["E2"].value, cached["F2"].value) == (20, None)  # the case: "" reads as None
    q = read_quote(path)
    assert (q.lines[0].qty, q.lines[0].unit_price, q.lines[0].total) == (2, 10, 20)


def test_gbk_csv_from_chinese_excel(tmp_path: Path) -> None:
    path = tmp_path / "gbk.csv"
    path.write_bytes("浪潮 报价\n型号,描述,数量,单价（元）\nNF5688M7,GPU服务器,2,\"¥2,000,000.00\"\n"
                     .encode("gb18030"))
    q = read_quote(path)
    assert q.vendor == "Inspur" and q.currency == "CNY"
    assert (q.lines[0].qty, q.lines[0].unit_price) == (2, 2_000_000)


def test_ambiguous_columns_are_reported_with_the_row(tmp_path: Path) -> None:
    path = _book(tmp_path / "two_prices.xlsx", [["Lenovo"], ["Part number", "Description", "Qty", "Price",
                                                              "List price"], ["X1", "thing", 2, 10, 12]])
    q = read_quote(path)
    (issue,) = q.issues
    assert issue.kind == "ambiguous" and issue.row == 2
    assert "Price" in issue.message and "List price" in issue.message


def test_corrected_mapping_is_used_and_remembered_per_vendor(tmp_path: Path) -> None:
    path = _book(tmp_path / "two_prices.xlsx", [["Lenovo"], ["Part number", "Description", "Qty", "Price",
                                                              "List price"], ["X1", "thing", 2, 10, 12]])
    q = read_quote(path)
    corrected = ColumnMap(2, (("part_number", 0), ("description", 1), ("qty", 2), ("unit_price", 4)),
                          q.mapping.headers)
    fixed = read_quote(path, mapping=corrected)
    assert fixed.lines[0].unit_price == 12 and fixed.mapping.origin == "corrected" and not fixed.issues
    remember_mapping("Lenovo", fixed.mapping)
    again = read_quote(path)  # the next file of the vendor is read the corrected way
    assert again.mapping.origin == "remembered" and again.lines[0].unit_price == 12
    assert read_quote(path, use_remembered=False).lines[0].unit_price == 10


def _csv(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_configured_system_quantities_per_system_summed_or_ambiguous(tmp_path: Path) -> None:
    body = "SYS1,GPU server,4,100000,400000\nGPU1,GPU module,32,,\nNIC1,HCA,8,,\n"
    per_system = read_quote(_csv(tmp_path / "a.csv", "Part number,Description,Qty,Unit price,Total\n" + body))
    assert [line.qty_total for line in per_system.components(2)] == [128, 32]
    (issue,) = per_system.issues  # 32 and 8 are both multiples of 4 systems: it could be either
    assert issue.kind == "ambiguous" and issue.row == 2 and "per system" in issue.message
    header = "Part number,Description,Total Qty,Unit price,Total\n"
    summed = read_quote(_csv(tmp_path / "b.csv", header + body))
    assert [line.qty_total for line in summed.components(2)] == [32, 8] and not summed.issues
    assert "summed over all systems" in " ".join(summed.notes)


def test_discount_and_vat_rows_are_sums_not_lines(tmp_path: Path) -> None:
    q = read_quote(_csv(tmp_path / "d.csv", "Lenovo quotation\nCurrency: USD\n"
                                             "Part number,Description,Qty,Unit price,Total\n"
                                             "A1,Switch,2,1000,2000\nB2,Cable,10,50,500\n"
                                             "Discount,,,,-250\nSubtotal,,,,2250\nVAT 13%,,,,292.50\n"
                                             "Grand total,,,,2542.50\n"))
    assert [(s.kind, s.amount) for s in q.sums] == [("discount", -250), ("subtotal", 2250), ("tax", 292.5),
                                                    ("grand_total", 2542.5)]
    assert q.vat_basis == "excluded" and q.vat_rate == pytest.approx(0.13)
    assert len(q.lines) == 2


def test_a_quantity_that_is_not_a_number_is_reported_with_its_row(tmp_path: Path) -> None:
    q = read_quote(_csv(tmp_path / "q.csv", "Part number,Description,Qty,Unit price\nA1,Switch,two,1000\n"
                                            "B2,Cable,10,50\n"))
    assert [line.part_number for line in q.lines] == ["B2"]
    (issue,) = q.issues
    assert (issue.kind, issue.row, issue.found) == ("ambiguous", 2, "two")


def test_two_currencies_in_the_letterhead_are_ambiguous(tmp_path: Path) -> None:
    q = read_quote(_csv(tmp_path / "c.csv", "Inspur quotation\nPrices in USD; 人民币 on request\n"
                                            "Part number,Description,Qty,Unit price\nA1,Switch,2,1000\n"))
    assert q.currency == "USD"
    (issue,) = q.issues
    assert issue.kind == "ambiguous" and issue.row == 3 and "USD and CNY" in issue.message
    dollars = _csv(tmp_path / "d.csv", "单价（美元）,型号,描述,数量\n1000,A1,Switch,2\n")
    assert read_quote(dollars).currency == "USD"  # 美元, not 元
