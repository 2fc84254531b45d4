"""Group decisions for expert panels: consensus, consistency, agreement, robustness.

Pure numpy over arrays (AIJ, AIP and Goepel's S* live in :mod:`methods.ahp.group`):

* :func:`consensus_word`, :func:`node_consensus` — Goepel's word scale for S*
  (:func:`consensus_label` shows a word in the current language);
* :func:`gci` — geometric consistency index with its thresholds (Aguarón & Moreno-Jiménez);
* :func:`kendall_w` — Kendall's W, tie-corrected, with its χ² test (:func:`chi2_sf`);
* :func:`summarize_scores` — scores per item by median / mean / trimmed mean, abstentions
  counted, IQR and the share within one scale step of the median;
* :func:`expert_weights` — equal, per-expert or by stakeholder group, with the equal alternative;
* :func:`nodes_without_consensus`, :func:`items_without_consensus`, :func:`stability` — Delphi;
* :func:`panel_problem`, :func:`leave_one_out`, :func:`bootstrap_experts` — how much the
  ranking depends on who sits on the panel.
"""

from clusterrank.methods.group.bootstrap import MAX_RESAMPLES, BootstrapResult, bootstrap_experts
from clusterrank.methods.group.chi2 import chi2_sf, regularized_gamma_q
from clusterrank.methods.group.consensus_scale import (
    CONSENSUS_LEVELS,
    NodeConsensus,
    consensus_label,
    consensus_word,
    node_consensus,
)
from clusterrank.methods.group.delphi import (
    Stability,
    items_without_consensus,
    nodes_without_consensus,
    saaty_position,
    stability,
)
from clusterrank.methods.group.expert_weights import (
    ExpertWeights,
    check_expert_weights,
    expert_weights,
)
from clusterrank.methods.group.gci import GCI_THRESHOLDS, GCIResult, gci, gci_threshold
from clusterrank.methods.group.kendall import KendallW, average_ranks, kendall_w
from clusterrank.methods.group.leave_one_out import LeaveOneOutResult, leave_one_out
from clusterrank.methods.group.panel import PanelProblem
from clusterrank.methods.group.panel_problem import panel_problem
from clusterrank.methods.group.rank_distance import footrule, kendall_distance
from clusterrank.methods.group.scores import ScoreSummary, summarize_scores
from clusterrank.methods.group.weighted_stats import (
    AGGREGATIONS,
    aggregate_batch,
    weighted_quantile,
)

__all__ = [
    "AGGREGATIONS",
    "CONSENSUS_LEVELS",
    "GCI_THRESHOLDS",
    "MAX_RESAMPLES",
    "BootstrapResult",
    "ExpertWeights",
    "GCIResult",
    "KendallW",
    "LeaveOneOutResult",
    "NodeConsensus",
    "PanelProblem",
    "ScoreSummary",
    "Stability",
    "aggregate_batch",
    "average_ranks",
    "bootstrap_experts",
    "check_expert_weights",
    "chi2_sf",
    "consensus_label",
    "consensus_word",
    "expert_weights",
    "footrule",
    "gci",
    "gci_threshold",
    "items_without_consensus",
    "kendall_distance",
    "kendall_w",
    "leave_one_out",
    "node_consensus",
    "nodes_without_consensus",
    "panel_problem",
    "regularized_gamma_q",
    "saaty_position",
    "stability",
    "summarize_scores",
    "weighted_quantile",
]
