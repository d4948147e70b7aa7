"""The command line: plan, estimate, catalog, quote. Bad input exits 2 with one line on stderr.

``plan`` and ``quote`` take the request from flags or from a saved plan file
(``clusterquote plan FILE.cqplan``), prices from ``--price-list FILE`` (the shipped list
fills in what it lacks), and ``plan --save FILE.cqplan`` writes the plan file the
desktop app would save.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from engine.catalog import CatalogError
from engine.errors import RequestError, one_line, shown
from engine.export.safe import ExportError
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
    "customer": "--customer", "quote_no": "--quote-no",
}
LINE_CHARS = 300  # an error line is cut here, whatever it echoes


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
        raise argparse.ArgumentTypeError(f"'{shown(text)}' is not allowed; {exc.allowed}") from None


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
    g.add_argument("--discount", type=_number("a fraction such as 0.1"), default=0.0)
    g.add_argument("--warranty-years", type=_whole)
    g.add_argument("--maintenance-rate", type=_number("a fraction such as 0.08"))


def _add_plan_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("plan_file", nargs="?", type=Path, metavar="PLAN.cqplan",
                   help="a saved plan: its request replaces the workload and assumption flags")
    p.add_argument("--price-list", type=Path, metavar="FILE",
                   help="price from this .csv or .xlsx list (the shipped list prices what it lacks)")
    _add_workload(p)
    when = p.add_mutually_exclusive_group()
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
    p.add_argument("--save", type=Path, metavar="FILE.cqplan",
                   help="also save the request as a plan file the desktop app opens")

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
    q.add_argument("--customer", default="", help="default: the plan file's")
    q.add_argument("--quote-no", default="", help="default: the plan file's")
    q.add_argument("--valid-days", type=_whole, default=30)
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


# Flags of plan and quote that are not part of the request; every other flag is, and a plan
# file holds the whole request, so those cannot be combined with one.
NOT_REQUEST_FLAGS = frozenset({
    "help", "plan_file", "price_list", "format", "save", "out", "lang", "customer", "quote_no",
    "valid_days",
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
    return PlanDocument(document.request, customer, quote_no)


def _price_list(args: argparse.Namespace) -> Any:
    """The list given by --price-list over the shipped one, or None (the user's or shipped list)."""
    from engine.money.prices import PriceError, read_price_list, with_fallback

    if args.price_list is None:
        return None
    try:
        return with_fallback(read_price_list(args.price_list))
    except PriceError as exc:
        raise PriceError(f"--price-list: {exc}") from None


def _runnable_comparison(args: argparse.Namespace, request: PlanRequest | None = None,
                         prices: Any = None) -> Comparison:
    """Plan the request; a named configuration that cannot run it, or none that can, is an error."""
    from engine.compare import compare

    request = request if request is not None else request_from(args)
    comparison = compare(request, price_list=prices)
    if getattr(args, "save", None) is not None:  # the request is valid: keep it
        _save(args.save, request)
    named = bool(request.configs)
    refused = [p for p in comparison.plans if not p.feasible]
    if named and refused:  # the user asked for these by name
        plan = refused[0]
        raise RequestError("configs", plan.config, "it cannot run this workload: "
                           + "; ".join(m.text for m in plan.refusals))
    if len(refused) == len(comparison.plans):
        first = refused[0]
        raise UsageError(f"clusterquote: error: no configuration can run this workload "
                         f"(e.g. {first.config}: {first.refusals[0].text})")
    return comparison


def _save(path: Path, request: PlanRequest) -> None:
    from engine.planfile import SUFFIX, save_plan
    from engine.safeio import remove_stale_temp_files

    target = path if path.suffix.lower() == SUFFIX else path.with_name(path.name + SUFFIX)
    remove_stale_temp_files(target.parent)
    try:
        save_plan(request, target)
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
    comparison = _runnable_comparison(args, document.request, _price_list(args))
    if args.format == "json":
        print(_json(comparison_dict(comparison)))
    else:
        print(comparison_table(comparison))
    return 0


def _estimate(args: argparse.Namespace) -> int:
    from engine.bounds import check, check_workload
    from engine.compute.estimate import estimate
    from engine.report import estimate_table
    from engine.serialize import estimate_dict

    workload = workload_from(args)
    check_workload(workload)
    for field, value in (("schedule.gpus", args.gpus), ("efficiency.mfu", args.mfu),
                         ("efficiency.goodput", args.goodput)):
        check(field, value)
    est = estimate(workload, args.gpu, args.gpus, mfu=args.mfu, goodput=args.goodput,
                   precision=args.precision)
    if args.format == "json":
        print(_json(estimate_dict(est)))
    else:
        print(estimate_table(est))
    return 0


def _catalog(args: argparse.Namespace) -> int:
    from engine.report import catalog_rows

    rows = catalog_rows(args.section)
    if args.format == "json":
        print(_json(rows))
    else:
        from engine.report import text_table

        print(text_table(rows))
    return 0


def _quote(args: argparse.Namespace) -> int:
    from engine.bounds import check
    from engine.export import write_quote
    from engine.safeio import remove_stale_temp_files

    if args.valid_days < 1:
        raise RequestError("valid_days", args.valid_days, "must be 1 or more days")
    check("valid_days", args.valid_days, "quote.valid_days")
    document = _plan_document(args)
    prices = _price_list(args)
    comparison = _runnable_comparison(args, document.request, prices)
    remove_stale_temp_files(Path(args.out).parent)
    path = write_quote(comparison, args.out, lang=args.lang, customer=document.customer,
                       quote_no=document.quote_no, valid_days=args.valid_days, price_list=prices)
    print(f"wrote {path}")
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "plan": _plan, "estimate": _estimate, "catalog": _catalog, "quote": _quote,
}


def _fail(message: str) -> int:
    _say(f"clusterquote: error: {message}")
    return 2


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
    except RequestError as exc:
        flag = FLAGS.get(exc.field, exc.field)
        if exc.value is None:
            return _fail(f"{flag} is missing; {exc.allowed}")
        return _fail(f"{flag}: {shown(exc.value)} is not allowed; {exc.allowed}")
    except BrokenPipeError:  # the reader (`| head`) left: not an error of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except ExportError as exc:
        return _fail(f"--out: {exc}")
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


def run() -> None:
    sys.exit(main())


__all__: list[Any] = ["build_parser", "main", "request_from", "run"]
