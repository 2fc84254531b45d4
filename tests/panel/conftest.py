"""``db``: a freshly migrated store on each backend (``store_url`` from tests/conftest.py)."""

from __future__ import annotations

import pytest

from clusterrank.store import Store, open_store


@pytest.fixture
def db(store_url: str) -> Store:
    return open_store(store_url)
