"""Streamlit pages, one file each; `streamlit_app.py` registers them with ``st.navigation``.

Each file is run by Streamlit as a script (``__name__ == "__main__"``) and only then renders,
so it can also be imported by tests and type checkers without side effects.
"""
