"""Writing results as table, CSV or JSON, to stdout or a file.

The human ``table`` output speaks the current language: headings (:func:`heading`) and the
numbers' decimal and group marks (:func:`number_text`, :func:`percent_text`). The digits are
Python's (``format``), so a table differs between languages only in its marks and words and
English stays as it always was; JSON keys and the machine CSV stay English.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from clusterrank.errors import ClusterRankError
from clusterrank.i18n import _, language, pgettext

if TYPE_CHECKING:
    import pandas as pd

    from clusterrank.analysis.report import RankingReport

FORMATS = ("table", "csv", "json")


def _headings() -> dict[str, str]:
    """Column names of the text tables that are translated (context ``table column``)."""
    return {
        "id": pgettext("table column", "id"),
        "name": pgettext("table column", "name"),
        "title": pgettext("table column", "title"),
        "score": pgettext("table column", "score"),
        "rank": pgettext("table column", "rank"),
        "imputed": pgettext("table column", "imputed"),
        "kind": pgettext("table column", "kind"),
        "by": pgettext("table column", "by"),
        "best": pgettext("table column", "best"),
        "settings": pgettext("table column", "settings"),
        "criterion": pgettext("table column", "criterion"),
        "weight": pgettext("table column", "weight"),
        "level": pgettext("table column", "level"),
        "lower": pgettext("table column", "lower"),
        "upper": pgettext("table column", "upper"),
        "change_above": pgettext("table column", "change_above"),
        "change_below": pgettext("table column", "change_below"),
        "method": pgettext("table column", "method"),
        "priority": pgettext("table column", "priority"),
        "candidate": pgettext("table column", "candidate"),
        "value": pgettext("table column", "value"),
        "difference": pgettext("table column", "difference"),
        "group": pgettext("table column", "group"),
        "local": pgettext("table column", "local"),
        "answered": pgettext("table column", "answered"),
        "submitted": pgettext("table column", "submitted"),
        "revoked": pgettext("table column", "revoked"),
        "link": pgettext("table column", "link"),
        "factor": pgettext("table column", "factor"),
        "median": pgettext("table column", "median"),
        "top two": pgettext("table column", "top two"),
        "within 1": pgettext("table column", "within 1"),
        "within1": pgettext("table column", "within1"),
        "abstained": pgettext("table column", "abstained"),
        "confidence": pgettext("table column", "confidence"),
        "acceptability": pgettext("table column", "acceptability"),
        "holistic": pgettext("table column", "holistic"),
        "item": pgettext("table column", "item"),
        "consensus": pgettext("table column", "consensus"),
        "copeland_score": pgettext("table column", "copeland_score"),
        "mean_rank": pgettext("table column", "mean_rank"),
        "year": pgettext("table column", "year"),
        "region_id": pgettext("table column", "region_id"),
        "sector_id": pgettext("table column", "sector_id"),
        "rule_set": pgettext("table column", "rule_set"),
        "passed": pgettext("table column", "passed"),
        "rules_passed": pgettext("table column", "rules_passed"),
        "why": pgettext("table column", "why"),
        "hhi": pgettext("table column", "hhi"),
        "hhi_normalised": pgettext("table column", "hhi_normalised"),
        "sectors": pgettext("table column", "sectors"),
        "share_sum_pct": pgettext("table column", "share_sum_pct"),
        "is_reference": pgettext("table column", "is_reference"),
        "global_priority": pgettext("table column", "global_priority"),
        "product": pgettext("table column", "product"),
        "region": pgettext("table column", "region"),
        "coefficient": pgettext("table column", "coefficient"),
        "printed": pgettext("table column", "printed"),
        "unit": pgettext("table column", "unit"),
    }


def format_help() -> str:
    """The help of every ``--format`` option."""
    return _("table: for reading (in the current language); csv, json: for programs (English keys)")


def heading(column: object) -> str:
    """A table's column heading in the current language (an unknown column stays as it is)."""
    name = str(column)
    known = _headings().get(name)
    if known is not None:
        return known
    number = name.removeprefix("rank ")
    if number != name and number.rstrip("+").isdigit():  # SMAA's "rank 3", "rank 21+"
        return pgettext("table column", "rank {number}").format(number=number)
    return name


def number_text(value: object, spec: str = ".4f") -> str:
    """``value`` written as ``format(value, spec)`` with the language's decimal and group marks.

    ``0.7413`` in English, ``0,7413`` in Russian; a non-finite number stays ``nan``/``inf``.
    """
    text = format(value, spec)
    if language() == "en":
        return text
    from clusterrank.i18n import formats

    return text.translate({ord(","): formats.group_mark(), ord("."): formats.decimal_mark()})


def percent_text(share: float, digits: int = 0) -> str:
    """A share of one as a percentage: ``52%`` in English, ``52 %`` in Russian."""
    text = format(share, f".{digits}%")
    if language() == "en":
        return text
    from clusterrank.i18n import formats

    sign = formats.percent(0.0, 0)[1:]  # "%" or "\xa0%", as the language writes it
    return number_text(float(text[:-1]), f".{digits}f") + sign


def emit(text: str, output: str | None) -> None:
    """Write text to the named file (UTF-8) or to stdout."""
    if output:
        write_file(output, text if text.endswith("\n") else text + "\n")
        print(_("written: {file}").format(file=output), file=sys.stderr)
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
        why = _("it is a folder; give a file name inside it with -o")
    elif isinstance(exc, FileNotFoundError | NotADirectoryError):
        why = _("the folder {folder} does not exist; create it or choose another -o").format(
            folder=repr(str(p.parent))
        )
    elif isinstance(exc, PermissionError):
        why = _("permission denied; choose a folder you may write to")
    else:
        why = _("{reason}; choose another -o").format(reason=exc.strerror or exc)
    msg = _("cannot write output {file}: {reason}").format(file=path, reason=why)
    return ClusterRankError(msg)


def to_json(payload: dict[str, Any]) -> str:
    """JSON with Cyrillic kept readable (ensure_ascii=False) and no NaN allowed."""
    return json.dumps(payload, ensure_ascii=False, indent=2, allow_nan=False)


def frame_table(frame: pd.DataFrame, floatfmt: str = "{:.4f}") -> str:
    """A plain aligned text table: headings and numbers in the current language."""
    import pandas as pd

    spec = floatfmt[2:-1]  # "{:.4f}" -> ".4f"
    formatters = {
        col: lambda v: number_text(v, spec)
        for col in frame.columns
        if pd.api.types.is_float_dtype(frame[col])
    }
    text: str = frame.rename(columns=heading).to_string(
        index=False, formatters={heading(c): f for c, f in formatters.items()}
    )
    return text


def with_quality(frame: pd.DataFrame, report: RankingReport) -> pd.DataFrame:
    """``frame`` (one row per candidate, column ``id``) with an ``imputed`` column.

    ``"4 of 6"`` per candidate, ``"4 of 6, not assessable"`` above the threshold; unchanged
    when the report carries no data quality (a plain matrix).
    """
    if not report.quality:
        return frame
    out = frame.copy()
    labels = {
        q.candidate: q.count if q.assessable else _("{count}, not assessable").format(count=q.count)
        for q in report.quality
    }
    out["imputed"] = [labels[str(c)] for c in out["id"]]
    return out


def not_assessable_lines(report: RankingReport) -> str:
    """``not assessable:`` and one line per such candidate with its reason; else empty."""
    return bullet_lines(
        _("not assessable:"),
        [f"{q.candidate} ({q.name}): {q.reason}" for q in report.quality if not q.assessable],
    )


def bullet_lines(title: str, lines: list[str] | tuple[str, ...]) -> str:
    """``title`` followed by one `` - line`` per line; empty when there are no lines."""
    if not lines:
        return ""
    return "\n".join([title, *(f"  - {line}" for line in lines)])
