"""The import wizard's column step: id and name columns, then each indicator column.

From scratch, one compact editor lists every numeric column: use it or not, benefit or cost
(the guess from the name pre-filled and marked as guessed until changed or ticked as
checked), unit and group. Starting from a shipped criteria set, each of its indicators is
mapped onto a column instead (same-named columns are mapped already).
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import streamlit as st

from clusterrank.criteria.files import SHIPPED_CONFIGS
from clusterrank.criteria.importing import ImportPlan
from clusterrank.criteria.loading import load_criteria_set
from clusterrank.criteria.models import CriteriaSet
from clusterrank.i18n import N_, _, language, pgettext
from clusterrank.ui.plain import plain
from clusterrank.ui.speaking import in_language

ID = "import__id_column"
NAME = "import__name_column"
START = "import__criteria_set"
MADE_IDS = N_("(none: make ids from the names)")
SCRATCH = N_("from scratch: one criterion per column")
UNMAPPED = N_("(no column)")
DEFAULT_GROUP = N_("Indicators")
"""Option values above stay as they are (keys in the session); they are shown through
:func:`_shown`. The default group's title goes into the scenario in the session's language."""


def _shown(option: object) -> str:
    """An option as the reader sees it: the page's own choices translated, columns as named."""
    text = str(option)
    return _(text) if text in {MADE_IDS, SCRATCH, UNMAPPED} else text


@dataclass
class ColumnChoices:
    """What the user chose on this step (fields of :class:`ImportChoices`)."""

    id_column: str | None = None
    name_column: str | None = None
    skip: frozenset[str] = frozenset()
    directions: dict[str, str] = field(default_factory=dict)
    units: dict[str, str] = field(default_factory=dict)
    groups: dict[str, str] = field(default_factory=dict)
    criteria_set: CriteriaSet | None = None
    mapping: dict[str, str] = field(default_factory=dict)


def shipped_sets() -> dict[str, Path]:
    """The criteria sets shipped in ``configs/criteria``, by file name."""
    return {p.name: p for p in sorted((SHIPPED_CONFIGS / "criteria").glob("*.yaml"))}


def id_and_name(plan: ImportPlan) -> tuple[str | None, str | None]:
    """The id and name column pickers, seeded with the plan's guesses."""
    header = [c for c in plan.sniffed.table.header if c]
    st.session_state.setdefault(ID, plan.id_column or MADE_IDS)
    st.session_state.setdefault(NAME, plan.name_column or header[0])
    left, right = st.columns(2)
    id_col = left.selectbox(
        _("Id column"),
        [MADE_IDS, *header],
        key=ID,
        format_func=in_language(_shown),
        help=_("Ids must be unique; made from the names"),
    )
    name_col = right.selectbox(_("Name column"), header, key=NAME)
    return (None if id_col == MADE_IDS else str(id_col)), (str(name_col) if name_col else None)


def indicator_choices(plan: ImportPlan, chosen: ColumnChoices) -> ColumnChoices:
    """The criteria set to start from, then the indicator editor or the mapping onto the set."""
    sets = shipped_sets()
    start = st.selectbox(
        _("Start from"), [SCRATCH, *sets], key=START, format_func=in_language(_shown)
    )
    if start == SCRATCH:
        return _editor(plan, chosen)
    criteria_set = _load_set(str(sets[str(start)]), language())
    chosen.criteria_set = criteria_set
    chosen.mapping = _mapping(plan, criteria_set, str(start))
    return chosen


@st.cache_data(show_spinner=False)
def _load_set(path: str, lang: str = "en") -> CriteriaSet:
    del lang  # part of the cache key only: the set's titles come in the session's language
    return load_criteria_set(path)


def _frame(plan: ImportPlan) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "use": [True] * len(plan.indicators),
            "column": [ind.column for ind in plan.indicators],
            "direction": [ind.direction.value for ind in plan.indicators],
            "guessed": [
                _("guessed: {reason}").format(reason=ind.direction.reason)
                for ind in plan.indicators
            ],
            "checked": [False] * len(plan.indicators),
            "unit": [ind.unit for ind in plan.indicators],
            "group": [_(DEFAULT_GROUP)] * len(plan.indicators),
        }
    )


def _editor(plan: ImportPlan, chosen: ColumnChoices) -> ColumnChoices:
    base = _frame(plan)
    directions = {
        "benefit": pgettext("criterion direction", "benefit"),
        "cost": pgettext("criterion direction", "cost"),
    }
    sig = zlib.crc32("\x1f".join(base["column"]).encode("utf-8"))
    edited = st.data_editor(
        base,
        key=f"import__indicators__{sig}",
        hide_index=True,
        disabled=("column", "guessed"),
        column_config={
            "use": st.column_config.CheckboxColumn(_("use"), width="small"),
            "column": st.column_config.TextColumn(_("column in your file"), width="medium"),
            "direction": st.column_config.SelectboxColumn(
                _("direction"),
                options=["benefit", "cost"],
                required=True,
                width="small",
                format_func=lambda d: directions.get(str(d), str(d)),
            ),
            "guessed": st.column_config.TextColumn(_("guess from the name"), width="medium"),
            "checked": st.column_config.CheckboxColumn(
                _("checked"), help=_("Tick when the direction is right: it is no longer a guess")
            ),
            "unit": st.column_config.TextColumn(_("unit"), width="small"),
            "group": st.column_config.TextColumn(_("group"), width="small"),
        },
    )
    st.caption(
        _(
            "Benefit: more is better; cost: less is better. A direction you leave unchecked "
            "stays marked as guessed in the scenario YAML."
        )
    )
    guesses = dict(zip(base["column"], base["direction"], strict=True))
    for row in edited.to_dict("records"):
        column = str(row["column"])
        if not row["use"]:
            chosen.skip |= {column}
            continue
        if row["checked"] or row["direction"] != guesses[column]:
            chosen.directions[column] = str(row["direction"])
        chosen.units[column] = str(row["unit"] or "")
        chosen.groups[column] = str(row["group"] or "").strip() or _(DEFAULT_GROUP)
    return chosen


def _mapping(plan: ImportPlan, criteria_set: CriteriaSet, name: str) -> dict[str, str]:
    columns = [ind.column for ind in plan.indicators]
    by_key = {ind.key: ind.column for ind in plan.indicators}
    st.caption(
        _(
            "Map each indicator of {criteria_set} onto a column of your file; its directions, "
            "units and groups come from the set."
        ).format(criteria_set=plain(criteria_set.title or criteria_set.id))
    )
    out: dict[str, str] = {}
    boxes = st.columns(3)
    for k, key in enumerate(criteria_set.data_keys):
        widget = f"import__map__{name}__{key}"
        st.session_state.setdefault(widget, by_key.get(key, UNMAPPED))
        picked = boxes[k % 3].selectbox(
            key, [UNMAPPED, *columns], key=widget, format_func=in_language(_shown)
        )
        if picked != UNMAPPED:
            out[key] = str(picked)
    return out
