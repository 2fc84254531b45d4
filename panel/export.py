"""Everything a panel holds, as plain tables for a workbook.

Answers, comments, rounds, submissions, experts (no secrets), result snapshots, the audit log and
the settings.

Rows are plain dictionaries; the command line turns them into sheets and writes them
through the one cell-neutralising writer (``reports.cells``), so an expert's comment that
starts with ``=`` is shown, never run.
"""

from __future__ import annotations

import json
from typing import Any

from clusterrank.panel.service import PanelState, round_answer_sets
from clusterrank.store import FacilitatorAccess, Store, list_audit, list_results

Table = list[dict[str, Any]]


def _when(value: Any) -> str:
    return "" if value is None else value.isoformat(timespec="seconds")


def export_tables(db: Store, access: FacilitatorAccess, st: PanelState) -> dict[str, Table]:
    """Sheet name -> rows (see the module docstring)."""
    sets = round_answer_sets(db, access, st.info.current_round)
    with db.reader() as s:
        results = list_results(s, access)
        audit = list_audit(s, access)
    info = st.info
    settings: Table = [
        {"setting": "panel", "value": info.panel_id},
        {"setting": "title", "value": info.title},
        {"setting": "status", "value": info.status},
        {"setting": "current round", "value": info.current_round},
        {"setting": "created", "value": _when(info.created_at)},
        {"setting": "scenario", "value": st.scenario.id},
        {"setting": "scenario sha256", "value": info.scenario_sha256},
        {"setting": "asked", "value": json.dumps(info.asked, ensure_ascii=False)},
        *(
            {"setting": k, "value": json.dumps(v, ensure_ascii=False)}
            for k, v in st.settings.to_json().items()
        ),
    ]
    experts: Table = [
        {
            "id": e.ref,
            "name": e.name,
            "group": e.group or "",
            "weight": e.weight,
            "revoked": e.revoked,
            "invited": _when(e.created_at),
        }
        for e in st.experts
    ]
    rounds: Table = [
        {
            "round": r.number,
            "opened": _when(r.opened_at),
            "closed": _when(r.closed_at),
            "items": ", ".join(r.items or []),
            "feedback": json.dumps(r.feedback, ensure_ascii=False) if r.feedback else "",
        }
        for r in st.rounds
    ]
    judgments: Table = []
    scores: Table = []
    comments: Table = []
    submissions: Table = []
    for answers in sets:
        n = answers.round_number
        judgments += [
            {
                "round": n,
                "expert": j.expert,
                "node": j.node,
                "row": j.row,
                "column": j.column,
                "value": j.value,
                "version": j.version,
                "saved": _when(j.updated_at),
            }
            for j in answers.judgments
        ]
        scores += [
            {
                "round": n,
                "expert": x.expert,
                "criterion": x.criterion,
                "candidate": x.candidate,
                "score": x.value,
                "abstain": x.abstain,
                "version": x.version,
                "saved": _when(x.updated_at),
            }
            for x in answers.scores
        ]
        comments += [
            {"round": n, "expert": c.expert, "item": c.item_key, "comment": c.text}
            for c in answers.comments
        ]
        submissions += [
            {"round": n, "expert": ref, "submitted": _when(at)}
            for ref, at in answers.submitted.items()
        ]
    snapshots: Table = [
        {
            "snapshot": r.snapshot_id,
            "round": r.round_number,
            "computed": _when(r.created_at),
            "aggregation": (r.payload or {}).get("aggregation", ""),
            "result (JSON)": json.dumps(r.payload, ensure_ascii=False),
        }
        for r in results
    ]
    log: Table = [
        {
            "at": _when(a.at),
            "actor": a.actor,
            "action": a.action,
            "detail": json.dumps(a.detail, ensure_ascii=False),
        }
        for a in audit
    ]
    return {
        "settings": settings,
        "experts": experts,
        "rounds": rounds,
        "judgments": judgments,
        "scores": scores,
        "comments": comments,
        "submissions": submissions,
        "results": snapshots,
        "audit": log,
    }


def result_tables(payload: dict[str, Any]) -> dict[str, Table]:
    """The latest result as readable sheets: weights, scores, ranking."""
    local = payload.get("local_weights", {})
    weights = [
        {"criterion": c, "weight": w, "local_weight": local.get(c)}
        for c, w in payload.get("weights", {}).items()
    ]
    weights += [
        {"criterion": f"group {g}", "weight": w, "local_weight": None}
        for g, w in payload.get("group_weights", {}).items()
    ]
    ranking = list(payload.get("ranking", []))
    scores: Table = []
    for crit, by in (payload.get("score_summary") or {}).items():
        for cand, stats in by.items():
            scores.append(
                {
                    "criterion": crit,
                    "candidate": cand,
                    "value": (payload.get("scores") or {}).get(crit, {}).get(cand),
                    **stats,
                }
            )
    out = {"result weights": weights, "result ranking": ranking}
    if scores:
        out["result scores"] = scores
    return out


def panel_sheets(db: Store, access: FacilitatorAccess, st: PanelState) -> dict[str, Table]:
    """Every table of the panel workbook: what it holds, and its current result if any."""
    from clusterrank.errors import ConfigurationError
    from clusterrank.panel.actions import current_result

    tables = export_tables(db, access, st)
    try:
        latest = current_result(db, access)
    except ConfigurationError as exc:  # nobody answered yet: export the rest
        tables["settings"].append({"setting": "result", "value": f"none ({exc})"})
        return tables
    tables.update(result_tables(latest))
    return tables
