"""Save the weights in use as a named weight set of the open project, or put one back.

Weight sets live in the database; "Use this weight set" puts a saved one back in the editor
that made it (AHP judgments, objective method, or the sliders).

"Saved" is said only after the transaction committed; a taken name asks to confirm replacing.
"""

from __future__ import annotations

import streamlit as st

from clusterrank.errors import StoreError
from clusterrank.i18n import N_, _, pgettext
from clusterrank.ui import project_session as ps
from clusterrank.ui.layout import safe_callback
from clusterrank.ui.plain import plain

NAME = "weightset__name"
REPLACE = "weightset__replace"
DONE = "weightset__done"  # str: the confirmation of the last committed save
PICK = "weightset__pick"  # str: the saved weight set to put back in its editor
IN_EDITOR = {
    "ahp": N_("Weight set {name} is in the AHP editor now (saved from the {editor} editor)."),
    "objective": N_(
        "Weight set {name} is the objective method now (saved from the {editor} editor)."
    ),
    "sliders": N_("Weight set {name} is on the sliders now (saved from the {editor} editor)."),
}
"""What "Use this weight set" did, per editor it went back into (whole sentences)."""


def editor_name(mode: str) -> str:
    """The editor a weight set was saved from, as a word in the current language."""
    names = {
        "sliders": pgettext("weight editor", "sliders"),
        "ahp": pgettext("weight editor", "ahp"),
        "objective": pgettext("weight editor", "objective"),
    }
    return names.get(mode, mode)


@safe_callback
def _save() -> None:
    name = str(st.session_state.get(NAME) or "").strip()
    overwrite = bool(st.session_state.get(REPLACE))
    try:
        saved = ps.save_weights(name, overwrite=overwrite)
    except StoreError as exc:
        st.session_state[DONE] = ""
        raise StoreError(str(exc)) from None
    st.session_state[DONE] = _("Saved weight set {name} ({editor}).").format(
        name=repr(saved.name), editor=editor_name(saved.mode)
    )


@safe_callback
def _use() -> None:
    found, mode = ps.use_weight_set(str(st.session_state.get(PICK) or ""))
    said = IN_EDITOR.get(mode, IN_EDITOR["sliders"])
    st.session_state[DONE] = _(said).format(name=repr(found.name), editor=editor_name(found.mode))


def render() -> None:
    """The name box, the replace confirmation and the save button."""
    with st.container(border=True):
        st.markdown("**" + _("Save as a named weight set in the open project") + "**")
        if ps.open_id() is None:
            st.caption(_("Open or import a project on the Projects page to save weight sets."))
            return
        st.text_input(_("Weight set name"), key=NAME)
        st.checkbox(_("Replace a weight set of the same name"), key=REPLACE)
        st.button(_("Save weight set"), key="weightset__save", on_click=_save)
        done = st.session_state.pop(DONE, "")
        if done:
            st.success(plain(done))
        names = [w.name for w in ps.weight_sets()]
        if names:
            st.caption(_("Saved: {names}").format(names=", ".join(plain(n) for n in names)))
            if st.session_state.get(PICK) not in names:
                st.session_state[PICK] = names[0]
            st.selectbox(_("Saved weight set"), names, key=PICK)
            st.button(
                _("Use this weight set"),
                key="weightset__use",
                on_click=_use,
                help=_("Puts the saved weights back in the editor that made them, with its inputs"),
            )
