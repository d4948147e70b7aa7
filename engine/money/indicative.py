"""Indicative price of one server as a quote line would buy it, for choosing before planning.

A configuration's price-list entry is the base system without GPUs and compute
HCAs; a buyer comparing servers wants the whole node: base + GPUs + HCAs.
"""

from __future__ import annotations

from engine.assumptions import default
from engine.catalog import Catalog, load_catalog
from engine.money.prices import PriceError, PriceList, load_price_list


def node_price(
    catalog: Catalog, prices: PriceList, config_id: str, currency: str, exchange_rate: float
) -> float:
    """Base system + its GPUs + its compute HCAs, before discount and VAT; PriceError if unpriced."""
    cfg = catalog.configuration(config_id)
    return (
        prices.price(cfg.id, currency, exchange_rate)
        + cfg.gpu_count * prices.price(cfg.gpu, currency, exchange_rate)
        + cfg.compute_nics * prices.price(cfg.compute_nic, currency, exchange_rate)
    )


def node_prices(
    currency: str = "CNY",
    exchange_rate: float | None = None,
    *,
    catalog: Catalog | None = None,
    price_list: PriceList | None = None,
) -> dict[str, float]:
    """Indicative node price of every configuration that the price list covers."""
    catalog = catalog or load_catalog()
    prices = price_list or load_price_list()
    rate = exchange_rate if exchange_rate is not None else default("finance.exchange_rate").value
    out: dict[str, float] = {}
    for config_id in catalog.configurations:
        try:
            out[config_id] = node_price(catalog, prices, config_id, currency, rate)
        except PriceError:
            continue
    return out
