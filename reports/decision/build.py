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
from clusterrank.i18n import _, formats, ngettext, use_language
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
from clusterrank.reports.headings import column

LANGUAGES: tuple[str, ...] = ("en", "ru")
"""Languages the report is written in."""


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
        The report's language (:data:`LANGUAGES`): the report is built in
        :func:`clusterrank.i18n.use_language` of it, and the renderers write it in
        ``report.lang`` whatever the caller's thread speaks.
    now
        The export time (default: now, UTC).
    """
    if lang not in LANGUAGES:
        msg = _("the report is written in {languages} (got --lang {lang!r})").format(
            languages=", ".join(LANGUAGES), lang=lang
        )
        raise ConfigurationError(msg)
    with use_language(lang):
        return _build(
            scenario,
            method=method,
            settings=settings,
            weights=weights,
            matrix=matrix,
            sensitivity=sensitivity,
            panel=panel,
            editor=editor,
            lang=lang,
            now=now,
        )


def _build(
    scenario: Scenario,
    *,
    method: str | None,
    settings: Mapping[str, Any] | None,
    weights: WeightReport | None,
    matrix: DecisionMatrix | None,
    sensitivity: bool,
    panel: Mapping[str, Any] | None,
    editor: str | None,
    lang: str,
    now: datetime | None,
) -> DecisionReport:
    """:func:`decision_report` in the language already set."""
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
    if not norm:
        return title
    words = {"vector": _("vector normalisation"), "minmax": _("min-max normalisation")}
    said = words.get(str(norm)) or _("{normalization} normalisation").format(normalization=norm)
    return _("{method}, {normalization}").format(method=title, normalization=said)


def not_run() -> str:
    """The sentence of a report built without its sensitivity analyses."""
    return _(
        "The ranking's sensitivity was not analysed: build the report with --sensitivity (or "
        "tick “with sensitivity” on the Export page) to see how far the weights can move "
        "before the ranking changes."
    )


def headline(ranking: tuple[RankRow, ...], caption: str, higher_is_better: bool) -> str:
    """The answer in one sentence: who is first, with what score, by which method."""
    first = ranking[0]
    better = better_score(higher_is_better)
    if len(ranking) < 2:
        return _(
            "{name} is the only candidate, with a score of {score} ({method}; {better})."
        ).format(
            name=first.name, score=formats.number(first.score, 4), method=caption, better=better
        )
    return _(
        "{name} ranks first of {count} with a score of {score}; second is {second} "
        "({second_score}) ({method}; {better})."
    ).format(
        name=first.name,
        count=formats.integer(len(ranking)),
        score=formats.number(first.score, 4),
        second=ranking[1].name,
        second_score=formats.number(ranking[1].score, 4),
        method=caption,
        better=better,
    )


def better_score(higher_is_better: bool) -> str:
    """``a higher score is better`` or ``a lower score is better``."""
    return _("a higher score is better") if higher_is_better else _("a lower score is better")


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
    return Table(tuple(column(c) for c in frame.columns), rows)


def _cell(value: Any) -> str | int | float | None:
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, int | float | str) or value is None:
        return value
    return str(value)


def quality_line(ranking: tuple[RankRow, ...], data: DataPart) -> str:
    """How many figures are imputed or illustrative, and who cannot be assessed."""
    line = _(
        "{cells} figures; {imputed} imputed ({policy}), {illustrative} illustrative; every "
        "figure's source is listed in section 5"
    ).format(
        cells=formats.integer(data.cells),
        imputed=formats.integer(data.imputed),
        policy=data.policy,
        illustrative=formats.integer(data.illustrative),
    )
    out = [r for r in ranking if not r.assessable]
    if out:
        names = "; ".join(f"{r.name} ({r.reason})" for r in out)
        line = _("{line}; not assessable: {names}").format(line=line, names=names)
    return line + "."


def summary(
    ranking: tuple[RankRow, ...],
    why: Why | None,
    sens: Sensitivity | None,
    data: DataPart,
    source: WeightSource,
) -> tuple[tuple[str, str], ...]:
    """Five short answers: who, why, how sure, from what data, by whose weights."""
    who = (
        _("{name} ranks first, ahead of {second}.").format(
            name=ranking[0].name, second=ranking[1].name
        )
        if len(ranking) > 1
        else _("{name} ranks first (the only candidate).").format(name=ranking[0].name)
    )
    sure = f"{sens.winner_line} {sens.brief}" if sens is not None else not_run()
    nothing = _("Only one candidate: nothing to compare.")
    return (
        (_("Who"), who),
        (_("Why"), why.sentence if why is not None else nothing),
        (_("How sure"), sure),
        (_("From what data"), quality_line(ranking, data)),
        (_("By whose weights"), source.summary + "."),
    )


def inconsistent(source: WeightSource) -> bool:
    """Whether an AHP matrix behind the weights is above its consistency threshold."""
    table = source.consistency
    return table is not None and "acceptable" in table and not bool(table["acceptable"].all())


def caveats(
    ranking: tuple[RankRow, ...],
    why: Why | None,
    data: DataPart,
    sens: Sensitivity | None,
    source: WeightSource,
) -> tuple[str, ...]:
    """What a reader must keep in mind before signing."""
    out = [
        _(
            "{name} is not assessable: {reason}; read its place as “not yet assessable”, "
            "not as a measured result."
        ).format(name=r.name, reason=r.reason)
        for r in ranking
        if not r.assessable
    ]
    if data.imputed:
        out.append(
            ngettext(
                "{imputed} of {cells} figures is imputed ({policy}); it is marked in the data "
                "table.",
                "{imputed} of {cells} figures are imputed ({policy}); they are marked in the "
                "data table.",
                data.imputed,
            ).format(
                imputed=formats.integer(data.imputed),
                cells=formats.integer(data.cells),
                policy=data.policy,
            )
        )
    if data.illustrative:
        out.append(
            ngettext(
                "{count} figure is illustrative, not sourced: do not decide on it.",
                "{count} figures are illustrative, not sourced: do not decide on them.",
                data.illustrative,
            ).format(count=formats.integer(data.illustrative))
        )
    if why is not None and not why.exact:
        out.append(_("The contributions are indicative: this method's score is not a sum."))
    if inconsistent(source):
        out.append(_("The AHP judgments are inconsistent (CR above the threshold): revise them."))
    if sens is None:
        out.append(not_run())
    return tuple(out)
