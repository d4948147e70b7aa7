"""Errors the engine raises for bad requests: they name the field, the value and what is allowed."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Allowed:
    """What a field allows, as a sentence of the language catalogue (resources/i18n/<lang>/
    request.ftl): its code and named figures, rendered in the reader's language."""

    code: str
    params: tuple[tuple[str, str | int | float], ...] = ()

    def render(self, lang: str) -> str:
        from engine.i18n import t

        return t(self.code, lang, **dict(self.params))


def allowed(code: str, /, **params: object) -> Allowed:
    """The catalogue sentence ``code`` ("allowed.one-of") with its figures."""
    from engine.i18n import params_of

    return Allowed(code, params_of(params))


def one_of(choices: tuple[str, ...] | list[str]) -> Allowed:
    """"must be a, b or c": the choices are ids and stay as they are in every language."""
    *head, last = choices
    return allowed("allowed.one-of", choices=", ".join(head), last=last) if head \
        else allowed("allowed.exactly", choice=last)


class SaidError(ValueError):
    """An error whose words are a catalogue sentence (resources/i18n/<lang>/): ``str()`` is
    its English, for logs and older callers; ``text(lang)`` says it in any language."""

    def __init__(self, code: str, /, **params: object) -> None:
        from engine.i18n import params_of, t

        self.code = code
        self.params = params_of(params)
        super().__init__(t(code, "en", **params))

    def text(self, lang: str) -> str:
        from engine.i18n import t

        return t(self.code, lang, **dict(self.params))


class RequestError(ValueError):
    """A request field holds a value the engine cannot plan with.

    ``field`` is the request path ("schedule.days", "workload.params", "configs");
    the CLI maps it to its flag and the GUI to its widget. ``allowed`` is what the field
    allows: a catalogue sentence (``Allowed``), rendered in the reader's language by
    ``text(lang)``; ``.allowed`` keeps its English for JSON, logs and older callers.
    """

    def __init__(self, field: str, value: object, allowed: str | Allowed) -> None:
        self.field = field
        self.value = value
        self.said = allowed if isinstance(allowed, Allowed) else None
        self.allowed = allowed.render("en") if isinstance(allowed, Allowed) else allowed
        super().__init__(f"{field}: {shown(value)} is not allowed; {self.allowed}")

    def allowed_in(self, lang: str) -> str:
        """What the field allows, in ``lang`` (English where a caller still gives only text)."""
        return self.said.render(lang) if self.said is not None else self.allowed

    def text(self, lang: str, name: str | None = None) -> str:
        """The whole refusal in ``lang``, naming the field, the value and what is allowed.
        ``name`` is how the reader knows the field (the CLI's flag); by default its request
        path, with its label before it in Chinese."""
        from engine.i18n import t

        params: dict[str, object] = dict(name=name or self.field, allowed=self.allowed_in(lang),
                                         name_zh=field_name(self.field, "zh", name))
        if self.value is None:
            return t("request.missing", lang, **params)
        return t("request.refused", lang, value=shown(self.value), **params)


def field_name(field: str, lang: str, name: str | None = None) -> str:
    """A request field as a reader of ``lang`` knows it: ``name`` (the CLI's flag) or its path
    ("schedule.days"), which the plan file, the CLI's JSON and the help all use, led in
    Chinese by its label."""
    from engine.i18n import has, t

    code = "field." + field
    shown_as = name or field
    if lang == "en" or not has(code, "zh"):
        return shown_as
    return t("request.field", lang, label=t(code, lang), field=shown_as)


SHOWN_CHARS = 40  # an echoed value is cut to this many characters


def shown(value: object, limit: int = SHOWN_CHARS) -> str:
    """``value`` as an error message echoes it: on one line, cut to ``limit`` characters."""
    if isinstance(value, float):
        text = f"{value:g}"
    elif isinstance(value, int) and value.bit_length() > 256:  # str() of 4 301 digits raises
        text = f"a {int(value.bit_length() * 0.30103)}-digit number"
    else:
        text = str(value)
    text = one_line(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def one_line(text: str) -> str:
    """``text`` with line breaks and other control characters written as escapes."""
    return "".join(c if c.isprintable() or c == " " else repr(c)[1:-1] for c in text)


def text_problem(text: str) -> str:
    """Why ``text`` cannot be stored as UTF-8 text (a lone surrogate, which Python lets JSON's
    \\ud800 or a file name's undecodable byte carry), or "" when it can."""
    said = text_said(text)
    return said.render("en") if said is not None else ""


def text_said(text: str) -> Allowed | None:
    """``text_problem`` as a catalogue sentence (request.ftl allowed-text-*), or None."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        code = ord(text[exc.start])
        if 0xDC80 <= code <= 0xDCFF:  # how Python keeps a byte of a command line that is not UTF-8
            return allowed("allowed.text-byte", at=str(exc.start + 1), byte=f"0x{code - 0xDC00:02X}")
        return allowed("allowed.text-half-pair", at=str(exc.start + 1), code=f"U+{code:04X}")
    return None
