"""Both YAML parsers give the same data, node marks, limits and line numbers in messages.

criteria.yaml_parse uses libyaml's C parser (as ``yaml.CSafeLoader``) where PyYAML has it,
else PyYAML's pure-Python ``SafeLoader``; the composer, the depth and alias limits and the
integer rule are ours in both. Every case runs with each parser.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from clusterrank.criteria import yaml_parse
from clusterrank.criteria.loading import load_scenario
from clusterrank.criteria.yaml_parse import MAX_DEPTH, parse_document
from clusterrank.errors import Problem, ValidationFailed

ROOT = Path(__file__).resolve().parents[2]
KEMEROVO = ROOT / "configs" / "scenarios" / "kemerovo_clusters.yaml"
LOADERS = [
    pytest.param(yaml_parse.PythonLoader, id="SafeLoader"),
    pytest.param(
        yaml_parse.LibyamlLoader,
        id="CSafeLoader",
        marks=pytest.mark.skipif(not yaml.__with_libyaml__, reason="PyYAML without libyaml"),
    ),
]


@pytest.fixture(params=LOADERS)
def loader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> type:
    monkeypatch.setattr(yaml_parse, "LOADER", request.param)
    loader_class: type = request.param
    return loader_class


def _problem(text: str) -> Problem:
    with pytest.raises(ValidationFailed) as info:
        parse_document(text, "f.yaml")
    (p,) = info.value.problems
    return p


def test_libyaml_is_the_default_where_pyyaml_has_it() -> None:
    expected = yaml_parse.LibyamlLoader if yaml.__with_libyaml__ else yaml_parse.PythonLoader
    assert yaml_parse.LOADER is expected


def test_same_data_and_node_marks_for_a_shipped_scenario(loader: type) -> None:
    text = KEMEROVO.read_text(encoding="utf-8")
    data, node = parse_document(text, "s.yaml")
    assert data == yaml.safe_load(text)
    assert _outline(node) == _outline(yaml.compose(text, Loader=yaml.SafeLoader))


def _outline(root: yaml.Node | None) -> list[tuple[object, ...]]:
    """Every node in document order: kind, tag, scalar value, start and end marks."""
    out: list[tuple[object, ...]] = []
    stack = [root]
    while stack:
        node = stack.pop()
        assert node is not None
        start, end = node.start_mark, node.end_mark
        value = node.value if isinstance(node, yaml.ScalarNode) else None
        out.append((type(node).__name__, node.tag, value, start.line, start.column, end.line))
        if isinstance(node, yaml.MappingNode):
            stack.extend(part for pair in reversed(node.value) for part in reversed(pair))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(reversed(node.value))
    return out


@pytest.mark.parametrize(
    ("text", "line", "hint"),
    [
        ("id: x\ngroups:\n  - id: a\n   criteria: [\n", 4, ""),
        ("id: x\ncriteria:\n  - id: a\n    direction: -\n", 4, 'write the cost direction as "-"'),
        ("id: x\n\tkey: 1\n", 2, "indent with spaces, not tabs"),
        ("id: x\nitems:\n\t- a\n", 3, "indent with spaces, not tabs"),
        ("id: x\n  title: y\n z: 1\n", 2, ""),
        ('id: x\ntitle: "abc\nz: 1\n', 4, ""),
        ("id: x\nlist: [1, 2\nz: 1\n", 3, ""),
        ("id: x\n---\nid: y\n", 2, ""),
        ("a: 1\nb: *nope\n", 2, ""),
    ],
)
def test_syntax_errors_carry_the_same_line_and_hint(
    loader: type, text: str, line: int, hint: str
) -> None:
    p = _problem(text)
    assert (p.file, p.line) == ("f.yaml", line)
    assert p.message.startswith("not valid YAML: ")
    assert hint in p.message


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("ok: 1\na: " + "[" * (MAX_DEPTH + 5) + "\n", 2, f"nested more than {MAX_DEPTH} levels"),
        ("a: " + "[" * 5000 + "\n", 1, f"nested more than {MAX_DEPTH} levels"),
        ("ok: 1\na: &a [1, *a]\n", 2, "an alias (*name) refers to the list or mapping"),
        ("a: 1\nb: " + "9" * 5000 + "\n", 2, "a whole number of 5000 digits"),
    ],
)
def test_limits_hold_with_the_same_line(loader: type, text: str, line: int, message: str) -> None:
    p = _problem(text)
    assert p.line == line
    assert p.message.startswith(message)


def test_alias_bomb_is_refused(loader: type) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    assert "expand to more than" in _problem("\n".join(lines) + "\n").message


def test_control_character_is_named_without_the_content(loader: type) -> None:
    assert str(_problem("a: secret\x00value\n")) == (
        "f.yaml: not valid YAML: a control character (#x0000) at character 9; "
        "save the file as plain UTF-8 text"
    )


def test_integers_keep_their_spelling(loader: type) -> None:
    data, _ = parse_document("a: 001\nb: 1_000\nc: 42\nd: 0.5\n", "f.yaml")
    assert data == {"a": "001", "b": "1_000", "c": 42, "d": 0.5}


def test_model_problems_carry_the_same_line(loader: type, tmp_path: Path) -> None:
    """A pydantic problem is placed on its YAML line through the node marks."""
    configs = KEMEROVO.parents[1]
    text = (
        KEMEROVO.read_text(encoding="utf-8")
        .replace("missing_data: impute_worst", "missing_data: x")
        .replace("../criteria/", f"{configs / 'criteria'}/")
        .replace("../data/", f"{configs / 'data'}/")
    )
    assert "missing_data: x" in text
    bad = tmp_path / "s.yaml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(ValidationFailed) as info:
        load_scenario(bad)
    (p,) = [q for q in info.value.problems if q.location == "missing_data"]
    assert p.line == 1 + text.splitlines().index("missing_data: x")
