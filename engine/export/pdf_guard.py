"""A watchdog between the app and LibreOffice: LibreOffice and its work folder go when the app
goes, even by ``kill -9``.

LibreOffice's ``soffice`` starts ``oosplash``, which starts ``soffice.bin``: a signal to the
first reaches none of the others, and a parent killed outright sends none at all. So the app
runs LibreOffice through this small program, which

- puts itself and every process LibreOffice starts in a process group of their own;
- asks the kernel for SIGTERM when the app dies (Linux: prctl PR_SET_PDEATHSIG), and on any
  POSIX system also notices the app is gone (its parent becomes another process);
- then kills the whole group, and a cleaner outside it removes the work folder once the
  group is gone.

Run as ``python pdf_guard.py APP_PID WORK_FOLDER COMMAND...``; exits with LibreOffice's code.
It imports nothing of the app (it starts in a few milliseconds), and is a no-op on Windows,
where the app runs LibreOffice directly.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time

PR_SET_PDEATHSIG = 1  # linux/prctl.h
POLL_S = 0.2  # how often the app's presence is checked where the kernel does not signal
CLEAN_S = 10.0  # how long the cleaner waits for the killed group to be gone (a zombie
# nobody reaps, as in a container without init, keeps a group alive)


def die_with_parent(sig: int = signal.SIGTERM) -> bool:
    """Ask the Linux kernel to send ``sig`` to this process when its parent dies; False where
    it cannot (another system, no libc)."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        return bool(libc.prctl(PR_SET_PDEATHSIG, sig, 0, 0, 0) == 0)
    except (OSError, AttributeError):
        return False


def guard(app_pid: int, work: str, command: list[str]) -> int:
    """Run ``command`` in this process's group; kill the group and remove ``work`` if the app
    (``app_pid``) dies first. Returns the command's exit code."""
    if os.getpgrp() != os.getpid():
        os.setpgrp()  # a group of our own, which LibreOffice's processes inherit
    gone = False

    def parent_gone(_signum: int, _frame: object) -> None:
        nonlocal gone
        gone = True

    signal.signal(signal.SIGTERM, parent_gone)
    die_with_parent(signal.SIGTERM)
    if os.getppid() != app_pid:  # the app died before the kernel was asked
        gone = True
    try:
        child = None if gone else subprocess.Popen(command, stdin=subprocess.DEVNULL)
    except OSError as exc:  # said as the app says it, in one line
        print(f"cannot run LibreOffice ({exc.strerror})", file=sys.stderr)
        return 127
    while child is not None and not gone:
        try:
            code = child.wait(timeout=POLL_S)
        except subprocess.TimeoutExpired:
            gone = gone or os.getppid() != app_pid
            continue
        return code
    # the app is gone: nobody will read the PDF; leave nothing behind. The folder goes only
    # once LibreOffice is dead (a live soffice writes its profile back into it), so a cleaner
    # outside the group outlives the kill and removes it when the group is empty.
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    group = os.getpgrp()
    left, told = os.pipe()
    if os.fork() == 0:
        os.setsid()  # out of the group before it is killed: the parent waits for the word
        os.write(told, b"1")
        deadline = time.monotonic() + CLEAN_S
        while time.monotonic() < deadline:
            try:
                os.killpg(group, 0)
            except ProcessLookupError:
                break
            time.sleep(0.05)
        shutil.rmtree(work, ignore_errors=True)
        os._exit(0)
    os.read(left, 1)
    os.killpg(group, signal.SIGKILL)  # LibreOffice's processes and this one
    return 1  # not reached


def main(argv: list[str]) -> int:
    if len(argv) < 3:
        print("usage: pdf_guard.py APP_PID WORK_FOLDER COMMAND...", file=sys.stderr)
        return 2
    return guard(int(argv[0]), argv[1], argv[2:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
