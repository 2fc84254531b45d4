"""Panels for the panel tests: scenarios, experts files and answers files in a folder.

``scored_scenario`` is the five Kemerovo clusters on the four MED 2012 groups, each scored by
experts on 0..10 (configs/criteria/russia_2012_pilot_clusters.yaml): every kind of question
(judgments among the groups, scores) in one small panel. All answers here are made up for
the tests.
"""

from __future__ import annotations

import itertools
from pathlib import Path

from clusterrank.panel.service import Created, create, facilitator
from clusterrank.panel.settings import PanelSettings
from clusterrank.store import FacilitatorAccess, Store

REPO = Path(__file__).resolve().parents[2]
KEMEROVO = REPO / "configs" / "scenarios" / "kemerovo_clusters.yaml"
PANELS = REPO / "configs" / "panels"
MED_GROUPS = (
    "science_technology",
    "production",
    "quality_of_life_infrastructure",
    "organisational_development",
)
MED_CRITERIA = ("st_potential", "production_potential", "life_infrastructure", "org_development")
CANDIDATES = ("coal", "biomedical", "sheregesh", "agro", "light")


def scored_scenario(folder: Path) -> Path:
    path = folder / "med2012_kemerovo.yaml"
    criteria = REPO / "configs" / "criteria" / "russia_2012_pilot_clusters.yaml"
    path.write_text(
        "id: med2012_kemerovo\n"
        "title: Kemerovo clusters on the MED 2012 groups (test)\n"
        f"criteria_set: {criteria}\n"
        "candidates:\n" + "".join(f"  - id: {c}\n" for c in CANDIDATES) + "data:\n  values: {}\n",
        encoding="utf-8",
    )
    return path


def experts_csv(folder: Path, n: int, *, groups: bool = True, name: str = "experts.csv") -> Path:
    path = folder / name
    rows = ["id,name,group,weight"] if groups else ["id,name"]
    for k in range(1, n + 1):
        group = ("science", "business", "government")[k % 3]
        rows.append(f"e{k},Expert {k},{group},{1 + (k % 2)}" if groups else f"e{k},Expert {k}")
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def profile(k: int) -> list[float]:
    """A made-up priority profile of expert k over four items (varies with k)."""
    base = [4.0, 3.0, 2.0, 1.0]
    shift = k % 4
    return base[shift:] + base[:shift] if k % 3 == 0 else base


def judgments_csv(folder: Path, experts: int, name: str = "judgments.csv") -> Path:
    """Judgments at ``groups`` for e1..eN from :func:`profile`, rounded to whole numbers."""
    rows = ["expert,node,row,column,value"]
    for k in range(1, experts + 1):
        p = profile(k)
        for i, j in itertools.combinations(range(4), 2):
            r = p[i] / p[j]
            v = f"{round(r)}" if r >= 1 else f"1/{round(1 / r)}"
            rows.append(f"e{k},groups,{MED_GROUPS[i]},{MED_GROUPS[j]},{v}")
    path = folder / name
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def score_of(k: int, crit: int, cand: int) -> int:
    """A made-up score 0..10."""
    return (3 + 2 * cand + crit + (k % 3)) % 11


def scores_csv(folder: Path, experts: int, name: str = "scores.csv") -> Path:
    rows = ["expert,criterion,candidate,score"]
    for k in range(1, experts + 1):
        for c, crit in enumerate(MED_CRITERIA):
            for i, cand in enumerate(CANDIDATES):
                value = "abstain" if (k, c, i) == (1, 0, 0) else str(score_of(k, c, i))
                rows.append(f"e{k},{crit},{cand},{value}")
    path = folder / name
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def make_scored_panel(
    db: Store, folder: Path, experts: int = 5, settings: PanelSettings | None = None
) -> tuple[Created, FacilitatorAccess]:
    made = create(db, scored_scenario(folder), experts_csv(folder, experts), settings=settings)
    return made, facilitator(db, made.panel.panel_id, made.panel.facilitator_key)
