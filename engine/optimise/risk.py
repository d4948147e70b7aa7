"""Monte-Carlo risk: seeded draws of the training days, the lead time, prices and the exchange
rate, shared by every variant (common random numbers, so that variants are compared on the same
luck).

- Training days: the plan's expected days × the ratio of the team profile's next run, drawn
  from the performance model's quantiles (engine.compute.sizing.spread_ratio: the leave-one-out
  residuals of published wall-clock runs, a Student-t prediction interval; a part the model is
  not fitted for keeps its catalog band). The goodput model is inside the expected days (it
  falls as the fleet grows); its run-to-run variation is inside the residuals, which are of
  wall-clock runs, so it is not drawn a second time.
- Lead time: delivery on a triangular range per GPU generation and market
  (resources/lead_times.toml `delivery_range`, mode at the planned delivery), plus installation;
  a lead time the request gives (the vendor's quote) is taken as quoted.
- Prices: each variant's value-weighted spread from the price list's confidence, triangular.
- Exchange rate: uniform over resources/optimise.toml's range; it moves the foreign-priced share.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from engine.lead_times import LeadRange
from engine.model import EfficiencyEstimate
from engine.optimise.exact import Design
from engine.optimise.table import settings

# the ratio's quantile function is tabulated on this grid; draws beyond its ends take the ends
QUANTILE_GRID = np.linspace(0.005, 0.995, 199)


@dataclass(frozen=True)
class Draws:
    seed: int
    u_efficiency: np.ndarray  # uniform (0, 1): where the run lands among the team's runs
    u_delivery: np.ndarray  # uniform (0, 1): where the delivery lands in its range
    price: np.ndarray  # -1..1, triangular: scaled by each variant's price spread
    exchange_rate: np.ndarray

    def __len__(self) -> int:
        return len(self.price)


def draw(n: int, seed: int) -> Draws:
    risk = settings()["risk"]
    rng = np.random.default_rng(seed)
    return Draws(
        seed=seed, u_efficiency=rng.uniform(0.0, 1.0, n), u_delivery=rng.uniform(0.0, 1.0, n),
        price=rng.triangular(-1.0, 0.0, 1.0, n),
        exchange_rate=rng.uniform(risk["exchange_rate_low"]["value"],
                                  risk["exchange_rate_high"]["value"], n),
    )


def spread_key(eff: EfficiencyEstimate | None) -> tuple[object, ...]:
    """What the days' distribution depends on: the team profile and its calibration, or the
    catalog's stated band."""
    if eff is None:
        return ("none",)
    if eff.stated_band:
        return ("band", eff.mfu, eff.mfu_low, eff.mfu_high)
    return ("team", eff.team, eff.calibration is not None or eff.overridden)


_RATIOS: dict[tuple[object, ...], np.ndarray] = {}


def _ratio_table(eff: EfficiencyEstimate) -> np.ndarray:
    """The ratio at each grid quantile, once per distribution (spread_key)."""
    from engine.compute.sizing import spread_ratio

    key = spread_key(eff)
    if key not in _RATIOS:
        _RATIOS[key] = np.array([spread_ratio(eff, float(q)) for q in QUANTILE_GRID])
    return _RATIOS[key]


def efficiency_ratio(eff: EfficiencyEstimate | None, u: np.ndarray) -> np.ndarray:
    """Training days over the model's expected days, one per draw."""
    if eff is None:
        return np.ones_like(u)
    out: np.ndarray = np.interp(u, QUANTILE_GRID, _ratio_table(eff))
    return out


def lead_days(lead: LeadRange | None, quoted: float, u: np.ndarray) -> np.ndarray:
    """Days from the order to the first training step, one per draw (inverse triangular CDF)."""
    if lead is None or lead.high <= lead.low:
        return np.full_like(u, quoted if lead is None else lead.mode + lead.install)
    a, m, b = lead.low, lead.mode, lead.high
    cut = (m - a) / (b - a)
    delivery = np.where(u < cut, a + np.sqrt(u * (b - a) * (m - a)),
                        b - np.sqrt((1 - u) * (b - a) * (b - m)))
    out: np.ndarray = delivery + lead.install
    return out


def calendar_days(design: Design, draws: Draws) -> np.ndarray:
    """Days from the order to the end of training, one per draw."""
    return lead_days(design.lead, design.lead_time_days, draws.u_delivery) \
        + design.days * efficiency_ratio(design.efficiency, draws.u_efficiency)


def money_draws(capex: float, tco: float, design: Design, draws: Draws, rate: float,
                currency: str) -> tuple[np.ndarray, np.ndarray]:
    """Capex and TCO per draw: the prices move within their spread, and the foreign-priced
    share with the exchange rate; the running costs as planned."""
    fx = draws.exchange_rate / rate if currency == "CNY" else rate / draws.exchange_rate
    capex_d = capex * (1 + design.spread * draws.price) * (1 + design.foreign * (fx - 1))
    return capex_d, tco + (capex_d - capex)


def quantiles(values: np.ndarray) -> tuple[float, float, float]:
    p10, p50, p90 = np.quantile(values, (0.1, 0.5, 0.9))
    return float(p10), float(p50), float(p90)
