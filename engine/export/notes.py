"""The words inside a configured system's parts (resources/catalog/servers.toml lists them
as "Xeon Platinum 8462Y+, 32 cores"): counted words and link names, worded in the
document's language from the catalogue's parts entries (resources/i18n/<lang>/parts.ftl)."""

from __future__ import annotations

import re

from engine.i18n import t

# A counted word of the catalog's part texts, and the catalogue entry that words it.
_COUNTED: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(\d+) cores"), "part.cores"),
    (re.compile(r"(\d+) slots"), "part.slots"),
    (re.compile(r"up to (\S+)"), "part.up-to"),
)
# Link names the catalog writes as codes ("nvlink-mesh"), and the boot drive's mark.
_NAMED: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\(boot\)"), "part.boot"),
    (re.compile(r"\bnvswitch\b"), "part.nvswitch"),
    (re.compile(r"\bnvlink-mesh\b"), "part.nvlink-mesh"),
    (re.compile(r"\bnvlink-bridge\b"), "part.nvlink-bridge"),
)


def component_in(lang: str, text: str) -> str:
    """A configured system's part as a document in ``lang`` prints it."""
    for pattern, code in (*_COUNTED, *_NAMED):

        def worded(match: re.Match[str], code: str = code) -> str:
            return t(code, lang, n=match.group(1)) if match.groups() else t(code, lang)

        text = pattern.sub(worded, text)
    return text
