"""``db``: a freshly migrated store on each backend (``store_url`` comes from tests/conftest.py)."""

from __future__ import annotations

import pytest

from clusterrank.store import Store, open_store
from tests.store.factory import Made, make_panel


@pytest.fixture
def db(store_url: str) -> Store:
    return open_store(store_url)


@pytest.fixture
def made(db: Store) -> Made:
    return make_panel(db)
