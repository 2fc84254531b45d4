"""What Russian costs, and what the decision report costs, relative to work done in English.

Ratios against a baseline measured in the same process (these machines are shared and noisy):

* the Ranking page's first run with ``?lang=ru`` against ``?lang=en`` (AppTest, in-process:
  catalogue look-ups, Babel number formats, the Styler behind localised tables);
* ranking the Kemerovo scenario and formatting its table, Russian against English;
* building the decision report (HTML, PDF; English and Russian) against ranking the same
  scenario once (``rank_scenario``), the work every page does anyway.

Each figure is the median of several runs. Run: ``python -m bench.bench_languages [--quick]``.
"""

from __future__ import annotations

import functools
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from streamlit.testing.v1 import AppTest

from clusterrank.analysis.ranking import rank_scenario
from clusterrank.criteria.loading import load_scenario
from clusterrank.i18n import formats, use_language
from clusterrank.reports.decision.build import decision_report
from clusterrank.reports.decision.formats import render

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "streamlit_app.py"
KEMEROVO = ROOT / "configs" / "scenarios" / "kemerovo_clusters.yaml"
RESULTS = ROOT / "bench" / "results"


def _median(run: Callable[[], object], repeats: int) -> float:
    times = []
    for _round in range(repeats):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _first_page(lang: str) -> None:
    at = AppTest.from_file(str(APP), default_timeout=120)
    at.query_params["lang"] = lang
    at.run()
    assert not at.exception, [e.value for e in at.exception]


def _ranked_table(lang: str) -> None:
    with use_language(lang):
        scenario = load_scenario(KEMEROVO)
        report = rank_scenario(scenario)
        frame = report.to_frame()
        [formats.number(float(s), 4) for s in frame["score"]]
        report.settings_line()


def _report(lang: str, fmt: str) -> None:
    with use_language(lang):
        render(decision_report(load_scenario(KEMEROVO), lang=lang), fmt)


def main(argv: list[str] | None = None) -> int:
    """Print and save the table of ratios."""
    quick = "--quick" in (sys.argv[1:] if argv is None else argv)
    pages, small, reports = (1, 3, 1) if quick else (5, 21, 3)
    _first_page("en")  # warm caches and imports once for both languages
    _first_page("ru")
    _report("en", "pdf")  # matplotlib, WeasyPrint and the fonts load once, not in the timings
    page_en = _median(lambda: _first_page("en"), pages)
    page_ru = _median(lambda: _first_page("ru"), pages)
    rank_en = _median(lambda: _ranked_table("en"), small)
    rank_ru = _median(lambda: _ranked_table("ru"), small)
    rows = [
        ("Ranking page, first run: ru / en", page_ru / page_en),
        ("rank Kemerovo + format its table: ru / en", rank_ru / rank_en),
    ]
    for lang in ("en", "ru"):
        for fmt in ("html", "pdf"):
            took = _median(functools.partial(_report, lang, fmt), reports)
            rows.append((f"decision report {fmt.upper()} ({lang}) / one ranking", took / rank_en))
    lines = ["| case | ratio |", "|---|---|"] + [f"| {c} | {r:.2f}× |" for c, r in rows]
    table = "\n".join(lines)
    print(table)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "languages.md").write_text(table + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
