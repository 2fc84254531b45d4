"""Headings of the tables that leave the app, in the reader's language: sheets and columns.

Tables are built with English column ids (the code looks columns up by them). Just before a
table is written for people (a workbook, a CSV opened in a spreadsheet, the report's small
tables) its sheet name, column headings and settings sections are translated here; the
values are left as they are, so numbers stay numbers. A heading that is not listed (a
criterion's title, a method's label such as ``TOPSIS (vector)``) is written as it is.
"""

from __future__ import annotations

import re

import pandas as pd

from clusterrank.i18n import _, pgettext

_RANK = re.compile(r"rank (\d+\+?)")
_CORRELATION = re.compile(r"correlation (\w+)")


def columns() -> dict[str, str]:
    """Column id -> its heading in the current language."""
    return {
        "rank": pgettext("column", "rank"),
        "id": pgettext("column", "id"),
        "name": pgettext("column", "name"),
        "score": pgettext("column", "score"),
        "score_full": pgettext("column", "score_full"),
        "rank_change": pgettext("column", "rank_change"),
        "imputed": pgettext("column", "imputed"),
        "assessable": pgettext("column", "assessable"),
        "reason": pgettext("column", "reason"),
        "method": pgettext("column", "method"),
        "settings": pgettext("column", "settings"),
        "candidate": pgettext("column", "candidate"),
        "criterion": pgettext("column", "criterion"),
        "title": pgettext("column", "title"),
        "group": pgettext("column", "group"),
        "direction": pgettext("column", "direction"),
        "unit": pgettext("column", "unit"),
        "source": pgettext("column", "source"),
        "status": pgettext("column", "status"),
        "note": pgettext("column", "note"),
        "value": pgettext("column", "value"),
        "group_weight": pgettext("column", "group_weight"),
        "local_weight": pgettext("column", "local_weight"),
        "global_weight": pgettext("column", "global_weight"),
        "section": pgettext("column", "section"),
        "setting": pgettext("column", "setting"),
        "matrix": pgettext("column", "matrix"),
        "row": pgettext("column", "row"),
        "row title": pgettext("column", "row title"),
        "column": pgettext("column", "column"),
        "column title": pgettext("column", "column title"),
        "judgment": pgettext("column", "judgment"),
        "reads": pgettext("column", "reads"),
        "acceptable": pgettext("column", "acceptable"),
        "threshold": pgettext("column", "threshold"),
        "items": pgettext("column", "items"),
        "missing": pgettext("column", "missing"),
        "derivation": pgettext("column", "derivation"),
        "random_index": pgettext("column", "random_index"),
        "weight": pgettext("column", "weight"),
        "level": pgettext("column", "level"),
        "lower": pgettext("column", "lower"),
        "upper": pgettext("column", "upper"),
        "margin": pgettext("column", "margin"),
        "change_below": pgettext("column", "change_below"),
        "change_above": pgettext("column", "change_above"),
        "how": pgettext("column", "how"),
        "first_rank_acceptability": pgettext("column", "first_rank_acceptability"),
        "first_rank_se": pgettext("column", "first_rank_se"),
        "holistic_acceptability": pgettext("column", "holistic_acceptability"),
        "confidence_factor": pgettext("column", "confidence_factor"),
        "confidence_se": pgettext("column", "confidence_se"),
        "consensus": pgettext("column", "consensus"),
        "copeland_score": pgettext("column", "copeland_score"),
        "mean_rank": pgettext("column", "mean_rank"),
        "item": pgettext("column", "item"),
        "region_id": pgettext("column", "region_id"),
        "region": pgettext("column", "region"),
        "sector_id": pgettext("column", "sector_id"),
        "sector": pgettext("column", "sector"),
        "year": pgettext("column", "year"),
        "hhi": pgettext("column", "hhi"),
        "lq": pgettext("column", "lq"),
        "figures": pgettext("column", "figures"),
    }


def sheets() -> dict[str, str]:
    """Sheet (or CSV section) name -> its name in the current language (31 characters at most)."""
    return {
        "inputs": pgettext("sheet", "inputs"),
        "sources": pgettext("sheet", "sources"),
        "criteria and weights": pgettext("sheet", "criteria and weights"),
        "weight source": pgettext("sheet", "weight source"),
        "AHP judgments": pgettext("sheet", "AHP judgments"),
        "AHP consistency": pgettext("sheet", "AHP consistency"),
        "results": pgettext("sheet", "results"),
        "settings": pgettext("sheet", "settings"),
        "stability": pgettext("sheet", "stability"),
        "SMAA acceptability": pgettext("sheet", "SMAA acceptability"),
        "SMAA confidence": pgettext("sheet", "SMAA confidence"),
        "SMAA central weights": pgettext("sheet", "SMAA central weights"),
        "method agreement": pgettext("sheet", "method agreement"),
        "AHP uncertainty": pgettext("sheet", "AHP uncertainty"),
        "sensitivity settings": pgettext("sheet", "sensitivity settings"),
        "location quotients": pgettext("sheet", "location quotients"),
        "hhi": pgettext("sheet", "hhi"),
        "screening summary": pgettext("sheet", "screening summary"),
        "screening rules": pgettext("sheet", "screening rules"),
        "settings and notes": pgettext("sheet", "settings and notes"),
        "ranks": pgettext("sheet", "ranks"),
        "criterion values": pgettext("sheet", "criterion values"),
    }


def sections() -> dict[str, str]:
    """Settings-table section -> its name in the current language (setting names stay)."""
    return {
        "export": pgettext("settings section", "export"),
        "scenario": pgettext("settings section", "scenario"),
        "weight source": pgettext("settings section", "weight source"),
        "method": pgettext("settings section", "method"),
        "weights": pgettext("settings section", "weights"),
        "data": pgettext("settings section", "data"),
        "all": pgettext("settings section", "all"),
        "results": pgettext("settings section", "results"),
        "note": pgettext("settings section", "note"),
        "not run": pgettext("settings section", "not run"),
        "report": pgettext("settings section", "report"),
        "sensitivity": pgettext("settings section", "sensitivity"),
        "setting": pgettext("settings section", "setting"),
        "weight stability intervals": pgettext("settings section", "weight stability intervals"),
        "method agreement": pgettext("settings section", "method agreement"),
        "AHP judgment uncertainty": pgettext("settings section", "AHP judgment uncertainty"),
    }


def status_word(status: str) -> str:
    """A figure's status (``reported``, ``imputed``, ``illustrative``) in the current language."""
    words = {
        "reported": pgettext("figure status", "reported"),
        "imputed": pgettext("figure status", "imputed"),
        "illustrative": pgettext("figure status", "illustrative"),
    }
    return words.get(status, status)


def column(name: object) -> str:
    """The heading of column ``name`` (``rank 3`` of SMAA's acceptability table too)."""
    text = str(name)
    if found := columns().get(text):
        return found
    if m := _RANK.fullmatch(text):
        return _("rank {rank}").format(rank=m.group(1))
    return text


def sheet(name: str) -> str:
    """The name of sheet ``name`` (``correlation ws`` too)."""
    if found := sheets().get(name):
        return found
    if m := _CORRELATION.fullmatch(name):
        return _("correlation {kind}").format(kind=m.group(1))
    return name


def section(name: str) -> str:
    """The name of settings section ``name``."""
    return sections().get(name, name)


def translated(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with its column headings (and settings sections) in the current language."""
    heads = columns()
    out = frame.rename(columns=lambda c: heads.get(str(c)) or column(c))
    if list(frame.columns) == ["section", "setting", "value"]:
        names = sections()
        out.iloc[:, 0] = [names.get(str(s), str(s)) for s in frame["section"]]
    return out
