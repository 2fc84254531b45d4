"""Method advice: the family of each ranking method and one line on when it suits.

Plain data for the method picker (and anyone who explains a method): each ranking method the
registry offers has a :class:`MethodAdvice` with its family and a one-line "when it suits".
The three own methods are also *recommended*: their scores are explained exactly (weighted
sum and AHP: additive; TOPSIS: squared distances) and they run vectorised in sensitivity.

Families follow the usual taxonomy of MCDM methods (value/utility, distance to reference
points, outranking): Triantaphyllou, E. (2000). *Multi-Criteria Decision Making Methods: A
Comparative Study*. Kluwer, ch. 1-2; Ishizaka, A. and Nemery, P. (2013). *Multi-Criteria
Decision Analysis: Methods and Software*. Wiley, ch. 1. The source of each method's family is
the publication in a comment beside it (the same references the catalogue cites).
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType

from clusterrank.errors import ConfigurationError
from clusterrank.i18n import N_, _


@dataclass(frozen=True)
class Family:
    """A group of methods in the picker: its key, display title and one-line meaning."""

    key: str
    title: str
    meaning: str

    @property
    def title_text(self) -> str:
        """The display title in the current language."""
        return _(self.title)

    @property
    def meaning_text(self) -> str:
        """The one-line meaning in the current language."""
        return _(self.meaning)


@dataclass(frozen=True)
class MethodAdvice:
    """A ranking method's family, whether it is recommended, and when it suits (one line)."""

    family: str
    suits: str
    recommended: bool = False

    @property
    def suits_text(self) -> str:
        """When the method suits, in the current language."""
        return _(self.suits)


FAMILIES: tuple[Family, ...] = (
    Family(
        "recommended",
        N_("Recommended"),
        N_(
            "clusterrank's own methods: every score is broken down by criterion exactly, and "
            "sensitivity runs fast"
        ),
    ),
    Family(
        "compensatory",
        N_("Compensatory (utility)"),
        N_("a strength on one criterion can make up for a weakness on another"),
    ),
    Family(
        "distance",
        N_("Distance-based (compromise)"),
        N_("closeness to an ideal or reference point, away from the worst"),
    ),
    Family(
        "outranking",
        N_("Outranking"),
        N_(
            "pairwise preferences between candidates; a small difference need not count, and a "
            "large gain need not make up for a loss"
        ),
    ),
)
FAMILY_TITLES = MappingProxyType({f.key: f.title for f in FAMILIES})
"""Family key -> English title (a msgid): show :func:`family_title` instead."""


def family_title(key: str) -> str:
    """The display title of the family ``key`` in the current language."""
    return _(FAMILY_TITLES[key])


_COMP, _DIST, _OUT = "compensatory", "distance", "outranking"

ADVICE = MappingProxyType(
    {
        # Hwang and Yoon (1981), pp. 128-140: distance to the ideal and anti-ideal points.
        "topsis": MethodAdvice(
            _DIST,
            N_(
                "A sound default: rewards being close to the best value on every criterion and "
                "far from the worst."
            ),
            recommended=True,
        ),
        # Hwang and Yoon (1981), pp. 99-103 (SAW): additive value, fully compensatory.
        "wsm": MethodAdvice(
            _COMP,
            N_(
                "The most transparent: each criterion adds its weighted share to the score; use "
                "when a strength may fully make up for a weakness."
            ),
            recommended=True,
        ),
        # Saaty (1980): synthesis is a weighted sum of local priorities (additive).
        "ahp": MethodAdvice(
            _COMP,
            N_(
                "When the weights come from AHP judgments and the data should be scored the AHP "
                "way (each value as a share of its criterion)."
            ),
            recommended=True,
        ),
        # Opricovic and Tzeng (2004): compromise ranking by L1 and L-infinity distances.
        "vikor": MethodAdvice(
            _DIST,
            N_(
                "When a compromise is sought and one large weakness (regret) should count against "
                "a candidate; lower is better."
            ),
        ),
        # Brans and Vincke (1985): net outranking flow from pairwise preference functions.
        "promethee_ii": MethodAdvice(
            _OUT,
            N_(
                "When a small difference should not count as a preference: set the thresholds q "
                "and p per criterion below."
            ),
        ),
        # Dezert et al. (2020): distance to the ideal solution point within fixed bounds.
        "spotis": MethodAdvice(
            _DIST,
            N_(
                "When adding or removing a candidate must not reorder the others (fixed bounds, "
                "no rank reversal); lower is better."
            ),
        ),
        # Zavadskas et al. (1994): proportional assessment from weighted benefit/cost sums.
        "copras": MethodAdvice(
            _COMP,
            N_(
                "When benefits and costs should be weighed separately, costs as a ratio; "
                "positive data only."
            ),
        ),
        # Hwang and Yoon (1981) via pymcdm (Kizielewicz et al. 2023).
        "pymcdm_topsis": MethodAdvice(
            _DIST,
            N_("To cross-check TOPSIS with pymcdm (its default is min-max normalisation)."),
        ),
        # Triantaphyllou (2000), ch. 2 (WSM) via pymcdm.
        "pymcdm_wsm": MethodAdvice(_COMP, N_("To cross-check the weighted sum with pymcdm.")),
        # Triantaphyllou (2000), ch. 2 (WPM): multiplicative utility, partly compensatory.
        "wpm": MethodAdvice(
            _COMP,
            N_(
                "When criteria are in different units and a very weak value should pull the "
                "score down hard; positive data only."
            ),
        ),
        # Zavadskas et al. (2012): blend of the weighted sum and weighted product models.
        "waspas": MethodAdvice(
            _COMP,
            N_(
                "When unsure between the weighted sum and the weighted product: blends the two "
                "(λ); positive data only."
            ),
        ),
        # Zavadskas and Turskis (2010): additive ratio to an optimal candidate.
        "aras": MethodAdvice(
            _COMP,
            N_(
                "When each candidate should be scored as a share of an ideal candidate built from "
                "the best values; positive data only."
            ),
        ),
        # Yazdani et al. (2019): combines weighted-sum and weighted-product aggregates.
        "cocoso": MethodAdvice(
            _COMP,
            N_("As a robustness check that combines the sum and product views of the data."),
        ),
        # Keshavarz Ghorabaee et al. (2016): Euclidean and taxicab distance from the worst.
        "codas": MethodAdvice(
            _DIST,
            N_(
                "When being far from the worst matters most (Euclidean distance, taxicab to "
                "break near ties); positive data only."
            ),
        ),
        # Keshavarz Ghorabaee et al. (2015): distances from the average solution.
        "edas": MethodAdvice(
            _DIST,
            N_(
                "When candidates should be judged against the average rather than the extremes; "
                "positive data only."
            ),
        ),
        # Pamučar and Ćirović (2015): distance from the border approximation area.
        "mabac": MethodAdvice(
            _DIST,
            N_(
                "When candidates should be judged above or below a border built from all of them "
                "(their geometric mean)."
            ),
        ),
        # Pamučar et al. (2014): gap between theoretical (ideal) and real ratings.
        "mairca": MethodAdvice(
            _DIST,
            N_(
                "When the question is how far each candidate falls short of an ideal rating; "
                "lower is better."
            ),
        ),
        # Stević et al. (2020): utility degrees of weighted sums against ideal and anti-ideal.
        "marcos": MethodAdvice(
            _COMP,
            N_(
                "When utility should be measured against both an ideal and an anti-ideal "
                "candidate; positive data only."
            ),
        ),
        # Brauers and Zavadskas (2006): ratio system, weighted benefits minus weighted costs.
        "moora": MethodAdvice(
            _COMP,
            N_(
                "A simple cross-check: weighted benefits minus weighted costs on vector-normalised "
                "values."
            ),
        ),
        # Wang et al. (2021): distances to a sequence of ideal solutions and to the average.
        "probid": MethodAdvice(
            _DIST,
            N_(
                "When the ranking should weigh distances to several ideal levels and to the "
                "average."
            ),
        ),
        # Sotoudeh-Anvari (2023): root of weighted benefit and cost sums.
        "ram": MethodAdvice(
            _COMP,
            N_("A cross-check combining benefit and cost sums in a root; positive data only."),
        ),
    }
)


def advice(method: str) -> MethodAdvice:
    """The advice for a ranking method by registry name; an unknown name is an error."""
    found = ADVICE.get(method)
    if found is None:
        msg = _("no advice for ranking method {method!r}; known: {known}").format(
            method=method, known=", ".join(ADVICE)
        )
        raise ConfigurationError(msg)
    return found


def group_of(method: str) -> str:
    """The picker group of ``method``: ``"recommended"`` or its family key."""
    found = advice(method)
    return "recommended" if found.recommended else found.family


def grouped(methods: list[str]) -> dict[str, list[str]]:
    """``methods`` by picker group, groups in :data:`FAMILIES` order, each keeping input order.

    Empty groups are left out.
    """
    out: dict[str, list[str]] = {f.key: [] for f in FAMILIES}
    for name in methods:
        out[group_of(name)].append(name)
    return {key: names for key, names in out.items() if names}
