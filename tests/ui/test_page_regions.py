"""The Regions page in AppTest: the shipped seed 003 table (LQ heatmap, HHI series, screening,
profile), regions compared on the UK and EU scenarios with their ranks, an invalid upload
listing every problem, and exports whose bytes match the tables on screen."""

from __future__ import annotations

import io
from typing import Any

import numpy as np
import pandas as pd
import pytest
import streamlit.testing.v1.app_test as app_test_module
from openpyxl import load_workbook
from streamlit.dataframe_util import convert_arrow_bytes_to_pandas_df
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest

from clusterrank.analysis.ranking import rank_scenario_file
from clusterrank.ui.widgets import regions_data
from tests.criteria.regional.test_hhi_seed003 import PRINTED_HHI, _exact_hhi
from tests.helpers.ui import ROOT, open_page, ranking_frame, texts
from tests.helpers.ui import shown as seen

UK = ROOT / "configs" / "scenarios" / "uk_nuts2_innovation.yaml"
EU = ROOT / "configs" / "scenarios" / "eu_nuts2_regions.yaml"

# Two regions and a national row, employment in persons. By hand, LQ = (x_ir/x_r)/(x_iN/x_N):
# north has 30 of its 100 in coal, the nation 100 of 1000, so 3; north services 70/100 over
# 900/1000 = 0.7778; south coal 10/100 over 100/1000 = 1; south services 90/100 / 0.9 = 1.
GOOD_CSV = """\
# illustrative test table (not from any source)
region_id,region_name,sector_id,sector_name,sector_name_en,value,unit
north,Север,coal,Уголь,Coal,30,persons
north,Север,services,Услуги,Services,70,persons
south,Юг,coal,Уголь,Coal,10,persons
south,Юг,services,Услуги,Services,90,persons
RU,Россия,coal,Уголь,Coal,100,persons
RU,Россия,services,Услуги,Services,900,persons
"""
HAND_LQ = {("north", "coal"): 3.0, ("north", "services"): 0.7 / 0.9, ("south", "coal"): 1.0}

BAD_CSV = """\
region_id,sector_id,value,unit
north,coal,-30,persons
north,services,abc,persons
north,coal,5,persons
south,coal,10,tonnes
"""


@pytest.fixture
def media(monkeypatch: pytest.MonkeyPatch) -> list[MediaFileManager]:
    """Every media-file manager AppTest creates, so a download button's bytes can be read."""
    made: list[MediaFileManager] = []

    class Recording(MediaFileManager):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            made.append(self)

    monkeypatch.setattr(app_test_module, "MediaFileManager", Recording)
    return made


def downloaded(at: AppTest, key: str, media: list[MediaFileManager]) -> bytes:
    """The bytes behind a download button, as the browser would receive them."""
    file_id = at.download_button(key=key).proto.url.rsplit("/", 1)[-1]
    for manager in reversed(media):
        found = manager.read_file(file_id)
        if found is not None:
            return bytes(found.content)
    raise AssertionError(f"no media file {file_id} for {key}")


def regions(app: AppTest) -> AppTest:
    return open_page(app, "regions")


def upload(at: AppTest, text: str, name: str) -> AppTest:
    at.radio(key="regions__source").set_value("upload").run()
    at.file_uploader(key="regions__upload").set_value((name, text.encode("utf-8"), "text/csv"))
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def frame_with(at: AppTest, *columns: str) -> pd.DataFrame:
    for df in at.dataframe:
        if isinstance(df.value, pd.DataFrame) and set(columns) <= set(df.value.columns):
            return df.value
    raise AssertionError(f"no table with columns {columns}")


def heatmaps(at: AppTest) -> list[pd.DataFrame]:
    """The data of every chart drawn with rect marks (the LQ heatmap)."""
    return [
        convert_arrow_bytes_to_pandas_df(c.proto.datasets[0].data.data)
        for c in at.get("vega_lite_chart")
        if '"rect"' in c.proto.spec
    ]


def test_shipped_table_shows_heatmap_and_the_hhi_series(app: AppTest) -> None:
    """Seed 003 (Иванова О. П., 2018), Table 1 (GVA structure of the Kemerovo region) and
    the HHI series printed after Table 6: the page, on the shipped table with its declared
    total, shows the HHI of every year 2011–2015 equal to Σ s² of Table 1's printed shares
    (2012: 1366.8925 vs printed 1366.89; 2011: 1726.031 vs the misprinted 1724.03), the LQ
    heatmap (rect marks coloured by LQ around 1), the skipped year 2010 in the notes and the
    Cyrillic and English sector names."""
    at = regions(app)
    hhi = frame_with(at, "hhi", "hhi_normalised", "year")
    assert hhi["year"].tolist() == sorted(PRINTED_HHI)
    np.testing.assert_allclose(
        hhi["hhi"].to_numpy(), [float(_exact_hhi(y)) for y in sorted(PRINTED_HHI)], atol=1e-9
    )
    np.testing.assert_allclose(hhi.loc[hhi["year"] == 2012, "hhi"], PRINTED_HHI[2012], atol=5e-3)
    (heat,) = heatmaps(at)
    assert "Добыча полезных ископаемых|Mining and quarrying" in set(heat["sector_label"])
    assert sorted(set(heat["column_label"])) == [str(y) for y in sorted(PRINTED_HHI)]
    np.testing.assert_allclose(heat["lq"], 1.0)  # one region is its own reference
    page = texts(at)
    assert "every LQ is 1 by construction" in page
    assert "year 2010 skipped" in page
    assert "Seed 003 (Иванова О. П., 2018), Table 1" in page
    assert "total_sector=total" in page


def test_a_single_year_gives_that_years_hhi(app: AppTest) -> None:
    """Choosing 2012 analyses that year alone: one HHI row, seed 003's 1366.89 (Table 1)."""
    at = regions(app)
    at.selectbox(key="regions__year").set_value(2012).run()
    assert not at.exception
    hhi = frame_with(at, "hhi", "hhi_normalised")
    assert len(hhi) == 1
    np.testing.assert_allclose(hhi["hhi"].iloc[0], float(_exact_hhi(2012)), atol=1e-9)


def test_comparison_shows_the_ranks_of_the_chosen_regions(app: AppTest) -> None:
    """Two UK regions picked: their ranks are those of the full TOPSIS ranking of the shipped
    scenario (ranked independently here), out of the 38 ranked; UKI7's false zero is shown as
    the reason it is left out, with the Nesta attribution."""
    at = regions(app)
    at.multiselect(key="regions__compare").set_value(["UKC1", "UKJ1"]).run()
    assert not at.exception
    full = rank_scenario_file(UK).to_frame().set_index("id")
    ranks = frame_with(at, "rank", "of", "region", "score")
    expected = sorted((int(full.loc[i, "rank"]), i) for i in ("UKC1", "UKJ1"))
    assert list(zip(ranks["rank"], ranks["id"], strict=True)) == expected  # best rank first
    assert set(ranks["of"]) == {38}
    page = texts(at)
    assert f"Rank **{int(full.loc['UKC1', 'rank'])}** of 38" in page
    assert "'UKI7' dropped" in page
    assert "known false zero" in page
    assert "Nesta BEIS R&D indicators" in page
    assert "MIT licence" in page
    assert "normalization=vector" in page
    values = frame_with(at, "criterion", "unit", "direction")
    ukc1, ukj1 = (
        "Tees Valley and Durham (UKC1)",
        "Berkshire, Buckinghamshire and Oxfordshire (UKJ1)",
    )
    label = {"UKC1": ukc1, "UKJ1": ukj1}
    assert list(values.columns[3:]) == [label[i] for i in ranks["id"]]  # best rank first
    berd = values.loc[values["criterion"].str.startswith("Business enterprise R&D"), ukc1]
    assert berd.item() == 210241000  # configs/data/uk_nuts2_innovation.csv, UKC1 berd_eur


def test_eu_scenario_compares_regions_with_eurostat_attribution(app: AppTest) -> None:
    at = regions(app)
    at.selectbox(key="regions__scenario").set_value("eu_nuts2_regions.yaml").run()
    at.multiselect(key="regions__compare").set_value(["DE21", "CZ01", "BE10"]).run()
    assert not at.exception
    full = rank_scenario_file(EU).to_frame().set_index("id")
    ranks = frame_with(at, "rank", "of", "region", "score")
    assert ranks["rank"].tolist() == sorted(
        int(full.loc[i, "rank"]) for i in ("DE21", "CZ01", "BE10")
    )
    assert set(ranks["of"]) == {233}
    assert "fabiosepulveda/INDEX" in texts(at)


def test_one_region_asks_for_a_second(app: AppTest) -> None:
    at = regions(app)
    at.multiselect(key="regions__compare").set_value(["UKC1"]).run()
    assert any("Pick two to 8 regions" in i.value for i in at.info)


def test_invalid_upload_lists_every_problem(app: AppTest) -> None:
    """Each problem is its own error naming the file, the line and the column: a negative
    figure, text in a number, a duplicate row, mixed units and a missing cell."""
    at = upload(regions(app), BAD_CSV, "bad.csv")
    errors = [seen(e.value) for e in at.error]
    assert "5 problems in bad.csv; nothing was analysed" in errors[0]
    details = errors[1:]
    assert len(details) == 5
    assert all(e.startswith("**bad.csv") for e in details)
    for fragment in ("line 2", "negative", "line 3", "not a number", "line 4", "duplicate"):
        assert any(fragment in e for e in details), fragment
    assert any("tonnes" in e and "line 5" in e for e in details)
    assert not any("Traceback" in e for e in errors)
    keys = {b.key for b in at.download_button}
    assert not keys & {"regions__csv_lq", "regions__csv_hhi", "regions__xlsx"}  # nothing analysed


def test_not_utf8_and_no_region_column_are_problems(app: AppTest) -> None:
    at = upload(regions(app), "x,y\n1,2\n", "plain.csv")
    assert any("no 'region_id' column" in seen(e.value) for e in at.error)
    at.file_uploader(key="regions__upload").set_value(
        ("latin.csv", b"region_id\n\xff\n", "text/csv")
    )
    at.run()
    assert any("not UTF-8" in seen(e.value) and "latin.csv" in seen(e.value) for e in at.error)


def test_lq_csv_and_workbook_hold_the_lq_table_on_screen(
    app: AppTest, media: list[MediaFileManager]
) -> None:
    """An uploaded table against its national row: the LQ table on screen equals the
    hand-computed quotients (see GOOD_CSV), and the CSV and Excel exports hold that table."""
    at = upload(regions(app), GOOD_CSV, "two_regions.csv")
    at.selectbox(key="regions__reference").set_value("RU").run()
    assert not at.exception, [e.value for e in at.exception]
    shown = frame_with(at, "region_id", "coal", "services")
    for (region, sector), lq in HAND_LQ.items():
        got = shown.loc[shown["region_id"] == region, sector].item()
        np.testing.assert_allclose(got, lq, atol=1e-12)
    csv = downloaded(at, "regions__csv_lq", media)
    assert csv.startswith(b"\xef\xbb\xbf")
    exported = pd.read_csv(io.BytesIO(csv), encoding="utf-8-sig")
    pd.testing.assert_frame_equal(exported, shown.reset_index(drop=True), check_dtype=False)
    book = load_workbook(io.BytesIO(downloaded(at, "regions__xlsx", media)), read_only=True)
    assert book.sheetnames[0] == "location quotients"
    assert book.sheetnames[-1] == "settings and notes"
    rows = list(book["location quotients"].iter_rows(values_only=True))
    sheet = pd.DataFrame(rows[1:], columns=rows[0]).astype({"coal": float, "services": float})
    pd.testing.assert_frame_equal(sheet, shown.reset_index(drop=True), check_dtype=False)
    hhi = pd.read_csv(io.BytesIO(downloaded(at, "regions__csv_hhi", media)), encoding="utf-8-sig")
    assert hhi.loc[hhi["region_id"] == "north", "hhi"].item() == pytest.approx(30**2 + 70**2)


def test_comparison_exports_hold_the_ranks_and_values_on_screen(
    app: AppTest, media: list[MediaFileManager]
) -> None:
    """The comparison CSV has the rank and score rows on top of the criterion values shown,
    and the workbook the same ranks table and the settings line of the ranking."""
    at = regions(app)
    at.multiselect(key="regions__compare").set_value(["UKD3", "UKM7"]).run()
    ranks = frame_with(at, "rank", "of", "region", "score")
    values = frame_with(at, "criterion", "unit", "direction")
    csv = pd.read_csv(
        io.BytesIO(downloaded(at, "regions__csv_compare", media)), encoding="utf-8-sig"
    )
    assert csv["criterion"].tolist()[:2] == ["rank", "score"]
    regions_shown = list(values.columns[3:])
    np.testing.assert_allclose(csv.loc[0, regions_shown].astype(float), ranks["rank"])
    np.testing.assert_allclose(csv.loc[1, regions_shown].astype(float), ranks["score"])
    np.testing.assert_allclose(csv.loc[2:, regions_shown].astype(float), values[regions_shown])
    book = load_workbook(io.BytesIO(downloaded(at, "regions__xlsx_compare", media)))
    rows = list(book["ranks"].iter_rows(values_only=True))
    assert [r[0] for r in rows[1:]] == ranks["rank"].tolist()
    settings = {r[1]: r[2] for r in book["settings"].iter_rows(values_only=True)}
    assert "normalization=vector" in settings["ranking"]


def test_a_rerun_of_the_regions_page_computes_nothing(
    app: AppTest, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After the first render, a rerun reads no table, analyses nothing and ranks nothing:
    analyses come from the cache, the regional ranking from the session (a newly picked
    scenario is ranked exactly once)."""
    at = regions(app)
    calls: list[str] = []

    def spy(name: str, real: Any) -> Any:
        def counted(*args: Any, **kwargs: Any) -> Any:
            calls.append(name)
            return real(*args, **kwargs)

        return counted

    for name in ("specialisation_view", "describe_table", "rank_scenario"):
        monkeypatch.setattr(regions_data, name, spy(name, getattr(regions_data, name)))
    at.run()
    assert not at.exception
    assert calls == []
    at.selectbox(key="regions__scenario").set_value("eu_nuts2_regions.yaml").run()
    assert calls == ["rank_scenario"]  # a new scenario is ranked, once
    at.run()
    assert calls == ["rank_scenario"]


def test_the_scenario_in_use_is_compared_with_the_weights_in_use(app: AppTest) -> None:
    """With the UK scenario loaded on the Scenario page and all weight moved to the first
    group, the Regions page ranks with those weights: its ranks are the Ranking page's."""
    at = open_page(app, "scenario")
    at.selectbox(key="scenario__shipped").set_value("uk_nuts2_innovation.yaml").run()
    at = open_page(at, "weights")
    first_group = next(s for s in at.slider if s.key and s.key.startswith("w_group__"))
    first_group.set_value(100.0).run()
    at = open_page(at, "ranking")
    on_ranking = ranking_frame(at).set_index("id")["rank"]
    at = regions(at)
    at.multiselect(key="regions__compare").set_value(["UKC1", "UKM7"]).run()
    ranks = frame_with(at, "rank", "of", "region", "score")
    assert dict(zip(ranks["id"], ranks["rank"], strict=True)) == {
        i: int(on_ranking[i]) for i in ("UKC1", "UKM7")
    }
    assert "weights: the weights in use (Weights page)" in texts(at)
    assert ranks["rank"].tolist() != [
        int(r)
        for r in rank_scenario_file(UK).to_frame().set_index("id").loc[["UKC1", "UKM7"], "rank"]
    ]


def test_page_opens_on_the_comparison_with_a_map_and_says_what_kemerovo_shows(
    app: AppTest,
) -> None:
    """The comparison comes before the one-region Kemerovo table, which the opening sentence
    explains; the map is drawn from the shipped polygons (geoshape, no tiles) with its
    attribution; up to eight regions, each with its own colour; a single measure is stated,
    not shown as a greyed-out widget."""
    at = regions(app)
    headers = [h.value for h in at.header]
    assert headers.index("Compare regions") < headers.index("Specialisation")
    assert "every location quotient is 1 by construction" in at.info[0].value
    specs = [c.proto.spec for c in at.get("vega_lite_chart")]
    assert any('"geoshape"' in s for s in specs)
    assert not any("tile" in s.lower() for s in specs)
    page = texts(at)
    assert "© EuroGeographics for the administrative boundaries" in page
    assert "**Measure**: gva_share (the only one in the table)" in page
    eight = ["UKC1", "UKJ1", "UKM7", "UKD3", "UKH1", "UKI3", "UKK1", "UKE4"]
    at.multiselect(key="regions__compare").set_value(eight).run()
    assert not at.exception
    (dots,) = [s for s in at.get("vega_lite_chart") if "criterion_label" in s.proto.spec]
    assert '"triangle-right"' in dots.proto.spec  # the eighth shape
