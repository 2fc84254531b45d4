"""The catalogues are complete and current, and no UI text bypasses them.

Invariants: every message the code marks is in the Russian and English catalogues,
translated, not fuzzy, with the same named placeholders as the English; the catalogues hold
nothing the code no longer says; and no string literal is handed to Streamlit without going
through the translation layer.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from clusterrank.i18n import LANGUAGES, catalogue

ROOT = Path(__file__).resolve().parents[2]
UI_FILES = [*sorted((ROOT / "ui").rglob("*.py")), ROOT / "streamlit_app.py"]
TEXT_ARGUMENTS = frozenset({"label", "help", "placeholder", "caption", "body", "title"})
"""Keyword arguments of Streamlit calls that a person reads."""
NOT_TEXT = frozenset({"session_state", "query_params", "cache_data", "cache_resource", "context"})
"""Streamlit objects whose string arguments are keys, not texts."""
LETTERS = re.compile(r"[A-Za-zА-Яа-яЁё]{2,}")
ALLOWED = frozenset({"TOPSIS", "clusterrank", "WSM", "AHP", "SMAA-2", "VIKOR"})
"""Literals that are the same in every language (method names, the product's name)."""


@pytest.fixture(scope="module")
def template() -> set[tuple[str, str | None]]:
    return {(str(m.id), m.context) for m in catalogue.extract() if m.id}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_message_is_translated_not_fuzzy_with_its_placeholders(lang: str) -> None:
    problems = catalogue.problems(catalogue.read(lang))
    assert not problems, f"{lang}: {len(problems)} entries to fix, e.g. {problems[:10]}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_catalogue_holds_exactly_what_the_code_says(
    lang: str, template: set[tuple[str, str | None]]
) -> None:
    known = {(str(m.id), m.context) for m in catalogue.read(lang) if m.id}
    missing, stale = template - known, known - template
    fix = "run `make messages` and translate what it lists"
    assert not missing, (
        f"{lang}: {len(missing)} not in the catalogue ({fix}): {sorted(missing)[:10]}"
    )
    assert not stale, f"{lang}: {len(stale)} no longer in the code ({fix}): {sorted(stale)[:10]}"


def _streamlit_call(node: ast.Call) -> str | None:
    """The Streamlit function a call names (``st.caption``, ``st.column_config.X``), if any."""
    parts = []
    func: ast.expr = node.func
    while isinstance(func, ast.Attribute):
        parts.append(func.attr)
        func = func.value
    if isinstance(func, ast.Name) and func.id == "st" and parts:
        return ".".join(reversed(parts))
    return None


def _bare_text(node: ast.expr) -> bool:
    if isinstance(node, ast.JoinedStr):  # an f-string with words of its own
        return any(_bare_text(part) for part in node.values)
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return bool(LETTERS.search(node.value)) and node.value.strip() not in ALLOWED
    return False


def _bare_literals(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call) or (name := _streamlit_call(node)) is None:
            continue
        if NOT_TEXT.intersection(name.split(".")):
            continue
        texts = list(node.args[:1]) + [k.value for k in node.keywords if k.arg in TEXT_ARGUMENTS]
        found += [f"{path.relative_to(ROOT)}:{t.lineno} st.{name}" for t in texts if _bare_text(t)]
    return found


def test_no_bare_string_literal_is_passed_to_streamlit() -> None:
    """Every label, help text and message the UI hands Streamlit goes through ``_()``."""
    found = [line for path in UI_FILES for line in _bare_literals(path)]
    assert not found, f"{len(found)} texts bypass the catalogue, e.g. {found[:15]}"


def test_the_scan_itself_finds_a_bare_literal(tmp_path: Path) -> None:
    """The check above can fail: a caption written as a bare literal is found."""
    sample = tmp_path / "page.py"
    sample.write_text('st.caption("Plain English")\nst.caption(_("Through the layer"))\n')
    found = [line for line in _bare_literals_in(sample)]
    assert found == ["page.py:1 st.caption"]


def _bare_literals_in(path: Path) -> list[str]:
    lines = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and (name := _streamlit_call(node)) is not None:
            lines += [f"{path.name}:{a.lineno} st.{name}" for a in node.args[:1] if _bare_text(a)]
    return lines


def test_compiled_catalogues_translate(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``make install`` compiles each .po to .mo; the compiled file reads back the same."""
    for lang in LANGUAGES:
        target = tmp_path / lang / "LC_MESSAGES"
        target.mkdir(parents=True)
        source = catalogue.po_path(lang)
        (target / source.name).write_bytes(source.read_bytes())
    monkeypatch.setattr(catalogue, "LOCALE_DIR", tmp_path)
    monkeypatch.setattr(
        catalogue, "po_path", lambda lang: tmp_path / lang / "LC_MESSAGES" / "clusterrank.po"
    )
    catalogue.compile_all()
    for lang in LANGUAGES:
        assert (tmp_path / lang / "LC_MESSAGES" / "clusterrank.mo").stat().st_size > 0
