"""HOW candidates are judged: weights, ranking methods, sensitivity; numpy in, numpy out.

The one entry point for ranking is :func:`rank`; :func:`available_methods` lists what a user
may name and :func:`get_batch_scorer` serves sensitivity analysis. Both take a
:class:`DecisionProblem`, the inputs checked once, which the kernels trust.
"""

from clusterrank.methods.info import MethodInfo
from clusterrank.methods.problem import DecisionProblem
from clusterrank.methods.registry import BatchScorer, available_methods, get_batch_scorer, rank
from clusterrank.methods.result import RankingResult

__all__ = [
    "BatchScorer",
    "DecisionProblem",
    "MethodInfo",
    "RankingResult",
    "available_methods",
    "get_batch_scorer",
    "rank",
]
