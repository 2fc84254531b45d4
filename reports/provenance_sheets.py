"""The workbook's provenance sheets: where the weights and every figure came from.

Built on :mod:`analysis.provenance` (the report says the same things): the ``weight source``
sheet (which editor, in one sentence, and its settings), the AHP judgments and consistency
ratios when the weights come from pairwise judgments, and the per-figure ``sources`` sheet
with each figure's status (reported, imputed, illustrative).
Every frame goes to :func:`reports.cells.workbook_bytes`, which neutralises formula-like text.
"""

from __future__ import annotations

import pandas as pd

from clusterrank.analysis.provenance import WeightSource
from clusterrank.criteria.models.scenario import Scenario
from clusterrank.i18n import _, formats

WEIGHT_SOURCE = "weight source"
AHP_JUDGMENTS = "AHP judgments"
AHP_CONSISTENCY = "AHP consistency"
SOURCES = "sources"


def weight_source_frame(source: WeightSource) -> pd.DataFrame:
    """``setting, value`` rows: the source's kind and sentence, then its settings."""
    rows = [(_("weights from"), source.kind), (_("in words"), source.summary)]
    rows += [(str(k), str(v)) for k, v in source.settings.items() if k != "source"]
    return pd.DataFrame(rows, columns=["setting", "value"])


def _times(value: float) -> str:
    """A judgment as people write it: ``3``, ``0.3333`` (four significant digits)."""
    text = f"{float(value):.4g}"
    if "e" in text or "." not in text:
        return formats.integer(int(float(value))) if float(value).is_integer() else text
    return formats.number(float(text), len(text.split(".")[1]))


def titles(scenario: Scenario) -> dict[str, str]:
    """Display title of every group and criterion id (the ids AHP judgments name)."""
    cs = scenario.criteria_set
    out = {g.id: g.title or g.id for g in cs.groups}
    out.update({c.id: c.title or c.id for c in cs.criteria})
    return out


def ahp_sheets(source: WeightSource, scenario: Scenario) -> dict[str, pd.DataFrame]:
    """The AHP judgments (titles beside ids) and consistency sheets; none without judgments."""
    if source.judgments is None or source.consistency is None:
        return {}
    names = titles(scenario)
    judgments = source.judgments.copy()
    judgments.insert(2, "row title", [names.get(str(i), str(i)) for i in judgments["row"]])
    judgments["column title"] = [names.get(str(i), str(i)) for i in judgments["column"]]
    judgments["reads"] = [
        _("{row} is {times} × as important as {column}").format(
            row=names.get(str(r), r), times=_times(v), column=names.get(str(c), c)
        )
        for r, c, v in zip(
            judgments["row"], judgments["column"], judgments["judgment"], strict=True
        )
    ]
    consistency = source.consistency.copy()
    consistency.insert(1, "title", [names.get(str(m), str(m)) for m in consistency["matrix"]])
    return {AHP_JUDGMENTS: judgments, AHP_CONSISTENCY: consistency}
