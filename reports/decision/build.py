"""The one builder of the decision report: a scenario in, a :class:`DecisionReport` out.

``clusterrank report`` and the Export page's "Report" download both call
:func:`decision_report`; the HTML, the PDF and the workbook are rendered from what it returns.
The report answers, for an official who signs it: who ranks first, why, how sure that is,
from what data, and by whose weights — each with the settings that produced it.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from clusterrank.analysis.explain import explain
from clusterrank.analysis.provenance import (
    WeightSource,
    export_stamp,
    figure_sources,
    panel_label,
    scenario_hash,
    weight_source,
)
from clusterrank.analysis.ranking import rank_scenario
from clusterrank.analysis.sensitivity import sensitivity_inputs
from clusterrank.analysis.weights import WeightReport, resolve_weights
from clusterrank.criteria.decision_matrix import DecisionMatrix
from clusterrank.criteria.matrix import decision_matrix
from clusterrank.criteria.models.scenario import Scenario
from clusterrank.errors import ConfigurationError
from clusterrank.methods.registry import available_methods
from clusterrank.methods.result import RankingResult
from clusterrank.reports.decision import robustness
from clusterrank.reports.decision.model import (
    DataPart,
    DecisionReport,
    RankRow,
    ReportInputs,
    Sensitivity,
    Table,
    WeightsSource,
    Why,
)
from clusterrank.reports.decision.panel_part import panel_part
from clusterrank.reports.decision.sections import (
    candidates,
    criteria_rows,
    data_part,
    ranking_rows,
    settings_rows,
)
from clusterrank.reports.decision.why import why_part

LANGUAGES: tuple[str, ...] = ("en",)
"""Languages the report is written in."""
NOT_RUN = (
    "not analysed: build the report with --sensitivity (or tick “with sensitivity” on the "
    "Export page) to see how far the weights can move before the ranking changes"
)


def decision_report(
    scenario: Scenario,
    *,
    method: str | None = None,
    settings: Mapping[str, Any] | None = None,
    weights: WeightReport | None = None,
    matrix: DecisionMatrix | None = None,
    sensitivity: bool = False,
    panel: Mapping[str, Any] | None = None,
    editor: str | None = None,
    lang: str = "en",
    now: datetime | None = None,
) -> DecisionReport:
    """The decision report of ``scenario``.

    Parameters
    ----------
    scenario
        A validated scenario; for a panel, the panel's applied scenario
        (:func:`reports.decision.panel_part.panel_scenario`).
    method, settings
        As for :func:`analysis.ranking.rank_scenario` (default: the scenario's method).
    weights, matrix
        The weights and decision matrix in use when the caller has them (the app's).
    sensitivity
        Also run weight stability, SMAA and method agreement (a few seconds).
    panel
        The expert panel's result whose weights ``scenario`` carries.
    editor
        The app's weight editor (``sliders``, ``ahp``, ``objective``), said in the report.
    lang
        The report's language (:data:`LANGUAGES`).
    now
        The export time (default: now, UTC).
    """
    if lang not in LANGUAGES:
        msg = f"the report is written in {', '.join(LANGUAGES)} (got --lang {lang!r})"
        raise ConfigurationError(msg)
    dm = matrix if matrix is not None else decision_matrix(scenario)
    wr = weights if weights is not None else resolve_weights(scenario, dm)
    report = rank_scenario(scenario, method=method, settings=settings, weights=wr, matrix=dm)
    ranking = ranking_rows(report, dm)
    why = why_part(explain(report, dm), ranking)
    source = weight_source(wr, panel=panel_label(panel) if panel else None, editor=editor)
    figures = figure_sources(scenario, dm)
    data = data_part(scenario, dm, tuple(r.candidate for r in ranking), figures)
    sens = run = None
    if sensitivity and len(ranking) > 1:
        inp = sensitivity_inputs(
            scenario, method=report.result.method, settings=settings, weights=wr, matrix=dm
        )
        run = robustness.run_analyses(inp)
        titles = dict(zip(dm.criteria, dm.criterion_titles, strict=True))
        sens = robustness.sensitivity_part(run, ranking, titles)
    stamp = export_stamp(now)
    extra: dict[str, Any] = {
        "weight source": {"kind": source.kind, "summary": source.summary},
        "report": {"language": lang, "exported": stamp["exported"]},
        "sensitivity": robustness.settings(len(ranking)) if sens else {"run": "no"},
    }
    panel_info = panel_part(panel) if panel else None
    caption = method_caption(report.result)
    return DecisionReport(
        title=report.title,
        scenario_id=scenario.id,
        source=scenario.source_name,
        question=(scenario.description or "").strip(),
        date=stamp["exported"][:10],
        generated=stamp["exported"],
        version=stamp["clusterrank"],
        scenario_hash=scenario_hash(scenario, dm),
        lang=lang,
        illustrative=bool(dm.illustrative.any()) or bool(panel and panel.get("illustrative")),
        method=report.result.method,
        method_caption=caption,
        method_reference=_info(report.result.method).get("reference", ""),
        higher_is_better=report.result.higher_is_better,
        headline=headline(ranking, caption, report.result.higher_is_better),
        summary=summary(ranking, why, sens, data, source),
        candidates=candidates(scenario, dm),
        ranking=ranking,
        why=why,
        criteria=criteria_rows(scenario, wr),
        weights=weights_part(source),
        panel=panel_info,
        data=data,
        sensitivity=sens,
        notes=report.notes,
        caveats=caveats(ranking, why, data, sens, source),
        settings=settings_rows(report, extra),
        inputs=ReportInputs(scenario, dm, wr, report, source, stamp, run),
    )


def _info(method: str) -> dict[str, str]:
    """The registry's title and reference of a ranking method."""
    for info in available_methods("ranking"):
        if info.name == method:
            return {"title": info.title, "reference": info.reference}
    return {"title": method, "reference": ""}


def method_caption(result: RankingResult) -> str:
    """The method in plain words, e.g. ``TOPSIS, vector normalisation``."""
    title = _info(result.method)["title"]
    norm = result.settings.get("normalization")
    return f"{title}, {norm} normalisation" if norm else title


def headline(ranking: tuple[RankRow, ...], caption: str, higher_is_better: bool) -> str:
    """The answer in one sentence: who is first, with what score, by which method."""
    first = ranking[0]
    better = "higher" if higher_is_better else "lower"
    tail = "" if len(ranking) < 2 else f"; second is {ranking[1].name} ({ranking[1].score:.4f})"
    return (
        f"{first.name} ranks first of {len(ranking)} with a score of {first.score:.4f}{tail} "
        f"({caption}; a {better} score is better)."
    )


def weights_part(source: WeightSource) -> WeightsSource:
    """Where the weights came from, with the AHP judgments and consistency as tables."""
    return WeightsSource(
        kind=source.kind,
        summary=source.summary,
        judgments=_table(source.judgments),
        consistency=_table(source.consistency),
    )


def _table(frame: Any) -> Table | None:
    if frame is None or frame.empty:
        return None
    rows = tuple(tuple(_cell(v) for v in row) for row in frame.itertuples(index=False))
    return Table(tuple(str(c) for c in frame.columns), rows)


def _cell(value: Any) -> str | int | float | None:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float | str) or value is None:
        return value
    return str(value)


def quality_line(ranking: tuple[RankRow, ...], data: DataPart) -> str:
    """How many figures are imputed or illustrative, and who cannot be assessed."""
    line = (
        f"{data.cells} figures; {data.imputed} imputed ({data.policy}), "
        f"{data.illustrative} illustrative; every figure's source is listed in section 5"
    )
    out = [r for r in ranking if not r.assessable]
    if out:
        line += "; not assessable: " + "; ".join(f"{r.name} ({r.reason})" for r in out)
    return line + "."


def summary(
    ranking: tuple[RankRow, ...],
    why: Why | None,
    sens: Sensitivity | None,
    data: DataPart,
    source: WeightSource,
) -> tuple[tuple[str, str], ...]:
    """Five short answers: who, why, how sure, from what data, by whose weights."""
    who = f"{ranking[0].name} ranks first" + (
        f", ahead of {ranking[1].name}." if len(ranking) > 1 else " (the only candidate)."
    )
    sure = (
        f"{sens.winner_line} {sens.brief}"
        if sens is not None
        else f"The ranking's sensitivity was {NOT_RUN}."
    )
    return (
        ("Who", who),
        ("Why", why.sentence if why is not None else "Only one candidate: nothing to compare."),
        ("How sure", sure),
        ("From what data", quality_line(ranking, data)),
        ("By whose weights", source.summary + "."),
    )


def caveats(
    ranking: tuple[RankRow, ...],
    why: Why | None,
    data: DataPart,
    sens: Sensitivity | None,
    source: WeightSource,
) -> tuple[str, ...]:
    """What a reader must keep in mind before signing."""
    out = [
        f"{r.name} is not assessable: {r.reason}; read its place as “not yet assessable”, "
        "not as a measured result."
        for r in ranking
        if not r.assessable
    ]
    if data.imputed:
        out.append(
            f"{data.imputed} of {data.cells} figures are imputed ({data.policy}); they are "
            "marked in the data table."
        )
    if data.illustrative:
        out.append(
            f"{data.illustrative} figures are illustrative, not sourced: do not decide on them."
        )
    if why is not None and not why.exact:
        out.append("The contributions are indicative: this method's score is not a sum.")
    if "inconsistent" in source.summary:
        out.append("The AHP judgments are inconsistent (CR above the threshold): revise them.")
    if sens is None:
        out.append(f"The ranking's sensitivity was {NOT_RUN}.")
    return tuple(out)
