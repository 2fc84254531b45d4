"""Shannon-entropy weights for data holding zeros.

Pymcdm's version gives such a column the maximum weight instead.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from clusterrank.methods.scaling import unit_columns

FloatArray = npt.NDArray[np.float64]


def entropy_weights_with_zeros(x: FloatArray) -> FloatArray:
    """Shannon-entropy weights with the convention 0·ln 0 = 0 (Hwang & Yoon 1981, §4).

    Columns are non-negative and not constant (checked by the caller), so each column sum
    is positive. Columns are first scaled by an exact power of two (:mod:`methods.scaling`),
    so the sums cannot overflow for values near 1e308; the weights do not change.
    """
    y = unit_columns(x)
    p = y / y.sum(axis=0, keepdims=True)
    with np.errstate(divide="ignore", invalid="ignore"):
        plogp = np.where(p > 0, p * np.log(np.where(p > 0, p, 1.0)), 0.0)
    entropy = -plogp.sum(axis=0) / np.log(x.shape[0])
    diversity = 1.0 - entropy
    return np.asarray(diversity / diversity.sum(), dtype=float)
