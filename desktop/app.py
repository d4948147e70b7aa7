"""Start-up: the QApplication, its translators, and the window that carries the plan."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import QFileOpenEvent, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.i18n import install_translators
from desktop.settings import APPLICATION, ORGANIZATION, Settings
from engine.resources import resource_path

if TYPE_CHECKING:
    from desktop.main_window import MainWindow
    from desktop.session import PlanSession


def has_display() -> bool:
    """False on a Linux machine with no X11 or Wayland display to draw on."""
    if not sys.platform.startswith("linux"):
        return True
    if os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def use_offscreen_without_display() -> None:
    if not has_display():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def create_application(
    argv: list[str], settings_factory: Callable[[], Settings] = Settings, *, language: str | None = None
) -> tuple[QApplication, Settings]:
    """The QApplication (or the existing one), with translators for the chosen language.

    ``language`` overrides the setting for this run only.
    """
    app = QApplication.instance()
    if app is None:
        app = QApplication([sys.argv[0] if sys.argv else "clusterquote", *argv])
    assert isinstance(app, QApplication)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("ClusterQuote")
    icon = QIcon()
    for size in (16, 32, 48, 64, 128, 256):
        path = resource_path("icons", f"clusterquote-{size}.png")
        if path.is_file():
            icon.addFile(str(path))
    app.setWindowIcon(icon)
    settings = settings_factory()
    if language is not None:
        settings.override_language(language)
    install_translators(app, settings.effective_language())
    return app, settings


class Controller:
    """Owns the main window; makes a new one when the language changes."""

    def __init__(self, app: QApplication, settings: Settings) -> None:
        self.app = app
        self.settings = settings
        self.window: MainWindow | None = None

    def make_window(self, session: PlanSession | None = None) -> MainWindow:
        """A main window; with ``session``, it carries on that plan and its undo history."""
        from desktop.main_window import MainWindow

        window = MainWindow(self.settings, session=session)
        window.language_requested.connect(self.switch_language)
        self.window = window
        window.show()
        return window

    def switch_language(self, code: str) -> None:
        old = self.window
        install_translators(self.app, code)
        new = self.make_window(old.session if old is not None else None)
        if old is not None:
            new.setGeometry(old.geometry())
            old.hand_over()
            old.deleteLater()

    def start(self, plan_path: Path | None = None) -> MainWindow:
        """Show the main window with ``plan_path`` (a plan opened from the file manager);
        else restore a crashed session's draft, or open the wizard."""
        from desktop.recovery import clean_up_after_a_crash, tell_about_a_set_aside_draft

        clean_up_after_a_crash(self.settings)
        window = self.make_window()
        if plan_path is not None and window.open_plan(plan_path):
            return window
        document = window.drafts.load()
        tell_about_a_set_aside_draft(window, window.drafts)
        if document is not None:
            answer = QMessageBox.question(
                window,
                QCoreApplication.translate("Controller", "Restore the last plan?"),
                QCoreApplication.translate(
                    "Controller",
                    "ClusterQuote did not close properly last time. Restore the plan you were working on?",
                ),
            )
            if answer == QMessageBox.StandardButton.Yes:
                from desktop import user_systems

                user_systems.set_carried(document.entries)  # the user's systems it stands on
                window.session.open(document.request, customer=document.customer,
                                    quote_no=document.quote_no, snapshot=document.snapshot)
                return window
            window.drafts.clear()
        window.new_plan()
        return window


class FileOpenFilter(QObject):
    """macOS's Finder opens documents by a FileOpen event, not on the command line."""

    def __init__(self, controller: Controller) -> None:
        super().__init__()
        self.controller = controller

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QFileOpenEvent) and self.controller.window is not None:
            self.controller.window.open_plan(Path(event.file()))
            return True
        return super().eventFilter(watched, event)


def run_gui(argv: list[str], *, language: str | None = None, plan_path: Path | None = None) -> int:
    if not has_display():
        print(
            "clusterquote: no display to open the window on (set DISPLAY, or use the command "
            "line: clusterquote --help)",
            file=sys.stderr,
        )
        return 1
    app, settings = create_application(argv, language=language)
    controller = Controller(app, settings)
    file_open = FileOpenFilter(controller)
    app.installEventFilter(file_open)
    controller.start(plan_path)
    if os.environ.get(EXIT_WHEN_SHOWN):  # the start-up benchmark: report, then leave
        QTimer.singleShot(0, lambda: _report_shown(app, controller.window))
    return app.exec()


EXIT_WHEN_SHOWN = "CLUSTERQUOTE_EXIT_WHEN_SHOWN"


def _report_shown(app: QApplication, window: MainWindow | None) -> None:
    wizard = window.wizard if window is not None else None
    shown = wizard is not None and wizard.isVisible()
    print("wizard shown" if shown else "wizard not shown", flush=True)
    if window is not None:
        window.hand_over()
    app.exit(0 if shown else 1)
