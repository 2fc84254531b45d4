"""A panel on the shipped Kemerovo scenario in a temporary database (``CLUSTERRANK_DB``).

Kemerovo asks 11 pairwise judgments: the five groups (10 pairs) and the two criteria of
``critical_mass`` (1 pair). The experts are made up for the tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from clusterrank.panel.service import Created, create
from clusterrank.store import Store, open_store
from tests.helpers.ui import APP, TIMEOUT

ROOT = Path(__file__).resolve().parents[2]
KEMEROVO = ROOT / "configs" / "scenarios" / "kemerovo_clusters.yaml"


def make_panel(folder: Path, experts: int = 3) -> tuple[Store, Created]:
    """A panel with ``experts`` experts e1..eN in the database ``CLUSTERRANK_DB`` names."""
    path = folder / "experts.csv"
    rows = ["id,name"] + [f"e{k},Expert {k}" for k in range(1, experts + 1)]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    db = open_store()
    return db, create(db, KEMEROVO, path, title="Kemerovo test panel")


@pytest.fixture
def panel_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Store, Created]:
    """A fresh database file for this test and a panel in it."""
    monkeypatch.setenv("CLUSTERRANK_DB", str(tmp_path / "panel.db"))
    return make_panel(tmp_path)


def expert_app(panel_id: str, token: str) -> AppTest:
    """The app opened on an expert's personal link."""
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    at.query_params["panel"] = panel_id
    at.query_params["token"] = token
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at
