"""χ² survival function without scipy (Numerical Recipes §6.2), checked against scipy."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from clusterrank.errors import MethodInputError
from clusterrank.methods.group import chi2_sf, regularized_gamma_q


def test_closed_forms() -> None:
    """df = 2: P(X > x) = exp(−x/2); df = 1: erfc(sqrt(x/2)); df = 3:
    erfc(sqrt(x/2)) + sqrt(2x/π) exp(−x/2) (textbook closed forms)."""
    for x in (0.01, 0.5, 1.0, 3.84, 7.4, 20.0, 80.0):
        assert chi2_sf(x, 2) == pytest.approx(math.exp(-x / 2), rel=1e-12)
        assert chi2_sf(x, 1) == pytest.approx(math.erfc(math.sqrt(x / 2)), rel=1e-11)
        df3 = math.erfc(math.sqrt(x / 2)) + math.sqrt(2 * x / math.pi) * math.exp(-x / 2)
        assert chi2_sf(x, 3) == pytest.approx(df3, rel=1e-11)


def test_textbook_critical_values() -> None:
    """5 % critical values: 3.841 (1 d.f.), 5.991 (2), 7.815 (3), 18.307 (10)."""
    for x, df in ((3.841459, 1), (5.991465, 2), (7.814728, 3), (18.307038, 10)):
        assert chi2_sf(x, df) == pytest.approx(0.05, abs=1e-7)


@settings(max_examples=200, deadline=None)
@given(st.floats(1e-6, 2000), st.integers(1, 400))
def test_agrees_with_scipy(x: float, df: int) -> None:
    """Cross-check with scipy.stats.chi2.sf (a dev dependency) to 1e-10 relative, wherever
    the value is a normal float."""
    expected = float(stats.chi2.sf(x, df))
    got = chi2_sf(x, df)
    if expected > 1e-300:
        assert got == pytest.approx(expected, rel=1e-9, abs=1e-300)
    else:
        assert got < 1e-290


def test_edges_and_errors() -> None:
    assert chi2_sf(0.0, 5) == 1.0
    assert chi2_sf(float("inf"), 5) == 0.0
    assert regularized_gamma_q(1.0, 1.0) == pytest.approx(np.exp(-1.0), rel=1e-13)
    for x, df, what in (
        (-1.0, 3, "x must be"),
        (1.0, 0, "degrees of freedom"),
        (float("nan"), 2, "x must"),
    ):
        with pytest.raises(MethodInputError, match=what):
            chi2_sf(x, df)
