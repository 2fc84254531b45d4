"""What clusterrank offers from pymcdm: names, titles, settings, orientation, references.

Pure data for :mod:`methods.pymcdm_adapter` (the only module importing pymcdm): the pymcdm
class, score orientation (per ``_reverse_ranking`` in pymcdm 1.4.0, VIKOR, SPOTIS and MAIRCA
rank ascending), allowed normalisations (first = default) and input needs of each method.
pymcdm's TOPSIS and WSM are ``pymcdm_topsis`` / ``pymcdm_wsm`` (clusterrank has its own).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from clusterrank.i18n import N_
from clusterrank.methods.info import MethodInfo, SettingInfo

_NORM_HELP = N_(
    "column normalisation passed to pymcdm: minmax (x-min)/(max-min), max x/max, "
    "sum x/sum, vector x/||x||, linear x/max (cost: min/x); cost columns are turned round"
)


@dataclass(frozen=True)
class RankingSpec:
    """How the adapter runs one pymcdm ranking method."""

    name: str
    cls_name: str
    info: MethodInfo
    positive: bool = False  # every value must be > 0
    nonzero_columns: bool = False  # an all-zero column cannot be scaled
    drop_constant: bool = False  # a constant column gives 0/0; it contributes 0, so drop it
    degenerate_hint: str = ""


def _ranking(
    ids: tuple[str, str, str],
    reference: str,
    description: str,
    *,
    ascending: bool = False,
    norms: tuple[str, ...] = (),
    extra: Mapping[str, SettingInfo] | None = None,
    **flags: bool | str,
) -> RankingSpec:
    name, cls_name, title = ids  # registry name, pymcdm class, display title
    settings: dict[str, SettingInfo] = {}
    if norms:
        settings["normalization"] = SettingInfo(norms[0], norms, _NORM_HELP)
    settings.update(extra or {})
    info = MethodInfo(
        name=name,
        title=title,
        kind="ranking",
        implementation="pymcdm",
        reference=reference,
        higher_is_better=not ascending,
        settings=settings,
        description=description,
    )
    return RankingSpec(name=name, cls_name=cls_name, info=info, **flags)  # type: ignore[arg-type]


_L = SettingInfo(0.5, (), N_("balance between the additive and the multiplicative part (0..1)"))

_SPECS: list[RankingSpec] = [
    _ranking(
        ("vikor", "VIKOR", "VIKOR"),
        "Opricovic, S. and Tzeng, G.-H. (2004). Compromise solution by MCDM methods: a "
        "comparative analysis of VIKOR and TOPSIS. European Journal of Operational Research "
        "156(2), 445-455.",
        N_(
            "Compromise ranking: Q mixes group utility S and individual regret R; lower Q is "
            "better. Each criterion is scaled by its own best and worst value. A constant "
            "criterion is left out (it separates no one); when all candidates share S or R, "
            "that term of Q is 0."
        ),
        ascending=True,
        drop_constant=True,
        extra={"v": SettingInfo(0.5, (), N_("weight of the majority-of-criteria strategy (0..1)"))},
    ),
    _ranking(
        ("promethee_ii", "PROMETHEE_II", "PROMETHEE II"),
        "Brans, J.-P. and Vincke, Ph. (1985). A preference ranking organisation method (the "
        "PROMETHEE method for multiple criteria decision-making). Management Science 31(6), "
        "647-656.",
        N_(
            "Net outranking flow from pairwise preferences. Thresholds are in criterion units; "
            "by default q = 0 and p = the criterion's range, and each default is noted."
        ),
        extra={
            "preference_function": SettingInfo(
                "usual",
                ("usual", "ushape", "vshape", "level", "vshape_2"),
                N_(
                    "generalised criterion: usual (any difference), ushape (q), vshape (p), "
                    "level (q, p), vshape_2 (linear between q and p)"
                ),
            ),
            "p": SettingInfo(None, (), N_("preference threshold, one number or one per criterion")),
            "q": SettingInfo(
                None, (), N_("indifference threshold, one number or one per criterion")
            ),
        },
    ),
    _ranking(
        ("spotis", "SPOTIS", "SPOTIS"),
        "Dezert, J., Tchamova, A., Han, D. and Tacnet, J.-M. (2020). The SPOTIS rank reversal "
        "free method for multi-criteria decision-making support. 2020 IEEE 23rd International "
        "Conference on Information Fusion (FUSION), 1-8.",
        N_(
            "Weighted distance to the ideal point within fixed bounds; lower is better. Bounds "
            "default to each criterion's min and max in the data (noted); a constant criterion "
            "is then left out."
        ),
        ascending=True,
        drop_constant=True,
        extra={"bounds": SettingInfo(None, (), N_("[min, max] per criterion; null = data range"))},
    ),
    _ranking(
        ("copras", "COPRAS", "COPRAS"),
        "Zavadskas, E. K., Kaklauskas, A. and Šarka, V. (1994). The new method of "
        "multicriteria complex proportional assessment of projects. Technological and "
        "Economic Development of Economy 1(3), 131-139.",
        N_(
            "Utility degree Q/Qmax from sum-normalised benefit (S+) and cost (S-) sums, with the "
            "published Q formula; needs positive values. With benefit criteria only Q = S+ "
            "(computed by clusterrank: pymcdm requires a cost criterion)."
        ),
        positive=True,
    ),
    _ranking(
        ("pymcdm_topsis", "TOPSIS", "TOPSIS (pymcdm)"),
        "Hwang, C.-L. and Yoon, K. (1981). Multiple Attribute Decision Making: Methods and "
        "Applications. Springer, pp. 128-140.",
        N_("pymcdm's TOPSIS; its default is min-max normalisation (textbook TOPSIS uses vector)."),
        norms=("minmax", "vector", "max", "sum", "linear"),
    ),
    _ranking(
        ("pymcdm_wsm", "WSM", N_("Weighted sum (pymcdm)")),
        "Triantaphyllou, E. (2000). Multi-Criteria Decision Making Methods: A Comparative "
        "Study. Kluwer, ch. 2 (the weighted sum model).",
        N_("pymcdm's weighted sum of normalised values."),
        norms=("sum", "minmax", "max", "vector", "linear"),
    ),
    _ranking(
        ("wpm", "WPM", N_("Weighted product")),
        "Triantaphyllou, E. (2000). Multi-Criteria Decision Making Methods: A Comparative "
        "Study. Kluwer, ch. 2 (the weighted product model).",
        N_("Product of normalised values raised to the weights; needs positive values."),
        norms=("sum", "linear"),
        positive=True,
    ),
    _ranking(
        ("waspas", "WASPAS", "WASPAS"),
        "Zavadskas, E. K., Turskis, Z., Antucheviciene, J. and Zakarevicius, A. (2012). "
        "Optimization of weighted aggregated sum product assessment. Elektronika ir "
        "Elektrotechnika 122(6), 3-6.",
        N_("Blend of weighted sum and weighted product (lambda = l); needs positive values."),
        norms=("linear", "sum"),
        positive=True,
        extra={"l": _L},
    ),
    _ranking(
        ("aras", "ARAS", "ARAS"),
        "Zavadskas, E. K. and Turskis, Z. (2010). A new additive ratio assessment (ARAS) method "
        "in multicriteria decision-making. Technological and Economic Development of Economy "
        "16(2), 159-172.",
        N_(
            "Utility relative to an optimal candidate built from the best values; needs positive "
            "values."
        ),
        norms=("sum",),
        positive=True,
    ),
    _ranking(
        ("cocoso", "COCOSO", "CoCoSo"),
        "Yazdani, M., Zarate, P., Zavadskas, E. K. and Turskis, Z. (2019). A combined "
        "compromise solution (CoCoSo) method for multi-criteria decision-making problems. "
        "Management Decision 57(9), 2501-2519.",
        N_("Combined compromise of three appraisal scores."),
        norms=("minmax", "linear"),
        extra={"l": _L},
        degenerate_hint=N_(
            "A candidate worst on every criterion has S = 0 under min-max "
            "normalisation and CoCoSo divides by it; use normalization 'linear' or another method."
        ),
    ),
    _ranking(
        ("codas", "CODAS", "CODAS"),
        "Keshavarz Ghorabaee, M., Zavadskas, E. K., Turskis, Z. and Antucheviciene, J. (2016). "
        "A new combinative distance-based assessment (CODAS) method for multi-criteria "
        "decision-making. Economic Computation and Economic Cybernetics Studies and Research "
        "50(3), 25-44.",
        N_("Euclidean and taxicab distances from the negative ideal; needs positive values."),
        norms=("linear",),
        positive=True,
    ),
    _ranking(
        ("edas", "EDAS", "EDAS"),
        "Keshavarz Ghorabaee, M., Zavadskas, E. K., Olfat, L. and Turskis, Z. (2015). "
        "Multi-criteria inventory classification using a new method of evaluation based on "
        "distance from average solution (EDAS). Informatica 26(3), 435-451.",
        N_("Positive and negative distances from the average; needs positive values."),
        positive=True,
    ),
    _ranking(
        ("mabac", "MABAC", "MABAC"),
        "Pamučar, D. and Ćirović, G. (2015). The selection of transport and handling resources "
        "in logistics centers using Multi-Attributive Border Approximation area Comparison "
        "(MABAC). Expert Systems with Applications 42(6), 3016-3028.",
        N_("Distance from the border approximation area."),
        norms=("minmax",),
    ),
    _ranking(
        ("mairca", "MAIRCA", "MAIRCA"),
        "Pamučar, D., Vasin, L. and Lukovac, L. (2014). Selection of railway level crossings "
        "for investing in security equipment using hybrid DEMATEL-MARICA model. XVI "
        "International Scientific-expert Conference on Railway (RAILCON), 89-92.",
        N_("Total gap between theoretical and real ratings; lower is better."),
        ascending=True,
        norms=("minmax",),
    ),
    _ranking(
        ("marcos", "MARCOS", "MARCOS"),
        "Stević, Ž., Pamučar, D., Puška, A. and Chatterjee, P. (2020). Sustainable supplier "
        "selection in healthcare industries using a new MCDM method: Measurement of "
        "alternatives and ranking according to COmpromise solution (MARCOS). Computers & "
        "Industrial Engineering 140, 106231.",
        N_(
            "Utility relative to ideal and anti-ideal candidates (its own ratio normalisation); "
            "needs positive values."
        ),
        positive=True,
    ),
    _ranking(
        ("moora", "MOORA", "MOORA"),
        "Brauers, W. K. M. and Zavadskas, E. K. (2006). The MOORA method and its application "
        "to privatization in a transition economy. Control and Cybernetics 35(2), 445-469.",
        N_(
            "Ratio system on vector-normalised values: weighted benefits minus weighted costs. "
            "With benefit criteria only it is computed by clusterrank (pymcdm requires a cost "
            "criterion)."
        ),
        nonzero_columns=True,
    ),
    _ranking(
        ("probid", "PROBID", "PROBID"),
        "Wang, Z., Rangaiah, G. P. and Wang, X. (2021). Preference ranking on the basis of "
        "ideal-average distance method for multi-criteria decision-making. Industrial & "
        "Engineering Chemistry Research 60(30), 11216-11230.",
        N_("Distances to a sequence of ideal solutions and to the average (vector normalised)."),
        nonzero_columns=True,
    ),
    _ranking(
        ("ram", "RAM", "RAM"),
        "Sotoudeh-Anvari, A. (2023). Root Assessment Method (RAM): a novel multi-criteria "
        "decision making method and its applications in sustainability challenges. Journal of "
        "Cleaner Production 423, 138695.",
        N_("Root of sum-normalised benefit and cost sums; needs positive values."),
        positive=True,
    ),
]

RANKING: dict[str, RankingSpec] = {spec.name: spec for spec in _SPECS}


def _weighting(name: str, title: str, reference: str, description: str) -> MethodInfo:
    return MethodInfo(
        name=name,
        title=title,
        kind="weighting",
        implementation="pymcdm",
        reference=reference,
        description=description,
    )


WEIGHTING: dict[str, MethodInfo] = {
    info.name: info
    for info in (
        _weighting(
            "entropy",
            N_("Entropy"),
            "Hwang, C.-L. and Yoon, K. (1981). Multiple Attribute Decision Making, Springer "
            "(entropy method); Zeleny, M. (1982). Multiple Criteria Decision Making, McGraw-Hill.",
            N_(
                "More weight to criteria whose values are spread unevenly; values must be >= 0 "
                "(a zero enters as 0·ln 0 = 0)."
            ),
        ),
        _weighting(
            "critic",
            "CRITIC",
            "Diakoulaki, D., Mavrotas, G. and Papayannakis, L. (1995). Determining objective "
            "weights in multiple criteria problems: the CRITIC method. Computers & Operations "
            "Research 22(7), 763-770.",
            N_(
                "Contrast (standard deviation) times conflict (1 - correlation) of min-max "
                "normalised, direction-aware columns."
            ),
        ),
        _weighting(
            "standard_deviation",
            N_("Standard deviation"),
            "Wang, Y.-M. and Luo, Y. (2010). Integration of correlations with standard "
            "deviations for determining attribute weights in multiple attribute decision "
            "making. Mathematical and Computer Modelling 51(1-2), 1-12.",
            N_("Weights proportional to the standard deviation of min-max normalised columns."),
        ),
        _weighting(
            "merec",
            "MEREC",
            "Keshavarz-Ghorabaee, M., Amiri, M., Zavadskas, E. K., Turskis, Z. and "
            "Antucheviciene, J. (2021). Determination of objective weights using a new method "
            "based on the removal effects of criteria (MEREC). Symmetry 13(4), 525.",
            N_(
                "Weight from how much removing a criterion changes overall performance; values > 0."
            ),
        ),
    )
}

SIMILARITY: dict[str, str] = {
    "spearman": "spearman",
    "weighted_spearman": "weighted_spearman",
    "ws": "rank_similarity_coef",
}
