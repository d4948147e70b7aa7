"""Errors the engine raises for bad requests: they name the field, the value and what is allowed."""

from __future__ import annotations


class RequestError(ValueError):
    """A request field holds a value the engine cannot plan with.

    ``field`` is the request path ("schedule.days", "workload.params", "configs");
    the CLI maps it to its flag and the GUI to its widget.
    """

    def __init__(self, field: str, value: object, allowed: str) -> None:
        self.field = field
        self.value = value
        self.allowed = allowed
        super().__init__(f"{field}: {shown(value)} is not allowed; {allowed}")


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
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        code = ord(text[exc.start])
        if 0xDC80 <= code <= 0xDCFF:  # how Python keeps a byte of a command line that is not UTF-8
            return f"character {exc.start + 1} is the byte 0x{code - 0xDC00:02X}, which is not UTF-8 text"
        return (f"character {exc.start + 1} is U+{code:04X}, half of a character pair that is not "
                "text; retype it")
    return ""
