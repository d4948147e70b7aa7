"""The quote as PDF, rendered by LibreOffice when it is installed.

LibreOffice prints the workbook with its own page set-up (repeated header rows,
fit to width, header and footer), so the PDF is the document the buyer would print.
The desktop app falls back on Qt where LibreOffice is missing; the engine never
imports Qt, so here a missing LibreOffice is an ExportError that says so.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from engine.export.safe import ExportError
from engine.safeio import output_problem, write_atomically

TIMEOUT_S = 180
_CANDIDATES = (
    "soffice", "libreoffice",
    "/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
)


def find_libreoffice() -> str | None:
    """The LibreOffice program (``soffice``), or None when it is not installed."""
    for name in _CANDIDATES:
        found = shutil.which(name) or (name if os.path.isabs(name) and os.path.isfile(name) else None)
        if found:
            return found
    return None


GUARD_FLAG = "--cq-pdf-guard"  # the frozen app runs the guard when started with this first


def program_command(command: list[str], work: str) -> list[str]:
    """``command`` as run: on POSIX through the guard (engine/export/pdf_guard.py), which kills
    LibreOffice and removes ``work`` if this process dies, even by kill -9; on Windows as is."""
    if os.name != "posix":
        return command
    if getattr(sys, "frozen", False):  # the packaged app: its own executable runs the guard
        guard = [sys.executable, GUARD_FLAG]
    else:
        guard = [sys.executable, str(Path(__file__).with_name("pdf_guard.py"))]
    return [*guard, str(os.getpid()), work, *command]


def _run(command: list[str], timeout: float) -> tuple[int, str]:
    """Run ``command`` in a process group of its own; (exit code, what it said). On a timeout,
    or anything else that stops the wait, the whole group is killed, LibreOffice with it."""
    posix = os.name == "posix"
    process = subprocess.Popen(
        command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        text=True, start_new_session=posix,
        creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0) if sys.platform == "win32" else 0)
    try:
        output, _ = process.communicate(timeout=timeout)
    except BaseException:
        _kill(process, posix)
        process.communicate()
        raise
    return process.returncode, output


def _kill(process: subprocess.Popen[str], group: bool) -> None:
    try:
        if group:
            os.killpg(process.pid, signal.SIGKILL)  # the guard leads its group
        else:
            process.kill()
    except (ProcessLookupError, PermissionError):
        pass


def xlsx_to_pdf(xlsx: Path, target: Path, *, soffice: str | None = None) -> Path:
    """Render ``xlsx`` to ``target`` (.pdf) with LibreOffice headless; replace ``target`` atomically.

    Raises ExportError with one line when LibreOffice is missing, fails or takes too long.
    """
    target = Path(target)
    if target.suffix.lower() != ".pdf":
        raise ExportError(f"cannot write {target}: the file name must end in .pdf")
    if not target.parent.is_dir():
        raise ExportError(f"cannot write {target}: folder {target.parent} does not exist")
    problem = output_problem(target)
    if problem:
        raise ExportError(f"cannot write {target}: {problem}")
    program = soffice or find_libreoffice()
    if program is None:
        raise ExportError("cannot write a PDF: LibreOffice is not installed "
                          "(install it, or use Export PDF in the app)")
    with tempfile.TemporaryDirectory(prefix="cq-pdf-") as work:
        folder = Path(work)
        # A profile of its own: a LibreOffice the user has open does not block this one.
        profile = (folder / "profile").as_uri()
        command = [program, f"-env:UserInstallation={profile}", "--headless", "--norestore",
                   "--convert-to", "pdf", "--outdir", str(folder), str(Path(xlsx).resolve())]
        try:
            returncode, output = _run(program_command(command, work), TIMEOUT_S)
        except subprocess.TimeoutExpired:
            raise ExportError(f"cannot write {target}: LibreOffice took over {TIMEOUT_S} s") from None
        except OSError as exc:
            raise ExportError(f"cannot write {target}: cannot run LibreOffice ({exc.strerror})") from None
        if returncode == 127 and output.startswith("cannot run LibreOffice"):  # said by the guard
            raise ExportError(f"cannot write {target}: {output.strip()}")
        made = folder / (Path(xlsx).stem + ".pdf")
        if returncode != 0 or not made.exists():
            why = " ".join((output or "no output").split())[:200]
            raise ExportError(f"cannot write {target}: LibreOffice failed ({why})")
        try:
            write_atomically(target, lambda tmp: shutil.copyfile(made, tmp),
                             prefix=f".~{target.stem[:40]}-", suffix=".pdf.tmp")
        except OSError as exc:
            raise ExportError(f"cannot write {target}: {exc.strerror or exc}") from None
    return target

