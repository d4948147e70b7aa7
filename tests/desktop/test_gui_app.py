"""Entry point, settings registry, translations and the self-test."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings

from desktop import i18n
from desktop.settings import MAX_RECENT, Settings

ROOT = Path(__file__).resolve().parents[2]


def test_settings_registry_defaults_and_round_trip(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    qs = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    s = Settings(qs)
    assert s.language in ("en", "zh_CN")  # from the system locale
    assert s.recent_files == [] and s.autosave_draft is True and s.last_folder == ""
    s.language = "zh_CN"
    s.autosave_draft = False
    for n in range(MAX_RECENT + 3):
        s.add_recent(f"/plans/{n}.cqplan")
    s.sync()
    again = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    assert again.language == "zh_CN" and again.effective_language() == "zh_CN"
    assert again.autosave_draft is False
    assert len(again.recent_files) == MAX_RECENT
    assert again.recent_files[0] == f"/plans/{MAX_RECENT + 2}.cqplan"
    again.language = "klingon"
    assert again.effective_language() == "en"
    assert set(Settings.keys()) >= {"language", "recent_files", "window_geometry"}


def test_settings_live_in_the_data_dir_when_it_is_set(qapp, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    s = Settings()
    s.last_folder = "/x"
    s.sync()
    assert (data_dir / "settings.ini").is_file()


def test_translation_file_is_complete_and_current(tmp_path: Path) -> None:
    ts = ROOT / "resources" / "i18n" / "clusterquote_zh_CN.ts"
    root = ET.parse(ts).getroot()
    messages = list(root.iter("message"))
    assert len(messages) > 250
    for message in messages:
        translation = message.find("translation")
        assert translation is not None
        assert translation.get("type") is None, message.findtext("source")
        text = "".join(translation.itertext())
        assert text.strip(), message.findtext("source")
        source = message.findtext("source") or ""
        for marker in ("%1", "%2", "%3", "%n"):
            assert (marker in source) == (marker in text), (source, text)
    # every tr() string in desktop/ is in the file: lupdate finds nothing new
    lupdate = i18n.lrelease_command()
    assert lupdate is not None
    tool = Path(lupdate[0]).with_name(Path(lupdate[0]).name.replace("lrelease", "lupdate"))
    if not tool.exists():
        pytest.skip("lupdate is not available")
    copy = tmp_path / "copy.ts"
    copy.write_bytes(ts.read_bytes())
    # the BOM notes' texts live in the Qt-free engine, which the quote reads them from too
    sources = [*sorted(str(p) for p in (ROOT / "desktop").rglob("*.py")),
               str(ROOT / "engine" / "export" / "notes.py")]
    done = subprocess.run(
        [str(tool), *sources, "-ts", str(copy), "-no-obsolete", "-locations", "none"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "(0 new and" in done.stdout, done.stdout


def test_chinese_translators_load_for_the_app_and_for_qt(qapp) -> None:  # type: ignore[no-untyped-def]
    try:
        installed = i18n.install_translators(qapp, "zh_CN")
        assert len(installed) == 2
        assert QCoreApplication.translate("ModelPage", "Target model") == "目标模型"
        assert QCoreApplication.translate("QWizard", "&Next >") != "&Next >"  # qtbase
    finally:
        i18n.install_translators(qapp, "en")
    assert QCoreApplication.translate("ModelPage", "Target model") == "Target model"


def test_a_fresh_clone_without_qm_compiles_or_reads_the_ts(qapp, data_dir: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    qm = i18n.qm_for("zh_CN")  # compiled into the cache when no fresh .qm is shipped
    assert qm is not None and qm.is_file()
    monkeypatch.setattr(i18n, "qm_for", lambda _language: None)  # no lrelease at all
    try:
        installed = i18n.install_translators(qapp, "zh_CN")
        assert any(isinstance(t, i18n.TsTranslator) for t in installed)
        assert QCoreApplication.translate("MainWindow", "Comparison") == "方案对比"
    finally:
        i18n.install_translators(qapp, "en")


def test_main_passes_other_commands_to_the_command_line(capsys) -> None:  # type: ignore[no-untyped-def]
    from desktop.main import main

    assert main(["catalog", "configs", "--format", "json"]) == 0
    assert "inspur-nf5688m6-a800" in capsys.readouterr().out


def test_gui_help(capsys) -> None:  # type: ignore[no-untyped-def]
    from desktop.main import main

    with pytest.raises(SystemExit) as info:
        main(["gui", "--help"])
    assert info.value.code == 0
    assert "--self-test" in capsys.readouterr().out


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_self_test_walks_the_app_and_writes_the_quote(qapp, tmp_path: Path, language: str) -> None:  # type: ignore[no-untyped-def]
    from desktop.self_test import run_self_test

    try:
        assert run_self_test(tmp_path / "out", language=language) == 0
    finally:
        i18n.install_translators(qapp, "en")
    out = tmp_path / "out"
    assert (out / "quote.xlsx").stat().st_size > 0
    pngs = sorted(p.name for p in out.glob("*.png"))
    assert [p for p in pngs if p.startswith("wizard-")] == [
        "wizard-1-target-model.png",
        "wizard-2-schedule.png",
        "wizard-3-configurations.png",
        "wizard-4-facility-money.png",
        "wizard-5-review.png",
    ]
    assert any(p.startswith("comparison-") and "bom" in p for p in pngs)
    assert "optimise.png" in pngs  # a search run, its best variant used and undone
    for language in ("en", "zh_CN"):  # both languages, whichever the run speaks
        for shot in (f"pair-{language}.png", f"racks-{language}.png", f"racks-{language}-export.png"):
            assert shot in pngs
    assert len(pngs) > 10


def test_many_signal_emits_do_not_kill_the_process(tmp_path: Path) -> None:
    """PySide6 6.12.0 lost a reference to True per emit and crashed long sessions (excluded in
    pyproject.toml): signals from Python must not wear anything out."""
    script = (
        "import os; os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "import desktop\n"
        "from PySide6.QtCore import QObject, Signal\n"
        "class O(QObject):\n    s = Signal(int)\n"
        "o = O()\n"
        "for i in range(50_000): o.s.emit(i)\n"
        "print('ok')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-500:]
    assert done.stdout.strip() == "ok"


def test_the_window_opens_without_pandas_or_matplotlib() -> None:
    """Start-up stays quick: the table library and the charts load when a plan is shown."""
    code = (
        "import sys\n"
        "import desktop.main_window, desktop.wizard\n"
        "print(sorted(m for m in ('pandas', 'matplotlib') if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert done.stdout.strip() == "[]"
