"""Loading for the Regions page: region × sector tables and the regional scenarios.

The analyses are cached with ``st.cache_data`` keyed by the file's bytes, its name and the
options chosen (all hashable), and return plain picklable views
(:class:`reports.regions_view.SpecialisationView`); a rerun that changed nothing reads and
computes nothing. A regional scenario is loaded through :func:`ui.loaders.load_shipped` (cached)
and ranked once per file version, kept in the session; when it is the scenario in use, its
ranking is the session's (the weights of the Weights page).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from clusterrank.analysis.ranking import rank_scenario
from clusterrank.analysis.report import RankingReport
from clusterrank.criteria.regional import DEFAULT_RULES_PATH, load_screening_rules
from clusterrank.errors import ValidationFailed
from clusterrank.i18n import _, language, pgettext
from clusterrank.reports.regions_view import (
    SpecialisationView,
    TableInfo,
    data_attribution,
    describe_table,
    shipped_tables,
    specialisation_view,
    tables_workbook,
)
from clusterrank.ui import state
from clusterrank.ui.loaders import CONFIGS, SCENARIOS, Loaded, load_shipped

DATA = CONFIGS / "data"
README = DATA / "README_regional.md"
REGIONAL_SCENARIOS = ("uk_nuts2_innovation.yaml", "eu_nuts2_regions.yaml")
MEMO = "regions__memo"  # dict[str, tuple[key, RankingReport]]: regional rankings, per file


@dataclass(frozen=True)
class TableSource:
    """A region × sector CSV chosen on the page: its name, bytes, and whether it is shipped."""

    name: str
    data: bytes
    shipped: bool


def shipped() -> dict[str, Path]:
    """The shipped region × sector tables (``configs/data``), by file name."""
    return {name: Path(path) for name, path in _shipped(str(DATA)).items()}


@st.cache_data(show_spinner=False, ttl=60)
def _shipped(folder: str) -> dict[str, str]:
    return {name: str(path) for name, path in shipped_tables(Path(folder)).items()}


def read_shipped(name: str) -> TableSource:
    """A shipped table's bytes (a missing file is a problem naming it)."""
    path = shipped().get(name)
    if path is None or not path.is_file():
        msg = _("shipped table {name!r} not found in {folder}; pick another one").format(
            name=name, folder=DATA
        )
        raise ValidationFailed.single(name, "", msg)
    return TableSource(f"configs/data/{name}", path.read_bytes(), True)


def _text(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        msg = _("not UTF-8 text (byte {position}); save the file as UTF-8 CSV").format(
            position=exc.start
        )
        raise ValidationFailed.single(name, "", msg) from exc


def table_info(data: bytes, name: str) -> TableInfo:
    """Measures, years, regions and sectors the table offers (its figures not yet checked)."""
    return _table_info(data, name, language())


@st.cache_data(show_spinner=False, max_entries=16)
def _table_info(data: bytes, name: str, lang: str) -> TableInfo:
    del lang  # part of the cache key only: the texts are in the session's language
    return describe_table(_text(data, name), name)


def specialisation(
    data: bytes,
    name: str,
    measure: str | None,
    reference: str | None,
    year: int | None,
    total_sector: str | None,
    rule_sets: tuple[str, ...],
) -> SpecialisationView:
    """LQ, HHI and screening of the table with these options (see ``analysis.regional``).

    Cached per language too: its notes, reasons and settings are words.
    """
    options = (measure, reference, year, total_sector, rule_sets)
    return _specialisation(data, name, *options, language())


@st.cache_data(show_spinner=False, max_entries=32)
def _specialisation(  # the cache key: every option and the language
    data: bytes,
    name: str,
    measure: str | None,
    reference: str | None,
    year: int | None,
    total_sector: str | None,
    rule_sets: tuple[str, ...],
    lang: str,
) -> SpecialisationView:
    del lang  # part of the cache key only
    return specialisation_view(
        _text(data, name),
        name,
        measure=measure,
        reference=reference,
        year=year,
        total_sector=total_sector,
        rule_sets=list(rule_sets),
    )


def rule_sets() -> dict[str, tuple[str, str]]:
    """Shipped screening rule sets: id -> (title, source)."""
    path = Path(DEFAULT_RULES_PATH)
    mtime = path.stat().st_mtime if path.is_file() else 0.0
    return _rule_sets(str(path), mtime, language())


@st.cache_data(show_spinner=False)
def _rule_sets(path: str, mtime: float, lang: str) -> dict[str, tuple[str, str]]:
    del mtime, lang  # part of the cache key only (titles may come in both languages)
    rules = load_screening_rules(path)
    return {r.id: (r.title, " ".join(r.source.split())) for r in rules.rule_sets}


def attribution(data_file: str) -> str | None:
    """The attribution the data README requires for ``data_file`` (None if it requires none)."""
    mtime = README.stat().st_mtime if README.is_file() else 0.0
    return _attribution(data_file, mtime, language())


@st.cache_data(show_spinner=False)
def _attribution(data_file: str, mtime: float, lang: str) -> str | None:
    del mtime, lang  # part of the cache key only
    return data_attribution(README, data_file)


def regional_scenarios() -> dict[str, Path]:
    """The shipped scenarios that rank regions, by file name."""
    return {n: SCENARIOS / n for n in REGIONAL_SCENARIOS if (SCENARIOS / n).is_file()}


def regional_ranking(path: Path) -> tuple[Loaded, RankingReport, str]:
    """A regional scenario, its ranking and where the weights come from.

    The scenario in use (loaded on the Scenario page) is ranked with the session's weights,
    so this page agrees with the Ranking page; any other with its file's weights.
    """
    loaded = load_shipped(path)
    current = state.loaded()
    if current is not None and current.source == loaded.source:
        return current, state.ranking(), _("the weights in use (Weights page)")
    key = (str(path), path.stat().st_mtime, language())
    store: dict[str, tuple[object, RankingReport]] = st.session_state.setdefault(MEMO, {})
    hit = store.get(path.name)
    if hit is None or hit[0] != key:
        hit = (key, rank_scenario(loaded.scenario, matrix=loaded.matrix))
        store[path.name] = hit
    return loaded, hit[1], pgettext("weights source", "the scenario file's weights")


def workbook(
    data: bytes,
    name: str,
    measure: str | None,
    reference: str | None,
    year: int | None,
    total_sector: str | None,
    rule_sets: tuple[str, ...],
) -> bytes:
    """The analysis's tables as an Excel workbook (built once per table, options and language)."""
    return _workbook(data, name, measure, reference, year, total_sector, rule_sets, language())


@st.cache_data(show_spinner=False, max_entries=8)
def _workbook(  # the cache key: every option and the language
    data: bytes,
    name: str,
    measure: str | None,
    reference: str | None,
    year: int | None,
    total_sector: str | None,
    rule_sets: tuple[str, ...],
    lang: str,
) -> bytes:
    del lang  # part of the cache key only: sheet names and headings are in the language
    view = specialisation(data, name, measure, reference, year, total_sector, rule_sets)
    return tables_workbook(view.sheets())
