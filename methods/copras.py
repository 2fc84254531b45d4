r"""COPRAS: complex proportional assessment, with the published relative-significance formula.

Sum-normalised, weighted values :math:`v_{ij} = w_j x_{ij} / \sum_k x_{kj}` give each
candidate's sum over benefit criteria :math:`S_{+i}` and over cost criteria :math:`S_{-i}`;
its relative significance is

.. math::

    Q_i = S_{+i} + \frac{\min_k S_{-k} \sum_k S_{-k}}
                       {S_{-i} \sum_k \min_l S_{-l} / S_{-k}}

and the utility degree :math:`N_i = Q_i / \max_k Q_k` (larger is better). The cost term is
the published :math:`\sum S_- / (S_{-i} \sum 1/S_-)` with the minimum written in, so every
ratio lies in (0, 1] and none overflows. With no cost criterion (or no weight on any) every
:math:`S_{-i}` is 0, the cost term is absent and :math:`Q_i = S_{+i}`: the limit of the
formula as the cost weights go to 0.

References
----------
Zavadskas, E. K., Kaklauskas, A. and Šarka, V. (1994). The new method of multicriteria
complex proportional assessment of projects. *Technological and Economic Development of
Economy* 1(3), 131-139.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from clusterrank.methods.scaling import unit_columns

FloatArray = npt.NDArray[np.float64]


def copras_sums(
    matrix: npt.ArrayLike, weights: npt.ArrayLike, directions: npt.ArrayLike
) -> tuple[FloatArray, FloatArray]:
    """:math:`S_{+i}` and :math:`S_{-i}` from the sum-normalised weighted matrix.

    ``matrix`` holds values > 0 (m×n), ``weights`` n weights >= 0, ``directions`` ±1.
    """
    y = unit_columns(matrix)  # exact powers of two: the shares x_ij / sum_k x_kj are unchanged
    v = y / np.sum(y, axis=0) * np.asarray(weights, dtype=float)
    d = np.asarray(directions)
    return (
        np.asarray(v[:, d == 1].sum(axis=1), dtype=float),
        np.asarray(v[:, d == -1].sum(axis=1), dtype=float),
    )


def copras_significance(s_plus: npt.ArrayLike, s_minus: npt.ArrayLike) -> FloatArray:
    """Relative significance :math:`Q_i` (Zavadskas et al. 1994).

    Divide by its maximum for the utility degree.

    ``s_minus`` all zero (no weighted cost criterion) gives :math:`Q_i = S_{+i}`; otherwise
    every :math:`S_{-i}` must be > 0.

    Examples
    --------
    >>> copras_significance([0.25, 0.5], [0.0, 0.0]).tolist()  # benefit criteria only
    [0.25, 0.5]
    >>> copras_significance([0.0, 0.0], [0.25, 0.5]).tolist()  # Q_1 = 0.75 / (0.25 * 6)
    [0.5, 0.25]
    """
    sp = np.asarray(s_plus, dtype=float)
    sm = np.asarray(s_minus, dtype=float)
    q = sp.copy()
    if np.any(sm > 0):
        low = sm.min()
        q += low * sm.sum() / (sm * np.sum(low / sm))
    return np.asarray(q, dtype=float)
