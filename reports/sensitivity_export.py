"""Sensitivity results as they leave the app: one set of tables, written as CSV or Excel.

:func:`sensitivity_sheets` turns the analyses that were run (weight stability intervals,
SMAA-2 rank acceptability, its confidence factors and central weights, method agreement with
its rank correlations, AHP judgment uncertainty) into named tables with candidate names beside
their ids, and ends with a ``settings`` table: the export's date and clusterrank version, the
scenario's hash, the method, where the weights came from, every analysis' own settings
(samples, seed, sampling, ...), the analyses not run and why, and every note.
:func:`sensitivity_workbook` writes the tables as sheets, :func:`sensitivity_csv` as sections
of one CSV file (a ``[name]`` line, the table, a blank line); both go through
:mod:`reports.cells`, so formula-like names are neutralised. The CLI (``clusterrank
sensitivity -o FILE.csv|.xlsx``) and the Sensitivity page's download use the same calls.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pandas as pd

from clusterrank.analysis.provenance import (
    WeightSource,
    export_file_name,
    export_stamp,
    scenario_hash,
    weight_source,
)
from clusterrank.analysis.sensitivity import SensitivityInputs
from clusterrank.methods.sensitivity import (
    AgreementResult,
    AHPUncertaintyResult,
    SMAAResult,
    StabilityResult,
)
from clusterrank.reports import headings
from clusterrank.reports.cells import csv_text, workbook_bytes
from clusterrank.reports.settings_sheet import settings_frame

RANKS_SHOWN = 20
"""Rank-acceptability columns written; ranks beyond are summed into one ``rank 21+`` column."""
STABILITY = "stability"
ACCEPTABILITY = "SMAA acceptability"
CONFIDENCE = "SMAA confidence"
CENTRAL = "SMAA central weights"
AGREEMENT = "method agreement"
CORRELATION = "correlation {}"
AHP = "AHP uncertainty"
SETTINGS = "settings"
ANALYSES = {
    "stability": "weight stability intervals",
    "smaa": "SMAA-2",
    "agreement": "method agreement",
    "ahp": "AHP judgment uncertainty",
}


@dataclass(frozen=True)
class SensitivityRun:
    """The analyses run on one set of inputs (None: not run; ``not_run`` says why)."""

    inputs: SensitivityInputs
    stability: StabilityResult | None = None
    smaa: SMAAResult | None = None
    agreement: AgreementResult | None = None
    ahp: AHPUncertaintyResult | None = None
    not_run: Mapping[str, str] = field(default_factory=dict)
    """Analysis key (see :data:`ANALYSES`) -> why it is not in the export."""


def _names(inp: SensitivityInputs) -> dict[str, str]:
    dm = inp.matrix
    return dict(zip(dm.candidates, dm.candidate_names, strict=True))


def _titles(inp: SensitivityInputs) -> dict[str, str]:
    dm = inp.matrix
    out = {g.id: g.title or g.id for g in inp.scenario.criteria_set.groups}
    out.update(zip(dm.criteria, dm.criterion_titles, strict=True))
    return out


def _with_names(frame: pd.DataFrame, names: Mapping[str, str], at: int = 1) -> pd.DataFrame:
    """``frame`` (a column ``id``) with a ``name`` column inserted at ``at``."""
    out = frame.copy()
    out.insert(at, "name", [names.get(str(i), str(i)) for i in out["id"]])
    return out


def stability_frame(stab: StabilityResult, titles: Mapping[str, str]) -> pd.DataFrame:
    """One row per criterion and level, the criterion's title beside its id."""
    frame = stab.to_frame()
    frame.insert(1, "title", [titles.get(str(c), str(c)) for c in frame["criterion"]])
    return frame


def smaa_frames(
    smaa: SMAAResult, names: Mapping[str, str], titles: Mapping[str, str]
) -> dict[str, pd.DataFrame]:
    """Rank acceptability, confidence factors and central weights, names beside ids.

    The confidence table also holds first-rank and holistic acceptability; central weights
    are headed by criterion titles (by ids when two titles are the same).
    """
    accept = smaa.acceptability_frame(max_ranks=RANKS_SHOWN).rename_axis("id").reset_index()
    central = smaa.central_weights_frame().rename_axis("id").reset_index()
    heads = [titles.get(str(c), str(c)) for c in smaa.criteria]
    if len(set(heads)) == len(heads):
        central = central.rename(columns=dict(zip(smaa.criteria, heads, strict=True)))
    return {
        ACCEPTABILITY: _with_names(accept, names),
        CONFIDENCE: _with_names(smaa.to_frame(), names),
        CENTRAL: _with_names(central, names),
    }


def agreement_frames(agr: AgreementResult, names: Mapping[str, str]) -> dict[str, pd.DataFrame]:
    """Ranks by every method with the Copeland consensus, and each rank correlation matrix."""
    out = {AGREEMENT: _with_names(agr.to_frame(), names)}
    for kind, table in agr.correlations.items():
        out[CORRELATION.format(kind)] = table.rename_axis("method").reset_index()
    return out


def ahp_frame(ahp: AHPUncertaintyResult, titles: Mapping[str, str]) -> pd.DataFrame:
    """One row per perturbed weight: point, mean, 5-95 % and min-max, titles beside ids."""
    frame = ahp.to_frame()
    frame.insert(1, "title", [titles.get(str(i), str(i)) for i in frame["item"]])
    return frame


def _flat(values: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    """Nested settings (method agreement's per-method settings) as ``a: b`` keys."""
    out: dict[str, Any] = {}
    for k, v in values.items():
        key = f"{prefix}{k}"
        if isinstance(v, Mapping):
            out.update(_flat(v, f"{key}: "))
        else:
            out[key] = ", ".join(map(str, v)) if isinstance(v, tuple | list) else v
    return out


def _analysis_settings(run: SensitivityRun) -> list[tuple[str, Mapping[str, Any]]]:
    out: list[tuple[str, Mapping[str, Any]]] = []
    if run.stability is not None:
        out.append((ANALYSES["stability"], dict(run.stability.settings)))
    if run.smaa is not None:
        out.append((ANALYSES["smaa"], dict(run.smaa.settings)))
    if run.agreement is not None:
        out.append((ANALYSES["agreement"], _flat(run.agreement.settings)))
    if run.ahp is not None:
        a = run.ahp
        found = {"P(ranking changes)": a.p_ranking_changes, "P(winner changes)": a.p_winner_changes}
        out.append((ANALYSES["ahp"], {**dict(a.settings), **found, "draws kept": a.accepted}))
    return out


def _notes(run: SensitivityRun) -> list[str]:
    found = [r for r in (run.stability, run.smaa, run.agreement, run.ahp) if r is not None]
    return list(dict.fromkeys(n for r in found for n in r.notes))


def settings_table(
    run: SensitivityRun,
    *,
    stamp: Mapping[str, str] | None = None,
    source: WeightSource | None = None,
) -> pd.DataFrame:
    """``section, setting, value``: export, scenario, method, weights, each analysis, notes."""
    inp = run.inputs
    source = source or weight_source(inp.weights)
    export = {**(stamp or export_stamp()), "scenario hash": scenario_hash(inp.scenario, inp.matrix)}
    scenario = {"id": inp.scenario.id, "title": inp.scenario.title}
    weights = {"from": source.kind, "in words": source.summary}
    weights.update({c: f"{w:.6g}" for c, w in inp.weights.as_map().items()})
    skipped = {ANALYSES.get(k, k): why for k, why in run.not_run.items()}
    sections: list[tuple[str, Mapping[str, Any]]] = [
        ("export", export),
        ("scenario", scenario),
        ("method", {"name": inp.method, **dict(inp.settings)}),
        ("weights", weights),
        *_analysis_settings(run),
    ]
    if skipped:
        sections.append(("not run", skipped))
    return settings_frame(sections, _notes(run))


def sensitivity_sheets(
    run: SensitivityRun,
    *,
    stamp: Mapping[str, str] | None = None,
    source: WeightSource | None = None,
    settings_sheet: str = SETTINGS,
) -> dict[str, pd.DataFrame]:
    """Every table of the analyses run, by sheet name, the settings table last.

    ``source`` is where the weights came from (default: :func:`analysis.provenance.
    weight_source` of the inputs' weights); ``stamp`` the export's date and version;
    ``settings_sheet`` names the settings table (``"sensitivity settings"`` when the tables
    join the ranking workbook, which has its own ``settings``: ``workbook(..., extra=...)``).
    """
    names, titles = _names(run.inputs), _titles(run.inputs)
    out: dict[str, pd.DataFrame] = {}
    if run.stability is not None:
        out[STABILITY] = stability_frame(run.stability, titles)
    if run.smaa is not None:
        out.update(smaa_frames(run.smaa, names, titles))
    if run.agreement is not None:
        out.update(agreement_frames(run.agreement, names))
    if run.ahp is not None:
        out[AHP] = ahp_frame(run.ahp, titles)
    out[settings_sheet] = settings_table(run, stamp=stamp, source=source)
    return out


def sensitivity_workbook(sheets: Mapping[str, pd.DataFrame]) -> bytes:
    """The tables as an ``.xlsx``, one sheet each (formula-like text neutralised)."""
    return workbook_bytes(sheets)


def sensitivity_csv(sheets: Mapping[str, pd.DataFrame]) -> bytes:
    """The tables as sections of one UTF-8 CSV (with a byte-order mark for Cyrillic).

    Each section is a line ``[name]``, the table with its header, and a blank line; every
    table passes :func:`reports.cells.csv_text` (formula-like text neutralised). A person
    opens this file in a spreadsheet: section names and headings are in the current
    language (:mod:`reports.headings`), numbers keep a point as the decimal mark.
    """
    parts = [
        f"[{headings.sheet(name)}]\n{csv_text(headings.translated(frame))}"
        for name, frame in sheets.items()
    ]
    return "\n".join(parts).encode("utf-8-sig")


def sensitivity_file_name(
    scenario_id: str, method: str, suffix: str, day: date | None = None
) -> str:
    """``clusterrank-sensitivity_<scenario>_<method>_<YYYY-MM-DD>.<suffix>``."""
    return export_file_name(scenario_id, method, suffix, kind="sensitivity", day=day)
