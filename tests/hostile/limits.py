"""Run the command line in a child process under hard time and memory limits.

A hostile-input test asserts that the answer comes in bounded time and memory without a
wall-clock assert: the child runs under ``RLIMIT_CPU`` (CPU seconds, so a busy shared machine
does not make it fail) and ``RLIMIT_AS`` (address space). Breaking either limit kills the
child (SIGXCPU / SIGKILL) or makes its allocation fail (MemoryError -> exit 1), so the test
sees a non-zero code and a missing message instead of the expected answer. A generous
wall-clock ``timeout`` only stops a child that blocks without using CPU (a FIFO read).
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

DEFAULT_CPU_SECONDS = 60
DEFAULT_MEMORY_BYTES = 2 * 1024**3


@dataclass(frozen=True)
class Bounded:
    """What a bounded child run gave: exit code (negative: killed by that signal), output."""

    code: int
    out: str
    err: str


def _limit(cpu_seconds: int, memory_bytes: int) -> None:
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 1))
    resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))


def run_bounded(
    *args: str | os.PathLike[str],
    cpu_seconds: int = DEFAULT_CPU_SECONDS,
    memory_bytes: int = DEFAULT_MEMORY_BYTES,
    cwd: str | os.PathLike[str] | None = None,
    timeout: float = 300.0,
) -> Bounded:
    """``clusterrank ARGS`` in a child process limited to ``cpu_seconds`` and ``memory_bytes``."""
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1", PYTHONPATH=str(REPO))
    proc = subprocess.run(
        [sys.executable, "-m", "clusterrank", *map(str, args)],
        cwd=cwd or REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        preexec_fn=lambda: _limit(cpu_seconds, memory_bytes),
        stdin=subprocess.DEVNULL,
        check=False,
    )
    return Bounded(proc.returncode, proc.stdout, proc.stderr)
