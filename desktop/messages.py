"""Words for the engine's codes, from the language catalogue the quote documents read too
(engine/i18n.py, resources/i18n/<lang>/*.ftl).

The engine's warnings, refusals and BOM notes carry a stable code and their figures; the
GUI renders them in its language. The app's own widget texts stay with Qt (tr() and the
.ts file); a sentence lives in one place or the other, never both (tests/desktop check).
"""

from __future__ import annotations

import tomllib
from functools import cache

from PySide6.QtCore import QCoreApplication, QLocale

from desktop import format as fmt
from engine.errors import RequestError
from engine.export import notes
from engine.export.labels import Labels
from engine.i18n import t
from engine.model import BomLine, ComputeNeed, Message, Workload
from engine.resources import resource_path


def _lang(translated: bool) -> str:
    return "zh" if translated else "en"


def catalogue_text(code: str, **params: object) -> str:
    """A sentence of the language catalogue in the GUI's language."""
    return t(code, "zh" if speaks_chinese() else "en", **params)


def message_text(message: Message, *, translated: bool) -> str:
    """An engine message in the GUI's language, from the catalogue (resources/i18n/): its whole
    sentence with its figures; a code the engine still sends as text shows its gist and the
    engine's English."""
    return Labels(_lang(translated)).say(message)


def workload_label(need: ComputeNeed, workload: Workload) -> str:
    """ "GPT-3 175B (174.6B parameters, 300B tokens)" in the GUI's language."""
    preset_name = None
    if workload.preset is not None:
        from engine.compute.workload import load_presets

        preset = load_presets().get(workload.preset)
        preset_name = preset_text(preset.id, preset.name, preset.source)[0] if preset else workload.preset
    if workload.flops is not None:
        return f"{fmt.sci(workload.flops)} FLOPs"
    if need.params is not None and need.tokens is not None:
        sizes = (
            QCoreApplication.translate("Messages", "%1 parameters, %2 tokens")
            .replace("%1", fmt.count(need.params))
            .replace("%2", fmt.count(need.tokens))
        )
        return f"{preset_name} ({sizes})" if preset_name else sizes
    if preset_name:
        return preset_name
    return QCoreApplication.translate("Messages", "%1 PF/s-days").replace(
        "%1", fmt.number(need.pf_days, 1 if need.pf_days < 100 else 0)
    )


def note_text(line: BomLine, *, translated: bool) -> str:
    """A BOM line's notes in the GUI's language (a note written as text is shown as written)."""
    return Labels(_lang(translated)).notes(line.notes, line.note)


def component_text(text: str, *, translated: bool) -> str:
    """A part of a configured system in the GUI's language: its counted words re-worded."""
    return notes.component_in(_lang(translated), text)


def speaks_chinese() -> bool:
    """True when the GUI speaks Chinese (desktop.i18n sets the default locale with the translators)."""
    return QLocale().language() == QLocale.Language.Chinese


@cache
def _presets_zh() -> dict[str, dict[str, str]]:
    with resource_path("workloads.toml").open("rb") as fh:
        data = tomllib.load(fh)
    return {p["id"]: {k: p[k] for k in ("name_zh", "source_zh") if k in p} for p in data.get("presets", [])}


def preset_text(preset_id: str, name: str, source: str) -> tuple[str, str]:
    """A preset's name and source in the GUI's language (resources/workloads.toml keeps both)."""
    if not speaks_chinese():
        return name, source
    zh = _presets_zh().get(preset_id, {})
    return zh.get("name_zh", name), zh.get("source_zh", source)


def default_note(key: str) -> str:
    """Where a default (resources/assumptions.toml) comes from, in the GUI's language."""
    from engine.assumptions import default_note as note

    return note(key, "zh" if speaks_chinese() else "en")


def list_text(items: list[str]) -> str:
    """Names in a row, with the separator of the GUI's language (", " or "、")."""
    return QCoreApplication.translate("Messages", ", ").join(items)


def request_error_text(exc: RequestError) -> str:
    """An engine refusal of a request field in the GUI's language: the field, the value and
    what is allowed (resources/i18n/<lang>/request.ftl)."""
    return exc.text("zh" if speaks_chinese() else "en")


def request_allowed_text(exc: RequestError) -> str:
    """What the refused field allows, in the GUI's language: shown beside the field itself."""
    return exc.allowed_in("zh" if speaks_chinese() else "en")


def error_text(exc: BaseException) -> str:
    """An engine error in the GUI's language where the engine words it from the catalogue
    (a refused request field, an implausible price, a rack refusal); its own text otherwise."""
    from engine.errors import SaidError

    if isinstance(exc, RequestError):
        return request_error_text(exc)
    if isinstance(exc, SaidError):
        return exc.text("zh" if speaks_chinese() else "en")
    return str(exc)
