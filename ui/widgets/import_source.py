"""The import wizard's first step: the uploaded file, what was detected in it, corrections.

The upload is written to a private temporary folder under a fixed name (only its suffix
kept) and read by :func:`criteria.importing.plan_import` there; messages name the user's
file, never the server's folder. The plan is cached by the upload's bytes and the choices
that change how the file is read (sheet, decimal mark, id and name columns).
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import streamlit as st

from clusterrank.criteria.importing import ImportChoices, ImportPlan, plan_import
from clusterrank.criteria.numbers import Decimal
from clusterrank.ui.loaders import Upload
from clusterrank.ui.plain import plain

FILE = "import__file"
DECIMAL = "import__decimal"
SHEET = "import__sheet"
STATE_DECIMAL = "choose the decimal mark (comma or point) under 'Detected in' above"
"""The fix for an ambiguous number on this page (the CLI's says ``--decimal``)."""
DECIMALS: dict[str, Decimal | None] = {
    "as detected": None,
    "comma (2100,5)": ",",
    "point (2100.5)": ".",
}


def upload() -> Upload | None:
    """The uploader; the file chosen, if any."""
    st.file_uploader(
        "Your table (CSV or Excel .xlsx): one row per candidate, one column per indicator",
        type=["csv", "txt", "xlsx"],
        key=FILE,
    )
    chosen = st.session_state.get(FILE)
    return Upload(chosen.name, chosen.getvalue()) if chosen is not None else None


@st.cache_data(show_spinner=False, max_entries=16)
def plan_upload(
    name: str,
    data: bytes,
    sheet: str | None,
    decimal: Decimal | None,
    id_column: str | None,
    name_column: str | None,
    skip: tuple[str, ...] = (),
    make_ids: bool = False,
) -> ImportPlan:
    """The plan of an uploaded table under the reading choices (cached by its bytes)."""
    folder = Path(tempfile.mkdtemp(prefix="clusterrank-import-"))
    try:
        path = folder / f"upload{Path(name).suffix.lower()}"
        path.write_bytes(data)
        choices = ImportChoices(
            sheet=sheet,
            decimal=decimal,
            id_column=id_column,
            name_column=name_column,
            make_ids=make_ids,
            skip=frozenset(skip),
        )
        return plan_import(path, name, choices, state_decimal=STATE_DECIMAL)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def reading_choices() -> tuple[str | None, Decimal | None]:
    """The sheet and decimal mark the user set (None: as detected)."""
    sheet = st.session_state.get(SHEET)
    return (str(sheet) if sheet else None), DECIMALS.get(str(st.session_state.get(DECIMAL)))


def detected(plan: ImportPlan) -> None:
    """What was detected about the file, and the two corrections the user can make."""
    sniffed, table = plan.sniffed, plan.sniffed.table
    with st.container(border=True):
        st.markdown(f"**Detected in {plain(plan.label)}**")
        rows = len(table.rows)
        facts = [
            ("format", "workbook (.xlsx)" if sniffed.kind == "xlsx" else "CSV text"),
            ("encoding", sniffed.encoding or "inside the workbook"),
            (
                "separator",
                table.separator_text() if sniffed.kind == "csv" else "cells of the sheet",
            ),
            ("decimal mark", _decimal_seen(plan)),
            ("header row", f"row {table.header_line}" + _depth(sniffed.header_rows)),
            ("rows", f"{rows} candidate row(s), {len(table.header)} column(s)"),
        ]
        st.markdown("\n".join(f"- {name}: {plain(value)}" for name, value in facts))
        left, right = st.columns(2)
        left.radio(
            "Decimal mark",
            list(DECIMALS),
            key=DECIMAL,
            horizontal=True,
            help="Change it when numbers such as 1,200 were read the wrong way",
        )
        if sniffed.kind == "xlsx":
            right.selectbox("Sheet", list(sniffed.sheets), key=SHEET)
        for note in plan.notes:
            st.caption(plain(note))


def _depth(rows: int) -> str:
    return f" (a header of {rows} rows, merged cells joined)" if rows > 1 else ""


def _decimal_seen(plan: ImportPlan) -> str:
    """The decimal mark the numbers were read with, as the notes of the number rule say."""
    chosen = reading_choices()[1]
    if chosen is not None:
        return f"{chosen!r} (set by you)"
    said = " ".join(plan.notes).lower()
    if "decimal comma" in said:
        return "comma (detected)"
    if "decimal point" in said:
        return "point (detected)"
    return "point, or none needed (no decimal comma seen)"
