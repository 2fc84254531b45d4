"""Hostile inputs, slice A of the hardening issue: paths, YAML, command-line input and output.

Each test is named after the case of the issue it pins down and asserts the exit code (or
the exception) and the message. Cases that could hang or eat memory run the command line
in a child under CPU and memory limits (:func:`tests.hostile.limits.run_bounded`); the
upload path is called in-process (the loaders are plain functions under ``st.cache_data``).
"""

from __future__ import annotations

import os
import shutil
import stat
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

import clusterrank.ui.loaders
from clusterrank.cli import main
from clusterrank.criteria import decision_matrix, load_scenario
from clusterrank.criteria.files import MAX_TEXT_BYTES, FileScope
from clusterrank.errors import ValidationFailed
from clusterrank.ui.loaders import Upload, load_uploaded
from tests.helpers.criteria import CRITERIA_YAML, DATA_CSV
from tests.hostile.limits import REPO, run_bounded

CONFIGS = REPO / "configs"
KEMEROVO = CONFIGS / "scenarios" / "kemerovo_clusters.yaml"
GVA = CONFIGS / "data" / "seed003_table1_gva_structure.csv"
AHP_YAML = CONFIGS / "ahp" / "cluster_choice_example.yaml"
PASSWD_LIKE = "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n"
CANDIDATES = "candidates:\n  - {id: coal}\n  - {id: bio}\n  - {id: tour}\n"

Cli = Callable[..., tuple[int, str]]


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Cli:
    """``clusterrank ARGS`` in-process: (exit code, stdout + stderr)."""

    def _run(*args: str | Path) -> tuple[int, str]:
        code = main([str(a) for a in args])
        out = capsys.readouterr()
        return code, out.out + out.err

    return _run


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def _project(root: Path, data_ref: str = "data/data.csv", set_ref: str = "set.yaml") -> Path:
    """A scenario in ``root/project`` with its criteria set and data beside it."""
    project = root / "project"
    _write(project / "set.yaml", CRITERIA_YAML)
    _write(project / "data" / "data.csv", DATA_CSV)
    text = f"id: s\ncriteria_set: {set_ref}\n{CANDIDATES}data:\n  file: {data_ref}\n"
    return _write(project / "s.yaml", text)


def _upload_problems(
    text: str, data: Upload | None = None, criteria: Upload | None = None
) -> list[str]:
    with pytest.raises(ValidationFailed) as info:
        load_uploaded(Upload("my_scenario.yaml", text.encode()), data, criteria)
    return [str(p) for p in info.value.problems]


def _billion_laughs(levels: int = 10) -> str:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, levels)]
    return "\n".join(lines) + "\n"


# 1. Path confinement at one depth ------------------------------------------------------------


def test_data_file_outside_the_scenario_folder_is_refused_unless_allowed(
    tmp_path: Path, cli: Cli
) -> None:
    _write(tmp_path / "elsewhere" / "data.csv", DATA_CSV)
    scenario = _project(tmp_path, data_ref="../elsewhere/data.csv")
    code, out = cli("rank", scenario)
    assert code == 2
    assert "data.file: data file '../elsewhere/data.csv' lies outside the folders" in out
    assert "run again with --allow-outside" in out
    code, out = cli("rank", scenario, "--allow-outside")
    assert (code, "coal" in out) == (0, True)


def test_symlink_out_of_the_scenario_folder_is_refused(tmp_path: Path, cli: Cli) -> None:
    outside = _write(tmp_path / "elsewhere" / "data.csv", DATA_CSV)
    scenario = _project(tmp_path, data_ref="link.csv")
    (scenario.parent / "link.csv").symlink_to(outside)
    code, out = cli("validate", scenario)
    assert code == 2
    assert "'link.csv' lies outside the folders this file may read" in out


def test_criteria_set_outside_the_scenario_folder_is_refused(tmp_path: Path, cli: Cli) -> None:
    _write(tmp_path / "sets" / "set.yaml", CRITERIA_YAML)
    scenario = _project(tmp_path, set_ref="../sets/set.yaml")
    code, out = cli("validate", scenario)
    assert code == 2
    assert "line 2, criteria_set: '../sets/set.yaml' lies outside the folders" in out
    assert cli("validate", scenario, "--allow-outside")[0] == 0


def test_regional_table_outside_the_scenario_folder_is_refused(tmp_path: Path) -> None:
    _write(tmp_path / "tables" / "t.csv", "region_id,sector_id,value\nr,a,1\n")
    scenario = _project(tmp_path)
    text = scenario.read_text(encoding="utf-8") + (
        "  regional:\n    - {key: gap, table: ../tables/t.csv, measure: value, indicator: hhi}\n"
    )
    scenario.write_text(text, encoding="utf-8")
    with pytest.raises(ValidationFailed) as info:
        load_scenario(scenario)
    (p,) = info.value.problems
    assert p.location == "data.regional[0].table"
    assert p.message.startswith("table '../tables/t.csv' lies outside the folders")
    scope = FileScope.anywhere()  # what --allow-outside passes: the path is accepted
    with pytest.raises(ValidationFailed) as info:
        decision_matrix(load_scenario(scenario, scope))
    assert all("lies outside" not in str(p) for p in info.value.problems)


def test_regions_rules_file_outside_the_data_folder_is_refused(tmp_path: Path, cli: Cli) -> None:
    data = tmp_path / "data" / GVA.name
    data.parent.mkdir()
    shutil.copy(GVA, data)
    rules = _write(
        tmp_path / "other" / "rules.yaml",
        (CONFIGS / "regional" / "screening_rules.yaml").read_text("utf-8"),
    )
    args = ("regions", "specialisation", data, "--measure", "gva_share", "--total-sector", "total")
    code, out = cli(*args, "--year", "2015", "--rules", rules)
    assert code == 2
    assert "rules.yaml' lies outside the folders this file may read" in out
    code, out = cli(*args, "--year", "2015", "--rules", rules, "--allow-outside", "--table", "hhi")
    assert code == 0, out


def test_shipped_scenarios_still_name_the_shipped_configs(cli: Cli) -> None:
    """../criteria and ../data inside configs/ lie in the shipped-configs root."""
    code, out = cli("validate", KEMEROVO)
    assert (code, "valid Scenario" in out) == (0, True)


# 2. Uploads: confined always, no content echoed, the user's own names ------------------------


def test_upload_naming_etc_passwd_as_criteria_set_shows_no_content() -> None:
    text = f"id: x\ncriteria_set: ../../../../../../etc/passwd\n{CANDIDATES}"
    (problem,) = _upload_problems(text)
    assert problem.startswith(
        "my_scenario.yaml, line 2, criteria_set: '../../../../../../etc/passwd' lies outside"
    )
    assert "root:" not in problem


def test_upload_data_file_pointing_at_a_server_csv_shows_no_cells(tmp_path: Path) -> None:
    secret = _write(tmp_path / "server" / "secret.csv", "candidate_id,x\nSECRET_ID,SECRET_CELL\n")
    climb = "../" * 12 + str(secret).lstrip("/")
    text = (
        f"id: x\ncriteria_set: ../criteria/five_groups.yaml\n{CANDIDATES}"
        f"data:\n  file: {climb}\n  id_column: nope\n  columns: {{participants: x}}\n"
    )
    problems = _upload_problems(text)
    assert any("data.file: data file" in p and "lies outside" in p for p in problems)
    assert not any("SECRET" in p for p in problems)


def test_upload_absolute_data_file_is_refused(tmp_path: Path) -> None:
    server_csv = _write(tmp_path / "server.csv", DATA_CSV)
    for absolute in (server_csv, CONFIGS / "data" / "kemerovo_clusters.csv"):
        text = f"id: x\ncriteria_set: ../criteria/five_groups.yaml\n{CANDIDATES}"
        problems = _upload_problems(text + f"data: {{file: {absolute}}}\n")
        assert any("is an absolute path, which this file may not use" in p for p in problems)


def test_upload_parse_failure_does_not_echo_the_file() -> None:
    text = f"id: x\ncriteria_set: ../criteria/mine.yaml\n{CANDIDATES}"
    (problem,) = _upload_problems(text, criteria=Upload("my set.yaml", PASSWD_LIKE.encode()))
    assert problem == (
        "my set.yaml, line 1: the file must be a mapping of keys and values (got plain text)"
    )


def test_upload_messages_name_the_users_files_not_the_staging_path() -> None:
    lines = (CONFIGS / "data" / "kemerovo_clusters.csv").read_text("utf-8").splitlines()
    head = next(i for i, line in enumerate(lines) if line.startswith("candidate_id"))
    cells = lines[head + 1].split(",")
    cells[1] = "oops"
    lines[head + 1] = ",".join(cells)
    data = Upload("my_data.csv", ("\n".join(lines) + "\n").encode())
    problems = _upload_problems(KEMEROVO.read_text("utf-8"), data=data)
    assert problems
    assert all(p.startswith("my_data.csv, line") for p in problems)
    assert not any("clusterrank-uploads" in p or "/tmp" in p for p in problems)
    missing = KEMEROVO.read_text("utf-8").replace("kemerovo_clusters.csv", "nope.csv")
    (problem,) = _upload_problems(missing)
    assert "data file not found: tried upload/data/nope.csv" in problem


def test_upload_notes_name_the_users_data_file_not_the_staging_path() -> None:
    """The notes of a valid upload (imputed cells, the number rule) name the user's file."""
    data = Upload("my_data.csv", (CONFIGS / "data" / "kemerovo_clusters.csv").read_bytes())
    text = KEMEROVO.read_text("utf-8").replace("id: kemerovo", "id: kemerovo_notes", 1)
    loaded = load_uploaded(Upload("mine.yaml", text.encode()), data, None)
    shown = [*loaded.matrix.notes, *(c.message for c in loaded.matrix.cell_notes)]
    assert loaded.matrix.cell_notes  # the Kemerovo data has imputed cells
    assert not any("clusterrank-uploads" in t or "/tmp" in t for t in shown), shown


def test_upload_staging_folder_is_private_and_removed(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[Path, int]] = []
    stage = clusterrank.ui.loaders._stage

    def spy(folder: Path) -> Path:
        seen.append((folder, stat.S_IMODE(folder.stat().st_mode)))
        return stage(folder)

    monkeypatch.setattr(clusterrank.ui.loaders, "_stage", spy)
    text = KEMEROVO.read_text("utf-8").replace("id: kemerovo", "id: kemerovo_private", 1)
    loaded = load_uploaded(Upload("mine.yaml", text.encode()), None, None)
    assert loaded.source == "uploaded: mine.yaml"
    ((folder, mode),) = seen
    root = folder.parent
    assert (mode, stat.S_IMODE(root.stat().st_mode)) == (0o700, 0o700)
    assert root.stat().st_uid == os.getuid()
    assert not folder.exists()  # removed once the load is done


# 3. Billion laughs ----------------------------------------------------------------------------


def test_billion_laughs_yaml_is_refused_in_bounded_time(tmp_path: Path) -> None:
    bomb = _write(tmp_path / "bomb.yaml", _billion_laughs())
    assert bomb.stat().st_size < 1500
    result = run_bounded("validate", bomb, cpu_seconds=20, memory_bytes=1024**3)
    assert result.code == 2, result.err
    assert "expand to more than 100,000 values beyond those written (the limit)" in result.err


def test_billion_laughs_rules_file_is_refused_in_bounded_time(tmp_path: Path) -> None:
    bomb = _write(tmp_path / "rules.yaml", "rule_sets: []\n" + _billion_laughs())
    args = ("regions", "specialisation", GVA, "--measure", "gva_share", "--year", "2015")
    result = run_bounded(*args, "--rules", bomb, "--allow-outside", cpu_seconds=20)
    assert result.code == 2, result.err
    assert "rules.yaml: its aliases (*name) expand to more than 100,000 values" in result.err


def test_billion_laughs_upload_is_refused() -> None:
    (problem,) = _upload_problems(_billion_laughs(7))  # 9**6 values: over the limit
    assert "my_scenario.yaml: its aliases (*name) expand to more than 100,000" in problem


# 5. Deep nesting, long integers, ids that are numbers -----------------------------------------


def test_deeply_nested_yaml_is_a_clear_problem(tmp_path: Path) -> None:
    deep = _write(tmp_path / "deep.yaml", "a: " + "[" * 5000 + "\n")
    result = run_bounded("validate", deep, cpu_seconds=20)
    assert result.code == 2, result.err
    assert "deep.yaml, line 1: nested more than 64 levels deep (the limit)" in result.err
    (problem,) = _upload_problems("a: " + "[" * 5000 + "\n")
    assert "nested more than 64 levels deep" in problem


def test_integer_with_5000_digits_is_a_clear_problem(tmp_path: Path, cli: Cli) -> None:
    path = _write(
        tmp_path / "big.yaml",
        "id: x\nsource: s\ngroups:\n  - id: g\n    weight: " + "7" * 5000 + "\n",
    )
    code, out = cli("validate", path)
    assert code == 2
    assert "big.yaml, line 5: a whole number of 5000 digits is longer than the 4300" in out
    assert "7" * 50 not in out


def test_yaml_id_001_matches_the_csv_id_001(tmp_path: Path) -> None:
    project = tmp_path / "project"
    _write(project / "set.yaml", CRITERIA_YAML)
    _write(project / "d.csv", DATA_CSV.replace("coal,", "001,").replace("bio,", "010,"))
    text = (
        "id: s\ncriteria_set: set.yaml\ncandidates: [{id: 001}, {id: 010}, {id: tour}]\n"
        "data:\n  file: d.csv\n  values: {001: {strategy: 9}}\n"
    )
    scenario = load_scenario(_write(project / "s.yaml", text))
    assert scenario.candidate_ids == ("001", "010", "tour")
    dm = decision_matrix(scenario)
    assert dm.candidates == ("001", "010", "tour")
    assert dm.values[0, -1] == 9.0  # the inline value keyed 001 reached candidate 001


# 6. Non-regular files -------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".csv", ".yaml"])
def test_fifo_given_to_ahp_is_refused(tmp_path: Path, suffix: str) -> None:
    fifo = tmp_path / f"judgments{suffix}"
    os.mkfifo(fifo)
    result = run_bounded("ahp", fifo, cpu_seconds=20, timeout=60)
    assert result.code == 2, result.err
    assert "not a regular file (a pipe, socket or device)" in result.err


def test_fifo_given_to_regions_rules_is_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "rules.yaml"
    os.mkfifo(fifo)
    args = ("regions", "specialisation", GVA, "--measure", "gva_share", "--year", "2015")
    result = run_bounded(*args, "--rules", fifo, "--allow-outside", cpu_seconds=20, timeout=60)
    assert result.code == 2, result.err
    assert "rules.yaml: not a regular file (a pipe, socket or device)" in result.err


def test_fifo_or_dev_zero_as_scenario_is_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "s.yaml"
    os.mkfifo(fifo)
    for given in (fifo, Path("/dev/zero")):
        result = run_bounded("rank", given, cpu_seconds=20, timeout=60)
        assert result.code == 2, result.err
        assert "not a regular file (a pipe, socket or device)" in result.err


def test_folder_or_fifo_as_data_file_says_what_it_is(tmp_path: Path, cli: Cli) -> None:
    scenario = _project(tmp_path, data_ref="folder.csv")
    (scenario.parent / "folder.csv").mkdir()
    code, out = cli("validate", scenario)
    assert code == 2
    assert "data file folder.csv: this is a folder, not a file" in out.replace(
        str(tmp_path / "project") + "/", ""
    )
    scenario = _project(tmp_path, data_ref="pipe.csv")
    os.mkfifo(scenario.parent / "pipe.csv")
    code, out = cli("validate", scenario)
    assert code == 2
    assert "not a regular file (a pipe, socket or device)" in out


def test_oversized_yaml_is_refused_with_the_limit(tmp_path: Path, cli: Cli) -> None:
    big = tmp_path / "big.yaml"
    big.write_text("id: x\n" + "# padding\n" * (MAX_TEXT_BYTES // 10 + 1), encoding="utf-8")
    code, out = cli("validate", big)
    assert code == 2
    assert "above the limit of 4 MB" in out


# 7. Output files ------------------------------------------------------------------------------


def test_output_onto_an_input_file_is_refused(tmp_path: Path, cli: Cli) -> None:
    scenario = _project(tmp_path)
    before = scenario.read_bytes()
    ahp = tmp_path / AHP_YAML.name
    shutil.copy(AHP_YAML, ahp)
    gva = tmp_path / GVA.name
    shutil.copy(GVA, gva)
    for args in (
        ("rank", scenario, "-o", scenario),
        ("sensitivity", scenario, "-o", scenario),
        ("ahp", ahp, "-o", ahp),
        ("regions", "specialisation", gva, "--measure", "gva_share", "-o", gva),
        ("regions", "marketability", gva, "-o", gva),
    ):
        code, out = cli(*args)
        assert code == 2, args
        assert "the output file is one of the inputs; choose another name for -o" in out
    assert scenario.read_bytes() == before


def test_schema_output_onto_an_existing_file_is_a_clear_message(tmp_path: Path, cli: Cli) -> None:
    target = _write(tmp_path / "schemas", "not a folder\n")
    code, out = cli("schema", "-o", target)
    assert code == 2
    assert f"error: cannot write output {target}: it is a file" in out
    assert "give a folder name with -o" in out


def test_output_errors_say_cannot_write_output(tmp_path: Path, cli: Cli) -> None:
    missing = tmp_path / "no_such_folder" / "out.csv"
    code, out = cli("rank", KEMEROVO, "--format", "csv", "-o", missing)
    assert code == 2
    assert f"cannot write output {missing}: the folder" in out
    assert "does not exist; create it or choose another -o" in out
    assert "cannot read input" not in out
    code, out = cli("rank", KEMEROVO, "-o", tmp_path)
    assert code == 2
    assert f"cannot write output {tmp_path}: it is a folder" in out
