r"""Objective criterion weights derived from the decision matrix itself.

Four methods, computed by pymcdm through :mod:`methods.pymcdm_adapter`:

``entropy``
    Shannon entropy weighting. Each column is read as a distribution
    :math:`p_{ij} = x_{ij} / \sum_i x_{ij}`; its entropy
    :math:`E_j = -\ln(m)^{-1} \sum_i p_{ij} \ln p_{ij}` lies in [0, 1] and the weight is
    :math:`w_j = (1 - E_j) / \sum_k (1 - E_k)`: criteria whose values are spread unevenly
    across candidates carry more information and more weight. Values must be > 0.
``critic``
    CRITIC (CRiteria Importance Through Intercriteria Correlation). Columns are min-max
    normalised with their direction (1 = best), and
    :math:`C_j = \sigma_j \sum_k (1 - r_{jk})` combines contrast (standard deviation) with
    conflict (1 - Pearson correlation); :math:`w_j = C_j / \sum_k C_k`.
``standard_deviation``
    :math:`w_j \propto \sigma_j` of the min-max normalised column (so the weights do not
    depend on the units a criterion is measured in).
``merec``
    MEREC: the weight of a criterion grows with how much removing it changes the candidates'
    overall (logarithmic) performance. Values must be > 0.

Degenerate data never produce a NaN: a criterion with one value for every candidate cannot
discriminate, so it gets weight 0 (noted); if only one criterion varies it gets all the
weight; if none varies, equal weights are returned with a note.

References
----------
Shannon, C. E. (1948). A mathematical theory of communication. *Bell System Technical
Journal* 27(3), 379-423.
Zeleny, M. (1982). *Multiple Criteria Decision Making*. McGraw-Hill, New York.
Hwang, C.-L. and Yoon, K. (1981). *Multiple Attribute Decision Making: Methods and
Applications*. Lecture Notes in Economics and Mathematical Systems 186, Springer (the
entropy method for attribute weights).
Diakoulaki, D., Mavrotas, G. and Papayannakis, L. (1995). Determining objective weights in
multiple criteria problems: the CRITIC method. *Computers & Operations Research* 22(7),
763-770.
Wang, Y.-M. and Luo, Y. (2010). Integration of correlations with standard deviations for
determining attribute weights in multiple attribute decision making. *Mathematical and
Computer Modelling* 51(1-2), 1-12.
Keshavarz-Ghorabaee, M., Amiri, M., Zavadskas, E. K., Turskis, Z. and Antucheviciene, J.
(2021). Determination of objective weights using a new method based on the removal effects
of criteria (MEREC). *Symmetry* 13(4), 525.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

import numpy as np
import numpy.typing as npt

from clusterrank.errors import ConfigurationError
from clusterrank.i18n import N_, _
from clusterrank.methods.pymcdm_catalogue import WEIGHTING
from clusterrank.methods.validation import check_directions, check_matrix

FloatArray = npt.NDArray[np.float64]

#: What each method does to the columns before weighing them (echoed in ``settings``).
PREPARATION: Mapping[str, str] = MappingProxyType(
    {
        "entropy": N_("sum normalisation p_ij = x_ij / sum_i x_ij (direction not used)"),
        "critic": N_("min-max normalisation with direction (1 = best), sample std, Pearson r"),
        "standard_deviation": N_("min-max normalisation, sample standard deviation"),
        "merec": N_("linear normalisation (benefit min/x, cost x/max), natural logarithm"),
    }
)


@dataclass(frozen=True)
class WeightsResult:
    """Objective weights and everything that produced them.

    Attributes
    ----------
    method
        ``"entropy"``, ``"critic"``, ``"standard_deviation"`` or ``"merec"``.
    weights
        One weight per criterion, >= 0, summing to 1 (read-only array).
    settings
        Every choice that changed a number (the column preparation, the constant-column rule).
    notes
        Plain-language remarks (constant criteria, fall-backs) a user must see.
    """

    method: str
    weights: FloatArray
    settings: Mapping[str, Any] = field(default_factory=dict)
    notes: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        arr = np.array(self.weights, dtype=float)
        if arr.ndim != 1 or not np.all(np.isfinite(arr)) or not np.isclose(arr.sum(), 1.0):
            msg = f"objective weights must be finite and sum to 1 (got {arr.tolist()})"
            raise ValueError(msg)
        arr.setflags(write=False)
        object.__setattr__(self, "weights", arr)
        object.__setattr__(self, "settings", MappingProxyType(dict(self.settings)))
        object.__setattr__(self, "notes", tuple(self.notes))


def objective_weight_names() -> list[str]:
    """Names accepted by :func:`objective_weights`, in catalogue order."""
    return list(WEIGHTING)


def objective_weights(
    matrix: npt.ArrayLike,
    directions: Sequence[str | int] | npt.ArrayLike,
    method: str = "entropy",
    *,
    labels: Sequence[str] | None = None,
) -> WeightsResult:
    """Derive criterion weights from the spread and correlation of the data.

    Parameters
    ----------
    matrix
        Decision matrix, m candidates × n criteria (m >= 2), finite values.
    directions
        One direction per criterion (``"benefit"``/``"cost"``/±1, ...). Used by CRITIC and
        MEREC; entropy and standard deviation do not depend on it.
    method
        ``"entropy"`` (default), ``"critic"``, ``"standard_deviation"`` or ``"merec"``.
    labels
        Optional criterion ids, so messages and notes name criteria instead of columns.

    Returns
    -------
    WeightsResult
        Weights summing to 1, the settings that produced them and notes.

    Raises
    ------
    ConfigurationError
        Unknown ``method`` (the message lists the choices).
    MethodInputError
        Invalid matrix or directions, fewer than 2 candidates, or values <= 0 for entropy or
        MEREC (the message names the column and suggests CRITIC or standard deviation).

    References
    ----------
    Entropy: Hwang and Yoon (1981); Zeleny (1982). CRITIC: Diakoulaki, Mavrotas and
    Papayannakis (1995). Standard deviation: Wang and Luo (2010). MEREC:
    Keshavarz-Ghorabaee et al. (2021). Full entries in the module docstring.

    Examples
    --------
    >>> result = objective_weights([[1, 10], [2, 10], [4, 10]], ["benefit", "cost"])
    >>> result.weights.tolist(), result.notes
    ([1.0, 0.0], ('column(s) 2 have one value for every candidate: weight 0', \
'only one criterion varies; it receives all the weight'))
    """
    names = objective_weight_names()
    if method not in names:
        msg = _("objective weighting method must be one of {names} (got {given!r})").format(
            names=names, given=method
        )
        raise ConfigurationError(msg)
    x = check_matrix(matrix)
    d = check_directions(directions, x.shape[1])
    from clusterrank.methods.pymcdm_adapter import objective_weights_pymcdm  # pymcdm only when used

    weights, notes = objective_weights_pymcdm(method, x, d, labels)
    settings = {
        "method": method,
        "preparation": PREPARATION[method],
        "constant_criteria": N_("weight 0"),
    }
    return WeightsResult(method=method, weights=weights, settings=settings, notes=tuple(notes))
