"""Complete Chinese: every text of the zh_CN UI is Chinese, save names that are never translated.

The walk reads every widget's text (labels, buttons, menus, tabs, combo items,
placeholders, tooltips, item views' headers and cells) of the comparison window
with every view shown, a refusal with its fix, the wizard on every page and the
catalog window's own widgets. A text passes when, after taking out product and
part names, model numbers, units, abbreviations and identifiers, no English word is left.
"""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QCoreApplication

from desktop import i18n
from engine.model import Facility, PlanRequest, Schedule, Workload
from tests.desktop.ui_text import plain, visible_texts

# Names and units that stay as they are in a Chinese UI (brands, products, units, acronyms).
KEPT = {
    "ClusterQuote", "English", "NVIDIA", "ThinkSystem", "InfiniBand", "NVSwitch", "NVLink", "Quantum",
    "ConnectX", "Xeon", "EPYC", "AMD", "Neptune", "HGX", "Llama", "Qwen", "DeepSeek", "ChatGPT", "GPT",
    "MoE", "Brown", "Touvron", "Meta", "README", "PCIe", "FLOPs", "PFLOPS", "PF", "kW", "kWh", "kg",
    "mm", "CNY", "USD", "Uptime", "Institute", "NVMe", "DDR", "GbE", "OSFP", "QSFP", "NDR", "HDR",
    "SR", "MPO", "APC", "AOC", "DAC", "RLHF", "BTU", "xlsx", "png", "csv", "prices", "Hopper",
    "Ampere", "Ada", "BOM", "IDC", "MFU", "PUE", "TCO", "GPU", "GPUs", "CPU", "VAT", "SXM", "DW",
    "MW", "MWh", "TB", "GB", "PDU", "CRAH", "CDU", "RDHx", "BF", "FP", "TF", "OM", "Small", "Medium",
    "Large", "XL",
    # CPU, software and storage product names of the configured systems and the cluster software
    "Intel", "Platinum", "Gold", "Ice", "Lake", "Sapphire", "Emerald", "Rapids", "Genoa", "Rocky", "Linux",
    "Slurm", "Warewulf", "OpenHPC", "GHz", "Dell", "Omdia",
    # Huawei's product names (the domestic accelerator system)
    "Huawei", "Atlas", "Ascend", "Kunpeng", "TaiShan", "HCCS", "RoCE", "WenTian",
}
# names of several words, some of them plain English
PRODUCT_NAMES = re.compile(r"IBM Storage Scale|NVIDIA AI Enterprise|The Register")
PATH = re.compile(r"\b[\w.-]+(?:/[\w.-]+)+\.\w+\b")  # a file the figures come from
WORD = re.compile(r"[A-Za-z][A-Za-z]+")
IDENTIFIER = re.compile(r"\b[a-z0-9]+(?:[-.][a-z0-9]+)+\b")  # configuration and price-list ids
MODEL_NUMBER = re.compile(r"\b\w*\d\w*(?:-\w+)*\b")  # A100, NF5688M6, MCX75310AAS-NEAT, 400G
KEY_VALUE = re.compile(r"\b[a-z_]+=[\w.-]*")  # input syntax the parser reads: tokens_per_s=3100


def english_words(text: str) -> list[str]:
    text = KEY_VALUE.sub(" ", plain(text))
    text = IDENTIFIER.sub(" ", PATH.sub(" ", PRODUCT_NAMES.sub(" ", text)))
    text = MODEL_NUMBER.sub(" ", text)
    return [w for w in WORD.findall(text) if w not in KEPT and not w.isupper()]


def untranslated(root, **kwargs) -> list[str]:  # type: ignore[no-untyped-def]
    found = []
    for where, text in visible_texts(root, **kwargs):
        words = english_words(text)
        if words:
            found.append(f"{where}: {text[:120]!r} ({' '.join(words[:5])})")
    return sorted(set(found))


def test_the_word_filter_catches_english_and_keeps_names() -> None:
    assert english_words("浪潮 NF5688M6 · 8× A800 SXM4") == []
    assert english_words("lenovo-sr670v2-a40 / 联想 ThinkSystem SR670 V2，NVIDIA A40 48GB") == []
    assert english_words("one per rack") == ["one", "per", "rack"]
    assert english_words("Refused: 服务器") == ["Refused"]
    assert english_words("联想 DSS-G 全闪存构建块（IBM Storage Scale）") == []
    assert english_words("Storage vendor") == ["Storage", "vendor"]
    assert english_words("（resources/calibration/runs.csv）") == []
    assert english_words("read/write") == ["read", "write"]
    assert english_words("例如 tokens_per_s=3100,params=7B,gpus=64,gpu=h100-sxm5-80gb") == []
    assert english_words("per GPU = 8") == ["per"]  # a sentence with "=" is still English


@pytest.fixture
def chinese(qapp):  # type: ignore[no-untyped-def]
    i18n.install_translators(qapp, "zh_CN")
    yield
    i18n.install_translators(qapp, "en")


def test_every_visible_string_of_the_chinese_ui_is_translated(
    qtbot, add_window, settings, wait_planned, chinese
) -> None:  # type: ignore[no-untyped-def]
    from desktop.draft import RequestDraft
    from desktop.main_window import MainWindow

    settings.language = "zh_CN"
    window = add_window(MainWindow(settings))
    window.show()
    # direct liquid cooling: most configurations are refused, the refusal line offers a fix
    window.set_request(PlanRequest(Workload(preset="gpt3-175b"), Schedule(days=30.0, lead_time_days=0.0),
                                   facility=Facility(cooling="liquid")))
    wait_planned(window)
    assert window.fix_button.isVisible()
    assert len(list(visible_texts(window))) > 300  # the walk reads the views' cells, not just a few labels
    part_number = QCoreApplication.translate("BomModel", "Part number")
    problems = []
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        qtbot.wait(10)
        problems += untranslated(window, skip_columns=frozenset({part_number}))
    window.apply_fix()  # air cooling: every configuration planned, every warning shown
    wait_planned(window)
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        qtbot.wait(10)
        problems += untranslated(window, skip_columns=frozenset({part_number}))

    wizard = window._open_wizard(RequestDraft.from_request(window.request), new=False)
    for _ in range(5):
        problems += untranslated(wizard)
        wizard.next()
    wizard.reject()
    window.show_catalog()
    problems += untranslated(window.catalog_window, cells=False)  # its cells are the catalog's records
    window.catalog_window.close()
    assert not sorted(set(problems)), "\n".join(sorted(set(problems)))


def test_every_default_has_its_note_in_chinese() -> None:
    import re

    from engine.assumptions import default_note, defaults

    for key in defaults():  # the tooltips of the request fields read these
        assert re.search(r"[\u4e00-\u9fff]", default_note(key, "zh")), key


def test_no_sentence_lives_both_in_the_ts_and_in_the_catalogue() -> None:
    """Qt's .ts keeps the widgets' own texts; the catalogue everything the engine says. A
    sentence in both would need two edits per language, and one would drift."""
    import contextlib
    import xml.etree.ElementTree as ET

    from engine.i18n import codes, t
    from engine.resources import resource_path

    root = ET.parse(resource_path("i18n", "clusterquote_zh_CN.ts")).getroot()
    contexts = {c.findtext("name") for c in root.iter("context")}
    assert "Notes" not in contexts  # the BOM notes are the catalogue's (notes.ftl)
    sources = {m.findtext("source") for m in root.iter("message")}
    english = set()
    for code in codes("en"):
        with contextlib.suppress(ValueError):  # a sentence with figures cannot be in the .ts
            english.add(t(code, "en"))
    both = sorted(s for s in sources if s in english and len(s.split()) > 2)
    assert not both, both


def test_the_system_editor_speaks_chinese(qtbot, add_window, settings, chinese) -> None:  # type: ignore[no-untyped-def]
    from desktop.main_window import MainWindow

    settings.language = "zh_CN"
    window = add_window(MainWindow(settings))
    window.show_catalog()
    editor = window.catalog_window.edit_system(None)
    editor.widgets[("configurations", "gpu_count")].setText("16")  # refused by the configurator
    editor.widgets[("configurations", "id")].setText("acme-x")
    editor.widgets[("configurations", "source")].setText("数据表")
    assert not editor.save()
    assert "装不下 16 块 GPU" in editor.problem.text()
    problems = []
    for index in range(editor.tabs.count()):
        editor.tabs.setCurrentIndex(index)
        qtbot.wait(10)
        problems += untranslated(editor, cells=False)
    editor.reject()
    # the choices that stay as the catalog names them: architectures, form factors, links
    technical = {"ampere", "ada", "hopper", "davinci", "nvlink", "nvlink-bridge", "nvswitch",
                 "nvlink-mesh", "hccs", "pcie", "sxm4", "sxm5", "npu-module"}
    left = [p for p in problems if p.split("'")[1] not in technical]
    assert not left, "\n".join(left)
