"""Seeded panels for the storage tests (also imported by the worker processes)."""

from __future__ import annotations

from dataclasses import dataclass

from clusterrank.store import (
    ExpertIdentity,
    FacilitatorAccess,
    NewExpert,
    Store,
    create_panel,
    open_facilitator,
    resolve_token,
)
from clusterrank.store.records import NewPanel

SCENARIO = "scenario:\n  id: kemerovo\n  candidates: [a, b, c]\n"


@dataclass(frozen=True)
class Made:
    created: NewPanel
    access: FacilitatorAccess
    tokens: dict[str, str]

    def identity(self, db: Store, ref: str) -> ExpertIdentity:
        with db.session() as session:
            return resolve_token(session, self.tokens[ref])


def make_panel(db: Store, n_experts: int = 3, title: str = "Pilot clusters") -> Made:
    """A panel with experts ``e00``, ``e01``, ... and the facilitator's access."""
    experts = [NewExpert(ref=f"e{i:02d}", name=f"Expert {i}") for i in range(n_experts)]
    with db.session() as session:
        created = create_panel(
            session,
            title=title,
            scenario_yaml=SCENARIO,
            asked={"judgments": ["groups"], "scores": ["c1"]},
            aggregation={"judgments": "aij", "scores": "median"},
            experts=experts,
        )
        access = open_facilitator(session, created.panel_id, created.facilitator_key)
    tokens = {t.ref: t.token for t in created.experts}
    return Made(created=created, access=access, tokens=tokens)
