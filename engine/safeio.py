"""One guarded way in for every file a user hands ClusterQuote: plans, drafts, price lists, quotes.

A file is read only if it is a regular file (a FIFO would hang, /dev/zero would fill the
memory) within a size limit; text is decoded as UTF-8 (with or without the BOM Windows
Notepad writes) or GB18030 (what Excel writes on Chinese Windows); JSON is parsed only
within a nesting depth and number length, with NaN and Infinity refused; tables (.csv,
.xlsx) come as rows of text cells. Every problem is one ``UnsafeFileError`` whose message
names the file and says what is wrong.

Limits come from resources/bounds.toml (section ``files``).
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import errno
import gc
import io
import json
import os
import re
import stat
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from charset_normalizer import from_bytes

from engine.bounds import limit


class UnsafeFileError(ValueError):
    """A file cannot be read safely; the message is one line naming the file and the problem."""


# What reading a user's file may raise because of what the file holds, as opposed to a bug:
# every reader turns these into its own error naming the file, and every place that opens
# a file (the CLI, each GUI dialog) catches this one tuple, never a list of its own.
# ValueError covers UnicodeError and every reader's error class (PlanFileError, QuoteError,
# PriceError, UnsafeFileError); ArithmeticError a figure too large for a float or a
# division by a quantity of 0; OSError a file that vanished or a disk that failed.
DATA_ERRORS: tuple[type[BaseException], ...] = (ValueError, ArithmeticError, OSError, RecursionError)


def data_error_message(exc: BaseException, name: str = "") -> str:
    """One line for a data error: a reader's own message as it is, anything else named with
    the file (a bare codec or arithmetic message says nothing of where)."""
    if isinstance(exc, ArithmeticError | RecursionError | UnicodeError):
        what = ("a quantity or price of 0 where a count is needed" if isinstance(exc, ZeroDivisionError)
                else "a number too large to calculate with" if isinstance(exc, OverflowError) else "")
        said = what or _first_line(exc)
        return f"cannot read {name}: {said}" if name else f"cannot read the file: {said}"
    if isinstance(exc, OSError) and not isinstance(exc, UnsafeFileError):
        where = f"cannot read {name}" if name else "cannot read the file"
        return f"{where}: {_reason(exc)}"
    return _first_line(exc)


def _mb(size: int) -> str:
    if size >= 1 << 30:
        return f"{size / (1 << 30):,.3g} GB"
    return f"{size / 1_048_576:.3g} MB" if size >= 1_048_576 else f"{size / 1024:.3g} KB"


def open_guarded(path: str | Path, *, max_bytes: int, name: str | None = None) -> BinaryIO:
    """An open binary file, once it is known to be a regular file no larger than ``max_bytes``.

    The check is made on the open descriptor (no race with a file swapped in between),
    and the open does not block on a FIFO.
    """
    source = Path(path)
    shown = name or str(source)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(source, flags)
    except OSError as exc:
        raise UnsafeFileError(f"cannot read {shown}: {_reason(exc)}") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise UnsafeFileError(f"cannot read {shown}: it is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise UnsafeFileError(f"cannot read {shown}: it is not a regular file (a device or a pipe)")
        if info.st_size > max_bytes:
            raise UnsafeFileError(
                f"cannot read {shown}: it is {_mb(info.st_size)}, more than the {_mb(max_bytes)} allowed")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_bytes(path: str | Path, *, max_bytes: int, name: str | None = None) -> bytes:
    """The bytes of a regular file of at most ``max_bytes`` (a file still growing is cut off)."""
    shown = name or str(path)
    with open_guarded(path, max_bytes=max_bytes, name=name) as fh:
        try:
            data = fh.read(max_bytes + 1)
        except OSError as exc:
            raise UnsafeFileError(f"cannot read {shown}: {_reason(exc)}") from None
    if len(data) > max_bytes:
        raise UnsafeFileError(f"cannot read {shown}: it is more than the {_mb(max_bytes)} allowed")
    return data


def decode_text(data: bytes, name: str) -> str:
    """``data`` as text: UTF-8 with or without a BOM, else GB18030; anything else is refused.

    Both encodings are decoded strictly. GB18030 maps most byte strings to some text, so
    charset-normalizer must also judge the decoded text coherent before it is accepted:
    a binary file or a spreadsheet renamed .csv is refused rather than read as gibberish.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        best = from_bytes(data, cp_isolation=["gb18030"]).best()
        if best is None:
            raise UnsafeFileError(
                f"{name} is not text in UTF-8 or GB18030 (GBK); save it as UTF-8 and try again"
            ) from None
        text = str(best)
    if "\x00" in text:
        raise UnsafeFileError(f"{name} is not a text file (it holds NUL bytes)")
    return text


def read_text(path: str | Path, *, max_bytes: int, name: str | None = None) -> str:
    return decode_text(read_bytes(path, max_bytes=max_bytes, name=name), name or str(path))


# ---------------------------------------------------------------- tables (.csv and .xlsx)


def table_rows(path: str | Path, *, max_bytes: int, sheet: str | None = None,
               name: str | None = None) -> Iterator[tuple[int, list[str]]]:
    """The rows of a .csv or .xlsx file as text cells, numbered from 1, read the guarded way.

    An .xlsx is read from ``sheet`` (else its first sheet) without trusting its
    ``<dimension>`` tag, which generators leave stale (openpyxl would stop at it).
    Cells become the text a .csv would hold (dates as yyyy-mm-dd, 12.0 as 12). Any
    problem, while opening or while iterating, is an UnsafeFileError.
    """
    shown = name or str(path)
    if Path(path).suffix.lower() == ".xlsx":
        return _xlsx_rows(path, max_bytes, sheet, shown)
    return _csv_rows(path, max_bytes, shown)


def _csv_rows(path: str | Path, max_bytes: int, name: str) -> Iterator[tuple[int, list[str]]]:
    yield from csv_records(read_text(path, max_bytes=max_bytes, name=name), name)


class _Lines:
    """The lines of a text for csv.reader, which takes them one by one as a record needs them."""

    def __init__(self, text: str) -> None:
        self.buffer = io.StringIO(text, newline="")

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        line = self.buffer.readline()
        if not line:
            raise StopIteration
        return line


def csv_records(text: str, name: str, *, delimiter: str = ",") -> Iterator[tuple[int, list[str]]]:
    """The records of a CSV text with the line each starts on, counted as they are read:
    UnsafeFileError for a row of more cells than a table has (a million-column line), more
    cells in all than files.table_max_cells, or a quote opened and never closed (which would
    fold every line after it into one cell)."""
    most_columns, most_cells = limit("files.table_max_columns"), limit("files.table_max_cells")
    lines = _Lines(text)
    reader = csv.reader(lines, delimiter=delimiter)
    line, offset, cells = 1, 0, 0
    try:
        for row in reader:
            _check_row(name, line, row, cells, most_columns, most_cells)
            if lines.buffer.tell() >= len(text):  # the last record: did a quote open it to the end?
                _closed_quotes(text[offset:], name, line, delimiter)
            cells += len(row)
            yield line, row
            line, offset = reader.line_num + 1, lines.buffer.tell()
    except csv.Error as exc:
        raise UnsafeFileError(f"{name}, line {line}: malformed CSV: {_first_line(exc)}") from None


def _closed_quotes(record: str, name: str, line: int, delimiter: str) -> None:
    try:
        list(csv.reader(io.StringIO(record, newline=""), delimiter=delimiter, strict=True))
    except csv.Error as exc:
        if "unexpected end of data" in str(exc):
            raise UnsafeFileError(f"{name}, line {line}: a quote (\") opens a cell and is never "
                                  "closed, so every line after it would be one cell") from None


def _check_row(name: str, line: int, row: list[str] | tuple[object, ...], cells: int,
               most_columns: int, most_cells: int) -> None:
    used = len(row)
    while used and row[used - 1] in ("", None):
        used -= 1  # empty cells at the end of a row are formatting, not data
    if used > most_columns:
        raise UnsafeFileError(f"{name}, row {line}: {used:,} cells, more than a table has "
                              f"(at most {most_columns:,} columns are read)")
    if cells + len(row) > most_cells:
        raise UnsafeFileError(f"{name}: more than {most_cells:,} cells by row {line:,}, more than a "
                              "table of its kind has; nothing was read")
    longest = limit("files.cell_max_chars")
    for value in row:
        if isinstance(value, str) and len(value) > longest:
            raise UnsafeFileError(f"{name}, row {line}: a cell of {len(value):,} characters, more "
                                  f"than a spreadsheet cell holds ({longest:,})")


def _xlsx_rows(path: str | Path, max_bytes: int, sheet: str | None, name: str
               ) -> Iterator[tuple[int, list[str]]]:
    from openpyxl import load_workbook

    with open_guarded(path, max_bytes=max_bytes, name=name) as fh:
        check_xlsx_archive(fh, name)
        fh.seek(0)
        try:
            count_xlsx_cells(fh, name, most_cells=limit("files.table_max_cells"))
        except UnsafeFileError:
            raise
        except Exception as exc:  # zipfile on a damaged part
            raise UnsafeFileError(f"cannot read {name} as an Excel workbook: {_first_line(exc)}") from None
        fh.seek(0)
        try:
            book = load_workbook(fh, read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many kinds on a damaged file
            raise UnsafeFileError(f"cannot read {name} as an Excel workbook: {_first_line(exc)}") from None
        try:
            ws = book[sheet] if sheet in book.sheetnames else book.worksheets[0]
            for number, row in xlsx_rows(ws, name):
                yield number, [_cell_text(v) for v in row]
        finally:
            book.close()


def check_xlsx_archive(source: BinaryIO | Path, name: str) -> None:
    """UnsafeFileError for an .xlsx whose parts would unpack to more than a workbook of its
    kind holds, judged from the zip directory before anything is unpacked (zipfile never
    unpacks more than the directory states: a part that would is an error)."""
    import zipfile

    try:
        with zipfile.ZipFile(source) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise UnsafeFileError(f"cannot read {name} as an Excel workbook: {_first_line(exc)}") from None
    strings = sum(p.file_size for p in parts if p.filename.lower().endswith("sharedstrings.xml"))
    if strings > limit("files.shared_strings_max_bytes"):
        raise UnsafeFileError(f"cannot read {name}: its shared text unpacks to {_mb(strings)}, more than "
                              f"the {_mb(limit('files.shared_strings_max_bytes'))} a workbook holds")
    total = sum(p.file_size for p in parts)
    if total > limit("files.xlsx_max_unpacked_bytes"):
        raise UnsafeFileError(f"cannot read {name}: it unpacks to {_mb(total)}, more than the "
                              f"{_mb(limit('files.xlsx_max_unpacked_bytes'))} allowed")


_ROW_TAGS = (b"<row ", b"<row>")
_CELL_TAGS = (b"<c ", b"<c>")


def count_xlsx_cells(source: BinaryIO | Path, name: str, *, most_cells: int, most_rows: int | None = None,
                     kind: str = "a table") -> None:
    """UnsafeFileError for a workbook whose sheets hold more rows or cells than ``kind`` has,
    counted from the sheets' XML as it unpacks (about 100 MB a second), long before openpyxl
    would have parsed them (about 50 000 cells a second) and whatever <dimension> says.

    Text inside a cell cannot hold a bare "<", so every "<c " is a cell and every "<row " a
    row; the reading of the rows counts them again as they are parsed (xlsx_rows)."""
    import zipfile

    rows = cells = 0
    chunk = 1 << 20
    with zipfile.ZipFile(source) as archive:
        for part in archive.infolist():
            if not (part.filename.startswith("xl/worksheets/") and part.filename.endswith(".xml")):
                continue
            with archive.open(part) as fh:
                tail = b""
                while block := fh.read(chunk):
                    text = tail + block
                    rows += sum(text.count(tag) for tag in _ROW_TAGS)
                    cells += sum(text.count(tag) for tag in _CELL_TAGS)
                    tail = text[-5:]  # a tag cut between two blocks is counted with the next
                    rows -= sum(tail.count(tag) for tag in _ROW_TAGS)
                    cells -= sum(tail.count(tag) for tag in _CELL_TAGS)
                    if most_rows is not None and rows > most_rows:
                        raise UnsafeFileError(f"{name}: more than {most_rows:,} rows, more than {kind} "
                                              f"has (at most {most_rows:,}); nothing was imported")
                    if cells > most_cells:
                        raise UnsafeFileError(f"{name}: more than {most_cells:,} cells, more than {kind} "
                                              f"has (at most {most_cells:,}); nothing was imported")
                rows += sum(tail.count(tag) for tag in _ROW_TAGS)  # the last block's end
                cells += sum(tail.count(tag) for tag in _CELL_TAGS)


def xlsx_rows(sheet: Any, name: str, *, most_cells: int | None = None
              ) -> Iterator[tuple[int, tuple[object, ...]]]:
    """The rows of a read-only openpyxl sheet, numbered from 1, counted as they stream.

    The sheet's <dimension> tag is never trusted (generators leave it stale, and openpyxl
    would stop at it or pad every row to it): rows and cells are counted as they are parsed,
    and the reading stops at the first limit passed, so no file costs more than the limits
    allow. UnsafeFileError for a sheet past a limit or one that cannot be parsed."""
    if hasattr(sheet, "reset_dimensions"):
        sheet.reset_dimensions()
    most_columns = limit("files.table_max_columns")
    most_cells = most_cells if most_cells is not None else limit("files.table_max_cells")
    cells = 0
    rows = enumerate(sheet.iter_rows(values_only=True), start=1)
    while True:
        try:
            number, row = next(rows)
        except StopIteration:
            return
        except UnsafeFileError:
            raise
        except Exception as exc:  # zipfile, lxml and openpyxl on a damaged sheet
            raise UnsafeFileError(f"cannot read {name}: {_first_line(exc)}") from None
        _check_row(name, number, row, cells, most_columns, most_cells)
        cells += len(row)
        yield number, row


def _cell_text(value: object) -> str:
    """An .xlsx cell as the text a .csv would hold."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0][:200] if text else type(exc).__name__


# ---------------------------------------------------------------- JSON

_STRING_OR_BRACKET = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]', re.DOTALL)


class _Refused(Exception):
    pass


def _depth(text: str, most: int, name: str) -> None:
    depth = 0
    for match in _STRING_OR_BRACKET.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > most:
                raise UnsafeFileError(f"{name} is damaged: it nests deeper than {most} levels")
        elif token in "]}":
            depth -= 1


def parse_json(text: str, name: str) -> Any:
    """Strict JSON with bounded depth and number length; NaN, Infinity and 1e400 are refused."""
    _depth(text, limit("files.json_max_depth"), name)
    most = limit("files.json_max_number_chars")

    def number_text(literal: str) -> str:
        if len(literal) > most:
            raise _Refused(f"a number {len(literal)} characters long (at most {most} are read)")
        return literal

    def parse_float(literal: str) -> float:
        value = float(number_text(literal))
        if value in (float("inf"), float("-inf")):
            raise _Refused(f"the number {literal} is too large")
        return value

    def parse_constant(literal: str) -> float:
        raise _Refused(f"{literal} is not a number JSON allows")

    try:
        return json.loads(text, parse_int=lambda s: int(number_text(s)), parse_float=parse_float,
                          parse_constant=parse_constant)
    except _Refused as exc:
        raise UnsafeFileError(f"{name} is damaged: {exc}") from None
    except json.JSONDecodeError as exc:
        raise UnsafeFileError(
            f"{name} is damaged: not valid JSON (line {exc.lineno}, column {exc.colno})") from None
    except (RecursionError, ValueError) as exc:  # a last guard; depth is checked above
        raise UnsafeFileError(f"{name} is damaged: {type(exc).__name__}") from None


# ---------------------------------------------------------------- cleaning up

# Temporary files our atomic writers leave when killed mid-save (never anyone else's):
#   .plan.cqplan.k3j2x9q1.tmp     write_atomically: plan files, price lists, column mappings
#   .~quote-k3j2x9q1.xlsx.tmp     write_atomically from engine.export.safe (workbooks) and pdf
#   draft.cqplan.AbC123           QSaveFile where the platform lacks anonymous temporary files
_OUR_TEMP_FILES = (
    re.compile(r"^\..+\.(cqplan|csv|xlsx|json)\.[a-z0-9_]{8}\.tmp$"),
    re.compile(r"^\.~.*-[a-z0-9_]{8}\.(xlsx|pdf)\.tmp$"),
    re.compile(r"^.+\.cqplan\.[A-Za-z0-9]{6}$"),
)
STALE_AFTER_S = 120.0  # no save takes this long; a younger temporary file may be one in progress


def is_our_temp_file(name: str) -> bool:
    return any(p.match(name) for p in _OUR_TEMP_FILES)


def remove_stale_temp_files(folder: str | Path, *, older_than_s: float = STALE_AFTER_S) -> list[Path]:
    """Delete temporary files of ours in ``folder`` left by a save that was killed; return them."""
    removed: list[Path] = []
    now = time.time()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if not is_our_temp_file(entry.name):
            continue
        try:
            if not entry.is_file(follow_symlinks=False) or now - entry.stat().st_mtime < older_than_s:
                continue
            os.unlink(entry.path)
        except OSError:
            continue  # another process took it, or we may not: nothing to clean then
        removed.append(Path(entry.path))
    return removed


def output_problem(target: str | Path) -> str:
    """Why ``target`` must not be replaced by a file we write, or "" when it may: a new file
    or a regular one. A folder, a device, a pipe or a symbolic link is never replaced (a
    rename over it would put a regular file where the user's device, pipe or link was)."""
    try:
        info = os.lstat(target)
    except FileNotFoundError:
        return ""
    except OSError as exc:
        return _reason(exc)
    if stat.S_ISLNK(info.st_mode):
        return "it is a symbolic link; give the file it points to"
    if stat.S_ISDIR(info.st_mode):
        return "it is a folder"
    if not stat.S_ISREG(info.st_mode):
        return "it is a device or a pipe, not a file"
    return ""


def remove_stale_work_folders(prefix: str, older_than_s: float) -> None:
    """Delete our work folders (``prefix``* in the temporary folder) that a killed run left."""
    import shutil
    import tempfile

    now = time.time()
    try:
        entries = list(os.scandir(tempfile.gettempdir()))
    except OSError:
        return
    for entry in entries:
        try:
            if (entry.name.startswith(prefix) and entry.is_dir(follow_symlinks=False)
                    and entry.stat(follow_symlinks=False).st_uid == os.getuid()
                    and now - entry.stat(follow_symlinks=False).st_mtime > older_than_s):
                shutil.rmtree(entry.path, ignore_errors=True)
        except (OSError, AttributeError):  # another process took it; os.getuid is POSIX only
            continue


def new_file_mode() -> int:
    """The permissions a plainly created file gets (0666 less the umask): mkstemp's 0600 is not it."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def write_atomically(target: str | Path, write: Callable[[Path], object], *,
                     prefix: str | None = None, suffix: str = ".tmp") -> Path:
    """Write ``target`` whole or not at all: ``write`` fills a temporary file beside it, which
    is flushed to disk, given the target's permissions (or a new file's) and moved over it.

    On any failure the temporary file goes and the exception is raised again; an existing
    ``target`` is left as it was. The temporary file is named ``prefix`` + 8 characters +
    ``suffix`` (default ``.<name>.XXXXXXXX.tmp``), a name ``is_our_temp_file`` knows.
    """
    target = Path(target)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}." if prefix is None else prefix,
                                    suffix=suffix, dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        write(tmp)
        with tmp.open("rb+") as fh:
            os.fsync(fh.fileno())
        os.chmod(tmp, target.stat().st_mode & 0o777 if target.exists() else new_file_mode())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return target


def _reason(exc: OSError) -> str:
    text = exc.strerror or str(exc) or type(exc).__name__
    return text[0].lower() + text[1:]


# ---------------------------------------------------------------- writing workbooks

_LXML_IO_ERROR = re.compile(r"\bIO_(E[A-Z]+)\b")  # lxml names the errno: "IO_EFBIG"


def write_error(exc: BaseException) -> str:
    """Why a write failed, as one lower-case phrase ("no space left on device")."""
    if isinstance(exc, PermissionError):
        return "permission denied (is it open in another program?)"
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror[0].lower() + exc.strerror[1:]
    text = " ".join(str(exc).split())
    named = _LXML_IO_ERROR.search(text)
    if named and isinstance(getattr(errno, named[1], None), int):
        said = os.strerror(getattr(errno, named[1]))
        return said[0].lower() + said[1:]
    return text or type(exc).__name__


def workbook_in_memory(workbook: Any) -> io.BytesIO | str:
    """An openpyxl workbook saved to memory, or why it could not be saved.

    Where openpyxl writes through lxml (when lxml is installed) each sheet goes through a
    temporary file, and a failed write leaves a generator that raises again when it is
    collected ("Exception ignored in ... get_stream"): it is collected here, quietly, so
    the failure is reported once, by the caller."""
    buffer = io.BytesIO()
    reason = ""
    previous = sys.unraisablehook
    sys.unraisablehook = lambda _: None
    try:
        workbook.save(buffer)
    except Exception as exc:
        reason = write_error(exc)
    finally:
        gc.collect()  # the failed writer goes here, its exception no longer holding it
        sys.unraisablehook = previous
    return reason or buffer
