"""Bad input to the import: each a clear message naming the user's file, all problems at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from clusterrank.criteria.files import MAX_TABLE_BYTES
from clusterrank.criteria.importing import ImportChoices, Target, build_scenario, plan_import
from clusterrank.errors import ValidationFailed
from tests.hostile.test_data_reading import write_sheet_xlsx


def refused(path: Path, label: str = "mine.csv") -> str:
    def run() -> None:
        plan = plan_import(path, label, ImportChoices(id_column=None))
        build_scenario(plan, ImportChoices(), Target("x", "x.csv"))

    with pytest.raises(ValidationFailed) as info:
        run()
    text = str(info.value)
    assert label in text
    assert str(path.parent) not in text  # never the server path
    return text


def test_empty_file(tmp_path: Path) -> None:
    (tmp_path / "e.csv").write_text("")
    assert "the file is empty" in refused(tmp_path / "e.csv")


def test_one_column(tmp_path: Path) -> None:
    (tmp_path / "o.csv").write_text("Name\na\nb\n")
    assert "the file has one column" in refused(tmp_path / "o.csv")


def test_duplicate_ids_are_all_listed(tmp_path: Path) -> None:
    (tmp_path / "d.csv").write_text("id,x\na,1\na,2\nb,3\nb,4\n")
    text = refused(tmp_path / "d.csv")
    assert text.count("is on two rows") == 2


def test_all_text_columns(tmp_path: Path) -> None:
    (tmp_path / "t.csv").write_text("Name,Comment\na,good\nb,bad\n")
    assert "no column holds figures" in refused(tmp_path / "t.csv")


def test_every_unreadable_cell_is_listed_at_once(tmp_path: Path) -> None:
    (tmp_path / "c.csv").write_text("Name;x;y\na;1,5;2\nb;abc;3\nc;4;??\nd;5;6\n")
    text = refused(tmp_path / "c.csv")
    assert "2 problems found" in text
    assert "line 3, column 'x': 'abc' is not a number" in text
    assert "line 4, column 'y': '??' is not a number" in text


def test_fifty_megabyte_file_names_the_limit(tmp_path: Path) -> None:
    big = tmp_path / "big.csv"
    with big.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    assert MAX_TABLE_BYTES < 50 * 1024 * 1024
    assert "above the limit of 20 MB" in refused(big, "big.csv")


def test_zip_bomb_renamed_xlsx(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.xlsx"
    write_sheet_xlsx(bomb, 2_000_000, 20, "A1:T2000000")
    text = refused(bomb, "bomb.xlsx")
    assert "zip bomb" in text


def test_csv_named_xlsx_is_refused(tmp_path: Path) -> None:
    (tmp_path / "fake.xlsx").write_text("a,b\n1,2\n")
    assert "not one" in refused(tmp_path / "fake.xlsx", "fake.xlsx")
