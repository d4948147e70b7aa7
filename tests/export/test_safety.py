"""User text stays text; forbidden characters go; a failed write leaves the old file intact."""

from __future__ import annotations

import errno
import os
import zipfile
from pathlib import Path

import openpyxl
import pytest

import engine.export.safe as safe
from engine.export import ExportError, write_quote
from tests.export.quote_fixtures import bom_sheet_name, find_row, hand_comparison

HYPERLINK = '=HYPERLINK("http://x","y")'


def test_formula_like_user_text_is_stored_as_text(tmp_path: Path) -> None:
    path = write_quote(hand_comparison(), tmp_path / "q.xlsx", customer=HYPERLINK,
                       quote_no="+1-555-0100")
    wb = openpyxl.load_workbook(path)
    summary = wb["Summary"]
    customer = summary[f"B{find_row(summary, 'A', 'Customer')}"]
    assert customer.value == HYPERLINK
    assert customer.data_type == "s"
    assert customer.quotePrefix  # Excel keeps it text when the cell is edited
    quote_no = summary[f"B{find_row(summary, 'A', 'Quote no.')}"]
    assert (quote_no.value, quote_no.data_type) == ("+1-555-0100", "s")

    bom = wb[bom_sheet_name(wb, "beta-cfg")]
    row = find_row(bom, "B", "-5V rail")
    assert (bom[f"C{row}"].value, bom[f"C{row}"].data_type) == ("=1+2", "s")
    assert (bom[f"H{row}"].value, bom[f"H{row}"].data_type) == ("@risk", "s")  # \x07 removed
    rack = find_row(bom, "B", "+R42")
    assert bom[f"B{rack}"].data_type == "s"

    # and in the file itself: no formula element carries the user's text
    with zipfile.ZipFile(path) as zf:
        xml = "".join(zf.read(n).decode("utf-8") for n in zf.namelist()
                      if n.startswith("xl/worksheets/sheet"))
    assert "<f>HYPERLINK" not in xml
    assert "<f>1+2</f>" not in xml
    assert "HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)" in xml or 'HYPERLINK("http://x","y")' in xml


def test_characters_xml_forbids_are_removed(tmp_path: Path) -> None:
    path = write_quote(hand_comparison(), tmp_path / "q.xlsx", customer="Ac\x00me\x1f Ltd\x0b",
                       quote_no="Q\x01-1")
    summary = openpyxl.load_workbook(path)["Summary"]
    assert summary[f"B{find_row(summary, 'A', 'Customer')}"].value == "Acme Ltd"
    assert summary[f"B{find_row(summary, 'A', 'Quote no.')}"].value == "Q-1"


def _old_file(tmp_path: Path) -> tuple[Path, bytes]:
    target = tmp_path / "quote.xlsx"
    old = b"the quote sent last week"
    target.write_bytes(old)
    return target, old


def test_interrupted_replace_leaves_the_old_file_and_says_why(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target, old = _old_file(tmp_path)

    def disk_full(src: object, dst: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "replace", disk_full)  # the one atomic writer, engine.safeio
    with pytest.raises(ExportError) as info:
        write_quote(hand_comparison(), target)
    message = str(info.value)
    assert "\n" not in message
    assert message == (f"cannot write {target}: no space left on device; "
                       "the existing file was left unchanged")
    assert target.read_bytes() == old
    assert sorted(p.name for p in tmp_path.iterdir()) == ["quote.xlsx"]  # no temp file left


def test_interrupted_save_leaves_the_old_file(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    target, old = _old_file(tmp_path)

    def crash(self: object, filename: object) -> None:
        if hasattr(filename, "write"):  # the workbook is built in memory first
            filename.write(b"half a zip")
        else:
            Path(str(filename)).write_bytes(b"half a zip")
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(openpyxl.Workbook, "save", crash)
    with pytest.raises(ExportError, match=r"permission denied .*; the existing file was left "
                                          r"unchanged$"):
        write_quote(hand_comparison(), target)
    assert target.read_bytes() == old
    assert sorted(p.name for p in tmp_path.iterdir()) == ["quote.xlsx"]


def test_missing_folder_and_wrong_suffix_are_one_line_errors(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match=r"folder .* does not exist; no file was written$"):
        write_quote(hand_comparison(), tmp_path / "nowhere" / "q.xlsx")
    with pytest.raises(ExportError, match=r"must end in \.xlsx; no file was written$"):
        write_quote(hand_comparison(), tmp_path / "q.csv")


def test_a_good_write_replaces_the_old_file(tmp_path: Path) -> None:
    target, old = _old_file(tmp_path)
    target.chmod(0o640)
    write_quote(hand_comparison(), target)
    assert target.read_bytes() != old
    assert zipfile.is_zipfile(target)
    assert target.stat().st_mode & 0o777 == 0o640  # permissions of the replaced file kept
    assert sorted(p.name for p in tmp_path.iterdir()) == ["quote.xlsx"]


@pytest.mark.parametrize(("wanted", "expected"), [
    ("BOM inspur-nf5688m6-a800", "BOM inspur-nf5688m6-a800"),
    ("a[b]c:d*e?f/g\\h", "a b c d e f g h"),
    ("x" * 40, "x" * 31),
    ("", "Sheet"),
    ("history", "Sheet history"),
    ("'quoted'", "quoted"),
    ("清单 lenovo-sr670v2-a100-pcie", "清单 lenovo-sr670v2-a100-pcie"),
])
def test_sheet_names_follow_excels_rules(wanted: str, expected: str) -> None:
    assert safe.sheet_name(wanted, set()) == expected


def test_sheet_names_are_unique_ignoring_case() -> None:
    taken: set[str] = set()
    names = [safe.sheet_name(n, taken) for n in ("Summary", "summary", "SUMMARY", "y" * 35,
                                                   "y" * 31)]
    assert names == ["Summary", "summary (2)", "SUMMARY (3)", "y" * 31, "y" * 27 + " (2)"]
    assert all(len(n) <= 31 for n in names)
