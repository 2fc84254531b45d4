"""Seeded synthetic scenarios of any size (m candidates × n criteria) written to a folder.

Used by :mod:`bench.bench_scaling` and by the hostile-input tests that run
``clusterrank sensitivity`` on 2,000 × 60: the files are generated where they are needed,
never committed. The scenario is an ordinary one (criteria set YAML, data CSV, scenario YAML
naming both) with three groups, mixed directions and TOPSIS.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

GROUPS = 3


def write_scenario(
    folder: Path, m: int, n: int, *, seed: int = 2024, method: str = "topsis"
) -> Path:
    """Write ``criteria.yaml``, ``data.csv`` and ``scenario.yaml`` into ``folder``.

    Returns the scenario's path; the data CSV is ``folder / "data.csv"``.
    """
    folder.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed)
    values = rng.uniform(1.0, 1000.0, size=(m, n)).round(3)
    directions = ["cost" if k % 4 == 3 else "benefit" for k in range(n)]
    ids = [f"c{k:03d}" for k in range(n)]
    groups = [list(range(g, n, GROUPS)) for g in range(min(GROUPS, n))]
    lines = ["id: synthetic", "title: Synthetic criteria", "source: bench.scaling_data", "groups:"]
    for g, members in enumerate(groups):
        lines += [f"  - id: g{g}", "    criteria:"]
        lines += [
            f"      - {{id: {ids[k]}, direction: {directions[k]}, indicators: [{{id: {ids[k]}}}]}}"
            for k in members
        ]
    (folder / "criteria.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    header = "candidate_id," + ",".join(ids)
    rows = [f"x{i:05d}," + ",".join(f"{v:g}" for v in values[i]) for i in range(m)]
    (folder / "data.csv").write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    scenario = [
        f"id: synthetic_{m}x{n}",
        f"title: Synthetic {m} x {n}",
        "criteria_set: criteria.yaml",
        "candidates:",
        *(f"  - {{id: x{i:05d}}}" for i in range(m)),
        "data:",
        "  file: data.csv",
        "  id_column: candidate_id",
        "method:",
        f"  name: {method}",
    ]
    path = folder / "scenario.yaml"
    path.write_text("\n".join(scenario) + "\n", encoding="utf-8")
    return path
