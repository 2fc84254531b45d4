"""clusterrank.reports.settings_sheet: the one settings sheet of the Ranking and Regions exports."""

from __future__ import annotations

from clusterrank.reports.settings_sheet import settings_frame


def test_sections_then_notes_in_order() -> None:
    """A mapping gives one row per key, a plain value one row, a section may come twice, and
    the notes follow, numbered from 1."""
    frame = settings_frame(
        [("method", {"name": "topsis"}), ("method", {"normalization": "vector"}), ("all", 3)],
        ["first note", "second note"],
    )
    assert list(frame.columns) == ["section", "setting", "value"]
    assert frame.to_numpy().tolist() == [
        ["method", "name", "topsis"],
        ["method", "normalization", "vector"],
        ["all", "", "3"],
        ["note", "1", "first note"],
        ["note", "2", "second note"],
    ]
