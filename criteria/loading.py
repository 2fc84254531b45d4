"""Read the YAML files a user writes into validated, frozen models.

Every loader raises :class:`errors.ValidationFailed` listing *all* problems at once, each with
the file's name, the dotted path inside it and the line. Files are read as UTF-8 (a BOM is
tolerated) with ``yaml.safe_load`` semantics: only plain data is constructed. The
``*_from_text`` variants serve the UI's uploads and typed text.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from criteria.messages import node_line, problems_from_error
from criteria.models import AHPFile, CriteriaSet, Scenario
from criteria.models.common import loc_text
from criteria.models.criteria_set import id_problems
from criteria.models.scenario import raw_scenario_id_problems
from errors import Problem, ValidationFailed

M = TypeVar("M", bound=BaseModel)
AnyModel = CriteriaSet | Scenario | AHPFile
PathLike = str | os.PathLike[str]

_HINTS = {
    "sequence entries are not allowed here": (
        'a lone "-" starts a list item; write the cost direction as "-" in quotes or as cost'
    ),
    "found character '\\t'": "indent with spaces, not tabs",
}


def display_name(path: PathLike) -> str:
    """The path as a user knows it: relative to the working directory when inside it."""
    p = Path(path)
    try:
        return str(p.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(p)


def read_text(path: PathLike) -> str:
    """Read a text file as UTF-8 (BOM tolerated); a missing or binary file is a Problem."""
    p = Path(path)
    name = display_name(p)
    if not p.is_file():
        raise ValidationFailed.single(name, "", f"file not found: tried {p.resolve()}")
    try:
        return p.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        msg = f"not UTF-8 text (byte {exc.start}); save the file as UTF-8"
        raise ValidationFailed.single(name, "", msg) from exc


def parse_yaml(text: str, name: str) -> tuple[dict[str, Any], yaml.Node]:
    """Parse YAML safely into a mapping plus its node tree (for line numbers)."""
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = exc.problem or "unreadable YAML"
        hint = next((h for k, h in _HINTS.items() if k in problem), "")
        msg = f"not valid YAML: {problem}" + (f" ({exc.context})" if exc.context else "")
        raise ValidationFailed.single(name, "", msg + (f"; {hint}" if hint else ""), line) from exc
    except yaml.YAMLError as exc:
        raise ValidationFailed.single(name, "", f"not valid YAML: {exc}") from exc
    finally:
        loader.dispose()
    if node is None or data is None:
        raise ValidationFailed.single(name, "", "the file is empty; expected a mapping of keys")
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else f"a single value {data!r}"
        msg = f"the file must be a mapping of keys and values (got {kind})"
        raise ValidationFailed.single(name, "", msg, 1)
    dupes = _duplicate_keys(node, name)
    if dupes:
        raise ValidationFailed(dupes)
    return data, node


def _duplicate_keys(node: yaml.Node, name: str, path: str = "") -> list[Problem]:
    """safe_load keeps the last of two equal keys silently; report them instead."""
    out: list[Problem] = []
    if isinstance(node, yaml.MappingNode):
        first: dict[str, int] = {}
        for key, value in node.value:
            k = str(key.value)
            line = key.start_mark.line + 1
            if k in first:
                msg = f"key {k!r} appears twice (also on line {first[k]}); keep one"
                out.append(Problem(name, path, msg, line))
            first.setdefault(k, line)
            out += _duplicate_keys(value, name, f"{path}.{k}" if path else k)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            out += _duplicate_keys(item, name, f"{path}[{i}]")
    return out


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
    text: str, name: str = "<inline>", base_dir: PathLike | None = None
) -> Scenario:
    """Validate a scenario given as YAML text; relative paths resolve against ``base_dir``.

    A ``criteria_set:`` path is loaded as its own file and its problems carry its own name;
    without ``base_dir`` paths resolve against the working directory.
    """
    data, node = parse_yaml(text, name)
    return _scenario(data, node, name, Path(base_dir) if base_dir is not None else Path.cwd())


def _scenario(data: dict[str, Any], node: yaml.Node, name: str, base: Path) -> Scenario:
    prior: list[Problem] = []
    ref = data.get("criteria_set")
    if isinstance(ref, str):
        path = (base / Path(ref).expanduser()).resolve()
        data = dict(data)
        del data["criteria_set"]
        if not path.is_file():
            msg = f"criteria set file not found: tried {path}"
            prior.append(Problem(name, "criteria_set", msg, node_line(node, ("criteria_set",))))
        else:
            try:
                data["criteria_set"] = load_criteria_set(path)
            except ValidationFailed as exc:
                prior += exc.problems
    context = {"base_dir": str(base)}
    skip = (("criteria_set",),) if prior else ()
    return _validate(Scenario, data, name, node, context, prior, skip).with_source(name)


def load_criteria_set(path: PathLike) -> CriteriaSet:
    """Load and validate a criteria-set YAML file."""
    return criteria_set_from_text(read_text(path), display_name(path))


def load_scenario(path: PathLike) -> Scenario:
    """Load a scenario; its criteria-set and data paths resolve relative to the file."""
    return scenario_from_text(read_text(path), display_name(path), Path(path).resolve().parent)


def load_ahp_file(path: PathLike) -> AHPFile:
    """Load and validate an AHP hierarchy YAML file."""
    return ahp_file_from_text(read_text(path), display_name(path))


def detect_kind(data: dict[str, Any]) -> str:
    """``"criteria_set"``, ``"scenario"`` or ``"ahp"`` from a document's top-level keys."""
    if "candidates" in data or "criteria_set" in data:
        return "scenario"
    if "groups" in data:
        return "criteria_set"
    if {"goal", "alternatives", "criteria_judgments"} & data.keys():
        return "ahp"
    return ""


def any_from_text(text: str, name: str = "<inline>", base_dir: PathLike | None = None) -> AnyModel:
    """Validate YAML text of any of the three kinds, told apart by their keys."""
    data, node = parse_yaml(text, name)
    kind = detect_kind(data)
    if kind == "scenario":
        return _scenario(data, node, name, Path(base_dir) if base_dir is not None else Path.cwd())
    if kind == "criteria_set":
        return _validate(CriteriaSet, data, name, node)
    if kind == "ahp":
        return _validate(AHPFile, data, name, node)
    msg = (
        "cannot tell what kind of file this is: a criteria set has `groups:`, a scenario has "
        "`candidates:` and `criteria_set:`, an AHP hierarchy has `goal:` and `alternatives:`"
    )
    raise ValidationFailed.single(name, "", msg, 1)


def load_any(path: PathLike) -> AnyModel:
    """Load a criteria set, scenario or AHP hierarchy, whichever the file is."""
    return any_from_text(read_text(path), display_name(path), Path(path).resolve().parent)
