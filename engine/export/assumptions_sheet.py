"""The Assumptions sheet of the internal comparison: the workload, the inputs the request
set and every assumption once (with their notes), in one table whose header prints on each
page; on a sheet of their own, side by side, the figures of those that differ between
configurations.

Fifteen configurations share most of their assumptions (PUE, electricity price, VAT...);
printing each for every configuration took seven pages of repeated figures.
"""

from __future__ import annotations

from dataclasses import fields

from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from engine.assumptions import assumption_note
from engine.export.comparison_sheet import PER_BLOCK, title
from engine.export.labels import Labels
from engine.export.sheet import PrintHeading, SheetWriter, print_setup
from engine.model import Comparison, Plan

LABEL_WIDTH = 34
LONG_VALUE = 40  # characters: a value longer than this is a sentence, printed with the notes
ORIGIN_WIDTH = 18  # "set in the request" on one line: a two-line origin doubled its row
MAX_NOTE_LINES = 4  # of one assumption's notes that differ by configuration

Cell = tuple[object, str, str, str]  # value, unit, origin, note

# the inputs and assumptions that are shares of a whole (VAT 0.13, a 5 % discount, MFU 0.45):
# printed as percentages, as a buyer reads them, not as fractions
SHARES = frozenset({"vat", "vat_services", "discount", "maintenance_rate", "spares", "mfu",
                    "mfu_low", "mfu_high", "goodput", "measured_mfu"})


def is_share(key: str) -> bool:
    """Whether the input or assumption ``key`` ("discount", "a:finance.vat", "eff.mfu") is a share."""
    return key.rsplit(".", 1)[-1].removeprefix("a:") in SHARES


def _write_value(w: SheetWriter, L: Labels, row: int, col: int, value: object,
                 width: int = 12, *, share: bool = False) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        w.wrapped(row, col, L.value(value), width=width)
    elif share:
        w.number(row, col, value, "cq_pct")
    elif float(value).is_integer():
        w.number(row, col, value, "cq_int")
    else:
        w.number(row, col, value, "cq_num3" if abs(value) < 10 else "cq_num")


def _table(comparison: Comparison, L: Labels) -> tuple[dict[str, dict[str, Cell]], dict[str, str]]:
    """Every assumption of every plan: key -> config -> cell, and each key's label."""
    table: dict[str, dict[str, Cell]] = {}
    labels: dict[str, str] = {}
    for plan in comparison.plans:
        eff = plan.efficiency
        if eff is not None:
            origin = "request" if eff.overridden else "model"
            given = {a.key.rsplit(".", 1)[-1] for a in plan.assumptions}
            rows = [
                ("eff.peak_dense", "peak_dense_tflops", eff.peak_dense_tflops, "TFLOP/s", "catalog"),
                ("eff.peak_sparse", "peak_sparse_tflops", eff.peak_sparse_tflops, "TFLOP/s",
                 "catalog"),
                ("eff.mfu", "mfu", eff.mfu, "", origin),
                ("eff.mfu_low", "", eff.mfu_low, "", "model"),
                ("eff.mfu_high", "", eff.mfu_high, "", "model"),
                ("eff.goodput", "goodput", eff.goodput, "", "model"),
                ("eff.delivered", "", eff.delivered_tflops, "TFLOP/s", "model"),
            ]
            for key, same_as, value, unit, orig in rows:
                if same_as in given:  # the engine lists it among its assumptions
                    continue
                labels[key] = L(key, precision=eff.precision.upper())
                table.setdefault(key, {})[plan.config] = (value, unit, orig, "")
        for a in plan.assumptions:
            key = f"a:{a.key}"
            labels.setdefault(key, L.key(a.key))
            table.setdefault(key, {})[plan.config] = (a.value_in(L.lang), a.unit, a.origin,
                                                      assumption_note(L.lang, a))
    return table, labels


def _shared(by_plan: dict[str, Cell], plans: list[Plan]) -> bool:
    """Every configuration has this assumption at one value."""
    return len(by_plan) == len(plans) and len({repr(c[0]) for c in by_plan.values()}) == 1


HEADER_ROW = 4  # the sheet's one header row, repeated on every printed page


def write_assumptions(ws: Worksheet, comparison: Comparison, L: Labels, heading: PrintHeading,
                      per_config: Worksheet | None = None) -> bool:
    """The Assumptions sheet: one table (assumption, unit, value, origin, note) whose header
    row prints on every page: the workload, the inputs the request set, then every
    assumption once, those that differ by configuration with their notes and a pointer to
    ``per_config``, where their figures stand side by side, a block of configurations a
    printed page, each block under its own header. Returns whether ``per_config`` was used
    (there are assumptions that differ)."""
    w = SheetWriter(ws)
    need = comparison.compute
    request = comparison.request
    last = 3 + PER_BLOCK  # the note spans the rest, so the sheet stays a landscape page wide
    w.text(1, 1, L("asm.title"), "cq_title", fit=False)
    w.text(2, 1, need.label, "cq_subtitle", fit=False)
    w.header(HEADER_ROW, 1, [L("asm.assumption"), L("asm.unit"), L("asm.value"),
                             L("asm.origin")])
    w.merged(HEADER_ROW, 5, last, L("asm.note"), "cq_header")

    row = HEADER_ROW + 1
    w.text(row, 1, L("asm.workload"), "cq_section", fit=False)
    row += 1
    items: list[tuple[str, object, str]] = [
        ("wl.label", need.label, "cq_text"),
        ("wl.params", need.params, "cq_int"),  # 6,740,000,000 as model cards count them
        ("wl.tokens", need.tokens, "cq_int"),
        ("wl.runs", need.runs, "cq_int"),
        ("wl.pretrain_flops", need.pretrain_flops, "cq_sci"),
        ("wl.finetune_flops", need.finetune_flops, "cq_sci"),
        ("wl.tuning_flops", need.tuning_flops, "cq_sci"),
        ("wl.flops", need.flops, "cq_sci"),
        ("wl.pf_days", need.pf_days, "cq_num"),
    ]
    if request.schedule.days is not None:
        items.append(("wl.days", request.schedule.days, "cq_num1"))
    if request.schedule.gpus is not None:
        items.append(("wl.gpus", request.schedule.gpus, "cq_int"))
    items.append(("wl.precision", request.schedule.precision.upper(), "cq_text"))
    for key, value, style in items:
        if value is None:
            continue
        w.wrapped(row, 1, L(key), "cq_label_wrap", width=LABEL_WIDTH)
        if isinstance(value, int | float):
            w.number(row, 3, value, style)
        elif key == "wl.label":  # a sentence: across the value, origin and note columns
            w.merged(row, 3, last, value)
        else:
            w.text(row, 3, value, fit=False)
        row += 1

    # the inputs the request set; those left empty take the defaults listed further down
    row += 1
    w.text(row, 1, L("asm.inputs_set"), "cq_section", fit=False)
    row += 1
    for group_name in ("efficiency", "facility", "finance"):
        group = getattr(request, group_name)
        for f in fields(group):
            value = getattr(group, f.name)
            if value is None:
                continue
            w.wrapped(row, 1, L.key(f.name), "cq_label_wrap", width=LABEL_WIDTH)
            if isinstance(value, bool) or not isinstance(value, int | float):
                w.wrapped(row, 3, L.value(value), width=12)
            elif is_share(f.name):
                w.number(row, 3, value, "cq_pct")
            else:
                w.number(row, 3, value, "cq_num3" if isinstance(value, float) else "cq_int")
            w.wrapped(row, 4, L.origin("request"), width=ORIGIN_WIDTH)
            row += 1

    used = False
    plans = [p for p in comparison.plans if p.assumptions or p.efficiency]
    if plans:
        table, labels = _table(comparison, L)
        shared = {k: v for k, v in table.items() if _shared(v, plans)}
        differing = {k: v for k, v in table.items() if k not in shared}
        row += 1
        w.text(row, 1, L("asm.shared"), "cq_section", fit=False)
        row += 1
        for key, by_plan in shared.items():
            value, unit, origin, note = next(iter(by_plan.values()))
            w.wrapped(row, 1, labels[key], "cq_label_wrap", width=LABEL_WIDTH)
            w.text(row, 2, unit)
            _write_value(w, L, row, 3, value, share=is_share(key))
            w.wrapped(row, 4, L.origin(origin), width=ORIGIN_WIDTH)
            if note:
                w.merged(row, 5, last, note, "cq_note_wrap")
            row += 1
        if differing and per_config is not None:
            row += 1
            w.text(row, 1, L("asm.per_config"), "cq_section", fit=False)
            row = _notes(w, row + 1, differing, labels, plans, L, last) + 1
            _write_per_config(per_config, comparison, plans, differing, labels, L, heading)
            used = True
        if "a:training_days_band" in table:  # what the band the days carry means
            from engine.compute.efficiency import band, band_coverage

            low, high = band()
            w.merged(row, 1, last,
                     L("asm.days_band_note", low=low, high=high, coverage=band_coverage()),
                     "cq_note_wrap")
            row += 1

    ws.freeze_panes = f"B{HEADER_ROW + 1}"
    w.finish(maximum=LABEL_WIDTH)
    print_setup(ws, heading, title_rows=f"1:{HEADER_ROW}")
    return used


def _write_per_config(ws: Worksheet, comparison: Comparison, plans: list[Plan],
                      table: dict[str, dict[str, Cell]], labels: dict[str, str], L: Labels,
                      heading: PrintHeading) -> None:
    """The assumptions that differ, a few configurations side by side in each block, a
    block a printed page so each page carries the header that names its columns."""
    w = SheetWriter(ws)
    w.text(1, 1, L("asm.per_config"), "cq_title", fit=False)
    w.text(2, 1, comparison.compute.label, "cq_subtitle", fit=False)
    row = 4
    for start in range(0, len(plans), PER_BLOCK):
        if start:
            ws.row_breaks.append(Break(id=row - 1))
        row = _block(w, row, plans[start:start + PER_BLOCK], table, labels, L) + 1
    ws.freeze_panes = "B4"
    w.finish(maximum=LABEL_WIDTH)
    print_setup(ws, heading, title_rows="1:2")


def _block(w: SheetWriter, row: int, chunk: list[Plan], table: dict[str, dict[str, Cell]],
           labels: dict[str, str], L: Labels) -> int:
    """One block of the assumptions that differ; returns the row after it."""
    n = len(chunk)
    w.header(row, 1, [L("asm.assumption"), L("asm.unit"), *(title(p, L) for p in chunk),
                      L("asm.origin")])
    row += 1
    for key, by_all in table.items():
        by_plan = {p.config: by_all[p.config] for p in chunk if p.config in by_all}
        if not by_plan:
            continue
        w.wrapped(row, 1, labels[key], "cq_label_wrap", width=LABEL_WIDTH)
        first = next(iter(by_plan.values()))
        w.text(row, 2, first[1])
        for i, plan in enumerate(chunk):
            cell = by_plan.get(plan.config)
            if cell is None:
                continue
            if _long(cell[0]):  # a sentence: under the blocks, with the notes
                w.text(row, 3 + i, L("asm.see_notes"), "cq_note")
            else:
                _write_value(w, L, row, 3 + i, cell[0], share=is_share(key))
        origins = sorted({L.origin(c[2]) for c in by_plan.values()})
        w.wrapped(row, 3 + n, ", ".join(origins), width=14)
        row += 1
    return row


def _long(value: object) -> bool:
    return isinstance(value, str) and len(value) > LONG_VALUE


def _notes(w: SheetWriter, row: int, table: dict[str, dict[str, Cell]], labels: dict[str, str],
           plans: list[Plan], L: Labels, last: int) -> int:
    """Each assumption that differs, a row of the table: its unit, the sheet its figures are
    on (as the value), its origins, and what it rests on (a note that differs in every
    configuration, its figures worked out, is given for the first few: the rest read alike,
    and the app and the JSON give each), with the values too long for a block."""
    named = {p.config: title(p, L) for p in plans}
    for key, by_plan in table.items():
        notes = list(dict.fromkeys(c[3] for c in by_plan.values() if c[3]))
        values = [f"{named[config]}: {c[0]}" for config, c in by_plan.items() if _long(c[0])]
        lines = [*_first(values, L), *_first(notes, L)]
        w.wrapped(row, 1, labels[key], "cq_label_wrap", width=LABEL_WIDTH)
        w.text(row, 2, next(iter(by_plan.values()))[1])
        w.wrapped(row, 3, L("asm.per_config"), "cq_note_wrap", width=12)
        w.wrapped(row, 4, ", ".join(sorted({L.origin(c[2]) for c in by_plan.values()})),
                  width=ORIGIN_WIDTH)
        if lines:
            w.merged(row, 5, last, "\n".join(lines), "cq_note_wrap")
        row += 1
    return row


def _first(lines: list[str], L: Labels) -> list[str]:
    if len(lines) <= MAX_NOTE_LINES:
        return lines
    return [*lines[:MAX_NOTE_LINES], L("asm.more_notes", n=len(lines) - MAX_NOTE_LINES)]
