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


def _mb(size: int) -> str:
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
    text = read_text(path, max_bytes=max_bytes, name=name)
    reader = csv.reader(io.StringIO(text, newline=""))
    line = 1
    try:
        for row in reader:
            yield line, row
            line = reader.line_num + 1
    except csv.Error as exc:
        raise UnsafeFileError(f"{name}, line {line}: malformed CSV: {_first_line(exc)}") from None


def _xlsx_rows(path: str | Path, max_bytes: int, sheet: str | None, name: str
               ) -> Iterator[tuple[int, list[str]]]:
    from openpyxl import load_workbook

    with open_guarded(path, max_bytes=max_bytes, name=name) as fh:
        try:
            book = load_workbook(fh, read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many kinds on a damaged file
            raise UnsafeFileError(f"cannot read {name} as an Excel workbook: {_first_line(exc)}") from None
        try:
            ws = book[sheet] if sheet in book.sheetnames else book.worksheets[0]
            if hasattr(ws, "reset_dimensions"):
                ws.reset_dimensions()  # a stale <dimension> tag would cut the rows short
            rows = enumerate(ws.iter_rows(values_only=True), start=1)
            while True:
                try:
                    number, row = next(rows)
                except StopIteration:
                    return
                except Exception as exc:  # zipfile, lxml and openpyxl on a damaged sheet
                    raise UnsafeFileError(f"cannot read {name}: {_first_line(exc)}") from None
                yield number, [_cell_text(v) for v in row]
        finally:
            book.close()


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
