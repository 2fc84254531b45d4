"""Page scripts print nothing by accident: Streamlit's "magic" writes any bare expression
(such as a string under a constant) on the page, so page files must have none besides the
module docstring."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PAGES = sorted((Path(__file__).resolve().parents[2] / "ui" / "pages").glob("[!_]*.py"))


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_page_has_no_bare_module_expressions(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    body = tree.body[1:] if ast.get_docstring(tree) is not None else tree.body
    bare = [node.lineno for node in body if isinstance(node, ast.Expr)]
    assert bare == [], f"{path.name}: bare expressions at lines {bare} would be shown by magic"
