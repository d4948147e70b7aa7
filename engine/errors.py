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
        super().__init__(f"{field}: {value!r} is not allowed; {allowed}")
