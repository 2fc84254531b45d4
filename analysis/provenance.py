"""Where a result's inputs came from: the weights' editor, each figure's source, the stamp.

Every export (the Excel workbook, the decision report) says the same four things, built
here once:

* :func:`weight_source` — which editor made the weights (the criteria set's own, typed in
  the scenario, the sliders, AHP judgments with their consistency, an objective method, or
  an expert panel with its round, aggregation and consensus), in one plain sentence, with
  the AHP judgments and consistency ratios as tables;
* :func:`figure_sources` — one row per figure of the decision matrix with its source (the
  data file's ``*.sources.csv`` sidecar, cell by cell, else the scenario's
  ``data.provenance``, else the criterion's own ``source``) and whether it was reported,
  imputed by the missing-data policy, or illustrative;
* :func:`export_stamp` — the export's date and time (UTC) and the clusterrank version;
* :func:`scenario_hash` — a short fingerprint of the scenario and its figures, the same on
  every machine (file paths enter it by name only).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

import clusterrank
from clusterrank.analysis.ahp_report import AHPBlock
from clusterrank.analysis.weights import WeightReport
from clusterrank.criteria.decision_matrix import DecisionMatrix
from clusterrank.criteria.files import display_name
from clusterrank.criteria.models.scenario import Scenario
from clusterrank.criteria.tables import read_table
from clusterrank.errors import ClusterRankError
from clusterrank.i18n import N_, _, formats

KINDS: tuple[str, ...] = ("given", "sliders", "ahp", "objective", "panel")
"""The values of :attr:`WeightSource.kind`."""
STATUSES: tuple[str, ...] = ("reported", "imputed", "illustrative")
"""The values of the ``status`` column of :func:`figure_sources`."""
FIGURE_COLUMNS: tuple[str, ...] = (
    "candidate",
    "name",
    "criterion",
    "title",
    "value",
    "unit",
    "source",
    "status",
    "note",
)
JUDGMENT_COLUMNS: tuple[str, ...] = ("matrix", "row", "column", "judgment")
CONSISTENCY_COLUMNS: tuple[str, ...] = (
    "matrix",
    "CR",
    "acceptable",
    "threshold",
    "items",
    "missing",
    "derivation",
    "random_index",
)
SIDECAR_SUFFIX = ".sources.csv"
WILDCARD = "*"
HASH_LENGTH = 12
_PATH_FIELDS = frozenset({"file", "table"})


@dataclass(frozen=True)
class WeightSource:
    """Where the weights in use came from.

    Attributes
    ----------
    kind
        ``given`` (the criteria set's or the scenario file's own weights), ``sliders``,
        ``ahp``, ``objective`` or ``panel`` (see :data:`KINDS`).
    summary
        One plain sentence, e.g. ``AHP pairwise judgments (eigenvector), CR 0.004 ≤ 0.10``.
    judgments
        For AHP weights: one row per pair (``matrix, row, column, judgment``; the judgment
        says how many times ``row`` matters more than ``column``), else None.
    consistency
        For AHP weights: one row per judgment matrix (``matrix, CR, acceptable`` and the
        threshold, size, missing judgments, derivation, random-index table), else None.
    settings
        The weights' settings plus ``source`` (the kind) and, for a panel, ``panel``.
    """

    kind: str
    summary: str
    judgments: pd.DataFrame | None
    consistency: pd.DataFrame | None
    settings: Mapping[str, Any] = field(default_factory=dict)


def weight_source(
    weights: WeightReport, *, panel: str | None = None, editor: str | None = None
) -> WeightSource:
    """Where ``weights`` came from, said plainly (see :class:`WeightSource`).

    Parameters
    ----------
    weights
        The weights in use.
    panel
        When the scenario is an expert panel's applied result: how the panel is named, e.g.
        :func:`panel_label` of its result (round, aggregation, consensus). The kind is then
        ``panel`` whatever the weights' mode (AIJ panels still carry their judgments).
    editor
        The UI's weight editor (``"sliders"``, ``"ahp"``, ``"objective"``); direct weights
        are ``sliders`` when the sliders made them, else ``given`` (typed in the scenario).
    """
    mode = weights.mode
    judgments = consistency = None
    if weights.ahp:
        judgments, consistency = ahp_tables(weights.ahp)
    if mode == "ahp":
        kind, summary = "ahp", _ahp_summary(weights)
    elif mode.startswith("objective"):
        method = str(weights.settings.get("method", mode.partition(":")[2]))
        kind = "objective"
        summary = _("Objective weights computed from the data ({method})").format(method=method)
    elif mode == "direct" and editor == "sliders":
        kind, summary = "sliders", _("Weights set on the sliders of the Weights page")
    elif mode == "direct":
        kind, summary = "given", _("Weights typed in the scenario file (direct weights)")
    else:
        kind, summary = "given", _("The criteria set's own weights (no editor changed them)")
    settings: dict[str, Any] = {**dict(weights.settings), "source": kind}
    if panel:
        settings = {**settings, "source": "panel", "panel": panel}
        summary = _("Expert panel: {panel}; applied as: {summary}").format(
            panel=panel, summary=summary
        )
        kind = "panel"
    return WeightSource(kind, summary, judgments, consistency, settings)


def _ahp_summary(weights: WeightReport) -> str:
    """``AHP pairwise judgments (eigenvector), CR 0.004 ≤ 0.10`` (the worst matrix's CR)."""
    derivation = str(weights.settings.get("derivation", "eigenvector"))
    how = _(DERIVATION_WORDS.get(derivation, derivation.replace("_", " ")))
    blocks: Sequence[AHPBlock] = list(weights.ahp.values())
    if not blocks:
        text = _(
            "AHP pairwise judgments ({derivation}); no matrix judged (the set's weights are used)"
        )
        return text.format(derivation=how)
    worst = max(blocks, key=lambda b: b.result.cr)
    r = worst.result
    several = len(blocks) > 1
    return _(_AHP_SUMMARIES[(several, bool(r.acceptable))]).format(
        derivation=how,
        cr=formats.number(r.cr, 3),
        threshold=formats.number(r.threshold, 2),
        count=formats.integer(len(blocks)),
        matrix=worst.title,
    )


DERIVATION_WORDS = {"eigenvector": N_("eigenvector"), "geometric_mean": N_("geometric mean")}
"""How AHP priorities were derived, in words (English msgids)."""
_AHP_SUMMARIES = {
    (False, True): N_("AHP pairwise judgments ({derivation}), CR {cr} ≤ {threshold}"),
    (False, False): N_(
        "AHP pairwise judgments ({derivation}), CR {cr} > {threshold}; "
        "inconsistent: revise the judgments"
    ),
    (True, True): N_(
        "AHP pairwise judgments ({derivation}), CR {cr} ≤ {threshold} "
        "(worst of {count} matrices: {matrix})"
    ),
    (True, False): N_(
        "AHP pairwise judgments ({derivation}), CR {cr} > {threshold} "
        "(worst of {count} matrices: {matrix}); inconsistent: revise the judgments"
    ),
}


def ahp_tables(blocks: Mapping[str, AHPBlock]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The judgments (upper triangle of each completed matrix) and each matrix's consistency."""
    pairs: list[tuple[str, str, str, float]] = []
    rows: list[dict[str, Any]] = []
    for name, block in blocks.items():
        r = block.result
        a = np.asarray(r.matrix, dtype=float)
        for i in range(r.n):
            pairs += [(name, r.items[i], r.items[j], float(a[i, j])) for j in range(i + 1, r.n)]
        rows.append(
            {
                "matrix": name,
                "CR": float(r.cr),
                "acceptable": bool(r.acceptable),
                "threshold": float(r.threshold),
                "items": int(r.n),
                "missing": int(r.missing),
                "derivation": r.derivation,
                "random_index": r.random_index_table,
            }
        )
    judgments = pd.DataFrame(pairs, columns=list(JUDGMENT_COLUMNS))
    return judgments, pd.DataFrame(rows, columns=list(CONSISTENCY_COLUMNS))


def panel_label(payload: Mapping[str, Any]) -> str:
    """A panel's result named for people: title, round, aggregation and consensus.

    ``payload`` is the panel's result (``panel.results.compute_result``): e.g.
    ``panel «Pilot clusters» (p1), round 2, AIJ, consensus: lowest S* 0.81 (groups),
    Kendall's W 0.62``.
    """
    title = str(payload.get("title") or "").strip()
    panel = payload.get("panel")
    name = _("«{title}» ({panel})").format(title=title, panel=panel) if title else str(panel)
    parts = [
        _("panel {name}").format(name=name),
        _("round {round}").format(round=payload.get("round")),
        str(payload.get("aggregation", "")).upper(),
    ]
    consensus = payload.get("consensus") or {}
    said = []
    s_star = {k: v for k, v in (consensus.get("s_star") or {}).items() if v is not None}
    if s_star:
        node = min(s_star, key=lambda k: float(s_star[k]))
        value = formats.number(float(s_star[node]), 2)
        said.append(_("lowest S* {value} ({group})").format(value=value, group=node))
    w = consensus.get("kendall_w")
    if w is not None:
        said.append(_("Kendall's W {value}").format(value=formats.number(float(w), 2)))
    if said:
        parts.append(_("consensus: {measures}").format(measures=", ".join(said)))
    if payload.get("illustrative"):
        parts.append(_("ILLUSTRATIVE answers"))
    return ", ".join(p for p in parts if p)


# ---- figures -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Sidecar:
    """A data file's ``*.sources.csv``: (column, candidate) -> (source, note)."""

    cells: Mapping[tuple[str, str], tuple[str, str]]
    problem: str = ""

    def lookup(self, column: str, candidate: str) -> tuple[str, str] | None:
        """The most specific row for a cell: (column, candidate), then (column, *)."""
        return self.cells.get((column, candidate)) or self.cells.get((column, WILDCARD))

    def general(self, candidate: str) -> tuple[str, str] | None:
        """The rows naming no column: (*, candidate), then (*, *)."""
        return self.cells.get((WILDCARD, candidate)) or self.cells.get((WILDCARD, WILDCARD))


def sidecar_path(data_file: str | Path) -> Path:
    """``kemerovo_clusters.csv`` -> ``kemerovo_clusters.sources.csv`` beside it."""
    p = Path(data_file)
    return p.with_name(p.stem + SIDECAR_SUFFIX)


def _read_sidecar(data_file: str | None) -> _Sidecar:
    """The sidecar of ``data_file`` (empty when there is none; a problem noted when unreadable)."""
    if data_file is None:
        return _Sidecar({})
    path = sidecar_path(data_file)
    folder = Path(data_file).resolve().parent
    if not path.is_file() or path.resolve().parent != folder:
        return _Sidecar({})
    label = display_name(path)
    try:
        table = read_table(path, label, xlsx=False)
    except ClusterRankError as exc:
        problem = _("{file} could not be read ({error}); sources from the scenario")
        return _Sidecar({}, problem.format(file=label, error=exc))
    header = [h.strip().lower() for h in table.header]
    need = ("column", "candidate_id", "source")
    if not all(h in header for h in need):
        problem = _("{file} lacks the columns column, candidate_id, source; ignored")
        return _Sidecar({}, problem.format(file=label))
    at = {h: header.index(h) for h in (*need, "note") if h in header}
    cells: dict[tuple[str, str], tuple[str, str]] = {}
    for row in table.rows:
        note = row[at["note"]] if "note" in at else ""
        key = (str(row[at["column"]]), str(row[at["candidate_id"]]))
        cells[key] = (str(row[at["source"]]), str(note))
    return _Sidecar(cells)


def figure_sources(scenario: Scenario, matrix: DecisionMatrix) -> pd.DataFrame:
    """One row per figure of ``matrix``: who, what, the value, its source and status.

    Columns :data:`FIGURE_COLUMNS`: ``candidate, name, criterion, title, value, unit, source,
    status, note``. ``status`` is ``imputed`` for a cell the missing-data policy filled (its
    figure is absent, whatever the key's provenance), else ``illustrative`` for a figure
    marked illustrative, else ``reported``. ``source`` is, per data key of the criterion, the
    sidecar's row for that column and candidate (or that column), else the scenario's
    ``data.provenance`` for the key, else the sidecar's general row, else the criterion's
    ``source``; a figure typed inline in the scenario (``data.values``) takes the key's
    provenance. A sidecar that cannot be read is said in the note of every row.
    """
    spec = scenario.data
    sidecar = _read_sidecar(spec.file)
    inline = spec.values  # noqa: PD011 (a pydantic field, not pandas)
    by_id = {c.id: c for c in scenario.criteria_set.criteria}
    values = np.asarray(matrix.values, dtype=float)
    rows: list[dict[str, Any]] = []
    for i, (cand, name) in enumerate(zip(matrix.candidates, matrix.candidate_names, strict=True)):
        for j, crit in enumerate(matrix.criteria):
            c = by_id.get(crit)
            keys = c.data_keys if c is not None else (crit,)
            found = [_key_source(scenario, sidecar, key, cand, inline) for key in keys]
            sources = list(dict.fromkeys(s for s, _ in found if s))
            notes = list(dict.fromkeys(n for _, n in found if n))
            if not sources and c is not None and c.source:
                sources = [c.source]
            if sidecar.problem:
                notes.append(sidecar.problem)
            rows.append(
                {
                    "candidate": cand,
                    "name": name,
                    "criterion": crit,
                    "title": matrix.criterion_titles[j],
                    "value": float(values[i, j]),
                    "unit": matrix.units[j],
                    "source": " | ".join(sources) or _("no source given"),
                    "status": _status(matrix, i, j),
                    "note": " | ".join(notes),
                }
            )
    return pd.DataFrame(rows, columns=list(FIGURE_COLUMNS))


def _status(matrix: DecisionMatrix, i: int, j: int) -> str:
    if matrix.imputed[i, j]:
        return "imputed"
    return "illustrative" if matrix.illustrative[i, j] else "reported"


def _key_source(
    scenario: Scenario,
    sidecar: _Sidecar,
    key: str,
    candidate: str,
    inline: Mapping[str, Mapping[str, Any]],
) -> tuple[str, str]:
    """(source, note) of one data key's figure for one candidate ("" when none is known)."""
    spec = scenario.data
    given = spec.provenance.get(key)
    own = given.source if given is not None else ""
    if key in inline.get(candidate, {}):
        return own or _("typed in the scenario (data.values)"), ""
    cell = sidecar.lookup(spec.columns.get(key, key), candidate)
    if cell is not None:
        return cell
    if own:
        return own, ""
    return sidecar.general(candidate) or ("", "")


# ---- stamp and fingerprint ----------------------------------------------------------------


def export_stamp(now: datetime | None = None) -> dict[str, str]:
    """``{"exported": ISO date-time in UTC, "clusterrank": version}`` for every export."""
    moment = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    return {"exported": moment.isoformat(), "clusterrank": clusterrank.__version__}


def _portable(value: Any) -> Any:
    """The scenario's JSON with file paths reduced to their names (machine-independent)."""
    if isinstance(value, dict):
        return {
            k: Path(v).name if k in _PATH_FIELDS and isinstance(v, str) else _portable(v)
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [_portable(v) for v in value]
    return value


def scenario_hash(scenario: Scenario, matrix: DecisionMatrix) -> str:
    """First 12 hex digits of SHA-256 over the scenario and its decision matrix.

    The scenario model's canonical JSON (sorted keys; data and table paths by file name
    only), then the matrix's candidate and criterion ids, directions and values (float64
    bytes), so a changed figure in a data file changes the hash.
    """
    text = json.dumps(
        _portable(scenario.model_dump(mode="json")),
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
    )
    digest = hashlib.sha256(text.encode("utf-8"))
    ids = json.dumps([list(matrix.candidates), list(matrix.criteria)], ensure_ascii=False)
    digest.update(ids.encode("utf-8"))
    digest.update(np.ascontiguousarray(matrix.directions, dtype=np.int64).tobytes())
    digest.update(np.ascontiguousarray(matrix.values, dtype=np.float64).tobytes())
    return digest.hexdigest()[:HASH_LENGTH]


def export_file_name(
    scenario_id: str, method: str, suffix: str, *, kind: str = "report", day: date | None = None
) -> str:
    """``clusterrank-report_<scenario>_<method>_<YYYY-MM-DD>.<suffix>``.

    A name no shipped scenario or data file has, so a downloaded export is never mistaken
    for one; ``kind`` names what it is (``report``, ``sensitivity``, ``ranking``).
    """
    when = (day or datetime.now(UTC).date()).isoformat()
    parts = [f"clusterrank-{kind}", scenario_id, method, when]
    stem = "_".join(re.sub(r"[^\w.-]+", "-", p).strip("-") or "x" for p in parts)
    return f"{stem}.{suffix.lstrip('.')}"
