"""The expert's pairwise judgments at one node: sentences on Saaty's scale, saved at once.

One slider per pair (as on the Weights page, :mod:`ui.widgets.saaty`), with a "don't know"
box: an unanswered pair is "don't know" until the slider moves. Above the pairs the expert's
own CR, live; above 0.10 the judgments that would lower it most, each with an Apply button.
In a Delphi round each pair shows the group's median and IQR from the last round and the
expert's own previous answer, and the node the anonymised comments.
"""

from __future__ import annotations

from functools import partial
from typing import Any

import streamlit as st

from clusterrank.i18n import N_, _, formats, ngettext
from clusterrank.methods.ahp.pairwise import format_judgment
from clusterrank.panel.expert import Consistency, ExpertPage, consistency
from clusterrank.panel.questionnaire import Node
from clusterrank.ui import expert_saves as saves
from clusterrank.ui.plain import plain
from clusterrank.ui.state import seed_widget
from clusterrank.ui.widgets.ahp_judgments import OPTIONS
from clusterrank.ui.widgets.saaty import scale_text, sentence, short_label, value_to_position

CARRIED = N_(
    "Not answered in this round yet: your answer from the last round stands unless you change it."
)
"""An item of a Delphi round the expert has not touched again (the carry-over rule); marked
only: shown through ``_()``."""


def unanswered(carried: bool) -> str:
    """The caption of an unanswered item: carried over from the last round, or open."""
    return _(CARRIED) if carried else _("Not answered yet.")


def _tick(left: str, right: str, position: object) -> str:
    return plain(short_label(int(str(position)), left, right))


def render_node(page: ExpertPage, token: str, node: Node) -> None:
    """One node: consistency, then one slider and "don't know" per pair, then a comment."""
    titles = dict(zip(node.items, node.titles, strict=True))
    rnd = page.round_number
    done = sum(1 for a, b in node.pairs if (node.id, a, b) in page.judgments)
    groups = node.id == "groups"
    st.markdown(
        _("#### Which matters more: the groups")
        if groups
        else _("#### Which matters more: the criteria in {group}").format(
            group=plain(titles_of_group(page, node.id))
        )
    )
    st.caption(_("{done} of {n} pairs answered").format(done=done, n=len(node.pairs)))
    question = (
        _("Which group matters more, {a} or {b}, and by how much?")
        if groups
        else _("Which criterion matters more, {a} or {b}, and by how much?")
    )
    _consistency(page, token, node, consistency(page, node), titles)
    shown = page.feedback.get(node.key, {})
    group = {(p["row"], p["column"]): p for p in shown.get("pairs", [])}
    for a, b in node.pairs:
        stored = page.judgments.get((node.id, a, b))
        version = stored[1] if stored else 0
        key = saves.pair_key(rnd, node.id, a, b)
        dk = saves.unknown_key(rnd, node.id, a, b)
        seed_widget(key, value_to_position(stored[0]) if stored else 0)
        saves.seen(key, version)
        seed_widget(dk, stored is None)
        with st.container(border=True):
            st.select_slider(
                question.format(a=plain(titles[a]), b=plain(titles[b])),
                options=OPTIONS,
                format_func=partial(_tick, titles[a], titles[b]),
                key=key,
                on_change=saves.moved_pair,
                args=(token, rnd, node.id, a, b, version),
                disabled=not page.round_open,
                help=_(
                    "Slide towards the more important of the two; the middle is 'equal'. {scale}"
                ).format(scale=scale_text()),
            )
            st.checkbox(
                _("Don't know"),
                key=dk,
                on_change=saves.toggled_unknown,
                args=(token, rnd, node.id, a, b, version),
                disabled=not page.round_open,
            )
            if stored:
                said = plain(sentence(titles[a], titles[b], stored[0]))
                st.caption(_("Saved: {judgment}").format(judgment=said))
            elif page.previous_judgment(node.id, a, b) is not None:
                st.caption(plain(_(CARRIED)))
            else:
                st.caption(_("Not answered yet (don't know)."))
            _delphi_pair(page, node.id, (a, b), titles, group.get((a, b)))
    _comments(shown.get("comments", []))
    comment_box(page, token, node.key)


def titles_of_group(page: ExpertPage, group_id: str) -> str:
    """The title of a group, as the heading names it (its id when it has none)."""
    for g in page.scenario.criteria_set.groups:
        if g.id == group_id:
            return g.title or g.id
    return group_id


def _consistency(
    page: ExpertPage, token: str, node: Node, c: Consistency, titles: dict[str, str]
) -> None:
    if c.problem:
        st.info(plain(c.problem), icon=":material/info:")
        return
    r = c.result
    if r is None:
        return
    if r.acceptable:
        st.success(
            _("Your consistency ratio: CR {cr} (≤ {limit}, consistent enough).").format(
                cr=formats.number(r.cr, 3), limit=formats.number(0.10, 2)
            )
        )
        return
    st.warning(
        _(
            "**Your consistency ratio is CR {cr}, above {limit}**: some of your judgments "
            "contradict one another. These changes would help most:"
        ).format(cr=formats.number(r.cr, 3), limit=formats.number(0.10, 2)),
        icon=":material/warning:",
    )
    for k, fix in enumerate(c.fixes):
        pair = (fix.row, fix.column) if (fix.row, fix.column) in node.pairs else None
        value = fix.suggested
        if pair is None:
            pair, value = (fix.column, fix.row), 1.0 / fix.suggested
        stored = page.judgments.get((node.id, *pair))
        said = sentence(titles[fix.row], titles[fix.column], fix.current)
        better = sentence(titles[fix.row], titles[fix.column], fix.suggested)
        st.markdown(
            _("{k}. You said *{said}*; suggested: **{better}** (CR {before} → {after}).").format(
                k=k + 1,
                said=plain(said),
                better=plain(better),
                before=formats.number(fix.cr_before, 3),
                after=formats.number(fix.cr_after, 3),
            )
        )
        st.button(
            _("Apply"),
            key=f"xfix__{page.round_number}__{node.id}__{k}",
            on_click=saves.apply_fix,
            args=(token, page.round_number, node.id, pair, value, stored[1] if stored else 0),
            disabled=not page.round_open,
        )


def _delphi_pair(
    page: ExpertPage,
    node: str,
    pair: tuple[str, str],
    titles: dict[str, str],
    group: dict[str, Any] | None,
) -> None:
    if page.round_number <= 1:
        return
    a, b = pair
    parts = []
    if group and group.get("median") is not None:
        parts.append(_group_line(group))
    before = page.previous_judgment(node, a, b)
    if before is not None:
        said = sentence(titles[a], titles[b], before)
        parts.append(_("you said: {judgment}").format(judgment=said))
    if parts:
        st.caption(plain("; ".join(parts)))


def _group_line(group: dict[str, Any]) -> str:
    """The group's median (and IQR) of a pair in the last round, as a caption reads it."""
    median = format_judgment(float(group["median"])).replace(".", formats.decimal_mark())
    n = int(group.get("answered", 0))
    iqr = group.get("iqr")
    if iqr is None:
        return ngettext(
            "group median {median} ({n} answer) in the last round",
            "group median {median} ({n} answers) in the last round",
            n,
        ).format(median=median, n=n)
    return ngettext(
        "group median {median}, IQR {iqr} ({n} answer) in the last round",
        "group median {median}, IQR {iqr} ({n} answers) in the last round",
        n,
    ).format(median=median, iqr=formats.number(float(iqr), 2), n=n)


def _comments(comments: list[str]) -> None:
    if comments:
        label = _("Other experts' comments from the last round ({n})").format(n=len(comments))
        with st.expander(label):
            for text in comments:
                st.markdown(f"- {plain(text)}")


def comment_box(page: ExpertPage, token: str, item: str) -> None:
    """The expert's comment on an item, saved when they leave the box."""
    stored = page.comments.get(item)
    key = saves.comment_key(page.round_number, item)
    seed_widget(key, stored[0] if stored else "")
    saves.seen(key, stored[1] if stored else 0)
    st.text_input(
        _("Comment (optional)"),
        key=key,
        on_change=saves.wrote_comment,
        args=(token, page.round_number, item, stored[1] if stored else 0),
        disabled=not page.round_open,
        placeholder=_("Why? Anything the facilitator should know"),
    )
