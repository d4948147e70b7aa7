"""Desktop tests run offscreen, with settings, drafts and prices in a temporary folder."""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before Qt is imported anywhere

from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture
def settings(qapp: object, data_dir: Path):  # type: ignore[no-untyped-def]
    from desktop.settings import Settings

    s = Settings()
    s.language = "en"
    return s


def _settle(window) -> None:  # type: ignore[no-untyped-def]
    """Before pytest-qt closes a main window: no "save changes?" question, no work in flight."""
    window.planner.wait()
    window.session.mark_clean()


@pytest.fixture
def add_window(qtbot):  # type: ignore[no-untyped-def]
    """Register a main window with qtbot so that it closes quietly after the test."""

    def add(window):  # type: ignore[no-untyped-def]
        qtbot.addWidget(window, before_close_func=_settle)
        return window

    return add


@pytest.fixture
def window(add_window, settings) -> Iterator[object]:  # type: ignore[no-untyped-def]
    from desktop.main_window import MainWindow

    w = add_window(MainWindow(settings))
    w.show()
    yield w


@pytest.fixture
def wait_planned(qtbot):  # type: ignore[no-untyped-def]
    """Wait for a window's planner to deliver a result or an error."""

    def wait(window, timeout: int = 20_000) -> None:  # type: ignore[no-untyped-def]
        qtbot.waitUntil(lambda: not window.planner.busy, timeout=timeout)

    return wait
