"""Reading the Streamlit app under AppTest: open a page, find its ranking table, read its text.

``tests/ui/conftest.py`` provides the ``app`` fixture (the real app, run once on the shipped
scenario); tests import these helpers. Timeouts are generous because the test machine is
slow and shared.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "streamlit_app.py"
TIMEOUT = 30


def start_app() -> AppTest:
    """Run ``streamlit_app.py`` once under AppTest; fail on any exception shown."""
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def open_page(at: AppTest, page: str) -> AppTest:
    """Switch to ``ui/pages/<page>.py`` and run it; fail on any exception shown."""
    at.switch_page(f"ui/pages/{page}.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


RANKING_COLUMNS = {"rank", "change", "candidate", "score", "id"}


def ranking_frame(at: AppTest) -> pd.DataFrame:
    """The first ranking table on the page (the one with rank, change, candidate, score)."""
    for df in at.dataframe:
        frame = df.value
        if isinstance(frame, pd.DataFrame) and set(frame.columns) >= RANKING_COLUMNS:
            return frame
    raise AssertionError("no ranking table on the page")


def ranking_ids(at: AppTest) -> list[str]:
    """Candidate ids in rank order from the page's ranking table."""
    return [str(i) for i in ranking_frame(at)["id"]]


_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")


def shown(markdown: object) -> str:
    """Markdown source as a reader sees its text: the backslash escapes :func:`ui.plain.plain`
    put before punctuation removed (other Markdown is left as it is)."""
    return _ESCAPED.sub(r"\1", str(markdown))


def raw_texts(at: AppTest) -> list[str]:
    """The Markdown source of every markdown, caption, info, warning, error and header."""
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption]
    parts += [e.value for e in at.error] + [w.value for w in at.warning]
    parts += [i.value for i in at.info] + [h.value for h in at.header]
    parts += [s.value for s in at.subheader] + [t.value for t in at.title]
    return [str(p) for p in parts]


def texts(at: AppTest) -> str:
    """Every markdown, caption, info, warning, error and heading on the page, joined, as a
    reader sees the text (:func:`shown`)."""
    return "\n".join(shown(p) for p in raw_texts(at))


def chart_specs(at: AppTest) -> list[dict[str, Any]]:
    """The Vega-Lite spec of every chart on the page, as a dict, with the data Streamlit moved
    out of the spec (Arrow bytes in ``proto.datasets``) put back as ``spec["datasets"]``
    (name -> list of row dicts)."""
    specs: list[dict[str, Any]] = []
    for chart in at.get("vega_lite_chart"):
        spec = json.loads(chart.proto.spec)
        datasets = dict(spec.get("datasets") or {})
        for named in chart.proto.datasets:
            table = pa.ipc.open_stream(named.data.data).read_all()
            datasets[named.name] = table.to_pandas().to_dict("records")
        spec["datasets"] = datasets
        specs.append(spec)
    return specs


def chart_title(spec: dict[str, Any]) -> str:
    """The chart's top-level title text ("" when it has none)."""
    title = spec.get("title")
    if isinstance(title, dict):
        title = title.get("text", "")
    if isinstance(title, list):
        title = " ".join(str(t) for t in title)
    return str(title or "")


_SERIES_TYPES = {"nominal", "ordinal"}
_COLOUR_CHANNELS = ("color", "fill", "stroke")


def _views(node: Any, data: str | None = None) -> Iterator[tuple[dict[str, Any], str | None]]:
    """Every (sub)view dict of a spec with the name of the dataset it reads."""
    if isinstance(node, list):
        for item in node:
            yield from _views(item, data)
        return
    if not isinstance(node, dict):
        return
    source = node.get("data")
    if isinstance(source, dict) and "name" in source:
        data = str(source["name"])
    if "mark" in node or "encoding" in node:
        yield node, data
    for key in ("layer", "hconcat", "vconcat", "concat", "spec"):
        if key in node:
            yield from _views(node[key], data)


def _field_values(view: dict[str, Any], rows: list[dict[str, Any]], field: str) -> list[str]:
    for step in view.get("transform", []):
        if "fold" in step and field == (step.get("as") or ["key"])[0]:
            return [str(f) for f in step["fold"]]
    if rows and field not in rows[0]:
        msg = f"colour field {field!r} is not in the chart's data: give its scale a domain"
        raise AssertionError(msg)
    return list(dict.fromkeys(str(r[field]) for r in rows))


def colour_series(spec: dict[str, Any]) -> dict[str, str]:
    """Series label -> colour for every nominal/ordinal colour (or fill/stroke) encoding of a
    chart, all layers and sub-charts together.

    Explicit ``scale.domain``/``scale.range`` pairs are read as Vega pairs them (the range
    repeats when the domain is longer); a field without a domain takes its distinct values
    from the chart's data; a range Vega would choose itself is written ``"scheme:<i mod 10>"``
    (its default category10 repeats after ten). Constant colours (``value``, conditions, mark
    colours) are context or emphasis, not series, and are left out. Compare
    ``len(set(series.values()))`` with ``len(series)`` to find a repeated colour.
    """
    series: dict[str, str] = {}
    datasets = spec.get("datasets", {})
    for view, data in _views(spec):
        encoding = view.get("encoding", {})
        for channel in _COLOUR_CHANNELS:
            enc = encoding.get(channel)
            if isinstance(enc, dict) and "condition" in enc and "field" in enc["condition"]:
                enc = enc["condition"]
            if not isinstance(enc, dict) or "field" not in enc:
                continue
            if enc.get("type", "nominal") not in _SERIES_TYPES:
                continue
            scale = enc.get("scale") or {}
            domain = scale.get("domain")
            if not isinstance(domain, list):
                domain = _field_values(view, datasets.get(data, []), str(enc["field"]))
            colours = scale.get("range")
            for k, label in enumerate(domain):
                if isinstance(colours, list) and colours:
                    colour = str(colours[k % len(colours)])
                else:
                    colour = f"scheme:{k % 10}"
                series.setdefault(str(label), colour)
    return series
