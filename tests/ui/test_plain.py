"""clusterrank.ui.plain: user text escaped so Streamlit's Markdown shows it as written."""

from __future__ import annotations

import re

import pytest

from clusterrank.ui.plain import code, plain, plain_values
from tests.helpers.ui import shown

PAYLOADS = [
    "![t](http://127.0.0.1:9/track.png)",
    "**bold** [link](http://x)",
    "<img src=http://x/i.png>",
    ":red[red] :material/home: :smile:",
    "$x^2$ and $$y$$",
    "```mermaid\ngraph TD; A-->B\n```",
    "# heading\n1. list\n- item\n> quote\n---",
    "www.example.com http://x.org a@b.com",
    "back\\slash ~strike~ | table |",
]


@pytest.mark.parametrize("text", PAYLOADS)
def test_plain_escapes_every_markup_and_keeps_the_text(text: str) -> None:
    escaped = plain(text)
    assert shown(escaped) == text
    # Every punctuation Markdown or Streamlit gives a meaning to is preceded by a backslash.
    for match in re.finditer(r"[!#$&()*+\-./:<=>@\[\]^_`{|}~\\]", text):
        assert f"\\{match.group()}" in escaped


def test_plain_leaves_letters_digits_and_cyrillic() -> None:
    assert plain("Угольный кластер 2017, 52%") == "Угольный кластер 2017, 52%"


def test_plain_values_escapes_values_not_keys() -> None:
    assert plain_values({"a_b": "**x**"}) == {"a_b": "\\*\\*x\\*\\*"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [("weights.groups", "`weights.groups`"), ("a`b", "``a`b``"), ("`x", "`` `x ``")],
)
def test_code_fences_text_that_holds_backticks(text: str, expected: str) -> None:
    assert code(text) == expected
