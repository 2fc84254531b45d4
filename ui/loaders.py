"""Loading scenarios for the UI: shipped files and uploads, cached by what identifies them.

Loaders are wrapped in ``st.cache_data`` and keyed only by hashable inputs (a path and its
modification time, or the uploaded bytes), never by a model: a rerun after a weight change
gets the validated scenario and its decision matrix back without reading or validating
anything again. Failures raise :class:`errors.ValidationFailed` (never cached), listing every
problem with its file and place.

An upload is staged in a private folder laid out like ``configs/`` (``scenarios/``,
``criteria/``, ``data/``), so the relative paths a shipped scenario uses
(``../criteria/five_groups.yaml``, ``../data/x.csv``) resolve to the shipped files unless the
user uploaded a replacement, which is written where the scenario's YAML points.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import streamlit as st
import yaml

from criteria.decision_matrix import DecisionMatrix
from criteria.loading import display_name, read_text, scenario_from_text
from criteria.matrix import decision_matrix
from criteria.models.scenario import DATA_SUFFIXES, Scenario
from errors import Problem, ValidationFailed

ROOT = Path(__file__).resolve().parent.parent
CONFIGS = ROOT / "configs"
SCENARIOS = CONFIGS / "scenarios"
DEFAULT_SCENARIO = SCENARIOS / "kemerovo_clusters.yaml"
_STAGE_ROOT = Path(tempfile.gettempdir()) / "clusterrank-uploads"


@dataclass(frozen=True)
class Loaded:
    """A validated scenario, its decision matrix, where it came from and its YAML text."""

    scenario: Scenario
    matrix: DecisionMatrix
    source: str
    text: str


@dataclass(frozen=True)
class Upload:
    """One uploaded file: its name as the user's computer called it, and its bytes."""

    name: str
    data: bytes


def default_scenario() -> Path:
    """The scenario the app opens on: ``$CLUSTERRANK_SCENARIO`` if set, else Kemerovo."""
    given = os.environ.get("CLUSTERRANK_SCENARIO")
    return Path(given).expanduser() if given else DEFAULT_SCENARIO


def shipped_scenarios() -> dict[str, Path]:
    """Scenario files shipped in ``configs/scenarios``, by file name."""
    return {p.name: p for p in sorted(SCENARIOS.glob("*.yaml"))}


def load_shipped(path: Path) -> Loaded:
    """Load a shipped (or any local) scenario file; cached until the file changes."""
    p = Path(path).resolve()
    mtime = p.stat().st_mtime if p.is_file() else 0.0
    return _load_path(str(p), mtime)


@st.cache_data(show_spinner=False, max_entries=16)
def _load_path(path: str, mtime: float) -> Loaded:
    del mtime  # part of the cache key only: an edited file is read again
    text = read_text(path)
    scenario = scenario_from_text(text, display_name(path), Path(path).parent)
    return Loaded(scenario, decision_matrix(scenario), display_name(path), text)


def load_uploaded(scenario: Upload, data: Upload | None, criteria: Upload | None) -> Loaded:
    """Validate an uploaded scenario YAML with an optional data file and criteria-set YAML."""
    return _load_upload(
        scenario.name,
        scenario.data,
        data.name if data else "",
        data.data if data else b"",
        criteria.name if criteria else "",
        criteria.data if criteria else b"",
    )


@st.cache_data(show_spinner=False, max_entries=8)
def _load_upload(
    name: str,
    text_bytes: bytes,
    data_name: str,
    data_bytes: bytes,
    criteria_name: str,
    criteria_bytes: bytes,
) -> Loaded:
    try:
        text = text_bytes.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        msg = f"not UTF-8 text (byte {exc.start}); save the file as UTF-8"
        raise ValidationFailed.single(name, "", msg) from exc
    digest = hashlib.sha256(b"\0".join([text_bytes, data_bytes, criteria_bytes])).hexdigest()
    base = _stage(_STAGE_ROOT / digest[:16])
    declared = _declared_paths(text)
    problems: list[Problem] = []
    if data_name:
        problems += _place(name, "data.file", declared.get("data"), base, data_name, data_bytes)
    if criteria_name:
        problems += _place(
            name, "criteria_set", declared.get("criteria"), base, criteria_name, criteria_bytes
        )
    if problems:
        raise ValidationFailed(problems)
    scenario = scenario_from_text(text, name, base)
    return Loaded(scenario, decision_matrix(scenario), f"uploaded: {name}", text)


def _stage(folder: Path) -> Path:
    """Lay out ``folder`` like ``configs/`` with links to the shipped files; return its
    ``scenarios/`` folder (the base for relative paths)."""
    for sub in ("scenarios", "criteria", "data"):
        target = folder / sub
        target.mkdir(parents=True, exist_ok=True)
        for shipped in (CONFIGS / sub).glob("*"):
            link = target / shipped.name
            if shipped.is_file() and not link.exists() and not link.is_symlink():
                link.symlink_to(shipped)
    return folder / "scenarios"


def _declared_paths(text: str) -> dict[str, str]:
    """The scenario's ``data.file`` and ``criteria_set`` paths when the YAML names them.

    Unreadable YAML gives ``{}``: the loader then reports the YAML problem properly.
    """
    try:
        doc: Any = yaml.safe_load(text)
    except yaml.YAMLError:
        return {}
    out: dict[str, str] = {}
    if isinstance(doc, dict):
        data = doc.get("data")
        if isinstance(data, dict) and isinstance(data.get("file"), str):
            out["data"] = data["file"]
        if isinstance(doc.get("criteria_set"), str):
            out["criteria"] = doc["criteria_set"]
    return out


def _place(
    name: str, field: str, declared: str | None, base: Path, upload_name: str, content: bytes
) -> list[Problem]:
    """Write an uploaded companion file where the scenario expects it, or say why not."""
    suffix = Path(upload_name).suffix.lower()
    if declared is None:
        hint = (
            f"data: {{file: ../data/{upload_name}}}"
            if field == "data.file"
            else f"criteria_set: ../criteria/{upload_name}"
        )
        msg = f"you uploaded {upload_name!r} but the scenario names no {field}; add `{hint}`"
        return [Problem(name, field, msg)]
    if field == "data.file" and suffix not in DATA_SUFFIXES:
        msg = f"the data file must be .csv, .xlsx or .xls (got {upload_name!r})"
        return [Problem(upload_name, "", msg)]
    if Path(declared).suffix.lower() != suffix:
        msg = (
            f"{field} is {declared!r} but the uploaded file is {upload_name!r}; "
            f"change {field} to a {suffix or 'matching'} file or upload the file it names"
        )
        return [Problem(name, field, msg)]
    target = Path(os.path.normpath(base / declared))
    if Path(declared).is_absolute() or base.parent not in target.parents:
        msg = (
            f"{field} {declared!r} points outside the upload; for an upload write it relative, "
            f"e.g. ../data/{upload_name}"
        )
        return [Problem(name, field, msg)]
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.is_symlink():
        target.unlink()  # a link to a shipped file: replace the link, never the shipped file
    target.write_bytes(content)
    return []
