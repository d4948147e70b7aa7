"""After a crash: temporary files of killed saves removed, an unreadable draft reported."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.files import DraftStore
from engine.money.prices import user_data_dir
from engine.safeio import remove_stale_temp_files


def clean_up_after_a_crash(settings: Any) -> list[Path]:
    """Remove our stale temporary files from the data folder and the folders plans were saved in."""
    folders = {user_data_dir()}
    if settings.last_folder:
        folders.add(Path(settings.last_folder))
    folders.update(Path(name).parent for name in settings.recent_files)
    removed: list[Path] = []
    for folder in sorted(folders):
        removed += remove_stale_temp_files(folder)
    return removed


def tell_about_a_set_aside_draft(parent: QWidget, drafts: DraftStore) -> None:
    """Say that the last session's draft could not be read, why, and where it now is."""
    if not drafts.problem:
        return
    where = (
        QCoreApplication.translate("Recovery", "It was moved to %1.").replace("%1", str(drafts.set_aside))
        if drafts.set_aside is not None
        else QCoreApplication.translate("Recovery", "It could not be moved and was removed.")
    )
    QMessageBox.warning(
        parent,
        QCoreApplication.translate("Recovery", "The last plan could not be restored"),
        QCoreApplication.translate(
            "Recovery", "ClusterQuote did not close properly last time, and the plan it kept "
            "for you cannot be read: %1"
        ).replace("%1", drafts.problem) + "\n\n" + where,
    )
    drafts.problem = ""
