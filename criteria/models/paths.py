"""Resolve a file path a scenario names (``data.file``, ``data.regional[].table``).

The loader passes ``context={"base_dir": ..., "scope": FileScope}``; the path is resolved
against ``base_dir`` (symlinks included) and must lie inside the scope's roots. Without a
scope the default is safe: ``base_dir`` and the shipped configs only. Problems become the
field's own error, with the file named as the user knows it.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationInfo

from clusterrank.criteria.files import FileScope, path_problem
from clusterrank.criteria.models.common import fail
from clusterrank.i18n import N_, _

WHAT = (N_("data file"), N_("table"))
"""The names a file a scenario names goes by in messages (``what``), for the catalogue."""


def resolve_named_file(value: str, info: ValidationInfo, what: str) -> str:
    """The absolute path ``value`` names, checked for its place and its kind of file.

    ``what`` names the file in messages (one of :data:`WHAT`); errors are pydantic errors of
    kinds ``data_outside`` (outside the scope's roots) and ``data_missing`` (not found, a
    folder, a pipe or device).
    """
    context = info.context or {}
    base = Path(context.get("base_dir") or Path.cwd())
    scope = context.get("scope")
    if not isinstance(scope, FileScope):
        scope = FileScope.around(base)
    try:
        path = scope.resolve(value, base)
    except PermissionError as exc:
        fail("data_outside", _("{what} {problem}"), what=_(what), problem=str(exc))
    problem = path_problem(path)
    if problem is not None:
        name = scope.label(path)
        if not path.exists():
            fail("data_missing", _("{what} not found: tried {name}"), what=_(what), name=name)
        msg = _("{what} {name}: {problem}")
        fail("data_missing", msg, what=_(what), name=name, problem=problem)
    return str(path)
