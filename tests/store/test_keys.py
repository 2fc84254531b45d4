"""Keys and ids a facilitator types on the command line never start with ``-``.

Invariant: :func:`store.keys.new_token` and :func:`store.keys.new_panel_id` never return a
value argparse would read as an option (``--key -abc`` fails with "expected one argument");
a draw that starts with ``-`` is drawn again, and the values keep their length.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from clusterrank.store import keys


@pytest.mark.parametrize("make", [keys.new_token, keys.new_panel_id])
def test_a_draw_starting_with_a_dash_is_drawn_again(
    make: Callable[[], str], monkeypatch: pytest.MonkeyPatch
) -> None:
    draws: Iterator[str] = iter(["-first", "-second", "third"])
    monkeypatch.setattr(keys.secrets, "token_urlsafe", lambda _n: next(draws))
    assert make() == "third"


def test_many_fresh_keys_and_ids_have_no_leading_dash_and_their_length() -> None:
    tokens = [keys.new_token() for _ in range(2000)]
    ids = [keys.new_panel_id() for _ in range(2000)]
    assert not [t for t in tokens + ids if t.startswith("-")]
    assert {len(t) for t in tokens} == {43}
    assert {len(i) for i in ids} == {12}
