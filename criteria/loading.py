"""Read the YAML files a user writes into validated, frozen models.

Every loader raises :class:`errors.ValidationFailed` listing *all* problems at once, each with
the file's name, the dotted path inside it and the line. Files are read as UTF-8 (a BOM is
tolerated) through :mod:`criteria.files` (regular files within a size limit) and parsed by
:mod:`criteria.yaml_parse` (``safe_load`` semantics, bounded nesting and alias expansion).
Every path a scenario names lies inside a :class:`criteria.files.FileScope`. The
``*_from_text`` variants serve the UI's uploads and typed text.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from clusterrank.criteria import files
from clusterrank.criteria.files import FileScope, display_name
from clusterrank.criteria.messages import node_line, problems_from_error
from clusterrank.criteria.models import AHPFile, CriteriaSet, Scenario
from clusterrank.criteria.models.common import loc_text
from clusterrank.criteria.models.criteria_set import id_problems
from clusterrank.criteria.models.scenario import raw_scenario_id_problems
from clusterrank.criteria.yaml_parse import parse_yaml
from clusterrank.errors import Problem, ValidationFailed
from clusterrank.i18n import _

M = TypeVar("M", bound=BaseModel)
AnyModel = CriteriaSet | Scenario | AHPFile
PathLike = str | os.PathLike[str]


def read_text(path: PathLike, label: str | None = None) -> str:
    """A YAML file's text: a regular UTF-8 file within the size limit, or a Problem naming it."""
    return files.read_text(path, label)


def _validate(
    model: type[M],
    data: dict[str, Any],
    name: str,
    node: yaml.Node | None,
    context: dict[str, Any] | None = None,
    prior: list[Problem] | None = None,
    skip: tuple[tuple[str | int, ...], ...] = (),
) -> M:
    problems = list(prior or [])
    try:
        result = model.model_validate(data, context=context)
    except ValidationError as exc:
        found = problems_from_error(exc, model, name, node, skip=skip)
        found += _raw_id_problems(model, data, name, node, found)
        problems += sorted(found, key=lambda p: p.line if p.line is not None else 0)
    if problems:
        raise ValidationFailed(problems)
    return result


def _raw_id_problems(
    model: type[BaseModel],
    data: dict[str, Any],
    name: str,
    node: yaml.Node | None,
    found: list[Problem],
) -> list[Problem]:
    """Duplicate ids in a document that failed other checks (its id rules did not run)."""
    if model is CriteriaSet:
        raw = id_problems(data)
    elif model is Scenario:
        raw = raw_scenario_id_problems(data)
    else:
        return []
    seen = {(p.location, p.message) for p in found}
    out = [Problem(name, loc_text(loc), msg, node_line(node, loc)) for loc, msg in raw]
    return [p for p in out if (p.location, p.message) not in seen]


def validate_model(model: type[M], data: dict[str, Any], name: str = "<form>") -> M:
    """Validate a mapping built by a form (no YAML): problems still come all at once."""
    return _validate(model, data, name, None)


def criteria_set_from_text(
    text: str, name: str = "<inline>", base_dir: PathLike | None = None
) -> CriteriaSet:
    """Validate a criteria set given as YAML text (``base_dir`` is unused, kept for symmetry)."""
    data, node = parse_yaml(text, name)
    return _validate(CriteriaSet, data, name, node)


def ahp_file_from_text(
    text: str, name: str = "<inline>", base_dir: PathLike | None = None
) -> AHPFile:
    """Validate an AHP hierarchy given as YAML text."""
    data, node = parse_yaml(text, name)
    return _validate(AHPFile, data, name, node)


def scenario_from_text(
    text: str,
    name: str = "<inline>",
    base_dir: PathLike | None = None,
    scope: FileScope | None = None,
) -> Scenario:
    """Validate a scenario given as YAML text; relative paths resolve against ``base_dir``.

    A ``criteria_set:`` path is loaded as its own file and its problems carry its own name;
    without ``base_dir`` paths resolve against the working directory. Every path the
    scenario names must lie inside ``scope`` (default: ``base_dir`` and the shipped configs).
    """
    data, node = parse_yaml(text, name)
    return _scenario(data, node, name, _base(base_dir), scope)


def _base(base_dir: PathLike | None) -> Path:
    return Path(base_dir) if base_dir is not None else Path.cwd()


def _scenario(
    data: dict[str, Any], node: yaml.Node, name: str, base: Path, scope: FileScope | None
) -> Scenario:
    scope = scope if scope is not None else FileScope.around(base)
    prior: list[Problem] = []
    ref = data.get("criteria_set")
    if isinstance(ref, str):
        data = dict(data)
        del data["criteria_set"]
        line = node_line(node, ("criteria_set",))
        try:
            path = scope.resolve(ref, base)
        except PermissionError as exc:
            prior.append(Problem(name, "criteria_set", str(exc), line))
        else:
            problem = files.path_problem(path)
            if problem is not None:
                msg = (
                    _("criteria set file not found: tried {file}").format(file=scope.label(path))
                    if not path.exists()
                    else _("criteria set {file}: {problem}").format(
                        file=scope.label(path), problem=problem
                    )
                )
                prior.append(Problem(name, "criteria_set", msg, line))
            else:
                try:
                    data["criteria_set"] = load_criteria_set(path, label=scope.label(path))
                except ValidationFailed as exc:
                    prior += exc.problems
    context = {"base_dir": str(base), "scope": scope}
    skip = (("criteria_set",),) if prior else ()
    return _validate(Scenario, data, name, node, context, prior, skip).with_source(name)


def load_criteria_set(path: PathLike, label: str | None = None) -> CriteriaSet:
    """Load and validate a criteria-set YAML file (``label``: its name in messages)."""
    name = label if label is not None else display_name(path)
    return criteria_set_from_text(read_text(path, name), name)


def load_scenario(path: PathLike, scope: FileScope | None = None) -> Scenario:
    """Load a scenario; its criteria-set and data paths resolve relative to the file.

    ``scope`` says where those paths may lead (default: the scenario's folder and the
    shipped configs; ``FileScope.anywhere()`` for ``--allow-outside``).
    """
    name = display_name(path)
    return scenario_from_text(read_text(path, name), name, Path(path).resolve().parent, scope)


def load_ahp_file(path: PathLike) -> AHPFile:
    """Load and validate an AHP hierarchy YAML file."""
    name = display_name(path)
    return ahp_file_from_text(read_text(path, name), name)


def detect_kind(data: dict[str, Any]) -> str:
    """``"criteria_set"``, ``"scenario"`` or ``"ahp"`` from a document's top-level keys."""
    if "candidates" in data or "criteria_set" in data:
        return "scenario"
    if "groups" in data:
        return "criteria_set"
    if {"goal", "alternatives", "criteria_judgments"} & data.keys():
        return "ahp"
    return ""


def any_from_text(
    text: str,
    name: str = "<inline>",
    base_dir: PathLike | None = None,
    scope: FileScope | None = None,
) -> AnyModel:
    """Validate YAML text of any of the three kinds, told apart by their keys."""
    data, node = parse_yaml(text, name)
    kind = detect_kind(data)
    if kind == "scenario":
        return _scenario(data, node, name, _base(base_dir), scope)
    if kind == "criteria_set":
        return _validate(CriteriaSet, data, name, node)
    if kind == "ahp":
        return _validate(AHPFile, data, name, node)
    msg = _(
        "cannot tell what kind of file this is: a criteria set has `groups:`, a scenario has "
        "`candidates:` and `criteria_set:`, an AHP hierarchy has `goal:` and `alternatives:`"
    )
    raise ValidationFailed.single(name, "", msg, 1)


def load_any(path: PathLike, scope: FileScope | None = None) -> AnyModel:
    """Load a criteria set, scenario or AHP hierarchy, whichever the file is."""
    name = display_name(path)
    return any_from_text(read_text(path, name), name, Path(path).resolve().parent, scope)
