"""Reading the Streamlit app under AppTest: open a page, find its ranking table, read its text.

``tests/ui/conftest.py`` provides the ``app`` fixture (the real app, run once on the shipped
scenario); tests import these helpers. Timeouts are generous because the test machine is
slow and shared.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
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
