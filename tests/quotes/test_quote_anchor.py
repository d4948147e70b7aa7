"""Which configuration a quotation answers: what was asked anchors it (the RFQ's configuration
id, a server line naming its model and GPU), then the user's choice, and the JSON says how."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from engine import PlanRequest, Schedule, Workload, compare
from engine.cli import main
from engine.quotes import read_quote, reconcile

A800, A100 = "inspur-nf5688m6-a800", "inspur-nf5688m6-a100"


@pytest.fixture(scope="module")
def twins() -> Any:
    """One vendor, one server, two GPUs: the quantities and most part numbers are alike."""
    return compare(PlanRequest(Workload(preset="gpt3-175b"), Schedule(days=60, lead_time_days=0),
                               configs=(A800, A100)))


def _csv(path: Path, server: str, ref: str = "") -> Path:
    path.write_text(f"浪潮 报价单\n{ref}\n币种: CNY; 不含税\n型号,描述,数量,单价\n"
                    f"NF5688M6,{server},10,1000000\nMQM9700-NS2F,InfiniBand switch,2,300000\n",
                    encoding="utf-8")
    return path


def test_a_server_line_naming_model_and_gpu_anchors_it(twins: Any, tmp_path: Path) -> None:
    assert {p.config for p in twins.plans if p.feasible} == {A800, A100}
    for gpu, config in (("A800", A800), ("A100", A100)):
        rec = reconcile(twins, read_quote(_csv(tmp_path / f"{gpu}.csv", f"GPU服务器 8×{gpu} SXM4 80GB")))
        assert (rec.config, rec.chosen_by) == (config, "server_line")


def test_the_rfqs_configuration_id_anchors_it_before_the_server_line(twins: Any, tmp_path: Path) -> None:
    path = _csv(tmp_path / "ref.csv", "GPU服务器 8×A100", ref=f"询价单号: RFQ-2026-017; 配置编号: {A800}")
    quote = read_quote(path)
    assert (quote.rfq_no, quote.config_id) == ("RFQ-2026-017", A800)
    rec = reconcile(twins, quote)
    assert (rec.config, rec.chosen_by) == (A800, "rfq")


def test_the_users_choice_wins_and_a_wrong_id_is_refused(twins: Any, tmp_path: Path) -> None:
    quote = read_quote(_csv(tmp_path / "q.csv", "GPU服务器 8×A800"))
    rec = reconcile(twins, quote, config=A100)
    assert (rec.config, rec.chosen_by) == (A100, "user")
    with pytest.raises(ValueError, match="not a configuration of the plan; allowed"):
        reconcile(twins, quote, config="nope")


def test_nothing_named_falls_back_to_the_best_fit(twins: Any, tmp_path: Path) -> None:
    rec = reconcile(twins, read_quote(_csv(tmp_path / "q.csv", "GPU服务器")))
    assert rec.chosen_by == "best_fit"


def test_the_quote_number_is_read_without_the_date(tmp_path: Path) -> None:
    path = tmp_path / "q.csv"
    path.write_text("浪潮 报价单\n报价单号：IEIT-BJ-2026-118 日期：2026-12-01\n"
                    "型号,描述,数量,单价\nA1,Switch,1,52000\n", encoding="utf-8")
    quote = read_quote(path)
    assert (quote.quote_no, quote.date) == ("IEIT-BJ-2026-118", "2026-12-01")


def test_cli_config_and_json_say_how(twins: Any, tmp_path: Path, capsys: Any) -> None:
    from engine.planfile import save_plan

    plan = tmp_path / "p.cqplan"
    save_plan(twins.request, plan)
    quote = _csv(tmp_path / "q.csv", "GPU服务器 8×A800")
    assert main(["reconcile", str(plan), "--quote", str(quote), "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)["quotes"][0]
    assert (out["config"], out["config_chosen_by"]) == (A800, "server_line")
    assert main(["reconcile", str(plan), "--quote", str(quote), "--format", "json",
                 "--config", A100]) == 0
    out = json.loads(capsys.readouterr().out)["quotes"][0]
    assert (out["config"], out["config_chosen_by"]) == (A100, "user")
    assert main(["reconcile", str(plan), "--quote", str(quote), "--config", "nope"]) == 2
    assert "--config: 'nope'" in capsys.readouterr().err


@pytest.mark.parametrize("config", [A800, A100])
def test_the_rfq_number_alone_anchors_it(twins: Any, tmp_path: Path, config: str) -> None:
    """The app's RFQ prints each configuration's number (the RFQ's number and the
    configuration's code); a reply that echoes that number, and names neither the
    configuration nor the GPU, answers that configuration."""
    import openpyxl

    from engine.export import write_quote

    rfq = write_quote(twins, tmp_path / "rfq.xlsx", kind="rfq", vendor="inspur",
                      quote_no="RFQ-2026-017", detail="all")
    wb = openpyxl.load_workbook(rfq)
    printed = {str(ws["C7"].value): str(ws["C5"].value) for ws in wb.worksheets}
    assert set(printed) == {A800, A100} and len(set(printed.values())) == 2
    number = printed[config]
    assert number.startswith("RFQ-2026-017-")
    quote = read_quote(_csv(tmp_path / "reply.csv", "GPU服务器", ref=f"询价单号: {number}"))
    assert (quote.rfq_no, quote.config_id) == (number, "")
    rec = reconcile(twins, quote)
    assert (rec.config, rec.chosen_by) == (config, "rfq")


def test_an_rfq_number_without_a_code_anchors_nothing(twins: Any, tmp_path: Path) -> None:
    quote = read_quote(_csv(tmp_path / "reply.csv", "GPU服务器", ref="询价单号: RFQ-2026-017"))
    assert reconcile(twins, quote).chosen_by == "best_fit"
