"""An app killed with kill -9 during a PDF export leaves no LibreOffice running and no work
folder behind: a real process tree is started and its parent killed outright."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from engine.export.pdf import find_libreoffice, xlsx_to_pdf
from engine.export.safe import ExportError

linux = pytest.mark.skipif(not sys.platform.startswith("linux"),
                           reason="reads the process table from /proc")
WAIT_S = 60  # a generous bound for a machine under load: this waits for an event, times nothing


def _processes_mentioning(marker: str) -> list[int]:
    """Processes whose command line holds ``marker`` (a path unique to the test)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            state = next((line for line in (entry / "status").read_text().splitlines()
                          if line.startswith("State:")), "")
        except OSError:
            continue
        if marker in cmdline and "zombie" not in state:
            found.append(int(entry.name))
    return found


def _until(condition, what: str) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + WAIT_S
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"still waiting after {WAIT_S} s: {what}")
        time.sleep(0.1)


def _app_exporting(tmp_path: Path, soffice: str, xlsx: Path) -> subprocess.Popen[bytes]:
    """A Python process standing for the app: it exports ``xlsx`` to PDF with ``soffice``,
    its temporary folders under ``tmp_path`` (so the test finds them and their processes)."""
    script = textwrap.dedent(f"""
        from pathlib import Path
        from engine.export.pdf import xlsx_to_pdf
        xlsx_to_pdf(Path({str(xlsx)!r}), Path({str(tmp_path / "out.pdf")!r}), soffice={soffice!r})
    """)
    env = {**os.environ, "TMPDIR": str(tmp_path / "tmp")}
    (tmp_path / "tmp").mkdir()
    return subprocess.Popen([sys.executable, "-c", script], env=env,
                            cwd=Path(__file__).resolve().parents[2])


def _parents() -> dict[int, int]:
    """Every live process's parent, from /proc/<pid>/stat (zombies left out)."""
    out = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            fields = stat[stat.rindex(")") + 2:].split()  # after the command's name
            if fields[0] != "Z":
                out[int(entry.name)] = int(fields[1])
    return out


def _descendants(root: int) -> set[int]:
    parents = _parents()
    found, grew = {root}, True
    while grew:
        more = {pid for pid, parent in parents.items() if parent in found} - found
        found |= more
        grew = bool(more)
    return found - {root}


def _alive(pid: int) -> bool:
    return pid in _parents()


def _kill_app_and_check(tmp_path: Path, app: subprocess.Popen[bytes], at_least: int) -> None:
    """Wait for the export's process tree to grow to ``at_least`` processes below the app,
    kill the app with SIGKILL, and see every one of them end and the work folder go."""
    _until(lambda: len(_descendants(app.pid)) >= at_least,
           f"{at_least} processes of the export started")
    tree = _descendants(app.pid)
    assert list((tmp_path / "tmp").glob("cq-pdf-*"))  # the work folder exists meanwhile
    os.kill(app.pid, signal.SIGKILL)
    app.wait()
    _until(lambda: not [pid for pid in tree if _alive(pid)],
           f"the export's processes gone: {[pid for pid in tree if _alive(pid)]}")
    _until(lambda: not list((tmp_path / "tmp").glob("cq-pdf-*")), "the work folder removed")
    assert not (tmp_path / "out.pdf").exists()


@linux
def test_a_converter_and_its_children_die_with_the_app(tmp_path: Path) -> None:
    """A stand-in converter that starts a child of its own and never finishes, as soffice
    starts oosplash and soffice.bin: the guard, the script and both sleeps go with the app."""
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\nsleep 600 &\nsleep 601\n")
    fake.chmod(0o755)
    xlsx = tmp_path / "book.xlsx"
    xlsx.write_bytes(b"")
    app = _app_exporting(tmp_path, str(fake), xlsx)
    _kill_app_and_check(tmp_path, app, at_least=4)


@linux
@pytest.mark.skipif(find_libreoffice() is None, reason="LibreOffice is not installed")
def test_libreoffice_dies_with_the_app_killed_mid_export(tmp_path: Path) -> None:
    from engine import PlanRequest, Schedule, Workload, compare
    from engine.export import write_quote

    xlsx = write_quote(compare(PlanRequest(Workload(preset="gpt3-175b"), Schedule(days=30))),
                       tmp_path / "quote.xlsx")
    program = find_libreoffice()
    assert program is not None
    app = _app_exporting(tmp_path, program, xlsx)
    # the guard, soffice (oosplash) and soffice.bin
    _kill_app_and_check(tmp_path, app, at_least=3)


@linux
def test_a_finished_export_leaves_nothing_running(tmp_path: Path) -> None:
    """The guard passes the converter's exit and output through and ends with it."""
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\necho 'no such sheet' >&2\nexit 3\n")
    fake.chmod(0o755)
    xlsx = tmp_path / "book.xlsx"
    xlsx.write_bytes(b"")
    with pytest.raises(ExportError, match=r"LibreOffice failed \(no such sheet\)"):
        xlsx_to_pdf(xlsx, tmp_path / "out.pdf", soffice=str(fake))
    with pytest.raises(ExportError, match=r"cannot run LibreOffice \(No such file"):
        xlsx_to_pdf(xlsx, tmp_path / "out.pdf", soffice=str(tmp_path / "missing"))
    assert not _processes_mentioning(str(fake))
