"""Is a page Russian? What a Russian reader would still see in English, beyond an allow-list.

``english_left(at)`` returns the Latin-script words on an AppTest page (headings, markdown,
captions, messages, widget labels and help, button labels, expander labels, tab names, metric
labels) that are not on :data:`ALLOWED`: method names, abbreviations the Russian literature
uses as they are, proper nouns of the shipped data, units. The data inside tables and charts
is not checked: it is the user's data (sources quoted in English, UK region names).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from streamlit.testing.v1 import AppTest

from tests.helpers.ui import raw_texts, shown

LATIN_WORD = re.compile(r"(?<![\w/.:-])[A-Za-z][A-Za-z'’-]{2,}")
ALLOWED = frozenset(
    {
        # methods and their abbreviations, as Russian texts write them
        "TOPSIS",
        "AHP",
        "WSM",
        "SAW",
        "VIKOR",
        "PROMETHEE",
        "SPOTIS",
        "COPRAS",
        "WPM",
        "WASPAS",
        "ARAS",
        "CoCoSo",
        "CODAS",
        "EDAS",
        "MABAC",
        "MAIRCA",
        "MARCOS",
        "MOORA",
        "MULTIMOORA",
        "PROBID",
        "RAM",
        "SMAA",
        "CRITIC",
        "MEREC",
        "AIJ",
        "AIP",
        "GCI",
        "LOO",
        "Copeland",
        "Spearman",
        "Kendall",
        "Dirichlet",
        "Saaty",
        "Delphi",
        "Monte",
        "Carlo",
        "pymcdm",
        "clusterrank",
        "Streamlit",
        "Excel",
        "CSV",
        "XLSX",
        "YAML",
        "JSON",
        "PDF",
        "HTML",
        "SVG",
        "NUTS",
        "HHI",
        "LQ",
        "GVA",
        "OKVED",
        "NACE",
        "ESCO",
        "OECD",
        "Eurostat",
        "GISCO",
        "EuroGeographics",
        "Nesta",
        "BEIS",
        "ONS",
        "HESA",
        "SME",
        "SMEs",
        "RUB",
        "EUR",
        "GBP",
        "USD",
        "FTE",
        "max",
        "min",
        "lambda",
        "CR",
        "CI",
        "RI",
        "Kemerovo",
        "Kuzbass",
        "UK",
        "EU",
        "NUTS-2",
        "seed",
        "English",
        "SQLite",
        "PostgreSQL",
        "normalization",
        "vector",
        "minmax",
        "mode",
        "distributive",
        "ideal",
        "sampling",
        "uniform",
        "around",
        "bounded",
        "concentration",
        "samples",
        "block_size",
        "chunk_size",
        "preference_function",
        "usual",
        "true",
        "false",
        "none",
        "None",
    }
)
"""Latin words a Russian page may show: names, abbreviations, units, setting names (the
settings line quotes them as they are typed)."""


def english_left(at: AppTest, extra: Iterable[str] = ()) -> list[str]:
    """Latin words on the page outside :data:`ALLOWED` (and ``extra``), in order of appearance."""
    allowed = ALLOWED | set(extra)
    words: list[str] = []
    for text in _page_texts(at):
        words += [
            w for w in LATIN_WORD.findall(text) if w not in allowed and w.lower() not in allowed
        ]
    return words


def _page_texts(at: AppTest) -> list[str]:
    texts = [shown(p) for p in raw_texts(at)]
    for kind in (
        "button",
        "checkbox",
        "toggle",
        "selectbox",
        "multiselect",
        "radio",
        "slider",
        "select_slider",
        "number_input",
        "text_input",
        "text_area",
        "expander",
        "tab",
        "metric",
        "download_button",
    ):
        for element in at.get(kind):
            for attribute in ("label", "help", "placeholder"):
                value = getattr(element, attribute, None)
                if isinstance(value, str):
                    texts.append(value)
    return texts
