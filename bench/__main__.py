"""Run every benchmark: ``python -m bench [--quick]``.

Every module ``bench/bench_*.py`` with a ``main(argv) -> int`` is run in name order; each
prints a markdown table and writes it under ``bench/results/``.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    """Run all benchmarks in turn (``--quick`` shrinks each to a smoke test)."""
    args = sys.argv[1:] if argv is None else argv
    here = str(Path(__file__).resolve().parent)
    status = 0
    for info in sorted(pkgutil.iter_modules([here]), key=lambda i: i.name):
        if not info.name.startswith("bench_"):
            continue
        module = importlib.import_module(f"bench.{info.name}")
        if hasattr(module, "main"):
            print(f"## {info.name}\n", flush=True)
            status = max(status, int(module.main(list(args))))
    return status


if __name__ == "__main__":
    raise SystemExit(main())
