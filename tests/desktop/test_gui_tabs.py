"""Every tab of the comparison window can be seen and clicked at the default window size."""

from __future__ import annotations

import pytest

from tests.shared import GPT3_30_DAYS


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_every_tab_lies_inside_the_tab_bar_at_the_default_size(
    qtbot, add_window, settings, wait_planned, language  # type: ignore[no-untyped-def]
) -> None:
    from PySide6.QtWidgets import QApplication

    from desktop.i18n import install_translators
    from desktop.main_window import MainWindow

    app = QApplication.instance()
    settings.language = language
    install_translators(app, language)
    try:
        window = add_window(MainWindow(settings))
        window.show()
        window.set_request(GPT3_30_DAYS)  # the comparison page, with the assumptions dock beside it
        wait_planned(window)
        qtbot.waitUntil(lambda: window.dock.isVisible())
        app.processEvents()
        bar = window.tabs.tabBar()
        inside = bar.rect()
        for i in range(bar.count()):
            rect = bar.tabRect(i)
            assert inside.contains(rect), (bar.tabText(i), rect, inside)
            # the whole label is shown, not cut to "…"
            assert rect.width() >= bar.fontMetrics().horizontalAdvance(bar.tabText(i)), bar.tabText(i)
    finally:
        install_translators(app, "en")
