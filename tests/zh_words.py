"""The check a Chinese sentence passes: no English word in it, only the ids, units and
names the caller lists (a GPU's market code, a field's request path, a unit)."""

from __future__ import annotations

import re

# a word (an id with dots or slashes is one), never a figure's suffix (the B of 175B)
_WORD = re.compile(r"(?<![A-Za-z0-9])(?:[A-Za-z][A-Za-z0-9'_./-]*[A-Za-z0-9]|[A-Za-z])")
# words a Chinese sentence keeps as they are: units, brands and codes every reader knows
UNITS = {"GPU", "GPUs", "CPU", "MFU", "PUE", "kW", "kWh", "TB", "GB", "U", "BF16", "FP8",
         "CNY", "USD", "VAT", "PF", "FLOPs", "ID", "TCO", "CAPEX", "OPEX", "min", "token",
         "PF/s-days", "GB/s", "Gb/s", "TFLOPS", "W", "kg", "UFM", "PDU", "CDU", "NVLink", "IDC"}


def english_words(text: str, allowed: set[str] | frozenset[str] = frozenset()) -> list[str]:
    """The ASCII words of ``text`` not in ``allowed`` nor in UNITS."""
    ok = set(allowed) | UNITS
    return [w for w in _WORD.findall(text) if w not in ok]
