"""The Streamlit front end: pages that collect input and render what `analysis` computes.

Nothing here computes a decision number. Pages call :mod:`analysis`, :mod:`criteria` and
:mod:`methods`; widgets turn user gestures into the inputs those calls take.
"""
