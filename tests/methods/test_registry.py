"""Tests for methods.registry: rank(), available_methods(), get_batch_scorer().

The registry's wiring to the pymcdm catalogue is tested against a stand-in catalogue and a
stand-in adapter module put into ``sys.modules``, so these tests check the registry alone
(merging, orientation, settings, batching). AHP synthesis is the real one.
"""

from __future__ import annotations

import sys
import types
from collections.abc import Callable, Mapping
from typing import Any

import numpy as np
import numpy.typing as npt
import pytest

import clusterrank.methods.registry as registry
from clusterrank import methods
from clusterrank.errors import ConfigurationError, MethodInputError
from clusterrank.methods import MethodInfo, RankingResult, available_methods, get_batch_scorer, rank
from clusterrank.methods.ahp.synthesis import local_priorities
from clusterrank.methods.info import SettingInfo
from clusterrank.methods.pymcdm_catalogue import RankingSpec
from clusterrank.methods.topsis import topsis
from clusterrank.methods.weighted_sum import wsm
from tests.helpers.problems import DecisionProblem

FloatArray = npt.NDArray[np.float64]
X = np.array([[3.0, 20.0, 1.0], [5.0, 10.0, 4.0], [4.0, 15.0, 2.0], [1.0, 12.0, 8.0]])
DIRS = ["max", "min", "max"]


def _info(name: str, higher: bool, kind: Any = "ranking") -> MethodInfo:
    return MethodInfo(
        name=name,
        title=name.upper(),
        kind=kind,
        implementation="pymcdm",
        reference="stand-in",
        higher_is_better=higher,
        settings={"v": SettingInfo(0.5, (0.25, 0.5, 0.75))} if name == "fake_vikor" else {},
    )


@pytest.fixture
def fake_adapter(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, Mapping[str, Any]]]:
    """Stand-in pymcdm catalogue and adapter: 'fake_vikor' (lower is better: weighted distance
    from the column maxima) and a clashing 'topsis'; records every rank_with_pymcdm call."""
    calls: list[tuple[str, Mapping[str, Any]]] = []

    def rank_with_pymcdm(
        name: str,
        x: FloatArray,
        w: FloatArray,
        d: Any,
        s: Mapping[str, Any],
        *,
        labels: Any = None,
    ) -> tuple[FloatArray, bool, list[str], dict[str, Any]]:
        calls.append((name, dict(s)))
        gap = np.where(np.asarray(d) > 0, x.max(axis=0) - x, x - x.min(axis=0))
        return gap @ w, False, ["fake note"], {"v": s["v"]}

    specs = {
        info.name: RankingSpec(info.name, "Stand-in", info)
        for info in (_info("fake_vikor", False), _info("topsis", True))
    }
    monkeypatch.setattr(registry, "RANKING", specs)
    monkeypatch.setattr(
        registry, "WEIGHTING", {"fake_entropy": _info("fake_entropy", True, "weighting")}
    )
    module = types.ModuleType("clusterrank.methods.pymcdm_adapter")
    module.rank_with_pymcdm = rank_with_pymcdm  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "clusterrank.methods.pymcdm_adapter", module)
    return calls


def test_package_exports() -> None:
    """methods exports the registry API and the shared types."""
    assert methods.rank is rank
    assert methods.RankingResult is RankingResult
    assert {"rank", "available_methods", "get_batch_scorer", "MethodInfo"} <= set(methods.__all__)


def test_rank_defaults_to_vector_topsis() -> None:
    """rank() = topsis() by default, ids A1.., C1.., settings echoed with the default."""
    res = rank(X, [0.5, 0.3, 0.2], DIRS)
    ref = topsis(X, [0.5, 0.3, 0.2], DIRS)
    np.testing.assert_allclose(res.scores, ref.scores)
    assert dict(res.settings) == {"normalization": "vector"}
    assert res.candidates == ("A1", "A2", "A3", "A4")
    assert res.criteria == ("C1", "C2", "C3")


def test_rank_wsm_with_ids_and_settings() -> None:
    """Own WSM through the registry equals wsm(); ids are carried; settings echoed."""
    res = rank(X, [1, 1, 1], DIRS, "WSM", candidates=list("abcd"), criteria=["p", "q", "r"],
               settings={"normalization": "max"})  # fmt: skip
    ref = wsm(X, [1, 1, 1], DIRS, "max")
    np.testing.assert_allclose(res.scores, ref.scores)
    assert res.method == "wsm"
    assert res.candidates == ("a", "b", "c", "d")
    assert dict(res.settings) == {"normalization": "max"}
    assert any("rescaled to sum to 1" in note for note in res.notes)
    np.testing.assert_allclose(res.weights, [1 / 3] * 3)


def test_unknown_method_names_allowed(fake_adapter: list[Any]) -> None:
    """An unknown method is a ConfigurationError listing own and catalogue names."""
    with pytest.raises(ConfigurationError, match=r"topsis, wsm, ahp, fake_vikor"):
        rank(X, None, DIRS, "electre")


def test_bad_settings_name_allowed_values() -> None:
    """Unknown setting names and values are ConfigurationErrors naming what is allowed."""
    with pytest.raises(ConfigurationError, match="its settings are: normalization"):
        rank(X, None, DIRS, "topsis", settings={"norm": "vector"})
    with pytest.raises(ConfigurationError, match="must be one of vector, minmax"):
        rank(X, None, DIRS, "topsis", settings={"normalization": "sum"})
    with pytest.raises(ConfigurationError, match="distributive, ideal"):
        rank(X, None, DIRS, "ahp", settings={"mode": "multiplicative"})


def test_weights_handling() -> None:
    """None -> equal weights with a note; negative or all-zero weights -> MethodInputError."""
    res = rank(X, None, DIRS)
    np.testing.assert_allclose(res.weights, [1 / 3] * 3)
    assert any("equal weights" in note for note in res.notes)
    with pytest.raises(MethodInputError, match=">= 0"):
        rank(X, [0.5, -0.1, 0.6], DIRS)
    with pytest.raises(MethodInputError, match="not all be zero"):
        rank(X, [0, 0, 0], DIRS, "wsm")


def test_ids_and_directions_checked() -> None:
    """Wrong-length or duplicate ids are MethodInputErrors; no directions -> benefit + note."""
    with pytest.raises(MethodInputError, match="expected 4 candidate ids"):
        rank(X, None, DIRS, candidates=["a", "b"])
    with pytest.raises(MethodInputError, match="'p' more than once"):
        rank(X, None, DIRS, criteria=["p", "p", "q"])
    res = rank(X, None)
    assert res.notes[0].startswith("no directions given")
    np.testing.assert_allclose(res.scores, topsis(X, None, ["max"] * 3).scores)


def test_catalogue_merge_and_orientation(fake_adapter: list[Any]) -> None:
    """Own names win over the catalogue; a lower-is-better method ranks ascending."""
    names = [i.name for i in available_methods("ranking")]
    assert names.count("topsis") == 1
    assert names[:3] == ["topsis", "wsm", "ahp"]
    assert "fake_vikor" in names
    assert [i.name for i in available_methods("weighting")] == ["fake_entropy"]
    assert len(available_methods()) == len(names) + 1
    res = rank(X, [0.2, 0.3, 0.5], DIRS, "fake_vikor")
    assert not res.higher_is_better
    assert res.ranks[int(np.argmin(res.scores))] == 1
    assert dict(res.settings) == {"v": 0.5}
    assert "fake note" in res.notes
    assert fake_adapter[-1] == ("fake_vikor", {"v": 0.5})
    with pytest.raises(ConfigurationError, match="kind must be one of"):
        available_methods("sorting")


def test_batch_scorer_catalogue_loops(fake_adapter: list[Any]) -> None:
    """Catalogue methods fall back to a loop over rows (batch=False) with the same scores."""
    scorer = get_batch_scorer("fake_vikor", X, DIRS, {"v": 0.25})
    assert scorer.batch is False
    assert scorer.higher_is_better is False
    w = np.array([[1.0, 1.0, 2.0], [0.2, 0.5, 0.3]])
    out = scorer.scores(w)
    assert out.shape == (2, 4)
    for row, expect in zip(w, out, strict=True):
        np.testing.assert_allclose(
            rank(X, row, DIRS, "fake_vikor", settings={"v": 0.25}).scores, expect
        )


def test_ahp_through_registry() -> None:
    """AHP = weighted sum of the local priorities (methods.ahp.synthesis), in both modes,
    batched and single."""
    w = np.array([0.5, 0.25, 0.25])
    for mode in ("distributive", "ideal"):
        res = rank(X, w, DIRS, "ahp", settings={"mode": mode})
        local = res.details["local_priorities"]
        np.testing.assert_allclose(local, local_priorities(X, DIRS, mode)[0], rtol=1e-15)
        np.testing.assert_allclose(res.scores, local @ w)
        assert dict(res.settings) == {"mode": mode}
        scorer = get_batch_scorer("ahp", X, DIRS, {"mode": mode})
        np.testing.assert_allclose(scorer.scores(w)[0], res.scores)


@pytest.mark.parametrize(("method", "setting"), [("topsis", "minmax"), ("wsm", "sum")])
def test_batch_scorer_matches_rank(
    method: str,
    setting: str,
    make_problem: Callable[..., DecisionProblem],
    weight_batch: Callable[[int, int, int], FloatArray],
) -> None:
    """Own kernels: one vectorised pass whose rows equal rank() called per weight vector."""
    p = make_problem(8, 4, seed=21)
    scorer = get_batch_scorer(method, p.matrix, p.directions, {"normalization": setting})
    assert scorer.batch
    assert scorer.higher_is_better
    w = weight_batch(30, 4, 2)
    out = scorer.scores(w * 7.0)
    for k in (0, 13, 29):
        ref = rank(p.matrix, w[k], p.directions, method, settings={"normalization": setting})
        np.testing.assert_allclose(out[k], ref.scores, rtol=1e-12)


def test_batch_scorer_prepares_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Repeated scores() calls do no per-matrix work: the TOPSIS preparation runs once."""
    calls = []
    real = registry.prepare_topsis_problem

    def counting(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(registry, "prepare_topsis_problem", counting)
    scorer = get_batch_scorer("topsis", X, DIRS)
    for seed in range(3):
        scorer.scores(np.random.default_rng(seed).random((5, 3)))
    assert len(calls) == 1


def test_batch_scorer_rejects_bad_weights() -> None:
    """Negative or wrongly shaped weight batches are MethodInputErrors."""
    scorer = get_batch_scorer("wsm", X, DIRS)
    with pytest.raises(MethodInputError, match=">= 0"):
        scorer.scores([[1.0, -1.0, 1.0]])
    with pytest.raises(MethodInputError, match=r"shape \(N, 3\)"):
        scorer.scores(np.ones((2, 4)))
