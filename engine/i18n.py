"""The language catalogue: every sentence the engine, its documents and the GUI show people.

Words live in resources/i18n/<lang>/*.ftl (Project Fluent syntax), one file per area and one
directory per language; a sentence is one entry in each language, with named placeholders
(``{ $gpus }``). Code names a sentence by its code ("quote.title", "msg.air-rack-limit") and
its parameters; ``t(code, lang, **params)`` renders it. Fluent identifiers cannot hold dots,
so a code's dots are written as hyphens in the files ("quote.title" is ``quote-title``).

Numbers passed as parameters print the language's way: thousands grouped, at most three
decimals, unless the entry asks for a format (``{ NUMBER($kw, maximumFractionDigits: 0) }``,
``{ NUMBER($share, style: "percent") }``); pass a year or an identifier as a string.
``number()`` and ``day()`` format figures for code that builds its own cells.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping
from decimal import Decimal
from functools import cache
from typing import Literal, cast

from engine.resources import resource_path

Lang = Literal["en", "zh"]
LANGS: tuple[Lang, ...] = ("en", "zh")
_LOCALES: dict[Lang, str] = {"en": "en-US", "zh": "zh-CN"}

Param = str | int | float
Params = tuple[tuple[str, Param], ...]


class MissingText(KeyError):
    """A code with no sentence in a language's catalogue."""


def fluent_id(code: str) -> str:
    """The catalogue identifier of ``code`` (Fluent allows no dots in an identifier)."""
    return code.replace(".", "-")


def check_lang(lang: str) -> Lang:
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {', '.join(LANGS)}, not {lang!r}")
    return lang  # type: ignore[return-value,unused-ignore]  # checked against LANGS above


@cache
def _sources(lang: Lang) -> tuple[tuple[str, str], ...]:
    """(file name, text) of each catalogue file of ``lang``, in name order."""
    folder = resource_path("i18n", lang)
    files = sorted((p for p in folder.iterdir() if p.name.endswith(".ftl")), key=lambda p: p.name)
    return tuple((p.name, p.read_text(encoding="utf-8")) for p in files)


@cache
def _bundle(lang: Lang) -> object:
    from fluent.runtime import FluentBundle, FluentResource
    from fluent.syntax import ast

    bundle = FluentBundle([_LOCALES[lang]], use_isolating=False)
    seen: dict[str, str] = {}
    for name, text in _sources(lang):
        resource = FluentResource(text)
        for entry in resource.body:
            if isinstance(entry, ast.Junk):
                bad = (entry.content or "")[:80]
                raise ValueError(f"resources/i18n/{lang}/{name}: cannot read {bad!r}")
            if isinstance(entry, ast.Message):
                ident = entry.id.name
                if ident in seen:
                    raise ValueError(
                        f"resources/i18n/{lang}/{name}: {ident} is also in {seen[ident]}"
                    )
                seen[ident] = name
        bundle.add_resource(resource)
    return bundle


@cache
def _entries(lang: Lang) -> dict[str, frozenset[str]]:
    """Catalogue identifier -> the names of its placeholders, for ``lang``."""
    from fluent.syntax import FluentParser, ast
    from fluent.syntax.visitor import Visitor

    class Names(Visitor):
        def __init__(self) -> None:
            super().__init__()
            self.found: set[str] = set()

        def visit_VariableReference(self, node: ast.VariableReference) -> None:
            self.found.add(node.id.name)

    out: dict[str, frozenset[str]] = {}
    for _, text in _sources(lang):
        for entry in FluentParser().parse(text).body:
            if isinstance(entry, ast.Message):
                names = Names()
                names.visit(entry)
                out[entry.id.name] = frozenset(names.found)
    return out


def codes(lang: Lang) -> frozenset[str]:
    """The catalogue identifiers of ``lang`` (hyphenated, as in the files)."""
    return frozenset(_entries(lang))


def placeholders(code: str, lang: Lang) -> frozenset[str]:
    """The parameter names the entry ``code`` of ``lang`` fills in."""
    return _entries(lang)[fluent_id(code)]


def has(code: str, lang: Lang = "en") -> bool:
    return fluent_id(code) in codes(lang)


def fills(code: str, lang: Lang, names: Iterable[str]) -> bool:
    """Whether ``code`` is in ``lang``'s catalogue and ``names`` cover its placeholders."""
    return has(code, lang) and placeholders(code, lang) <= {n.removesuffix(f"_{lang}") for n in names}


def _arg(value: object) -> object:
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and math.isfinite(value):
        # the float's exact value: rounds as Python's own formatting does (12.35 is 12.3499...)
        return Decimal(value)
    return value if isinstance(value, str | int | float) else str(value)


def t(code: str, lang: str, /, **params: object) -> str:
    """The sentence ``code`` in ``lang`` with ``params`` filled in. A parameter named for a
    language (``server_zh``) stands for the plain one (``server``) in that language: a catalog
    record's own name in Chinese.

    A code missing from the catalogue, or a placeholder left without its parameter, is a
    bug and raises (tests check every code the engine uses has both languages)."""
    from fluent.runtime import FluentBundle

    bundle = cast(FluentBundle, _bundle(check_lang(lang)))
    ident = fluent_id(code)
    if not bundle.has_message(ident):
        raise MissingText(f"{code!r} has no {lang} text in resources/i18n/{lang}/")
    pattern = bundle.get_message(ident).value
    if pattern is None:
        raise MissingText(f"{code!r} has no value in resources/i18n/{lang}/")
    own = {k.removesuffix(f"_{lang}"): v for k, v in params.items() if k.endswith(f"_{lang}")}
    args = {k: _arg(v) for k, v in (params | own).items()}
    text, errors = bundle.format_pattern(pattern, args)
    if errors:
        raise ValueError(f"{code!r} in {lang}: {errors[0]}")
    return cast(str, text)


def get(code: str, lang: str, default: str, /, **params: object) -> str:
    """``t`` for a code that may be absent (a catalogue key built from data, such as an
    assumption key); ``default`` when it is."""
    return t(code, lang, **params) if has(code, check_lang(lang)) else default


def params_of(params: Mapping[str, object]) -> Params:
    """Parameters as a message stores them: sorted pairs of plain values (hashable, JSON-able)."""
    out: list[tuple[str, Param]] = []
    for key, value in sorted(params.items()):
        if not isinstance(value, str | int | float):
            value = str(value)
        out.append((key, value))
    return tuple(out)


def render(code: str, params: Iterable[tuple[str, object]], lang: str) -> str:
    """A stored message (code and parameter pairs) in ``lang``."""
    return t(code, lang, **dict(params))


def number(value: float, lang: str, digits: int = 0) -> str:
    """``value`` with ``digits`` decimals and the language's thousands grouping."""
    from babel.numbers import format_decimal

    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    locale = _LOCALES[check_lang(lang)].replace("-", "_")
    return format_decimal(value, format=pattern, locale=locale)


def day(value: dt.date, lang: str) -> str:
    """A calendar date: ISO in English documents, 年月日 in Chinese ones."""
    if check_lang(lang) == "zh":
        return f"{value.year}年{value.month}月{value.day}日"
    return value.isoformat()
