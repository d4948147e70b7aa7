"""What a person calls a configuration, and which configurations a document details."""

from __future__ import annotations

import dataclasses

import pytest

from engine.export.names import config_title, detailed, gpu_short, shortlist, titles
from tests.export.quote_fixtures import hand_comparison


def test_titles_read_as_buyers_say_them() -> None:
    assert gpu_short("NVIDIA A800 SXM4 80GB") == "A800 SXM4"
    plan = hand_comparison().plans[0]
    real = dataclasses.replace(plan, vendor="Lenovo", server="Lenovo ThinkSystem SR670 V2",
                               gpu_name="NVIDIA A100 PCIe 80GB", gpus_per_node=4)
    assert config_title(real) == "Lenovo SR670 V2 · 4× A100 PCIe"
    assert titles([real], "zh")[real.config] == "联想 SR670 V2 · 4× A100 PCIe"


def test_titles_stay_unique() -> None:
    plans = hand_comparison().plans  # beta and gamma: the same server and GPUs
    named = titles(plans, "en")
    assert len(set(named.values())) == len(plans)
    assert named["alpha-cfg"] == "Inspur Server · 8× A800 SXM4"
    assert named["beta-cfg"] == "Lenovo Server · 8× A800 SXM4 (beta-cfg)"


def test_shortlist_is_the_recommendation_and_each_vendors_best() -> None:
    comparison = hand_comparison()
    rec = comparison.recommendation
    # alpha is the cheapest meeting the deadline and the fastest, beta the lowest TCO (and
    # Lenovo's best: gamma is refused, so unpriced)
    assert (rec.cheapest_meeting_deadline, rec.fastest, rec.lowest_tco) == (
        "alpha-cfg", "alpha-cfg", "beta-cfg")
    assert shortlist(comparison) == ["alpha-cfg", "beta-cfg"]
    only_alpha = dataclasses.replace(
        comparison, recommendation=dataclasses.replace(rec, lowest_tco="alpha-cfg"))
    # beta still comes in as Lenovo's best
    assert shortlist(only_alpha) == ["alpha-cfg", "beta-cfg"]


def test_detail_names_what_it_details() -> None:
    comparison = hand_comparison()
    assert detailed(comparison, "all") == ["alpha-cfg", "beta-cfg"]  # priced ones only
    assert detailed(comparison, "shortlist") == ["alpha-cfg", "beta-cfg"]
    assert detailed(comparison, ["beta-cfg"]) == ["beta-cfg"]
    assert detailed(comparison, "beta-cfg, alpha-cfg") == ["alpha-cfg", "beta-cfg"]
    with pytest.raises(ValueError, match=r"detail: gamma-cfg is not a priced configuration.*"
                                         r"allowed: shortlist, all, alpha-cfg, beta-cfg"):
        detailed(comparison, ["gamma-cfg"])
    with pytest.raises(ValueError, match="detail: names no configuration"):
        detailed(comparison, [])
    with pytest.raises(ValueError, match="detail: names no configuration"):
        detailed(comparison, " , ")
