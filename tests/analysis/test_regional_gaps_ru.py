"""A year with gaps is skipped, not fatal, whatever the language of the load (issue 14).

The analysis tells gaps from other problems by :attr:`errors.Problem.kind` (``"gap"``), not
by the English words of the message, so a Russian load of a table whose 2019 lacks a figure
still analyses 2020 and notes 2019 as skipped, in Russian. Reads the shipped Russian
catalogue (``clusterrank/i18n/locale/ru``).
"""

from __future__ import annotations

import io

import pytest

from clusterrank.analysis.regional import SpecialisationAnalysis, specialisation_analysis
from clusterrank.criteria.regional import GAP, read_region_sector_table
from clusterrank.errors import ValidationFailed
from tests.helpers.i18n import speaking

# Made up: two regions and a reference, two sectors, 2019 lacks mining in region A.
TABLE = """\
year,region_id,sector_id,value
2019,A,mining,
2019,A,food,20
2019,B,mining,5
2019,B,food,15
2019,RU,mining,100
2019,RU,food,200
2020,A,mining,12
2020,A,food,21
2020,B,mining,6
2020,B,food,14
2020,RU,mining,110
2020,RU,food,190
"""


def _analyse() -> SpecialisationAnalysis:
    return specialisation_analysis(io.StringIO(TABLE), reference="RU", label="t.csv")


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_a_year_with_gaps_is_skipped_in_either_language(lang: str) -> None:
    """2019's missing figure skips 2019 only; 2020 is analysed (the note in the language)."""
    with speaking(lang):
        result = _analyse()
    assert list(result.reports) == [2020]
    note = result.skipped[2019]
    words = "пропущено значение показателя" if lang == "ru" else "missing measure"
    assert words in note
    assert "'A'" in note
    assert "'mining'" in note


def test_gap_problems_carry_their_kind_and_others_do_not() -> None:
    """The gap is marked ``kind="gap"`` in Russian too; a non-number is not a gap."""
    with speaking("ru"), pytest.raises(ValidationFailed) as gap:
        read_region_sector_table(io.StringIO(TABLE), year=2019, reference_id="RU", label="t.csv")
    assert [p.kind for p in gap.value.problems] == [GAP]
    assert "пропущено значение показателя" in gap.value.problems[0].message
    bad = TABLE.replace("2020,A,food,21", "2020,A,food,много")
    with speaking("ru"), pytest.raises(ValidationFailed) as other:
        read_region_sector_table(io.StringIO(bad), year=2020, reference_id="RU", label="t.csv")
    assert [p.kind for p in other.value.problems] == [""]
    assert "не число" in other.value.problems[0].message


def test_a_year_whose_problems_are_not_gaps_stops_the_analysis() -> None:
    """A non-number in one year is an error to fix, not a gap to skip (in Russian too)."""
    bad = TABLE.replace("2019,A,mining,", "2019,A,mining,много")
    with speaking("ru"), pytest.raises(ValidationFailed, match="не число"):
        specialisation_analysis(io.StringIO(bad), reference="RU", label="t.csv")
