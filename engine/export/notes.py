"""The notes the engine puts on BOM lines, and the words in a configured system's parts, in
Chinese: fixed notes, and notes with figures matched by pattern and re-worded around them.

The Chinese words are the "Notes" context of the app's translation file
(resources/i18n/clusterquote_zh_CN.ts): the GUI reads them through Qt, the quote (which
never imports Qt) reads the file itself. ``QT_TRANSLATE_NOOP`` below only marks the texts
for Qt's lupdate, which finds them here as in the GUI's own files.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from functools import cache

from engine.resources import resource_path

Translate = Callable[[str], str]


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate reads
    return text


# Notes the engine puts on BOM lines: fixed ones, and ones with figures (matched, then re-worded).
NOTES: dict[str, str] = {
    "base system without GPUs and compute HCAs": QT_TRANSLATE_NOOP(
        "Notes", "base system without GPUs and compute HCAs"
    ),
    "one per rail": QT_TRANSLATE_NOOP("Notes", "one per rail"),
    "storage / front end": QT_TRANSLATE_NOOP("Notes", "storage / front end"),
    "one per rack": QT_TRANSLATE_NOOP("Notes", "one per rack"),
    "A and B feed in every rack": QT_TRANSLATE_NOOP("Notes", "A and B feed in every rack"),
    "N+1": QT_TRANSLATE_NOOP("Notes", "N+1"),
    "one per compute rack": QT_TRANSLATE_NOOP("Notes", "one per compute rack"),
    "one at the HCA end of every fibre link": QT_TRANSLATE_NOOP(
        "Notes", "one at the HCA end of every fibre link"
    ),
    "at the switch ports of every fibre link": QT_TRANSLATE_NOOP(
        "Notes", "at the switch ports of every fibre link"
    ),
    "one director for every endpoint: cheaper than leaves, spines and their links": QT_TRANSLATE_NOOP(
        "Notes", "one director for every endpoint: cheaper than leaves, spines and their links"
    ),
    "48-hour burn-in, HPL and NCCL tests per server and across the cluster": QT_TRANSLATE_NOOP(
        "Notes", "48-hour burn-in, HPL and NCCL tests per server and across the cluster"
    ),
    "storage network, added for the storage servers": QT_TRANSLATE_NOOP(
        "Notes", "storage network, added for the storage servers"
    ),
    "front-end links of compute nodes and storage servers, and switch-to-switch links": QT_TRANSLATE_NOOP(
        "Notes", "front-end links of compute nodes and storage servers, and switch-to-switch links"
    ),
    "front-end links of the compute nodes": QT_TRANSLATE_NOOP(
        "Notes", "front-end links of the compute nodes"
    ),
    "InfiniBand fabric manager, high-availability pair": QT_TRANSLATE_NOOP(
        "Notes", "InfiniBand fabric manager, high-availability pair"
    ),
    "in-band switches added to the front-end network": QT_TRANSLATE_NOOP(
        "Notes", "in-band switches added to the front-end network"
    ),
    "out-of-band aggregation: joins the racks' management switches": QT_TRANSLATE_NOOP(
        "Notes", "out-of-band aggregation: joins the racks' management switches"
    ),
    "one per out-of-band management port": QT_TRANSLATE_NOOP("Notes", "one per out-of-band management port"),
    "line added by the user": QT_TRANSLATE_NOOP("Notes", "line added by the user"),
    # software licences (resources/catalog/software.toml)
    "open source (BSD-3-Clause, GPL and others)": QT_TRANSLATE_NOOP(
        "Notes", "open source (BSD-3-Clause, GPL and others)"
    ),
    "open source (BSD-3-Clause)": QT_TRANSLATE_NOOP("Notes", "open source (BSD-3-Clause)"),
    "open source (GPL-2.0)": QT_TRANSLATE_NOOP("Notes", "open source (GPL-2.0)"),
    "NVIDIA software licences": QT_TRANSLATE_NOOP("Notes", "NVIDIA software licences"),
    "no fee": QT_TRANSLATE_NOOP("Notes", "no fee"),
    "no fee, community support": QT_TRANSLATE_NOOP("Notes", "no fee, community support"),
    "no fee, commercial support available separately": QT_TRANSLATE_NOOP(
        "Notes", "no fee, commercial support available separately"
    ),
}
# Words inside notes with figures: where a cable runs, what it joins, what sets the storage.
NOTE_WORDS: dict[str, str] = {
    "in-rack": QT_TRANSLATE_NOOP("Notes", "in-rack"),
    "in-row": QT_TRANSLATE_NOOP("Notes", "in-row"),
    "cross-row": QT_TRANSLATE_NOOP("Notes", "cross-row"),
    "node-switch": QT_TRANSLATE_NOOP("Notes", "node-switch"),
    "switch-switch": QT_TRANSLATE_NOOP("Notes", "switch-switch"),
    "minimum": QT_TRANSLATE_NOOP("Notes", "minimum"),
    "capacity": QT_TRANSLATE_NOOP("Notes", "capacity"),
    "read": QT_TRANSLATE_NOOP("Notes", "read"),
    "write": QT_TRANSLATE_NOOP("Notes", "write"),
    "checkpoint": QT_TRANSLATE_NOOP("Notes", "checkpoint"),
}
NOTE_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(r"(\d+)-tier fat tree: (\d+) leaf, (\d+) spine, (\d+) core"),
        QT_TRANSLATE_NOOP("Notes", "%1-tier fat tree: %2 leaf, %3 spine, %4 core"),
    ),
    (
        re.compile(r"([\d,]+) (in-rack|in-row|cross-row) (node-switch|switch-switch) \(up to ([\d.]+) m\)"),
        QT_TRANSLATE_NOOP("Notes", "%1 %2 %3 (up to %4 m)"),
    ),
    (
        re.compile(r"A and B feeds, each carrying its rack alone \(up to ([\d.]+) kW\)"),
        QT_TRANSLATE_NOOP("Notes", "A and B feeds, each carrying its rack alone (up to %1 kW)"),
    ),
    (re.compile(r"(\d+) (C\d+) inlets a server"), QT_TRANSLATE_NOOP("Notes", "%1 %2 inlets a server")),
    (re.compile(r"N\+1 in each of (\d+) rows"), QT_TRANSLATE_NOOP("Notes", "N+1 in each of %1 rows")),
    (re.compile(r"(\d+)% of ([\d,]+)"), QT_TRANSLATE_NOOP("Notes", "%1% of %2")),
    (
        re.compile(r"(\d+) head nodes \(high-availability pair\) and (\d+) login nodes"),
        QT_TRANSLATE_NOOP("Notes", "%1 head nodes (high-availability pair) and %2 login nodes"),
    ),
    (
        re.compile(r"(\d+) in-band links, (\d+) management-switch uplinks"),
        QT_TRANSLATE_NOOP("Notes", "%1 in-band links, %2 management-switch uplinks"),
    ),
    (re.compile(r"(\d+) nodes × (\d+) years"), QT_TRANSLATE_NOOP("Notes", "%1 nodes × %2 years")),
    (
        re.compile(r"([\d,]+) TB usable for ([\d,]+) TB needed"),
        QT_TRANSLATE_NOOP("Notes", "%1 TB usable for %2 TB needed"),
    ),
    (re.compile(r"([\d.]+)/([\d.]+) GB/s read/write"), QT_TRANSLATE_NOOP("Notes", "%1/%2 GB/s read/write")),
    (
        re.compile(r"blocks set by (minimum|capacity|read|write|checkpoint)"),
        QT_TRANSLATE_NOOP("Notes", "blocks set by %1"),
    ),
    (
        re.compile(r"([\d.]+)% of equipment value ([\d,]+) (\w+)"),
        QT_TRANSLATE_NOOP("Notes", "%1% of equipment value %2 %3"),
    ),
    (
        re.compile(r"(\d+) years × ([\d.]+)% of equipment value ([\d,]+) (\w+) a year"),
        QT_TRANSLATE_NOOP("Notes", "%1 years × %2% of equipment value %3 %4 a year"),
    ),
    (
        re.compile(
            r"configured system: base ([\d,]+) \+ (\d+) × (.+?) ([\d,]+) \+ (\d+) × (\S+) ([\d,]+) (\w+)"
        ),
        QT_TRANSLATE_NOOP("Notes", "configured system: base %1 + %2 × %3 %4 + %5 × %6 %7 %8"),
    ),
    (
        re.compile(r"quantity set by the user \(planned ([\d,]+)\)"),
        QT_TRANSLATE_NOOP("Notes", "quantity set by the user (planned %1)"),
    ),
    (
        re.compile(r"unit price set by the user \(price list ([\d,.]+) (\w+)\)"),
        QT_TRANSLATE_NOOP("Notes", "unit price set by the user (price list %1 %2)"),
    ),
)


# Words inside a configured system's part descriptions (resources/catalog/servers.toml).
COMPONENT_WORDS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(\d+) cores"), QT_TRANSLATE_NOOP("Notes", "%1 cores")),
    (re.compile(r"(\d+) slots"), QT_TRANSLATE_NOOP("Notes", "%1 slots")),
    (re.compile(r"up to (\S+)"), QT_TRANSLATE_NOOP("Notes", "up to %1")),
    (re.compile(r"\((boot)\)"), QT_TRANSLATE_NOOP("Notes", "(boot drive)")),
    (re.compile(r"\b(nvswitch)\b"), QT_TRANSLATE_NOOP("Notes", "NVSwitch")),
    (re.compile(r"\b(nvlink-mesh)\b"), QT_TRANSLATE_NOOP("Notes", "NVLink mesh")),
    (re.compile(r"\b(nvlink-bridge)\b"), QT_TRANSLATE_NOOP("Notes", "NVLink bridge")),
)


def note_text(note: str, translate: Translate, separator: str = "；") -> str:
    """``note`` with each known part (parts are joined by "; ") put through ``translate``; an
    unknown part stays as the engine wrote it."""
    parts = []
    for part in note.split("; "):
        if part in NOTES:
            parts.append(translate(NOTES[part]))
            continue
        for pattern, template in NOTE_PATTERNS:
            match = pattern.fullmatch(part)
            if match:
                text = translate(template)
                for n, figure in reversed(list(enumerate(match.groups(), start=1))):  # %10 before %1
                    word = NOTE_WORDS.get(figure)
                    text = text.replace(f"%{n}", translate(word) if word else figure)
                parts.append(text)
                break
        else:
            parts.append(part)
    return separator.join(parts)


def component_text(text: str, translate: Translate) -> str:
    """A configured system's part with its counted words re-worded."""
    for pattern, template in COMPONENT_WORDS:
        words = translate(template)

        def worded(match: re.Match[str], words: str = words) -> str:
            return words.replace("%1", match.group(1))

        text = pattern.sub(worded, text)
    return text


@cache
def _chinese() -> dict[str, str]:
    """The "Notes" context of the Chinese translation file: English text -> Chinese."""
    with resource_path("i18n", "clusterquote_zh_CN.ts").open("rb") as fh:
        root = ET.parse(fh).getroot()
    table = {}
    for context in root.iter("context"):
        if context.findtext("name") == "Notes":
            for message in context.iter("message"):
                source, translation = message.findtext("source"), message.find("translation")
                if source and translation is not None and translation.get("type") is None:
                    table[source] = "".join(translation.itertext())
    return table


def note_in(lang: str, note: str) -> str:
    """``note`` as a quote in ``lang`` prints it."""
    if lang != "zh" or not note:
        return note
    table = _chinese()
    return note_text(note, lambda text: table.get(text, text))


def component_in(lang: str, text: str) -> str:
    if lang != "zh":
        return text
    table = _chinese()
    return component_text(text, lambda words: table.get(words, words))


@cache
def _assumption_notes_zh() -> dict[str, str]:
    """English note of a default (resources/assumptions.toml) -> its Chinese wording
    (resources/i18n/assumption_notes_zh.toml, keyed as the defaults are)."""
    import tomllib

    from engine.assumptions import defaults

    with resource_path("i18n", "assumption_notes_zh.toml").open("rb") as fh:
        zh = {str(k): str(v) for k, v in tomllib.load(fh).items()}
    return {value.note: zh[key] for key, value in defaults().items() if key in zh and value.note}


def assumption_note_in(lang: str, note: str) -> str:
    """A default's note as a quote in ``lang`` prints it; other notes as the engine wrote them."""
    return _assumption_notes_zh().get(note, note) if lang == "zh" else note
