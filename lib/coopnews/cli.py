"""The `coopnews` command. Each subcommand lives in its own module under coopnews/commands/ and
defines `register(subparsers)`, which adds its parser and sets `func(args) -> int`; modules whose names
start with an underscore hold shared helpers."""
from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys

from . import __version__, commands


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="coopnews",
                                     description="Study international city-to-city cooperation from news articles.")
    parser.add_argument("--version", action="version", version=f"coopnews {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue  # shared helpers, not a subcommand
        importlib.import_module(f"{commands.__name__}.{info.name}").register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return args.func(args) or 0
    except (FileNotFoundError, ValueError) as err:
        print(f"coopnews {args.command}: error: {err}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
