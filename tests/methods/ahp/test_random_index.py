"""Random-index tables: published values, limits, and a Monte-Carlo check of the digits."""

from __future__ import annotations

import numpy as np
import pytest

from clusterrank.errors import ConfigurationError, MethodInputError
from clusterrank.methods.ahp.random_index import (
    SAATY_SCALE,
    TABLES,
    get_table,
    random_index,
    simulate_random_index,
    table_names,
)


def test_saaty_table_values() -> None:
    """Saaty (1980), The Analytic Hierarchy Process, ch. 1, random consistency index:
    n = 1..10 -> 0, 0, .58, .90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49; extended to n = 15 with
    1.51, 1.48, 1.56, 1.57, 1.59."""
    got = [random_index(n) for n in range(1, 16)]
    expected = [0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49]
    expected += [1.51, 1.48, 1.56, 1.57, 1.59]
    np.testing.assert_allclose(got, expected, atol=0)


def test_alonso_lamata_table_values() -> None:
    """Alonso & Lamata (2006), IJUFKS 14(4) 445-459, RI for n = 3..15 (4 decimals)."""
    got = [random_index(n, "alonso_lamata") for n in range(1, 16)]
    expected = [0, 0, 0.5245, 0.8815, 1.1086, 1.2479, 1.3417, 1.4056, 1.4499, 1.4854]
    expected += [1.5141, 1.5365, 1.5551, 1.5713, 1.5838]
    np.testing.assert_allclose(got, expected, atol=0)


@pytest.mark.parametrize("n", [3, 4, 6, 9, 12, 15])
def test_alonso_lamata_digits_reproduced_by_simulation(n: int) -> None:
    """Alonso & Lamata's RI is the mean (λmax − n)/(n − 1) of random reciprocal matrices
    with entries uniform on the 17 scale values; 4000 seeded matrices reproduce every
    published figure within 0.02 (Monte-Carlo standard error is below 0.005)."""
    estimate = simulate_random_index(n, samples=4000, seed=n)
    assert estimate == pytest.approx(random_index(n, "alonso_lamata"), abs=0.02)


def test_simulation_small_sizes_are_zero() -> None:
    """Invariant: every 1×1 and 2×2 reciprocal matrix is consistent, so RI = 0."""
    assert simulate_random_index(2) == 0.0
    assert all(TABLES[t].values[n] == 0.0 for t in TABLES for n in (1, 2))


def test_beyond_table_is_a_clear_error() -> None:
    """n = 16 is outside both tables: the message names the table, its range and the fix."""
    with pytest.raises(MethodInputError, match=r"'saaty' \(Saaty \(1980\)\) covers n = 1\.\.15"):
        random_index(16)
    with pytest.raises(MethodInputError, match=r"got n = 16\. Split the items"):
        random_index(16, "alonso_lamata")


@pytest.mark.parametrize("bad", [0, -1, 2.5, True])
def test_bad_sizes(bad: object) -> None:
    """Sizes must be whole numbers >= 1."""
    with pytest.raises(MethodInputError, match="whole number >= 1"):
        random_index(bad)  # type: ignore[arg-type]


def test_unknown_table_lists_choices() -> None:
    """An unknown table name is a ConfigurationError listing the choices."""
    with pytest.raises(ConfigurationError, match=r"one of saaty, alonso_lamata \(got 'noble'\)"):
        random_index(5, "noble")
    assert table_names() == ("saaty", "alonso_lamata")
    assert get_table(" Saaty ").name == "saaty"
    assert get_table("alonso_lamata").max_n == 15


def test_saaty_scale() -> None:
    """The fundamental scale has 17 values, 1/9..9, closed under reciprocals."""
    s = np.asarray(SAATY_SCALE)
    assert s.size == 17
    np.testing.assert_allclose(np.sort(1 / s), s, rtol=1e-15)
    assert (s.min(), s.max()) == (pytest.approx(1 / 9), 9.0)
