"""Whether a GPU can be bought in the buyer's market as of the purchase date.

The rules are data (resources/catalog/availability.toml), each with its source
and verified flag. The latest rule in force on the purchase date decides; a GPU
with no rule for the market is "unknown", never assumed free to buy.
"""

from __future__ import annotations

import datetime as dt

from engine.catalog import Catalog, MarketRule
from engine.errors import RequestError, allowed
from engine.i18n import t
from engine.model import Assumption, MarketEvent, MarketStatus, Message


def purchase_date(given: str | None, today: dt.date) -> str:
    """The request's purchase date checked as an ISO date, or ``today``."""
    if given is None:
        return today.isoformat()
    try:
        return dt.date.fromisoformat(given).isoformat()
    except (TypeError, ValueError):
        raise RequestError("finance.purchase_date", given,
                           allowed("allowed.date", example="2026-03-01")) from None


def buyer(market: str, purchase: str | None, today: dt.date) -> tuple[str, str]:
    """The request's market as an upper-case country code and its purchase date, both checked."""
    code = market.upper() if isinstance(market, str) else ""
    if len(code) != 2 or not code.isascii() or not code.isalpha():
        raise RequestError("finance.market", market, allowed("allowed.country", example="CN"))
    return code, purchase_date(purchase, today)


def market_status(catalog: Catalog, gpu: str, market: str, as_of: str) -> MarketStatus:
    """Both gates for ``gpu`` in ``market`` on ``as_of``, with the whole dated history."""
    rules = sorted((r for r in catalog.availability.values()
                    if r.market == market and gpu in r.gpus), key=lambda r: (r.since, r.id))
    exports = [r for r in rules if r.gate == "export"]
    imports = [r for r in rules if r.gate == "import"]
    export_now = _latest(exports, as_of)
    import_now = _latest(imports, as_of)
    history = tuple(MarketEvent(
        gate=r.gate, status=r.status, since=r.since, rule=r.rule, rule_zh=r.rule_zh,
        source=r.source, verified=r.verified, fee=r.fee, fee_zh=r.fee_zh,
        in_force=r is export_now or r is import_now,
    ) for r in rules)
    gates = _import_gate(import_now, imports, market, as_of)
    fee = next((r.fee for r in (export_now, import_now) if r is not None and r.fee), "")
    fee_zh = next((r.fee_zh for r in (export_now, import_now) if r is not None and r.fee_zh), "")
    common = dict(gpu=gpu, market=market, as_of=as_of, fee=fee, fee_zh=fee_zh, history=history,
                  **gates)
    if export_now is not None:
        return MarketStatus(status=export_now.status, since=export_now.since,
                            rule=export_now.rule, rule_zh=export_now.rule_zh,
                            source=export_now.source, verified=export_now.verified,
                            export_status=export_now.status, export_since=export_now.since,
                            **common)  # type: ignore[arg-type]
    if exports:  # rules recorded from a later date: none in force yet
        first = exports[0]
        return MarketStatus(
            status="no-known-restriction", since=None,
            rule=t("market.no-rule-yet", "en", as_of=as_of, since=first.since, rule=first.rule),
            rule_zh=t("market.no-rule-yet", "zh", as_of=as_of, since=first.since,
                      rule=first.rule_zh or first.rule),
            source=first.source, verified=first.verified,
            export_status="no-known-restriction", export_since=None, **common,  # type: ignore[arg-type]
        )
    return MarketStatus(
        status="unknown", since=None,
        rule=t("market.no-rule", "en", market=market),
        rule_zh=t("market.no-rule", "zh", market=market), source="", verified=False,
        export_status="unsure", export_since=None, **common,  # type: ignore[arg-type]
    )


def _latest(rules: list[MarketRule], as_of: str) -> MarketRule | None:
    in_force = [r for r in rules if r.since <= as_of]
    return in_force[-1] if in_force else None


def _import_gate(rule: MarketRule | None, recorded: list[MarketRule], market: str,
                 as_of: str) -> dict[str, str | None]:
    """The import side: the rule in force, else "unsure" (no stance recorded is not a yes)."""
    if rule is not None:
        return dict(import_status=rule.status, import_since=rule.since, import_rule=rule.rule,
                    import_rule_zh=rule.rule_zh, import_source=rule.source
                    + ("" if rule.verified else t("market.unverified", "en")))
    later = recorded[0] if recorded else None

    def said(lang: str) -> str:
        if later is None:
            return t("market.no-import-rule", lang, market=market, as_of=as_of)
        return t("market.no-import-rule-yet", lang, market=market, as_of=as_of,
                 since=later.since, rule=(later.rule_zh or later.rule) if lang == "zh" else later.rule)

    return dict(import_status="unsure", import_since=None, import_rule=said("en"),
                import_rule_zh=said("zh"), import_source="")


def availability_messages(status: MarketStatus, gpu_name: str) -> list[Message]:
    """Short warnings, one per gate that is not clear; rules and sources are in the plan's
    availability and assumptions."""
    verified = "yes" if status.verified else "no"
    out: list[Message] = []
    if status.export_status == "licence-required":
        out.append(Message.of("export-licence", gpu=gpu_name, market=status.market,
                              since=status.since or "", as_of=status.as_of, verified=verified))
    elif status.export_status == "case-by-case":
        out.append(Message.of("export-case-by-case", gpu=gpu_name, market=status.market,
                              since=status.export_since or "", as_of=status.as_of,
                              verified=verified, duty="yes" if status.fee else "no"))
    elif status.status == "unknown":
        out.append(Message.of("availability-unknown", gpu=gpu_name, market=status.market))
    elif status.export_status == "unsure":
        out.append(Message.of("availability-unsure", gpu=gpu_name, market=status.market,
                              as_of=status.as_of, since=status.since or ""))
    if status.import_status == "restricted":
        out.append(Message.of("import-restricted", gpu=gpu_name, market=status.market,
                              since=status.import_since or "", as_of=status.as_of))
    elif status.import_status == "unsure" and status.status != "unknown":
        out.append(Message.of("import-unsure", gpu=gpu_name, market=status.market,
                              as_of=status.as_of, since=status.import_since or "none"))
    return out


def availability_assumption(status: MarketStatus) -> Assumption:
    """Both gates in one assumption: the export rule, then the import stance, each sourced."""
    from engine.i18n import get

    def zh(status_word: str) -> str:
        return get(f"value.{status_word}", "zh", status_word)

    return Assumption.said(
        "market_status", status.status, "", "catalog", "assumed.market-status",
        export=status.export_status, export_zh=zh(status.export_status),
        rule=status.rule, rule_zh=status.rule_zh or status.rule,
        source=status.source or "none", verified="yes" if status.verified else "no",
        imported=status.import_status, imported_zh=zh(status.import_status),
        since=status.import_since or "none",
        import_rule=status.import_rule, import_rule_zh=status.import_rule_zh or status.import_rule,
        import_source=status.import_source or "none",
        fee=status.fee or "none", fee_zh=status.fee_zh or status.fee or "none")
