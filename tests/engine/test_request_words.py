"""A refused request field is said in the reader's language from the catalogue
(resources/i18n/<lang>/request.ftl): the field, the value and what is allowed, in English
and in Chinese; a Chinese refusal carries no English word but the field's path, the flag
and the ids a user types (bf16, CNY, a preset's id)."""

from __future__ import annotations

import tomllib

import pytest

from engine.bounds import bound, check, numeric_keys
from engine.cli import FLAGS, main, reader_lang
from engine.errors import RequestError, allowed, field_name, one_of
from engine.i18n import has, t
from engine.resources import resource_path
from tests.zh_words import english_words

# (field, value, what is allowed, the English it must say, the ids its Chinese keeps)
CASES = [
    ("schedule.precision", "fp4", one_of(("bf16", "fp8")), "must be bf16 or fp8", {"bf16", "fp8"}),
    ("finance.currency", "EUR", one_of(("CNY", "USD")), "must be CNY or USD", {"EUR"}),
    ("facility.plant", "grid", allowed("allowed.one-of-or-empty", choices="ups, out"),
     "must be ups, out or left empty", {"ups", "out", "grid"}),
    ("finance.purchase_date", "29/02/2024", allowed("allowed.date", example="2026-03-01"),
     "must be a date written yyyy-mm-dd, e.g. 2026-03-01", {"yyyy-mm-dd"}),
    ("finance.market", "China", allowed("allowed.country", example="CN"),
     "must be a two-letter country code, e.g. CN", {"China", "CN"}),
    ("workload.params", "lots", allowed("allowed.count"),
     "give a positive number such as 175B, 300B, 1.5T or 175e9", {"lots"}),
    ("workload", "nothing", allowed("allowed.workload-one"),
     "give exactly one of: a preset, params with tokens, flops, or pf_days", {"nothing"}),
    ("schedule", "neither", allowed("allowed.days-or-gpus"),
     "give a deadline in days or a fleet size in GPUs, one of the two", {"neither"}),
    ("efficiency.measured_mfu", 0.005, allowed(
        "allowed.measured-mfu", mfu=0.005, gpu="H100", range=bound("efficiency.measured_mfu").allowed,
        range_zh=bound("efficiency.measured_mfu").said.render("zh")),
     "implies 1% of the H100's dense BF16 peak; a measured MFU must be at least 0.01 and at most 1",
     {"H100"}),
]
PATHS = {"schedule.precision", "finance.currency", "facility.plant", "finance.purchase_date",
         "finance.market", "workload.params", "workload", "schedule", "efficiency.measured_mfu"}


@pytest.mark.parametrize(("field", "value", "said", "english", "ids"), CASES)
def test_a_refusal_names_field_value_and_allowed_in_both_languages(
        field: str, value: object, said: object, english: str, ids: set[str]) -> None:
    exc = RequestError(field, value, said)  # type: ignore[arg-type]
    assert exc.allowed == english
    assert str(exc) == exc.text("en") == f"{field}: {value} is not allowed; {english}"
    zh = exc.text("zh")
    assert field in zh and str(value) in zh  # the path, which the plan file and JSON use
    assert field_name(field, "zh").startswith(t(f"field.{field}", "zh"))
    words = english_words(zh, ids | PATHS | {str(value)})  # the value as the user gave it
    assert words == [], zh


def test_a_bound_is_said_with_its_unit_in_each_language() -> None:
    # resources/bounds.toml: schedule.days is above 0 and at most 36500 days
    with pytest.raises(RequestError) as caught:
        check("schedule.days", 0)
    exc = caught.value
    assert str(exc) == "schedule.days: 0 is not allowed; must be above 0 and at most 36500 days"
    assert exc.text("zh") == "期限（天）（schedule.days）：0 不可用；须大于 0 且不超过 36500（单位：天）"
    # a whole number, with a unit
    with pytest.raises(RequestError) as caught:
        check("finance.years", 31)
    assert caught.value.allowed == "must be a whole number of years, at least 1 and at most 30"
    assert caught.value.allowed_in("zh") == "须为整数（单位：年），不小于 1 且不超过 30"


def test_a_missing_field_is_said_missing() -> None:
    exc = RequestError("workload.tokens", None, allowed("allowed.params-and-tokens"))
    assert exc.text("en") == "workload.tokens is missing; give both params and tokens"
    assert exc.text("zh") == "缺少 训练 token 数（workload.tokens）；参数量与 token 数须同时填写"


UNIT_IDS = {"FLOPs", "PF/s-days", "TB", "GB", "GB/s", "Gb/s", "TFLOPS", "U", "W", "kW", "kg"}


def test_every_unit_of_the_limits_table_is_worded_in_chinese() -> None:
    table = tomllib.loads(resource_path("bounds.toml").read_text(encoding="utf-8"))
    units = {e["unit"] for s in table.values() for e in s.values() if e.get("unit")}
    for unit in units - UNIT_IDS:
        key = "".join(c if c.isalnum() else "-" for c in unit)
        while "--" in key:
            key = key.replace("--", "-")
        zh = t("unit", "zh", unit=key.strip("-"))
        assert zh != unit and english_words(zh) == [], unit


def test_every_bounded_field_and_every_flag_names_its_field_in_chinese() -> None:
    request_sections = ("workload.", "schedule.", "efficiency.", "facility.", "finance.", "storage.")
    fields = {k for k in numeric_keys() if k.startswith(request_sections)} | set(FLAGS)
    missing = sorted(f for f in fields if not (has(f"field.{f}", "zh") and has(f"field.{f}", "en")))
    assert missing == []
    for f in fields:
        assert english_words(t(f"field.{f}", "zh")) == [], f


def test_the_command_line_answers_in_the_locale(capsys: pytest.CaptureFixture[str],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    assert reader_lang(None, {"LANG": "zh_CN.UTF-8"}) == "zh"
    assert reader_lang(None, {"LC_ALL": "C", "LANG": "zh_CN.UTF-8"}) == "en"  # LC_ALL wins
    assert reader_lang("zh", {}) == "zh" and reader_lang(None, {}) == "en"
    argv = ["plan", "--preset", "gpt3-xl", "--days", "40000"]
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert main(argv) == 2
    assert capsys.readouterr().err.strip() == (
        "clusterquote: error: --days: 40000 is not allowed; must be above 0 and at most 36500 days")
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert main(argv) == 2
    err = capsys.readouterr().err.strip()
    assert err == ("clusterquote：错误：期限（天）（--days）：40000 不可用；"
                   "须大于 0 且不超过 36500（单位：天）")
    assert "Traceback" not in err


def test_an_override_out_of_bounds_names_the_line_and_the_range_in_both_languages() -> None:
    from engine.model import LineOverride
    from engine.money.overrides import check_overrides

    # resources/bounds.toml [overrides]: qty is a whole number from 0 to 10,000,000 units
    with pytest.raises(RequestError) as caught:
        check_overrides([LineOverride("cfg-a", "gpu-node", qty=-1)], {"cfg-a"})
    exc = caught.value
    assert exc.allowed == ("cfg-a:gpu-node: the quantity must be a whole number of units, "
                           "at least 0 and at most 1e+07")  # bounds._figure writes 1e7 so
    zh = exc.text("zh")
    assert zh == ("物料清单修改（overrides）：-1 不可用；cfg-a:gpu-node：数量须为整数（单位：件），"
                  "不小于 0 且不超过 1e+07")
    with pytest.raises(RequestError) as caught:
        check_overrides([LineOverride("cfg-a", "x", qty=1, unit_price=1.0, added=True,
                                      category="food", description="d")], {"cfg-a"})
    assert "cfg-a:x: the category must be one of " in caught.value.allowed
    assert "cfg-a:x：类别须为以下之一：" in caught.value.text("zh")
    with pytest.raises(RequestError) as caught:
        check_overrides([LineOverride("cfg-a", "x")], {"cfg-a"})
    assert caught.value.text("zh").endswith("请填写数量、单价或两者")
    assert english_words(caught.value.text("zh"), {"overrides", "cfg-a", "x"}) == []


def test_a_workload_or_schedule_given_twice_or_not_at_all_names_no_english_value() -> None:
    from engine.compute.workload import compute_need
    from engine.model import PlanRequest, Schedule, Workload
    from engine.resolve import resolve

    with pytest.raises(RequestError) as caught:
        compute_need(Workload())
    assert caught.value.value is None  # nothing given: the field is missing
    assert caught.value.text("en").startswith("workload is missing; give exactly one of")
    assert caught.value.text("zh").startswith("缺少 工作负载（workload）；以下各项只填其一")
    with pytest.raises(RequestError) as caught:
        resolve(PlanRequest(Workload(preset="gpt3-xl"), Schedule(days=30, gpus=64)))
    assert caught.value.value == "days=30, gpus=64"
    assert caught.value.text("zh") == ("期限或集群规模（schedule）：days=30, gpus=64 不可用；"
                                       "请填写以天计的期限或以 GPU 计的集群规模，二者只填其一")
