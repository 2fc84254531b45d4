"""Write the weights in use back into a scenario's YAML, so a session can be saved and reloaded.

The scenario's own text is parsed, its ``weights:`` section replaced and the document written
out again (comments are not kept; a header says so). Direct weights (sliders, or objective
weights, which are saved as the direct group and local weights they amount to) become
``mode: direct`` with every group and criterion weight; AHP weights become ``mode: ahp`` with
every judgment of every matrix, the derivation and the random-index table, so loading the file
gives back the same weights.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import yaml

from clusterrank.analysis.weights import WeightReport
from clusterrank.criteria.loading import parse_yaml
from clusterrank.criteria.models.ahp_file import JudgmentBlock, fmt_judgment
from clusterrank.errors import ConfigurationError
from clusterrank.i18n import _, ngettext

DIGITS = 12
"""Weights are written rounded to this many decimals (relative weights: the reload renormalises)."""


def _round(value: float) -> float:
    return round(float(value), DIGITS)


def direct_spec(report: WeightReport) -> dict[str, Any]:
    """``mode: direct`` with the report's normalised group and local weights."""
    return {
        "mode": "direct",
        "groups": {g: _round(w) for g, w in report.group_map().items()},
        "criteria": {c: _round(w) for c, w in report.local_map().items()},
    }


def _judgments(items: tuple[str, ...], matrix: np.ndarray) -> dict[str, Any]:
    rows = [
        [items[i], items[j], fmt_judgment(float(matrix[i, j]))]
        for i in range(len(items))
        for j in range(i + 1, len(items))
        if np.isfinite(matrix[i, j])
    ]
    return {"judgments": rows}


def _block_spec(block: JudgmentBlock) -> dict[str, Any]:
    return {"judgments": [[a, b, fmt_judgment(float(v))] for a, b, v in block.triples()]}


def ahp_spec(
    report: WeightReport, judgments: Mapping[str, JudgmentBlock] | None = None
) -> dict[str, Any]:
    """``mode: ahp`` with every matrix's judgments.

    Parameters
    ----------
    report
        AHP weights (``report.ahp`` holds one analysed block per matrix).
    judgments
        The judgments as given, per block id (``"groups"`` or a group id). Without them the
        analysed matrices are written (upper triangle), which is exact only when no judgment
        was missing: a completed cell may lie off Saaty's scale.

    Raises
    ------
    ConfigurationError
        A matrix had missing judgments and ``judgments`` does not give the originals.
    """
    spec: dict[str, Any] = {
        "mode": "ahp",
        "derivation": str(report.settings.get("derivation", "eigenvector")),
        "random_index": str(report.settings.get("random_index", "saaty")),
        "completion": str(report.settings.get("completion", "implied")),
    }
    criteria: dict[str, Any] = {}
    for name, block in report.ahp.items():
        if judgments is not None and name in judgments:
            judged = _block_spec(judgments[name])
        elif block.result.missing:
            msg = ngettext(
                "AHP matrix {matrix!r} had {missing} missing judgment completed by the "
                "{completion} completion; pass the judgments as given to save them",
                "AHP matrix {matrix!r} had {missing} missing judgments completed by the "
                "{completion} completion; pass the judgments as given to save them",
                block.result.missing,
            ).format(matrix=name, missing=block.result.missing, completion=block.result.completion)
            raise ConfigurationError(msg)
        else:
            matrix = np.asarray(block.result.matrix, dtype=float)
            judged = _judgments(tuple(block.result.items), matrix)
        if name == "groups":
            spec["groups"] = judged
        else:
            criteria[name] = judged
    if criteria:
        spec["criteria"] = criteria
    return spec


def weights_spec(
    report: WeightReport, judgments: Mapping[str, JudgmentBlock] | None = None
) -> dict[str, Any]:
    """The ``weights:`` mapping that reproduces ``report`` when the scenario is reloaded."""
    return ahp_spec(report, judgments) if report.ahp else direct_spec(report)


def scenario_text_with_weights(
    text: str,
    report: WeightReport,
    name: str = "<scenario>",
    judgments: Mapping[str, JudgmentBlock] | None = None,
) -> str:
    """The scenario YAML ``text`` with its ``weights:`` section replaced by ``report``'s.

    ``judgments`` are the AHP judgments as given, per block (see :func:`ahp_spec`).

    Raises
    ------
    errors.ValidationFailed
        ``text`` is not a YAML mapping (the message names ``name`` and the line).
    errors.ConfigurationError
        AHP weights from incomplete matrices without the original ``judgments``.
    """
    data, _lines = parse_yaml(text, name)
    data["weights"] = weights_spec(report, judgments)
    source = str(report.settings.get("mode", report.mode))
    if source == "objective":
        source = _("{mode} ({method}), saved as the direct weights it gives").format(
            mode=source, method=report.settings.get("method")
        )
    header = (
        "# "
        + _("Saved by clusterrank with the weights in use (from: {source}).").format(source=source)
        + "\n# "
        + _("The original file's comments are not kept.")
        + "\n"
    )
    body = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
    return header + body
