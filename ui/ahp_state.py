"""The AHP editor's inputs in the session: one judgment per pair, per block.

A *block* is one pairwise matrix: ``"groups"`` (among the groups) or a group id (among that
group's criteria). Judgments are stored as values on Saaty's scale keyed by the pair
``"a|b"`` (``a`` before ``b`` in the criteria set's order), seeded from the scenario file when
it sets AHP weights and "equally important" otherwise. The weights themselves come from
:func:`analysis.weights.weights_from_ahp`.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass
from itertools import combinations
from typing import Any, TypeVar

import numpy as np
import streamlit as st

from clusterrank.analysis.weights import WeightReport, weights_from_ahp
from clusterrank.criteria.models.ahp_file import JudgmentBlock
from clusterrank.criteria.models.scenario import AHPWeights, Scenario
from clusterrank.i18n import N_, _, formats
from clusterrank.ui.widgets.saaty import format_value, position_to_value, value_to_position

T = TypeVar("T")
Memo = Callable[[str, Hashable, Callable[[], T]], T]

VALUES = "ahp_values"  # dict[block id, dict["a|b", float]]
DERIVATION = "ahp_derivation"  # "eigenvector" | "geometric_mean"
RANDOM_INDEX = "ahp_random_index"  # "saaty" | "alonso_lamata"
COMPLETION = "ahp_completion"  # "implied" | "lambda_max": kept from the file, echoed, saved
SEED_NOTES = "ahp_seed_notes"  # list[tuple[str, dict[str, Any]]]: message and its fields
NOT_JUDGED = N_("{block}: {a} vs {b} was not judged in the file; set to equal")
SNAPPED = N_("{block}: {a} vs {b} = {given} shown as {shown} on the scale")


@dataclass(frozen=True)
class Block:
    """One pairwise matrix of the editor: its id, title and items (id, title)."""

    id: str
    title: str
    items: tuple[tuple[str, str], ...]

    @property
    def pairs(self) -> list[tuple[str, str]]:
        """Every pair of the block's items, in order."""
        return [(a, b) for (a, _), (b, _) in combinations(self.items, 2)]


def pair_key(a: str, b: str) -> str:
    """The key of the pair (``a``, ``b``) in a block's stored values."""
    return f"{a}|{b}"


def blocks(scenario: Scenario) -> list[Block]:
    """The matrices a user can judge: among the groups, and within each group of 2+ criteria."""
    cs = scenario.criteria_set
    out: list[Block] = []
    if len(cs.groups) > 1:
        items = tuple((g.id, g.title or g.id) for g in cs.groups)
        out.append(Block("groups", _("Groups"), items))
    for g in cs.groups:
        if len(g.criteria) > 1:
            items = tuple((c.id, c.title or c.id) for c in g.criteria)
            title = _("Criteria in {group}").format(group=g.title or g.id)
            out.append(Block(g.id, title, items))
    return out


def seed(scenario: Scenario) -> None:
    """Judgments from the scenario file (snapped to the scale), else all "equal"."""
    w = scenario.weights
    given: dict[str, JudgmentBlock | None] = {}
    if isinstance(w, AHPWeights):
        given = {"groups": w.groups, **w.criteria}
        st.session_state[DERIVATION] = w.derivation
        st.session_state[RANDOM_INDEX] = w.random_index
        st.session_state[COMPLETION] = w.completion
    else:
        st.session_state[DERIVATION] = "eigenvector"
        st.session_state[RANDOM_INDEX] = "saaty"
        st.session_state[COMPLETION] = "implied"
    values: dict[str, dict[str, float]] = {}
    notes: list[tuple[str, dict[str, Any]]] = []
    for block in blocks(scenario):
        ids = [i for i, _ in block.items]
        judged = given.get(block.id)
        matrix = judged.pairwise(ids) if judged is not None else np.ones((len(ids), len(ids)))
        index = {i: k for k, i in enumerate(ids)}
        values[block.id] = {}
        for a, b in block.pairs:
            v = float(matrix[index[a], index[b]])
            if not np.isfinite(v):
                notes.append((NOT_JUDGED, {"block": block.id, "a": a, "b": b}))
                v = 1.0
            snapped = position_to_value(value_to_position(v))
            if not np.isclose(snapped, v):
                notes.append((SNAPPED, {"block": block.id, "a": a, "b": b, "given": v}))
            values[block.id][pair_key(a, b)] = snapped
    st.session_state[VALUES] = values
    st.session_state[SEED_NOTES] = notes


def seed_notes(scenario: Scenario) -> list[str]:
    """What seeding changed (unjudged pairs, values snapped to the scale), in the language now."""
    titles = {b.id: b.title for b in blocks(scenario)}
    out = []
    for message, fields in st.session_state.get(SEED_NOTES, []):
        shown = {**fields, "block": titles.get(fields["block"], fields["block"])}
        if "given" in fields:
            given = float(fields["given"])
            shown["given"] = formats.number(given, 2)
            shown["shown"] = format_value(position_to_value(value_to_position(given)))
        out.append(_(message).format(**shown))
    return out


def snapshot() -> dict[str, Any]:
    """The editor's inputs as stored in a weight set: judgments per block and the settings."""
    stored: dict[str, dict[str, float]] = st.session_state[VALUES]
    return {
        "values": {b: dict(v) for b, v in stored.items()},
        "derivation": str(st.session_state.get(DERIVATION, "eigenvector")),
        "random_index": str(st.session_state.get(RANDOM_INDEX, "saaty")),
        "completion": str(st.session_state.get(COMPLETION, "implied")),
    }


def restore(scenario: Scenario, saved: Any) -> bool:
    """Put a :func:`snapshot` back in the editor; False (nothing changed) if it does not fit.

    It fits when it judges every pair of every block of ``scenario`` (a block or pair the
    scenario no longer has is ignored).
    """
    if not isinstance(saved, dict) or not isinstance(saved.get("values"), dict):
        return False
    given: dict[str, Any] = saved["values"]
    values: dict[str, dict[str, float]] = {}
    for block in blocks(scenario):
        judged = given.get(block.id)
        if not isinstance(judged, dict):
            return False
        keys = [pair_key(a, b) for a, b in block.pairs]
        if any(k not in judged for k in keys):
            return False
        values[block.id] = {k: float(judged[k]) for k in keys}
    st.session_state[VALUES] = values
    st.session_state[DERIVATION] = str(saved.get("derivation", "eigenvector"))
    st.session_state[RANDOM_INDEX] = str(saved.get("random_index", "saaty"))
    st.session_state[COMPLETION] = str(saved.get("completion", "implied"))
    return True


def set_value(block_id: str, a: str, b: str, value: float) -> None:
    """Store the judgment of ``a`` over ``b`` in block ``block_id``."""
    st.session_state[VALUES][block_id][pair_key(a, b)] = float(value)


def value(block_id: str, a: str, b: str) -> float:
    """The stored judgment of ``a`` over ``b`` in block ``block_id``."""
    return float(st.session_state[VALUES][block_id][pair_key(a, b)])


def judgment_blocks(scenario: Scenario) -> dict[str, JudgmentBlock]:
    """The editor's judgments per block id (``"groups"`` or a group id), every pair judged."""
    stored: dict[str, dict[str, float]] = st.session_state[VALUES]
    out: dict[str, JudgmentBlock] = {}
    for block in blocks(scenario):
        triples = tuple((a, b, stored[block.id][pair_key(a, b)]) for a, b in block.pairs)
        out[block.id] = JudgmentBlock(judgments=triples)
    return out


def weights(scenario: Scenario, memo: Memo[WeightReport]) -> WeightReport:
    """AHP weights from the judgments in the session (computed once per change)."""
    stored: dict[str, dict[str, float]] = st.session_state[VALUES]
    derivation = str(st.session_state.get(DERIVATION, "eigenvector"))
    table = str(st.session_state.get(RANDOM_INDEX, "saaty"))
    completion = str(st.session_state.get(COMPLETION, "implied"))
    key: tuple[Any, ...] = (
        "ahp",
        derivation,
        table,
        completion,
        tuple((b, tuple(sorted(v.items()))) for b, v in sorted(stored.items())),
    )

    def compute() -> WeightReport:
        judged = judgment_blocks(scenario)
        group_block = judged.pop("groups", None)
        criteria_blocks = judged
        return weights_from_ahp(
            scenario,
            group_block,
            criteria_blocks,
            derivation=derivation,
            random_index=table,
            completion=completion,
        )

    return memo("weights", key, compute)
