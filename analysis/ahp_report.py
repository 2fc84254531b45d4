"""AHP priorities and consistency for `clusterrank ahp`, the Weights page and scenario weights.

One :class:`AHPBlock` per pairwise matrix (its priorities, λmax, CI, CR, the random-index table
named, and the judgments that most raise inconsistency); an :class:`AHPReport` gathers the
blocks of a single matrix or of a whole hierarchy, with the alternatives' global priorities.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from clusterrank.criteria.loading import load_ahp_file
from clusterrank.criteria.models.ahp_file import AHPFile
from clusterrank.criteria.numbers import Decimal
from clusterrank.criteria.plain_matrix import read_pairwise_csv
from clusterrank.errors import ConfigurationError
from clusterrank.i18n import _, formats, ngettext
from clusterrank.methods.ahp import (
    AHPResult,
    JudgmentFix,
    analyse,
    analyse_hierarchy,
    most_inconsistent,
)

MAX_FIXES = 3


@dataclass(frozen=True)
class AHPBlock:
    """One pairwise matrix analysed: priorities, consistency and the fixes that help most."""

    title: str
    result: AHPResult
    fixes: tuple[JudgmentFix, ...]

    def priorities_frame(self) -> pd.DataFrame:
        """The block's items and their priorities, one row each."""
        return pd.DataFrame(
            {"item": list(self.result.items), "priority": self.result.priorities.tolist()}
        )

    def consistency_line(self) -> str:
        """One line with lambda_max, CI, CR and its verdict, the random index and the derivation."""
        r = self.result
        verdict = (
            _("acceptable")
            if r.acceptable
            else _("ABOVE {threshold}: revise judgments").format(
                threshold=formats.number(r.threshold, 2)
            )
        )
        return _(
            "lambda_max {lambda_max}, CI {ci}, CR {cr} ({verdict}); "
            "random index {ri} from the {table} table (n={n}); derivation {derivation}{completion}"
        ).format(
            lambda_max=formats.number(r.lambda_max, 4),
            ci=formats.number(r.ci, 4),
            cr=formats.number(r.cr, 4),
            verdict=verdict,
            ri=formats.number(r.random_index_value, 2),
            table=r.random_index_table,
            n=r.n,
            derivation=r.derivation,
            completion=self.completion_text(),
        )

    def completion_text(self) -> str:
        """How missing judgments were filled ("" when none was missing)."""
        r = self.result
        if not r.missing:
            return ""
        steps = r.completion_iterations
        done = (
            ngettext(", {count} iteration(s)", ", {count} iteration(s)", steps).format(count=steps)
            if r.completion == "lambda_max"
            else ""
        )
        return ngettext(
            "; {missing} missing judgment(s), completion {completion}{iterations}",
            "; {missing} missing judgment(s), completion {completion}{iterations}",
            r.missing,
        ).format(missing=r.missing, completion=r.completion, iterations=done)

    def to_payload(self) -> dict[str, Any]:
        """The block as JSON-ready data.

        Priorities, consistency, completion, the most inconsistent judgments and notes.
        """
        r = self.result
        return {
            "priorities": dict(zip(r.items, r.priorities.tolist(), strict=True)),
            "lambda_max": float(r.lambda_max),
            "ci": float(r.ci),
            "cr": float(r.cr),
            "acceptable": bool(r.acceptable),
            "random_index": {"table": r.random_index_table, "value": float(r.random_index_value)},
            "derivation": r.derivation,
            "completion": {
                "method": r.completion,
                "missing": int(r.missing),
                "iterations": int(r.completion_iterations),
            },
            "most_inconsistent": [
                {
                    "row": f.row,
                    "column": f.column,
                    "current": float(f.current),
                    "consistent_value": float(f.consistent_value),
                    "suggested": float(f.suggested),
                    "cr_after": float(f.cr_after),
                }
                for f in self.fixes
            ],
            "notes": list(r.notes),
        }


def analyse_block(
    title: str,
    matrix: Any,
    items: Sequence[str],
    *,
    derivation: str = "eigenvector",
    random_index: str = "saaty",
    completion: str = "implied",
) -> AHPBlock:
    """Analyse one pairwise matrix and find the judgments that most raise inconsistency."""
    result = analyse(
        matrix, items, derivation=derivation, random_index=random_index, completion=completion
    )
    return block_from_result(title, result, matrix)


def block_from_result(title: str, result: AHPResult, judged: Any) -> AHPBlock:
    """Wrap an analysed matrix with the judgments whose change would lower CR, worst first.

    ``judged`` is the matrix as the user gave it (NaN where not judged): only real judgments
    are candidates for a fix, never the values the completion filled in.
    """
    fixes: tuple[JudgmentFix, ...] = ()
    if result.n > 2 and result.cr > 1e-9:
        fixes = tuple(
            fix
            for fix in most_inconsistent(
                judged,
                result.items,
                result.priorities,
                k=MAX_FIXES,
                derivation=result.derivation,
                random_index=result.random_index_table,
                completion=result.completion,
            )
            if fix.suggested != fix.current and fix.cr_after < fix.cr_before
        )
    return AHPBlock(title=title, result=result, fixes=fixes)


@dataclass(frozen=True)
class AHPReport:
    """Every matrix of a pairwise CSV or an AHP hierarchy, plus global priorities."""

    blocks: tuple[AHPBlock, ...]
    alternatives: tuple[str, ...] = ()
    global_priorities: np.ndarray | None = None
    synthesis: str | None = None
    notes: tuple[str, ...] = ()

    def global_frame(self) -> pd.DataFrame:
        """The alternatives' global priorities with their ranks, best first.

        Empty without a hierarchy.
        """
        if self.global_priorities is None:
            return pd.DataFrame()
        frame = pd.DataFrame(
            {"alternative": list(self.alternatives), "priority": self.global_priorities}
        )
        frame["rank"] = frame["priority"].rank(ascending=False, method="min").astype(int)
        return frame.sort_values("rank", kind="stable").reset_index(drop=True)

    def to_payload(self) -> dict[str, Any]:
        """JSON of `clusterrank ahp`.

        The first block's fields at top level (the criteria matrix), plus, for a hierarchy,
        alternatives' global priorities and each matrix's CR.
        """
        payload = self.blocks[0].to_payload()
        if self.global_priorities is not None:
            payload["synthesis"] = self.synthesis
            payload["alternatives"] = {
                a: float(p) for a, p in zip(self.alternatives, self.global_priorities, strict=True)
            }
            payload["matrices"] = {b.title: b.to_payload() for b in self.blocks}
            payload["consistency"] = {b.title: float(b.result.cr) for b in self.blocks}
        payload["notes"] = list(self.notes) + payload.get("notes", [])
        return payload


def analyse_ahp_path(
    path: Path,
    *,
    derivation: str | None = None,
    random_index: str | None = None,
    completion: str | None = None,
    decimal: Decimal | None = None,
) -> AHPReport:
    """Analyse a pairwise CSV or an AHP hierarchy YAML file.

    ``None`` for a setting means the file's setting, else the default; ``decimal`` is the decimal
    separator of a CSV, when the user states it.
    """
    suffix = path.suffix.lower()
    if decimal and suffix != ".csv":
        msg = _("{file}: a decimal separator applies to a pairwise .csv, not to a {suffix} file")
        msg = msg.format(file=path, suffix=suffix)
        raise ConfigurationError(msg)
    if suffix == ".csv":
        pairwise = read_pairwise_csv(path, decimal)
        block = analyse_block(
            path.name,
            pairwise.matrix,
            pairwise.items,
            derivation=derivation or "eigenvector",
            random_index=random_index or "saaty",
            completion=completion or "implied",
        )
        return AHPReport(blocks=(block,), notes=pairwise.notes)
    if suffix in {".yaml", ".yml"}:
        return analyse_hierarchy_file(
            load_ahp_file(path),
            derivation=derivation,
            random_index=random_index,
            completion=completion,
        )
    msg = _("{file}: expected a pairwise matrix .csv or an AHP hierarchy .yaml (got {suffix!r})")
    msg = msg.format(file=path, suffix=suffix)
    raise ConfigurationError(msg)


def analyse_hierarchy_file(
    spec: AHPFile,
    *,
    derivation: str | None = None,
    random_index: str | None = None,
    completion: str | None = None,
) -> AHPReport:
    """Criteria priorities, each criterion's alternative priorities, and the synthesis."""
    deriv = derivation or spec.derivation
    table = random_index or spec.random_index
    crit_matrix = (
        spec.criteria_judgments.pairwise(spec.criteria)
        if spec.criteria_judgments is not None
        else np.ones((1, 1))
    )
    alt_matrices = {
        c: (
            spec.alternative_judgments[c].pairwise(spec.alternatives)
            if c in spec.alternative_judgments
            else np.ones((1, 1))
        )
        for c in spec.criteria
    }
    hierarchy = analyse_hierarchy(
        crit_matrix,
        spec.criteria,
        alt_matrices,
        spec.alternatives,
        derivation=deriv,
        random_index=table,
        synthesis=spec.synthesis,
        completion=completion or spec.completion,
    )
    blocks = [block_from_result("criteria", hierarchy.criteria, crit_matrix)]
    blocks += [
        block_from_result(f"alternatives on {c}", hierarchy.per_criterion[c], alt_matrices[c])
        for c in spec.criteria
    ]
    return AHPReport(
        blocks=tuple(blocks),
        alternatives=hierarchy.alternatives,
        global_priorities=np.asarray(hierarchy.global_priorities, dtype=float),
        synthesis=hierarchy.synthesis,
        notes=(_("goal: {goal}").format(goal=spec.goal), *hierarchy.notes),
    )
