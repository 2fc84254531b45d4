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
from clusterrank.i18n import N_, _, formats, language
from clusterrank.ui.loaders import Upload
from clusterrank.ui.plain import plain
from clusterrank.ui.speaking import in_language

FILE = "import__file"
DECIMAL = "import__decimal"
SHEET = "import__sheet"
STATE_DECIMAL = N_("choose the decimal mark (comma or point) under 'Detected in' above")
"""The fix for an ambiguous number on this page (the CLI's says ``--decimal``)."""
DECIMALS: dict[str, Decimal | None] = {
    N_("as detected"): None,
    N_("comma (2100,5)"): ",",
    N_("point (2100.5)"): ".",
}
"""The decimal-mark choices: the option (marked, shown through ``_``) and the mark it sets."""
DECIMAL_RULE = N_(
    "Numbers may use a decimal comma or a decimal point (2100,5 or 2100.5) and a space "
    "between thousands (1 200). 1,200 and 1.200 could be either, so they are read only when "
    "the file shows its decimal mark in another cell, is separated by ';' (then the comma is "
    "the decimal mark), or you choose the decimal mark once the file is uploaded."
)
"""The decimal-comma rule of :mod:`criteria.numbers`, as the wizard states it."""


def upload() -> Upload | None:
    """The uploader; the file chosen, if any."""
    st.file_uploader(
        _("Your table (CSV or Excel .xlsx): one row per candidate, one column per indicator"),
        type=["csv", "txt", "xlsx"],
        key=FILE,
    )
    chosen = st.session_state.get(FILE)
    return Upload(chosen.name, chosen.getvalue()) if chosen is not None else None


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
    """The plan of an uploaded table under the reading choices (cached by its bytes).

    Its notes and messages are in the session's language, which is part of the cache key.
    """
    return _plan_upload(
        name, data, sheet, decimal, id_column, name_column, skip, make_ids, language()
    )


@st.cache_data(show_spinner=False, max_entries=16)
def _plan_upload(
    name: str,
    data: bytes,
    sheet: str | None,
    decimal: Decimal | None,
    id_column: str | None,
    name_column: str | None,
    skip: tuple[str, ...],
    make_ids: bool,
    lang: str,
) -> ImportPlan:
    del lang  # part of the cache key only: the plan's texts come in the session's language
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
        return plan_import(path, name, choices, state_decimal=_(STATE_DECIMAL))
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def reading_choices() -> tuple[str | None, Decimal | None]:
    """The sheet and decimal mark the user set (None: as detected)."""
    sheet = st.session_state.get(SHEET)
    return (str(sheet) if sheet else None), DECIMALS.get(str(st.session_state.get(DECIMAL)))


def detected(plan: ImportPlan) -> None:
    """What was detected about the file, and the two corrections the user can make."""
    sniffed = plan.sniffed
    with st.container(border=True):
        st.markdown("**" + _("Detected in {file}").format(file=plain(plan.label)) + "**")
        st.markdown("\n".join(f"- {plain(line)}" for line in _facts(plan)))
        left, right = st.columns(2)
        left.radio(
            _("Decimal mark"),
            list(DECIMALS),
            key=DECIMAL,
            format_func=in_language(_),
            horizontal=True,
            help=_("Change it when numbers such as 1,200 were read the wrong way")
            + " "
            + _(DECIMAL_RULE),
        )
        if sniffed.kind == "xlsx":
            right.selectbox(_("Sheet"), list(sniffed.sheets), key=SHEET)
        for note in plan.notes:
            st.caption(plain(note))


def _facts(plan: ImportPlan) -> list[str]:
    """What was detected, one line each (values quoted from the file are not translated)."""
    sniffed, table = plan.sniffed, plan.sniffed.table
    if sniffed.kind == "xlsx":
        kind, encoding = _("format: workbook (.xlsx)"), _("encoding: inside the workbook")
        separator = _("separator: cells of the sheet")
    else:
        kind = _("format: CSV text")
        encoding = _("encoding: {encoding}").format(encoding=sniffed.encoding)
        separator = _("separator: {separator}").format(separator=table.separator_text())
    if sniffed.header_rows > 1:
        header = _("header row: row {row} (a header of {count} rows, merged cells joined)")
    else:
        header = _("header row: row {row}")
    rows = _("rows: {rows} candidate row(s), {columns} column(s)").format(
        rows=formats.integer(len(table.rows)), columns=formats.integer(len(table.header))
    )
    return [
        kind,
        encoding,
        separator,
        _("decimal mark: {mark}").format(mark=_decimal_seen(plan)),
        header.format(row=table.header_line, count=sniffed.header_rows),
        rows,
    ]


def _decimal_seen(plan: ImportPlan) -> str:
    """The decimal mark the numbers were read with, as the notes of the number rule say."""
    chosen = reading_choices()[1]
    if chosen is not None:
        return _("{mark} (set by you)").format(mark=repr(chosen))
    said = " ".join(plan.notes).lower()
    if _noted(said, "numbers read with a decimal comma ({why})"):
        return _("comma (detected)")
    if _noted(said, "numbers read with a decimal point ({why})"):
        return _("point (detected)")
    return _("point, or none needed (no decimal comma seen)")


def _noted(said: str, note: str) -> bool:
    """Whether the reader's notes (in the session's language) contain ``note``'s wording."""
    return _(note).split("{", 1)[0].strip().lower() in said
