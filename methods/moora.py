r"""MOORA ratio system: weighted vector-normalised benefits minus weighted costs.

.. math::

    r_{ij} = x_{ij} / \sqrt{\textstyle\sum_k x_{kj}^2}, \qquad
    y_i = \sum_{j \in benefit} w_j r_{ij} - \sum_{j \in cost} w_j r_{ij}

A larger :math:`y_i` is better. The formula is defined whatever the mix of criteria; with
benefit criteria only the cost sum is empty and :math:`y_i` is the weighted sum of the
vector-normalised values. pymcdm 1.4.0 refuses that case ("requires at least one cost
criterion"), so :mod:`methods.pymcdm_adapter` uses this kernel there and pymcdm otherwise;
the tests check the two agree on mixed problems.

References
----------
Brauers, W. K. M. and Zavadskas, E. K. (2006). The MOORA method and its application to
privatization in a transition economy. *Control and Cybernetics* 35(2), 445-469 (the ratio
system, eq. 1 and 2).
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from clusterrank.methods.scaling import unit_columns

FloatArray = npt.NDArray[np.float64]


def moora_scores(
    matrix: npt.ArrayLike, weights: npt.ArrayLike, directions: npt.ArrayLike
) -> FloatArray:
    """MOORA ratio-system scores :math:`y_i` (higher is better).

    Parameters
    ----------
    matrix
        m×n finite values, no all-zero column (its vector norm would be 0).
    weights
        n weights >= 0 (used as given).
    directions
        n values, +1 benefit, -1 cost.

    Returns
    -------
    numpy.ndarray
        One score per candidate.

    References
    ----------
    Brauers and Zavadskas (2006), the ratio system.

    Examples
    --------
    >>> moora_scores([[3.0, 4.0], [4.0, 3.0]], [0.5, 0.5], [1, 1]).tolist()
    [0.7, 0.7]
    """
    y = unit_columns(matrix)  # exact powers of two: the ratios r_ij are unchanged
    r = y / np.sqrt(np.sum(y * y, axis=0))
    signed = np.asarray(weights, dtype=float) * np.asarray(directions, dtype=float)
    return np.asarray(r @ signed, dtype=float)
