"""Files the GUI writes itself: plan files and the autosaved draft, through QSaveFile.

QSaveFile writes to a temporary file and renames it over the target on commit,
so a crash or a full disk never leaves half a plan behind.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from pathlib import Path

from PySide6.QtCore import QIODevice, QSaveFile

from engine.bounds import check_quote_heading, check_request
from engine.errors import RequestError
from engine.model import PlanRequest
from engine.money.snapshot import PriceSnapshot
from engine.planfile import PlanDocument, PlanFileError, load_plan_document, plan_file_text
from engine.safeio import DATA_ERRORS, data_error_message
from engine.user_catalog import UserEntries

DRAFT_NAME = "draft.cqplan"


class SaveError(OSError):
    """A file could not be written; the message says which and why."""


def write_text(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` atomically (QSaveFile); SaveError on failure."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:  # a file in the way, no permission, a read-only disk
        reason = exc.strerror or type(exc).__name__
        raise SaveError(f"cannot write {path}: cannot create the folder {path.parent}: {reason}") from None
    out = QSaveFile(str(path))
    if not out.open(QIODevice.OpenModeFlag.WriteOnly):
        raise SaveError(f"cannot write {path}: {out.errorString()}")
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: refused at the door, so a bug if it gets here
        raise SaveError(f"cannot write {path.name}: it holds text that is not plain text (a lone "
                        "surrogate); retype the customer, quote number and line descriptions") from None
    if out.write(data) != len(data):
        message = out.errorString()
        out.cancelWriting()
        raise SaveError(f"cannot write {path}: {message}")
    if not out.commit():
        raise SaveError(f"cannot write {path}: {out.errorString()}")


def write_plan(
    path: Path, request: PlanRequest, *, customer: str = "", quote_no: str = "",
    snapshot: PriceSnapshot | None = None, entries: UserEntries | None = None,
) -> None:
    """Write a plan file; SaveError for one that could not be opened again (a value out of bounds)."""
    try:
        check_request(request)
        check_quote_heading(customer, quote_no)
        text = plan_file_text(request, name=path.name, customer=customer, quote_no=quote_no,
                              snapshot=snapshot, entries=entries)
    except RequestError as exc:  # in the GUI's language, from the catalogue
        from desktop.messages import request_error_text, speaks_chinese
        from engine.i18n import t

        raise SaveError(t("request.cannot-save", "zh" if speaks_chinese() else "en",
                          name=path.name, why=request_error_text(exc))) from None
    except PlanFileError as exc:  # larger than a plan may be to open again
        raise SaveError(str(exc)) from None
    write_text(path, text)


class DraftStore:
    """The plan being worked on, saved after every change and removed on a clean exit."""

    def __init__(self, folder: Path | None = None) -> None:
        if folder is None:
            from engine.money.prices import user_data_dir

            folder = user_data_dir()
        self.path = folder / DRAFT_NAME
        self.set_aside: Path | None = None  # where load() moved a draft it could not read
        self.problem = ""  # and why it could not

    def save(
        self, request: PlanRequest, *, customer: str = "", quote_no: str = "",
        snapshot: PriceSnapshot | None = None, entries: UserEntries | None = None,
    ) -> None:
        # A draft is a courtesy: failing to write one must not stop the work.
        with contextlib.suppress(OSError):
            write_plan(self.path, request, customer=customer, quote_no=quote_no, snapshot=snapshot,
                       entries=entries)

    def load(self) -> PlanDocument | None:
        """The draft left by a session that did not end cleanly, if it can be read.

        A draft that cannot be read is moved aside (never deleted: it may hold the only
        copy of an afternoon's work) and ``set_aside`` and ``problem`` say where and why.
        """
        if not os.path.lexists(self.path):
            return None
        try:
            return load_plan_document(self.path)
        except DATA_ERRORS as exc:  # whatever makes a draft unreadable sets it aside
            self.problem = data_error_message(exc, self.path.name)
            self.set_aside = self._move_aside()
            return None

    def _move_aside(self) -> Path | None:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        target = self.path.with_name(f"draft-unreadable-{stamp}{self.path.suffix}")
        try:
            os.replace(self.path, target)
        except OSError:
            with contextlib.suppress(OSError):
                self.clear()  # cannot move it: at least do not trip over it at every start
            return None
        return target

    def clear(self) -> None:
        self.path.unlink(missing_ok=True)
