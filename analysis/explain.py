"""Why a ranking came out as it did: per-criterion contributions next to a ranking report.

:func:`explain` puts :func:`methods.explain.contributions` (computed with the very weights,
method and settings of the report) beside the report's names, ranks and data quality, in the
shapes the CLI, the UI and the decision report read: a long table, a side-by-side of two
candidates ("why is A above B") and the JSON of ``clusterrank explain``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from clusterrank.analysis.ranking import decision_problem
from clusterrank.analysis.report import RankingReport
from clusterrank.criteria.decision_matrix import DecisionMatrix
from clusterrank.errors import ConfigurationError
from clusterrank.i18n import _
from clusterrank.methods.explain import Contributions, contributions

PAIR_COLUMNS: tuple[str, ...] = ("criterion", "title", "a", "b", "difference")


@dataclass(frozen=True)
class Explanation:
    """A ranking report with each candidate's score broken down by criterion.

    Attributes
    ----------
    report
        The ranking explained.
    contributions
        Per-criterion contributions, candidates and criteria in the report's order.
    criterion_titles
        Criterion id -> display title.
    """

    report: RankingReport
    contributions: Contributions
    criterion_titles: Mapping[str, str]

    def _names(self) -> dict[str, str]:
        return dict(zip(self.report.result.candidates, self.report.names, strict=True))

    def _ranks(self) -> dict[str, int]:
        result = self.report.result
        return {c: int(r) for c, r in zip(result.candidates, result.ranks, strict=True)}

    def check_candidate(self, candidate: str) -> str:
        """``candidate`` when it is one of the report's ids; else an error listing them."""
        if candidate not in self.contributions.candidates:
            valid = ", ".join(self.contributions.candidates)
            msg = _("no candidate {candidate!r} in {title!r}; valid ids: {valid}").format(
                candidate=candidate, title=self.report.title, valid=valid
            )
            raise ConfigurationError(msg)
        return candidate

    def frame(self) -> pd.DataFrame:
        """Long form, in rank order: id, name, rank, criterion, title, contribution."""
        c = self.contributions
        names, ranks = self._names(), self._ranks()
        rows = [
            {
                "id": cand,
                "name": names[cand],
                "rank": ranks[cand],
                "criterion": crit,
                "title": self.criterion_titles.get(crit, crit),
                "contribution": float(c.of(cand)[j]),
            }
            for cand in c.candidates
            for j, crit in enumerate(c.criteria)
        ]
        frame = pd.DataFrame(
            rows, columns=["id", "name", "rank", "criterion", "title", "contribution"]
        )
        return frame.sort_values(["rank", "id"], kind="stable").reset_index(drop=True)

    def pair(self, a: str, b: str) -> pd.DataFrame:
        """Why ``a`` is above (or below) ``b``: criterion, title, a, b, difference (a - b).

        Rows are sorted by the size of the difference, largest first: positive rows are where
        ``a`` gains on ``b``, negative rows where it loses.
        """
        self.check_candidate(a)
        self.check_candidate(b)
        if a == b:
            msg = _("--candidate and --versus name the same candidate ({id!r}); pick two")
            msg = msg.format(id=a)
            raise ConfigurationError(msg)
        c = self.contributions
        ra, rb = c.of(a), c.of(b)
        frame = pd.DataFrame(
            {
                "criterion": list(c.criteria),
                "title": [self.criterion_titles.get(k, k) for k in c.criteria],
                "a": ra.astype(float),
                "b": rb.astype(float),
                "difference": (ra - rb).astype(float),
            }
        )
        order = frame["difference"].abs().sort_values(ascending=False, kind="stable").index
        return frame.loc[order].reset_index(drop=True)

    def to_payload(self, pair: tuple[str, str] | None = None) -> dict[str, Any]:
        """The JSON of ``clusterrank explain``; with ``pair=(a, b)`` also ``"pair"``."""
        base = self.report.to_payload()
        by_id = {r["id"]: r for r in base["results"]}
        c = self.contributions
        for i, cand in enumerate(c.candidates):
            entry = by_id[cand]
            entry["contributions"] = c.row(cand)
            if c.to_ideal is not None and c.to_anti_ideal is not None:
                entry["to_ideal"] = _row(c.criteria, c.to_ideal[i])
                entry["to_anti_ideal"] = _row(c.criteria, c.to_anti_ideal[i])
        payload: dict[str, Any] = {
            "title": base["title"],
            "method": base["method"],
            "settings": base["settings"],
            "weights": base["weights"],
            "higher_score_is_better": base["higher_score_is_better"],
            "kind": c.kind,
            "exact": c.exact,
            "description": c.description,
            "criteria": {k: self.criterion_titles.get(k, k) for k in c.criteria},
            "results": base["results"],
            "notes": base["notes"],
        }
        if pair is not None:
            frame = self.pair(*pair)
            payload["pair"] = {
                "candidate": pair[0],
                "versus": pair[1],
                "rows": [
                    {
                        "criterion": str(r["criterion"]),
                        "title": str(r["title"]),
                        "candidate": float(r["a"]),
                        "versus": float(r["b"]),
                        "difference": float(r["difference"]),
                    }
                    for _row_index, r in frame.iterrows()
                ],
            }
        return payload


def _row(criteria: tuple[str, ...], values: Any) -> dict[str, float]:
    return {k: float(v) for k, v in zip(criteria, values, strict=True)}


def explain(report: RankingReport, matrix: DecisionMatrix) -> Explanation:
    """The explanation of ``report``, a ranking of ``matrix`` (same candidates and criteria).

    Contributions use the report's method, settings and weights, so they decompose the very
    scores the report shows.

    Raises
    ------
    ConfigurationError
        ``matrix`` is not the one the report ranked (other candidates or criteria).
    """
    result = report.result
    if tuple(matrix.candidates) != result.candidates or tuple(matrix.criteria) != result.criteria:
        msg = _(
            "the ranking and the decision matrix list different candidates or criteria; "
            "rank the scenario again before explaining it"
        )
        raise ConfigurationError(msg)
    contrib = contributions(
        decision_problem(matrix), result.weights, result.method, dict(result.settings)
    )
    titles = dict(zip(matrix.criteria, matrix.criterion_titles, strict=True))
    return Explanation(report, contrib, titles)
