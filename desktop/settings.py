"""Every setting the app keeps, in one typed registry over QSettings.

Each setting is declared once with its key, type and default; the rest of the
GUI reads and writes them as attributes (``settings.language``), never by key.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, Protocol, TypeVar, overload

from PySide6.QtCore import QLocale, QSettings

T = TypeVar("T")

ORGANIZATION = "ClusterQuote"
APPLICATION = "ClusterQuote"
LANGUAGES = ("en", "zh_CN")
MAX_RECENT = 8
DATA_DIR_ENV = "CLUSTERQUOTE_DATA_DIR"


def system_language() -> str:
    """The language the system asks for, if the app speaks it; English otherwise."""
    return "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else "en"


class HasQSettings(Protocol):
    """What keeps settings: the app's Settings, or a group of them such as the export dialog's."""

    qsettings: QSettings


@dataclass(frozen=True)
class Setting(Generic[T]):
    key: str
    kind: type
    default: Any  # a value, or a callable giving it

    def __set_name__(self, owner: type, name: str) -> None:
        owner._registry = {**getattr(owner, "_registry", {}), name: self}  # type: ignore[attr-defined]

    @overload
    def __get__(self, obj: None, objtype: type | None = None) -> Setting[T]: ...
    @overload
    def __get__(self, obj: HasQSettings, objtype: type | None = None) -> T: ...
    def __get__(self, obj: HasQSettings | None, objtype: type | None = None) -> Any:
        if obj is None:
            return self
        default = self.default() if callable(self.default) else self.default
        raw = obj.qsettings.value(self.key, None)
        return _convert(raw, self.kind, default)

    def __set__(self, obj: HasQSettings, value: T) -> None:
        obj.qsettings.setValue(self.key, value)


def _convert(raw: object, kind: type, default: Any) -> Any:
    """QSettings hands back strings from INI files and native types elsewhere."""
    if raw is None:
        return default
    try:
        if kind is bool:
            return raw if isinstance(raw, bool) else str(raw).lower() in ("true", "1", "yes")
        if kind is list:
            if isinstance(raw, str):
                return [raw] if raw else []
            return [str(item) for item in raw] if isinstance(raw, list | tuple) else default
        if kind is bytes:
            return bytes(raw) if not isinstance(raw, str) else default  # type: ignore[call-overload]
        return kind(raw)
    except (TypeError, ValueError):
        return default


def default_qsettings() -> QSettings:
    """An INI file: in CLUSTERQUOTE_DATA_DIR when it is set, else where Qt keeps user settings."""
    folder = os.environ.get(DATA_DIR_ENV)
    if folder:
        return QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION)


class Settings:
    """The registry. ``Settings()`` uses the user's settings; tests pass a QSettings on a file."""

    _registry: dict[str, Setting[Any]]

    language: Setting[str] = Setting("ui/language", str, system_language)
    recent_files: Setting[list[str]] = Setting("files/recent", list, list)
    last_folder: Setting[str] = Setting("files/last_folder", str, "")
    window_geometry: Setting[bytes] = Setting("ui/window_geometry", bytes, b"")
    autosave_draft: Setting[bool] = Setting("files/autosave_draft", bool, True)
    # the buyer's team: its software profile and its own measured run, for every new plan
    team: Setting[str] = Setting("plan/team", str, "typical")
    measured: Setting[str] = Setting("plan/measured", str, "")

    def __init__(self, qsettings: QSettings | None = None) -> None:
        self.qsettings = qsettings or default_qsettings()
        self._language_override: str | None = None

    def effective_language(self) -> str:
        value = self._language_override or self.language
        return value if value in LANGUAGES else "en"

    def override_language(self, language: str | None) -> None:
        """Use ``language`` for this run without changing the stored setting."""
        self._language_override = language

    def add_recent(self, path: str) -> list[str]:
        recent = [path, *(p for p in self.recent_files if p != path)][:MAX_RECENT]
        self.recent_files = recent
        return recent

    def remove_recent(self, path: str) -> None:
        self.recent_files = [p for p in self.recent_files if p != path]

    def sync(self) -> None:
        self.qsettings.sync()

    @classmethod
    def keys(cls) -> dict[str, Setting[Any]]:
        return dict(cls._registry)
