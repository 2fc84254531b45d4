"""Argument parsing and the one place exceptions become exit codes."""

from __future__ import annotations

import argparse
import sys
import traceback
from collections.abc import Callable, Sequence

from errors import ClusterRankError, ValidationFailed

EXIT_OK = 0
EXIT_INTERNAL = 1
EXIT_BAD_INPUT = 2

Handler = Callable[[argparse.Namespace], int]


def build_parser() -> argparse.ArgumentParser:
    from cli import commands

    parser = argparse.ArgumentParser(
        prog="clusterrank",
        description=(
            "Rank candidate clusters (or regions) on explicit criteria: criteria sets and "
            "scenarios in YAML, weights from sliders, AHP or data, TOPSIS/AHP and the pymcdm "
            "catalogue, with every setting shown."
        ),
        epilog="Exit codes: 0 success, 2 bad input, 1 internal error.",
    )
    parser.add_argument("--debug", action="store_true", help="show a traceback for internal errors")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for register in commands.REGISTRARS:
        register(sub)
    return parser


# Options whose value may start with "-" (a cost direction, a negative number); argparse would
# take such a value for an option, so "--directions -,+" is rewritten as "--directions=-,+".
_DASH_VALUE_OPTIONS = frozenset({"--directions", "--weights"})


def _join_dash_values(argv: Sequence[str]) -> list[str]:
    out: list[str] = []
    items = list(argv)
    i = 0
    while i < len(items):
        if items[i] in _DASH_VALUE_OPTIONS and i + 1 < len(items):
            out.append(f"{items[i]}={items[i + 1]}")
            i += 2
        else:
            out.append(items[i])
            i += 1
    return out


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code (tests call this in-process)."""
    parser = build_parser()
    try:
        args = parser.parse_args(_join_dash_values(sys.argv[1:] if argv is None else argv))
    except SystemExit as exc:  # argparse exits 2 on bad usage, 0 on --help
        return int(exc.code or 0)
    handler: Handler = args.handler
    try:
        return handler(args)
    except ValidationFailed as exc:
        print(exc.render(), file=sys.stderr)
        return EXIT_BAD_INPUT
    except ClusterRankError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except FileNotFoundError as exc:
        print(f"error: file not found: {exc.filename}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except (IsADirectoryError, PermissionError) as exc:  # output errors are said by cli.output
        where = f" {exc.filename}" if exc.filename else ""
        print(f"error: cannot read input{where}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except UnicodeDecodeError as exc:
        print(f"error: cannot read input: not UTF-8 text ({exc.reason})", file=sys.stderr)
        return EXIT_BAD_INPUT
    except Exception as exc:  # a bug: one line for users, the traceback on --debug
        if getattr(args, "debug", False):
            traceback.print_exc()
        print(
            f"internal error ({type(exc).__name__}): {exc}. Please report it; "
            "run again with --debug for details.",
            file=sys.stderr,
        )
        return EXIT_INTERNAL


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
