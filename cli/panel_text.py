"""Plain-text rendering of panel outputs (create, status, results, survey) for a terminal.

Every output names its settings; an illustrative panel says so on its first line.
"""

from __future__ import annotations

from typing import Any

from clusterrank.panel.results import ILLUSTRATIVE as ILLUSTRATIVE_LINE


def _f(x: Any, digits: int = 3) -> str:
    if x is None:
        return "-"
    if isinstance(x, bool):
        return "yes" if x else "no"
    if isinstance(x, float):
        return f"{x:.{digits}f}"
    return str(x)


def _table(header: list[str], rows: list[list[Any]]) -> str:
    cells = [[_f(c) for c in row] for row in rows]
    widths = [
        max(len(h), *(len(r[k]) for r in cells)) if cells else len(h) for k, h in enumerate(header)
    ]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip()]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in cells]
    return "\n".join(lines)


def _head(payload: dict[str, Any]) -> list[str]:
    out = [ILLUSTRATIVE_LINE] if payload.get("illustrative") else []
    return out


def created_text(payload: dict[str, Any], made: Any) -> str:
    """The text shown after ``panel create``.

    It holds the key, what round 1 asks, the settings and the experts' links.
    """
    q = made.questionnaire
    lines = _head(payload)
    lines += [
        f"panel {payload['panel']} created: {payload['title']}",
        f"facilitator key: {payload['facilitator_key']}",
        "  (shown once; keep it secret; give it with --key or CLUSTERRANK_PANEL_KEY)",
        "asks, in round 1:",
    ]
    lines += [
        f"  - judgments at {n.id}: {len(n.pairs)} pair(s) of {', '.join(n.items)}" for n in q.nodes
    ]
    lines += [
        f"  - scores of {len(q.candidates)} candidates on {c.id} "
        f"(scale {c.min:g}..{c.max:g}{'; anchors ' if c.anchors else ''}"
        + "; ".join(f"{p:g} = {t}" for p, t in c.anchors)
        + ")"
        for c in q.scored
    ]
    s = payload["settings"]
    lines.append(
        f"settings: aggregation {s['aggregation']}, {s['derivation']}, RI {s['random_index']}, "
        f"completion {s['completion']}, expert weights {s['expert_weights']}, scores "
        f"{s['score_aggregation']}, consensus threshold {s['threshold']:g}"
    )
    lines.append("personal links (send each expert their own; shown once):")
    lines.append(
        _table(
            ["id", "name", "link"], [[e["id"], e["name"], e["link"]] for e in payload["experts"]]
        )
    )
    return "\n".join(lines)


def status_text(payload: dict[str, Any]) -> str:
    """The text of ``panel status``: one row per expert, then advice on inconsistent judgments."""
    lines = _head(payload)
    state = "open" if payload["round_open"] else "closed"
    lines.append(
        f"panel {payload['panel']}: {payload['title']} ({payload['status']}), "
        f"round {payload['round']} ({state}), items: {', '.join(payload['items'])}"
    )
    rows = []
    advice: list[str] = []
    for e in payload["experts"]:
        crs = ", ".join(
            f"{n} {_f(v.get('cr'))}" + ("" if v.get("acceptable", True) else " (>0.10)")
            for n, v in e["nodes"].items()
        )
        rows.append(
            [
                e["id"],
                e["name"],
                e["group"] or "",
                f"{e['answered_this_round']}/{e['asked_this_round']}",
                e["submitted"],
                e["revoked"],
                crs or "-",
            ]
        )
        for n, v in e["nodes"].items():
            advice += [f"{e['id']} at {n}: {fix}" for fix in v.get("revise", [])]
            if v.get("problem"):
                advice.append(f"{e['id']} at {n}: {v['problem']}")
    lines.append(_table(["id", "name", "group", "answered", "submitted", "revoked", "CR"], rows))
    s = payload["settings"]
    lines.append(
        f"CR: {s['derivation']}, RI table {s['random_index']}, completion {s['completion']}, "
        f"acceptable at <= {s['cr_threshold']:g}"
    )
    if advice:
        lines.append("judgments that raise CR most (suggest a revision to the expert):")
        lines += [f"  - {a}" for a in advice]
    return "\n".join(lines)


def _ranking(rows: list[dict[str, Any]]) -> str:
    return _table(
        ["rank", "candidate", "score", "name"],
        [[r["rank"], r["candidate"], r["score"], r["name"]] for r in rows],
    )


def results_text(p: dict[str, Any]) -> str:
    """The text of ``panel results``.

    It holds the settings, experts, weights, scores, ranking, consensus and notes.
    """
    lines = _head(p)
    s = p["settings"]
    lines.append(
        f"panel {p['panel']}: {p['title']}, round {p['round']}, result snapshot "
        f"{p.get('snapshot', '-')}"
    )
    lines.append(
        f"settings: aggregation {p['aggregation']}"
        + (f" ({s['aip_mean']} mean)" if p["aggregation"] == "aip" else "")
        + f", {s['derivation']}, RI {s['random_index']}, completion {s['completion']}; "
        f"expert weights {p['expert_weights']['scheme']}; scores {s['score_aggregation']}"
        + (f" (trim {s['trim']:g})" if s["score_aggregation"] == "trimmed_mean" else "")
        + f"; method {s['method']['name']}; consensus threshold {s['threshold']:g}"
    )
    lines.append("experts:")
    lines.append(
        _table(
            ["id", "answered", "submitted", "weight", "CR", "GCI"],
            [
                [
                    e["id"],
                    e["answered"],
                    e["submitted"],
                    e["weight"],
                    ", ".join(f"{n} {v:.3f}" for n, v in e["cr"].items()) or "-",
                    ", ".join(f"{n} {v:.3f}" for n, v in e["gci"].items()) or "-",
                ]
                for e in p["experts"]
            ],
        )
    )
    lines.append("criterion weights (global = group × local):")
    lines.append(
        _table(
            ["criterion", "weight", "local"],
            [[c, w, p["local_weights"].get(c)] for c, w in p["weights"].items()],
        )
    )
    lines.append(
        "group weights: " + ", ".join(f"{g} {w:.3f}" for g, w in p["group_weights"].items())
    )
    if p.get("scores"):
        lines.append("scores (aggregate; IQR; share within one step of the median):")
        rows = [
            [
                c,
                cand,
                v,
                p["score_summary"][c][cand]["iqr"],
                p["score_summary"][c][cand]["within_one_step"],
                p["score_summary"][c][cand]["answered"],
                p["score_summary"][c][cand]["abstained"],
            ]
            for c, by in p["scores"].items()
            for cand, v in by.items()
        ]
        lines.append(
            _table(["criterion", "candidate", "value", "IQR", "within1", "n", "abstained"], rows)
        )
    lines.append("ranking:")
    lines.append(_ranking(p["ranking"]))
    if "equal_weights" in p:
        lines.append("the same with EQUAL expert weights (shown beside the weighted result):")
        lines.append(_ranking(p["equal_weights"]["ranking"]))
        lines.append(
            "  weights: "
            + ", ".join(f"{c} {w:.3f}" for c, w in p["equal_weights"]["weights"].items())
        )
    c = p["consensus"]
    lines.append("consensus:")
    for node, v in c["s_star"].items():
        lines.append(f"  S* at {node}: {v:.3f} ({c['s_star_word'][node]}; Goepel 2018)")
    k = c["kendall"]
    if "w" in k:
        lines.append(
            f"  Kendall's W over the experts' own rankings: {k['w']:.3f} (chi2 {k['chi2']:.2f}, "
            f"df {k['df']}, p {k['p']:.4g}; m {k['m']} experts, n {k['n']} candidates; tie "
            f"correction {k['tie_correction']:g}; filled-in score cells {k['filled_score_cells']},"
            f" nodes taken from the panel {k['filled_nodes']})"
        )
        lines += [f"    note: {n}" for n in k.get("notes", [])]
    else:
        lines.append(f"  Kendall's W: {k.get('note')}")
    low = c["items_without_consensus"]
    lines.append(
        f"  items below the consensus threshold {c['threshold']:g}: "
        + (", ".join(low) if low else "none")
    )
    lines += _robustness(p["robustness"])
    if "stability" in p:
        st = p["stability"]
        for kind in ("judgments", "scores"):
            if kind in st and "moved_share" in st[kind]:
                v = st[kind]
                lines.append(
                    f"stability since the last round ({kind}): {v['moved']} of {v['compared']} "
                    f"answers moved ({v['moved_share']:.0%}; mean change {v['mean_change']:.3g} "
                    f"{v['scale']})"
                )
    notes = [*p.get("notes", []), *p.get("weight_notes", []), *p.get("score_notes", [])]
    if notes:
        lines.append("notes:")
        lines += [f"  - {n}" for n in notes]
    return "\n".join(lines)


def _robustness(r: dict[str, Any]) -> list[str]:
    lines = ["robustness to who sits on the panel:"]
    loo = r["leave_one_out"]
    if "experts" in loo:
        changed = [e["left_out"] for e in loo["experts"] if e["winner_changed"]]
        top = [e["left_out"] for e in loo["experts"] if e["top_changed"]]
        win = f"changes without {', '.join(changed)}" if changed else "never changes"
        tops = f"changes without {', '.join(top)}" if top else "never changes"
        most = ", ".join(loo["most_influential"]) or "nobody (no absence moves it)"
        lines.append(
            f"  leave one expert out: the winner {win}; the top {loo['top_k']} {tops}; "
            f"the expert whose absence moves the ranking most: {most}"
        )
    else:
        lines.append(f"  leave one expert out: {loo.get('note')}")
    b = r["bootstrap"]
    if "rank_acceptability" in b:
        st = b["settings"]
        lines.append(
            f"  bootstrap over experts ({st['resamples']} resamples, seed {st['seed']}): winner "
            f"kept in {b['winner_kept']:.0%}, top {st['top_k']} kept in {b['top_kept']:.0%}; "
            "rank acceptability (share of resamples at rank 1, 2, ...):"
        )
        for cand, shares in b["rank_acceptability"].items():
            lines.append(f"    {cand}: " + " ".join(f"{x:.2f}" for x in shares))
    else:
        lines.append(f"  bootstrap: {b.get('note')}")
    return lines


def survey_text(p: dict[str, Any]) -> str:
    """The text of ``panel survey``: one row per factor with its distribution and spread."""
    lines = [f"{p['title']} ({p['respondents']} respondents)", f"source: {p['source']}"]
    s = p["settings"]
    lines.append(f"coding {s['coding']}; {s['weights']}; quantiles {s['quantiles']}")
    lines.append(f"order: {s['order']}")
    levels = p["levels"]
    rows = [
        [
            it["rank"],
            it["id"],
            *(f"{it['distribution'][lv]:g}" for lv in levels),
            it["median_level"],
            f"{it['top_two_share']:.0%}",
            it["iqr"],
            f"{it['within_one_level']:.0%}",
        ]
        for it in p["items"]
    ]
    lines.append(
        _table(
            ["#", "factor", *(f"{lv} %" for lv in levels), "median", "top two", "IQR", "within 1"],
            rows,
        )
    )
    if p.get("source_claim"):
        lines.append(f"the source says: {p['source_claim']}")
    return "\n".join(lines)
