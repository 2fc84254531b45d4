"""The report's expert panel: the panel's scenario, and its round, aggregation and consensus.

A panel's result (``panel.results.compute_result``'s payload) is applied to the panel's
scenario snapshot as ``clusterrank panel apply`` does, so the report ranks with the panel's
weights (and expert scores) exactly as ``clusterrank rank`` of the applied file would.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from clusterrank.criteria.models.scenario import Scenario
from clusterrank.i18n import _, formats
from clusterrank.panel.apply import applied_scenario
from clusterrank.panel.snapshot import load_snapshot
from clusterrank.reports.decision.model import PanelPart, Table


def panel_scenario(scenario_yaml: str, payload: Mapping[str, Any]) -> Scenario:
    """The panel's scenario snapshot with its result applied (weights, expert scores)."""
    text = applied_scenario(scenario_yaml, payload)
    return load_snapshot(text, _("panel {panel} result").format(panel=payload.get("panel")))


def panel_part(payload: Mapping[str, Any]) -> PanelPart:
    """Round, aggregation, expert weights and consensus of a panel's result."""
    consensus: Mapping[str, Any] = payload.get("consensus") or {}
    s_star: Mapping[str, Any] = consensus.get("s_star") or {}
    words: Mapping[str, Any] = consensus.get("s_star_word") or {}
    threshold = consensus.get("threshold")
    rows = tuple(
        (
            str(node),
            None if value is None else float(value),
            str(words.get(node, "")),
            "" if value is None or threshold is None else _reached(float(value), threshold),
        )
        for node, value in s_star.items()
    )
    w = consensus.get("kendall_w")
    p = consensus.get("kendall_p")
    if w is None:
        kendall = _(
            "Kendall's W (agreement of the experts' scores, 0 none to 1 full): not computed"
        )
    elif p is None:
        kendall = _("Kendall's W (agreement of the experts' scores, 0 none to 1 full): {w}").format(
            w=formats.number(float(w), 2)
        )
    else:
        kendall = _(
            "Kendall's W (agreement of the experts' scores, 0 none to 1 full): {w}, p = {p}"
        ).format(w=formats.number(float(w), 2), p=formats.number(float(p), 3))
    experts = payload.get("experts") or []
    return PanelPart(
        panel=str(payload.get("panel", "")),
        title=str(payload.get("title") or ""),
        round=int(payload.get("round") or 1),
        aggregation=str(payload.get("aggregation", "")).upper(),
        expert_weights=str((payload.get("expert_weights") or {}).get("scheme", "")),
        experts=sum(1 for e in experts if e.get("answered")),
        snapshot=str(payload.get("snapshot") or ""),
        illustrative=bool(payload.get("illustrative")),
        consensus=Table(
            (_("judgments"), _("S* (consensus, 0..1)"), _("in words"), _("threshold")), rows
        ),
        kendall=kendall,
        without_consensus=tuple(str(i) for i in consensus.get("items_without_consensus") or ()),
    )


def _reached(value: float, threshold: Any) -> str:
    t = float(threshold)
    said = f"{t:g}".replace(".", formats.decimal_mark())
    return (
        _("reached (≥ {threshold})").format(threshold=said)
        if value >= t
        else _("below {threshold}").format(threshold=said)
    )
