"""The price list: the shipped one prices the whole catalog; a user's .csv or .xlsx is
validated row by row, round-trips, and replaces the old copy atomically."""

from __future__ import annotations

import csv
import datetime as dt
import os
import tempfile
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from engine.catalog import load_catalog
from engine.money.prices import (
    COLUMNS,
    PriceEntry,
    PriceError,
    PriceList,
    bought_items,
    import_price_list,
    load_price_list,
    missing_items,
    read_price_list,
    reset_user_price_list,
    save_user_price_list,
    shipped_price_list_path,
    user_price_list_path,
    write_price_list,
)

HEADER = ",".join(COLUMNS)


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "userdata"
    monkeypatch.setenv("CLUSTERQUOTE_DATA_DIR", str(folder))
    return folder


@pytest.fixture(scope="module")
def shipped() -> PriceList:
    return read_price_list(shipped_price_list_path())


def _entry(item: str = "a100-pcie-80gb", **changes: object) -> PriceEntry:
    values: dict[str, object] = {
        "item": item, "vendor": "NVIDIA", "part_number": "A100 PCIe 80GB",
        "description_en": "NVIDIA A100 PCIe 80GB", "description_zh": "NVIDIA A100 PCIe 80GB 卡",
        "unit_price": 103500.0, "currency": "CNY", "date": "2023-06-01",
        "source": "Chinese press, 2023-06", "confidence": "medium",
    }
    values.update(changes)
    return PriceEntry(**values)  # type: ignore[arg-type]


def _csv(path: Path, *rows: str, header: str = HEADER) -> Path:
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


GOOD_ROW = ("a100-pcie-80gb,NVIDIA,A100 PCIe 80GB,NVIDIA A100 PCIe 80GB,NVIDIA A100 卡,"
            "103500,CNY,2023-06-01,\"Chinese press, 2023-06\",medium")


# ------------------------------------------------------------- the shipped list


def test_every_bought_catalog_item_has_a_shipped_price(shipped: PriceList) -> None:
    catalog = load_catalog()
    assert missing_items(shipped, catalog) == []
    # and nothing priced is unknown to the catalog
    assert set(shipped.entries) == set(bought_items(catalog))


def test_shipped_prices_are_sourced_dated_and_indicative(shipped: PriceList) -> None:
    assert shipped.indicative
    for entry in shipped.entries.values():
        assert entry.confidence in ("low", "medium"), entry.item
        assert entry.source and entry.description_en and entry.description_zh, entry.item
        assert dt.date.fromisoformat(entry.date) <= dt.date.today()
        if entry.confidence == "low":
            assert entry.source.startswith(("derived:", "published")), entry.item


def test_shipped_prices_quote_prices_md(shipped: PriceList) -> None:
    # shared/reference/prices.md: A800 80GB about ¥83 000, A100 80GB about ¥103 500
    # (Chinese press, 2023-06); a 64-port NDR switch US$36 000-50 000 (2024-08).
    assert shipped.entry("a800-pcie-80gb").unit_price == 83_000
    assert shipped.entry("a800-pcie-80gb").currency == "CNY"
    assert shipped.entry("a100-pcie-80gb").unit_price == 103_500
    assert 36_000 <= shipped.price("ib-switch-qm9700", "USD", 7.2) <= 50_000


def test_missing_items_lists_what_has_no_price(shipped: PriceList) -> None:
    entries = dict(shipped.entries)
    del entries["rack-47u"], entries["inspur-nf5688m6-a800"]
    partial = PriceList(name="partial", entries=entries)
    assert missing_items(partial, load_catalog()) == ["inspur-nf5688m6-a800", "rack-47u"]


# ------------------------------------------------------------- prices and currencies


def test_price_converts_between_currencies() -> None:
    pl = PriceList("test", {
        "a": _entry("a", unit_price=30_000, currency="USD"),
        "b": _entry("b", unit_price=72_000, currency="CNY"),
    })
    assert pl.price("a", "USD", 7.2) == 30_000
    assert pl.price("a", "CNY", 7.2) == pytest.approx(216_000)
    assert pl.price("b", "USD", 7.2) == pytest.approx(10_000)
    assert pl.price("b", "CNY", 6.9) == 72_000


@given(
    price=st.floats(min_value=0.01, max_value=1e9 / 50),  # converted at a rate up to 50: within the 1e9 bound
    rate=st.floats(min_value=0.5, max_value=50),
    currency=st.sampled_from(["CNY", "USD"]),
)
def test_conversion_there_and_back_is_the_identity(price: float, rate: float, currency: str) -> None:
    pl = PriceList("test", {"x": _entry("x", unit_price=price, currency=currency)})
    other = "USD" if currency == "CNY" else "CNY"
    converted = pl.price("x", other, rate)
    back = PriceList("back", {"x": _entry("x", unit_price=converted, currency=other)})
    assert back.price("x", currency, rate) == pytest.approx(price, rel=1e-9)


def test_missing_item_and_bad_arguments_raise_price_error() -> None:
    pl = PriceList("my list", {"a": _entry("a")})
    with pytest.raises(PriceError, match=r"no price for 'h100-sxm5-80gb' in the price list my list"):
        pl.price("h100-sxm5-80gb", "CNY", 7.2)
    with pytest.raises(PriceError, match="EUR"):
        pl.price("a", "EUR", 7.2)
    with pytest.raises(PriceError, match="exchange rate"):
        pl.price("a", "USD", 0)


def test_entry_is_validated_and_normalised() -> None:
    entry = _entry(currency="usd", unit_price=5, confidence="High")
    assert (entry.currency, entry.unit_price, entry.confidence) == ("USD", 5.0, "high")
    with pytest.raises(PriceError, match=r"unit_price -1"):
        _entry(unit_price=-1)
    with pytest.raises(PriceError, match=r"date '2023/06/01'"):
        _entry(date="2023/06/01")


# ------------------------------------------------------------- reading files


def test_csv_with_extra_columns_in_any_order(tmp_path: Path) -> None:
    header = "notes," + ",".join(reversed(COLUMNS))
    row = "ignored," + ",".join(f'"{c}"' for c in reversed(next(csv.reader([GOOD_ROW]))))
    pl = read_price_list(_csv(tmp_path / "p.csv", row, "", header=header))
    assert pl.entry("a100-pcie-80gb").unit_price == 103_500
    assert pl.name == str(tmp_path / "p.csv")


def test_csv_with_excel_bom_reads(tmp_path: Path) -> None:
    path = tmp_path / "bom.csv"
    path.write_text(HEADER + "\n" + GOOD_ROW + "\n", encoding="utf-8-sig")
    assert "a100-pcie-80gb" in read_price_list(path)


@pytest.mark.parametrize(
    ("column", "value", "allowed"),
    [
        ("unit_price", "abc", "a number from 0 to"),
        ("unit_price", "-5", "a number from 0 to"),
        # 0 is allowed: a part included in another line (an NPU's on-module ports)
        ("unit_price", "nan", "a number from 0 to"),
        ("currency", "EUR", "CNY or USD"),
        ("date", "2023/06/01", "yyyy-mm-dd"),
        ("date", "2023-02-30", "yyyy-mm-dd"),
        ("confidence", "sure", "low, medium, high"),
        ("item", "A100 80GB", "lowercase letters, digits and dashes"),
        ("source", "", "a non-empty text"),
    ],
)
def test_bad_csv_row_names_file_line_column_value_and_what_is_allowed(
    tmp_path: Path, column: str, value: str, allowed: str
) -> None:
    cells = next(csv.reader([GOOD_ROW]))
    cells[COLUMNS.index(column)] = value
    bad = ",".join(f'"{c}"' for c in cells)
    good2 = GOOD_ROW.replace("a100-pcie-80gb", "a800-pcie-80gb", 1)
    path = _csv(tmp_path / "bad.csv", GOOD_ROW, good2, bad)
    with pytest.raises(PriceError) as caught:
        read_price_list(path)
    message = str(caught.value)
    assert str(path) in message
    assert f"line 4, column {column}: value {value!r}" in message
    assert allowed in message


def test_duplicate_item_is_refused(tmp_path: Path) -> None:
    path = _csv(tmp_path / "dup.csv", GOOD_ROW, GOOD_ROW)
    with pytest.raises(PriceError, match=r"line 3, column item: value 'a100-pcie-80gb' is a "
                                         r"duplicate of line 2"):
        read_price_list(path)


def test_missing_header_column_and_empty_files_are_refused(tmp_path: Path) -> None:
    header = HEADER.replace(",currency", "")
    with pytest.raises(PriceError, match=r"line 1: the header lacks column\(s\) currency"):
        read_price_list(_csv(tmp_path / "h.csv", header=header))
    (tmp_path / "empty.csv").write_text("", encoding="utf-8")
    with pytest.raises(PriceError, match="is empty"):
        read_price_list(tmp_path / "empty.csv")
    with pytest.raises(PriceError, match=r"\.csv or \.xlsx"):
        read_price_list(tmp_path / "prices.ods")
    with pytest.raises(PriceError, match="does not exist"):
        read_price_list(tmp_path / "nowhere.csv")
    (tmp_path / "latin.csv").write_bytes(HEADER.encode() + b"\nitem,\xe9\xff\n")
    with pytest.raises(PriceError, match="UTF-8"):
        read_price_list(tmp_path / "latin.csv")


def test_bad_xlsx_row_names_the_row(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(list(COLUMNS))
    sheet.append(next(csv.reader([GOOD_ROW])))
    sheet.append(["a800-pcie-80gb", "NVIDIA", "", "A800", "", 83000, "CNY",
                  dt.datetime(2023, 6, 1), "press", "medium"])
    sheet.append(["h100-pcie-80gb", "NVIDIA", "", "H100", "", "about 250k", "CNY",
                  "2023-06-01", "press", "medium"])
    path = tmp_path / "bad.xlsx"
    book.save(path)
    with pytest.raises(PriceError, match=r"bad\.xlsx, line 4, column unit_price: "
                                         r"value 'about 250k' is not allowed"):
        read_price_list(path)


def test_xlsx_cells_of_any_type_read(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(list(COLUMNS))
    sheet.append(["a800-pcie-80gb", "NVIDIA", 900215, "A800", None, 83000, "CNY",
                  dt.datetime(2023, 6, 1), "press", "medium"])
    path = tmp_path / "types.xlsx"
    book.save(path)
    entry = read_price_list(path).entry("a800-pcie-80gb")
    assert (entry.part_number, entry.description_zh, entry.unit_price, entry.date) == (
        "900215", "", 83000.0, "2023-06-01",
    )


# ------------------------------------------------------------- round trips


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_shipped_list_round_trips(tmp_path: Path, shipped: PriceList, suffix: str) -> None:
    path = tmp_path / f"copy{suffix}"
    write_price_list(shipped, path)
    again = read_price_list(path)
    assert again.entries == shipped.entries
    assert list(again.entries) == list(shipped.entries)


def test_xlsx_keeps_formula_like_text_as_text(tmp_path: Path) -> None:
    pl = PriceList("t", {"a": _entry("a", description_en="=HYPERLINK(\"x\")",
                                     source="+1 from a quote", part_number="-12")})
    path = tmp_path / "text.xlsx"
    write_price_list(pl, path)
    cells = {c.value: c.data_type for c in next(load_workbook(path)["prices"].iter_rows(min_row=2))}
    assert cells["=HYPERLINK(\"x\")"] == "s"
    assert read_price_list(path).entries == pl.entries


_TEXT = st.text(
    alphabet=st.characters(categories=("L", "N", "P", "S", "Zs")), min_size=1, max_size=30,
).map(str.strip).filter(bool)


@st.composite
def _entries(draw: st.DrawFn) -> PriceEntry:
    return PriceEntry(
        item=draw(st.from_regex(r"[a-z0-9][a-z0-9-]{0,20}", fullmatch=True)),
        vendor=draw(_TEXT), part_number=draw(_TEXT), description_en=draw(_TEXT),
        description_zh=draw(_TEXT),
        unit_price=draw(st.floats(min_value=0.01, max_value=1e9, allow_nan=False)),
        currency=draw(st.sampled_from(["CNY", "USD"])),
        date=draw(st.dates(dt.date(2000, 1, 1), dt.date(2099, 12, 31))).isoformat(),
        source=draw(_TEXT), confidence=draw(st.sampled_from(["low", "medium", "high"])),
    )


@settings(max_examples=30, deadline=None)
@given(st.lists(_entries(), min_size=1, max_size=8, unique_by=lambda e: e.item))
def test_any_valid_list_round_trips_through_csv(entries: list[PriceEntry]) -> None:
    from engine.plausible import price_problem

    # valid includes plausible: a price inside the range of the kind of part its words name
    assume(not any(price_problem(e.unit_price, e.currency,
                                 f"{e.part_number} {e.description_en} {e.description_zh}")
                   for e in entries))
    pl = PriceList("generated", {e.item: e for e in entries})
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "p.csv"
        write_price_list(pl, path)
        assert read_price_list(path).entries == pl.entries


# ------------------------------------------------------------- the user's copy


def test_user_path_follows_the_environment(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert user_price_list_path() == data_dir / "prices.csv"
    monkeypatch.delenv("CLUSTERQUOTE_DATA_DIR")
    default = user_price_list_path()
    assert default.name == "prices.csv" and default.parent.name == "ClusterQuote"


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_import_replaces_and_reset_restores(tmp_path: Path, shipped: PriceList,
                                            suffix: str) -> None:
    assert load_price_list().entries == shipped.entries  # no user copy yet
    quote = dict(shipped.entries)
    quote["h800-sxm5-80gb"] = replace(quote["h800-sxm5-80gb"], unit_price=199_000,
                                      source="vendor quote Q-123", confidence="high")
    src = tmp_path / f"quote{suffix}"
    write_price_list(PriceList("quote", quote), src)

    imported = import_price_list(src)
    assert imported.name == str(user_price_list_path())
    assert user_price_list_path().is_file()
    loaded = load_price_list()
    assert loaded.entries == quote
    assert loaded.price("h800-sxm5-80gb", "CNY", 7.2) == 199_000

    reset_user_price_list()
    assert not user_price_list_path().exists()
    assert load_price_list().entries == shipped.entries
    reset_user_price_list()  # nothing to delete is fine


def test_import_of_a_bad_file_leaves_the_user_copy(tmp_path: Path, shipped: PriceList) -> None:
    save_user_price_list(shipped)
    before = user_price_list_path().read_bytes()
    with pytest.raises(PriceError, match="line 2, column currency"):
        import_price_list(_csv(tmp_path / "bad.csv", GOOD_ROW.replace(",CNY,", ",RMB,")))
    assert user_price_list_path().read_bytes() == before


def test_interrupted_write_leaves_the_old_user_file(
    tmp_path: Path, shipped: PriceList, monkeypatch: pytest.MonkeyPatch
) -> None:
    save_user_price_list(shipped)
    user = user_price_list_path()
    before = user.read_bytes()
    changed = PriceList("changed", {"a": _entry("a")})

    def broken_replace(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    # the list is named, not the temporary file the write went to
    with pytest.raises(PriceError, match=r"cannot write .*prices\.csv: no space left on device$"):
        save_user_price_list(changed)
    with pytest.raises(PriceError, match=r"cannot write .*prices\.csv: no space left on device$"):
        import_price_list(_csv(tmp_path / "good.csv", GOOD_ROW))
    assert user.read_bytes() == before
    assert os.listdir(user.parent) == ["prices.csv"]  # no temporary file left over
    assert read_price_list(user).entries == shipped.entries
