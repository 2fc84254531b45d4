"""Projects page: open, rename, duplicate, delete (confirmed, undoable), import, export.

A project keeps a scenario (self-contained: its figures inline), the data file it came with,
its named weight sets, panels and saved analyses in the panel database. The open project is in the
URL (``?project=ID``): a reload or a bookmark returns to it. Shipped examples open read-only.
"""

from __future__ import annotations

import streamlit as st

from clusterrank.analysis.projects import export_zip, file_stem
from clusterrank.errors import ClusterRankError
from clusterrank.i18n import _, ngettext
from clusterrank.store.project_records import ProjectInfo
from clusterrank.store.projects import (
    UNDO_WINDOW,
    create_project,
    delete_project,
    duplicate_project,
    get_project,
    list_projects,
    list_weight_sets,
    purge_deleted,
    rename_project,
    restore_project,
)
from clusterrank.ui import project_session as ps
from clusterrank.ui.db import database
from clusterrank.ui.layout import guarded, safe_callback
from clusterrank.ui.loaders import Upload, load_uploaded, shipped_scenarios
from clusterrank.ui.plain import plain
from clusterrank.ui.widgets import project_panels, saved_analyses

CONFIRM = "projects__confirm_delete"  # str | None: the project asked to be deleted
UNDO = "projects__undo_pending"  # tuple[id, name] | None: the last deleted project


def _notice(text: str) -> None:
    st.session_state[ps.NOTICE] = text


@safe_callback
def _open(project_id: str) -> None:
    project = ps.open_project(project_id)
    _notice(_("Opened '{name}'.").format(name=project.name))


@safe_callback
def _rename(project_id: str) -> None:
    name = str(st.session_state.get(f"projects__name__{project_id}", ""))
    with database().session() as s:
        rename_project(s, project_id, name)
    _notice(_("Renamed to '{name}'.").format(name=name.strip()))


@safe_callback
def _duplicate(project_id: str) -> None:
    with database().session() as s:
        copy = duplicate_project(s, project_id)
    _notice(_("Made '{name}'.").format(name=copy.name))


@safe_callback
def _ask_delete(project_id: str) -> None:
    st.session_state[CONFIRM] = project_id


@safe_callback
def _delete(project_id: str, name: str) -> None:
    st.session_state[CONFIRM] = None
    with database().session() as s:
        delete_project(s, project_id)
    if ps.open_id() == project_id:
        ps.close_project()
    st.session_state[UNDO] = (project_id, name)


@safe_callback
def _undo() -> None:
    project_id, name = st.session_state.pop(UNDO)
    with database().session() as s:
        restore_project(s, project_id)
    _notice(_("Restored '{name}'.").format(name=name))


@safe_callback
def _import() -> None:
    yaml_file = st.session_state.get("projects__upload_yaml")
    if yaml_file is None:
        msg = _("choose a scenario YAML file to import first")
        raise ClusterRankError(msg)
    data_file = st.session_state.get("projects__upload_data")
    data = Upload(data_file.name, data_file.getvalue()) if data_file else None
    scenario_file = Upload(yaml_file.name, yaml_file.getvalue())
    loaded = load_uploaded(scenario_file, data, None, inline=True)
    name = str(st.session_state.get("projects__import_name") or "").strip()
    with database().session() as s:
        made = create_project(
            s,
            name=name or loaded.scenario.title or loaded.scenario.id,
            scenario_yaml=loaded.text,
            data_name=data.name if data else None,
            data_bytes=data.data if data else None,
        )
    ps.open_project(made.project_id)
    _notice(_("Imported '{name}' and opened it.").format(name=made.name))


@safe_callback
def _open_example() -> None:
    path = shipped_scenarios()[str(st.session_state["projects__example"])]
    project = ps.open_example(path)
    _notice(
        _("Opened the example '{name}' (read-only: saving makes a copy).").format(name=project.name)
    )


def _row(project: ProjectInfo) -> None:
    pid = project.project_id
    with st.container(border=True):
        name = plain(project.name)
        is_open = pid == ps.open_id()
        st.markdown(_("**{name}** · **open**").format(name=name) if is_open else f"**{name}**")
        changed = f"{project.updated_at:%Y-%m-%d %H:%M}"
        st.caption(
            _("changed {when} UTC · read-only example").format(when=changed)
            if project.read_only
            else _("changed {when} UTC").format(when=changed)
        )
        cols = st.columns(4)
        cols[0].button(_("Open"), key=f"projects__open__{pid}", on_click=_open, args=(pid,))
        cols[1].button(
            _("Duplicate"), key=f"projects__dup__{pid}", on_click=_duplicate, args=(pid,)
        )
        cols[2].button(_("Delete"), key=f"projects__del__{pid}", on_click=_ask_delete, args=(pid,))
        if not project.read_only:
            with cols[3].popover(_("Rename")):
                st.text_input(_("New name"), value=project.name, key=f"projects__name__{pid}")
                st.button(
                    _("Rename"), key=f"projects__rename__{pid}", on_click=_rename, args=(pid,)
                )
        if st.session_state.get(CONFIRM) == pid:
            st.warning(_("Delete {name}? You can undo for a while.").format(name=name))
            yes, no = st.columns(2)
            yes.button(
                _("Yes, delete"),
                key=f"projects__yes__{pid}",
                on_click=_delete,
                args=(pid, project.name),
                type="primary",
            )
            no.button(_("Cancel"), key=f"projects__no__{pid}", on_click=_ask_delete, args=(None,))


def _undo_box() -> None:
    pending = st.session_state.get(UNDO)
    if pending is None:
        return
    minutes = int(UNDO_WINDOW.total_seconds() // 60)
    st.info(
        ngettext(
            "Deleted {name}. Undo within {n} minute.",
            "Deleted {name}. Undo within {n} minutes.",
            minutes,
        ).format(name=plain(pending[1]), n=minutes)
    )
    st.button(_("Undo delete"), key="projects__undo", on_click=_undo)


def _export() -> None:
    project_id = ps.open_id()
    if project_id is None:
        return
    with database().session() as s:
        project = get_project(s, project_id, with_data=True)
        sets = list_weight_sets(s, project_id)
    st.subheader(_("Export the open project"))
    st.download_button(
        _("Download {name} (zip: YAML, data, weight sets)").format(name=project.name),
        data=export_zip(project, sets),
        file_name=f"{file_stem(project.name)}.zip",
        mime="application/zip",
        key="projects__export",
    )


def _import_box() -> None:
    with st.container(border=True):
        st.markdown(_("**Import a scenario as a project**"))
        st.file_uploader(_("Scenario (YAML)"), type=["yaml", "yml"], key="projects__upload_yaml")
        st.file_uploader(
            _("Data (CSV or Excel), if the scenario names a data file"),
            type=["csv", "xlsx", "xls"],
            key="projects__upload_data",
        )
        st.text_input(
            _("Project name (default: the scenario's title)"), key="projects__import_name"
        )
        st.button(_("Import as a project"), key="projects__import", on_click=_import)
    with st.container(border=True):
        st.markdown(_("**Shipped examples** (open read-only; saving weights makes a copy)"))
        st.selectbox(_("Example"), list(shipped_scenarios()), key="projects__example")
        st.button(_("Open the example"), key="projects__open_example", on_click=_open_example)


def body() -> None:
    """Draw the Projects page."""
    st.title(_("Projects"))
    notice = st.session_state.pop(ps.NOTICE, None)
    if notice:
        st.success(plain(notice))
    with database().session() as s:
        purge_deleted(s)
        projects = list_projects(s)
    _undo_box()
    if not projects:
        st.info(_("No projects yet: import a scenario or open a shipped example below."))
    for project in projects:
        _row(project)
    project_panels.render()
    saved_analyses.render()
    _export()
    _import_box()


if __name__ == "__main__":
    guarded(body)
