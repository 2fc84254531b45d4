r"""The report's charts as inline SVG strings: ranking, "why", contributions and weights.

Drawn with matplotlib's object API (no pyplot: no global figure state, safe in the app's
threads), imported inside each function so the command line starts fast. Text stays text
(``svg.fonttype: none``), so it is selectable in the PDF and typeset in DejaVu Sans with
Cyrillic; names are never read as mathtext (``text.parse_math`` off, ``usetex`` off), so a
candidate called ``$\frac{1}{0}$`` is drawn as written. The SVG has no metadata, no external
reference, and ids prefixed per chart so several charts can share one HTML page. Titles,
axes and legends are in the current language, and every number on a chart (bar values, axis
ticks) is written by :mod:`clusterrank.i18n.formats`, with the language's decimal mark
(matplotlib's own locale switch would follow the server's locale, not the reader's).
"""

from __future__ import annotations

import html
import io
import math
import re
import textwrap
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, cast

from clusterrank.i18n import _, formats
from clusterrank.reports.decision.model import CriterionRow, RankRow, Why

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

WIDTH_IN = 6.7
"""Chart width in inches: the text width of an A4 page with 18 mm margins."""
BAR_IN = 0.32
MAX_BARS = 25
"""Ranking bars drawn at most (the table lists every candidate)."""
LABEL_CHARS = 38
BLUE, GREY, GREEN, RED = "#2f5d8a", "#9e9e9e", "#2e7d32", "#c62828"
PALETTE = (
    "#2f5d8a",
    "#e08a2c",
    "#4a9a5b",
    "#b8453f",
    "#7a5ea8",
    "#8c6d3f",
    "#c76fa9",
    "#6f6f6f",
    "#a6a83a",
    "#3aa0b0",
)
RC: dict[str, Any] = {
    "svg.fonttype": "none",
    "svg.hashsalt": "clusterrank-report",
    "text.usetex": False,
    "text.parse_math": False,
    "font.family": "DejaVu Sans",
    "font.size": 8.5,
    "axes.spines.top": False,
    "axes.spines.right": False,
}
TITLE: dict[str, Any] = {"x": 0.01, "ha": "left", "fontsize": 9.5, "fontweight": "bold"}


def label(text: str, width: int = LABEL_CHARS) -> str:
    """A name wrapped onto at most two lines (shortened with "…"), for an axis label."""
    lines = textwrap.wrap(" ".join(str(text).split()), width) or [""]
    if len(lines) > 2:
        lines = [lines[0], textwrap.shorten(" ".join(lines[1:]), width, placeholder="…")]
    return "\n".join(lines)


def _short(text: str, width: int = 28) -> str:
    """A name shortened onto one line (with "…")."""
    return textwrap.shorten(" ".join(str(text).split()), width, placeholder="…")


@contextmanager
def _figure(height: float) -> Iterator[tuple[Figure, Axes]]:
    import matplotlib as mpl
    from matplotlib.figure import Figure

    with mpl.rc_context(cast(Any, RC)):
        fig = Figure(figsize=(WIDTH_IN, max(1.4, height)), layout="constrained")
        yield fig, fig.add_subplot()


def number(value: float, digits: int) -> str:
    """``value`` with ``digits`` decimals in the current language, a true minus sign."""
    text = formats.number(value, digits)
    return "\u2212" + text[1:] if text.startswith("-") else text


def signed(value: float, digits: int) -> str:
    """``+0.1234`` / ``\u22120.1234`` in the current language."""
    return ("+" if value >= 0 else "\u2212") + formats.number(abs(value), digits)


def _decimals(locations: Sequence[float], most: int = 4) -> int:
    """The fewest decimals (at most ``most``) that write every tick location exactly."""
    for digits in range(most + 1):
        if all(abs(round(x, digits) - x) < 1e-9 * max(1.0, abs(x)) for x in locations):
            return digits
    return most


def _number_ticks(ax: Axes, *, percent: bool = False) -> None:
    """Write the x axis' tick numbers (or percentages of one) as the language does."""
    from matplotlib.ticker import FuncFormatter

    axis = ax.xaxis

    def tick(x: float, _pos: int | None) -> str:
        if not math.isfinite(x):
            return ""
        shown = [v * (100 if percent else 1) for v in axis.get_majorticklocs()]
        digits = _decimals([v for v in shown if math.isfinite(v)])
        if percent:
            text = formats.percent(x, digits)
            return "\u2212" + text[1:] if text.startswith("-") else text
        return number(0.0 if abs(x) < 1e-12 else x, digits)

    axis.set_major_formatter(FuncFormatter(tick))


def _svg(fig: Figure, prefix: str, title: str = "") -> str:
    """The figure as an inline ``<svg>`` element: no prolog, no metadata, ids prefixed.

    ``title`` (the chart's title) is its accessible name.
    """
    buf = io.StringIO()
    fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None, "Format": None})
    text = buf.getvalue()
    text = text[text.index("<svg") :]
    text = re.sub(r"<metadata>.*?</metadata>\s*", "", text, flags=re.DOTALL)
    text = re.sub(r"<!--.*?-->\s*", "", text, flags=re.DOTALL)
    text = re.sub(r'\bid="', f'id="{prefix}-', text)
    text = re.sub(r"url\(#", f"url(#{prefix}-", text)
    text = re.sub(r'href="#', f'href="#{prefix}-', text)
    name = html.escape(title or prefix, quote=True)
    return text.replace("<svg ", f'<svg class="chart" role="img" aria-label="{name}" ', 1)


def ranking_chart(rows: Sequence[RankRow], higher_is_better: bool = True) -> str:
    """Scores in rank order, one bar each; a zero score still shows a bar and its value.

    Candidates that are not assessable are drawn grey and hatched and say so.
    """
    shown = list(rows[:MAX_BARS])
    scores = [r.score for r in shown]
    low, high = min(0.0, *scores), max(0.0, *scores)
    span = (high - low) or 1.0
    stub = span * 0.025
    with _figure(0.5 + BAR_IN * len(shown)) as (fig, ax):
        y = list(range(len(shown)))
        widths = [s if abs(s) >= stub else stub for s in scores]
        colours = [BLUE if r.assessable else GREY for r in shown]
        bars = ax.barh(y, widths, color=colours, height=0.62)
        for bar, r in zip(bars, shown, strict=True):
            if not r.assessable:
                bar.set_hatch("///")
                bar.set_edgecolor("#616161")
            tail = "" if r.assessable else "   " + _("not assessable")
            end = max(r.score, stub) if r.score >= 0 else r.score
            ax.text(
                end + (span * 0.01 if r.score >= 0 else -span * 0.01),
                bar.get_y() + bar.get_height() / 2,
                number(r.score, 4) + tail,
                va="center",
                ha="left" if r.score >= 0 else "right",
                fontsize=8,
            )
        ax.set_yticks(y, [label(f"{r.rank}. {r.name}") for r in shown])
        ax.invert_yaxis()
        ax.set_xlim(low - (span * 0.25 if low < 0 else 0), high + span * 0.35)
        ax.axvline(0, color="#424242", linewidth=0.8)
        title = ranking_title(len(shown), len(rows), higher_is_better)
        fig.suptitle(title, **TITLE)
        ax.tick_params(axis="y", length=0)
        _number_ticks(ax)
        return _svg(fig, "ranking", title)


def ranking_title(shown: int, count: int, higher_is_better: bool) -> str:
    """The ranking chart's title: what is drawn and which way is better."""
    if shown < count:
        text = (
            _("Scores in rank order (first {shown} of {count}); a higher score is better")
            if higher_is_better
            else _("Scores in rank order (first {shown} of {count}); a lower score is better")
        )
        return text.format(shown=shown, count=count)
    if higher_is_better:
        return _("Scores in rank order; a higher score is better")
    return _("Scores in rank order; a lower score is better")


def pair_chart(why: Why) -> str:
    """Leader minus runner-up, per criterion: where the leader gains (green) and loses (red)."""
    rows = list(why.pair.rows)
    diffs = [float(r[3] or 0.0) for r in rows]
    with _figure(0.8 + 0.4 * len(rows)) as (fig, ax):
        y = list(range(len(rows)))
        ax.barh(y, diffs, color=[GREEN if d >= 0 else RED for d in diffs], height=0.6)
        span = max((abs(d) for d in diffs), default=0.0) or 1.0
        for k, d in enumerate(diffs):
            ax.text(
                d + (span * 0.02 if d >= 0 else -span * 0.02),
                k,
                signed(d, 4),
                va="center",
                ha="left" if d >= 0 else "right",
                fontsize=8,
            )
        ax.set_yticks(y, [label(str(r[0]), 30) for r in rows])
        ax.invert_yaxis()
        ax.set_xlim(-span * 1.35, span * 1.35)
        ax.axvline(0, color="#424242", linewidth=0.8)
        title = _("Why {leader} is above {runner}").format(leader=why.leader, runner=why.runner_up)
        fig.suptitle(label(title, 72), **TITLE)
        ax.set_xlabel(
            _("← {runner} gains  |  {leader} gains →").format(
                runner=_short(why.runner_up, 24), leader=_short(why.leader, 24)
            )
        )
        ax.tick_params(axis="y", length=0)
        _number_ticks(ax)
        return _svg(fig, "why", title)


def contributions_chart(why: Why) -> str:
    """Each top candidate's score split by criterion (negative parts drawn to the left)."""
    n = len(why.criteria)
    with _figure(1.0 + 0.42 * len(why.candidates) + 0.18 * ((n + 2) // 3)) as (fig, ax):
        y = list(range(len(why.candidates)))
        pos = [0.0] * len(y)
        neg = [0.0] * len(y)
        for j, title in enumerate(why.criteria):
            parts = [row[j] for row in why.values]
            left = [pos[i] if v >= 0 else neg[i] + v for i, v in enumerate(parts)]
            ax.barh(
                y,
                [abs(v) for v in parts],
                left=left,
                color=PALETTE[j % len(PALETTE)],
                height=0.6,
                label=label(title, 30),
            )
            for i, v in enumerate(parts):
                if v >= 0:
                    pos[i] += v
                else:
                    neg[i] += v
        ax.set_yticks(y, [label(c) for c in why.candidates])
        ax.invert_yaxis()
        ax.axvline(0, color="#424242", linewidth=0.8)
        title = _("Contribution of each criterion to the score (top candidates)")
        fig.suptitle(title, **TITLE)
        ax.tick_params(axis="y", length=0)
        _number_ticks(ax)
        fig.legend(loc="outside lower center", ncols=3, frameon=False, fontsize=7.5)
        return _svg(fig, "contributions", title)


def weights_chart(rows: Sequence[CriterionRow]) -> str:
    """Global weights, one bar per criterion, coloured by group."""
    groups = list(dict.fromkeys(r.group for r in rows))
    with _figure(0.6 + 0.36 * len(rows)) as (fig, ax):
        y = list(range(len(rows)))
        colours = [PALETTE[groups.index(r.group) % len(PALETTE)] for r in rows]
        ax.barh(y, [r.weight for r in rows], color=colours, height=0.6)
        top = max((r.weight for r in rows), default=0.0) or 1.0
        for k, r in enumerate(rows):
            ax.text(r.weight + top * 0.01, k, formats.percent(r.weight, 1), va="center", fontsize=8)
        ax.set_yticks(y, [label(f"{r.title} ({r.group})", 52) for r in rows])
        ax.invert_yaxis()
        ax.set_xlim(0, top * 1.18)
        _number_ticks(ax, percent=True)
        title = _("Weight of each criterion in the ranking (global weight)")
        fig.suptitle(title, **TITLE)
        ax.tick_params(axis="y", length=0)
        return _svg(fig, "weights", title)
