"""The app's favicons as inline SVG, so the first page loads no icon from the internet.

Streamlit turns a ``:material/...:`` page icon into a request to Google's font server; an SVG
string becomes a ``data:`` URL instead (``st.set_page_config(page_icon=...)``). Drawn for this
project: three bars of a ranking (the app) and three heads (an expert's panel link).
"""

from __future__ import annotations

from typing import Final

_FRAME = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">'
    '<rect width="24" height="24" rx="5" fill="#1f4e8c"/>{}</svg>'
)
APP_ICON: Final = _FRAME.format(
    '<rect x="4" y="11" width="4.5" height="9" rx="1" fill="#fff"/>'
    '<rect x="9.75" y="5" width="4.5" height="15" rx="1" fill="#fff"/>'
    '<rect x="15.5" y="14" width="4.5" height="6" rx="1" fill="#fff"/>'
)
PANEL_ICON: Final = _FRAME.format(
    '<circle cx="12" cy="8" r="3" fill="#fff"/><circle cx="6" cy="11" r="2.3" fill="#fff"/>'
    '<circle cx="18" cy="11" r="2.3" fill="#fff"/>'
    '<path d="M6.5 20a5.5 5.5 0 0 1 11 0z" fill="#fff"/>'
    '<path d="M1.5 20a4.5 4.5 0 0 1 6-4.2 7 7 0 0 0-2 4.2zM22.5 20a4.5 4.5 0 0 0-6-4.2 '
    '7 7 0 0 1 2 4.2z" fill="#fff"/>'
)
