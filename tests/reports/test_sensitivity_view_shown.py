"""Which candidates the Sensitivity charts draw as series (reports.sensitivity_view): all of
them up to the cap, else the top few and the picked ones in rank order; labels never merge
two candidates."""

from __future__ import annotations

from clusterrank.reports.sensitivity_view import shown_candidates, unique_labels

ORDER = [f"c{k}" for k in range(1, 21)]  # best first


def test_every_candidate_up_to_the_cap() -> None:
    assert shown_candidates(ORDER[:8], [], top=5, cap=8) == ORDER[:8]


def test_top_few_and_the_picked_in_rank_order() -> None:
    assert shown_candidates(ORDER, ["c17", "c9", "x"], top=5, cap=8) == [
        "c1",
        "c2",
        "c3",
        "c4",
        "c5",
        "c9",
        "c17",
    ]
    assert shown_candidates(ORDER, ["c2"], top=5, cap=8) == ORDER[:5]
    assert len(shown_candidates(ORDER, ORDER[5:], top=5, cap=8)) == 8


def test_a_shared_name_gets_its_id() -> None:
    labels = unique_labels(["a", "b", "c"], {"a": "Kuzbass", "b": "Kuzbass", "c": "Tomsk"})
    assert labels == {"a": "Kuzbass (a)", "b": "Kuzbass (b)", "c": "Tomsk"}
    assert unique_labels(["z"], {}) == {"z": "z"}
