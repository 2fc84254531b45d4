"""Location quotients: a textbook known answer, invariants, reference choices, degenerate input."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from clusterrank.criteria.regional import location_quotients
from clusterrank.errors import ValidationFailed


def test_farhauer_kroell_textbook_example() -> None:
    """Farhauer, O., Kröll, A. (2013), *Standorttheorien: Regional- und Stadtökonomik in
    Theorie und Praxis*, Springer Gabler — the location-quotient example quoted in the
    documentation of the R package REAT (function ``locq``: "Example from Farhauer/Kroell
    (2013)": e_ij = 1714, e_j = 79006, e_i = 879213, e = 15593224, LQ = 0.3847623).
    The page in the book could not be verified here; the figures are REAT's quotation.
    """
    region = pd.DataFrame({"i": [1714.0], "rest": [79006.0 - 1714.0]}, index=["j"])
    nation = pd.Series({"i": 879213.0, "rest": 15593224.0 - 879213.0})
    out = location_quotients(region, nation, reference_label="Germany")
    np.testing.assert_allclose(out.lq.loc[["j"], "i"].to_numpy(), 0.3847623, atol=1e-7)
    assert out.reference == "Germany"


def test_sum_of_regions_reference_and_shares() -> None:
    """LQ against the sum of the regions: (x_ir/x_r)/(x_iN/x_N) computed by hand."""
    x = pd.DataFrame({"a": [30.0, 10.0], "b": [70.0, 90.0]}, index=["r1", "r2"])
    out = location_quotients(x)
    np.testing.assert_allclose(out.lq.to_numpy(), [[0.3 / 0.2, 0.7 / 0.8], [0.1 / 0.2, 0.9 / 0.8]])
    np.testing.assert_allclose(out.reference_shares.to_numpy(), [0.2, 0.8])
    assert out.reference == "the sum of the 2 regions given"


grids = arrays(
    np.float64,
    st.tuples(st.integers(1, 5), st.integers(2, 6)),
    elements=st.floats(0.5, 1e6, allow_nan=False, allow_infinity=False),
)


@settings(max_examples=50, deadline=None)
@given(grids)
def test_region_equal_to_reference_has_all_lq_one(x: np.ndarray) -> None:
    """Invariant: a region whose sector mix equals the reference's has LQ = 1 everywhere
    (here the reference row itself, and the same row scaled by 3, are both regions)."""
    ref = pd.Series(x[0], index=[f"s{j}" for j in range(x.shape[1])])
    regions = pd.DataFrame(np.vstack([x, 3.0 * x[0]]), columns=ref.index)
    out = location_quotients(regions, ref)
    np.testing.assert_allclose(out.lq.iloc[0].to_numpy(), 1.0, rtol=1e-12)
    np.testing.assert_allclose(out.lq.iloc[-1].to_numpy(), 1.0, rtol=1e-12)


@settings(max_examples=50, deadline=None)
@given(grids, st.floats(1e-3, 1e3), st.integers(0, 4))
def test_scaling_a_region_leaves_its_lqs_unchanged(x: np.ndarray, k: float, row: int) -> None:
    """Invariant: multiplying one region's measure by k > 0 leaves its LQs unchanged when the
    reference is a given (national) row."""
    row = row % x.shape[0]
    cols = [f"s{j}" for j in range(x.shape[1])]
    ref = pd.Series(x.sum(axis=0) * 2.0, index=cols)
    before = location_quotients(pd.DataFrame(x, columns=cols), ref).lq
    scaled = x.copy()
    scaled[row] *= k
    after = location_quotients(pd.DataFrame(scaled, columns=cols), ref).lq
    np.testing.assert_allclose(after.iloc[row], before.iloc[row], rtol=1e-10)


def test_sector_zero_everywhere_is_left_out_with_a_note() -> None:
    """A sector that is 0 in every region and the reference has no LQ: dropped and noted."""
    x = pd.DataFrame({"a": [1.0, 2.0], "b": [3.0, 4.0], "z": [0.0, 0.0]}, index=["r1", "r2"])
    out = location_quotients(x)
    assert list(out.lq.columns) == ["a", "b"]
    assert np.isfinite(out.lq.to_numpy()).all()
    assert any("'z'" in n and "left out" in n for n in out.notes)


def test_declared_totals_are_used_and_checked() -> None:
    """With declared totals (a table listing only some sectors), x_r and x_N are the totals."""
    x = pd.DataFrame({"a": [10.0]}, index=["r"])
    out = location_quotients(
        x, pd.Series({"a": 100.0}), region_totals=pd.Series({"r": 50.0}), reference_total=1000.0
    )
    np.testing.assert_allclose(out.lq.loc[["r"], "a"].to_numpy(), (10 / 50) / (100 / 1000))
    over = location_quotients(
        x, pd.Series({"a": 100.0}), region_totals=pd.Series({"r": 5.0}), reference_total=1000.0
    )
    assert any("more than the declared total" in n for n in over.notes)


@pytest.mark.parametrize(
    ("values", "reference", "message"),
    [
        ({"a": [1.0, -2.0], "b": [1.0, 1.0]}, None, "negative measure -2 at region 'r2'"),
        ({"a": [1.0, np.nan], "b": [1.0, 1.0]}, None, "missing or non-numeric"),
        ({"a": [0.0, 0.0], "b": [0.0, 1.0]}, None, "region(s) ['r1'] have a total of 0"),
        ({"a": [1.0, 2.0], "b": [1.0, 1.0]}, {"a": 5.0}, "sector(s) ['b'] are absent from"),
        ({"a": [1.0, 2.0], "b": [1.0, 1.0]}, {"a": 5.0, "b": 0.0}, "0 in RU but positive"),
    ],
)
def test_bad_input_messages(
    values: dict[str, list[float]], reference: dict[str, float] | None, message: str
) -> None:
    """Each degenerate input gives a clear error naming what is wrong, never a NaN."""
    x = pd.DataFrame(values, index=["r1", "r2"])
    ref = None if reference is None else pd.Series(reference)
    with pytest.raises(ValidationFailed) as info:
        location_quotients(x, ref, reference_label="RU", label="t.csv")
    assert message in str(info.value)
    assert "t.csv" in str(info.value)
