"""Whether a GPU can be bought in the buyer's market as of the purchase date.

The rules are data (resources/catalog/availability.toml), each with its source
and verified flag. The latest rule in force on the purchase date decides; a GPU
with no rule for the market is "unknown", never assumed free to buy.
"""

from __future__ import annotations

import datetime as dt

from engine.catalog import Catalog
from engine.errors import RequestError
from engine.model import Assumption, MarketStatus, Message


def purchase_date(given: str | None, today: dt.date) -> str:
    """The request's purchase date checked as an ISO date, or ``today``."""
    if given is None:
        return today.isoformat()
    try:
        return dt.date.fromisoformat(given).isoformat()
    except (TypeError, ValueError):
        raise RequestError("finance.purchase_date", given,
                           "must be a date written yyyy-mm-dd, e.g. 2026-03-01") from None


def buyer(market: str, purchase: str | None, today: dt.date) -> tuple[str, str]:
    """The request's market as an upper-case country code and its purchase date, both checked."""
    code = market.upper() if isinstance(market, str) else ""
    if len(code) != 2 or not code.isascii() or not code.isalpha():
        raise RequestError("finance.market", market, "must be a two-letter country code, e.g. CN")
    return code, purchase_date(purchase, today)


def market_status(catalog: Catalog, gpu: str, market: str, as_of: str) -> MarketStatus:
    rules = sorted((r for r in catalog.availability.values()
                    if r.market == market and gpu in r.gpus), key=lambda r: r.since)
    if not rules:
        return MarketStatus(
            gpu=gpu, market=market, as_of=as_of, status="unknown", since=None,
            rule=f"no rule on buying this GPU in {market} is recorded: check with the vendor",
            rule_zh=f"未记录该 GPU 在 {market} 的采购规定：请向厂商确认", source="", verified=False,
        )
    in_force = [r for r in rules if r.since <= as_of]
    if not in_force:
        first = rules[0]
        return MarketStatus(
            gpu=gpu, market=market, as_of=as_of, status="no-known-restriction", since=None,
            rule=f"no recorded rule in force on {as_of}; from {first.since}: {first.rule}",
            rule_zh=f"{as_of} 无已记录的限制；自 {first.since} 起：{first.rule_zh}",
            source=first.source, verified=first.verified,
        )
    rule = in_force[-1]
    return MarketStatus(gpu=gpu, market=market, as_of=as_of, status=rule.status,
                        since=rule.since, rule=rule.rule, rule_zh=rule.rule_zh,
                        source=rule.source, verified=rule.verified)


def availability_messages(status: MarketStatus, gpu_name: str) -> list[Message]:
    """Short warnings; the rule and its source are in the plan's availability and assumptions."""
    figures = {"gpu": gpu_name, "market": status.market, "since": str(status.since),
               "as_of": str(status.as_of), "verified": "yes" if status.verified else "no"}
    if status.status == "licence-required":
        return [Message.of("export-licence", **figures)]
    if status.status == "unsure":
        return [Message.of("availability-unsure", **figures)]
    if status.status == "unknown":
        return [Message.of("availability-unknown", **figures)]
    return []


def availability_assumption(status: MarketStatus) -> Assumption:
    source = f" Source: {status.source}{'' if status.verified else ' (unverified)'}." if status.source else ""
    return Assumption("market_status", status.status, "", "catalog", f"{status.rule}.{source}")
