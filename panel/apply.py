"""A panel's result applied to its scenario: a scenario YAML that ranks like any other.

From the panel's scenario snapshot (self-contained), with:

* **weights** — AIJ: ``mode: ahp`` with the aggregated judgment matrices (rounded to six
  significant digits; the panel's derivation, RI table and completion), when every node the
  scenario needs has judgments (the panel's, or the scenario's own AHP ones); otherwise, and
  always for AIP, ``mode: direct`` with the panel's group and local weights.
* **scores** — the aggregated score of each candidate on each expert-scored criterion the
  panel asked, as inline ``data.values``, each with its provenance.
* **provenance** — the panel id and title, the round, the aggregation and the date, in the
  description and the file's header; illustrative panels are marked so everywhere.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import date
from typing import Any

from clusterrank.criteria.models.scenario import AHPWeights, Scenario
from clusterrank.errors import ValidationFailed
from clusterrank.i18n import _
from clusterrank.panel.questionnaire import GROUPS_NODE
from clusterrank.panel.results import ILLUSTRATIVE
from clusterrank.panel.snapshot import dump_yaml, load_snapshot, snapshot_dict


def _round6(x: float) -> float:
    return float(f"{x:.6g}")


def _judgment_block(priorities_matrix: Any, items: tuple[str, ...]) -> dict[str, Any]:
    triples = []
    n = len(items)
    for i in range(n):
        for j in range(i + 1, n):
            v = float(priorities_matrix[i][j])
            if math.isfinite(v):
                triples.append([items[i], items[j], _round6(v)])
    return {"judgments": triples}


def _ahp_weights(scenario: Scenario, nodes: Mapping[str, Any]) -> dict[str, Any] | None:
    """``mode: ahp`` weights from the aggregated matrices, or None when a node is uncovered."""
    cs = scenario.criteria_set
    own = scenario.weights if isinstance(scenario.weights, AHPWeights) else None
    matrices = {k: v["matrix"] for k, v in nodes.items() if v and v.get("matrix")}
    out: dict[str, Any] = {"mode": "ahp", "criteria": {}}
    if len(cs.groups) > 1:
        if GROUPS_NODE in matrices:
            out["groups"] = _judgment_block(matrices[GROUPS_NODE], cs.group_ids)
        elif own is not None and own.groups is not None:
            out["groups"] = own.groups.model_dump(mode="json", exclude_none=True)
        else:
            return None
    for g in cs.groups:
        if len(g.criteria) < 2:
            continue
        ids = tuple(c.id for c in g.criteria)
        if g.id in matrices:
            out["criteria"][g.id] = _judgment_block(matrices[g.id], ids)
        elif own is not None and g.id in own.criteria:
            out["criteria"][g.id] = own.criteria[g.id].model_dump(mode="json", exclude_none=True)
        else:
            return None
    return out


def applied_scenario(
    scenario_yaml: str,
    payload: Mapping[str, Any],
    *,
    today: date | None = None,
) -> str:
    """The scenario YAML text of a panel's result (see the module docstring).

    Parameters
    ----------
    scenario_yaml
        The panel's scenario snapshot.
    payload
        The result (:func:`panel.results.compute_result`).
    """
    scenario = load_snapshot(scenario_yaml)
    body = snapshot_dict(scenario)
    when = (today or date.today()).isoformat()
    illustrative = bool(payload.get("illustrative"))
    source = _(
        "expert panel {panel} ({title}), round {round}, {aggregation}, expert weights "
        "{scheme}, applied {date}"
    ).format(
        panel=payload["panel"],
        title=payload.get("title", ""),
        round=payload["round"],
        aggregation=payload["aggregation"].upper(),
        scheme=payload["expert_weights"]["scheme"],
        date=when,
    )
    direct = {
        "mode": "direct",
        "groups": dict(payload["group_weights"]),
        "criteria": dict(payload["local_weights"]),
    }
    weights: dict[str, Any] | None = None
    if payload["aggregation"] == "aij":
        weights = _ahp_weights(scenario, payload.get("nodes") or {})
        if weights is not None:
            st = payload["settings"]
            weights.update(
                derivation=st["derivation"],
                random_index=st["random_index"],
                completion=st["completion"],
            )
    body["weights"] = weights or direct
    scores = payload.get("scores") or {}
    values: dict[str, dict[str, Any]] = body["data"]["values"]
    provenance: dict[str, Any] = body["data"].setdefault("provenance", {})
    how = payload["settings"]["score_aggregation"]
    for crit, by_cand in scores.items():
        for cand, value in by_cand.items():
            values.setdefault(cand, {})[crit] = value
        provenance[crit] = {
            "source": _("{aggregation} of the experts' scores: {source}").format(
                aggregation=how, source=source
            ),
            "illustrative": illustrative,
        }
    body["id"] = f"{scenario.id}_panel_{payload['panel']}"
    body["title"], body["description"], header = _texts(scenario, source, illustrative, scores)
    text = dump_yaml(body, header)
    name = _("applied panel scenario")
    try:
        load_snapshot(text, name)  # the file must load as written
    except ValidationFailed:
        if body["weights"] is direct:
            raise
        body["weights"] = direct  # e.g. a completed judgment beyond Saaty's scale
        text = dump_yaml(body, header)
        load_snapshot(text, name)
    return text


def _texts(
    scenario: Scenario, source: str, illustrative: bool, scores: dict[str, Any]
) -> tuple[str, str, str]:
    """The applied scenario's title, description and header comment."""
    label = _("{title} — panel result").format(title=scenario.title or scenario.id)
    if illustrative:
        label = _("ILLUSTRATIVE — {title}").format(title=label)
    said = _("Weights and expert scores from {source}.") if scores else _("Weights from {source}.")
    based = _("Based on scenario {scenario}: {description}").format(
        scenario=repr(scenario.id), description=scenario.description or scenario.title or ""
    )
    lead = f"{_(ILLUSTRATIVE)}. " if illustrative else ""
    description = f"{lead}{said.format(source=source)} {based}".strip()
    header = (
        "# "
        + _("Scenario applied from {source}.").format(source=source)
        + "\n"
        + (f"# {_(ILLUSTRATIVE)}.\n" if illustrative else "")
        + "# "
        + _("Made by `clusterrank panel apply`; rank it with `clusterrank rank FILE`.")
        + "\n"
    )
    return label, description, header
