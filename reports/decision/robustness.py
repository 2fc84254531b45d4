"""The report's "how sure": stability of the winner and top k, SMAA, method agreement.

Runs :mod:`analysis.sensitivity` with the settings below (echoed in the report's settings)
and says each result in one sentence with a small table behind it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any

import numpy as np

from clusterrank.analysis.sensitivity import (
    SensitivityInputs,
    run_agreement,
    run_smaa,
    run_stability,
)
from clusterrank.i18n import _, formats
from clusterrank.methods.sensitivity import AgreementResult, SMAAResult, StabilityResult
from clusterrank.reports.decision.model import RankRow, Sensitivity, Table
from clusterrank.reports.sensitivity_export import SensitivityRun

SMAA_SAMPLES = 2_000
SMAA_SEED = 0
SMAA_CONCENTRATION = 100.0
TOP_K = 3
SMAA_ROWS = 10
"""SMAA rows shown: the candidates most often first."""
AGREEMENT_ROWS = 15
"""Method-agreement rows shown: the best by consensus."""


def settings(m: int) -> dict[str, Any]:
    """The settings of the report's sensitivity analyses for ``m`` candidates."""
    return {
        "stability top k": min(TOP_K, max(1, m - 1)),
        "SMAA samples": SMAA_SAMPLES,
        "SMAA seed": SMAA_SEED,
        "SMAA sampling": _("around the weights in use (Dirichlet)"),
        "SMAA concentration": SMAA_CONCENTRATION,
        "method agreement": "TOPSIS (vector, min-max), AHP, VIKOR, PROMETHEE II, SPOTIS, COPRAS",
    }


def run_analyses(inp: SensitivityInputs) -> SensitivityRun:
    """Weight stability, SMAA around the weights in use and method agreement on ``inp``."""
    k = settings(len(inp.matrix.candidates))["stability top k"]
    return SensitivityRun(
        inputs=inp,
        stability=run_stability(inp, top_k=k),
        smaa=run_smaa(
            inp,
            n_samples=SMAA_SAMPLES,
            seed=SMAA_SEED,
            sampling="around",
            concentration=SMAA_CONCENTRATION,
        ),
        agreement=run_agreement(inp),
        not_run={"ahp": _("not part of the decision report")},
    )


def sensitivity_part(
    run: SensitivityRun, ranking: tuple[RankRow, ...], titles: Mapping[str, str]
) -> Sensitivity:
    """What the analyses of ``run`` found, each in a sentence and a small table.

    ``titles`` maps criterion ids to their titles.
    """
    names = {r.candidate: r.name for r in ranking}
    stab, smaa, agreement = run.stability, run.smaa, run.agreement
    if stab is None or smaa is None or agreement is None:
        msg = "the report's sensitivity needs stability, SMAA and method agreement; run all three"
        raise ValueError(msg)
    k = settings(len(ranking))["stability top k"]
    return Sensitivity(
        brief=brief(ranking[0], smaa, agreement),
        winner_line=stability_line(stab, "winner", titles, names, winner=ranking[0].name),
        top_line=stability_line(stab, f"top {k}", titles, names, k=k)
        if f"top {k}" in stab.levels()
        else "",
        stability=stability_table(stab, titles),
        smaa_line=smaa_line(smaa, names),
        smaa=smaa_table(smaa, names),
        agreement_line=agreement_line(agreement, ranking[0]),
        agreement=agreement_table(agreement, names),
        notes=tuple(dict.fromkeys([*stab.notes, *smaa.notes, *agreement.notes])),
    )


def brief(winner: RankRow, smaa: SMAAResult, agreement: AgreementResult) -> str:
    """How often the winner is first under SMAA, and how many methods agree, in one sentence."""
    at = smaa.candidates.index(winner.candidate)
    share = float(smaa.acceptability[at, 0])
    table = agreement.rank_table()
    firsts = int(np.count_nonzero(table.loc[winner.candidate].to_numpy() == 1))
    return _(
        "It is first in {share} of {samples} weightings drawn around the weights in use, and "
        "{firsts} of {methods} ranking methods put it first."
    ).format(
        share=formats.percent(share, 1),
        samples=formats.integer(smaa.n_samples),
        firsts=formats.integer(firsts),
        methods=formats.integer(len(agreement.labels)),
    )


def stability_line(
    stab: StabilityResult,
    level: str,
    titles: Mapping[str, str],
    names: Mapping[str, str],
    *,
    winner: str = "",
    k: int = 0,
) -> str:
    """One sentence: how far the most fragile weight can move before ``level`` changes.

    ``level`` is ``winner`` (``winner``: the winner's name) or ``top k`` (``k``). Candidate
    ids in the analysis's description of the change are replaced by their names.
    """
    fragile = stab.most_fragile(level)
    said: dict[str, str] = {"name": winner, "k": formats.integer(k)}
    if fragile is None:
        text = (
            _("{name} stays first whatever single weight moves, anywhere from 0 to 1.")
            if level == "winner"
            else _("The top {k} stay the same whatever single weight moves, anywhere from 0 to 1.")
        )
        return text.format(**said)
    _distance, side, change = fragile.first_change()
    text = (
        _(
            "{name} stays first while the weight of {criterion} (now {weight}) stays within "
            "{lower}–{upper}; moved {side} beyond that: {change}."
        )
        if level == "winner"
        else _(
            "The top {k} stay the same while the weight of {criterion} (now {weight}) stays "
            "within {lower}–{upper}; moved {side} beyond that: {change}."
        )
    )
    return text.format(
        criterion=titles.get(fragile.criterion, fragile.criterion),
        weight=formats.number(fragile.weight, 3),
        lower=formats.number(fragile.lower, 3),
        upper=formats.number(fragile.upper, 3),
        side=_("up") if side == "up" else _("down"),
        change=named(change, names),
        **said,
    )


def level_word(level: str) -> str:
    """A stability level (``winner``, ``top 3``) in the current language."""
    if level == "winner":
        return _("winner")
    if m := re.fullmatch(r"top (\d+)", level):
        return _("top {k}").format(k=m.group(1))
    return level


def named(text: str, names: Mapping[str, str]) -> str:
    """``text`` with each whole-word candidate id replaced by the candidate's name."""
    if not names:
        return text
    pattern = "|".join(re.escape(c) for c in sorted(names, key=len, reverse=True))
    return re.sub(rf"(?<![\w-])(?:{pattern})(?![\w-])", lambda m: names[m.group(0)], text)


def stability_table(stab: StabilityResult, titles: Mapping[str, str]) -> Table:
    """Per criterion and level: the weight now and the interval in which the level holds."""
    rows = []
    for iv in stab.intervals:
        if iv.level == "ranking":
            continue
        margin = iv.margin
        rows.append(
            (
                titles.get(iv.criterion, iv.criterion),
                level_word(iv.level),
                iv.weight,
                iv.lower,
                iv.upper,
                margin if math.isfinite(margin) else _("never changes"),
            )
        )
    columns = (
        _("criterion"),
        _("level"),
        _("weight now"),
        _("holds from"),
        _("to"),
        _("can move by"),
    )
    return Table(columns, tuple(rows))


def smaa_line(smaa: SMAAResult, names: Mapping[str, str]) -> str:
    """One sentence naming how the weights were drawn and how often the favourite is first."""
    frame = smaa.to_frame()
    best = frame.iloc[0]
    share = float(best["first_rank_acceptability"])
    return _(
        "SMAA-2 drew {samples} weight vectors around the weights in use (Dirichlet, "
        "concentration {concentration}, seed {seed}): {name} is first in {share} of them. "
        "First-rank acceptability is the share of draws in which a candidate ranks first; "
        "the confidence factor is the share in which it is first at its central weights."
    ).format(
        samples=formats.integer(smaa.n_samples),
        concentration=f"{SMAA_CONCENTRATION:g}".replace(".", formats.decimal_mark()),
        seed=smaa.seed,
        name=names.get(str(best["id"]), str(best["id"])),
        share=formats.percent(share, 1),
    )


def smaa_table(smaa: SMAAResult, names: Mapping[str, str]) -> Table:
    """The candidates most often first: first-rank and holistic acceptability, confidence."""
    frame = smaa.to_frame().head(SMAA_ROWS)
    return Table(
        (
            _("candidate"),
            _("first-rank acceptability"),
            _("holistic acceptability"),
            _("confidence factor"),
        ),
        tuple(
            (
                names.get(str(r["id"]), str(r["id"])),
                float(r["first_rank_acceptability"]),
                float(r["holistic_acceptability"]),
                float(r["confidence_factor"]),
            )
            for _index, r in frame.iterrows()
        ),
    )


def agreement_line(agreement: AgreementResult, winner: RankRow) -> str:
    """How many of the compared methods put the winner first."""
    table = agreement.rank_table()
    if winner.candidate not in table.index or table.empty:
        return _("No other method could be compared.")
    firsts = int(np.count_nonzero(table.loc[winner.candidate].to_numpy() == 1))
    said = {"firsts": firsts, "total": len(agreement.labels), "name": winner.name}
    if len(table) <= AGREEMENT_ROWS:
        return _(
            "{firsts} of {total} methods put {name} first (ranks by each method below; "
            "'consensus' is the Copeland rank over all of them)."
        ).format(**said)
    return _(
        "{firsts} of {total} methods put {name} first (ranks by each method below; "
        "'consensus' is the Copeland rank over all of them; the best {shown} shown)."
    ).format(shown=AGREEMENT_ROWS, **said)


def agreement_table(agreement: AgreementResult, names: Mapping[str, str]) -> Table:
    """Ranks by every compared method and the Copeland consensus, best first."""
    frame = agreement.to_frame().head(AGREEMENT_ROWS)
    labels = agreement.labels
    return Table(
        (_("candidate"), _("consensus"), *labels),
        tuple(
            (
                names.get(str(r["id"]), str(r["id"])),
                int(r["consensus"]),
                *(int(r[label]) for label in labels),
            )
            for _index, r in frame.iterrows()
        ),
    )
