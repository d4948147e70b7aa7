"""The language catalogue (engine/i18n.py, resources/i18n/<lang>/*.ftl): one sentence per
language per code, the same placeholders in both, figures formatted the language's way."""

from __future__ import annotations

import datetime as dt

import pytest

from engine.i18n import LANGS, MissingText, codes, day, number, placeholders, t
from engine.model import Message


def test_both_languages_have_the_same_codes() -> None:
    # defaults' notes: English beside the figure in resources/assumptions.toml, other
    # languages in their defaults.ftl
    assert codes("en") == {c for c in codes("zh") if not c.startswith(("default-", "leadtime-"))}
    assert len(codes("en")) > 350  # the quote's words, the messages, the notes


def test_every_defaults_note_is_worded_in_chinese_and_no_other_key_is() -> None:
    from engine.assumptions import default_note, defaults

    noted = {f"default-{k.replace('.', '-')}" for k, d in defaults().items() if d.note}
    assert noted == {c for c in codes("zh") if c.startswith("default-")}
    goodput = defaults()["schedule.goodput"].note
    assert default_note("schedule.goodput", "en") == goodput
    assert default_note("schedule.goodput", "zh").startswith("实际用于训练的时间占比")


def test_every_lead_time_note_is_worded_in_chinese() -> None:
    # resources/lead_times.toml keeps each English note beside its figure; defaults.ftl words it
    import tomllib

    from engine.resources import resource_path

    table = tomllib.loads(resource_path("lead_times.toml").read_text(encoding="utf-8"))
    noted = {f"leadtime-{market}-{arch}" for market, archs in table.items() if market != "install"
             for arch in archs} | {"leadtime-install"}
    assert noted == {c for c in codes("zh") if c.startswith("leadtime-")}


# Figures one language words its own way: a discount as 折 (8.5折 = 15 % off); a cable's
# part number, left out of the Chinese sentence; the liquid refusal's fix as the request's
# setting (cooling = liquid), said in Chinese words instead.
_OWN_WORDING = {"quote-price_factor_note": {"zhe"}, "msg-cable-reach-full": {"cable"},
                "msg-liquid-needs-loop-full": {"fix"},
                # the market rule's source is cited as read, in English, on the Sources sheet
                "assumed-market-status": {"import_source"}}


@pytest.mark.parametrize("code", sorted(codes("en")))
def test_both_languages_fill_the_same_placeholders(code: str) -> None:
    # the caller passes the same figures whatever the language: a sentence may leave one out
    # only where the list above says why
    own = _OWN_WORDING.get(code, set())
    assert placeholders(code, "en") ^ placeholders(code, "zh") <= own


def test_placeholders_are_filled_by_name() -> None:
    assert t("racks.title", "en", config="A") == "Racks: A"
    assert t("racks.title", "zh", config="A") == "机柜布置：A"


def test_numbers_follow_the_entry_and_the_language() -> None:
    # NUMBER(..., minimumFractionDigits: 2, maximumFractionDigits: 2) and a percent
    text = t("asm.days_band_note", "en", low=0.8, high=1.3333, coverage=0.9)
    assert "times 0.80 and 1.33," in text and "held 90% of" in text
    zh = t("asm.days_band_note", "zh", low=0.8, high=1.3333, coverage=0.9)
    assert "0.80 和 1.33" in zh and "90%" in zh
    assert number(1234567.891, "en", 2) == "1,234,567.89"
    assert number(1234567.891, "zh") == "1,234,568"
    assert day(dt.date(2026, 3, 9), "zh") == "2026年3月9日"
    assert day(dt.date(2026, 3, 9), "en") == "2026-03-09"


def test_a_parameter_named_for_a_language_stands_in_for_it() -> None:
    m = Message.of("gpu-slots", gpus=10, server="Server X", server_zh="某服务器", slots=8)
    assert m.text.endswith("the Server X: it has 8 GPU positions")
    assert m.render("zh") == "某服务器 装不下 10 块 GPU：仅有 8 个 GPU 位"


def test_a_missing_code_or_placeholder_raises() -> None:
    with pytest.raises(MissingText):
        t("no.such.code", "en")
    with pytest.raises(ValueError, match="config"):
        t("racks.title", "zh")
    with pytest.raises(ValueError, match="lang"):
        t("racks.title", "fr", config="A")


def test_a_message_keeps_its_figures_and_english_text() -> None:
    m = Message.of("gpu-slots", gpus=10, server="Server X", slots=8)
    assert m.params == (("gpus", 10), ("server", "Server X"), ("slots", 8))
    # written out by hand from the two catalogue entries
    assert m.text == "10 GPUs do not fit the Server X: it has 8 GPU positions"
    assert m.render("zh") == "Server X 装不下 10 块 GPU：仅有 8 个 GPU 位"
    assert m.render("en") == m.text
    hash(m)  # stays a frozen, hashable value


def test_each_language_is_one_folder_of_area_files() -> None:
    from engine.resources import resource_path

    for lang in LANGS:
        names = {p.name for p in resource_path("i18n", lang).iterdir()} - {"defaults.ftl"}
        assert names == {p.name for p in resource_path("i18n", "en").iterdir()}
        assert all(name.endswith(".ftl") for name in names)
