"""Delphi rounds: what the next round asks, the feedback experts see, and stability.

* **Items of the next round**: chosen by the facilitator, or by default the items whose
  consensus is below the threshold set in advance (:func:`panel.consensus.without_consensus`:
  S* of a node, IQR and the share within one step of the median of a scored item).
* **Feedback** per item, from the round just closed: the group median, quartiles and IQR
  (per pair of a node, per scored cell) and the comments experts wrote on it, anonymised
  (no names, sorted by text so their order says nothing about who wrote them). Each expert
  sees it beside their own previous answer.
* **Stability** between two rounds, measured apart from consensus (von der Gracht 2012): the
  share of answers that moved, over the answers an expert gave in both rounds
  (:func:`methods.group.stability`; judgments on the steps of Saaty's scale).

References
----------
von der Gracht, H.A. (2012). Consensus measurement in Delphi studies. *Technological
Forecasting and Social Change* 79(8), 1525–1536.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

import numpy as np

from clusterrank.errors import ClusterRankError, ConfigurationError
from clusterrank.i18n import _
from clusterrank.methods.group import stability, summarize_scores
from clusterrank.panel.answers import Answers, finite
from clusterrank.panel.questionnaire import Questionnaire, node_key, score_key


def check_items(q: Questionnaire, items: Sequence[str]) -> list[str]:
    """Item keys (or shorthands) the facilitator named, checked against the questionnaire.

    Accepted: an item key (``judgments:groups``, ``scores:crit:cand``), a node id
    (``groups``), a scored criterion id (every candidate on it).
    """
    known = set(q.item_keys)
    out: list[str] = []
    for raw in items:
        item = raw.strip()
        if item in known:
            out.append(item)
        elif node_key(item) in known:
            out.append(node_key(item))
        elif any(c.id == item for c in q.scored):
            out += [score_key(item, cand) for cand in q.candidates]
        else:
            nodes = ", ".join(n.id for n in q.nodes) or _("none")
            crits = ", ".join(c.id for c in q.scored) or _("none")
            msg = _(
                "no item {item} in this panel: name a node ({nodes}), a scored criterion "
                "({criteria}) or an item key such as scores:CRITERION:CANDIDATE"
            ).format(item=repr(item), nodes=nodes, criteria=crits)
            raise ConfigurationError(msg)
    return list(dict.fromkeys(out))


def _quartiles(values: np.ndarray) -> dict[str, float | None]:
    s = summarize_scores(values[:, None])
    return {
        "median": finite(float(s.median[0])),
        "q1": finite(float(s.q1[0])),
        "q3": finite(float(s.q3[0])),
        "iqr": finite(float(s.iqr[0])),
        "answered": int(s.answered[0]),
    }


def feedback(
    q: Questionnaire, answers: Answers, items: Collection[str], experts: Sequence[str]
) -> dict[str, Any]:
    """What experts see beside their answers in the next round (see the module docstring)."""
    out: dict[str, Any] = {}
    for node in q.nodes:
        if node.key not in items:
            continue
        pairs = []
        for a, b in node.pairs:
            vals = np.array(
                [answers.judgments.get((e, node.id), {}).get((a, b), np.nan) for e in experts]
            )
            if np.isnan(vals).all():
                continue
            pairs.append({"row": a, "column": b, **_quartiles(vals)})
        out[node.key] = {"pairs": pairs, "comments": _comments(answers, node.key)}
    for crit in q.scored:
        for cand in q.candidates:
            key = score_key(crit.id, cand)
            if key not in items:
                continue
            raw = [answers.scores.get((e, crit.id, cand), np.nan) for e in experts]
            vals = np.array([np.nan if v is None else v for v in raw], dtype=float)
            entry: dict[str, Any] = {"comments": _comments(answers, key)}
            if not np.isnan(vals).all():
                entry.update(_quartiles(vals))
            out[key] = entry
    return {"from_round": answers.round_number, "items": out}


def _comments(answers: Answers, key: str) -> list[str]:
    return sorted(t for (_, k), t in answers.comments.items() if k == key and t.strip())


def _judgment_arrays(
    q: Questionnaire,
    before: Answers,
    after: Answers,
    experts: Sequence[str],
    items: Collection[str],
) -> tuple[np.ndarray, np.ndarray]:
    cols = [(n.id, p) for n in q.nodes if n.key in items for p in n.pairs]
    a = np.full((len(experts), len(cols)), np.nan)
    b = np.full_like(a, np.nan)
    for k, e in enumerate(experts):
        for j, (node, pair) in enumerate(cols):
            a[k, j] = before.judgments.get((e, node), {}).get(pair, np.nan)
            b[k, j] = after.judgments.get((e, node), {}).get(pair, np.nan)
    return a, b


def _score_arrays(
    q: Questionnaire,
    before: Answers,
    after: Answers,
    experts: Sequence[str],
    items: Collection[str],
) -> tuple[np.ndarray, np.ndarray]:
    cols = [
        (c.id, cand) for c in q.scored for cand in q.candidates if score_key(c.id, cand) in items
    ]
    a = np.full((len(experts), len(cols)), np.nan)
    b = np.full_like(a, np.nan)
    for k, e in enumerate(experts):
        for j, (crit, cand) in enumerate(cols):
            x, y = before.scores.get((e, crit, cand)), after.scores.get((e, crit, cand))
            a[k, j] = np.nan if x is None else x
            b[k, j] = np.nan if y is None else y
    return a, b


def stability_json(
    q: Questionnaire,
    before: Answers,
    after: Answers,
    experts: Sequence[str],
    items: Collection[str],
) -> dict[str, Any]:
    """Share of answers that moved between two rounds, for judgments and for scores."""
    out: dict[str, Any] = {"items": sorted(items)}
    for kind, arrays, scale in (
        ("judgments", _judgment_arrays(q, before, after, experts, items), "saaty_steps"),
        ("scores", _score_arrays(q, before, after, experts, items), "value"),
    ):
        a, b = arrays
        if a.size == 0:
            continue
        try:
            s = stability(a, b, scale=scale)
        except ClusterRankError as exc:
            out[kind] = {"note": str(exc)}
            continue
        out[kind] = {
            "compared": s.overall_compared,
            "moved": s.overall_moved,
            "moved_share": s.overall_moved_share,
            "mean_change": s.overall_mean_change,
            "scale": s.scale,
        }
    return out
