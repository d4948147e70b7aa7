"""The `clusterquote` entry point.

clusterquote                        open the desktop app
clusterquote PLAN.cqplan            open the desktop app with a saved plan (file managers do this)
clusterquote gui [--self-test DIR] [--language en|zh_CN]
clusterquote plan|estimate|catalog|quote ...   the command line (engine.cli)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def _gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="clusterquote gui", description="Open the ClusterQuote desktop app."
    )
    parser.add_argument(
        "--self-test",
        metavar="DIR",
        type=Path,
        help="walk the wizard with GPT-3 175B and a 30-day deadline, export DIR/quote.xlsx, "
        "save a PNG of every page and tab into DIR, and exit (0 when all went well)",
    )
    parser.add_argument("plan", nargs="?", type=Path, help="a saved plan (.cqplan) to open")
    parser.add_argument(
        "--language",
        choices=("en", "zh_CN"),
        help="language for this run (the setting is not changed)",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else list(argv)
    if not args or (len(args) == 1 and args[0].lower().endswith(".cqplan")):
        from desktop.app import run_gui

        return run_gui([], plan_path=Path(args[0]) if args else None)
    if args[0] == "gui":
        options = _gui_parser().parse_args(args[1:])
        if options.self_test is not None:
            from desktop.self_test import run_self_test

            return run_self_test(options.self_test, language=options.language or "en")
        from desktop.app import run_gui

        return run_gui([], language=options.language, plan_path=options.plan)
    from engine.cli import main as cli_main

    return cli_main(args)


if __name__ == "__main__":
    sys.exit(main())
