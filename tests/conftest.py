"""Fixtures every test folder may use: a throwaway PostgreSQL server and a per-test database
URL on both backends (``store_url``), from :mod:`tests.helpers.postgres`."""

from tests.helpers.postgres import postgres_server, store_url

__all__ = ["postgres_server", "store_url"]
