"""Translations: the app's own (.ts in resources/i18n, compiled to .qm) and Qt's qtbase.

The .qm files are build products and are not kept in the repository. At start-up
the app uses ``clusterquote_<lang>.qm`` beside the .ts when it is up to date (a
packaged build compiles it: ``python -m desktop.i18n``); otherwise it compiles
the .ts with PySide6's lrelease into the user cache; and if even that cannot run,
it reads the .ts directly, so a fresh clone always speaks both languages.

Run ``python -m desktop.i18n`` to compile every .ts beside itself.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from engine.resources import resource_path

DOMAIN = "clusterquote"


def i18n_dir() -> Path:
    return resource_path("i18n")


def ts_path(language: str) -> Path:
    return i18n_dir() / f"{DOMAIN}_{language}.ts"


def lrelease_command() -> list[str] | None:
    """PySide6's lrelease: the binary inside the package, or the pyside6-lrelease script."""
    try:
        import PySide6
    except ImportError:  # pragma: no cover - the GUI cannot run without it anyway
        return None
    folder = Path(PySide6.__file__).parent
    for name in ("lrelease", "lrelease.exe"):
        if (folder / name).is_file():
            return [str(folder / name)]
    script = shutil.which("pyside6-lrelease")
    return [script] if script else None


def compile_ts(ts: Path, qm: Path) -> bool:
    """Compile ``ts`` into ``qm`` with lrelease; False when lrelease is missing or fails."""
    command = lrelease_command()
    if command is None:
        return False
    qm.parent.mkdir(parents=True, exist_ok=True)
    try:
        done = subprocess.run(
            [*command, "-silent", str(ts), "-qm", str(qm)],
            capture_output=True,
            timeout=60,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return done.returncode == 0 and qm.is_file()


def _cache_dir() -> Path:
    folder = os.environ.get("CLUSTERQUOTE_DATA_DIR")
    if folder:
        return Path(folder) / "cache"
    import platformdirs

    return Path(platformdirs.user_cache_dir("ClusterQuote", "ClusterQuote"))


def _fresh(qm: Path, ts: Path) -> bool:
    return qm.is_file() and qm.stat().st_mtime >= ts.stat().st_mtime


def qm_for(language: str) -> Path | None:
    """A compiled .qm for ``language`` that matches its .ts, compiling one if needed."""
    ts = ts_path(language)
    if not ts.is_file():
        return None
    shipped = ts.with_suffix(".qm")
    if _fresh(shipped, ts):
        return shipped
    cached = _cache_dir() / shipped.name
    if _fresh(cached, ts):
        return cached
    try:
        if compile_ts(ts, cached):
            return cached
    except OSError:
        pass
    return None


class TsTranslator(QTranslator):
    """Reads a Qt Linguist .ts directly: the fallback when no .qm can be had."""

    def __init__(self, ts: Path) -> None:
        super().__init__()
        self._messages: dict[tuple[str, str], str] = {}
        root = ET.parse(ts).getroot()
        for context in root.iter("context"):
            name = context.findtext("name", "")
            for message in context.iter("message"):
                translation = message.find("translation")
                if translation is None or translation.get("type") in ("unfinished", "obsolete"):
                    continue
                source = message.findtext("source", "")
                if translation.text:
                    self._messages[(name, source)] = translation.text

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        return self._messages.get((context, source), "")

    def isEmpty(self) -> bool:
        return not self._messages


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install Qt's and the app's translators for ``language``; returns them (keep them alive)."""
    for old in getattr(app, "_cq_translators", []):
        app.removeTranslator(old)
    installed: list[QTranslator] = []
    if language != "en":
        qt = QTranslator(app)
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt.load(f"qtbase_{language}", folder):
            app.installTranslator(qt)
            installed.append(qt)
        own: QTranslator | None = None
        qm = qm_for(language)
        if qm is not None:
            own = QTranslator(app)
            if not own.load(str(qm)):
                own = None
        if own is None and ts_path(language).is_file():
            own = TsTranslator(ts_path(language))
        if own is not None:
            app.installTranslator(own)
            installed.append(own)
    QLocale.setDefault(QLocale(language if language != "en" else "en_US"))
    app._cq_translators = installed  # type: ignore[attr-defined]
    return installed


def main() -> int:
    """Compile every .ts in resources/i18n to a .qm beside it (for packaging)."""
    failed = 0
    for ts in sorted(i18n_dir().glob("*.ts")):
        qm = ts.with_suffix(".qm")
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / qm.name
            if compile_ts(ts, out):
                shutil.move(str(out), qm)
                print(f"compiled {qm}")
            else:
                print(f"could not compile {ts}", file=sys.stderr)
                failed += 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
