"""Where the files a command reads may lie (``--allow-outside``), and ``-o`` checks.

A scenario (or a rules file) may name only files inside its own folder and the shipped
configs, resolved with symlinks, unless the user passes ``--allow-outside``; the output file
may not be one of the command's own inputs.
"""

from __future__ import annotations

import argparse
import os
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from clusterrank.errors import ValidationFailed
from clusterrank.i18n import N_, _

if TYPE_CHECKING:
    from clusterrank.criteria.files import FileScope

ALLOW_OUTSIDE_HELP = N_(
    "let the file name files outside its own folder and the shipped configs "
    "(only for files you trust)"
)
CLI_FIX = N_(
    "put the file beside the scenario and name it relative to it, or run again with "
    "--allow-outside if you trust the file"
)


def add_allow_outside(p: argparse.ArgumentParser) -> None:
    """Add the ``--allow-outside`` flag to ``p``."""
    p.add_argument("--allow-outside", action="store_true", help=_(ALLOW_OUTSIDE_HELP))


def file_scope(args: argparse.Namespace, near: str | os.PathLike[str]) -> FileScope:
    """Folders the file ``near`` (and what it names) may read.

    Its folder and the shipped configs, or anywhere with ``--allow-outside``.
    """
    from clusterrank.criteria.files import FileScope

    if getattr(args, "allow_outside", False):
        return FileScope.anywhere()
    return replace(FileScope.around(Path(near).resolve().parent), fix=_(CLI_FIX))


def confine(path: str, scope: FileScope) -> str:
    """``path`` when it lies inside ``scope``, else a Problem naming it and the fix."""
    try:
        scope.resolve(path, Path.cwd())
    except PermissionError as exc:
        raise ValidationFailed.single(path, "", str(exc)) from exc
    return path


def check_output_args(args: argparse.Namespace, *inputs: str | os.PathLike[str] | None) -> None:
    """Refuse ``-o`` onto one of the command's inputs, before any work is done."""
    output = getattr(args, "output", None)
    if output:
        from clusterrank.criteria.files import check_output

        check_output(output, [i for i in inputs if i])
