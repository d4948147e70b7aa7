"""Step 1: what must be trained, in FLOPs and PF/s-days.

Dense transformer training costs about 6·N·D FLOPs (2 per parameter per token
forward, 4 backward); that rule reproduces Table D.1 of the GPT-3 paper.
"""

from __future__ import annotations

import math
import re
import tomllib
from dataclasses import dataclass
from functools import cache

from engine.bounds import check_workload
from engine.errors import RequestError, allowed
from engine.model import PF_DAY_FLOPS, ComputeNeed, Workload
from engine.resources import resource_path

FLOPS_PER_PARAM_TOKEN = 6  # forward 2 + backward 4

_SUFFIXES = {"": 1.0, "K": 1e3, "M": 1e6, "B": 1e9, "G": 1e9, "T": 1e12, "P": 1e15}
_COUNT = re.compile(r"^\s*([0-9]*\.?[0-9]+(?:[eE][+-]?[0-9]+)?)\s*([KMBGTP]?)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Preset:
    id: str
    name: str
    params: float
    tokens: float
    moe: bool
    source: str

    @property
    def flops(self) -> float:
        return FLOPS_PER_PARAM_TOKEN * self.params * self.tokens


@cache
def load_presets() -> dict[str, Preset]:
    with resource_path("workloads.toml").open("rb") as fh:
        data = tomllib.load(fh)
    return {
        p["id"]: Preset(p["id"], p["name"], float(p["params"]), float(p["tokens"]),
                        bool(p.get("moe", False)), p["source"])
        for p in data["presets"]
    }


def parse_count(text: str | float, field: str) -> float:
    """'175B' -> 1.75e11; also '300B', '1.5T', '175e9', '125M', '2,000'. Positive and finite."""
    if isinstance(text, int | float):
        value = float(text)
    else:
        match = _COUNT.match(text.replace(",", "").replace("_", ""))
        if match is None:
            raise RequestError(field, text, allowed("allowed.count"))
        value = float(match.group(1)) * _SUFFIXES[match.group(2).upper()]
    if not math.isfinite(value) or value <= 0:  # not a limit: a count is positive; bounds.toml ranges it
        raise RequestError(field, text, allowed("allowed.positive"))
    return value


def compute_need(workload: Workload) -> ComputeNeed:
    """Total training FLOPs over all phases; RequestError names the first bad field."""
    check_workload(workload)  # every figure within resources/bounds.toml

    given = [n for n in ("preset", "flops", "pf_days") if getattr(workload, n) is not None]
    if workload.params is not None or workload.tokens is not None:
        given.append("params/tokens")
    if len(given) != 1:
        raise RequestError(
            "workload", ", ".join(given) or None,  # None: nothing given, the field is missing
            allowed("allowed.workload-one"),
        )

    params, tokens, moe = workload.params, workload.tokens, workload.moe
    if workload.preset is not None:
        preset = load_presets().get(workload.preset)
        if preset is None:
            raise RequestError(
                "workload.preset", workload.preset,
                allowed("allowed.known-presets", names=", ".join(load_presets())),
            )
        params, tokens, moe = preset.params, preset.tokens, preset.moe or moe
        label = f"{preset.name} ({_si(params)} parameters, {_si(tokens)} tokens)"
    elif workload.flops is not None:
        label = f"{workload.flops:.3g} FLOPs"
    elif workload.pf_days is not None:
        label = f"{workload.pf_days:g} PF/s-days"
    else:
        if params is None or tokens is None:
            missing = "workload.params" if params is None else "workload.tokens"
            raise RequestError(missing, None, allowed("allowed.params-and-tokens"))
        label = f"{_si(params)} parameters, {_si(tokens)} tokens"

    if params is not None and tokens is not None:
        pretrain = FLOPS_PER_PARAM_TOKEN * params * tokens
    elif workload.flops is not None:
        pretrain = workload.flops
    else:
        assert workload.pf_days is not None
        pretrain = workload.pf_days * PF_DAY_FLOPS

    if workload.finetune_tokens and params is None:
        raise RequestError(
            "workload.finetune_tokens", workload.finetune_tokens,
            allowed("allowed.finetune-needs-params"),
        )
    finetune = FLOPS_PER_PARAM_TOKEN * (params or 0.0) * workload.finetune_tokens
    tuning = workload.tuning_pf_days * PF_DAY_FLOPS
    return ComputeNeed(
        flops=pretrain * workload.runs + finetune + tuning,
        pretrain_flops=pretrain,
        runs=workload.runs,
        finetune_flops=finetune,
        tuning_flops=tuning,
        params=params,
        tokens=tokens,
        label=label,
        moe=moe,
    )


def _si(value: float) -> str:
    for suffix, scale in (("T", 1e12), ("B", 1e9), ("M", 1e6), ("K", 1e3)):
        if value >= scale:
            return f"{value / scale:.4g}{suffix}"
    return f"{value:g}"
