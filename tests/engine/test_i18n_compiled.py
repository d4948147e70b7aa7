"""Compiled sentences (engine/i18n.py) write what Fluent writes: every entry of both
languages, filled with strings, whole numbers, fractions and exact decimals, gives Fluent's
own text, and where Fluent reports an error the compiled path defers to it."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine.i18n import LANGS, Lang, _compiled, _entries, _fill, _fluent_args, _format

# figures of every kind a plan passes: counts, shares, prices, kW, days, and their edges
_FIGURES: tuple[object, ...] = (
    0, 1, 2, 3, 7, 11, 21, 100, 1234, 1_234_567, -4,
    0.0, 0.5, 1.0, 1.25, 12.35, 0.049, 0.995, 1234.5678, 2.5e-7, 3.2e9, -0.125,
    Decimal("0.10"), Decimal("12.345"), Decimal("2.675"), Decimal("-0.0"),
    "x", "Lenovo SR675 V3", "other", "one", "0", "", "浪潮 NF5688M7",
)


def _pairs(lang: Lang) -> list[tuple[str, tuple[object, ...]]]:
    """Each compiled entry of ``lang`` with its placeholders, in name order."""
    out = []
    for ident, names in sorted(_entries(lang).items()):
        if isinstance(_compiled(lang, ident), tuple):
            out.append((ident, tuple(sorted(names))))
    return out


def _both(lang: Lang, ident: str, args: dict[str, object]) -> tuple[str, str]:
    """(compiled text, Fluent's text); either is "error" where it refuses."""
    parts = _compiled(lang, ident)
    assert isinstance(parts, tuple)
    fluent_args = _fluent_args(lang, args)
    compiled = _fill(parts, fluent_args, lang)
    try:
        reference = _format(ident, ident, lang, fluent_args)
    except ValueError:
        reference = "error"
    return ("deferred" if compiled is None else compiled), reference


@pytest.mark.parametrize("lang", LANGS)
def test_nearly_every_entry_is_compiled(lang: Lang) -> None:
    # the fast path is the common one: only constructs it leaves to Fluent fall back
    assert len(_pairs(lang)) >= 0.95 * len(_entries(lang))


@pytest.mark.parametrize("lang", LANGS)
def test_every_compiled_entry_writes_fluents_text(lang: Lang) -> None:
    checked = 0
    for ident, names in _pairs(lang):
        for i, figure in enumerate(_FIGURES):
            # all placeholders the same figure, then each a different one
            for args in ({n: figure for n in names},
                         {n: _FIGURES[(i + k) % len(_FIGURES)] for k, n in enumerate(names)}):
                compiled, reference = _both(lang, ident, args)
                if reference == "error":
                    assert compiled == "deferred", (ident, args)
                else:
                    assert compiled in (reference, "deferred"), (ident, args)
                    checked += compiled == reference
    assert checked > 1000


@pytest.mark.parametrize("lang", LANGS)
def test_a_missing_parameter_is_left_to_fluent_which_refuses_it(lang: Lang) -> None:
    for ident, names in _pairs(lang):
        if names:
            args = {n: 1 for n in names[1:]}
            assert _both(lang, ident, args) == ("deferred", "error"), ident


_NUMBERS = st.one_of(st.integers(-10**12, 10**12),
                     st.floats(allow_nan=False, allow_infinity=False, min_value=-1e12,
                               max_value=1e12))


@settings(max_examples=60, deadline=None)
@given(figures=st.lists(_NUMBERS, min_size=1, max_size=4), lang=st.sampled_from(LANGS))
def test_any_figure_prints_as_fluent_prints_it(figures: list[float], lang: Lang) -> None:
    numeric = [(ident, names) for ident, names in _pairs(lang) if names]
    for ident, names in numeric:
        args = {n: figures[k % len(figures)] for k, n in enumerate(names)}
        compiled, reference = _both(lang, ident, args)
        assert compiled == reference or (compiled == "deferred" and reference == "error"), \
            (ident, args)
