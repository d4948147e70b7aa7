"""The GPU's market status where and when the cluster is bought."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from engine.catalog import Catalog
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


def gpu_market(request: PlanRequest, catalog: Catalog, gpu: str) -> Market:
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
