"""Whether Qt can draw the Chinese text of a PDF: on a machine without a CJK font, Qt's PDF
writer leaves every Chinese glyph out without a word, so such a PDF is refused instead.

LibreOffice (the first choice for PDFs) brings its own fallback; only Qt's path is checked.
"""

from __future__ import annotations

import re

from PySide6.QtGui import QFontDatabase

_CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
FONT_HINT = ("install a Chinese font (Noto Sans CJK SC: the package fonts-noto-cjk on Debian and "
             "Ubuntu, google-noto-sans-cjk-fonts on Fedora) or LibreOffice, or export the workbook")


def has_cjk(text: str) -> bool:
    return _CJK.search(text) is not None


def cjk_font_available() -> bool:
    """True when Qt knows a font for Simplified Chinese."""
    return bool(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))


def missing_font_for(text: str) -> str:
    """Why Qt cannot draw ``text`` (Chinese without a Chinese font), or ""."""
    if has_cjk(text) and not cjk_font_available():
        return f"it holds Chinese text and this computer has no Chinese font to draw it; {FONT_HINT}"
    return ""
