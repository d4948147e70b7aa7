"""Monte-Carlo risk: seeded draws of efficiency, goodput, delivery, prices and the exchange rate,
shared by every variant (common random numbers, so that variants are compared on the same
luck)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from engine.optimise.exact import Design
from engine.optimise.table import settings

Z90 = 1.2815515655446004  # the standard normal's 90th percentile


@dataclass(frozen=True)
class Draws:
    seed: int
    z_efficiency: np.ndarray  # standard normal
    goodput: np.ndarray
    slip: np.ndarray  # 0..1 of the generation's delivery slip
    price: np.ndarray  # -1..1, triangular: scaled by each variant's price spread
    exchange_rate: np.ndarray

    def __len__(self) -> int:
        return len(self.goodput)


def draw(n: int, seed: int) -> Draws:
    risk = settings()["risk"]
    rng = np.random.default_rng(seed)
    return Draws(
        seed=seed, z_efficiency=rng.standard_normal(n),
        goodput=rng.uniform(risk["goodput_low"]["value"], risk["goodput_high"]["value"], n),
        slip=rng.uniform(0.0, 1.0, n), price=rng.triangular(-1.0, 0.0, 1.0, n),
        exchange_rate=rng.uniform(risk["exchange_rate_low"]["value"],
                                  risk["exchange_rate_high"]["value"], n),
    )


QUANTILE_GRID = np.linspace(0.005, 0.995, 199)


def draw_efficiency(design: Design, z: np.ndarray) -> np.ndarray:
    """Training days over the expected days, one per draw; ``z`` are standard normal draws,
    used through their ranks so that any quantile function can be sampled with them.

    With the performance model's quantiles (engine.compute.sizing.spread_ratio: P10/P50/P90
    from the calibration runs' residuals), the days are sampled from them. Without it, the
    plan's efficiency band (days_low, days_high, the MFU band's ends) is read as P10/P90 of a
    log-normal with its median at the expected days: REMOVE this fallback when the
    performance model is merged."""
    from engine.compute import sizing

    quantile_ratio = getattr(sizing, "spread_ratio", None)
    if quantile_ratio is not None and design.efficiency is not None:
        u = (np.argsort(np.argsort(z)) + 0.5) / len(z)  # the draws' ranks, uniform on (0, 1)
        table = np.array([quantile_ratio(design.efficiency, float(q)) for q in QUANTILE_GRID])
        out: np.ndarray = np.interp(u, QUANTILE_GRID, table)
        return out
    if design.days_high <= design.days_low or design.days <= 0:
        return np.ones_like(z)
    sigma = np.log(design.days_high / design.days_low) / (2 * Z90)
    lognormal: np.ndarray = np.exp(sigma * z)
    return lognormal


def calendar_days(design: Design, draws: Draws, slip_days: float) -> np.ndarray:
    """Days from the order to the end of training, one per draw. The goodput draws move the
    plan's days about its expected goodput by their ratio to the range's middle."""
    risk = settings()["risk"]
    middle = (float(risk["goodput_low"]["value"]) + float(risk["goodput_high"]["value"])) / 2
    training = design.days * draw_efficiency(design, draws.z_efficiency) \
        * (middle / draws.goodput)
    return design.lead_time_days + slip_days * draws.slip + training


def slip_days(architecture: str) -> float:
    slips = settings()["risk"]["delivery_slip_days"]
    return float(slips.get(architecture, slips["other"]))


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
