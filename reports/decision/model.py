"""The decision report as a document model: every fact the report states, frozen, no markup.

:func:`reports.decision.build.decision_report` fills a :class:`DecisionReport`; the
renderers (:mod:`~reports.decision.html`, :mod:`~reports.decision.pdf`) only lay it out, so
the HTML and the PDF cannot say different things. Numbers stay numbers here; the renderers
format them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from clusterrank.analysis.provenance import WeightSource
    from clusterrank.analysis.report import RankingReport
    from clusterrank.analysis.weights import WeightReport
    from clusterrank.criteria.decision_matrix import DecisionMatrix
    from clusterrank.criteria.models.scenario import Scenario
    from clusterrank.reports.sensitivity_export import SensitivityRun

Cell = str | int | float | None


@dataclass(frozen=True)
class Table:
    """A small table: column headings and rows of plain values (text or numbers)."""

    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]

    def __len__(self) -> int:
        return len(self.rows)


@dataclass(frozen=True)
class Candidate:
    """A candidate as the question lists it: id, display name and region."""

    candidate: str
    name: str
    region: str


@dataclass(frozen=True)
class RankRow:
    """One line of the ranking, with the data quality behind the place."""

    rank: int
    candidate: str
    name: str
    score: float
    assessable: bool
    quality: str
    reason: str
    imputed: tuple[str, ...]
    illustrative: tuple[str, ...]


@dataclass(frozen=True)
class CriterionRow:
    """One criterion in the tree: its group, direction, unit, source and three weights."""

    group: str
    group_weight: float
    criterion: str
    title: str
    direction: str
    unit: str
    source: str
    local_weight: float
    weight: float


@dataclass(frozen=True)
class Why:
    """Why the ranking comes out as it does: per-criterion contributions.

    ``candidates`` and ``values`` hold the top candidates (rank order) and their contribution
    per criterion (``criteria``: titles); ``pair`` puts the leader beside the runner-up,
    largest difference first.
    """

    kind: str
    exact: bool
    description: str
    criteria: tuple[str, ...]
    candidates: tuple[str, ...]
    values: tuple[tuple[float, ...], ...]
    leader: str
    runner_up: str
    pair: Table
    sentence: str


@dataclass(frozen=True)
class WeightsSource:
    """Where the weights came from, in one sentence, with AHP judgments and CR when any."""

    kind: str
    summary: str
    judgments: Table | None
    consistency: Table | None


@dataclass(frozen=True)
class PanelPart:
    """The expert panel whose weights the report uses: round, aggregation and consensus."""

    panel: str
    title: str
    round: int
    aggregation: str
    expert_weights: str
    experts: int
    snapshot: str
    illustrative: bool
    consensus: Table
    kendall: str
    without_consensus: tuple[str, ...]


@dataclass(frozen=True)
class DataCell:
    """One figure of the decision matrix and its status (reported, imputed, illustrative)."""

    value: float
    status: str


@dataclass(frozen=True)
class DataRow:
    """One candidate's figures, in criterion order."""

    candidate: str
    name: str
    cells: tuple[DataCell, ...]


@dataclass(frozen=True)
class DataPart:
    """The figures the ranking used, each with its status, and where they come from."""

    columns: tuple[str, ...]
    rows: tuple[DataRow, ...]
    sources: Table
    imputed: int
    illustrative: int
    cells: int
    policy: str


@dataclass(frozen=True)
class Sensitivity:
    """How sure the ranking is: stability of the winner and top k, SMAA, method agreement."""

    brief: str
    winner_line: str
    top_line: str
    stability: Table
    smaa_line: str
    smaa: Table | None
    agreement_line: str
    agreement: Table
    notes: tuple[str, ...]


@dataclass(frozen=True)
class ReportInputs:
    """What the report was built from (kept for the workbook, which writes the same data).

    ``source`` is where the weights came from, ``stamp`` the export's date and version,
    ``run`` the sensitivity analyses when they were run.
    """

    scenario: Scenario
    matrix: DecisionMatrix
    weights: WeightReport
    ranking: RankingReport
    source: WeightSource
    stamp: Mapping[str, str]
    run: SensitivityRun | None = None


@dataclass(frozen=True)
class DecisionReport:
    """Everything the decision report states, in the order it states it."""

    title: str
    scenario_id: str
    source: str
    question: str
    date: str
    generated: str
    version: str
    scenario_hash: str
    lang: str
    illustrative: bool
    method: str
    method_caption: str
    method_reference: str
    higher_is_better: bool
    headline: str
    summary: tuple[tuple[str, str], ...]
    candidates: tuple[Candidate, ...]
    ranking: tuple[RankRow, ...]
    why: Why | None
    criteria: tuple[CriterionRow, ...]
    weights: WeightsSource
    panel: PanelPart | None
    data: DataPart
    sensitivity: Sensitivity | None
    notes: tuple[str, ...]
    caveats: tuple[str, ...]
    settings: tuple[tuple[str, str, str], ...]
    inputs: ReportInputs = field(repr=False, compare=False)

    @property
    def winner(self) -> RankRow:
        """The first-ranked candidate."""
        return self.ranking[0]
