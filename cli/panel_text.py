"""Plain-text rendering of panel outputs (create, status, results, survey) for a terminal.

Every output names its settings; an illustrative panel says so on its first line.
"""

from __future__ import annotations

from typing import Any

from clusterrank.cli.output import heading, number_text, percent_text
from clusterrank.i18n import _, ngettext
from clusterrank.panel.results import ILLUSTRATIVE as ILLUSTRATIVE_LINE


def _f(x: Any, digits: int = 3) -> str:
    if x is None:
        return "-"
    if isinstance(x, bool):
        return _("yes") if x else _("no")
    if isinstance(x, float):
        return number_text(x, f".{digits}f")
    return str(x)


def _g(x: float) -> str:
    """``x`` as ``{:g}`` writes it, with the language's decimal mark."""
    return number_text(x, "g")


def _table(header: list[str], rows: list[list[Any]]) -> str:
    header = [heading(h) for h in header]
    cells = [[_f(c) for c in row] for row in rows]
    widths = [
        max(len(h), *(len(r[k]) for r in cells)) if cells else len(h) for k, h in enumerate(header)
    ]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip()]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in cells]
    return "\n".join(lines)


def _head(payload: dict[str, Any]) -> list[str]:
    out = [_(ILLUSTRATIVE_LINE)] if payload.get("illustrative") else []
    return out


def created_text(payload: dict[str, Any], made: Any) -> str:
    """The text shown after ``panel create``.

    It holds the key, what round 1 asks, the settings and the experts' links.
    """
    q = made.questionnaire
    lines = _head(payload)
    lines += [
        _("panel {panel} created: {title}").format(panel=payload["panel"], title=payload["title"]),
        _("facilitator key: {key}").format(key=payload["facilitator_key"]),
        "  " + _("(shown once; keep it secret; give it with --key or CLUSTERRANK_PANEL_KEY)"),
        _("asks, in round 1:"),
    ]
    lines += [
        "  - "
        + ngettext(
            "judgments at {node}: {n} pair of {items}",
            "judgments at {node}: {n} pairs of {items}",
            len(n.pairs),
        ).format(node=n.id, n=len(n.pairs), items=", ".join(n.items))
        for n in q.nodes
    ]
    lines += ["  - " + _scored_line(c, len(q.candidates)) for c in q.scored]
    s = payload["settings"]
    lines.append(
        _(
            "settings: aggregation {aggregation}, {derivation}, RI {random_index}, "
            "completion {completion}, expert weights {expert_weights}, scores "
            "{score_aggregation}, consensus threshold {threshold}"
        ).format(
            aggregation=s["aggregation"],
            derivation=s["derivation"],
            random_index=s["random_index"],
            completion=s["completion"],
            expert_weights=s["expert_weights"],
            score_aggregation=s["score_aggregation"],
            threshold=_g(s["threshold"]),
        )
    )
    lines.append(_("personal links (send each expert their own; shown once):"))
    lines.append(
        _table(
            ["id", "name", "link"], [[e["id"], e["name"], e["link"]] for e in payload["experts"]]
        )
    )
    return "\n".join(lines)


def _scored_line(c: Any, candidates: int) -> str:
    """What round 1 asks of a scored criterion: its scale and anchors."""
    scale = f"{_g(c.min)}..{_g(c.max)}"
    if not c.anchors:
        return _("scores of {n} candidates on {criterion} (scale {scale})").format(
            n=candidates, criterion=c.id, scale=scale
        )
    anchors = "; ".join(f"{_g(p)} = {t}" for p, t in c.anchors)
    return _("scores of {n} candidates on {criterion} (scale {scale}; anchors {anchors})").format(
        n=candidates, criterion=c.id, scale=scale, anchors=anchors
    )


def status_text(payload: dict[str, Any]) -> str:
    """The text of ``panel status``: one row per expert, then advice on inconsistent judgments."""
    lines = _head(payload)
    if payload["round_open"]:
        text = _("panel {panel}: {title} ({status}), round {round} (open), items: {items}")
    else:
        text = _("panel {panel}: {title} ({status}), round {round} (closed), items: {items}")
    lines.append(
        text.format(
            panel=payload["panel"],
            title=payload["title"],
            status=_status_word(payload["status"]),
            round=payload["round"],
            items=", ".join(payload["items"]),
        )
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
            at = _("{expert} at {node}: {advice}")
            advice += [at.format(expert=e["id"], node=n, advice=fix) for fix in v.get("revise", [])]
            if v.get("problem"):
                advice.append(at.format(expert=e["id"], node=n, advice=v["problem"]))
    lines.append(_table(["id", "name", "group", "answered", "submitted", "revoked", "CR"], rows))
    s = payload["settings"]
    lines.append(
        _(
            "CR: {derivation}, RI table {random_index}, completion {completion}, "
            "acceptable at <= {threshold}"
        ).format(
            derivation=s["derivation"],
            random_index=s["random_index"],
            completion=s["completion"],
            threshold=_g(s["cr_threshold"]),
        )
    )
    if advice:
        lines.append(_("judgments that raise CR most (suggest a revision to the expert):"))
        lines += [f"  - {a}" for a in advice]
    return "\n".join(lines)


def _status_word(status: str) -> str:
    """A panel's status (``open``, ``closed``) as the text shows it."""
    words = {"open": _("open"), "closed": _("closed"), "archived": _("archived")}
    return words.get(status, status)


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
    lines.append(
        _("panel {panel}: {title}, round {round}, result snapshot {snapshot}").format(
            panel=p["panel"], title=p["title"], round=p["round"], snapshot=p.get("snapshot", "-")
        )
    )
    lines.append(_settings_line(p))
    lines.append(_("experts:"))
    lines.append(
        _table(
            ["id", "answered", "submitted", "weight", "CR", "GCI"],
            [
                [
                    e["id"],
                    e["answered"],
                    e["submitted"],
                    e["weight"],
                    _pairs(e["cr"]) or "-",
                    _pairs(e["gci"]) or "-",
                ]
                for e in p["experts"]
            ],
        )
    )
    lines.append(_("criterion weights (global = group × local):"))
    lines.append(
        _table(
            ["criterion", "weight", "local"],
            [[c, w, p["local_weights"].get(c)] for c, w in p["weights"].items()],
        )
    )
    lines.append(_("group weights: {weights}").format(weights=_pairs(p["group_weights"])))
    if p.get("scores"):
        lines.append(_("scores (aggregate; IQR; share within one step of the median):"))
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
    lines.append(_("ranking:"))
    lines.append(_ranking(p["ranking"]))
    if "equal_weights" in p:
        lines.append(_("the same with EQUAL expert weights (shown beside the weighted result):"))
        lines.append(_ranking(p["equal_weights"]["ranking"]))
        weights = _pairs(p["equal_weights"]["weights"])
        lines.append("  " + _("weights: {weights}").format(weights=weights))
    lines += _consensus(p["consensus"])
    lines += _robustness(p["robustness"])
    lines += _stability(p.get("stability"))
    notes = [*p.get("notes", []), *p.get("weight_notes", []), *p.get("score_notes", [])]
    if notes:
        lines.append(_("notes:"))
        lines += [f"  - {n}" for n in notes]
    return "\n".join(lines)


def _pairs(values: dict[str, float]) -> str:
    """``a 0.500, b 0.500``: names with their numbers (3 decimals)."""
    return ", ".join(f"{name} {number_text(v, '.3f')}" for name, v in values.items())


def _settings_line(p: dict[str, Any]) -> str:
    """Every setting a panel result was computed with, on one line."""
    s = p["settings"]
    if p["aggregation"] == "aip":
        how = _("aggregation {aggregation} ({mean} mean)").format(
            aggregation=p["aggregation"], mean=s["aip_mean"]
        )
    else:
        how = _("aggregation {aggregation}").format(aggregation=p["aggregation"])
    if s["score_aggregation"] == "trimmed_mean":
        scores = _("{aggregation} (trim {trim})").format(
            aggregation=s["score_aggregation"], trim=_g(s["trim"])
        )
    else:
        scores = s["score_aggregation"]
    return _(
        "settings: {how}, {derivation}, RI {random_index}, completion {completion}; "
        "expert weights {scheme}; scores {scores}; method {method}; consensus threshold "
        "{threshold}"
    ).format(
        how=how,
        derivation=s["derivation"],
        random_index=s["random_index"],
        completion=s["completion"],
        scheme=p["expert_weights"]["scheme"],
        scores=scores,
        method=s["method"]["name"],
        threshold=_g(s["threshold"]),
    )


def _consensus(c: dict[str, Any]) -> list[str]:
    """S* per node, Kendall's W and the items below the consensus threshold."""
    lines = [_("consensus:")]
    for node, v in c["s_star"].items():
        text = _("S* at {node}: {value} ({word}; Goepel 2018)")
        lines.append(
            "  " + text.format(node=node, value=number_text(v, ".3f"), word=c["s_star_word"][node])
        )
    k = c["kendall"]
    if "w" in k:
        text = _(
            "Kendall's W over the experts' own rankings: {w} (chi2 {chi2}, df {df}, p {p}; "
            "m {m} experts, n {n} candidates; tie correction {tie}; filled-in score cells "
            "{cells}, nodes taken from the panel {nodes})"
        )
        lines.append(
            "  "
            + text.format(
                w=number_text(k["w"], ".3f"),
                chi2=number_text(k["chi2"], ".2f"),
                df=k["df"],
                p=number_text(k["p"], ".4g"),
                m=k["m"],
                n=k["n"],
                tie=_g(k["tie_correction"]),
                cells=k["filled_score_cells"],
                nodes=k["filled_nodes"],
            )
        )
        lines += ["    " + _("note: {note}").format(note=n) for n in k.get("notes", [])]
    else:
        lines.append("  " + _("Kendall's W: {note}").format(note=k.get("note")))
    low = c["items_without_consensus"]
    text = _("items below the consensus threshold {threshold}: {items}")
    items = ", ".join(low) if low else _("none")
    lines.append("  " + text.format(threshold=_g(c["threshold"]), items=items))
    return lines


def _stability(st: dict[str, Any] | None) -> list[str]:
    """How many answers moved since the last Delphi round, per kind of answer."""
    if not st:
        return []
    lines = []
    kinds = {"judgments": _("judgments"), "scores": _("scores")}
    for kind, word in kinds.items():
        if kind in st and "moved_share" in st[kind]:
            v = st[kind]
            text = _(
                "stability since the last round ({kind}): {moved} of {compared} answers moved "
                "({share}; mean change {change} {scale})"
            )
            lines.append(
                text.format(
                    kind=word,
                    moved=v["moved"],
                    compared=v["compared"],
                    share=percent_text(v["moved_share"]),
                    change=number_text(v["mean_change"], ".3g"),
                    scale=v["scale"],
                )
            )
    return lines


def _robustness(r: dict[str, Any]) -> list[str]:
    lines = [_("robustness to who sits on the panel:")]
    loo = r["leave_one_out"]
    if "experts" in loo:
        changed = [e["left_out"] for e in loo["experts"] if e["winner_changed"]]
        top = [e["left_out"] for e in loo["experts"] if e["top_changed"]]
        never = _("never changes")
        win = (
            _("changes without {experts}").format(experts=", ".join(changed)) if changed else never
        )
        tops = _("changes without {experts}").format(experts=", ".join(top)) if top else never
        most = ", ".join(loo["most_influential"]) or _("nobody (no absence moves it)")
        text = _(
            "leave one expert out: the winner {winner}; the top {k} {top}; "
            "the expert whose absence moves the ranking most: {most}"
        )
        lines.append("  " + text.format(winner=win, k=loo["top_k"], top=tops, most=most))
    else:
        lines.append("  " + _("leave one expert out: {note}").format(note=loo.get("note")))
    b = r["bootstrap"]
    if "rank_acceptability" in b:
        st = b["settings"]
        text = _(
            "bootstrap over experts ({resamples} resamples, seed {seed}): winner kept in "
            "{winner}, top {k} kept in {top}; rank acceptability (share of resamples at "
            "rank 1, 2, ...):"
        )
        lines.append(
            "  "
            + text.format(
                resamples=st["resamples"],
                seed=st["seed"],
                winner=percent_text(b["winner_kept"]),
                k=st["top_k"],
                top=percent_text(b["top_kept"]),
            )
        )
        for cand, shares in b["rank_acceptability"].items():
            lines.append(f"    {cand}: " + " ".join(number_text(x, ".2f") for x in shares))
    else:
        lines.append("  " + _("bootstrap: {note}").format(note=b.get("note")))
    return lines


def survey_text(p: dict[str, Any]) -> str:
    """The text of ``panel survey``: one row per factor with its distribution and spread."""
    lines = [
        _("{title} ({n} respondents)").format(title=p["title"], n=p["respondents"]),
        _("source: {source}").format(source=p["source"]),
    ]
    s = p["settings"]
    lines.append(
        _("coding {coding}; {weights}; quantiles {quantiles}").format(
            coding=s["coding"], weights=s["weights"], quantiles=s["quantiles"]
        )
    )
    lines.append(_("order: {order}").format(order=s["order"]))
    levels = p["levels"]
    rows = [
        [
            it["rank"],
            it["id"],
            *(_g(it["distribution"][lv]) for lv in levels),
            it["median_level"],
            percent_text(it["top_two_share"]),
            it["iqr"],
            percent_text(it["within_one_level"]),
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
        lines.append(_("the source says: {claim}").format(claim=p["source_claim"]))
    return "\n".join(lines)
