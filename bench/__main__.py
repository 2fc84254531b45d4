"""Run every benchmark: ``python -m bench [--quick]``.

Each benchmark prints a markdown table and writes it under ``bench/results/``.
"""

from __future__ import annotations

import sys

from bench import bench_smaa


def main(argv: list[str] | None = None) -> int:
    """Run all benchmarks in turn; ``--quick`` shrinks them to a smoke test."""
    args = sys.argv[1:] if argv is None else argv
    return bench_smaa.main(args)


if __name__ == "__main__":
    raise SystemExit(main())
