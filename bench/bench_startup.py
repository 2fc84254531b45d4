"""How long the command line takes to start, as a ratio to ``python -c "import argparse"``.

Each command runs in a fresh interpreter (``python -m clusterrank ...``, what the ``clusterrank``
script does), ``--runs`` times, interleaved with the floor so a busy machine slows both
alike; the table gives the median wall time and its ratio to the floor's median. Target
(issue 9): at most 3× the floor for ``--help``, ``validate`` and ``rank`` of the shipped
Kemerovo scenario.

Run: ``python -m bench.bench_startup [--quick] [--runs N]``. Prints a markdown table and
writes it to ``bench/results/startup.md``.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
KEMEROVO = "configs/scenarios/kemerovo_clusters.yaml"
TARGET = 3.0

FLOOR = ("python -c 'import argparse'", ["-c", "import argparse"])
CASES: tuple[tuple[str, list[str]], ...] = (
    ("clusterrank --help", ["-m", "clusterrank", "--help"]),
    (f"clusterrank validate {Path(KEMEROVO).name}", ["-m", "clusterrank", "validate", KEMEROVO]),
    (f"clusterrank rank {Path(KEMEROVO).name}", ["-m", "clusterrank", "rank", KEMEROVO]),
)


@dataclass(frozen=True)
class Row:
    case: str
    median_ms: float
    ratio: float


def wall_seconds(args: list[str]) -> float:
    """Wall time of one fresh interpreter running ``args``; a failure is an error."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, *args], cwd=ROOT, capture_output=True, text=True, check=False
    )
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        msg = f"{' '.join(args)} exited {done.returncode}: {done.stderr.strip()[-500:]}"
        raise RuntimeError(msg)
    return elapsed


def run(runs: int) -> list[Row]:
    """Median of ``runs`` timed runs of the floor and of each case, after one warm-up each."""
    everything = [FLOOR, *CASES]
    for _, args in everything:  # warm the file cache and .pyc files
        wall_seconds(args)
    times: dict[str, list[float]] = {label: [] for label, _ in everything}
    for _ in range(runs):
        for label, args in everything:
            times[label].append(wall_seconds(args))
    floor = statistics.median(times[FLOOR[0]])
    return [
        Row(
            label, 1000.0 * statistics.median(times[label]), statistics.median(times[label]) / floor
        )
        for label, _ in everything
    ]


def table(rows: list[Row], runs: int) -> str:
    lines = [
        f"median of {runs} runs each, fresh interpreter per run; target ≤ {TARGET:g}× the floor",
        "",
        "| command | median (ms) | × `import argparse` |",
        "|---|---:|---:|",
    ]
    lines += [f"| {r.case} | {r.median_ms:.0f} | {r.ratio:.1f} |" for r in rows]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    runs = 3 if "--quick" in args else 11
    if "--runs" in args:
        runs = int(args[args.index("--runs") + 1])
    text = "### CLI start-up (fresh interpreter per run)\n\n" + table(run(runs), runs)
    print(text)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "startup.md").write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
