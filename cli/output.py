"""Writing results as table, CSV or JSON, to stdout or a file."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from clusterrank.errors import ClusterRankError

if TYPE_CHECKING:
    import pandas as pd

    from clusterrank.analysis.report import RankingReport

FORMATS = ("table", "csv", "json")


def emit(text: str, output: str | None) -> None:
    """Write text to the named file (UTF-8) or to stdout."""
    if output:
        write_file(output, text if text.endswith("\n") else text + "\n")
        print(f"written: {output}", file=sys.stderr)
    else:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")


def write_file(path: str | Path, text: str) -> None:
    """Write UTF-8 text to ``path``; a failure says which output, why, and the fix."""
    try:
        Path(path).write_text(text, encoding="utf-8")
    except OSError as exc:
        raise output_error(path, exc) from exc


def output_error(path: str | Path, exc: OSError) -> ClusterRankError:
    """``cannot write output FILE: reason; fix`` for an error met while writing ``path``."""
    p = Path(path)
    if isinstance(exc, IsADirectoryError) or p.is_dir():
        why = "it is a folder; give a file name inside it with -o"
    elif isinstance(exc, FileNotFoundError | NotADirectoryError):
        why = f"the folder {str(p.parent)!r} does not exist; create it or choose another -o"
    elif isinstance(exc, PermissionError):
        why = "permission denied; choose a folder you may write to"
    else:
        why = f"{exc.strerror or exc}; choose another -o"
    return ClusterRankError(f"cannot write output {path}: {why}")


def to_json(payload: dict[str, Any]) -> str:
    """JSON with Cyrillic kept readable (ensure_ascii=False) and no NaN allowed."""
    return json.dumps(payload, ensure_ascii=False, indent=2, allow_nan=False)


def frame_table(frame: pd.DataFrame, floatfmt: str = "{:.4f}") -> str:
    """A plain aligned text table."""
    import pandas as pd

    formatters = {
        col: floatfmt.format for col in frame.columns if pd.api.types.is_float_dtype(frame[col])
    }
    return frame.to_string(index=False, formatters=formatters)


def with_quality(frame: pd.DataFrame, report: RankingReport) -> pd.DataFrame:
    """``frame`` (one row per candidate, column ``id``) with an ``imputed`` column.

    ``"4 of 6"`` per candidate, ``"4 of 6, not assessable"`` above the threshold; unchanged
    when the report carries no data quality (a plain matrix).
    """
    if not report.quality:
        return frame
    out = frame.copy()
    labels = {
        q.candidate: q.count if q.assessable else f"{q.count}, not assessable"
        for q in report.quality
    }
    out["imputed"] = [labels[str(c)] for c in out["id"]]
    return out


def not_assessable_lines(report: RankingReport) -> str:
    """``not assessable:`` and one line per such candidate with its reason; else empty."""
    return bullet_lines(
        "not assessable:",
        [f"{q.candidate} ({q.name}): {q.reason}" for q in report.quality if not q.assessable],
    )


def bullet_lines(title: str, lines: list[str] | tuple[str, ...]) -> str:
    """``title`` followed by one `` - line`` per line; empty when there are no lines."""
    if not lines:
        return ""
    return "\n".join([title, *(f"  - {line}" for line in lines)])
