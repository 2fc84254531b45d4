"""Save the weights in use as a named weight set of the open project, or put one back.

Weight sets live in the database; "Use this weight set" puts a saved one back in the editor
that made it (AHP judgments, objective method, or the sliders).

"Saved" is said only after the transaction committed; a taken name asks to confirm replacing.
"""

from __future__ import annotations

import streamlit as st

from clusterrank.errors import StoreError
from clusterrank.ui import project_session as ps
from clusterrank.ui.layout import safe_callback
from clusterrank.ui.plain import plain

NAME = "weightset__name"
REPLACE = "weightset__replace"
DONE = "weightset__done"  # str: the confirmation of the last committed save
PICK = "weightset__pick"  # str: the saved weight set to put back in its editor


@safe_callback
def _save() -> None:
    name = str(st.session_state.get(NAME) or "").strip()
    overwrite = bool(st.session_state.get(REPLACE))
    try:
        saved = ps.save_weights(name, overwrite=overwrite)
    except StoreError as exc:
        st.session_state[DONE] = ""
        raise StoreError(str(exc)) from None
    st.session_state[DONE] = f"Saved weight set {saved.name!r} ({saved.mode})."


@safe_callback
def _use() -> None:
    found, mode = ps.use_weight_set(str(st.session_state.get(PICK) or ""))
    where = {"ahp": "in the AHP editor", "objective": "the objective method"}.get(
        mode, "on the sliders"
    )
    st.session_state[DONE] = (
        f"Weight set {found.name!r} is {where} now (saved from the {found.mode} editor)."
    )


def render() -> None:
    """The name box, the replace confirmation and the save button."""
    with st.container(border=True):
        st.markdown("**Save as a named weight set in the open project**")
        if ps.open_id() is None:
            st.caption("Open or import a project on the Projects page to save weight sets.")
            return
        st.text_input("Weight set name", key=NAME)
        st.checkbox("Replace a weight set of the same name", key=REPLACE)
        st.button("Save weight set", key="weightset__save", on_click=_save)
        done = st.session_state.pop(DONE, "")
        if done:
            st.success(plain(done))
        names = [w.name for w in ps.weight_sets()]
        if names:
            st.caption("Saved: " + ", ".join(plain(n) for n in names))
            if st.session_state.get(PICK) not in names:
                st.session_state[PICK] = names[0]
            st.selectbox("Saved weight set", names, key=PICK)
            st.button(
                "Use this weight set",
                key="weightset__use",
                on_click=_use,
                help="Puts the saved weights back in the editor that made them, with its inputs",
            )
