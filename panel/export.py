"""Everything a panel holds, as plain tables for a workbook.

Answers, comments, rounds, submissions, experts (no secrets), result snapshots, the audit log and
the settings.

Rows are plain dictionaries; the command line and the Panel page turn them into sheets and
write them through the one cell-neutralising writer (``reports.cells``), so an expert's
comment that starts with ``=`` is shown, never run. The tables are built with English ids;
:func:`panel_sheets` names the sheets, the columns and the panel's own settings in the
current language (the values, setting names of :class:`panel.settings.PanelSettings` and ids
stay as they are).
"""

from __future__ import annotations

import json
from typing import Any

from clusterrank.i18n import _, pgettext
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


def sheet_names() -> dict[str, str]:
    """Sheet id -> the sheet's name in the current language (31 characters at most)."""
    return {
        "settings": pgettext("sheet", "settings"),
        "experts": pgettext("sheet", "experts"),
        "rounds": pgettext("sheet", "rounds"),
        "judgments": pgettext("sheet", "judgments"),
        "scores": pgettext("sheet", "scores"),
        "comments": pgettext("sheet", "comments"),
        "submissions": pgettext("sheet", "submissions"),
        "results": pgettext("sheet", "results"),
        "audit": pgettext("sheet", "audit"),
        "result weights": pgettext("sheet", "result weights"),
        "result ranking": pgettext("sheet", "result ranking"),
        "result scores": pgettext("sheet", "result scores"),
    }


def column_names() -> dict[str, str]:
    """Column id -> its heading in the current language."""
    return {
        "setting": pgettext("column", "setting"),
        "value": pgettext("column", "value"),
        "id": pgettext("column", "id"),
        "name": pgettext("column", "name"),
        "group": pgettext("column", "group"),
        "weight": pgettext("column", "weight"),
        "revoked": pgettext("column", "revoked"),
        "invited": pgettext("column", "invited"),
        "round": pgettext("column", "round"),
        "opened": pgettext("column", "opened"),
        "closed": pgettext("column", "closed"),
        "items": pgettext("column", "items"),
        "feedback": pgettext("column", "feedback"),
        "expert": pgettext("column", "expert"),
        "node": pgettext("column", "node"),
        "row": pgettext("column", "row"),
        "column": pgettext("column", "column"),
        "version": pgettext("column", "version"),
        "saved": pgettext("column", "saved"),
        "criterion": pgettext("column", "criterion"),
        "candidate": pgettext("column", "candidate"),
        "score": pgettext("column", "score"),
        "abstain": pgettext("column", "abstain"),
        "item": pgettext("column", "item"),
        "comment": pgettext("column", "comment"),
        "submitted": pgettext("column", "submitted"),
        "snapshot": pgettext("column", "snapshot"),
        "computed": pgettext("column", "computed"),
        "aggregation": pgettext("column", "aggregation"),
        "result (JSON)": pgettext("column", "result (JSON)"),
        "at": pgettext("column", "at"),
        "actor": pgettext("column", "actor"),
        "action": pgettext("column", "action"),
        "detail": pgettext("column", "detail"),
        "local_weight": pgettext("column", "local_weight"),
        "rank": pgettext("column", "rank"),
        "median": pgettext("column", "median"),
        "q1": pgettext("column", "q1"),
        "q3": pgettext("column", "q3"),
        "iqr": pgettext("column", "iqr"),
        "within_one_step": pgettext("column", "within_one_step"),
        "answered": pgettext("column", "answered"),
        "abstained": pgettext("column", "abstained"),
        "missing": pgettext("column", "missing"),
    }


def setting_names() -> dict[str, str]:
    """The panel's own rows of the settings sheet, in the current language."""
    return {
        "panel": pgettext("panel setting", "panel"),
        "title": pgettext("panel setting", "title"),
        "status": pgettext("panel setting", "status"),
        "current round": pgettext("panel setting", "current round"),
        "created": pgettext("panel setting", "created"),
        "scenario": pgettext("panel setting", "scenario"),
        "scenario sha256": pgettext("panel setting", "scenario sha256"),
        "asked": pgettext("panel setting", "asked"),
        "result": pgettext("panel setting", "result"),
    }


def headed(tables: dict[str, Table]) -> dict[str, Table]:
    """``tables`` with sheet names, column headings and the panel's settings translated."""
    sheets, heads, settings = sheet_names(), column_names(), setting_names()
    out: dict[str, Table] = {}
    for name, rows in tables.items():
        if name == "settings":
            rows = [{**r, "setting": settings.get(r["setting"], r["setting"])} for r in rows]
        out[sheets.get(name, name)] = [{heads.get(k, k): v for k, v in r.items()} for r in rows]
    return out


def panel_sheets(db: Store, access: FacilitatorAccess, st: PanelState) -> dict[str, Table]:
    """Every table of the panel workbook: what the panel holds, and its current result if any.

    Headed in the current language (:func:`headed`).
    """
    from clusterrank.errors import ConfigurationError
    from clusterrank.panel.actions import current_result

    tables = export_tables(db, access, st)
    try:
        latest = current_result(db, access)
    except ConfigurationError as exc:  # nobody answered yet: export the rest
        none = _("none ({reason})").format(reason=exc)
        tables["settings"].append({"setting": "result", "value": none})
        return headed(tables)
    tables.update(result_tables(latest))
    return headed(tables)
