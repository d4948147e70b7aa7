"""The command line: plan, estimate, catalog, quote. Bad input exits 2 with one line on stderr."""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from engine.catalog import CatalogError
from engine.errors import RequestError
from engine.export.safe import ExportError
from engine.export.terms import TermsError
from engine.model import Comparison, Efficiency, Facility, Finance, PlanRequest, Schedule, Workload
from engine.money.prices import PriceError

# request field -> the flag that sets it
FLAGS = {
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
    "finance.vat": "--vat", "finance.discount": "--discount",
    "finance.warranty_years": "--warranty-years", "finance.maintenance_rate": "--maintenance-rate",
    "configs": "--config", "gpu": "--gpu", "valid_days": "--valid-days",
}


class UsageError(Exception):
    """argparse's complaint, raised instead of printing usage so the CLI says one line."""


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: error: {message}")


def _number(kind: str) -> Callable[[str], float]:
    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"'{text}' is not a number; give {kind}") from None
        if not math.isfinite(value):
            raise argparse.ArgumentTypeError(f"'{text}' is not a finite number; give {kind}")
        return value
    return parse


def _discount(text: str) -> float:
    from engine.money.discount import parse_discount

    try:
        return parse_discount(text)
    except RequestError as exc:
        raise argparse.ArgumentTypeError(f"'{text}' is not allowed; {exc.allowed}") from None


def _whole(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None


def _count(text: str) -> float:
    from engine.compute.workload import parse_count

    try:
        return parse_count(text, "")
    except RequestError as exc:
        raise argparse.ArgumentTypeError(f"'{text}' is not allowed; {exc.allowed}") from None


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
    g.add_argument("--hosting", choices=["own", "colo"], default="own")
    g.add_argument("--colo-rent", type=_number("rent per kW of rack budget per month"))
    g.add_argument("--currency", choices=["CNY", "USD"], default="CNY")
    g.add_argument("--exchange-rate", type=_number("CNY per USD, e.g. 7.2"))
    g.add_argument("--vat", type=_number("a fraction such as 0.13"))
    g.add_argument("--discount", type=_discount, default=0.0,
                   help="share taken off list: 0.15, 15%% or 85折 (pay 85%% of list)")
    g.add_argument("--warranty-years", type=_whole)
    g.add_argument("--maintenance-rate", type=_number("a fraction such as 0.08"))


def _add_plan_args(p: argparse.ArgumentParser) -> None:
    _add_workload(p)
    when = p.add_mutually_exclusive_group(required=True)
    when.add_argument("--days", type=_number("a number of days"), help="deadline in days")
    when.add_argument("--gpus", type=_whole, help="a fixed fleet of GPUs")
    p.add_argument("--config", action="append", default=[],
                   help="a configuration id (repeat; default: every Lenovo and Inspur one)")
    _add_options(p)


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

    e = sub.add_parser("estimate", help="days to train on N GPUs of one type")
    _add_workload(e)
    e.add_argument("--gpu", required=True, help="a GPU id (see `catalog gpus`)")
    e.add_argument("--gpus", type=_whole, required=True, help="number of GPUs")
    e.add_argument("--mfu", type=_number("a fraction such as 0.4"))
    e.add_argument("--goodput", type=_number("a fraction such as 0.9"))
    e.add_argument("--precision", choices=["bf16", "fp8"], default="bf16")
    e.add_argument("--format", choices=["table", "json"], default="table")

    c = sub.add_parser("catalog", help="list GPUs, configurations, prices or workload presets")
    c.add_argument("section", nargs="?", choices=["gpus", "configs", "prices", "presets"],
                   default="configs")
    c.add_argument("--format", choices=["table", "json"], default="table")

    q = sub.add_parser("quote", help="write an Excel quote of the plan")
    _add_plan_args(q)
    q.add_argument("--out", type=Path, required=True, help="the .xlsx file to write")
    q.add_argument("--lang", choices=["en", "zh"], default="en")
    q.add_argument("--customer", default="")
    q.add_argument("--quote-no", default="")
    q.add_argument("--valid-days", type=_whole, default=None,
                   help="days the quote holds (default: the terms' validity, 30)")
    q.add_argument("--kind", choices=["comparison", "rfq"], default="comparison",
                   help="comparison: every configuration, for management; rfq: one vendor's, "
                        "to send")
    q.add_argument("--vendor", choices=["lenovo", "inspur"],
                   help="only this vendor's configurations (needed by --kind rfq)")
    q.add_argument("--buyer", default="",
                   help="the letterhead: a company name, or company=…;department=…;contact=…;"
                        "phone=…;email=…;address=…")
    q.add_argument("--terms", type=Path, help="a TOML file of terms (layout of resources/quote_terms.toml)")
    q.add_argument("--pdf", action="store_true",
                   help="also write the quote as PDF beside --out (needs LibreOffice)")
    return parser


def request_from(args: argparse.Namespace) -> PlanRequest:
    return PlanRequest(
        workload=workload_from(args),
        schedule=Schedule(days=args.days, gpus=args.gpus, precision=args.precision),
        efficiency=Efficiency(mfu=args.mfu, goodput=args.goodput),
        facility=Facility(rack_kw=args.rack_kw, cooling=args.cooling, pue=args.pue,
                          rack_units=args.rack_units),
        finance=Finance(currency=args.currency, exchange_rate=args.exchange_rate,
                        power_price=args.power_price, years=args.years, hosting=args.hosting,
                        colo_rent_kw_month=args.colo_rent, vat=args.vat, discount=args.discount,
                        warranty_years=args.warranty_years,
                        maintenance_rate=args.maintenance_rate),
        configs=tuple(args.config),
    )


def workload_from(args: argparse.Namespace) -> Workload:
    return Workload(preset=args.preset, params=args.params, tokens=args.tokens, flops=args.flops,
                    pf_days=args.pf_days, runs=args.runs, finetune_tokens=args.finetune_tokens,
                    tuning_pf_days=args.tuning_pf_days, moe=args.moe)


def _runnable_comparison(args: argparse.Namespace) -> Comparison:
    """Plan the request; a named configuration that cannot run it, or none that can, is an error."""
    from engine.compare import compare

    comparison = compare(request_from(args))
    refused = [p for p in comparison.plans if not p.feasible]
    if args.config and refused:  # the user asked for these by name
        plan = refused[0]
        raise RequestError("configs", plan.config, "it cannot run this workload: "
                           + "; ".join(m.text for m in plan.refusals))
    if len(refused) == len(comparison.plans):
        first = refused[0]
        raise UsageError(f"clusterquote: error: no configuration can run this workload "
                         f"(e.g. {first.config}: {first.refusals[0].text})")
    return comparison


def _plan(args: argparse.Namespace) -> int:
    from engine.report import comparison_table
    from engine.serialize import comparison_dict

    comparison = _runnable_comparison(args)
    if args.format == "json":
        print(json.dumps(comparison_dict(comparison), indent=2, ensure_ascii=False))
    else:
        print(comparison_table(comparison))
    return 0


def _estimate(args: argparse.Namespace) -> int:
    from engine.compute.estimate import estimate
    from engine.report import estimate_table
    from engine.serialize import estimate_dict

    est = estimate(workload_from(args), args.gpu, args.gpus, mfu=args.mfu, goodput=args.goodput,
                   precision=args.precision)
    if args.format == "json":
        print(json.dumps(estimate_dict(est), indent=2, ensure_ascii=False))
    else:
        print(estimate_table(est))
    return 0


def _catalog(args: argparse.Namespace) -> int:
    from engine.report import catalog_rows

    rows = catalog_rows(args.section)
    if args.format == "json":
        print(json.dumps(rows, indent=2, ensure_ascii=False))
    else:
        from engine.report import text_table

        print(text_table(rows))
    return 0


def _quote(args: argparse.Namespace) -> int:
    from engine.export import for_vendor, vendors, write_quote
    from engine.export.terms import load_terms, parse_buyer

    if args.valid_days is not None and args.valid_days < 1:
        raise RequestError("valid_days", args.valid_days, "must be 1 or more days")
    buyer, terms = load_terms(args.terms)
    buyer = parse_buyer(args.customer, buyer) if args.customer else buyer
    buyer = parse_buyer(args.buyer, buyer)
    comparison = _runnable_comparison(args)
    if args.vendor:
        try:
            comparison = for_vendor(comparison, args.vendor)
        except ValueError as exc:
            raise UsageError(f"clusterquote: error: --vendor: {exc}") from None
    elif args.kind == "rfq" and len(vendors(comparison)) > 1:
        raise UsageError("clusterquote: error: --kind rfq needs --vendor "
                         f"({' or '.join(vendors(comparison))}): an RFQ goes to one vendor")
    path = write_quote(comparison, args.out, lang=args.lang, quote_no=args.quote_no,
                       valid_days=args.valid_days, kind=args.kind, buyer=buyer, terms=terms)
    print(f"wrote {path}")
    if args.pdf:
        from engine.export.pdf import xlsx_to_pdf

        print(f"wrote {xlsx_to_pdf(path, path.with_suffix('.pdf'))}")
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "plan": _plan, "estimate": _estimate, "catalog": _catalog, "quote": _quote,
}


def _fail(message: str) -> int:
    print(f"clusterquote: error: {message}", file=sys.stderr)
    return 2


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    except UsageError as exc:
        print(exc, file=sys.stderr)
        return 2
    if args.command is None:
        parser.print_help()
        return 0
    try:
        return COMMANDS[args.command](args)
    except UsageError as exc:
        print(exc, file=sys.stderr)
        return 2
    except RequestError as exc:
        flag = FLAGS.get(exc.field, exc.field)
        if exc.value is None:
            return _fail(f"{flag} is missing; {exc.allowed}")
        shown = exc.value if not isinstance(exc.value, float) else f"{exc.value:g}"
        return _fail(f"{flag}: {shown} is not allowed; {exc.allowed}")
    except BrokenPipeError:  # the reader (`| head`) left: not an error of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except ExportError as exc:
        return _fail(f"--out: {exc}")
    except TermsError as exc:
        return _fail(str(exc))
    except (CatalogError, PriceError, OSError) as exc:
        return _fail(str(exc).splitlines()[0] if str(exc) else type(exc).__name__)


def run() -> None:
    sys.exit(main())


__all__: list[Any] = ["build_parser", "main", "request_from", "run"]
