"""Hostile vendor quotations, made from the Lenovo sample by changing a cell or the file around it.

Each case is a function writing one file into a folder and returning its path; the tests
(tests/fuzz/test_hostile_quotes.py) and the benchmark (tests/bench/bench_hostile.py) use them.
"""

from __future__ import annotations

import csv
import zipfile
from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook, load_workbook

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
LENOVO = FIXTURES / "quotes" / "lenovo_dcsc_export.xlsx"
PLAN = FIXTURES / "quotes" / "h800_plan.cqplan"
SYSTEM_ROW = 8  # the configured SR680a V3 (35 systems); its parts follow
SWITCH_ROW = 15  # QM9700 switches, 24 at 52,000 USD


def lenovo_rows() -> list[list[object]]:
    sheet = load_workbook(LENOVO).active
    assert sheet is not None
    return [[c.value for c in row] for row in sheet.iter_rows()]


def write_xlsx(path: Path, rows: list[list[object]]) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Quote"
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def write_csv(path: Path, rows: list[list[object]], encoding: str = "utf-8") -> Path:
    with path.open("w", encoding=encoding, newline="") as fh:
        csv.writer(fh).writerows([["" if v is None else v for v in row] for row in rows])
    return path


def patch_sheet(path: Path, old: bytes, new: bytes) -> Path:
    """Replace bytes in the worksheet XML: values openpyxl refuses to write (400 digits)."""
    with zipfile.ZipFile(path) as src:
        parts = [(info, src.read(info.filename)) for info in src.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info, data in parts:
            out.writestr(info.filename, data.replace(old, new) if "worksheets/" in info.filename else data)
    return path


def with_cell(row: int, col: int, value: object) -> Callable[[Path], Path]:
    """The sample with one cell (1-based row and column) set to ``value``."""
    def make(path: Path) -> Path:
        rows = lenovo_rows()
        rows[row - 1][col - 1] = value
        return write_xlsx(path, rows)
    return make


def integer_of_400_digits(path: Path) -> Path:
    rows = lenovo_rows()
    rows[SYSTEM_ROW - 1][3] = 987654321
    write_xlsx(path, rows)
    return patch_sheet(path, b"<v>987654321</v>", b"<v>" + b"9" * 400 + b"</v>")


QTY, PRICE = 3, 4  # columns of the sample
# name -> (file maker, suffix)
CRASHES: dict[str, Callable[[Path], Path]] = {
    "system-of-quantity-0": with_cell(SYSTEM_ROW, QTY, 0),
    "price-of-400-digits": integer_of_400_digits,
    "price-text-1e308": with_cell(SWITCH_ROW, PRICE, "1e308"),
    "price-true": with_cell(SWITCH_ROW, PRICE, True),
    "price-text-1e999": with_cell(SWITCH_ROW, PRICE, "1e999"),
    "price-inf": with_cell(SWITCH_ROW, PRICE, "inf"),
    "quantity-400-digits-text": with_cell(SWITCH_ROW, QTY, "9" * 400),
}


# ---------------------------------------------------------------- files too big to keep in git

_TYPE = b'application/vnd.openxmlformats-'
_CONTENT_TYPES = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                  b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                  b'<Default Extension="rels" ContentType="' + _TYPE + b'package.relationships+xml"/>'
                  b'<Default Extension="xml" ContentType="application/xml"/>'
                  b'<Override PartName="/xl/workbook.xml" ContentType="' + _TYPE
                  + b'officedocument.spreadsheetml.sheet.main+xml"/>'
                  b'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="' + _TYPE
                  + b'officedocument.spreadsheetml.worksheet+xml"/>'
                  b'<Override PartName="/xl/sharedStrings.xml" ContentType="' + _TYPE
                  + b'officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
_RELS = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
         b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
         b'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
_BOOK_RELS = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
              b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
              b'relationships/worksheet" Target="worksheets/sheet1.xml"/>'
              b'<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
              b'relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
_NS = b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def _book_xml(sheet: str) -> bytes:
    return (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook ' + _NS
            + b' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            + b'<sheets><sheet name="' + sheet.encode() + b'" sheetId="1" r:id="rId1"/></sheets></workbook>')


def _inline(text: str) -> bytes:
    return b'<c t="inlineStr"><is><t>' + text.encode() + b"</t></is></c>"


def raw_xlsx(path: Path, header: list[str], rows: int, row: bytes, *, sheet: str = "Quote",
             dimension: str = "A1:E10", shared: tuple[int, int] = (0, 0)) -> Path:
    """An .xlsx written part by part (openpyxl would take minutes): a header of inline text,
    then ``rows`` copies of ``row`` (a <row>'s cells), behind a stale <dimension>; ``shared``
    (count, chars) puts one shared string of ``chars`` characters in its table."""
    chunk = 1 << 20
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as out:
        out.writestr("[Content_Types].xml", _CONTENT_TYPES)
        out.writestr("_rels/.rels", _RELS)
        out.writestr("xl/workbook.xml", _book_xml(sheet))
        out.writestr("xl/_rels/workbook.xml.rels", _BOOK_RELS)
        with out.open("xl/sharedStrings.xml", "w", force_zip64=True) as fh:
            fh.write(b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst ' + _NS + b">")
            if shared[1]:
                fh.write(b"<si><t>")
                left = shared[1]
                block = b"A" * chunk
                while left > 0:
                    fh.write(block[:min(left, chunk)])
                    left -= chunk
                fh.write(b"</t></si>")
            fh.write(b"</sst>")
        with out.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as fh:
            fh.write(b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ' + _NS + b">"
                     + b'<dimension ref="' + dimension.encode() + b'"/><sheetData>')
            fh.write(b"<row>" + b"".join(_inline(h) for h in header) + b"</row>")
            line = b"<row>" + row + b"</row>"
            per = max(1, chunk // len(line))
            for start in range(0, rows, per):
                fh.write(line * min(per, rows - start))
            fh.write(b"</sheetData></worksheet>")
    return path


QUOTE_HEADER = ["Part Number", "Description", "Qty", "Unit Price", "Total"]
QUOTE_ROW = _inline("MQM9700-NS2F") + _inline("Quantum-2 switch") + b"<c><v>1</v></c><c><v>52000</v></c>"


def rows_behind_a_stale_dimension(rows: int) -> Callable[[Path], Path]:
    return lambda path: raw_xlsx(path, QUOTE_HEADER, rows, QUOTE_ROW)


def wide_rows(rows: int, cells: int, *, sheet: str = "Quote") -> Callable[[Path], Path]:
    return lambda path: raw_xlsx(path, QUOTE_HEADER, rows, QUOTE_ROW + b"<c><v>1</v></c>" * (cells - 4),
                                 sheet=sheet)


def shared_string_of(chars: int) -> Callable[[Path], Path]:
    return lambda path: raw_xlsx(path, QUOTE_HEADER, 3, QUOTE_ROW + b'<c t="s"><v>0</v></c>',
                                 shared=(1, chars))


def csv_of(text: str, encoding: str = "utf-8") -> Callable[[Path], Path]:
    def make(path: Path) -> Path:
        path.write_bytes(text.encode(encoding))
        return path
    return make


QUOTE_CSV = ("Part Number,Description,Qty,Unit Price,Total\n"
             + "MQM9700-NS2F,Quantum-2 switch,24,52000,1248000\n"
             + "MMA4Z00-NS,\"OSFP transceiver, twin port\",528,2000,1056000\n")
# name -> (maker, suffix, what the one-line refusal says); the worst cases at full size are
# in tests/bench/bench_hostile.py, which prints their time and peak memory
TOO_BIG: dict[str, tuple[Callable[[Path], Path], str, str]] = {
    "rows-behind-a-stale-dimension": (rows_behind_a_stale_dimension(100_000), ".xlsx",
                                      r"more than 20,000 rows"),
    "16384-cells-a-row": (wide_rows(20, 16_384), ".xlsx", r"row 2: 16,384 cells, more than a table has"),
    "cells-past-the-limit": (wide_rows(4_000, 200), ".xlsx",
                             r"more than 400,000 cells, more than a quotation"),
    "shared-string-of-80-mb": (shared_string_of(80 << 20), ".xlsx",
                               r"shared text unpacks to 80 MB, more than the 64 MB"),
    "a-million-columns": (csv_of("1," * 1_000_000 + "\n"), ".csv", r"row 1: 1,000,000 cells"),
    "unterminated-quote": (csv_of(QUOTE_CSV.replace('port",', "port,")
                                  + "MFP7E10-N010,fiber 10 m,476,60,28560\n" * 30), ".csv",
                           r"line 3: a quote \(\"\) opens a cell and is never closed"),
}

PRICE_HEADER = ["item", "vendor", "part_number", "description_en", "description_zh", "unit_price",
                "currency", "date", "source", "confidence"]
PRICE_ROW = (_inline("a800-sxm4-80gb") + _inline("NVIDIA") + _inline("A800") + _inline("A800 GPU")
             + _inline("A800") + b"<c><v>100000</v></c>" + _inline("CNY") + _inline("2026-01-01")
             + _inline("test") + _inline("low"))
# price lists: name -> (maker, suffix, what the refusal says)
PRICE_LINE = "a800-sxm4-80gb,NVIDIA,A800,A800 GPU,A800,100000,CNY,2026-01-01,t,low\n"
NUMBER = b"<c><v>1</v></c>"


def price_sheet(rows: int, cells: int) -> Callable[[Path], Path]:
    return lambda path: raw_xlsx(path, PRICE_HEADER, rows, PRICE_ROW + NUMBER * (cells - 10), sheet="prices")


PRICES_TOO_BIG: dict[str, tuple[Callable[[Path], Path], str, str]] = {
    "prices-16384-cells-a-row": (price_sheet(20, 16_384), ".xlsx", r"row 2: 16,384 cells"),
    "prices-20000-by-200": (price_sheet(20_000, 200), ".xlsx", r"more than 2,000,000 cells"),
    "prices-a-million-columns": (csv_of(",".join(PRICE_HEADER) + ",x" * 1_000_000 + "\n"), ".csv",
                                 r"row 1: 1,000,010 cells"),
    "prices-unterminated-quote": (csv_of(",".join(PRICE_HEADER) + "\n"
                                         + PRICE_LINE.replace(",A800 GPU", ',"A800 GPU') * 3), ".csv",
                                  r"line 4: a quote"),
}


# ---------------------------------------------------------------- absurd money

DESCRIPTION = 2
# name -> (maker, the row left out, what its finding says); none may be summed
ABSURD: dict[str, tuple[Callable[[Path], Path], int, str]] = {
    "price-99999999999-yi": (with_cell(SWITCH_ROW, PRICE, "99999999999亿"), SWITCH_ROW,
                             r"unit price of 1e\+19 USD, more than the 7,000,000 USD"),
    "price-1e308-number": (with_cell(SWITCH_ROW, PRICE, 1e308), SWITCH_ROW, r"unit price of 1e\+308 USD"),
    "quantity-10-million": (with_cell(SWITCH_ROW, QTY, 10_000_000), SWITCH_ROW,
                            r"quantity of 10,000,000, more than the 100,000 units"),
    "negative-quantity": (with_cell(SWITCH_ROW, QTY, -24), SWITCH_ROW, r"quantity of -24: .*never below 0"),
    "negative-price": (with_cell(SWITCH_ROW, PRICE, -52000), SWITCH_ROW,
                       r"unit price of -52,000 below 0 on a line that does not say it is a discount"),
    # within the bound of any line, not of its kind (resources/quotes.toml [plausible.parts]):
    # a switch at 123 USD (the fen of a 12,300 price?) or 3 million USD, a server at 100 USD;
    # the ranges are CNY over 7 CNY a USD: switches 1,000-15,000,000 CNY, servers 5,000-30,000,000
    "switch-at-123-usd": (with_cell(SWITCH_ROW, PRICE, 123), SWITCH_ROW,
                          r"unit price 123 USD is not a plausible price of switch parts, which lie "
                          r"between 142\.86 and 2,142,857\.14 USD"),
    "switch-at-3-million-usd": (with_cell(SWITCH_ROW, PRICE, 3_000_000), SWITCH_ROW,
                                r"unit price 3,000,000 USD is not a plausible price of switch parts"),
    "server-at-100-usd": (with_cell(SYSTEM_ROW, PRICE, 100), SYSTEM_ROW,
                          r"unit price 100 USD is not a plausible price of server parts, which "
                           r"lie between 714\.29 and 4,285,714\.29 USD"),
}
