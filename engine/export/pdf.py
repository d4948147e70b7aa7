"""The quote as PDF, rendered by LibreOffice when it is installed.

LibreOffice prints the workbook with its own page set-up (repeated header rows,
fit to width, header and footer), so the PDF is the document the buyer would print.
The desktop app falls back on Qt where LibreOffice is missing; the engine never
imports Qt, so here a missing LibreOffice is an ExportError that says so.
"""

from __future__ import annotations

import os
import shutil
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
            done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_S,
                                  check=False, stdin=subprocess.DEVNULL,
                                  creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0)
                                  if sys.platform == "win32" else 0)
        except subprocess.TimeoutExpired:
            raise ExportError(f"cannot write {target}: LibreOffice took over {TIMEOUT_S} s") from None
        except OSError as exc:
            raise ExportError(f"cannot write {target}: cannot run LibreOffice ({exc.strerror})") from None
        made = folder / (Path(xlsx).stem + ".pdf")
        if done.returncode != 0 or not made.exists():
            why = " ".join((done.stderr or done.stdout or "no output").split())[:200]
            raise ExportError(f"cannot write {target}: LibreOffice failed ({why})")
        try:
            write_atomically(target, lambda tmp: shutil.copyfile(made, tmp),
                             prefix=f".~{target.stem[:40]}-", suffix=".pdf.tmp")
        except OSError as exc:
            raise ExportError(f"cannot write {target}: {exc.strerror or exc}") from None
    return target

