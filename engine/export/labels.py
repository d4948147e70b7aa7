"""Words of the quote documents: the language catalogue (engine/i18n.py,
resources/i18n/<lang>/*.ftl) with the fallbacks a workbook needs.

The engine returns codes and figures; ``Labels`` turns them into words for people. A code
missing from the catalogue raises; assumption keys and values built from data fall back to
the key itself (a test checks every key the engine writes has a label in both languages).
"""

from __future__ import annotations

from engine.i18n import Lang, check_lang, fills, get, has, t
from engine.model import Message

__all__ = ["Labels", "Lang"]


class Labels:
    """The catalogue of one language, with the fallbacks the workbook needs."""

    def __init__(self, lang: str) -> None:
        self.lang: Lang = check_lang(lang)
        self.titles: dict[str, str] = {}  # configuration id -> its title in this document

    def __call__(self, key: str, **fields: object) -> str:
        return t(key, self.lang, **fields)

    def has(self, key: str) -> bool:
        return has(key, self.lang)

    def category(self, category: str) -> str:
        return get(f"cat.{category}", self.lang, category)

    def key(self, key: str) -> str:
        """A label for an assumption or request key such as "finance.vat" or "pue_air"."""
        whole = f"key.{key.removeprefix('facility.').removeprefix('finance.')}"
        if has(whole, self.lang):
            return t(whole, self.lang)
        name = key.rsplit(".", 1)[-1]
        plain = name.removesuffix("_cny").removesuffix("_usd")
        for candidate in (plain, name.split("_", 1)[0]):
            if has(f"key.{candidate}", self.lang):
                text = t(f"key.{candidate}", self.lang)
                return text if candidate == plain else f"{text} ({name})"
        return key

    def origin(self, origin: str) -> str:
        return get(f"origin.{origin}", self.lang, origin)

    def value(self, value: object) -> str:
        text = str(value)
        return get(f"value.{text}", self.lang, text)

    def message(self, code: str, text: str, params: tuple[tuple[str, object], ...] = ()) -> str:
        """An engine message in this language: the whole sentence from the catalogue when the
        engine made it with its figures; else, in Chinese, the gist of a known code followed
        by the engine's detail."""
        if fills(Message.entry(code), self.lang, (k for k, _ in params)):
            return t(Message.entry(code), self.lang, **dict(params))
        gist = get(f"msg.{code}", self.lang, "")
        if self.lang == "zh" and gist:
            return f"{gist}（{text}）"
        return text

    def say(self, message: Message) -> str:
        """``message`` in this language."""
        return self.message(message.code, message.text, message.params)

    def notes(self, notes: tuple[Message, ...], fallback: str = "") -> str:
        """Notes on a line or an assumption in this language; ``fallback`` (a note written as
        text, such as a vendor quotation's) when there are none."""
        if not notes:
            return fallback
        return ("；" if self.lang == "zh" else "; ").join(self.say(n) for n in notes)

    def gist(self, code: str) -> str:
        """A warning's gist without its figures ("" for a code with none)."""
        gist = get(f"msg.{code}", self.lang, "")
        return gist[:1].upper() + gist[1:] if self.lang == "en" else gist

    def yes_no(self, flag: bool) -> str:
        return self("yes") if flag else self("no")
