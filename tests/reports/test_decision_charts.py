"""The report's charts: inline SVG, text kept as text, a zero score still seen, names as typed."""

from __future__ import annotations

import re
from collections import Counter

from clusterrank.reports.decision.charts import label, ranking_chart
from clusterrank.reports.decision.model import RankRow

HOSTILE = ("<script>alert(1)</script>", "=cmd|' /C calc'!A0", "$\\frac{1}{0}$")


def _row(rank: int, name: str, score: float, assessable: bool = True) -> RankRow:
    return RankRow(rank, f"c{rank}", name, score, assessable, "0 of 3 imputed", "", (), ())


def _bars(svg: str, prefix: str) -> list[tuple[float, float]]:
    """(width, height) of every rectangle the chart's patches draw."""
    out = []
    for d in re.findall(rf'<g id="{prefix}-patch_\d+">\s*<path d="([^"]+)"', svg):
        xs = [float(x) for x in re.findall(r"([-\d.]+) [-\d.]+", d)]
        ys = [float(y) for y in re.findall(r"[-\d.]+ ([-\d.]+)", d)]
        out.append((max(xs) - min(xs), max(ys) - min(ys)))
    return out


def test_a_zero_score_keeps_a_visible_bar_and_its_value() -> None:
    rows = [_row(1, "first", 0.8), _row(2, "second", 0.3), _row(3, "last", 0.0, False)]
    svg = ranking_chart(rows)
    bars = _bars(svg, "ranking")
    height = Counter(round(h, 3) for _, h in bars).most_common(1)[0][0]
    drawn = [w for w, h in bars if round(h, 3) == height]
    assert len(drawn) == 3
    assert min(drawn) >= 2.0  # points: visible on paper and on screen
    assert "0.0000   not assessable" in svg
    assert "<text" in svg  # svg.fonttype none: text stays text (selectable in the PDF)


def test_names_are_drawn_as_typed_never_as_markup_or_mathtext() -> None:
    rows = [_row(k + 1, name, 0.5 - k * 0.1) for k, name in enumerate(HOSTILE)]
    svg = ranking_chart(rows)
    assert "<script>" not in svg
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in svg
    assert "3. $\\frac{1}{0}$" in svg  # the dollar signs are drawn, not read as TeX
    assert "=cmd|' /C calc'!A0" in svg or "=cmd|&#x27; /C calc&#x27;!A0" in svg
    assert "http" not in re.sub(r'xmlns(:\w+)?="[^"]+"', "", svg)  # no metadata or links


def test_long_names_wrap_onto_two_lines_at_most() -> None:
    text = label("Агропромышленный кластер Кемеровской области " * 4)
    assert text.count("\n") == 1
    assert text.endswith("…")
    assert label("short") == "short"
