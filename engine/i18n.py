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
from dataclasses import dataclass
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


@cache
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
    lang = check_lang(lang)
    ident = fluent_id(code)
    compiled = _compiled(lang, ident)
    if isinstance(compiled, str):
        raise MissingText(f"{code!r} has no {compiled} in resources/i18n/{lang}/")
    args = _fluent_args(lang, params)
    if compiled is not None:
        text = _fill(compiled, args, lang)
        if text is not None:
            return text
    return _format(code, ident, lang, args)


def _fluent_args(lang: str, params: Mapping[str, object]) -> dict[str, object]:
    """The parameters as Fluent takes them, a language's own (``server_zh``) in place."""
    suffix = f"_{lang}"
    own = {k.removesuffix(suffix): v for k, v in params.items() if k.endswith(suffix)}
    return {k: _arg(v) for k, v in ({**params, **own} if own else params).items()}


def _format(code: str, ident: str, lang: Lang, args: dict[str, object]) -> str:
    """Fluent's own formatting: the reference the compiled sentences follow, and the path for
    an entry or a parameter they leave to it (and for its errors)."""
    from fluent.runtime import FluentBundle

    bundle = cast(FluentBundle, _bundle(lang))
    pattern = bundle.get_message(ident).value
    assert pattern is not None  # _compiled refused an entry without a value
    text, errors = bundle.format_pattern(pattern, args)
    if errors:
        raise ValueError(f"{code!r} in {lang}: {errors[0]}")
    return cast(str, text)


# ---------------------------------------------------------------- compiled sentences
#
# A comparison writes a few hundred sentences, and Fluent's resolver (a tree walk with an
# environment per call) and Babel's number patterns were a fifth of its time. A sentence made
# of text, placeholders, NUMBER() calls with literal options and selections on a placeholder
# is compiled once to parts filled by plain Python; each figure is still formatted by Fluent's
# own number type (the same Babel pattern), and kept for the next sentence that prints it. Any
# other construct, or a parameter Fluent would refuse, takes Fluent's path, so the text and
# the errors are Fluent's own (tests/engine/test_i18n_compiled.py compares the two).

_MAX_PART = 2500  # Fluent refuses a placeable longer than this (fluent.runtime.resolver)


@dataclass(frozen=True)
class _Var:
    name: str


@dataclass(frozen=True)
class _Number:
    name: str
    options: tuple[tuple[str, object], ...]


@dataclass(frozen=True)
class _Select:
    selector: _Var | _Number
    keys: tuple[object, ...]  # a variant's key as Fluent reads it (its name, or its number)
    variants: tuple[tuple[_Part, ...], ...]
    default: int


_Part = str | _Var | _Number | _Select


class _Unsupported(Exception):
    """A construct the compiled sentences leave to Fluent."""


@cache
def _compiled(lang: Lang, ident: str) -> tuple[_Part, ...] | str | None:
    """The parts of the sentence ``ident``; None where Fluent formats it itself; what is
    missing (a text, a value) when the catalogue has no sentence for it."""
    from fluent.runtime import FluentBundle

    bundle = cast(FluentBundle, _bundle(lang))
    if not bundle.has_message(ident):
        return f"{lang} text"
    pattern = bundle.get_message(ident).value
    if pattern is None:
        return "value"
    try:
        return _parts(pattern)
    except _Unsupported:
        return None


def _parts(node: object) -> tuple[_Part, ...]:
    from fluent.runtime import resolver as r

    if isinstance(node, r.Pattern):
        if len(node.elements) > 100:  # Fluent counts parts against a limit: leave it to it
            raise _Unsupported
        return tuple(p for element in node.elements for p in _parts(element))
    if isinstance(node, r.TextElement):
        return (_literal(node.value),)
    if isinstance(node, r.StringLiteral):
        return (_literal(node.parse()["value"]),)
    if isinstance(node, r.Placeable | r.NeverIsolatingPlaceable):
        return (_expression(node.expression),)
    raise _Unsupported


def _literal(text: str) -> str:
    if len(text) > _MAX_PART:
        raise _Unsupported
    return text


def _expression(node: object) -> _Part:
    from fluent.runtime import resolver as r

    if isinstance(node, r.VariableReference):
        return _Var(node.id.name)
    if isinstance(node, r.FunctionReference):
        args = node.arguments
        if (node.id.name != "NUMBER" or len(args.positional) != 1
                or not isinstance(args.positional[0], r.VariableReference)):
            raise _Unsupported
        options = []
        for named in args.named:
            if not isinstance(named.value, r.NumberLiteral | r.StringLiteral):
                raise _Unsupported
            value = named.value.value if isinstance(named.value, r.NumberLiteral) \
                else named.value.parse()["value"]
            options.append((named.name.name, value))
        return _Number(args.positional[0].id.name, tuple(options))
    if isinstance(node, r.SelectExpression):
        selector = _expression(node.selector)
        if not isinstance(selector, _Var | _Number):
            raise _Unsupported
        keys: list[object] = []
        variants: list[tuple[_Part, ...]] = []
        default = -1
        for i, variant in enumerate(node.variants):
            if isinstance(variant.key, r.Identifier):
                keys.append(variant.key.name)
            elif isinstance(variant.key, r.NumberLiteral):
                keys.append(variant.key.value)
            else:
                raise _Unsupported
            variants.append(_parts(variant.value))
            if variant.default:
                default = i
        if default < 0:
            raise _Unsupported
        return _Select(selector, tuple(keys), tuple(variants), default)
    if isinstance(node, r.Placeable):
        return _expression(node.expression)
    raise _Unsupported


class _Refer(Exception):
    """A parameter the compiled sentence leaves to Fluent (missing, or of a type it refuses)."""


def _fill(parts: tuple[_Part, ...], args: dict[str, object], lang: Lang) -> str | None:
    try:
        return "".join(_text(p, args, lang) for p in parts)
    except _Refer:
        return None


def _text(part: _Part, args: dict[str, object], lang: Lang) -> str:
    if isinstance(part, str):
        return part
    if isinstance(part, _Select):
        key = _value(part.selector, args)
        chosen = part.default
        for i, variant_key in enumerate(part.keys):
            if _matches(key, variant_key, lang):
                chosen = i
                break
        text = "".join(_text(p, args, lang) for p in part.variants[chosen])
    else:
        value = args.get(part.name, _MISSING)
        if isinstance(value, str) and isinstance(part, _Var):
            text = value
        elif isinstance(value, int | float | Decimal) and not isinstance(value, bool):
            return _figure(lang, value, part.options if isinstance(part, _Number) else ())
        else:
            raise _Refer
    if len(text) > _MAX_PART:
        raise _Refer
    return text


_MISSING = object()


def _value(selector: _Var | _Number, args: dict[str, object]) -> object:
    """The selector's value as Fluent compares it with the variants' keys."""
    from fluent.runtime.types import fluent_number
    from fluent.runtime.utils import native_to_fluent

    value = args.get(selector.name, _MISSING)
    if isinstance(value, bool) or not isinstance(value, str | int | float | Decimal):
        raise _Refer
    if isinstance(selector, _Number):
        if isinstance(value, str):
            raise _Refer
        try:
            return fluent_number(native_to_fluent(value), **dict(selector.options))
        except Exception:
            raise _Refer from None
    return native_to_fluent(value)


def _matches(key: object, variant_key: object, lang: Lang) -> bool:
    from fluent.runtime.resolver import ResolverEnvironment, match

    return bool(match(key, variant_key, cast("ResolverEnvironment", _plural_env(lang))))


@cache
def _plural_env(lang: Lang) -> object:
    """What Fluent's variant matching reads: the bundle's plural rules."""
    from fluent.runtime import FluentBundle
    from fluent.runtime.resolver import ResolverEnvironment

    return ResolverEnvironment(context=cast(FluentBundle, _bundle(lang)), errors=[])


_FIGURES: dict[tuple[object, ...], str] = {}
_FIGURES_MAX = 16384


def _figure(lang: Lang, value: int | float | Decimal,
            options: tuple[tuple[str, object], ...]) -> str:
    """``value`` formatted as Fluent formats the placeholder (NUMBER with ``options``, or
    plain); the repr keeps 1, 1.0 and Decimal("1.00") apart."""
    key = (lang, type(value), repr(value), options)
    text = _FIGURES.get(key)
    if text is None:
        from fluent.runtime import FluentBundle
        from fluent.runtime.types import fluent_number
        from fluent.runtime.utils import native_to_fluent

        try:
            number = fluent_number(native_to_fluent(value), **dict(options))
        except Exception:
            raise _Refer from None
        text = number.format(cast(FluentBundle, _bundle(lang))._babel_locale)
        if len(_FIGURES) >= _FIGURES_MAX:
            _FIGURES.clear()
        _FIGURES[key] = text
    return text


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
