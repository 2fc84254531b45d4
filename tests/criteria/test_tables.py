"""Reading CSV and XLSX tables (criteria.tables) and the workbook guard (criteria.xlsx_guard).

The hostile end-to-end cases (zip bomb, FIFO, 2,000 × 60) live in tests/hostile; these
check each rule on small files, with the limits lowered where a rule is about a limit.
"""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from pathlib import Path

import pytest
from openpyxl import Workbook

from clusterrank.criteria import xlsx_guard
from clusterrank.criteria.numbers import Unreadable
from clusterrank.criteria.tables import FORMULA_WITHOUT_RESULT, csv_table, read_table
from clusterrank.errors import ValidationFailed


def messages(exc: pytest.ExceptionInfo[ValidationFailed]) -> list[str]:
    return [p.message for p in exc.value.problems]


def workbook(path: Path, rows: Sequence[Sequence[object]]) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Data"
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


@pytest.mark.parametrize(
    ("header", "separator"),
    [("a,b,c", ","), ("a;b;c", ";"), ("a\tb\tc", "\t"), ('"x;y",b,c', ","), ("a", ",")],
)
def test_separator_is_found_from_the_header(header: str, separator: str) -> None:
    table = csv_table(f"{header}\n", "t.csv")
    assert table.separator == separator


def test_tied_separators_are_refused() -> None:
    """Both split every line into equal rows: nothing tells them apart, so it is refused."""
    with pytest.raises(ValidationFailed) as info:
        csv_table("a,b;c\n1,2;3\n", "t.csv")
    assert messages(info) == [
        "cannot tell the separator: ',' and ';' both split the first lines into equal rows; "
        "separate the cells with one of them and put quotes around names that contain the other"
    ]


def test_semicolon_file_with_commas_in_its_header_is_read_with_semicolons() -> None:
    """Excel's Russian CSV: ';' between cells, commas in names and decimal commas. Only ';'
    splits every line into the header's number of cells, so it wins the header's tie."""
    text = "Cluster;Investment, mln RUB;Jobs, persons\nA;2100,5;12\nB;1800;30\n"
    table = csv_table(text, "t.csv")
    assert table.separator == ";"
    assert table.header == ("Cluster", "Investment, mln RUB", "Jobs, persons")
    assert table.rows[0] == ("A", "2100,5", "12")


def test_more_commas_in_the_header_than_semicolons_still_reads_semicolons() -> None:
    text = "id;Investment, mln RUB, total;Jobs\nA;2100;12\nB;1800;30\n"
    assert csv_table(text, "t.csv").separator == ";"


def test_rows_keep_their_lines_and_text() -> None:
    """Blank lines are skipped but counted; ids stay text ("001"); a quoted cell may hold
    the separator and a line break."""
    table = csv_table('id,x\n\n001,"1,5"\n"two\nlines",3\n', "t.csv")
    assert table.rows == (("001", "1,5"), ("two\nlines", "3"))
    assert table.numbers == (3, 5)
    assert table.header_line == 1


def test_ragged_lines_are_named_and_capped() -> None:
    text = "id,x\n" + "".join(f"r{i},1,2\n" for i in range(12)) + "short\n"
    with pytest.raises(ValidationFailed) as info:
        csv_table(text, "t.csv")
    found = messages(info)
    assert found[0] == (
        "line 2 has 3 cells but the header has 2 (cells separated by ','); remove the extra "
        "cells, or put quotes around a cell that holds a ','"
    )
    assert len(found) == 11
    assert found[-1] == "3 more lines have a number of cells other than the header's 2"
    assert [p.line for p in info.value.problems[:2]] == [2, 3]


def test_short_line_is_named() -> None:
    with pytest.raises(ValidationFailed) as info:
        csv_table("id;x;y\na;1\n", "t.csv")
    assert messages(info) == [
        "line 2 has 2 cells but the header has 3 (cells separated by ';'); add the missing "
        "cells (leave a cell empty for a missing value)"
    ]


def test_repeated_header_names_every_position() -> None:
    with pytest.raises(ValidationFailed) as info:
        csv_table("id,x,x,y,x\n", "t.csv")
    assert messages(info)[0].startswith(
        "column 'x' appears 3 times in the header (columns 2, 3 and 5)"
    )


def test_xlsx_numbers_ids_and_formulas(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "d.xlsx",
        [[], ["id", "x", "y"], [1.0, 2, "=B3*2"], [None, None, None], ["b", 3.5, 4]],
    )
    table = read_table(path, "d.xlsx")
    assert table.header == ("id", "x", "y")
    assert table.header_line == 2
    assert table.rows[0][:2] == (1, 2)
    assert table.rows[0][2] == Unreadable(FORMULA_WITHOUT_RESULT)
    assert table.rows[1] == ("b", 3.5, 4)
    assert table.numbers == (3, 5)  # the blank row 4 is skipped
    assert table.cell(1, 2) == " (cell C5)"


def test_missing_sheet_lists_the_sheets(tmp_path: Path) -> None:
    path = workbook(tmp_path / "d.xlsx", [["id"]])
    with pytest.raises(ValidationFailed, match="sheet 'Other' not found; sheets in the file: Data"):
        read_table(path, "d.xlsx", "Other")


def test_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "d.xlsx"
    path.write_text("id,x\n", encoding="utf-8")
    with pytest.raises(ValidationFailed) as info:
        read_table(path, "d.xlsx")
    assert messages(info) == [
        "not an .xlsx workbook (not a zip archive); save the sheet as .xlsx or .csv"
    ]


def test_compression_ratio_is_bounded(tmp_path: Path) -> None:
    path = tmp_path / "d.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/sharedStrings.xml", b"a" * (4 * 1024 * 1024))
    with pytest.raises(ValidationFailed) as info:
        read_table(path, "d.xlsx")
    (message,) = messages(info)
    assert message.startswith("part xl/sharedStrings.xml is compressed ")
    assert "above the limit of 100 to one (the file may be a zip bomb)" in message


def test_too_many_parts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(xlsx_guard, "MAX_MEMBERS", 3)
    path = tmp_path / "d.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        for i in range(5):
            archive.writestr(f"part{i}.xml", b"<x/>")
    with pytest.raises(ValidationFailed, match="the workbook has 5 parts, above the limit of 3"):
        read_table(path, "d.xlsx")


def test_rows_are_counted_when_the_dimension_lies(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """openpyxl writes a true dimension (A1:A60), caught from the declaration; edited to
    claim A1:A2, the streamed count catches it."""
    monkeypatch.setattr(xlsx_guard, "MAX_SHEET_ROWS", 50)
    path = workbook(tmp_path / "d.xlsx", [["id"], *[[i] for i in range(59)]])
    with pytest.raises(ValidationFailed) as info:
        read_table(path, "d.xlsx")
    assert messages(info)[0].startswith(
        "sheet 'Data' has 60 rows (its declared range A1:A60), above the limit of 50 rows"
    )
    lying = tmp_path / "lying.xlsx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(lying, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename.startswith("xl/worksheets/"):
                data = data.replace(b'ref="A1:A60"', b'ref="A1:A2"')
            dst.writestr(item, data)
    with pytest.raises(ValidationFailed) as info:
        read_table(lying, "lying.xlsx")
    assert messages(info)[0].startswith("sheet 'Data' has more rows than the limit of 50 rows")


def test_the_reader_stops_at_the_limit_whatever_the_scan_said(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = workbook(tmp_path / "d.xlsx", [["id"], *[[i] for i in range(59)]])
    monkeypatch.setattr(
        xlsx_guard, "check_workbook", lambda data, label: xlsx_guard.WorkbookCheck(0)
    )
    monkeypatch.setattr(xlsx_guard, "MAX_SHEET_ROWS", 50)
    with pytest.raises(ValidationFailed) as info:
        read_table(path, "d.xlsx")
    assert messages(info)[0].startswith("sheet 'Data' has more rows than the limit of 50 rows")


def test_damaged_sheet_xml_is_a_problem_not_a_traceback(tmp_path: Path) -> None:
    path = workbook(tmp_path / "d.xlsx", [["id", "x"], ["a", 1]])
    damaged = tmp_path / "damaged.xlsx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(damaged, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename.startswith("xl/worksheets/"):
                data = data.replace(b"</sheetData>", b"<row><c><v>1</sheetData>")
            dst.writestr(item, data)
    with pytest.raises(ValidationFailed) as info:
        read_table(damaged, "damaged.xlsx")
    (message,) = messages(info)
    assert message.startswith("cannot read sheet 'Data' (")
    assert message.endswith("open the file in Excel and save it again")
