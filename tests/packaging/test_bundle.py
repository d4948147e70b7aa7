"""Build the Linux bundle with packaging/build.py and smoke-test the frozen binary.

Slow (a PyInstaller build, about a minute or two): it runs in CI (CI is set) or when
CLUSTERQUOTE_PACKAGING=1, and is skipped otherwise.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import tarfile
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DIST = ROOT / "dist"

pytestmark = [
    pytest.mark.packaging,
    pytest.mark.skipif(
        not (os.environ.get("CI") or os.environ.get("CLUSTERQUOTE_PACKAGING") == "1"),
        reason="builds the frozen bundle: set CLUSTERQUOTE_PACKAGING=1 (CI runs it)",
    ),
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="builds the Linux bundle"),
]


def _version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as fh:
        version = tomllib.load(fh)["project"]["version"]
    assert isinstance(version, str)
    return version


@pytest.fixture(scope="module")
def archive() -> Path:
    result = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "build.py")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    assert result.returncode == 0, f"build.py failed:\n{result.stdout[-4000:]}\n{result.stderr[-8000:]}"
    print(result.stdout[-1000:])
    archives = sorted(DIST.glob(f"clusterquote-{_version()}-linux-*.tar.gz"))
    assert len(archives) == 1, archives
    return archives[0]


@pytest.fixture(scope="module")
def unpacked(archive: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The archive unpacked as a user would: the binary runs from there, not from dist/."""
    target = tmp_path_factory.mktemp("unpacked")
    with tarfile.open(archive) as tar:
        tar.extractall(target, filter="tar")
    (top,) = target.iterdir()
    return top


def _frozen_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def test_checksum_matches(archive: Path) -> None:
    line = archive.with_name(archive.name + ".sha256").read_text(encoding="utf-8")
    digest, name = line.split()
    assert name == archive.name
    assert digest == hashlib.sha256(archive.read_bytes()).hexdigest()


def test_archive_has_desktop_integration(unpacked: Path) -> None:
    assert (unpacked / "clusterquote").is_file()
    assert os.access(unpacked / "clusterquote", os.X_OK)
    desktop = (unpacked / "clusterquote.desktop").read_text(encoding="utf-8")
    assert "MimeType=application/x-clusterquote-plan;" in desktop
    assert "Icon=clusterquote" in desktop
    assert (unpacked / "clusterquote.png").is_file()
    assert "*.cqplan" in (unpacked / "clusterquote-mime.xml").read_text(encoding="utf-8")
    bundled = unpacked / "_internal" / "resources"
    assert (bundled / "icons" / "clusterquote-256.png").is_file()
    assert (bundled / "catalog").is_dir()
    assert (bundled / "i18n" / "clusterquote_zh_CN.qm").is_file()  # Chinese ships compiled


def test_frozen_version(unpacked: Path) -> None:
    result = subprocess.run(
        [str(unpacked / "clusterquote"), "--version"],
        capture_output=True,
        text=True,
        timeout=120,
        env=_frozen_env(),
    )
    assert result.returncode == 0, result.stderr
    assert _version() in result.stdout


def test_frozen_gui_self_test(unpacked: Path, tmp_path: Path) -> None:
    out = tmp_path / "self-test"
    result = subprocess.run(
        [str(unpacked / "clusterquote"), "gui", "--self-test", str(out)],
        capture_output=True,
        text=True,
        timeout=600,
        env=_frozen_env(),
    )
    assert result.returncode == 0, f"exit {result.returncode}\n{result.stdout}\n{result.stderr}"
    assert (out / "quote.xlsx").is_file()
    assert list(out.glob("*.png")), "the self-test saves a PNG of each page and tab"
