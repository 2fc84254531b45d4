r"""How alike two rankings are: Spearman, weighted Spearman and the WS coefficient.

Rankings use rank 1 = best. Before a coefficient is computed, ranks are re-expressed as
fractional ranks (ties share the mean of their positions: the competition ranking "1224"
becomes 1, 2.5, 2.5, 4), so every coefficient sees the same convention. The coefficients come
from pymcdm through :mod:`methods.pymcdm_adapter`.

``spearman``
    Pearson correlation of the two rank vectors, in [-1, 1]; a reversed ranking gives -1.
    Undefined (an error) when every candidate shares one rank.
``weighted_spearman``
    :math:`r_w = 1 - 6\sum (x_i - y_i)^2 ((N - x_i + 1) + (N - y_i + 1)) /
    (N^4 + N^3 - N^2 - N)`: like Spearman, but disagreements near the top weigh more.
    Symmetric.
``ws``
    Rank similarity coefficient
    :math:`WS = 1 - \sum_i 2^{-x_i} |x_i - y_i| / \max(|x_i - 1|, |x_i - N|)`, in [0, 1];
    the first ranking is the reference, so ``ws(a, b) != ws(b, a)`` in general, and a
    swap at the top costs more than one at the bottom.

References
----------
Spearman, C. (1904). The proof and measurement of association between two things. *The
American Journal of Psychology* 15(1), 72-101.
Pinto da Costa, J. and Soares, C. (2005). A weighted rank measure of correlation.
*Australian & New Zealand Journal of Statistics* 47(4), 515-529.
Sałabun, W. and Urbaniak, K. (2020). A new coefficient of rankings similarity in
decision-making problems. In *Computational Science - ICCS 2020*, LNCS 12138, Springer,
632-645.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import numpy.typing as npt
import pandas as pd

from clusterrank.errors import ConfigurationError, MethodInputError

FloatArray = npt.NDArray[np.float64]

RANK_CORRELATIONS: tuple[str, ...] = ("spearman", "weighted_spearman", "ws")


def rank_correlation(
    ranks_a: npt.ArrayLike, ranks_b: npt.ArrayLike, method: str = "spearman"
) -> float:
    """Similarity of two rankings of the same candidates (rank 1 = best).

    Parameters
    ----------
    ranks_a, ranks_b
        One rank per candidate, in the same candidate order. For ``"ws"`` ``ranks_a`` is the
        reference ranking.
    method
        ``"spearman"`` (default), ``"weighted_spearman"`` or ``"ws"``.

    Returns
    -------
    float
        The coefficient; never NaN.

    Raises
    ------
    ConfigurationError
        Unknown ``method``.
    MethodInputError
        Rankings of different lengths, fewer than 2 candidates, non-finite ranks, or Spearman
        on a ranking where every candidate shares one rank.

    References
    ----------
    Spearman (1904); Pinto da Costa and Soares (2005); Sałabun and Urbaniak (2020). Full
    entries in the module docstring.

    Examples
    --------
    >>> round(rank_correlation([1, 2, 3, 4], [4, 3, 2, 1]), 12)
    -1.0
    >>> rank_correlation([1, 2, 3], [1, 2, 3], "ws")
    1.0
    """
    if method not in RANK_CORRELATIONS:
        msg = f"rank correlation must be one of {list(RANK_CORRELATIONS)} (got {method!r})"
        raise ConfigurationError(msg)
    a = np.asarray(ranks_a, dtype=float)
    b = np.asarray(ranks_b, dtype=float)
    if a.shape != b.shape:
        msg = (
            f"rankings must cover the same candidates: got {a.size} and {b.size} ranks "
            f"(shapes {a.shape} and {b.shape})"
        )
        raise MethodInputError(msg)
    from clusterrank.methods.pymcdm_adapter import rank_similarity  # pymcdm only when it is used

    return rank_similarity(method, a, b)


def correlation_matrix(
    rankings: Mapping[str, npt.ArrayLike], method: str = "spearman"
) -> pd.DataFrame:
    """Pairwise similarity of several rankings, as a labelled square table.

    Parameters
    ----------
    rankings
        Label (e.g. a method name) -> ranks of the same candidates in the same order.
    method
        ``"spearman"`` (default), ``"weighted_spearman"`` or ``"ws"``.

    Returns
    -------
    pandas.DataFrame
        Rows and columns in the order of ``rankings``; the diagonal is 1. For the symmetric
        coefficients the table is symmetric. For ``"ws"`` the cell (row, column) uses the row's
        ranking as the reference, so the table need not be symmetric.

    Raises
    ------
    MethodInputError
        No rankings, or rankings of different lengths (the message names them).

    References
    ----------
    As :func:`rank_correlation`.
    """
    labels = list(rankings)
    if not labels:
        msg = "correlation_matrix needs at least one ranking (got none)"
        raise MethodInputError(msg)
    arrays = {label: np.asarray(rankings[label], dtype=float) for label in labels}
    first = labels[0]
    for label in labels[1:]:
        if arrays[label].shape != arrays[first].shape:
            msg = (
                f"ranking {label!r} has {arrays[label].size} ranks but {first!r} has "
                f"{arrays[first].size}; every ranking must cover the same candidates"
            )
            raise MethodInputError(msg)
    k = len(labels)
    table = np.eye(k)
    for i in range(k):
        for j in range(k):
            if i != j and (method == "ws" or j > i):
                table[i, j] = rank_correlation(arrays[labels[i]], arrays[labels[j]], method)
            elif i != j:
                table[i, j] = table[j, i]
    if k == 1:  # validate method and ranks even when there is nothing to pair
        rank_correlation(arrays[first], arrays[first], method)
    return pd.DataFrame(table, index=labels, columns=labels)
