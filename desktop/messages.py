"""Words for the engine's codes.

The engine's warnings and refusals carry a stable code and an English sentence
with the figures. In English the GUI shows that sentence; in another language it
shows the translated general sentence for the code (the English one, with its
figures, stays in the tooltip). Unknown codes fall back to the engine's text.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache

from PySide6.QtCore import QCoreApplication, QLocale

from desktop import format as fmt
from desktop.noop import QT_TRANSLATE_NOOP
from engine.export import notes
from engine.model import ComputeNeed, Message, Workload
from engine.resources import resource_path

GENERAL: dict[str, str] = {
    "cooling-kind": QT_TRANSLATE_NOOP(
        "Messages",
        "These servers are not liquid-cooled; direct liquid cooling needs liquid-cooled servers.",
    ),
    "precision": QT_TRANSLATE_NOOP("Messages", "The GPU does not support the chosen precision."),
    "too-large": QT_TRANSLATE_NOOP("Messages", "The deadline would need more than a million GPUs."),
    "fleet-rounded": QT_TRANSLATE_NOOP("Messages", "The fleet was rounded up to whole servers."),
    "memory": QT_TRANSLATE_NOOP(
        "Messages", "The fleet is too small to hold the model states and activations."
    ),
    "rdhx-budget": QT_TRANSLATE_NOOP(
        "Messages", "The rack budget was lowered to what the rear-door heat exchanger removes."
    ),
    "racks": QT_TRANSLATE_NOOP("Messages", "The servers cannot be placed in racks within the budget."),
    "memory-bound": QT_TRANSLATE_NOOP("Messages", "The GPU count is set by memory, not by the deadline."),
    "beyond-published": QT_TRANSLATE_NOOP(
        "Messages",
        "More GPUs than the largest published training run: efficiency is extrapolated.",
    ),
    "deadline-risk": QT_TRANSLATE_NOOP(
        "Messages", "At the low end of the efficiency band, training runs past the deadline."
    ),
    "mfu-unusual": QT_TRANSLATE_NOOP(
        "Messages", "The MFU is outside what published runs achieve (about 25–55%)."
    ),
    "pcie-large-model": QT_TRANSLATE_NOOP(
        "Messages",
        "A model this large needs tensor parallelism, which runs slowly over PCIe and NVLink bridges.",
    ),
    "rack-limit": QT_TRANSLATE_NOOP("Messages", "Racks are filled by space or weight, not by power."),
    "unverified": QT_TRANSLATE_NOOP("Messages", "Some catalog figures are not verified."),
    "indicative-prices": QT_TRANSLATE_NOOP(
        "Messages", "Prices are indicative: replace them with vendor quotes."
    ),
    "gpu-form-factor": QT_TRANSLATE_NOOP("Messages", "The GPU's form factor does not fit this server."),
    "gpu-slots": QT_TRANSLATE_NOOP("Messages", "The GPUs do not fit the server's GPU positions."),
    "nic-slots": QT_TRANSLATE_NOOP("Messages", "The compute NICs do not fit the server's slots."),
    "psu-capacity": QT_TRANSLATE_NOOP(
        "Messages",
        "The maximum draw exceeds what the power supplies deliver with redundancy.",
    ),
    "overridden": QT_TRANSLATE_NOOP(
        "Messages", "Some BOM lines were set by you, not by the plan (marked in the BOM)."
    ),
    "override-unused": QT_TRANSLATE_NOOP(
        "Messages", "An override no longer applies: the plan has no such line any more."
    ),
    "override-added-clash": QT_TRANSLATE_NOOP(
        "Messages", "A line you added has the id of a planned line; both are kept."
    ),
    "override-price-far": QT_TRANSLATE_NOOP(
        "Messages", "A unit price you set is far from the price list's: check the digits and the currency."
    ),
    "lead-time": QT_TRANSLATE_NOOP(
        "Messages", "The deadline falls within the lead time: allow more days or give the quoted lead time."
    ),
    "lead-time-unset": QT_TRANSLATE_NOOP(
        "Messages",
        "The deadline counts training from the day of the order; give the lead time the vendor quotes.",
    ),
    "cloud-rate": QT_TRANSLATE_NOOP("Messages", "No hourly cloud rate is recorded for this GPU."),
    "air-rack-limit": QT_TRANSLATE_NOOP(
        "Messages",
        "The racks are past the practical limit of air cooling: choose rear doors or liquid cooling.",
    ),
    "feed-loss": QT_TRANSLATE_NOOP(
        "Messages", "On one power feed a server's power supplies cannot carry its maximum draw."
    ),
    "cable-reach": QT_TRANSLATE_NOOP(
        "Messages", "Some cable runs are longer than the longest cable in the catalog: they are not quoted."
    ),
    "memory-layout": QT_TRANSLATE_NOOP(
        "Messages", "No parallel layout holds the model in this many GPUs without offloading."
    ),
    "storage-neutral": QT_TRANSLATE_NOOP(
        "Messages", "The server vendor has no storage in the catalog: vendor-neutral storage is quoted."
    ),
    "export-licence": QT_TRANSLATE_NOOP(
        "Messages",
        "EXPORT LICENCE REQUIRED: %1 in %2 since %3 (as of %4); "
        "confirm the vendor can deliver before ordering.",
    ),
    "availability-unsure": QT_TRANSLATE_NOOP(
        "Messages", "Market status unsure: %1 in %2 as of %3; ask the vendor."
    ),
    "availability-unknown": QT_TRANSLATE_NOOP(
        "Messages", "Market status unknown: %1 in %2, no rule recorded; ask the vendor."
    ),
}

# Codes whose translated sentence keeps the engine's figures (the GPU, the market, the dates).
FIGURES: dict[str, re.Pattern[str]] = {
    "export-licence": re.compile(r"EXPORT LICENCE REQUIRED: (.+) in (\w+) since (\S+) \(as of ([^,)]+)"),
    "availability-unsure": re.compile(r"market status unsure: (.+) in (\w+) as of (\S+) "),
    "availability-unknown": re.compile(r"market status unknown: (.+) in (\w+):"),
}


# Market-status warnings, rendered whole from the language catalogue (their figures are dates,
# the market and the GPU's name, which read the same in Chinese).
MARKET_CODES = frozenset({"export-licence", "export-case-by-case", "availability-unsure",
                          "availability-unknown", "import-restricted", "import-unsure"})


def message_text(message: Message, *, translated: bool) -> str:
    """What to show for an engine message: its own sentence, or the translated general one."""
    if translated and message.code in MARKET_CODES:  # dated market status: the catalogue's
        rendered = message.render("zh")
        if rendered != message.text:
            return rendered
    general = GENERAL.get(message.code)
    if not translated or general is None:
        return message.text
    text = QCoreApplication.translate("Messages", general)
    pattern = FIGURES.get(message.code)
    match = pattern.match(message.text) if pattern else None
    if pattern is not None and match is None:  # worded otherwise than expected: the engine's own
        return message.text
    for n, figure in enumerate(match.groups() if match else (), start=1):
        text = text.replace(f"%{n}", figure)
    return text


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


def note_text(note: str, *, translated: bool) -> str:
    """A BOM line's note in the GUI's language; an unknown note is shown as the engine wrote it."""
    return notes.note_text(note, _translate_note) if translated else note


def component_text(text: str, *, translated: bool) -> str:
    """A part of a configured system in the GUI's language: its counted words re-worded."""
    return notes.component_text(text, _translate_note) if translated else text


def _translate_note(text: str) -> str:
    return QCoreApplication.translate("Notes", text)


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


@cache
def _notes_zh() -> dict[str, str]:
    with resource_path("i18n", "assumption_notes_zh.toml").open("rb") as fh:
        return {str(k): str(v) for k, v in tomllib.load(fh).items()}


def default_note(key: str) -> str:
    """Where a default (resources/assumptions.toml) comes from, in the GUI's language."""
    from engine.assumptions import defaults

    note = defaults()[key].note
    return _notes_zh().get(key, note) if speaks_chinese() else note


def list_text(items: list[str]) -> str:
    """Names in a row, with the separator of the GUI's language (", " or "、")."""
    return QCoreApplication.translate("Messages", ", ").join(items)
