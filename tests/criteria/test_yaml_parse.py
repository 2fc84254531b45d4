"""The bounded YAML parser every loader uses (criteria.yaml_parse)."""

from __future__ import annotations

import pytest

from clusterrank.criteria.yaml_parse import MAX_DEPTH, parse_document, parse_yaml
from clusterrank.errors import ValidationFailed


def _problem(text: str) -> str:
    with pytest.raises(ValidationFailed) as info:
        parse_document(text, "f.yaml")
    (p,) = info.value.problems
    return str(p)


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("0", 0),
        ("42", 42),
        ("-7", -7),
        ("001", "001"),
        ("010", "010"),  # YAML 1.1 would read octal 8
        ("1_000", "1_000"),
        ("+5", "+5"),
        ("0x1F", "0x1F"),
        ("0b101", "0b101"),
        ("1:30", "1:30"),  # YAML 1.1 sexagesimal 90
        ("-0", "-0"),
    ],
)
def test_integers_keep_their_spelling_unless_plain(written: str, read: object) -> None:
    data, _ = parse_document(f"v: {written}\n", "f.yaml")
    assert data == {"v": read}
    assert type(data["v"]) is type(read)


def test_floats_and_booleans_are_unchanged() -> None:
    data, _ = parse_document("a: 0.25\nb: 1.0e+3\nc: true\n", "f.yaml")
    assert data == {"a": 0.25, "b": 1000.0, "c": True}


def test_a_few_aliases_still_load_and_share_values() -> None:
    data, _ = parse_document("base: &b {x: 1, y: [1, 2]}\none: *b\ntwo: *b\n", "f.yaml")
    assert data["one"] == data["two"] == {"x": 1, "y": [1, 2]}


def test_alias_loop_is_refused_with_its_line() -> None:
    assert _problem("ok: 1\na: &a [1, *a]\n") == (
        "f.yaml, line 2: an alias (*name) refers to the list or mapping that holds it; "
        "remove the loop"
    )


def test_nesting_through_aliases_is_bounded() -> None:
    lines = ["a0: &a0 [x]"] + [f"a{i}: &a{i} [*a{i - 1}]" for i in range(1, MAX_DEPTH + 2)]
    assert f"nested more than {MAX_DEPTH} levels deep once its aliases" in _problem(
        "\n".join(lines) + "\n"
    )


def test_control_character_is_named_without_the_content() -> None:
    assert _problem("a: secret\x00value\n") == (
        "f.yaml: not valid YAML: a control character (#x0000) at character 9; "
        "save the file as plain UTF-8 text"
    )


def test_single_value_document_is_not_echoed() -> None:
    with pytest.raises(ValidationFailed) as info:
        parse_yaml("top secret words\nmore secret words\n", "f.yaml")
    assert str(info.value.problems[0]) == (
        "f.yaml, line 1: the file must be a mapping of keys and values (got plain text)"
    )


def test_duplicate_key_in_an_aliased_mapping_is_reported_once() -> None:
    text = "base: &b\n  x: 1\n  x: 2\none: *b\ntwo: *b\n"
    with pytest.raises(ValidationFailed) as info:
        parse_yaml(text, "f.yaml")
    assert [str(p) for p in info.value.problems] == [
        "f.yaml, line 3, base: key 'x' appears twice (also on line 2); keep one"
    ]
