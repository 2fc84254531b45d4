"""Secrets: expert tokens, facilitator keys and panel ids; only their SHA-256 is ever stored.

A token is ``secrets.token_urlsafe(32)`` (256 bits), so a plain SHA-256 is enough: there is
nothing to brute-force that a salt or a slow hash would protect. Lookups go by hash, so
comparing in constant time is not needed; the facilitator key is compared with
:func:`hmac.compare_digest` anyway, as it is checked against one known panel.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

MAX_SECRET_CHARS = 200


def _not_an_option(nbytes: int) -> str:
    """``secrets.token_urlsafe(nbytes)``, drawn again while it starts with ``-``.

    Keys and panel ids are typed on the command line (``--key KEY``), which would take one
    starting with ``-`` for an option (1 draw in 64). Dropping those draws costs under 0.1 bit.
    """
    while True:
        value = secrets.token_urlsafe(nbytes)
        if not value.startswith("-"):
            return value


def new_token() -> str:
    """A fresh expert token or facilitator key (43 url-safe characters, never ``-`` first)."""
    return _not_an_option(32)


def new_panel_id() -> str:
    """A fresh url-safe panel id (12 characters, 72 random bits, never ``-`` first)."""
    return _not_an_option(9)


def digest(secret: str) -> str:
    """The SHA-256 hex digest under which ``secret`` is stored."""
    return hashlib.sha256(secret.encode("utf-8", "surrogatepass")).hexdigest()


def same_digest(secret: str, stored: str) -> bool:
    """Whether ``secret`` hashes to ``stored`` (constant-time comparison)."""
    return hmac.compare_digest(digest(secret), stored)


def plausible(secret: object) -> bool:
    """A cheap guard before hashing: a non-empty string of sane length."""
    return isinstance(secret, str) and 0 < len(secret) <= MAX_SECRET_CHARS
