"""The `coopnews` command. Each subcommand lives in its own module under coopnews/commands/ and
defines `register(subparsers)`, which adds its parser and sets `func(args) -> int`; modules whose names
start with an underscore hold shared helpers.

One error path for every subcommand: a wrong argument or input (bad option value, missing folder or file,
bad plan) prints one line and exits 2; a failure while working (a file that cannot be written, a cache
folder that is not a folder) prints one line and exits 1; Ctrl-C or SIGTERM stops the run (the subcommand
cleans up what it started) and exits 130. Only a bug shows a traceback.
"""
from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import signal
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


INTERRUPTED = 130  # 128 + SIGINT, as shells report a run stopped by Ctrl-C


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    previous = _stop_on_sigterm()
    try:
        return args.func(args) or 0
    except KeyboardInterrupt:
        # first: a later SIGINT (another Ctrl-C, or one that reached the process group while its children were
        # ending) must not escape as a second KeyboardInterrupt and turn exit status 130 into a death by signal
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        print(f"coopnews {args.command}: interrupted", file=sys.stderr)
        return INTERRUPTED
    except (FileNotFoundError, ValueError) as err:
        print(f"coopnews {args.command}: error: {err}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        _silence_stdout()
        return 0
    except OSError as err:
        print(f"coopnews {args.command}: error: {describe_os_error(err)}", file=sys.stderr)
        return 1
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def describe_os_error(err: OSError) -> str:
    """`reason: path` for an OSError, with the usual fix for the common ones."""
    where = f": {err.filename}" if err.filename else ""
    fixes = {NotADirectoryError: " (a file stands where a folder is needed)",
             FileExistsError: " (a file stands where a folder is needed)",
             IsADirectoryError: " (give a file name, not a folder)", PermissionError: " (check its permissions)"}
    return f"{err.strerror or err}{where}{fixes.get(type(err), '')}"


def _stop_on_sigterm():
    """SIGTERM stops a run as Ctrl-C does (KeyboardInterrupt); the previous handler, or None off the main thread."""
    def stop(signum, frame):
        raise KeyboardInterrupt

    try:
        return signal.signal(signal.SIGTERM, stop)
    except ValueError:  # not the main thread (main() called from a thread): leave signals alone
        return None


def _silence_stdout() -> None:
    """After a closed pipe (`coopnews corpus DIR | head`), keep Python from failing to flush stdout at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
