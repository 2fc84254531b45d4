"""The experts file: every bad row reported with its line and fix; nothing from a bad file."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from clusterrank.errors import ValidationFailed
from clusterrank.panel.experts_file import read_experts


def test_a_good_file_with_groups_and_weights(tmp_path: Path) -> None:
    path = tmp_path / "experts.csv"
    path.write_text("id,name,group,weight\na1,Анна,science,1\nb2,Bob,,\n", encoding="utf-8")
    experts = read_experts(path)
    assert [(e.ref, e.name, e.group, e.weight) for e in experts] == [
        ("a1", "Анна", "science", 1.0),
        ("b2", "Bob", None, None),
    ]


def test_every_bad_row_is_reported_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "experts.csv"
    path.write_text(
        "id,name,weight\n"
        "a1,Ann,1\n"
        "a1,Again,1\n"  # line 3: repeated id
        ",No id,1\n"  # line 4: empty id
        "c3,,1\n"  # line 5: empty name
        "d4,Dan,-2\n"  # line 6: negative weight
        "e5,Eve,heavy\n",  # line 7: not a number
        encoding="utf-8",
    )
    with pytest.raises(ValidationFailed) as info:
        read_experts(path)
    lines = sorted(p.line for p in info.value.problems if p.line is not None)
    assert lines == [3, 4, 5, 6, 7]
    text = info.value.render()
    assert "already used on line 2" in text
    assert "empty expert id" in text
    assert "empty name" in text
    assert "negative" in text
    assert "'heavy'" in text


def test_missing_and_unknown_columns(tmp_path: Path) -> None:
    path = tmp_path / "experts.csv"
    path.write_text("name,token\nAnn,x\n", encoding="utf-8")
    with pytest.raises(ValidationFailed) as info:
        read_experts(path)
    text = info.value.render()
    assert "needs the column(s) id" in text
    assert "unknown column(s) 'token'" in text


def test_a_workbook_is_read_too(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in (["id", "name", "weight"], ["x1", "Xena", 2], [7, "Seven", None]):
        sheet.append(row)
    path = tmp_path / "experts.xlsx"
    book.save(path)
    experts = read_experts(path)
    assert [(e.ref, e.weight) for e in experts] == [("x1", 2.0), ("7", None)]
