"""Hostile data files: issue 8, slice B (reading data tables and plain matrices).

Each test is named after the item of the issue it guards. Large inputs (the zip bomb, the
2,000 × 60 scenario) are generated here into ``tmp_path``; the tests that need a time or
memory bound run the command line in a child under CPU and address-space limits
(:func:`tests.hostile.limits.run_bounded`), never with a wall-clock assert.
"""

from __future__ import annotations

import json
import os
import zipfile
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest
from openpyxl import Workbook

from clusterrank.cli import main
from clusterrank.criteria.files import MAX_TABLE_BYTES
from tests.hostile.limits import run_bounded

GIB = 1024**3


def cli(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out = capsys.readouterr()
    return code, out.out, out.err


def scenario(
    folder: Path,
    data_file: str,
    ids: Sequence[str],
    keys: Sequence[str],
    tail: str = "",
) -> Path:
    """A scenario beside its data file, with its criteria set inline (one benefit criterion
    per key, each its own indicator)."""
    crit = "\n".join(
        f"        - {{id: {k}, direction: benefit, indicators: [{{id: {k}}}]}}" for k in keys
    )
    cands = "\n".join(f'  - {{id: "{i}"}}' for i in ids)
    text = (
        "id: hostile\n"
        "criteria_set:\n"
        "  id: hostile_set\n"
        "  source: written for the test\n"
        "  groups:\n"
        "    - id: g\n"
        "      criteria:\n"
        f"{crit}\n"
        f"candidates:\n{cands}\n"
        f"data:\n  file: {data_file}\n{tail}"
    )
    path = folder / "scenario.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def plain(folder: Path, text: str, name: str = "m.csv") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def ranked_ids(out: str) -> list[str]:
    return [row["id"] for row in json.loads(out)["results"]]


# --- 1. XLSX zip bomb -------------------------------------------------------------------

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    "</Types>"
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
_BOOK = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_BOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
)


def write_sheet_xlsx(
    path: Path, rows: int, cols: int, dimension: str | None, *, varied: bool = False
) -> None:
    """A minimal workbook whose one sheet holds ``rows`` × ``cols`` cells, streamed into the
    archive (DEFLATE) so a huge sheet costs the test little memory. The cells hold 1, or with
    ``varied`` their row number (which compresses like real figures, 10 or 20 to one)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _RELS)
        archive.writestr("xl/workbook.xml", _BOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", _BOOK_RELS)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(
                b'<?xml version="1.0" encoding="UTF-8"?><worksheet '
                b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            )
            if dimension:
                sheet.write(f'<dimension ref="{dimension}"/>'.encode())
            sheet.write(b"<sheetData>")
            row = b"<row>" + b"<c><v>1</v></c>" * cols + b"</row>"
            for start in range(0, rows, 10_000):
                n = min(10_000, rows - start)
                if varied:
                    sheet.write(
                        "".join(
                            f"<row>{f'<c><v>{i}</v></c>' * cols}</row>"
                            for i in range(start, start + n)
                        ).encode()
                    )
                else:
                    sheet.write(row * n)
            sheet.write(b"</sheetData></worksheet>")


def test_xlsx_zip_bomb_is_refused(tmp_path: Path) -> None:
    """2 M rows × 20 cells (over 600 MB of sheet XML in a few MB of file): refused from the
    archive's sizes, in bounded time and memory, naming the limit."""
    bomb = tmp_path / "data.xlsx"
    write_sheet_xlsx(bomb, 2_000_000, 20, "A1:T2000000")
    assert bomb.stat().st_size < MAX_TABLE_BYTES  # it passes the on-disk size limit
    path = scenario(tmp_path, "data.xlsx", ["a", "b"], ["x"])
    for command in ("validate", "rank", "sensitivity"):
        run = run_bounded(command, path, cpu_seconds=60, memory_bytes=3 * GIB // 2)
        assert run.code == 2, (command, run.err)
        assert "data.xlsx" in run.err
        assert "above the limit of 100 MB" in run.err
        assert "zip bomb" in run.err


def test_xlsx_sheet_declaring_two_million_rows_is_refused(tmp_path: Path) -> None:
    """A small file whose sheet declares A1:T2000000 is refused from the declaration."""
    write_sheet_xlsx(tmp_path / "data.xlsx", 3, 1, "A1:T2000000")
    path = scenario(tmp_path, "data.xlsx", ["a", "b"], ["x"])
    run = run_bounded("rank", path, cpu_seconds=30, memory_bytes=GIB)
    assert run.code == 2, run.err
    assert (
        "sheet 'Data' has 2,000,000 rows (its declared range A1:T2000000), above the limit "
        "of 100,000 rows"
    ) in run.err


def test_xlsx_sheet_without_dimension_beyond_row_limit_is_refused(tmp_path: Path) -> None:
    """No ``<dimension>``: the rows are counted while streaming, and the count stops at the
    limit (150,000 one-cell rows unpack to a few MB, well within the size limits)."""
    write_sheet_xlsx(tmp_path / "data.xlsx", 150_000, 1, None, varied=True)
    path = scenario(tmp_path, "data.xlsx", ["a", "b"], ["x"])
    run = run_bounded("rank", path, cpu_seconds=30, memory_bytes=GIB)
    assert run.code == 2, run.err
    assert "sheet 'Data' has more rows than the limit of 100,000 rows" in run.err


def test_old_xls_workbook_is_refused(tmp_path: Path) -> None:
    """An old-format .xls (OLE2) is refused at once: xlrd is not installed, and it is not
    needed to say so."""
    xls = tmp_path / "data.xls"
    xls.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4096)
    path = scenario(tmp_path, "data.xls", ["a", "b"], ["x"])
    run = run_bounded("rank", path, cpu_seconds=30, memory_bytes=GIB)
    assert run.code == 2, run.err
    assert "data.xls: an old-format Excel .xls workbook is not read; save it as .xlsx" in run.err


def test_zip_bomb_renamed_xls_is_still_checked(tmp_path: Path) -> None:
    """The file's content, not its name, decides: a zip named .xls goes through the guard."""
    write_sheet_xlsx(tmp_path / "data.xls", 3, 1, "A1:T2000000")
    path = scenario(tmp_path, "data.xls", ["a", "b"], ["x"])
    run = run_bounded("rank", path, cpu_seconds=30, memory_bytes=GIB)
    assert run.code == 2, run.err
    assert "above the limit of 100,000 rows" in run.err


# --- 2. formulas without a saved result -------------------------------------------------


def test_xlsx_formula_without_saved_result_is_named_per_cell(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """openpyxl writes formulas without a cached value; such a cell was read as empty and
    then imputed. Now each one is named, with the fix, even under an imputing policy."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["candidate_id", "x", "y"])
    sheet.append(["a", 1, "=B2*2"])
    sheet.append(["b", "=B2+1", 3])
    sheet.append(["c", 5, 4])
    book.save(tmp_path / "data.xlsx")
    path = scenario(tmp_path, "data.xlsx", "abc", ["x", "y"], "missing_data: impute_mean\n")
    code, _, err = cli(capsys, "rank", path)
    assert code == 2
    fix = "is a formula without a saved result: open and save the file in Excel"
    assert f"data.xlsx, row a, column y (cell C2): the cell {fix}" in err
    assert f"data.xlsx, row b, column x (cell B3): the cell {fix}" in err
    assert err.count(fix) == 2


# --- 3. files read through criteria.files ------------------------------------------------


def test_fifo_given_to_rank_matrix_is_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "m.csv"
    os.mkfifo(fifo)
    run = run_bounded("rank", "--matrix", fifo, "--directions", "+", cpu_seconds=20, timeout=60)
    assert run.code == 2, run.err
    assert "not a regular file (a pipe, socket or device)" in run.err


def test_dev_zero_given_to_rank_matrix_is_refused() -> None:
    run = run_bounded(
        "rank", "--matrix", "/dev/zero", "--directions", "+", cpu_seconds=20, memory_bytes=GIB
    )
    assert run.code == 2, run.err
    assert "/dev/zero: not a regular file" in run.err


def test_fifo_given_to_ahp_is_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "judgments.csv"
    os.mkfifo(fifo)
    run = run_bounded("ahp", fifo, cpu_seconds=20, timeout=60)
    assert run.code == 2, run.err
    assert "not a regular file" in run.err


def test_data_file_above_the_size_limit_is_refused(tmp_path: Path) -> None:
    """A sparse file one byte over the limit: refused before a byte is read."""
    big = tmp_path / "data.csv"
    with big.open("wb") as handle:
        handle.truncate(MAX_TABLE_BYTES + 1)
    path = scenario(tmp_path, "data.csv", ["a"], ["x"])
    run = run_bounded("rank", path, cpu_seconds=20, memory_bytes=GIB)
    assert run.code == 2, run.err
    assert "above the limit of 20 MB" in run.err
    run = run_bounded("rank", "--matrix", big, "--directions", "+", cpu_seconds=20)
    assert run.code == 2, run.err
    assert "above the limit of 20 MB" in run.err


# --- 4. numbers: one rule for every file ----------------------------------------------------


def test_ambiguous_thousands_in_rank_matrix_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """ "1,200" was read as 1.2 (a guessed decimal comma) and ranked wrongly, silently."""
    m = plain(tmp_path, 'id,size,quality\na,"1,200",3\nb,900,3\n')
    code, out, err = cli(capsys, "rank", "--matrix", m, "--directions", "+,+")
    assert code == 2
    assert out == ""
    assert "m.csv, line 2, row 'a', column 'size': '1,200' is ambiguous" in err
    assert "1200 with thousands grouped, or 1.2 with a decimal mark" in err
    assert "--decimal , or --decimal ." in err


def test_decimal_option_states_the_separator(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """With the separator stated the cell is read, the ranking follows it, and a note says so."""
    m = plain(tmp_path, 'id,size\na,"1,200"\nb,900\n')
    code, out, err = cli(capsys, "rank", "--matrix", m, "--directions", "+", "--format", "json")
    assert code == 2, out
    for decimal, first, value in ((".", "a", "1200"), (",", "b", "1.2")):
        code, out, err = cli(
            capsys, "rank", "--matrix", m, "--directions", "+", "--decimal", decimal, "--format",
            "json",
        )  # fmt: skip
        assert code == 0, err
        assert ranked_ids(out)[0] == first
        notes = json.loads(out)["notes"]
        assert any(f"'1,200' (row 'a', column 'size') is {value}" in n for n in notes), notes
    (tmp_path / "data.csv").write_text("candidate_id,x\na,1\n", encoding="utf-8")
    code, _, err = cli(capsys, "rank", scenario(tmp_path, "data.csv", "a", ["x"]), "--decimal", ",")
    assert code == 2
    assert "a scenario states its data file's decimal separator itself (data.decimal" in err


def test_unambiguous_number_forms_are_read_with_a_note(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A decimal comma shown by "2100,5" settles the ambiguous "1,500" (1.5); "1 200" (a
    no-break space) groups thousands. The numbers are read, and the rule is said in a note."""
    m = plain(tmp_path, 'id,x,y\na,"2100,5",1\u00a0200\nb,"1,500",900\n')
    code, out, err = cli(capsys, "rank", "--matrix", m, "--directions", "+,+", "--format", "json")
    assert code == 0, err
    doc = json.loads(out)
    (note,) = [n for n in doc["notes"] if "m.csv: " in n]
    assert "numbers read with a decimal comma (as in '2100,5', row 'a', column 'x')" in note
    assert "'1,500' (row 'b', column 'x') is 1.5" in note
    assert "(row 'a', column 'y') is 1200" in note
    assert "digits grouped in thousands read as one number" in note
    assert ranked_ids(out) == ["a", "b"]


def test_underscore_is_not_a_number_in_a_data_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Python's float() reads "1_000"; a data file may not."""
    m = plain(tmp_path, "id,x\na,1_000\nb,2\n")
    code, _, err = cli(capsys, "rank", "--matrix", m, "--directions", "+")
    assert code == 2
    assert "'1_000' is not a number: write it without '_'" in err
    (tmp_path / "data.csv").write_text("candidate_id,x\na,1_000\nb,2\n", encoding="utf-8")
    code, _, err = cli(capsys, "rank", scenario(tmp_path, "data.csv", "ab", ["x"]))
    assert code == 2
    assert "data.csv, line 2, row a, column x: '1_000' is not a number" in err


@pytest.mark.parametrize("cell", ["inf", "-Infinity", "nan", "NaN", "1e999"])
def test_non_finite_cells_are_refused_naming_the_cell(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], cell: str
) -> None:
    m = plain(tmp_path, f"id,x\na,1\nb,{cell}\n")
    code, _, err = cli(capsys, "rank", "--matrix", m, "--directions", "+")
    assert code == 2
    assert f"line 3, row 'b', column 'x': {cell!r} is not a finite number" in err
    (tmp_path / "data.csv").write_text(f"candidate_id,x\na,1\nb,{cell}\n", encoding="utf-8")
    tail = "missing_data: impute_mean\n"  # "nan" is no longer a silent missing value
    code, _, err = cli(capsys, "rank", scenario(tmp_path, "data.csv", "ab", ["x"], tail))
    assert code == 2
    assert f"data.csv, line 3, row b, column x: {cell!r} is not a finite number" in err


def test_scenario_data_file_uses_the_same_number_rule(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """ "1,200" is refused in a scenario's data file too, until data.decimal states the mark."""
    (tmp_path / "data.csv").write_text('candidate_id,x\na,"1,200"\nb,900\n', encoding="utf-8")
    path = scenario(tmp_path, "data.csv", "ab", ["x"])
    code, _, err = cli(capsys, "rank", path)
    assert code == 2
    assert "data.csv, line 2, row a, column x: '1,200' is ambiguous" in err
    assert "data.decimal" in err
    path = scenario(tmp_path, "data.csv", "ab", ["x"], '  decimal: "."\n')
    code, out, err = cli(capsys, "rank", path, "--format", "json")
    assert code == 0, err
    assert ranked_ids(out) == ["a", "b"]  # 1200 > 900


def test_pairwise_csv_entries_use_the_number_rule(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Fractions stay allowed; "1_0" and "inf" are refused, each named."""
    good = plain(tmp_path, "x,a,b,c\na,1,3,1/2\nb,1/3,1,1/5\nc,2,5,1\n", "p.csv")
    code, _, err = cli(capsys, "ahp", good)
    assert code == 0, err
    bad = plain(tmp_path, "x,a,b,c\na,1,1_0,1/2\nb,1/3,1,inf\nc,2,5,1\n", "q.csv")
    code, _, err = cli(capsys, "ahp", bad)
    assert code == 2
    assert "q.csv, line 2, 'a' vs 'b': '1_0' is not a number" in err
    assert "q.csv, line 3, 'b' vs 'c': 'inf' is not a finite number" in err


# --- 5. repeated header -----------------------------------------------------------------------


def test_repeated_header_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """pandas renamed the second column ``x.1`` and the first one was used, silently."""
    (tmp_path / "data.csv").write_text("candidate_id,x,y,x\na,1,2,3\nb,4,5,6\n", encoding="utf-8")
    code, _, err = cli(capsys, "rank", scenario(tmp_path, "data.csv", "ab", ["x", "y"]))
    assert code == 2
    assert (
        "data.csv, line 1, header: column 'x' appears 2 times in the header (columns 2 and 4)"
        in err
    )
    m = plain(tmp_path, "id,x,x\na,1,2\nb,3,4\n")
    code, _, err = cli(capsys, "rank", "--matrix", m, "--directions", "+,+")
    assert code == 2
    assert "column 'x' appears 2 times in the header (columns 2 and 3)" in err


def test_repeated_header_in_xlsx_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in (["candidate_id", "x", "y", "x"], ["a", 1, 2, 3], ["b", 4, 5, 6]):
        sheet.append(row)
    book.save(tmp_path / "data.xlsx")
    code, _, err = cli(capsys, "rank", scenario(tmp_path, "data.xlsx", "ab", ["x", "y"]))
    assert code == 2
    assert "column 'x' appears 2 times in the header (columns B and D)" in err


# --- 6. ragged rows and separators ------------------------------------------------------------


def test_ragged_csv_row_names_the_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """It was diagnosed as "x, y, z have no row"."""
    text = "candidate_id,x,y\na,1,2\nb,3,4,5\nc,6,7\n"
    (tmp_path / "data.csv").write_text(text, encoding="utf-8")
    code, _, err = cli(capsys, "rank", scenario(tmp_path, "data.csv", "abc", ["x", "y"]))
    assert code == 2
    assert (
        "data.csv, line 3: line 3 has 4 cells but the header has 3 (cells separated by ',')" in err
    )
    assert "no row" not in err
    assert "1 problem found" in err


def test_semicolon_separated_scenario_csv_is_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A ';'-separated CSV is recognised from its header line; its decimal comma is then
    unambiguous ("1,200" is 1.2), and the note says why."""
    text = "candidate_id;x;y\na;1,200;2\nb;900;3\n"
    (tmp_path / "data.csv").write_text(text, encoding="utf-8")
    path = scenario(tmp_path, "data.csv", "ab", ["x", "y"])
    code, out, err = cli(capsys, "rank", path, "--format", "json")
    assert code == 0, err
    notes = json.loads(out)["notes"]
    assert any(
        "numbers read with a decimal comma (the file is ';'-separated)" in n
        and "'1,200' (row a, column x) is 1.2" in n
        for n in notes
    ), notes


# --- 7. ids are text ----------------------------------------------------------------------------


def test_ids_are_text_in_data_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A CSV's "001" stays "001"; a spreadsheet's numeric id 1.0 is "1"."""
    (tmp_path / "data.csv").write_text("candidate_id,x\n001,5\n1,7\n", encoding="utf-8")
    code, out, err = cli(
        capsys, "rank", scenario(tmp_path, "data.csv", ["001", "1"], ["x"]), "--format", "json"
    )
    assert code == 0, err
    assert ranked_ids(out) == ["1", "001"]
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in (["candidate_id", "x"], [1.0, 5], [2, 7]):
        sheet.append(row)
    book.save(tmp_path / "data.xlsx")
    code, out, err = cli(
        capsys, "rank", scenario(tmp_path, "data.xlsx", ["1", "2"], ["x"]), "--format", "json"
    )
    assert code == 0, err
    assert ranked_ids(out) == ["2", "1"]


# --- 8. scale ---------------------------------------------------------------------------------


def test_scenario_of_2000_by_60_loads_within_cpu_bound(tmp_path: Path) -> None:
    """The old reader fetched a whole row per cell (45-56 s for 2,000 × 60); whole columns
    are now converted at once, so validating and ranking fits in 20 CPU seconds."""
    m, n = 2_000, 60
    ids = [f"c{i:04d}" for i in range(m)]
    keys = [f"k{j}" for j in range(n)]
    values = np.random.default_rng(8).uniform(1, 1000, (m, n))
    lines = ["candidate_id," + ",".join(keys)]
    lines += [
        f"{i}," + ",".join(f"{v:.2f}" for v in row) for i, row in zip(ids, values, strict=True)
    ]
    (tmp_path / "data.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    path = scenario(tmp_path, "data.csv", ids, keys)
    run = run_bounded("rank", path, "--format", "json", cpu_seconds=20, memory_bytes=2 * GIB)
    assert run.code == 0, run.err[-2000:]
    doc = json.loads(run.out)
    assert sorted(row["id"] for row in doc["results"]) == ids
    assert all(np.isfinite(row["score"]) for row in doc["results"])


# --- 9. inline values ---------------------------------------------------------------------------


def test_inline_inf_is_reported_with_file_and_fix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """It was reported without the file and with the wrong fix (a missing-data policy)."""
    (tmp_path / "data.csv").write_text("candidate_id,x\na,1\nb,2\n", encoding="utf-8")
    tail = "  values:\n    a: {x: .inf}\n"
    code, _, err = cli(capsys, "rank", scenario(tmp_path, "data.csv", "ab", ["x"], tail))
    assert code == 2
    assert "scenario.yaml, line" in err
    assert (
        "data.values.a.x: inf is not a finite number; write a finite number, or null for missing"
        in err
    )
    assert "missing-data policy" not in err
