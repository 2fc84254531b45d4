"""Loading scenarios for the UI: shipped files and uploads, cached by what identifies them.

Loaders are wrapped in ``st.cache_data`` and keyed only by hashable inputs (a path and its
modification time, or the uploaded bytes), never by a model: a rerun after a weight change
gets the validated scenario and its decision matrix back without reading or validating
anything again. Failures raise :class:`errors.ValidationFailed` (never cached), listing every
problem with its file and place.

An upload is staged in a private folder (0700, created fresh for each load inside this
process's own ``clusterrank-uploads-*`` folder, which is also 0700) laid out like
``configs/`` (``scenarios/``, ``criteria/``, ``data/``), so the relative paths a shipped
scenario uses (``../criteria/five_groups.yaml``, ``../data/x.csv``) resolve to the shipped
files unless the user uploaded a replacement, which is written where the scenario's YAML
points. Every path the upload names must resolve (symlinks included) inside that folder or
the shipped configs, and be relative. The folder is removed as soon as the load is done
(the scenario and its matrix are in memory by then), and this process's root at exit.
Messages name the user's own files (``upload/...`` for the staging folder), never the
server's paths.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import streamlit as st

from clusterrank.criteria.decision_matrix import DecisionMatrix
from clusterrank.criteria.files import (
    MAX_TEXT_BYTES,
    SHIPPED_CONFIGS,
    FileScope,
    decode_text,
    size_text,
)
from clusterrank.criteria.loading import display_name, read_text, scenario_from_text
from clusterrank.criteria.matrix import decision_matrix
from clusterrank.criteria.models.data_spec import DATA_SUFFIXES
from clusterrank.criteria.models.scenario import Scenario
from clusterrank.criteria.yaml_parse import parse_document
from clusterrank.errors import Problem, ValidationFailed
from clusterrank.i18n import N_, _, language, use_language
from clusterrank.panel.snapshot import load_snapshot, snapshot_of

CONFIGS = SHIPPED_CONFIGS
SCENARIOS = CONFIGS / "scenarios"
DEFAULT_SCENARIO = SCENARIOS / "kemerovo_clusters.yaml"
UPLOAD_LABEL = "upload"
_UPLOAD_FIX = N_(
    "upload the file it names together with the scenario, or name a shipped file "
    "as ../criteria/NAME or ../data/NAME"
)


@dataclass(frozen=True)
class Loaded:
    """A validated scenario, its decision matrix, where it came from and its YAML text."""

    scenario: Scenario
    matrix: DecisionMatrix
    source: str
    text: str
    weights_from: str | None = None
    """Where the scenario's weights come from when not from a file (an expert panel)."""
    origin: str | UploadOrigin | None = None
    """What to read again for another language: a file's path, or the uploaded files; None
    when ``text`` is self-contained (a project's or a panel's snapshot)."""


@dataclass(frozen=True)
class Upload:
    """One uploaded file: its name as the user's computer called it, and its bytes."""

    name: str
    data: bytes


@dataclass(frozen=True)
class UploadOrigin:
    """The uploaded files a scenario was loaded from, to load them again in another language."""

    scenario: Upload
    data: Upload | None
    criteria: Upload | None
    inline: bool


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
    return _load_path(str(p), mtime, language())


@st.cache_data(show_spinner=False, max_entries=16)
def _load_path(path: str, mtime: float, lang: str = "en") -> Loaded:
    del mtime  # part of the cache key only: an edited file is read again
    name = display_name(path)
    text = read_text(path, name)
    with use_language(lang):  # bilingual titles resolve to the language of the key
        scenario = scenario_from_text(text, name, Path(path).parent)
    return Loaded(scenario, decision_matrix(scenario), name, text, origin=path)


def load_uploaded(
    scenario: Upload, data: Upload | None, criteria: Upload | None, *, inline: bool = False
) -> Loaded:
    """Validate an uploaded scenario YAML with an optional data file and criteria-set YAML.

    With ``inline`` the result's ``text`` is the self-contained snapshot (criteria set and
    every figure inline, :mod:`panel.snapshot`), read while the uploaded files are staged.
    """
    loaded = _load_upload(
        scenario.name,
        scenario.data,
        data.name if data else "",
        data.data if data else b"",
        criteria.name if criteria else "",
        criteria.data if criteria else b"",
        inline,
        language(),
    )
    return replace(loaded, origin=UploadOrigin(scenario, data, criteria, inline))


def again(loaded: Loaded) -> Loaded:
    """``loaded`` resolved again in the current language (bilingual titles are picked on load).

    The same file, the same uploaded bytes, or the same self-contained text (a project's or a
    panel's snapshot, keeping its source line and where its weights came from). Loaders cache
    per language, so switching back and forth reads nothing twice.

    Raises
    ------
    ValidationFailed
        The file changed on disk since and no longer validates.
    """
    origin = loaded.origin
    if isinstance(origin, str):
        found = load_shipped(Path(origin))
    elif isinstance(origin, UploadOrigin):
        found = load_uploaded(origin.scenario, origin.data, origin.criteria, inline=origin.inline)
    else:
        scenario = load_snapshot(loaded.text, loaded.source)
        found = replace(loaded, scenario=scenario, matrix=decision_matrix(scenario))
    return replace(found, weights_from=loaded.weights_from)


@st.cache_data(show_spinner=False, max_entries=8)
def _load_upload(
    name: str,
    text_bytes: bytes,
    data_name: str,
    data_bytes: bytes,
    criteria_name: str,
    criteria_bytes: bytes,
    inline: bool = False,
    lang: str = "en",
) -> Loaded:
    del lang  # part of the cache key only: titles and messages come in the session's language
    if len(text_bytes) > MAX_TEXT_BYTES:
        msg = _(
            "the file is {size}, above the limit of {limit}; put the figures in a data file"
        ).format(size=size_text(len(text_bytes)), limit=size_text(MAX_TEXT_BYTES))
        raise ValidationFailed.single(name, "", msg)
    text = decode_text(text_bytes, name)
    folder = Path(tempfile.mkdtemp(prefix="upload-", dir=_stage_root()))
    names: list[tuple[Path, str]] = []
    try:
        base = _stage(folder)
        declared = _declared_paths(text, name)
        problems: list[Problem] = []
        for field, key, upload_name, content in (
            ("data.file", "data", data_name, data_bytes),
            ("criteria_set", "criteria", criteria_name, criteria_bytes),
        ):
            if upload_name:
                found, placed = _place(name, field, declared.get(key), base, upload_name, content)
                problems += found
                names += [(placed, upload_name)] if placed is not None else []
        if problems:
            raise ValidationFailed(problems)
        scope = FileScope(
            roots=(folder.resolve(), SHIPPED_CONFIGS),
            aliases=(*((p.resolve(), n) for p, n in names), (folder.resolve(), UPLOAD_LABEL)),
            fix=_(_UPLOAD_FIX),
            relative_only=True,
        )
        scenario = scenario_from_text(text, name, base, scope)
        matrix = _relabel_notes(decision_matrix(scenario), _cleaner(folder, names))
        if inline:
            text = snapshot_of(scenario)[0]
    except ValidationFailed as exc:
        raise ValidationFailed(_relabel(exc.problems, folder, names)) from None
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return Loaded(scenario, matrix, _("uploaded: {file}").format(file=name), text)


class _StageRoot:
    """The private folder for this process's uploads.

    Made once by ``mkdtemp`` (mode 0700, a fresh name nobody else can have made), made again if it
    vanished, removed at exit.
    """

    lock = threading.Lock()
    path: Path | None = None


def _stage_root() -> Path:
    with _StageRoot.lock:
        root = _StageRoot.path
        if root is None or not _private(root):
            root = Path(tempfile.mkdtemp(prefix="clusterrank-uploads-"))
            atexit.register(shutil.rmtree, root, ignore_errors=True)
            _StageRoot.path = root
        return root


def _private(folder: Path) -> bool:
    """Whether ``folder`` is a real folder of this process's user that only it may enter."""
    try:
        info = folder.lstat()
    except OSError:
        return False
    owner = getattr(os, "getuid", lambda: info.st_uid)()
    return (
        folder.is_dir()
        and not folder.is_symlink()
        and info.st_uid == owner
        and (info.st_mode & 0o077 == 0)
    )


def _stage(folder: Path) -> Path:
    """Lay out ``folder`` like ``configs/`` with links to the shipped files.

    Return its ``scenarios/`` folder (the base for relative paths).
    """
    for sub in ("scenarios", "criteria", "data"):
        target = folder / sub
        target.mkdir(mode=0o700)
        for shipped in (CONFIGS / sub).glob("*"):
            if shipped.is_file():
                (target / shipped.name).symlink_to(shipped)
    return folder / "scenarios"


def _cleaner(folder: Path, names: list[tuple[Path, str]]) -> Callable[[str], str]:
    """A function replacing every server path of the staging folder by the user's names."""
    pairs = [(str(p), n) for p, n in names] + [(str(p.resolve()), n) for p, n in names]
    pairs += [(str(folder.resolve()), UPLOAD_LABEL), (str(folder), UPLOAD_LABEL)]
    pairs.sort(key=lambda pair: -len(pair[0]))

    def clean(text: str) -> str:
        for server, label in pairs:
            text = text.replace(server, label)
        return text

    return clean


def _relabel(
    problems: tuple[Problem, ...], folder: Path, names: list[tuple[Path, str]]
) -> list[Problem]:
    """Problems with every server path of the staging folder replaced by the user's names."""
    clean = _cleaner(folder, names)
    return [replace(p, file=clean(p.file), message=clean(p.message)) for p in problems]


def _relabel_notes(matrix: DecisionMatrix, clean: Callable[[str], str]) -> DecisionMatrix:
    """The matrix's notes (which may name the staged data file) in the user's names."""
    cell_notes = tuple(replace(c, message=clean(c.message)) for c in matrix.cell_notes)
    return replace(matrix, notes=tuple(map(clean, matrix.notes)), cell_notes=cell_notes)


def _declared_paths(text: str, name: str) -> dict[str, str]:
    """The scenario's ``data.file`` and ``criteria_set`` paths when the YAML names them.

    Unreadable YAML gives ``{}``: the loader then reports the YAML problem properly.
    """
    try:
        doc, _ = parse_document(text, name)
    except ValidationFailed:
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
) -> tuple[list[Problem], Path | None]:
    """Write an uploaded companion file where the scenario expects it, or say why not."""
    suffix = Path(upload_name).suffix.lower()
    if declared is None:
        hint = (
            f"data: {{file: ../data/{upload_name}}}"
            if field == "data.file"
            else f"criteria_set: ../criteria/{upload_name}"
        )
        msg = _("you uploaded {file} but the scenario names no {field}; add `{hint}`").format(
            file=repr(upload_name), field=field, hint=hint
        )
        return [Problem(name, field, msg)], None
    if field == "data.file" and suffix not in DATA_SUFFIXES:
        msg = _("the data file must be .csv, .xlsx or .xls (got {file})").format(
            file=repr(upload_name)
        )
        return [Problem(upload_name, "", msg)], None
    if Path(declared).suffix.lower() != suffix:
        if suffix:
            msg = _(
                "{field} is {declared} but the uploaded file is {file}; change {field} to a "
                "{suffix} file or upload the file it names"
            )
        else:
            msg = _(
                "{field} is {declared} but the uploaded file is {file}; change {field} to a "
                "matching file or upload the file it names"
            )
        msg = msg.format(
            field=field, declared=repr(declared), file=repr(upload_name), suffix=suffix
        )
        return [Problem(name, field, msg)], None
    target = Path(os.path.normpath(base / declared))
    if Path(declared).expanduser().is_absolute() or base.parent not in target.parents:
        msg = _(
            "{field} {declared} points outside the upload; for an upload write it relative, "
            "e.g. ../data/{file}"
        ).format(field=field, declared=repr(declared), file=upload_name)
        return [Problem(name, field, msg)], None
    target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    if target.is_symlink():
        target.unlink()  # a link to a shipped file: replace the link, never the shipped file
    target.write_bytes(content)
    return [], target
