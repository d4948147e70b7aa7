"""The GUI's fields take what resources/bounds.toml allows and refuse what it refuses: the
validators are built from the table, so the GUI and the engine cannot disagree."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QValidator

from desktop.draft import RequestDraft
from desktop.fields import ValueField, bounded
from desktop.pages.model import ModelPage
from desktop.pages.schedule import SchedulePage
from engine.bounds import bound


@pytest.mark.parametrize(("key", "text", "state"), [
    ("schedule.days", "5000", QValidator.State.Acceptable),  # the engine plans it
    ("finance.exchange_rate", "2000", QValidator.State.Intermediate),  # the engine refuses it
    ("finance.power_price", "100", QValidator.State.Acceptable),
    ("finance.power_price", "101", QValidator.State.Intermediate),
    ("workload.flops", "1e30", QValidator.State.Acceptable),
    ("workload.flops", "1e31", QValidator.State.Intermediate),
    ("workload.pf_days", "2e10", QValidator.State.Intermediate),
    ("finance.years", "2.5", QValidator.State.Intermediate),
])
def test_a_field_built_from_the_table_takes_what_the_engine_takes(
    qapp: object, key: str, text: str, state: QValidator.State,
) -> None:
    field = ValueField(bounded(key))
    assert field.edit.validator() is not None
    assert field.edit.validator().validate(text, 0)[0] == state


def test_the_mfu_field_refuses_below_the_table(qapp: object) -> None:
    low = bound("efficiency.mfu").low
    field = ValueField(bounded("efficiency.mfu", percent=True))
    assert field.edit.validator().validate(f"{low:g}", 0)[0] == QValidator.State.Acceptable
    assert field.edit.validator().validate(f"{low / 2:g}", 0)[0] == QValidator.State.Intermediate


def test_pages_use_the_table(qapp: object) -> None:
    schedule, model = SchedulePage(RequestDraft()), ModelPage(RequestDraft())
    days = schedule.days.edit.validator()
    assert days.validate(f"{bound('schedule.days').high:g}", 0)[0] == QValidator.State.Acceptable
    assert (model.runs.minimum(), model.runs.maximum()) == (
        int(bound("workload.runs").low), int(bound("workload.runs").high))
