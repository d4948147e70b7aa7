"""The system editor says what the catalog's models refuse in the app's language: pydantic's
error types mapped to the catalogue (resources/i18n/<lang>/editor.ftl), the field named by its
label on its tab, never pydantic's own English."""

from __future__ import annotations

import pytest

from desktop import i18n
from desktop.catalog_edit import validation_text
from tests.desktop.test_gui_catalog_edit import _editor, _own_system
from tests.zh_words import english_words

# (pydantic's error, the English, the Chinese): the limit pydantic names is kept
ERRORS = [
    ({"type": "missing"}, "required", "必填"),
    ({"type": "greater_than", "ctx": {"gt": 0.0}}, "must be greater than 0", "须大于 0"),
    ({"type": "less_than_equal", "ctx": {"le": 1}}, "must be at most 1", "须不超过 1"),
    ({"type": "string_type"}, "must be text", "须为文字"),
    ({"type": "int_parsing"}, "must be a whole number", "须为整数"),
    ({"type": "string_too_short", "ctx": {"min_length": 3}}, "must be at least 3 characters long",
     "至少 3 个字符"),
    ({"type": "literal_error", "ctx": {"expected": "'ampere', 'ada' or 'hopper'"}},
     "must be one of: ampere, ada, hopper", "须为以下之一：ampere、ada、hopper"),
    ({"type": "url_parsing"}, "is not allowed (check url_parsing)", "不可用（请检查：url_parsing）"),
]


@pytest.mark.parametrize(("error", "english", "chinese"), ERRORS)
def test_each_error_type_is_worded_in_both_languages(error, english, chinese) -> None:  # type: ignore[no-untyped-def]
    assert validation_text(error, "en") == english
    zh = validation_text(error, "zh")
    assert zh == chinese
    assert english_words(zh, {"ampere", "ada", "hopper", "url_parsing"}) == []


@pytest.fixture
def chinese(qapp):  # type: ignore[no-untyped-def]
    i18n.install_translators(qapp, "zh_CN")
    yield
    i18n.install_translators(qapp, "en")


def test_the_chinese_editor_names_the_field_in_chinese(qtbot, window, chinese) -> None:  # type: ignore[no-untyped-def]
    from engine.user_catalog import user_catalog_path

    editor = _editor(window)
    _own_system(editor)
    editor.tabs.setCurrentIndex(3)
    editor.widgets[("gpus", "id")].setText("Bad Id")
    editor.widgets[("gpus", "source")].setText("ab")  # a source is at least 3 characters
    assert not editor.save()
    lines = editor.problem.text().splitlines()
    assert lines[0] == "加速卡 › 编号 = Bad Id：只能由小写字母、数字和连字符组成，且以字母或数字开头"
    assert any(line.endswith("来源 = ab：至少 3 个字符") for line in lines), lines
    for line in lines:
        assert english_words(line, {"Bad", "Id", "ab"}) == [], line
    assert editor.tabs.currentIndex() == 0  # the accelerator's tab, where the fields are
    assert not user_catalog_path().exists()
