"""clusterrank's own AHP: priorities, consistency, missing judgments, synthesis, groups.

Pure numpy. Every result names the settings that changed its numbers (derivation,
random-index table, CR threshold, synthesis mode, completion of missing judgments).

References
----------
Saaty, T.L. (1980). *The Analytic Hierarchy Process*. McGraw-Hill, New York.
"""

from clusterrank.methods.ahp.consistency import (
    AHPResult,
    analyse,
    consistency_index,
    consistency_ratio,
)
from clusterrank.methods.ahp.group import aggregate_judgments, aggregate_priorities, consensus
from clusterrank.methods.ahp.incomplete import (
    COMPLETIONS,
    CompletedMatrix,
    check_completion,
    complete,
    completed,
    harker_priorities,
    llsm_priorities,
)
from clusterrank.methods.ahp.inconsistency import JudgmentFix, most_inconsistent
from clusterrank.methods.ahp.optimal_completion import LambdaMaxCompletion, lambda_max_completion
from clusterrank.methods.ahp.pairwise import (
    check_pairwise,
    format_judgment,
    pairwise_from_judgments,
    parse_judgment_value,
)
from clusterrank.methods.ahp.priorities import DERIVATIONS, derive, priorities
from clusterrank.methods.ahp.random_index import SAATY_SCALE, random_index, table_names
from clusterrank.methods.ahp.synthesis import (
    MODES,
    HierarchyResult,
    analyse_hierarchy,
    local_priorities,
    local_priorities_from_pairwise,
    synthesize,
)

__all__ = [
    "COMPLETIONS",
    "DERIVATIONS",
    "MODES",
    "SAATY_SCALE",
    "AHPResult",
    "CompletedMatrix",
    "HierarchyResult",
    "JudgmentFix",
    "LambdaMaxCompletion",
    "aggregate_judgments",
    "aggregate_priorities",
    "analyse",
    "analyse_hierarchy",
    "check_completion",
    "check_pairwise",
    "complete",
    "completed",
    "consensus",
    "consistency_index",
    "consistency_ratio",
    "derive",
    "format_judgment",
    "harker_priorities",
    "lambda_max_completion",
    "llsm_priorities",
    "local_priorities",
    "local_priorities_from_pairwise",
    "most_inconsistent",
    "pairwise_from_judgments",
    "parse_judgment_value",
    "priorities",
    "random_index",
    "synthesize",
    "table_names",
]
