"""Argument parsing and the one place exceptions become exit codes."""

from __future__ import annotations

import argparse
import sys
import traceback
from collections.abc import Callable, Sequence

from clusterrank.cli.language import OPTION, Parser, argparse_speaks, chosen
from clusterrank.errors import ClusterRankError, ValidationFailed
from clusterrank.i18n import _, use_language

EXIT_OK = 0
EXIT_INTERNAL = 1
EXIT_BAD_INPUT = 2

Handler = Callable[[argparse.Namespace], int]


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser; only the command named in ``argv`` gets its full sub-parser.

    The others are listed with their one-line help only, so ``clusterrank --help`` and
    ``clusterrank validate ...`` import no command module but their own (start-up time).
    Without ``argv`` every command's sub-parser is built in full.
    """
    from clusterrank.cli import commands

    command = _command_in(argv) if argv is not None else None
    parser = Parser(
        prog="clusterrank",
        description=_(
            "Rank candidate clusters (or regions) on explicit criteria: criteria sets and "
            "scenarios in YAML, weights from sliders, AHP or data, TOPSIS/AHP and the pymcdm "
            "catalogue, with every setting shown."
        ),
        epilog=_("Exit codes: 0 success, 2 bad input, 1 internal error."),
    )
    parser.add_argument(
        "--debug", action="store_true", help=_("show a traceback for internal errors")
    )
    sub = parser.add_subparsers(dest="command", metavar=_("COMMAND"))
    sub.required = True
    for name in commands.SUMMARIES:
        if argv is None or name == command:
            commands.registrar(name)(sub)
        else:
            sub.add_parser(name, help=commands.summary(name), add_help=False)
    return parser


def _command_in(argv: Sequence[str]) -> str | None:
    """The command ``argv`` names: its first item that is neither an option nor its value."""
    items = list(argv)
    for i, item in enumerate(items):
        if not item.startswith("-") and (i == 0 or items[i - 1] != OPTION):
            return item
    return None


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
    items = _join_dash_values(sys.argv[1:] if argv is None else argv)
    with use_language(chosen(items)):  # before any parser is built: --help is translated too
        with argparse_speaks():
            parser = build_parser(items)
            try:
                args = parser.parse_args(items)
            except SystemExit as exc:  # argparse exits 2 on bad usage, 0 on --help
                return int(exc.code or 0)
        return _run(args)


def _run(args: argparse.Namespace) -> int:
    """Call the command's handler; turn what it raises into a message and an exit code."""
    handler: Handler = args.handler
    try:
        return handler(args)
    except ValidationFailed as exc:
        print(exc.render(), file=sys.stderr)
        return EXIT_BAD_INPUT
    except ClusterRankError as exc:
        print(_("error: {message}").format(message=exc), file=sys.stderr)
        return EXIT_BAD_INPUT
    except FileNotFoundError as exc:
        print(_("error: file not found: {file}").format(file=exc.filename), file=sys.stderr)
        return EXIT_BAD_INPUT
    except (IsADirectoryError, PermissionError) as exc:  # output errors are said by cli.output
        why = exc.strerror or str(exc)
        if exc.filename:
            text = _("error: cannot read input {file}: {reason}").format(
                file=exc.filename, reason=why
            )
        else:
            text = _("error: cannot read input: {reason}").format(reason=why)
        print(text, file=sys.stderr)
        return EXIT_BAD_INPUT
    except UnicodeDecodeError as exc:
        text = _("error: cannot read input: not UTF-8 text ({reason})").format(reason=exc.reason)
        print(text, file=sys.stderr)
        return EXIT_BAD_INPUT
    except Exception as exc:  # a bug: one line for users, the traceback on --debug
        if getattr(args, "debug", False):
            traceback.print_exc()
        text = _(
            "internal error ({kind}): {message}. Please report it; "
            "run again with --debug for details."
        ).format(kind=type(exc).__name__, message=exc)
        print(text, file=sys.stderr)
        return EXIT_INTERNAL


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
