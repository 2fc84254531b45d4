"""User text shown as plain text inside Streamlit's Markdown.

Streamlit renders the text of ``st.markdown``, ``st.caption``, ``st.info``/``warning``/
``error``, expander, tab and metric labels, radio options and ``help`` tooltips as Markdown:
links, images (which every viewer's browser then fetches), bare URLs, HTML-like tags,
``$…$`` LaTeX, ``:red[…]`` colours, ``:material/…:`` icons and fenced ``mermaid`` diagrams.
Titles, descriptions, names, sources and notes come from users' files, so every one of them
passes through :func:`plain` before it meets a Markdown string we write; the Markdown around
it (``**bold**`` labels, list dashes) stays ours.

:func:`plain` backslash-escapes every ASCII punctuation character that Markdown, GFM or
Streamlit's extensions give a meaning to (CommonMark lets any ASCII punctuation be escaped,
and renders the escaped character literally); :func:`code` writes text as an inline code
span, where nothing is interpreted.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

# Every ASCII punctuation character except , ; ? % " ' which no Markdown construct starts
# or is built from on its own (a ';' ends an entity only after an escaped '&').
_MARKUP = re.compile(r"([!#$&()*+\-./:<=>@\[\\\]^_`{|}~])")
_BACKTICKS = re.compile(r"`+")


def plain(text: object) -> str:
    r"""``text`` escaped so Streamlit's Markdown shows it exactly as written.

    >>> print(plain("![t](http://x/t.png) **b** :red[r] $x$"))
    \!\[t\]\(http\:\/\/x\/t\.png\) \*\*b\*\* \:red\[r\] \$x\$
    """
    return _MARKUP.sub(r"\\\1", str(text))


def plain_values(texts: Mapping[str, str]) -> dict[str, str]:
    """``texts`` (e.g. id -> name) with every value passed through :func:`plain`.

    For helpers that build a Markdown sentence around the names they are given.
    """
    return {key: plain(value) for key, value in texts.items()}


def code(text: object) -> str:
    """``text`` as an inline code span (shown monospace, nothing in it interpreted).

    The fence is one backtick longer than the longest run of backticks in ``text``, padded
    with spaces as CommonMark requires when ``text`` starts or ends with a backtick.
    """
    body = " ".join(str(text).splitlines()) or " "
    fence = "`" * (max((len(r) for r in _BACKTICKS.findall(body)), default=0) + 1)
    pad = " " if body.startswith("`") or body.endswith("`") else ""
    return f"{fence}{pad}{body}{pad}{fence}"
