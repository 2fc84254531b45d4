"""Is a page Russian? What a Russian reader would still see in English, beyond an allow-list.

``english_left(at)`` returns the Latin-script words on an AppTest page (headings, markdown,
captions, messages, widget labels and help, button labels, expander labels, tab names, metric
labels) that are not on :data:`ALLOWED`: method names, abbreviations the Russian literature
uses as they are, units. Not counted, because they are not the interface's words: the data
inside tables and charts; the words of the scenario's own texts and sources
(:func:`data_words`: sources quoted in English, UK region names); the methods' citations;
file paths (``configs/scenarios/x.yaml``); setting names as a user types them
(``normalization=``); and identifiers (``impute_worst``, ``block_size``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from streamlit.testing.v1 import AppTest

from clusterrank.criteria.files import SHIPPED_CONFIGS
from clusterrank.criteria.loading import load_scenario
from clusterrank.criteria.models.scenario import Scenario
from clusterrank.methods.registry import available_methods
from tests.helpers.ui import raw_texts, shown

LATIN_WORD = re.compile(r"(?<![\w/.:-])[A-Za-z][A-Za-z'’-]*[A-Za-z0-9]")
NOT_WORDS = re.compile(
    r"\S*/\S*"  # paths and URLs
    r"|\b\w+\.(?:yaml|yml|csv|xlsx|py|db|html|pdf)\b"  # file names
    r"|\b\w+=[\w.+-]*"  # a setting as typed: name=value
    r"|\b\w*_\w*\b"  # identifiers
    r"|\b[A-Za-z]+-\d+\b"  # SMAA-2, NUTS-2
    r"|`[^`]*`"  # code as typed
)
MARKDOWN_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|~<>$])")
ALLOWED = frozenset(
    (
        "TOPSIS", "AHP", "WSM", "SAW", "VIKOR", "PROMETHEE", "II", "SPOTIS", "COPRAS", "WPM",
        "WASPAS", "ARAS", "CoCoSo", "CODAS", "EDAS", "MABAC", "MAIRCA", "MARCOS", "MOORA",
        "MULTIMOORA", "PROBID", "RAM", "SMAA", "CRITIC", "MEREC", "AIJ", "AIP", "GCI", "LOO",
        "WS", "ws", "Copeland", "Spearman", "Kendall", "Dirichlet", "Saaty", "Delphi", "Monte",
        "Carlo", "outranking", "pymcdm", "clusterrank", "Streamlit", "Excel", "CSV", "XLSX",
        "YAML", "JSON", "PDF", "HTML", "SVG", "UTF", "BOM", "ZIP", "UTC", "A4", "NUTS", "HHI",
        "LQ", "GVA", "OKVED", "NACE", "OECD", "Eurostat", "GISCO", "EuroGeographics", "Nesta",
        "BEIS", "ONS", "HESA", "SME", "SMEs", "RUB", "EUR", "GBP", "USD", "FTE", "max", "min",
        "CR", "CI", "RI", "Kemerovo", "Kuzbass", "UK", "EU", "SQLite", "PostgreSQL", "English",
        "id", "ln",
    )
)  # fmt: skip
"""Latin words a Russian page may show: names, abbreviations, units (``outranking`` is
glossed in parentheses as the term of art; ``English`` names the language switch's
other choice)."""


def english_left(at: AppTest, extra: Iterable[str] = ()) -> list[str]:
    """Latin words on the page outside :data:`ALLOWED`, the scenario's own words and ``extra``."""
    allowed = ALLOWED | set(extra) | _method_words()
    if "loaded" in at.session_state:
        allowed |= data_words(at.session_state["loaded"].scenario)
    words: list[str] = []
    for text in _page_texts(at):
        unescaped = MARKDOWN_ESCAPE.sub(r"\1", text)
        found = LATIN_WORD.findall(NOT_WORDS.sub(" ", unescaped))
        words += [w for w in found if w not in allowed and w.lower() not in allowed]
    return words


def data_words(scenario: Scenario) -> set[str]:
    """Every Latin word of a scenario's own texts, in both languages: its data, not the UI's."""
    words: set[str] = set()
    for text in _strings(scenario.model_dump()):
        words |= set(LATIN_WORD.findall(text))
    return words


def words_of(text: str) -> set[str]:
    """The Latin words of a text (a data file's header, a licence notice)."""
    return set(LATIN_WORD.findall(text))


REGIONAL_SCENARIOS = ("uk_nuts2_innovation.yaml", "eu_nuts2_regions.yaml")
QUOTED_REGIONAL_FILES = ("regional/screening_rules.yaml", "data/README_regional.md")


@lru_cache(maxsize=1)
def regional_data_words() -> frozenset[str]:
    """The English the Regions page quotes as data, not as its own words.

    The regional scenarios' texts (region names, sources), the screening rule sets (their
    published names and references), seed 003's tables' source lines, the data's licence
    notices (quoted as their licensors wrote them), and ``numpy`` (whose default percentile
    rule a setting names).
    """
    words: set[str] = {"numpy"}
    for name in REGIONAL_SCENARIOS:
        words |= data_words(load_scenario(SHIPPED_CONFIGS / "scenarios" / name))
    tables = sorted((SHIPPED_CONFIGS / "data").glob("seed003_*.csv"))
    for path in [*(SHIPPED_CONFIGS / f for f in QUOTED_REGIONAL_FILES), *tables]:
        words |= words_of(path.read_text(encoding="utf-8"))
    return frozenset(words)


def _strings(value: object) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)


@lru_cache(maxsize=1)
def _method_words() -> frozenset[str]:
    """Method ids, setting names and typed values, the methods' citations (authors, titles)."""
    words: set[str] = set()
    for info in available_methods():
        words.add(info.name)
        words |= set(info.settings)
        for spec in info.settings.values():  # the values a user types: vector, minmax, ...
            words |= {str(choice) for choice in spec.choices or ()}
        words |= set(LATIN_WORD.findall(info.reference or ""))
    return frozenset(words)


def _page_texts(at: AppTest) -> list[str]:
    texts = [shown(p) for p in raw_texts(at)]
    kinds = (
        "button", "checkbox", "toggle", "selectbox", "multiselect", "radio", "slider",
        "select_slider", "number_input", "text_input", "text_area", "expander", "tab",
        "metric", "download_button",
    )  # fmt: skip
    for kind in kinds:
        for element in at.get(kind):
            for attribute in ("label", "help", "placeholder"):
                value = getattr(element, attribute, None)
                if isinstance(value, str):
                    texts.append(value)
    return texts
