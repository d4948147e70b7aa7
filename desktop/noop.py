"""QT_TRANSLATE_NOOP typed for what it returns: its text.

PySide6 declares QtCore's QT_TRANSLATE_NOOP as returning ``object``, so every table of
marked words would need a cast. lupdate finds the marks by the name, wherever it is
imported from.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:
    """Mark ``source`` for translation in ``context``; translate it where it is shown."""
    return source
