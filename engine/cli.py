"""The command line: plan, estimate, catalog, quote. Bad input exits 2 with one line on stderr.

``plan`` and ``quote`` take the request from flags or from a saved plan file
(``clusterquote plan FILE.cqplan``), prices from ``--price-list FILE`` (the shipped list
fills in what it lacks), and ``plan --save FILE.cqplan`` writes the plan file the
desktop app would save.
"""

from __future__ import annotations

import argparse
import datetime
import json
import math
import os
import re
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, NoReturn

from engine.catalog import CatalogError
from engine.errors import RequestError, allowed, one_line, shown
from engine.export.safe import ExportError
from engine.export.terms import TermsError
from engine.i18n import LANGS, t
from engine.model import (
    HOSTINGS,
    Comparison,
    Efficiency,
    Facility,
    Finance,
    LineOverride,
    PlanRequest,
    Schedule,
    StorageRequest,
    Workload,
)
from engine.money.prices import PriceError

# request field -> the flag that sets it
FLAGS = {
    "confidence": "--confidence", "draws": "--draws",
    "workload": "WORKLOAD (--preset | --params with --tokens | --flops | --pf-days)",
    "workload.preset": "--preset", "workload.params": "--params", "workload.tokens": "--tokens",
    "workload.flops": "--flops", "workload.pf_days": "--pf-days", "workload.runs": "--runs",
    "workload.finetune_tokens": "--finetune-tokens", "workload.tuning_pf_days": "--tuning-pf-days",
    "schedule": "--days/--gpus", "schedule.days": "--days", "schedule.gpus": "--gpus",
    "schedule.precision": "--precision", "efficiency.mfu": "--mfu",
    "efficiency.goodput": "--goodput", "facility.rack_kw": "--rack-kw",
    "facility.cooling": "--cooling", "facility.pue": "--pue", "facility.rack_units": "--rack-units",
    "finance.currency": "--currency", "finance.exchange_rate": "--exchange-rate",
    "finance.power_price": "--power-price", "finance.years": "--years",
    "finance.hosting": "--hosting", "finance.colo_rent_kw_month": "--colo-rent",
    "finance.vat": "--vat", "finance.vat_services": "--vat-services",
    "finance.discount": "--discount",
    "finance.warranty_years": "--warranty-years", "finance.maintenance_rate": "--maintenance-rate",
    "configs": "--config", "gpu": "--gpu", "valid_days": "--valid-days",
    "overrides": "--override",
    "schedule.lead_time_days": "--lead-time-days", "schedule.confidence": "--confidence",
    "efficiency.team": "--team", "efficiency.measured_tokens_per_s": "--measured tokens_per_s",
    "efficiency.measured_mfu": "--measured mfu", "efficiency.measured_params": "--measured params",
    "efficiency.measured_gpus": "--measured gpus", "efficiency.measured_gpu": "--measured gpu",
    "finance.purchase_date": "--purchase-date", "finance.market": "--market",
    "storage.product": "--storage", "storage.checkpoints_kept": "--checkpoints-kept",
    "storage.dataset_tb": "--dataset-tb", "storage.checkpoint_minutes": "--checkpoint-minutes",
    "storage.performance": "--storage-class",
    "facility.row_racks": "--row-racks", "facility.spares": "--spares",
    "facility.buy_racks": "--buy-racks", "facility.buy_cooling": "--buy-cooling",
    "facility.plant": "--facility-scope",
    "finance.wholesale_rent_kw_month": "--wholesale-rent",
    "customer": "--customer", "quote_no": "--quote-no",
}
LINE_CHARS = 300  # an error line is cut here, whatever it echoes
LARGE_DISCOUNT = 0.5  # off list: more than vendors give on servers, so likely meant as 折


class UsageError(Exception):
    """argparse's complaint, raised instead of printing usage so the CLI says one line."""


_QUOTED = re.compile(r"'([^']{40,})'")


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # argparse echoes a bad choice whole: cut it as our own messages do
        message = _QUOTED.sub(lambda m: f"'{shown(m.group(1))}'", message)
        raise UsageError(f"{self.prog}: error: {message}")


def _number(kind: str) -> Callable[[str], float]:
    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"'{shown(text)}' is not a number; give {kind}") from None
        if not math.isfinite(value):
            raise argparse.ArgumentTypeError(f"'{shown(text)}' is not a finite number; give {kind}")
        return value
    return parse


def _discount(text: str) -> float:
    from engine.money.discount import parse_discount

    try:
        value = parse_discount(text)
    except RequestError as exc:
        raise argparse.ArgumentTypeError(_value_refused(shown(text), exc)) from None
    if value >= LARGE_DISCOUNT:  # 0.85 for 85折 is the commonest slip: say what it means
        print(f"note: --discount {text} takes {value:.0%} off list, so you pay {1 - value:.0%}; "
              f"for {round(value * 100):g}折 (pay {value:.0%}) write --discount "
              f"{round(value * 100):g}折 or {1 - value:.2g}", file=sys.stderr)
    return value


def _value_refused(text: str, exc: RequestError) -> str:
    """A flag's value argparse refuses, in the locale's language (no --lang is read yet)."""
    lang = reader_lang()
    return t("request.value-refused", lang, value=text, allowed=exc.allowed_in(lang))


def _whole(text: str) -> int:
    if len(text.strip()) > 40:  # int() of thousands of digits is slow, then raises
        raise argparse.ArgumentTypeError(f"'{shown(text)}' is too long for a whole number")
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{shown(text)}' is not a whole number") from None


def _count(text: str) -> float:
    from engine.compute.workload import parse_count

    try:
        return parse_count(text, "")
    except RequestError as exc:
        raise argparse.ArgumentTypeError(_value_refused(shown(text), exc)) from None


def _measured(text: str) -> dict[str, Any]:
    """'tokens_per_s=3100,params=7B,gpus=64,gpu=h100-sxm5-80gb' as Efficiency fields."""
    from engine.compute.team import parse_measured

    try:
        return parse_measured(text)
    except RequestError as exc:
        raise argparse.ArgumentTypeError(_value_refused(shown(str(exc.value)), exc)) from None


def _add_team(g: Any) -> None:
    g.add_argument("--team", choices=["tuned", "typical", "first-run"],
                   help="the training team's software profile (default typical: what published "
                        "runs outside the largest labs reach)")
    g.add_argument("--confidence", type=_number("a probability from 0.5 to 0.95"),
                   help="probability that the deadline holds, 0.5 to 0.95 (default 0.8): the "
                        "fleet is the smallest whose training days at it fit the deadline")
    g.add_argument("--measured", type=_measured, metavar="tokens_per_s=T,params=P,gpus=N,gpu=ID",
                   help="calibrate on your own run: tokens/s per GPU (or mfu=M) of a model of "
                        "P parameters on N GPUs of type ID; it sets the team's level and "
                        "narrows the band")


def _override(text: str) -> LineOverride:
    """CONFIG:ITEM:qty=N or CONFIG:ITEM:price=P (both joined by a comma) as a LineOverride."""
    config, _, rest = text.partition(":")
    item, _, settings = rest.partition(":")
    if not (config and item and settings):
        raise argparse.ArgumentTypeError(f"'{text}' is not CONFIG:ITEM:qty=N or CONFIG:ITEM:price=P")
    values: dict[str, Any] = {}
    for setting in settings.split(","):
        key, _, value = setting.partition("=")
        try:
            if key == "qty":
                values["qty"] = int(value)
            elif key == "price":
                values["unit_price"] = float(value)
            elif key == "net":  # a price paid (a vendor's quote): never discounted again
                values["unit_price"] = float(value)
                values["basis"] = "net"
            elif key == "service":  # years of warranty and service inside that price
                values["service_years"] = int(value)
            else:
                raise ValueError(key)
        except ValueError:
            raise argparse.ArgumentTypeError(
                f"'{setting}' in '{text}' is not allowed; give qty=N (a whole number), "
                "price=P (a list price, a number), net=P (a price paid) or service=Y (whole "
                "years of warranty and service inside that price)") from None
    return LineOverride(config, item, **values)


def _merged_overrides(given: list[LineOverride]) -> tuple[LineOverride, ...]:
    """One override per configuration and line: a later flag adds to or replaces an earlier one."""
    merged: dict[tuple[str, str], LineOverride] = {}
    for o in given:
        old = merged.get((o.config, o.item))
        if old is not None:
            o = LineOverride(o.config, o.item, qty=o.qty if o.qty is not None else old.qty,
                             unit_price=o.unit_price if o.unit_price is not None else old.unit_price,
                             basis=o.basis if o.unit_price is not None else old.basis,
                             service_years=o.service_years or old.service_years)
        merged[(o.config, o.item)] = o
    return tuple(merged.values())


def _add_workload(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("workload (one of)")
    g.add_argument("--preset", help="a workload preset id (see `catalog presets`), e.g. gpt3-175b")
    g.add_argument("--params", type=_count, help="parameters: 175B, 7e9, 1.5T")
    g.add_argument("--tokens", type=_count, help="training tokens: 300B, 2T")
    g.add_argument("--flops", type=_number("total FLOPs, e.g. 3.14e23"), help="FLOPs of one run")
    g.add_argument("--pf-days", type=_number("PF/s-days, e.g. 3640"), help="PF/s-days of one run")
    g.add_argument("--runs", type=_whole, default=1, help="pre-training runs (default 1)")
    g.add_argument("--finetune-tokens", type=_count, default=0.0,
                   help="domain fine-tuning tokens (needs the parameter count)")
    g.add_argument("--tuning-pf-days", type=_number("PF/s-days"), default=0.0,
                   help="ongoing fine-tuning / RLHF budget in PF/s-days")
    g.add_argument("--moe", action="store_true", help="mixture of experts: --params are the active ones")


def _add_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("assumptions (defaults from resources/assumptions.toml)")
    g.add_argument("--mfu", type=_number("a fraction such as 0.4"), help="override the efficiency model")
    g.add_argument("--goodput", type=_number("a fraction such as 0.9"))
    g.add_argument("--precision", choices=["bf16", "fp8"], default="bf16")
    g.add_argument("--rack-kw", type=_number("kW per rack"))
    g.add_argument("--rack-units", type=_whole, choices=[42, 47], default=42)
    g.add_argument("--cooling", choices=["air", "rdhx", "liquid"], default="air")
    g.add_argument("--pue", type=_number("a PUE such as 1.3"))
    g.add_argument("--power-price", type=_number("a price per kWh"))
    g.add_argument("--years", type=_whole)
    g.add_argument("--hosting", choices=list(HOSTINGS), default="own",
                   help="own data centre, leased colocation, build-to-suit wholesale, or cloud rental")
    g.add_argument("--colo-rent", type=_number("rent per kW of rack budget per month"))
    g.add_argument("--currency", choices=["CNY", "USD"], default="CNY")
    g.add_argument("--exchange-rate", type=_number("CNY per USD, e.g. 7.2"))
    g.add_argument("--vat", type=_number("a fraction such as 0.13"), help="VAT rate on goods")
    g.add_argument("--vat-services", type=_number("a fraction such as 0.06"),
                   help="VAT rate on services (installation, warranty, project management)")
    g.add_argument("--discount", type=_discount, default=0.0,
                   help="share taken off list: 0.15, 15%% or 85折 (pay 85%% of list)")
    g.add_argument("--warranty-years", type=_whole)
    g.add_argument("--maintenance-rate", type=_number("a fraction such as 0.08"))
    g.add_argument("--purchase-date", help="yyyy-mm-dd: GPU market status as of this date (default today)")
    g.add_argument("--market", default="CN", help="buyer's country code (default CN)")
    g.add_argument("--ai-enterprise", action="store_true",
                   help="buy NVIDIA AI Enterprise for every GPU for the warranty term")
    s = p.add_argument_group("storage (parallel file system)")
    s.add_argument("--storage", choices=["vendor", "neutral", "none"], default="vendor",
                   help="the server vendor's storage line (default), a vendor-neutral one, or none")
    s.add_argument("--storage-class", choices=["good", "better", "best"], default=None,
                   help="bandwidth class of NVIDIA's DGX SuperPOD RA (4 SUs: good 60/30, better "
                        "160/80, best 500/250 GB/s read/write; default good, the RA's class for "
                        "language models; best for large uncompressed images, video or 3-D data)")
    s.add_argument("--checkpoints-kept", type=_whole, help="checkpoints kept on the file system")
    s.add_argument("--dataset-tb", type=_number("terabytes"), help="data set size (default: from tokens)")
    s.add_argument("--checkpoint-minutes", type=_number("minutes"),
                   help="longest time to write one checkpoint")
    g.add_argument("--row-racks", type=_whole, help="racks in a row (cooling is N+1 per row)")
    g.add_argument("--spares", type=_number("a fraction such as 0.03"),
                   help="share of optics, cables and HCAs bought as spares")
    g.add_argument("--buy-racks", choices=["yes", "no"],
                   help="put racks and PDUs on the bill (default: by the hosting model)")
    g.add_argument("--buy-cooling", choices=["yes", "no"],
                   help="put cooling units on the bill (default: own data centre only)")
    g.add_argument("--facility-scope", choices=["ups", "out"], default=None,
                   help="ups: quote a UPS sized to IT load; out: the electrical plant is out of "
                        "scope, stated with the kW it must supply (default: ups for an own "
                        "data centre, out when hosted)")
    g.add_argument("--wholesale-rent", type=_number("rent per contracted kW per month"))
    _add_lead_time(g)
    _add_team(g)


def _add_lead_time(g: Any) -> None:
    g.add_argument("--lead-time-days", type=_number("a number of days, e.g. 60"),
                   help="days from the order to the first training step (delivery, installation, "
                        "acceptance); the --days deadline counts them")


def _add_catalog(p: argparse.ArgumentParser) -> None:
    p.add_argument("--catalog", type=Path, metavar="FILE.toml",
                   help="also plan with the systems in this catalog file (see `catalog export`); "
                        "default: your own entries in the user data folder, if any")


def _add_plan_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("plan_file", nargs="?", type=Path, metavar="PLAN.cqplan",
                   help="a saved plan: its request replaces the workload and assumption flags")
    p.add_argument("--price-list", type=Path, metavar="FILE",
                   help="price from this .csv or .xlsx list (the shipped list prices what it lacks)")
    _add_catalog(p)
    _add_workload(p)
    when = p.add_mutually_exclusive_group()
    when.add_argument("--days", type=_number("a number of days"), help="deadline in days")
    when.add_argument("--gpus", type=_whole, help="a fixed fleet of GPUs")
    p.add_argument("--config", action="append", default=[],
                   help="a configuration id (repeat; default: every Lenovo and Inspur one)")
    _add_options(p)
    p.add_argument("--override", action="append", default=[], type=_override,
                   metavar="CONFIG:ITEM:qty=N|price=P",
                   help="set a BOM line's quantity or unit price (in --currency, before discount "
                        "and VAT), e.g. inspur-nf5688m6-a800:inspur-nf5688m6-a800:price=1000000 (repeat); "
                        "net=P for a price paid, service=Y for the years of warranty and service a "
                        "vendor's price already holds (the plan's warranty then skips them)")


def build_parser() -> argparse.ArgumentParser:
    from engine.version import version

    parser = Parser(prog="clusterquote", description=(
        "Plan and quote AI training clusters: from a model and a deadline to GPUs, servers, "
        "network, racks, power, cooling, capex and TCO. Prices are indicative."))
    parser.add_argument("--version", action="version", version=f"clusterquote {version()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)

    p = sub.add_parser("plan", help="size and price the cluster on each configuration")
    _add_plan_args(p)
    p.add_argument("--format", choices=["table", "json"], default="table")
    p.add_argument("--save", type=Path, metavar="FILE.cqplan",
                   help="also save the request as a plan file the desktop app opens")

    o = sub.add_parser("optimise", help="the cheapest design that meets the deadline with given odds")
    _add_plan_args(o)
    o.add_argument("--draws", type=_whole, default=10_000, help="Monte-Carlo draws (default 10000)")
    o.add_argument("--objective", choices=["capex", "tco"], default="tco",
                   help="the cost the front and the answer minimise (default tco)")
    o.add_argument("--seed", type=_whole, default=0, help="seed of the draws (default 0)")
    o.add_argument("--format", choices=["table", "json"], default="table")
    o.add_argument("--lang", choices=["en", "zh"], default=None,
                   help="language of the table and of a refusal (default: the locale's, else en)")
    o.add_argument("--save", type=Path, metavar="FILE.cqplan",
                   help="save the best variant as a plan file, quotable like any plan")

    e = sub.add_parser("estimate", help="days to train on N GPUs of one type")
    _add_workload(e)
    e.add_argument("--gpu", required=True, help="a GPU id (see `catalog gpus`)")
    e.add_argument("--gpus", type=_whole, required=True, help="number of GPUs")
    e.add_argument("--mfu", type=_number("a fraction such as 0.4"))
    e.add_argument("--goodput", type=_number("a fraction such as 0.9"))
    e.add_argument("--precision", choices=["bf16", "fp8"], default="bf16")
    e.add_argument("--format", choices=["table", "json"], default="table")
    _add_catalog(e)
    _add_lead_time(e)
    _add_team(e)

    c = sub.add_parser("catalog", help="list GPUs, configurations, prices or workload presets")
    c.add_argument("section", nargs="?",
                   choices=["gpus", "configs", "prices", "presets", "availability", "export"],
                   default="configs")
    c.add_argument("id", nargs="?", metavar="ID",
                   help="export: the configuration to write as a self-contained catalog file")
    c.add_argument("--out", type=Path, metavar="FILE.toml",
                   help="export: write the file here (default: print it)")
    c.add_argument("--format", choices=["table", "json"], default="table")
    c.add_argument("--market", default="CN",
                   help="availability: the buyer's country, a two-letter code (default CN)")
    c.add_argument("--date", default=None, metavar="YYYY-MM-DD",
                   help="availability: the purchase date the rules are taken at (default today)")

    q = sub.add_parser("quote", help="write an Excel quote of the plan")
    _add_plan_args(q)
    q.add_argument("--out", type=Path, required=True, help="the .xlsx file to write")
    q.add_argument("--lang", choices=["en", "zh"], default="en")
    q.add_argument("--customer", default="", help="default: the plan file's")
    q.add_argument("--quote-no", default="", help="default: the plan file's")
    q.add_argument("--valid-days", type=_whole, default=None,
                   help="days the quote holds (default: the terms' validity, 30)")
    q.add_argument("--kind", choices=["comparison", "rfq"], default="comparison",
                   help="comparison: every configuration, for management; rfq: one vendor's, "
                        "to send")
    q.add_argument("--vendor", choices=["lenovo", "inspur"], type=str.lower,
                   help="only this vendor's configurations (needed by --kind rfq)")
    q.add_argument("--buyer", default="",
                   help="the letterhead: a company name, or company=…;department=…;contact=…;"
                        "phone=…;email=…;address=…")
    q.add_argument("--terms", type=Path, help="a TOML file of terms (layout of resources/quote_terms.toml)")
    q.add_argument("--detail", default="shortlist", metavar="shortlist|all|ID[,ID...]",
                   help="which configurations get a BOM (comparison) or a quotation sheet (rfq): "
                        "the shortlist (default: the recommendation and each vendor's best), "
                        "all, or configuration ids")
    q.add_argument("--prices", choices=["blank", "target", "list"], default="blank",
                   help="an RFQ's price columns: blank for the vendor to fill in (default), the "
                        "plan's target (net) prices, or its list prices and discount")
    q.add_argument("--delivery-date", type=_iso_date, default=None, metavar="YYYY-MM-DD",
                   help="the delivery date an RFQ requires (default: the order date plus the "
                        "plan's lead time)")
    q.add_argument("--idc", default="", help="the leased data centre (IDC) an RFQ delivers to "
                                             "when the plan is hosted in one")
    q.add_argument("--pdf", action="store_true",
                   help="also write the quote as PDF beside --out (needs LibreOffice)")
    q.add_argument("--options", action="store_true",
                   help="a comparison gains an Options sheet: the optimiser's front, the chosen "
                        "variant and its odds (searches the design space; needs --days)")
    q.add_argument("--draws", type=_whole, default=10_000,
                   help="with --options: Monte-Carlo draws (default 10000)")
    q.add_argument("--seed", type=_whole, default=0, help="with --options: seed of the draws")

    r = sub.add_parser("reconcile", help="check vendor quotations against a saved plan, like for like")
    r.add_argument("plan_file", type=Path, metavar="PLAN.cqplan", help="the plan the vendors quoted")
    r.add_argument("--quote", type=Path, action="append", required=True, metavar="FILE",
                   help="a vendor quotation, .xlsx or .csv (repeat for each vendor)")
    r.add_argument("--out", type=Path, metavar="REPORT.xlsx",
                   help="also write the reconciliation report workbook")
    r.add_argument("--format", choices=["table", "json"], default="table")
    r.add_argument("--lang", choices=["en", "zh"], default="en",
                   help="language of the findings and the report workbook")
    r.add_argument("--config", dest="reconcile_config", default=None, metavar="ID",
                   help="reconcile every quotation with this configuration (default: the one it "
                        "answers: its RFQ, else its server line, else its best-matching lines)")
    r.add_argument("--learn-prices", action="store_true",
                   help="put the quoted prices into your price list, with their source")
    _add_catalog(r)
    r.add_argument("--accept-far-prices", action="store_true",
                   help="with --learn-prices: learn a price even when it is more than 5 times from "
                        "the list's (refused otherwise)")
    return parser


def request_from(args: argparse.Namespace) -> PlanRequest:
    return PlanRequest(
        workload=workload_from(args),
        schedule=Schedule(days=args.days, gpus=args.gpus, precision=args.precision,
                          lead_time_days=args.lead_time_days, confidence=args.confidence),
        efficiency=efficiency_from(args),
        facility=Facility(rack_kw=args.rack_kw, cooling=args.cooling, pue=args.pue,
                          rack_units=args.rack_units, row_racks=args.row_racks, spares=args.spares,
                          buy_racks=_yes_no(args.buy_racks), buy_cooling=_yes_no(args.buy_cooling),
                          plant=args.facility_scope),
        finance=Finance(currency=args.currency, exchange_rate=args.exchange_rate,
                        power_price=args.power_price, years=args.years, hosting=args.hosting,
                        colo_rent_kw_month=args.colo_rent, vat=args.vat,
                        vat_services=args.vat_services, discount=args.discount,
                        warranty_years=args.warranty_years,
                        maintenance_rate=args.maintenance_rate,
                        purchase_date=args.purchase_date, market=args.market,
                        ai_enterprise=args.ai_enterprise,
                        wholesale_rent_kw_month=args.wholesale_rent),
        configs=tuple(args.config),
        overrides=_merged_overrides(getattr(args, "override", [])),
        storage=StorageRequest(product=args.storage, checkpoints_kept=args.checkpoints_kept,
                               performance=args.storage_class,
                               dataset_tb=args.dataset_tb,
                               checkpoint_minutes=args.checkpoint_minutes),
    )


def _iso_date(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date; write it as YYYY-MM-DD") from None


def _yes_no(value: str | None) -> bool | None:
    return None if value is None else value == "yes"


def efficiency_from(args: argparse.Namespace) -> Efficiency:
    return Efficiency(mfu=args.mfu, goodput=args.goodput, team=args.team,
                      **(args.measured or {}))


def workload_from(args: argparse.Namespace) -> Workload:
    return Workload(preset=args.preset, params=args.params, tokens=args.tokens, flops=args.flops,
                    pf_days=args.pf_days, runs=args.runs, finetune_tokens=args.finetune_tokens,
                    tuning_pf_days=args.tuning_pf_days, moe=args.moe)


# Flags of plan and quote that are not part of the request; every other flag is, and a plan
# file holds the whole request, so those cannot be combined with one.
NOT_REQUEST_FLAGS = frozenset({
    "help", "plan_file", "price_list", "format", "save", "out", "lang", "customer", "quote_no",
    "valid_days", "kind", "vendor", "buyer", "terms", "detail", "pdf", "catalog", "prices",
    "delivery_date", "idc", "options", "draws", "seed", "objective",
})


def _plan_document(args: argparse.Namespace) -> Any:
    """The request (and quote heading) from the plan file or the flags, checked against bounds."""
    from engine.bounds import check_quote_heading
    from engine.planfile import PlanDocument, load_plan_document

    if args.plan_file is None:
        document = PlanDocument(request_from(args))
    else:
        given = [f for f, default in args.flag_defaults.items()
                 if f not in NOT_REQUEST_FLAGS and getattr(args, f, default) != default]
        if given:
            raise UsageError(f"clusterquote: error: --{given[0].replace('_', '-')} cannot be combined "
                             f"with a plan file, which holds the whole request")
        document = load_plan_document(args.plan_file)
    customer = getattr(args, "customer", "") or document.customer
    quote_no = getattr(args, "quote_no", "") or document.quote_no
    check_quote_heading(customer, quote_no)
    return PlanDocument(document.request, customer, quote_no, document.snapshot, document.entries)


def _prices_for(args: argparse.Namespace, document: Any) -> Any:
    """--price-list over the shipped list; else a plan file's saved prices (so it shows the
    totals that were quoted) over today's list; else None (the user's or the shipped list)."""
    given = _price_list(args)
    if given is not None or document.snapshot is None:
        return given
    from engine.money.prices import load_price_list
    from engine.money.snapshot import snapshot_prices

    return snapshot_prices(document.snapshot, load_price_list())


def _price_list(args: argparse.Namespace) -> Any:
    """The list given by --price-list over the shipped one, or None (the user's or shipped list)."""
    from engine.money.prices import PriceError, read_price_list, with_fallback

    given = getattr(args, "price_list", None)  # reconcile takes none
    if given is None:
        return None
    try:
        return with_fallback(read_price_list(given))
    except PriceError as exc:
        raise PriceError(f"--price-list: {exc}") from None


def _runnable_comparison(args: argparse.Namespace, request: PlanRequest | None = None,
                         prices: Any = None, carried: Any = None) -> Comparison:
    """Plan the request; a named configuration that cannot run it, or none that can, is an error.
    ``carried``: the user-entered records a plan file carries."""
    from engine.compare import compare
    from engine.user_catalog import catalog_and_prices

    request = request if request is not None else request_from(args)
    catalog, prices = catalog_and_prices(getattr(args, "catalog", None), prices, carried)
    comparison = compare(request, catalog=catalog, price_list=prices)
    if getattr(args, "save", None) is not None:  # the request is valid: keep it
        _save(args.save, comparison, prices, catalog)
    named = bool(request.configs)
    refused = [p for p in comparison.plans if not p.feasible]
    if named and refused:  # the user asked for these by name
        plan = refused[0]
        raise RequestError("configs", plan.config, allowed(
            "allowed.cannot-run", reasons="; ".join(m.render("en") for m in plan.refusals),
            reasons_zh="；".join(m.render("zh") for m in plan.refusals)))
    if len(refused) == len(comparison.plans):
        first = refused[0]
        raise UsageError(f"clusterquote: error: no configuration can run this workload "
                         f"(e.g. {first.config}: {first.refusals[0].text})")
    return comparison


def _save(path: Path, comparison: Comparison, prices: Any, catalog: Any = None) -> None:
    """The plan file the app would save: the request and the prices it was quoted with."""
    import datetime as dt

    from engine.catalog import catalog_version
    from engine.money.prices import load_price_list
    from engine.planfile import SUFFIX, PlanFileError, save_plan, snapshot_for
    from engine.safeio import remove_stale_temp_files
    from engine.user_catalog import plan_entries

    if not path.name or path.is_dir():  # --save '' is Path('.'), a folder without a name
        said = f"{shown(str(path))} is a folder" if path.name else "no file name was given"
        raise SaveFailed(f"--save: {said}; give a plan file's name, e.g. --save plan{SUFFIX}")
    target = path if path.suffix.lower() == SUFFIX else path.with_name(path.name + SUFFIX)
    remove_stale_temp_files(target.parent)
    saved = dt.datetime.now(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
    snapshot = snapshot_for(comparison, prices or load_price_list(), saved=saved,
                             catalog_version=catalog_version(), catalog=catalog)
    entries = None
    if catalog is not None:  # the user's records the plan stands on travel with it
        entries = plan_entries([p.config for p in comparison.plans], catalog,
                               prices or load_price_list(), where=target.name)
    try:
        save_plan(comparison.request, target, snapshot=snapshot, entries=entries)
    except PlanFileError as exc:  # it would not open again
        raise SaveFailed(f"--save: {exc}") from None
    except OSError as exc:
        raise SaveFailed(f"--save: cannot write {target}: {_reason(exc)}") from None


class SaveFailed(Exception):
    """A plan file could not be written; the message is the line to print."""


def _reason(exc: OSError) -> str:
    text = exc.strerror or str(exc) or type(exc).__name__
    return text[0].lower() + text[1:]


def _json(data: Any) -> str:
    """Strict JSON: a figure that is not finite is written null, never NaN or Infinity."""
    from engine.serialize import finite

    return json.dumps(finite(data), indent=2, ensure_ascii=False, allow_nan=False)


def _plan(args: argparse.Namespace) -> int:
    from engine.report import comparison_table
    from engine.serialize import comparison_dict

    document = _plan_document(args)
    comparison = _runnable_comparison(args, document.request, _prices_for(args, document),
                                      document.entries)
    if args.format == "json":
        print(_json(comparison_dict(comparison)))
    else:
        print(comparison_table(comparison))
    return 0


def _optimised(request: Any, args: argparse.Namespace, prices: Any, catalog: Any = None) -> Any:
    """The optimiser's result for the request: the confidence the fleets are sized for is the
    odds the answer must reach (resolve's default when the request gives none)."""
    from engine.optimise.search import optimise
    from engine.resolve import resolve

    confidence = request.schedule.confidence
    if confidence is None and request.schedule.days is not None:
        confidence = resolve(request).confidence
    return optimise(request, confidence=confidence if confidence is not None else 0.8,
                    draws=args.draws, objective=getattr(args, "objective", "tco"),
                    seed=args.seed, catalog=catalog, prices=prices)


def _optimise(args: argparse.Namespace) -> int:
    from engine.compare import compare
    from engine.optimise.exact import variant_request
    from engine.optimise.report import result_dict, result_table
    from engine.user_catalog import catalog_and_prices

    document = _plan_document(args)
    catalog, prices = catalog_and_prices(args.catalog, _prices_for(args, document),
                                         document.entries)
    result = _optimised(document.request, args, prices, catalog)
    if args.save is not None and result.best is not None:
        b = result.best
        best = variant_request(document.request, b["config"], b["gpus"], b["cooling"],
                               b["rack_kw"], b["hosting"])
        _save(args.save, compare(best, catalog=catalog, price_list=prices), prices, catalog)
    print(_json(result_dict(result)) if args.format == "json"
          else result_table(result, reader_lang(args.lang)))
    return 0


def _estimate(args: argparse.Namespace) -> int:
    from engine.bounds import check, check_workload
    from engine.compute.estimate import estimate
    from engine.report import estimate_table
    from engine.serialize import estimate_dict

    workload = workload_from(args)
    check_workload(workload)
    efficiency = efficiency_from(args)
    for field, value in (("schedule.gpus", args.gpus), ("schedule.confidence", args.confidence),
                         *((f"efficiency.{k}", v) for k, v in vars(efficiency).items()
                           if k not in ("team", "measured_gpu"))):
        check(field, value)
    from engine.user_catalog import catalog_and_prices

    catalog, _ = catalog_and_prices(args.catalog, None)
    est = estimate(workload, args.gpu, args.gpus, precision=args.precision,
                   lead_time=args.lead_time_days, efficiency=efficiency,
                   confidence=args.confidence, catalog=catalog)
    if args.format == "json":
        print(_json(estimate_dict(est)))
    else:
        print(estimate_table(est))
    return 0


def _catalog(args: argparse.Namespace) -> int:
    from engine.report import catalog_rows

    if args.section == "export":
        return _export_entry(args)
    if args.id is not None:
        raise UsageError(f"clusterquote catalog: error: an id is given only to `catalog export`, "
                         f"not to `catalog {args.section}`")

    rows = catalog_rows(args.section, market=args.market, date=args.date)
    if args.format == "json":
        print(_json(rows))
    else:
        from engine.report import text_table

        # nested fields (a configuration's peaks by precision) are in the JSON only
        print(text_table([{k: v for k, v in r.items() if not isinstance(v, dict | list)}
                          for r in rows]))
    return 0


def _export_entry(args: argparse.Namespace) -> int:
    """`catalog export ID`: the configuration, its GPU, server, NIC and prices as TOML (a
    shipped system, or one of the user's own, to share with a colleague)."""
    from engine.user_catalog import catalog_and_prices, export_entry, write_entry_file

    if args.id is None:
        raise UsageError("clusterquote catalog: error: `catalog export` needs a configuration id "
                         "(see `catalog configs`)")
    catalog, prices = catalog_and_prices(None, None)  # with the user data folder's entries
    if args.id not in catalog.configurations:
        raise RequestError("configs", args.id, allowed(
            "allowed.known-configs", names=", ".join(sorted(catalog.configurations))))
    text = export_entry(args.id, catalog, prices)
    if args.out is None:
        print(text, end="")
        return 0
    try:
        write_entry_file(text, args.out)
    except OSError as exc:
        raise SaveFailed(f"--out: cannot write {args.out}: {_reason(exc)}") from None
    return 0


def _quote(args: argparse.Namespace) -> int:
    from engine.bounds import check
    from engine.export import detailed, for_vendor, vendors, write_quote
    from engine.export.names import DetailError
    from engine.export.terms import load_terms, parse_buyer
    from engine.safeio import remove_stale_temp_files

    if args.valid_days is not None:
        check("valid_days", args.valid_days, "quote.valid_days")
    document = _plan_document(args)
    buyer, terms = load_terms(args.terms)
    if document.customer:  # a company name ("Smith=Jones GmbH"), or the buyer's fields as --buyer takes them
        from dataclasses import replace

        try:
            buyer = parse_buyer(document.customer, buyer)
        except TermsError:
            buyer = replace(buyer, company=document.customer.strip())
    buyer = parse_buyer(args.buyer, buyer)
    prices = _prices_for(args, document)
    comparison = _runnable_comparison(args, document.request, prices, document.entries)
    every_vendor = {p.config: p.vendor for p in comparison.plans}
    if args.vendor:
        try:
            comparison = for_vendor(comparison, args.vendor)
        except ValueError as exc:
            raise UsageError(f"clusterquote: error: --vendor: {exc}") from None
    elif args.kind == "rfq" and len(vendors(comparison)) > 1:
        raise UsageError("clusterquote: error: --kind rfq needs --vendor "
                         f"({' or '.join(vendors(comparison))}): an RFQ goes to one vendor")
    try:  # checked before anything is written
        detail = detailed(comparison, args.detail) if any(p.money for p in comparison.plans) \
            else args.detail
    except DetailError as exc:
        others = [c for c in exc.unknown if c in every_vendor]
        if args.vendor and others:  # a configuration of this plan, but another vendor's
            raise UsageError(f"clusterquote: error: --detail: {others[0]} is "
                             f"{every_vendor[others[0]]}'s, and this document goes to "
                             f"{args.vendor}; allowed: {exc.allowed}") from None
        raise UsageError(f"clusterquote: error: --{exc}") from None
    remove_stale_temp_files(Path(args.out).parent)
    if args.pdf:  # checked before the workbook is written: both or neither
        from engine.safeio import output_problem

        pdf = Path(args.out).with_suffix(".pdf")
        problem = output_problem(pdf)
        if problem:
            raise UsageError(f"clusterquote: error: --pdf: cannot write {pdf}: {problem}; "
                             "no file was written")
    from engine.user_catalog import catalog_and_prices

    catalog, _ = catalog_and_prices(args.catalog, None, document.entries)  # as planned on
    options = None
    if args.options:
        if args.kind == "rfq":
            raise UsageError("clusterquote: error: --options: the Options sheet belongs to the "
                             "comparison (--kind comparison), not to an RFQ")
        options = _optimised(document.request, args, prices, catalog)
    path = write_quote(comparison, args.out, lang=args.lang, quote_no=document.quote_no,
                       valid_days=args.valid_days, kind=args.kind, buyer=buyer, terms=terms,
                       price_list=prices, detail=detail, prices=args.prices,
                       delivery_date=args.delivery_date, idc=args.idc, options=options,
                       catalog=catalog)
    print(f"wrote {path}")
    if args.pdf:
        from engine.export.pdf import xlsx_to_pdf

        print(f"wrote {xlsx_to_pdf(path, path.with_suffix('.pdf'))}")
    return 0


def _reconcile(args: argparse.Namespace) -> int:
    from engine.compare import compare
    from engine.planfile import PlanFileError, load_plan_document
    from engine.quotes import QuoteError, compare_quotes, learn_prices, read_quote, reconcile
    from engine.quotes.present import reconcile_dict, reconcile_table

    try:
        document = load_plan_document(args.plan_file)
        quotes = [read_quote(path) for path in args.quote]  # every file read before anything is used
    except (PlanFileError, QuoteError) as exc:
        raise UsageError(f"clusterquote: error: {exc}") from None
    # the quotes answer the plan as it was sent: its saved prices where it has them, on the
    # systems it was planned on (a user's own travel in the plan file, or come from --catalog)
    from engine.user_catalog import catalog_and_prices

    catalog, prices = catalog_and_prices(args.catalog, _prices_for(args, document),
                                         document.entries)
    comparison = compare(document.request, catalog=catalog, price_list=prices)
    if not any(p.feasible for p in comparison.plans):
        raise UsageError(f"clusterquote: error: {args.plan_file.name}: no configuration of the plan "
                         "can run its workload, so there is nothing to reconcile with")
    try:
        recs = [reconcile(comparison, q, config=args.reconcile_config) for q in quotes]
    except ValueError as exc:
        raise UsageError(f"clusterquote: error: {exc}") from None
    like = compare_quotes(comparison, recs)
    if args.out is not None:
        from engine.export.reconciliation import write_reconciliation

        write_reconciliation(recs, like, args.out, lang=args.lang)
    if args.learn_prices:
        try:
            _, path = learn_prices(recs, accept_far=args.accept_far_prices)
        except QuoteError as exc:
            raise UsageError(f"clusterquote: error: --learn-prices: {exc}") from None
        print(f"prices learned into {path}", file=sys.stderr)
    if args.format == "json":
        print(json.dumps(reconcile_dict(recs, like, args.lang), indent=2, ensure_ascii=False))
    else:
        print(reconcile_table(recs, like, args.lang))
    if args.out is not None:
        print(f"wrote {args.out}", file=sys.stderr)
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "plan": _plan, "estimate": _estimate, "catalog": _catalog, "quote": _quote,
    "reconcile": _reconcile, "optimise": _optimise,
}


def _fail(message: str, lang: str = "en") -> int:
    _say(t("request.cli-error", lang, message=message))
    return 2


def reader_lang(given: str | None = None, environ: Mapping[str, str] | None = None) -> str:
    """The language the command line answers in: ``--lang`` where the command has it, else
    the locale (LC_ALL, LC_MESSAGES, LANG, as gettext reads them: zh_CN.UTF-8 is Chinese),
    else English."""
    if given in LANGS:
        return given
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def _say(line: str) -> None:
    """One line on stderr: line breaks escaped, cut to LINE_CHARS."""
    text = one_line(line)
    print(text if len(text) <= LINE_CHARS else text[: LINE_CHARS - 1] + "…", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    except UsageError as exc:
        _say(str(exc))
        return 2
    if args.command is None:
        parser.print_help()
        return 0
    _clean_up_after_a_crash()
    args.flag_defaults = _flag_defaults(parser, args.command)
    try:
        _reject_lost_values(parser, args)
        return COMMANDS[args.command](args)
    except UsageError as exc:
        _say(str(exc))
        return 2
    except RequestError as exc:  # said in the reader's language: --lang, else the locale
        lang = reader_lang(getattr(args, "lang", None))
        return _fail(exc.text(lang, FLAGS.get(exc.field, exc.field)), lang)
    except BrokenPipeError:  # the reader (`| head`) left: not an error of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except ExportError as exc:
        return _fail(f"--out: {exc}")
    except TermsError as exc:
        return _fail(str(exc))
    except SaveFailed as exc:
        return _fail(str(exc))
    except OSError as exc:  # e.g. the output going to a full disk
        where = f"{exc.filename}: " if exc.filename else "cannot write the output: "
        return _fail(where + _reason(exc))
    except (CatalogError, PriceError, ValueError) as exc:  # PlanFileError is a ValueError
        return _fail(str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
    except Exception as exc:  # a bug: one line for the user, and an exit code tests tell apart
        _say(f"clusterquote: internal error ({type(exc).__name__}): {exc}; please report it")
        return 70


def _flag_defaults(parser: argparse.ArgumentParser, command: str) -> dict[str, Any]:
    """The defaults of the command's flags: a flag holding another value was given."""
    return {a.dest: a.default for a in _command_parser(parser, command)._actions}


def _command_parser(parser: argparse.ArgumentParser, command: str) -> argparse.ArgumentParser:
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    parsers: dict[str, argparse.ArgumentParser] = sub.choices
    return parsers[command]


def _reject_lost_values(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """argparse turns ``--flag=--`` into an empty list instead of an error: make it one."""
    for action in _command_parser(parser, args.command)._actions:
        value = getattr(args, action.dest, None)
        if value == [] and action.nargs is None and not isinstance(action, argparse._AppendAction):
            raise UsageError(f"clusterquote {args.command}: error: argument "
                             f"{'/'.join(action.option_strings)}: expected one argument")


def _clean_up_after_a_crash() -> None:
    """Temporary files a killed save of ours left in the user's data folder."""
    from engine.money.prices import user_data_dir
    from engine.safeio import remove_stale_temp_files

    remove_stale_temp_files(user_data_dir())
    from engine.export.pdf import TIMEOUT_S
    from engine.safeio import remove_stale_work_folders

    remove_stale_work_folders("cq-pdf-", older_than_s=2 * TIMEOUT_S)  # a --pdf run killed mid-way


def run() -> None:
    sys.exit(main())


__all__: list[Any] = ["build_parser", "main", "request_from", "run"]
