"""Defaults for request fields left empty, read from resources/assumptions.toml."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache

from engine.model import Assumption
from engine.resources import resource_path


@dataclass(frozen=True)
class Default:
    value: float
    unit: str
    note: str


@cache
def defaults() -> dict[str, Default]:
    """Every default, keyed "section.name" (e.g. "finance.vat")."""
    with resource_path("assumptions.toml").open("rb") as fh:
        data = tomllib.load(fh)
    out: dict[str, Default] = {}
    for section, entries in data.items():
        for name, entry in entries.items():
            out[f"{section}.{name}"] = Default(
                float(entry["value"]), entry.get("unit", ""), entry.get("note", "")
            )
    return out


def default(key: str) -> Default:
    return defaults()[key]


def default_note(key: str, lang: str) -> str:
    """Where the default ``key`` comes from, in ``lang``. The English note stands beside its
    figure in resources/assumptions.toml (it is the figure's source); other languages word it
    in their catalogue as ``default.<key>`` (resources/i18n/zh/defaults.ftl)."""
    from engine.i18n import check_lang, has, t

    note = default(key).note
    lang = check_lang(lang)
    if lang == "en" or not note or not has(f"default.{key}", lang):
        return note
    return t(f"default.{key}", lang)


def note_in(lang: str, note: str) -> str:
    """A note as an assumption carries it, in ``lang``: a default's own note is worded in the
    catalogue; any other note is returned as given."""
    key = _keys_by_note().get(note)
    return default_note(key, lang) if key is not None else note


def assumption_note(lang: str, assumption: Assumption) -> str:
    """An assumption's note in ``lang``: its catalogue sentence, or a default's own note as
    resources/i18n/<lang>/defaults.ftl words it."""
    if assumption.note_code:
        return assumption.note_in(lang)
    return note_in(lang, assumption.note)


@cache
def _keys_by_note() -> dict[str, str]:
    return {d.note: key for key, d in defaults().items() if d.note}
