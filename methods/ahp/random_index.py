"""Random-index (RI) tables for the AHP consistency ratio, each named and cited.

The consistency ratio CR = CI / RI compares a matrix's consistency index with the mean
consistency index of random reciprocal matrices of the same size. Different studies simulated
different numbers of matrices and report different RI, so the table is a setting that changes
a number: every :class:`~methods.ahp.consistency.AHPResult` names the table it used.

Tables
------
``saaty``
    Saaty (1980), the table the AHP is usually taught with: n = 1..10 from Saaty's
    simulations (0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49), extended to
    n = 15 with Saaty's published 1.51, 1.48, 1.56, 1.57, 1.59. The dip at n = 12 (1.48) is as
    printed in Saaty (1980); some secondary sources print 1.54 instead.
``alonso_lamata``
    Alonso & Lamata (2006), mean λmax of a large sample of random matrices per size, entries drawn
    uniformly from the 17 values of the fundamental scale (1/9..9), RI = (λ̄max − n)/(n − 1).
    Their values are reproduced (to Monte-Carlo error) by :func:`simulate_random_index`; the
    test suite checks that.

References
----------
Saaty, T.L. (1980). *The Analytic Hierarchy Process*. McGraw-Hill, New York, ch. 1
(random consistency index table).

Alonso, J.A., Lamata, M.T. (2006). Consistency in the analytic hierarchy process: a new
approach. *International Journal of Uncertainty, Fuzziness and Knowledge-Based Systems*
14(4), 445–459, table of RI for n = 3..15.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

import numpy as np
import numpy.typing as npt

from clusterrank.errors import ConfigurationError, MethodInputError
from clusterrank.i18n import _

FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True)
class RandomIndexTable:
    """One published random-index table.

    Attributes
    ----------
    name
        Setting name (``"saaty"``, ``"alonso_lamata"``).
    title
        Short display title, e.g. ``"Saaty (1980)"``.
    citation
        Full reference.
    values
        Matrix size n -> RI. Sizes 1 and 2 are always 0 (every 1×1 and 2×2 reciprocal
        matrix is consistent).
    """

    name: str
    title: str
    citation: str
    values: Mapping[int, float]

    @property
    def max_n(self) -> int:
        """Largest matrix size the table covers."""
        return max(self.values)


def _table(name: str, title: str, citation: str, from_3: list[float]) -> RandomIndexTable:
    values = {1: 0.0, 2: 0.0} | {n: v for n, v in enumerate(from_3, start=3)}
    return RandomIndexTable(name, title, citation, MappingProxyType(values))


TABLES: Mapping[str, RandomIndexTable] = MappingProxyType(
    {
        "saaty": _table(
            "saaty",
            "Saaty (1980)",
            "Saaty, T.L. (1980). The Analytic Hierarchy Process. McGraw-Hill, New York.",
            [0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59],
        ),
        "alonso_lamata": _table(
            "alonso_lamata",
            "Alonso & Lamata (2006)",
            "Alonso, J.A., Lamata, M.T. (2006). Consistency in the analytic hierarchy "
            "process: a new approach. Int. J. Uncertainty, Fuzziness and Knowledge-Based "
            "Systems 14(4), 445-459.",
            [
                0.5245,
                0.8815,
                1.1086,
                1.2479,
                1.3417,
                1.4056,
                1.4499,
                1.4854,
                1.5141,
                1.5365,
                1.5551,
                1.5713,
                1.5838,
            ],
        ),
    }
)

DEFAULT_TABLE = "saaty"

#: The 17 values of Saaty's fundamental scale: 1/9, 1/8, ..., 1/2, 1, 2, ..., 9.
SAATY_SCALE: tuple[float, ...] = tuple(
    [1.0 / k for k in range(9, 1, -1)] + [float(k) for k in range(1, 10)]
)


def table_names() -> tuple[str, ...]:
    """The random-index table names a user may choose."""
    return tuple(TABLES)


def get_table(table: str = DEFAULT_TABLE) -> RandomIndexTable:
    """Return a table by name; an unknown name is a :class:`ConfigurationError`."""
    key = str(table).strip().lower()
    if key not in TABLES:
        choices = ", ".join(TABLES)
        msg = _("random_index must be one of {choices} (got {given!r})").format(
            choices=choices, given=table
        )
        raise ConfigurationError(msg)
    return TABLES[key]


def random_index(n: int, table: str = DEFAULT_TABLE) -> float:
    """Random index RI for an n×n pairwise matrix from the named table.

    Parameters
    ----------
    n
        Matrix size (number of items compared), >= 1.
    table
        ``"saaty"`` (default) or ``"alonso_lamata"``.

    Returns
    -------
    float
        RI; 0.0 for n = 1 and n = 2.

    Raises
    ------
    ConfigurationError
        Unknown table name (the message lists the choices).
    MethodInputError
        n < 1, or n larger than the table covers.

    References
    ----------
    Saaty (1980); Alonso & Lamata (2006) — see the module docstring.
    """
    tab = get_table(table)
    if isinstance(n, bool) or int(n) != n or n < 1:
        msg = _("matrix size n must be a whole number >= 1 (got {given!r})").format(given=n)
        raise MethodInputError(msg)
    size = int(n)
    if size > tab.max_n:
        msg = _(
            "the random-index table {name!r} ({title}) covers n = 1..{max_n}; "
            "got n = {n}. Split the items into smaller groups (a deeper hierarchy); "
            "Saaty advises at most 7±2 items per matrix"
        ).format(name=tab.name, title=tab.title, max_n=tab.max_n, n=size)
        raise MethodInputError(msg)
    return float(tab.values[size])


def simulate_random_index(n: int, samples: int = 10_000, seed: int = 0) -> float:
    """Monte-Carlo estimate of RI for size n, as Alonso & Lamata (2006) computed it.

    Each of ``samples`` random reciprocal matrices draws its upper-triangle entries uniformly
    from the 17 values of :data:`SAATY_SCALE`; RI is the mean of (λmax − n)/(n − 1).
    Used by the tests to check the published tables; not used in any analysis.

    References
    ----------
    Alonso, J.A., Lamata, M.T. (2006), section 3.
    """
    if n < 3:
        return 0.0
    rng = np.random.default_rng(seed)
    scale = np.asarray(SAATY_SCALE)
    iu = np.triu_indices(n, k=1)
    a = np.ones((samples, n, n))
    upper = scale[rng.integers(0, scale.size, size=(samples, iu[0].size))]
    a[:, iu[0], iu[1]] = upper
    a[:, iu[1], iu[0]] = 1.0 / upper
    lam = np.linalg.eigvals(a).real.max(axis=1)
    return float(np.mean((lam - n) / (n - 1)))
