"""The report's "why": each criterion's contribution, and the leader beside the runner-up.

Built from :func:`analysis.explain.explain` (the very weights, method and settings of the
ranking), so the contributions decompose the scores the report shows.
"""

from __future__ import annotations

from clusterrank.analysis.explain import Explanation
from clusterrank.i18n import _, formats
from clusterrank.reports.decision.model import RankRow, Table, Why
from clusterrank.reports.headings import column

TOP_SHOWN = 5
"""Candidates whose contributions the report tabulates and draws (rank order)."""
DRIVERS = 2
"""Criteria named in the sentence on each side (gains, losses)."""


def why_part(explanation: Explanation, ranking: tuple[RankRow, ...]) -> Why | None:
    """Contributions of the top candidates and the leader against the runner-up.

    ``None`` with fewer than two candidates (nothing to compare).
    """
    if len(ranking) < 2:
        return None
    c = explanation.contributions
    titles = tuple(explanation.criterion_titles.get(k, k) for k in c.criteria)
    top = ranking[:TOP_SHOWN]
    values = tuple(tuple(float(v) for v in c.of(r.candidate)) for r in top)
    leader, runner = ranking[0], ranking[1]
    frame = explanation.pair(leader.candidate, runner.candidate)
    pair = Table(
        (
            column("criterion"),
            _("1st: {name}").format(name=leader.name),
            _("2nd: {name}").format(name=runner.name),
            _("difference"),
        ),
        tuple(
            (str(r["title"]), float(r["a"]), float(r["b"]), float(r["difference"]))
            for _index, r in frame.iterrows()
        ),
    )
    return Why(
        kind=c.kind,
        exact=c.exact,
        description=c.description,
        criteria=titles,
        candidates=tuple(r.name for r in top),
        values=values,
        leader=leader.name,
        runner_up=runner.name,
        pair=pair,
        sentence=why_sentence(leader.name, runner.name, pair, exact=c.exact),
    )


def why_sentence(leader: str, runner: str, pair: Table, *, exact: bool) -> str:
    """One plain sentence: where the leader gains on the runner-up, and where it loses."""
    gains = [(str(r[0]), float(r[3] or 0.0)) for r in pair.rows if float(r[3] or 0.0) > 0]
    losses = [(str(r[0]), float(r[3] or 0.0)) for r in pair.rows if float(r[3] or 0.0) < 0]
    if not gains and not losses:
        return _(
            "{leader} and {runner} receive the same contribution from every criterion."
        ).format(leader=leader, runner=runner)
    said = {"leader": leader, "runner": runner}
    if gains and losses:
        text = _("{leader} is ahead of {runner} mainly on {gains}; it loses ground on {losses}")
    elif gains:
        text = _("{leader} is ahead of {runner} mainly on {gains}")
    else:
        text = _("{leader} is ahead of {runner}; it loses ground on {losses}")
    sentence = text.format(gains=_listed(gains[:DRIVERS]), losses=_listed(losses[:DRIVERS]), **said)
    if not exact:
        sentence = _(
            "{sentence} (indicative: this method's score is not a sum over criteria)"
        ).format(sentence=sentence)
    return sentence + "."


def signed(value: float, digits: int) -> str:
    """``+0.123`` / ``-0.050`` with the language's decimal mark."""
    return ("+" if value >= 0 else "-") + formats.number(abs(value), digits)


def _listed(items: list[tuple[str, float]]) -> str:
    parts = [f"{title} ({signed(value, 3)})" for title, value in items]
    if len(parts) < 2:
        return "".join(parts)
    return _("{first} and {second}").format(first=parts[0], second=parts[1])
