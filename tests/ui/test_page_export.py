"""The Export page in AppTest: what is on screen (after a weight change) is what is exported."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.helpers.ui import open_page, ranking_ids, texts


def test_export_page_offers_csv_workbook_and_yaml(app: AppTest) -> None:
    at = open_page(app, "export")
    assert at.download_button(key="export__csv").label == "Ranking (CSV)"
    assert at.download_button(key="export__xlsx").label == "Workbook (Excel)"
    assert at.download_button(key="export__yaml").label == "Scenario with these weights (YAML)"
    assert "normalization=vector" in texts(at)


def test_export_page_offers_the_decision_report_first(app: AppTest) -> None:
    """The report an official signs comes before the data files, as HTML and as PDF."""
    at = open_page(app, "export")
    assert at.download_button(key="export__report__html").label.startswith("Report")
    assert at.download_button(key="export__report__pdf").label.startswith("Report")
    headings = [h.value for h in at.subheader]
    assert headings.index("Decision report") < headings.index("Data files")


def test_export_follows_the_weights_in_use(app: AppTest) -> None:
    """After all weight goes to SME share, the export table is the new order with its moves."""
    at = open_page(app, "weights")
    at.slider(key="w_group__sme_share").set_value(100.0).run()
    order = ranking_ids(at)
    at = open_page(at, "export")
    frame = at.dataframe[0].value
    assert frame["id"].tolist() == order
    assert frame.loc[frame["id"] == "agro", "rank_change"].item() == 2
