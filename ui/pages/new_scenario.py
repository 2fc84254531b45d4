"""New scenario page: bring your own spreadsheet, see it ranked, save it as a project.

Upload a CSV or XLSX; see what was detected (format, encoding, separator, decimal mark,
header row) and correct it; pick the id and name columns; per indicator column: use it or
not, benefit or cost (the guess from its name shown), unit and group, or map the columns onto
a shipped criteria set; choose the missing-data policy and see its effect cell by cell. A
preview ranking follows every change. "Create" saves the scenario (validated by the same
models as a YAML file) as a project, opens it, and offers its YAML and data CSV.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from clusterrank.analysis.import_preview import ImportPreview, check
from clusterrank.criteria.importing import ImportChoices, ImportPlan, Target
from clusterrank.criteria.importing.columns import slug
from clusterrank.criteria.importing.expert import ExpertCriterion
from clusterrank.errors import Problem, ValidationFailed
from clusterrank.i18n import _, formats, ngettext
from clusterrank.panel.snapshot import snapshot_of
from clusterrank.store.projects import create_project
from clusterrank.ui import project_session as ps
from clusterrank.ui.db import database
from clusterrank.ui.layout import guarded, show_problems
from clusterrank.ui.loaders import Upload
from clusterrank.ui.plain import plain
from clusterrank.ui.widgets import (
    import_columns,
    import_effect,
    import_expert,
    import_preview,
    import_source,
)

CREATED = "import__created"  # dict: the project made last, with its YAML and CSV texts
PROJECT_NAME = "import__project_name"


def _created_box() -> None:
    made = st.session_state.get(CREATED)
    if not made:
        return
    st.success(
        _(
            "Created the project {name} and opened it: the Ranking, Weights and Sensitivity "
            "pages now use it, and the Projects page lists it."
        ).format(name=plain(made["name"]))
    )
    left, right = st.columns(2)
    left.download_button(
        _("Download {file}").format(file=made["yaml_name"]),
        data=made["yaml"],
        file_name=made["yaml_name"],
        mime="application/x-yaml",
        key="import__download_yaml",
    )
    right.download_button(
        _("Download {file}").format(file=made["csv_name"]),
        data=made["csv"],
        file_name=made["csv_name"],
        mime="text/csv",
        key="import__download_csv",
    )


def _plan(upload: Upload, skip: tuple[str, ...] = ()) -> ImportPlan:
    sheet, decimal = import_source.reading_choices()
    id_col = st.session_state.get(import_columns.ID)
    name_col = st.session_state.get(import_columns.NAME)
    return import_source.plan_upload(
        upload.name,
        upload.data,
        sheet,
        decimal,
        None if id_col in {None, import_columns.MADE_IDS} else str(id_col),
        str(name_col) if name_col else None,
        skip,
        id_col == import_columns.MADE_IDS,
    )


def _choices(
    chosen: import_columns.ColumnChoices, expert: tuple[ExpertCriterion, ...]
) -> ImportChoices:
    sheet, decimal = import_source.reading_choices()
    return ImportChoices(
        sheet=sheet,
        decimal=decimal,
        id_column=chosen.id_column,
        make_ids=chosen.id_column is None,
        name_column=chosen.name_column,
        skip=chosen.skip,
        directions=chosen.directions,
        units=chosen.units,
        groups=chosen.groups,
        criteria_set=chosen.criteria_set,
        mapping=chosen.mapping,
        expert=expert,
    )


def _create(upload: Upload, made: ImportPreview, target: Target) -> None:
    name = str(st.session_state.get(PROJECT_NAME) or "").strip() or Path(upload.name).stem
    with database().session() as s:
        project = create_project(
            s,
            name=name,
            scenario_yaml=snapshot_of(made.built.scenario)[0],
            data_name=upload.name,
            data_bytes=upload.data,
        )
    ps.open_project(project.project_id)
    st.session_state[CREATED] = {
        "name": project.name,
        "yaml": made.built.yaml_text,
        "csv": made.built.csv_text,
        "yaml_name": f"{target.scenario_id}.yaml",
        "csv_name": target.data_file,
    }
    st.rerun()


def _create_box(upload: Upload, made: ImportPreview | None, target: Target) -> None:
    with st.container(border=True):
        st.markdown("**" + _("Create the project") + "**")
        st.session_state.setdefault(PROJECT_NAME, Path(upload.name).stem)
        st.text_input(_("Project name"), key=PROJECT_NAME)
        clicked = st.button(
            _("Create"), key="import__create", type="primary", disabled=made is None
        )
        if made is None:
            st.caption(_("Fix the problems listed above first: nothing is saved until then."))
        elif clicked:
            _create(upload, made, target)


def _problems(upload: Upload, problems: list[Problem]) -> None:
    count = len(problems)
    show_problems(
        problems,
        ngettext(
            "{count} problem in {file}: fix it in your file (then upload it again) or in the "
            "choices above. Nothing was saved.",
            "{count} problems in {file}: fix them in your file (then upload it again) or in "
            "the choices above. Nothing was saved.",
            count,
        ).format(count=formats.integer(count), file=plain(upload.name)),
    )


def _steps(upload: Upload) -> None:
    base = _plan(upload)
    import_source.detected(base)
    st.subheader(_("Columns"))
    id_col, name_col = import_columns.id_and_name(base)
    chosen = import_columns.indicator_choices(base, import_columns.ColumnChoices(id_col, name_col))
    plan = _plan(upload, tuple(sorted(chosen.skip))) if chosen.skip else base
    expert = import_expert.expert_criteria(plan) if chosen.criteria_set is None else ()
    st.subheader(_("Missing data"))
    policy = import_effect.policy(plan)
    stem = Path(upload.name).stem
    target = Target(
        scenario_id=slug(stem) or "imported",
        data_file=f"{slug(stem) or 'imported'}_data.csv",
        missing_data=policy,
    )
    made, problems = check(plan, _choices(chosen, expert), target)
    if made is not None:
        import_effect.effect(made.matrix)
        st.subheader(_("Preview"))
        if made.unscored:
            st.caption(
                _(
                    "Not scored yet, so left out of this preview: {criteria} (the project "
                    "keeps them; give their scores with a panel or in the data file)."
                ).format(criteria=plain(", ".join(made.unscored)))
            )
        import_preview.preview_ranking(made.report)
    else:
        _problems(upload, problems)
    _create_box(upload, made, target)


def body() -> None:
    """Draw the New scenario page."""
    st.title(_("New scenario"))
    _created_box()
    upload = import_source.upload()
    if upload is None:
        st.info(
            _(
                "Upload a table with one row per candidate: a column of names (or ids) and "
                "one column of figures per indicator. Decimal commas, ';' separators, % signs "
                "and no-data marks such as n/a or н/д are read as they are."
            )
            + " "
            + _(import_source.DECIMAL_RULE)
        )
        return
    try:
        _steps(upload)
    except ValidationFailed as exc:
        _problems(upload, list(exc.problems))


if __name__ == "__main__":
    guarded(body)
