"""The command line's language: ``--lang`` or the environment, and argparse speaking it.

``clusterrank --lang ru ...`` (the option may also follow the command) chooses the language
of help, messages and tables; without it the environment decides
(:func:`clusterrank.i18n.from_environment`: ``CLUSTERRANK_LANG``, ``LC_ALL``, ``LC_MESSAGES``,
``LANG``). The option is read from ``argv`` by hand *before* any parser is built
(:func:`chosen`), because argparse's help texts, titles and choices are fixed when the parsers
are made; the parsers then declare ``--lang`` too (:class:`Parser`, on every sub-parser) so
it is listed in ``--help``, allowed before or after the command, and a language we do not
speak (``--lang xx``) is refused with argparse's usual exit 2 naming ``en, ru``.

How argparse's own words (``usage:``, ``positional arguments``, ``options``, ``show this help
message and exit``, ``error:``, ``invalid choice``, ...) are translated: argparse looks them
up through the module-level names ``argparse._`` and ``argparse.ngettext`` (the stdlib
``gettext`` functions) each time it uses them. :func:`argparse_speaks` points those two names
at our catalogue for the duration of one command-line run (building and parsing), and puts
the originals back afterwards, so nothing else in the process (pytest, a library) is
affected. The English texts are listed in :data:`ARGPARSE_WORDS` so the catalogue holds
them; a message missing from the catalogue stays English, never empty. This was chosen over
subclassing every formatter and error path because argparse raises most of its messages from
deep inside ``parse_args`` (``invalid choice``, ``the following arguments are required``),
which no subclass hook reaches.
"""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from clusterrank.i18n import LANGUAGES, N_, _, from_environment, ngettext

OPTION = "--lang"

ARGPARSE_WORDS = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("unrecognized arguments: %s"),
    N_("not allowed with argument %s"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("ignored explicit argument %r"),
    N_("unexpected option string: %s"),
)
"""argparse's own texts (Python 3.11+), so the catalogue translates them (see the docstring)."""


def requested(argv: Sequence[str]) -> str | None:
    """The value of the last ``--lang X`` or ``--lang=X`` in ``argv`` (before ``--``), or None."""
    found = None
    items = list(argv)
    for i, item in enumerate(items):
        if item == "--":
            break
        if item == OPTION and i + 1 < len(items):
            found = items[i + 1]
        elif item.startswith(OPTION + "="):
            found = item.partition("=")[2]
    return found


def chosen(argv: Sequence[str], environ: Mapping[str, str] | None = None) -> str:
    """The language of this run: a known ``--lang``, else the environment's.

    An unknown ``--lang`` is left for argparse to refuse, in the environment's language.
    """
    value = requested(argv)
    return value if value in LANGUAGES else from_environment(environ)


def _ngettext(singular: str, plural: str, n: int) -> str:
    return ngettext(singular, plural, n)


@contextlib.contextmanager
def argparse_speaks() -> Iterator[None]:
    """Within the block, argparse's own words come from our catalogue (current language)."""
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = _, _ngettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


class Parser(argparse.ArgumentParser):
    """An argument parser that takes ``--lang`` (its sub-parsers are made of this class too).

    The root parser and every sub-parser accept ``--lang``, so it may stand before or after
    the command; its default is suppressed so a sub-parser never overwrites the root's value.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.add_argument(
            OPTION,
            choices=LANGUAGES,
            default=argparse.SUPPRESS,
            help=_(
                "language of help, messages and tables: {languages} (default: "
                "CLUSTERRANK_LANG, else the locale's LC_ALL, LC_MESSAGES or LANG)"
            ).format(languages=", ".join(LANGUAGES)),
        )
