"""Writing results as table, CSV or JSON, to stdout or a file."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pandas as pd

FORMATS = ("table", "csv", "json")


def emit(text: str, output: str | None) -> None:
    """Write text to the named file (UTF-8) or to stdout."""
    if output:
        Path(output).write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
        print(f"written: {output}", file=sys.stderr)
    else:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")


def to_json(payload: dict[str, Any]) -> str:
    """JSON with Cyrillic kept readable (ensure_ascii=False) and no NaN allowed."""
    return json.dumps(payload, ensure_ascii=False, indent=2, allow_nan=False)


def frame_table(frame: pd.DataFrame, floatfmt: str = "{:.4f}") -> str:
    """A plain aligned text table."""
    formatters = {
        col: floatfmt.format for col in frame.columns if pd.api.types.is_float_dtype(frame[col])
    }
    return frame.to_string(index=False, formatters=formatters)


def bullet_lines(title: str, lines: list[str] | tuple[str, ...]) -> str:
    if not lines:
        return ""
    return "\n".join([title, *(f"  - {line}" for line in lines)])
