"""The comparison as a pandas DataFrame: one row per configuration, raw numbers."""

from __future__ import annotations

import pandas as pd

from engine.model import Comparison, Plan

COLUMNS = {  # column -> (unit, meaning)
    "vendor": ("", "server vendor"),
    "server": ("", "server model"),
    "gpu": ("", "GPU"),
    "feasible": ("", "the configuration can run the workload"),
    "gpus": ("GPUs", "GPUs bought"),
    "nodes": ("servers", "servers bought"),
    "racks": ("racks", "compute and network racks"),
    "node_peak_dense_pflops": ("PFLOP/s", "one server's dense peak at the plan's precision"),
    "node_peak_sparse_pflops": ("PFLOP/s", "one server's 2:4 sparse peak (marketing figure)"),
    "mfu": ("", "model FLOPs utilisation, expected"),
    "days": ("days", "days to train, expected"),
    "days_low": ("days", "days to train at the efficiency band's high end"),
    "days_high": ("days", "days to train at the efficiency band's low end"),
    "gpu_hours": ("GPU-hours", "GPUs × hours to train"),
    "it_power_kw": ("kW", "IT power, maximum draw"),
    "facility_power_kw": ("kW", "facility capacity: IT maximum × PUE (the grid feed and UPS)"),
    "rack_power_kw": ("kW", "the hungriest rack"),
    "capex": ("currency", "purchase price with services, discount and VAT"),
    "tco": ("currency", "capex plus energy, maintenance and hosting over the horizon"),
    "cost_per_pf_day": ("currency", "TCO per PF/s-day the fleet delivers over the horizon"),
    "meets_deadline": ("", "lead time + expected days within the deadline"),
    "gpu_hours_low": ("GPU-hours", "GPU-hours at the band's low end"),
    "gpu_hours_high": ("GPU-hours", "GPU-hours at the band's high end"),
    "lead_time_days": ("days", "order to first training step: delivery, installation, acceptance"),
    "calendar_days": ("days", "lead time + expected training days"),
    "facility_typical_kw": ("kW", "facility power under training load (typical IT × PUE), for energy"),
    "cloud_per_year": ("currency", "renting the same GPUs in a cloud all year (buy or rent?)"),
    "cloud_per_run": ("currency", "renting the GPUs in a cloud for the training run: GPU-hours × rate"),
}


def plan_row(plan: Plan) -> dict[str, object]:
    eff, power, money, racks = plan.efficiency, plan.power, plan.money, plan.racks
    return {
        "vendor": plan.vendor, "server": plan.server, "gpu": plan.gpu_name,
        "feasible": plan.feasible, "gpus": plan.gpus, "nodes": plan.nodes,
        "racks": racks.count if racks else 0,
        "node_peak_dense_pflops": plan.node_peak_dense_pflops,
        "node_peak_sparse_pflops": plan.node_peak_sparse_pflops,
        "mfu": eff.mfu if eff else float("nan"),
        "days": plan.days if plan.feasible else float("nan"),
        "days_low": plan.days_low if plan.feasible else float("nan"),
        "days_high": plan.days_high if plan.feasible else float("nan"),
        "gpu_hours": plan.gpu_hours if plan.feasible else float("nan"),
        "it_power_kw": power.it_max_kw if power else float("nan"),
        "facility_power_kw": power.facility_max_kw if power else float("nan"),
        "rack_power_kw": racks.max_power_kw if racks else float("nan"),
        "capex": money.capex if money else float("nan"),
        "tco": money.tco if money else float("nan"),
        "cost_per_pf_day": money.cost_per_pf_day if money else float("nan"),
        "meets_deadline": plan.meets_deadline,
        "gpu_hours_low": plan.gpu_hours_low if plan.feasible else float("nan"),
        "gpu_hours_high": plan.gpu_hours_high if plan.feasible else float("nan"),
        "lead_time_days": plan.lead_time_days if plan.feasible else float("nan"),
        "calendar_days": plan.calendar_days if plan.feasible else float("nan"),
        "facility_typical_kw": power.facility_kw if power else float("nan"),
        "cloud_per_year": money.cloud_per_year if money else float("nan"),
        "cloud_per_run": money.cloud_per_run if money else float("nan"),
    }


def comparison_frame(comparison: Comparison) -> pd.DataFrame:
    frame = pd.DataFrame([plan_row(p) for p in comparison.plans], columns=list(COLUMNS),
                         index=pd.Index([p.config for p in comparison.plans], name="config"))
    return frame
