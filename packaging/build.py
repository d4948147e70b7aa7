"""Build ClusterQuote's frozen bundle and its installer for the platform this runs on.

    uv run python packaging/build.py [--clean] [--skip-archive]

1. Runs PyInstaller on packaging/clusterquote.spec into dist/clusterquote/
   (executable dist/clusterquote/clusterquote, .exe on Windows; on macOS also
   dist/ClusterQuote.app).
2. Packs it, named with the version from pyproject.toml:
   - Linux:   dist/clusterquote-<version>-linux-<arch>.tar.gz (with a .desktop file,
              the icons, the MIME type for saved plans and install.sh)
   - Windows: dist/ClusterQuote-<version>-setup.exe with Inno Setup's ISCC
              (packaging/windows/clusterquote.iss); without Inno Setup,
              dist/clusterquote-<version>-windows-<arch>.zip
   - macOS:   dist/ClusterQuote-<version>-macos-<arch>.dmg with hdiutil
              (packaging/macos/make_dmg.sh)
3. Writes <archive>.sha256 beside it, in `sha256sum` format.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import time
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
SPEC = PACKAGING / "clusterquote.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
BUNDLE = DIST / "clusterquote"
APP = DIST / "ClusterQuote.app"
ICONS = ROOT / "resources" / "icons"
ICON_SIZES = (16, 32, 48, 64, 128, 256, 512)

INNO_LOCATIONS = (
    r"C:\Program Files (x86)\Inno Setup 6\ISCC.exe",
    r"C:\Program Files\Inno Setup 6\ISCC.exe",
)


def project_version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as fh:
        version = tomllib.load(fh)["project"]["version"]
    if not isinstance(version, str):
        raise SystemExit("pyproject.toml has no [project] version")
    return version


def arch() -> str:
    machine = platform.machine().lower()
    return {"amd64": "x86_64", "x64": "x86_64", "aarch64": "arm64"}.get(machine, machine)


def executable() -> Path:
    return BUNDLE / ("clusterquote.exe" if sys.platform == "win32" else "clusterquote")


def tree_size(path: Path) -> int:
    """Bytes in the files under path (symbolic links counted once, as links)."""
    total = 0
    for item in path.rglob("*"):
        if item.is_symlink():
            continue
        if item.is_file():
            total += item.stat().st_size
    return total


def mib(n: int) -> str:
    return f"{n / 2**20:.1f} MiB"


def check_metadata(version: str) -> None:
    """The bundle carries the installed package metadata; it must match pyproject.toml."""
    from importlib import metadata

    try:
        installed = metadata.version("clusterquote")
    except metadata.PackageNotFoundError:
        raise SystemExit("clusterquote is not installed in this environment: run `uv sync` first") from None
    if installed != version:
        raise SystemExit(
            f"installed metadata says {installed}, pyproject.toml says {version}: "
            "run `uv sync` so that the bundle carries the right version"
        )


def compile_translations() -> None:
    """The .qm files are built, not kept in git: compile them before they are bundled."""
    print("$ python -m desktop.i18n", flush=True)
    subprocess.run([sys.executable, "-m", "desktop.i18n"], check=True, cwd=ROOT)


def run_pyinstaller(clean: bool) -> None:
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--distpath",
        str(DIST),
        "--workpath",
        str(WORK),
        str(SPEC),
    ]
    if clean:
        command.insert(3, "--clean")
    print("$", " ".join(command), flush=True)
    subprocess.run(command, check=True, cwd=ROOT)


def write_checksum(archive: Path) -> Path:
    digest = hashlib.sha256()
    with archive.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    checksum = archive.with_name(archive.name + ".sha256")
    # sha256sum's format: hex digest, two spaces (text mode), file name
    checksum.write_text(f"{digest.hexdigest()}  {archive.name}\n", encoding="utf-8")
    return checksum


# --- Linux -------------------------------------------------------------------------


def pack_linux(version: str) -> Path:
    top = f"clusterquote-{version}"
    archive = DIST / f"clusterquote-{version}-linux-{arch()}.tar.gz"
    linux = PACKAGING / "linux"

    def add_bytes(tar: tarfile.TarFile, name: str, data: bytes, mode: int = 0o644) -> None:
        info = tarfile.TarInfo(f"{top}/{name}")
        info.size = len(data)
        info.mode = mode
        info.mtime = int(time.time())
        tar.addfile(info, io.BytesIO(data))

    def normalise(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = ""
        return info

    with tarfile.open(archive, "w:gz", compresslevel=9) as tar:
        for item in sorted(BUNDLE.iterdir()):
            tar.add(item, arcname=f"{top}/{item.name}", filter=normalise)
        tar.add(linux / "clusterquote.desktop", arcname=f"{top}/clusterquote.desktop", filter=normalise)
        tar.add(linux / "clusterquote-mime.xml", arcname=f"{top}/clusterquote-mime.xml", filter=normalise)
        tar.add(linux / "install.sh", arcname=f"{top}/install.sh", filter=normalise)
        tar.add(ICONS / "clusterquote-256.png", arcname=f"{top}/clusterquote.png", filter=normalise)
        for size in ICON_SIZES:
            tar.add(
                ICONS / f"clusterquote-{size}.png",
                arcname=f"{top}/icons/clusterquote-{size}.png",
                filter=normalise,
            )
        add_bytes(tar, "VERSION", f"{version}\n".encode())
    return archive


# --- Windows -----------------------------------------------------------------------


def find_iscc() -> str | None:
    candidates = [os.environ.get("ISCC", ""), shutil.which("ISCC") or "", *INNO_LOCATIONS]
    return next((c for c in candidates if c and Path(c).is_file()), None)


def pack_windows(version: str) -> Path:
    iscc = find_iscc()
    if iscc is not None:
        command = [
            iscc,
            "/Qp",
            f"/DAppVersion={version}",
            f"/DSourceDir={BUNDLE}",
            f"/DOutputDir={DIST}",
            f"/DIconFile={ICONS / 'clusterquote.ico'}",
            str(PACKAGING / "windows" / "clusterquote.iss"),
        ]
        print("$", " ".join(command), flush=True)
        subprocess.run(command, check=True, cwd=ROOT)
        return DIST / f"ClusterQuote-{version}-setup.exe"

    print(
        "Inno Setup (ISCC.exe) not found: packing a zip instead of an installer. "
        "Install Inno Setup 6 or set ISCC to its ISCC.exe for the installer."
    )
    archive = DIST / f"clusterquote-{version}-windows-{arch()}.zip"
    top = f"clusterquote-{version}"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for item in sorted(BUNDLE.rglob("*")):
            if item.is_file():
                zf.write(item, f"{top}/{item.relative_to(BUNDLE).as_posix()}")
    return archive


# --- macOS -------------------------------------------------------------------------


def pack_macos(version: str) -> Path:
    if not APP.is_dir():
        raise SystemExit(f"{APP} was not built (the spec builds it on macOS)")
    dmg = DIST / f"ClusterQuote-{version}-macos-{arch()}.dmg"
    command = [
        "bash",
        str(PACKAGING / "macos" / "make_dmg.sh"),
        str(APP),
        str(dmg),
        f"ClusterQuote {version}",
    ]
    print("$", " ".join(command), flush=True)
    subprocess.run(command, check=True, cwd=ROOT)
    return dmg


# -----------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the ClusterQuote bundle and installer.")
    parser.add_argument(
        "--clean", action="store_true", help="remove earlier build output and PyInstaller's cache first"
    )
    parser.add_argument(
        "--skip-archive",
        action="store_true",
        help="build dist/clusterquote/ only; no archive, installer or checksum",
    )
    args = parser.parse_args(argv)

    started = time.monotonic()
    version = project_version()
    print(f"ClusterQuote {version} for {sys.platform}/{arch()}", flush=True)
    check_metadata(version)

    if args.clean:
        for path in (WORK, BUNDLE, APP):
            shutil.rmtree(path, ignore_errors=True)

    compile_translations()
    run_pyinstaller(args.clean)
    exe = executable()
    if not exe.is_file():
        raise SystemExit(f"PyInstaller did not produce {exe}")
    frozen_at = time.monotonic()

    size = tree_size(APP if sys.platform == "darwin" else BUNDLE)
    print(f"bundle: {BUNDLE.relative_to(ROOT)} ({mib(size)})")

    if not args.skip_archive:
        if sys.platform.startswith("linux"):
            archive = pack_linux(version)
        elif sys.platform == "win32":
            archive = pack_windows(version)
        elif sys.platform == "darwin":
            archive = pack_macos(version)
        else:
            raise SystemExit(f"no archive recipe for {sys.platform}; use --skip-archive")
        checksum = write_checksum(archive)
        print(f"archive: {archive.relative_to(ROOT)} ({mib(archive.stat().st_size)})")
        print(f"checksum: {checksum.relative_to(ROOT)}")

    done = time.monotonic()
    print(
        f"build time: {done - started:.0f} s (PyInstaller {frozen_at - started:.0f} s, "
        f"packing {done - frozen_at:.0f} s)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
