"""The GPU's market status where and when the cluster is bought."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from engine.catalog import Catalog
from engine.memo import HeldCache
from engine.model import Assumption, MarketStatus, Message, PlanRequest
from engine.money.availability import (
    availability_assumption,
    availability_messages,
    buyer,
    market_status,
)


@dataclass(frozen=True)
class Market:
    status: MarketStatus
    warnings: tuple[Message, ...]
    assumptions: tuple[Assumption, ...]


# Every plan of a comparison asks for its GPU's market with the same market and date: the
# answers are kept per catalog, GPU, market, purchase date and today's date (the default
# purchase date).
_MARKETS: HeldCache[Market] = HeldCache(256)


def gpu_market(request: PlanRequest, catalog: Catalog, gpu: str) -> Market:
    fin = request.finance
    key = (id(catalog), gpu, fin.market, fin.purchase_date, dt.date.today())
    try:
        hash(key)
    except TypeError:  # a market or date that is not even a string: checked and refused below
        return _gpu_market(request, catalog, gpu)
    return _MARKETS.get(key, (catalog,), lambda: _gpu_market(request, catalog, gpu))


def _gpu_market(request: PlanRequest, catalog: Catalog, gpu: str) -> Market:
    fin = request.finance
    market, as_of = buyer(fin.market, fin.purchase_date, dt.date.today())
    out = [
        Assumption.said("purchase_date", as_of, "", "request" if fin.purchase_date else "default",
                        "assumed.purchase-date"),
        Assumption.said("market", market, "", "request" if market != "CN" else "default",
                        "assumed.market"),
    ]
    status = market_status(catalog, gpu, market, as_of)
    out.append(availability_assumption(status))
    return Market(status, tuple(availability_messages(status, catalog.gpus[gpu].name)), tuple(out))
