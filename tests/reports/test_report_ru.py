"""The decision report and the workbook in Russian (issue 14): words, numbers and page numbers.

Kemerovo's report built with ``lang="ru"`` must say so (``<html lang="ru">``), carry Russian
headings, keep the method's name (TOPSIS), write scores with a decimal comma (``0,7413``) in
the text, the tables and the charts' tick labels, and number its PDF pages «стр. 1 из N»;
the workbook's sheet names and headings are Russian while its scores stay numbers. The
translations come from the shipped catalogue (``clusterrank/i18n/locale/ru``).
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from clusterrank.criteria.loading import load_scenario
from clusterrank.errors import ConfigurationError
from clusterrank.i18n import formats
from clusterrank.reports import headings
from clusterrank.reports.decision.build import decision_report
from clusterrank.reports.decision.charts import ranking_chart
from clusterrank.reports.decision.formats import render
from clusterrank.reports.decision.html import css_text, render_html
from clusterrank.reports.decision.model import DecisionReport
from clusterrank.reports.export import ranking_csv
from tests.helpers.cli import KEMEROVO
from tests.helpers.i18n import speaking

POPPLER = shutil.which("pdftotext") is not None and shutil.which("pdftoppm") is not None


@pytest.fixture(scope="module")
def russian() -> DecisionReport:
    """Kemerovo's decision report in Russian, with its sensitivity."""
    return decision_report(load_scenario(KEMEROVO), sensitivity=True, lang="ru")


def test_the_html_is_russian_with_the_method_named_and_decimal_commas(
    russian: DecisionReport,
) -> None:
    html = render_html(russian)
    assert '<html lang="ru">' in html
    for heading in ("Ответ", "1. Вопрос и кандидаты", "2. Ранжирование", "5. Данные", "Подписи"):
        assert f">{heading}<" in html, heading
    assert "The answer" not in html
    assert "TOPSIS" in html
    score = russian.winner.score
    assert formats.number(score, 4, lang="ru") in html  # 0,7413: in the table and the headline
    assert f">{score:.4f}<" not in html
    assert "стр. " not in html.split("<body>")[1]  # page numbers are the PDF's margin boxes
    assert '"стр. " counter(page) " из " counter(pages)' in html


def test_the_report_date_is_written_the_russian_way(russian: DecisionReport) -> None:
    html = render_html(russian)
    day = formats.date(date.fromisoformat(russian.date), lang="ru")  # «30 нояб. 2026 г.»
    assert f'<td class="date">{day}</td>' in html
    assert re.fullmatch(r"\d{1,2} [а-я]+\.? \d{4}\s?г\.", day), day


def test_the_russian_ranking_chart_writes_ticks_and_values_with_a_comma(
    russian: DecisionReport,
) -> None:
    with speaking("ru"):
        svg = ranking_chart(russian.ranking, russian.higher_is_better)
    assert "Оценки по местам" in svg
    assert formats.number(russian.winner.score, 4, lang="ru") in svg
    ticks = re.findall(r">(\d[\d,.]*)</text>", svg)
    assert "0,2" in ticks or "0,4" in ticks, ticks
    assert not [t for t in ticks if "." in t], ticks


@pytest.mark.slow
def test_the_pdf_text_layer_is_russian_with_russian_page_numbers(
    russian: DecisionReport, tmp_path: Path
) -> None:
    if not POPPLER:  # a failure, not a skip: ``make test`` installs poppler-utils
        pytest.fail("poppler-utils is not installed: run `make documents`")
    pdf = tmp_path / "kemerovo_ru.pdf"
    pdf.write_bytes(render(russian, "pdf"))
    done = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True
    )
    text = done.stdout.decode("utf-8")
    found = re.findall(r"стр\. (\d+) из (\d+)", text)
    assert found, "no Russian page numbers"
    pages = int(found[0][1])
    assert pages > 1
    assert "стр. 1 из" in text
    assert f"стр. {pages} из {pages}" in text
    assert "page 1 of" not in text
    for heading in ("ОТЧЁТ О РЕШЕНИИ", "Ответ", "2. Ранжирование", "Подписи"):
        assert heading in text, heading
    assert formats.number(russian.winner.score, 4, lang="ru") in text


def test_the_workbook_has_russian_sheets_and_headings_and_numeric_scores(
    russian: DecisionReport,
) -> None:
    book = openpyxl.load_workbook(io.BytesIO(render(russian, "xlsx")))
    assert book.sheetnames[:5] == [
        "исходные данные",
        "источники",
        "критерии и веса",
        "источник весов",
        "результаты",
    ]
    assert "настройки" in book.sheetnames
    results = book["результаты"]
    heads = [c.value for c in results[1]]
    assert heads[:4] == ["место", "код", "название", "оценка"]
    score = results.cell(row=2, column=4)
    assert isinstance(score.value, float)
    assert score.value == pytest.approx(round(russian.winner.score, 4))
    assert score.number_format == "0.0000"  # Excel shows the reader's own decimal mark
    assert "оценка (полная точность)" in heads
    settings = book["настройки"]
    assert [c.value for c in settings[1]] == ["раздел", "параметр", "значение"]
    assert settings.cell(row=2, column=1).value == "выгрузка"


def test_the_ranking_csv_speaks_the_reader_s_language(russian: DecisionReport) -> None:
    report = russian.inputs.ranking
    with speaking("ru"):
        ru = ranking_csv(report).decode("utf-8-sig").splitlines()[0].split(",")
    en = ranking_csv(report).decode("utf-8-sig").splitlines()[0].split(",")
    assert en[:4] == ["rank", "id", "name", "score"]
    assert ru[:4] == ["место", "код", "название", "оценка"]
    assert ru[-2:] == ["метод", "настройки"]


def test_numbered_headings_and_unknown_ones() -> None:
    with speaking("ru"):
        assert headings.column("rank 3") == "место 3"
        assert headings.column("rank 21+") == "место 21+"
        assert headings.sheet("correlation ws") == "корреляция ws"
        assert headings.column("TOPSIS (vector)") == "TOPSIS (vector)"  # a method's label
        assert headings.sheet("my sheet") == "my sheet"
    assert headings.column("rank 3") == "rank 3"
    assert all(len(name) <= 31 for name in headings.sheets().values())


def test_sheet_names_in_russian_fit_excel() -> None:
    with speaking("ru"):
        names = list(headings.sheets().values())
    assert all(len(name) <= 31 for name in names)
    assert not [n for n in names if set(n) & set("[]:*?/\\")]
    assert len(set(names)) == len(names)


def test_css_text_quotes_words_and_keeps_counters() -> None:
    assert str(
        css_text("page {page} of {pages}", page="counter(page)", pages="counter(pages)")
    ) == ('"page " counter(page) " of " counter(pages)')
    assert str(css_text('say "hi" \\ <b> {x}', x="string(x)")) == (
        '"say \\"hi\\" \\\\ \\3c b> " string(x)'
    )


def test_a_language_the_report_is_not_written_in_is_refused() -> None:
    with pytest.raises(ConfigurationError, match="en, ru"):
        decision_report(load_scenario(KEMEROVO), lang="de")


def test_ahp_judgments_read_in_the_language_s_numbers() -> None:
    from clusterrank.reports.provenance_sheets import _times

    assert (_times(3.0), _times(1 / 3)) == ("3", "0.3333")
    with speaking("ru"):
        assert (_times(3.0), _times(1 / 3), _times(0.5)) == ("3", "0,3333", "0,5")


def test_the_map_attribution_is_said_in_the_current_language() -> None:
    from clusterrank.reports.regions_map import ATTRIBUTION, attribution

    assert attribution() == ATTRIBUTION
    with speaking("ru"):
        assert attribution().startswith("Границы: © EuroGeographics")
