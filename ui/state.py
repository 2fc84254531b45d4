"""The session: which scenario is loaded, how its weights are set, and results computed once.

Everything lives in ``st.session_state`` under the keys below, initialised once per session by
:func:`init`. Results are derived, never stored twice: the weight report and every ranking are
memoised in the session under a key made of the scenario's load counter and the inputs that
produced them, so a rerun computes each at most once and a rerun that changed nothing
computes nothing.

Weights come from one of three editors (``WEIGHT_MODES``). The mode selected on the Weights page
is the source of the weights in use; its inputs live in session state (slider percentages,
judgment values, objective method) so they survive page switches.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Hashable, Mapping
from datetime import datetime
from typing import Any, TypeVar

import streamlit as st

from clusterrank.analysis.compare import MethodComparison, compare_methods
from clusterrank.analysis.ranking import rank_scenario
from clusterrank.analysis.report import RankingReport
from clusterrank.analysis.weights import (
    WeightReport,
    resolve_weights,
    weights_from_data,
    weights_from_sliders,
)
from clusterrank.criteria.decision_matrix import DecisionMatrix
from clusterrank.criteria.models.scenario import AHPWeights, Scenario
from clusterrank.errors import ClusterRankError, Problem, ValidationFailed
from clusterrank.i18n import N_, _, language
from clusterrank.ui import ahp_state
from clusterrank.ui.loaders import Loaded, again, default_scenario, load_shipped
from clusterrank.ui.widgets.weight_logic import to_percent

T = TypeVar("T")
log = logging.getLogger("clusterrank.ui")

LOADED = "loaded"  # Loaded | None: the scenario in use (always the last valid one)
LOAD_COUNT = "load_count"  # int: bumped on every successful load (part of every memo key)
LOADED_LANG = "loaded_lang"  # str: the language the titles of LOADED were resolved in
PROBLEMS = "load_problems"  # list[Problem]: what was wrong with the last rejected load
WEIGHT_MODE = "weight_mode"  # "sliders" | "ahp" | "objective"
GROUP_PCT = "slider_groups"  # dict[group id, percent]
LOCAL_PCT = "slider_local"  # dict[group id, dict[criterion id, percent]]
OBJECTIVE = "objective_method"  # str
METHOD = "method"  # str: ranking method
METHOD_SETTINGS = "method_settings"  # dict[method, dict[setting, value]]
BASELINE = "baseline"  # dict[candidate id, rank]
BASELINE_LABEL = "baseline_label"  # str: what the baseline is (a msgid, see baseline_label)
BASELINE_TIME = "baseline_time"  # str: when the weights of the baseline were saved
MEMO = "_memo"  # dict[str, tuple[key, value]]
CALLBACK_ERROR = "callback_error"  # ClusterRankError | str | None: raised in a widget callback
OPEN_SECTIONS = "open_sections"  # dict[toggle key, bool]: optional page sections the user opened
WIDGET_PREFIXES = (
    "w_group__",
    "w_local__",
    "lock__",
    "ahp__",
    "ahp_derivation__",
    "ahp_random_index__",
    "objective__",
    "weight_mode__",
)
METHOD_WIDGET_PREFIXES = ("method__", "setting__", "compare__")

WEIGHT_MODES: dict[str, str] = {  # labels: N_, translate with _() where shown
    "sliders": N_("Sliders"),
    "ahp": N_("AHP pairwise judgments"),
    "objective": N_("Objective (from the data)"),
}
FILE_BASELINE = N_("the scenario file's weights")
SAVED_BASELINE = N_("weights saved at {time}")


def init() -> None:
    """Set up the session once: load the default scenario (the shipped Kemerovo one)."""
    if LOADED in st.session_state:
        follow_language()
        return
    st.session_state[LOADED] = None
    st.session_state[LOAD_COUNT] = 0
    st.session_state[PROBLEMS] = []
    st.session_state[MEMO] = {}
    path = default_scenario()
    try:
        use(load_shipped(path))
    except ValidationFailed as exc:
        st.session_state[PROBLEMS] = list(exc.problems)
    except ClusterRankError as exc:
        st.session_state[PROBLEMS] = [Problem(str(path), "", str(exc))]


def use(loaded: Loaded) -> None:
    """Make ``loaded`` the scenario in use: weights back to the file's, baseline re-ranked."""
    _put(loaded)
    st.session_state[PROBLEMS] = []
    scenario = loaded.scenario
    st.session_state[METHOD] = scenario.method.name
    st.session_state[METHOD_SETTINGS] = {scenario.method.name: dict(scenario.method.settings)}
    forget_widgets(METHOD_WIDGET_PREFIXES)
    reset_weights()


def _put(loaded: Loaded) -> None:
    """``loaded`` in use, in the language of this run; every memoised result forgotten."""
    st.session_state[LOADED] = loaded
    st.session_state[LOADED_LANG] = language()
    st.session_state[LOAD_COUNT] = int(st.session_state.get(LOAD_COUNT, 0)) + 1
    st.session_state[MEMO] = {}


def follow_language() -> None:
    """Resolve the scenario in use again when the session's language changed since it loaded.

    Bilingual titles are picked when a scenario loads: after a switch, the same file (or
    upload, or snapshot) is read again in the new language. Weights, method, settings and
    the baseline stay as the user left them (they are keyed by ids, not titles). Should the
    file no longer validate, the scenario in use stays as it was.
    """
    current = loaded()
    lang = language()
    if current is None or st.session_state.get(LOADED_LANG, lang) == lang:
        return
    try:
        _put(again(current))
    except ClusterRankError as exc:
        st.session_state[LOADED_LANG] = lang  # not tried again on every run
        log.warning("could not read %s again in %s: %s", current.source, lang, exc)


def reject(problems: list[Problem]) -> None:
    """Record a failed load; the scenario in use stays as it was."""
    st.session_state[PROBLEMS] = list(problems)


def forget_widgets(prefixes: tuple[str, ...]) -> None:
    """Drop widget values so the widgets re-read their canonical state when next drawn.

    Call only before the widgets are drawn (in a callback or before navigation).
    """
    for key in [k for k in st.session_state if str(k).startswith(prefixes)]:
        del st.session_state[key]


def loaded() -> Loaded | None:
    """The scenario in use, or None before one is loaded."""
    return st.session_state.get(LOADED)


def require() -> Loaded:
    """The scenario in use; a page without one shows how to get one."""
    current = loaded()
    if current is None:
        problems = st.session_state.get(PROBLEMS) or []
        if problems:
            raise ValidationFailed(problems)
        msg = _("no scenario is loaded: pick a shipped one or upload one on the Scenario page")
        raise ClusterRankError(msg)
    return current


def memo(name: str, key: Hashable, compute: Callable[[], T]) -> T:
    """Return the value stored under ``name`` if it was computed from ``key``, else compute it.

    Keys always include the load counter, so a new scenario never sees an old result.
    """
    store: dict[str, tuple[Hashable, Any]] = st.session_state.setdefault(MEMO, {})
    full_key = (st.session_state.get(LOAD_COUNT, 0), key)
    hit = store.get(name)
    if hit is not None and hit[0] == full_key:
        return hit[1]
    value = compute()
    store[name] = (full_key, value)
    return value


# ---- weights -----------------------------------------------------------------------------


def file_weights() -> WeightReport:
    """The weights the scenario file sets (criteria set defaults, direct or AHP)."""
    current = require()
    return memo("file_weights", None, lambda: resolve_weights(current.scenario))


def reset_weights() -> None:
    """Every weight editor back to what the scenario file says."""
    current = require()
    report = file_weights()
    forget_widgets(WIDGET_PREFIXES)
    seed_sliders(report)
    ahp_state.seed(current.scenario)
    st.session_state[OBJECTIVE] = "entropy"
    is_ahp = isinstance(current.scenario.weights, AHPWeights)
    st.session_state[WEIGHT_MODE] = "ahp" if is_ahp else "sliders"
    save_baseline(FILE_BASELINE)


def slider_percent(
    report: WeightReport,
) -> tuple[dict[str, float], dict[str, dict[str, float]]]:
    """``report``'s group and local weights as slider percentages (by group, by criterion)."""
    local: dict[str, dict[str, float]] = {g: {} for g in report.group_ids}
    for crit, group, w in zip(
        report.criteria, report.groups, report.local_weights.tolist(), strict=True
    ):
        local[group][crit] = w
    return to_percent(report.group_map()), {g: to_percent(v) for g, v in local.items()}


def seed_sliders(report: WeightReport) -> None:
    """Put the sliders where ``report``'s group and local weights are."""
    st.session_state[GROUP_PCT], st.session_state[LOCAL_PCT] = slider_percent(report)


def weights() -> WeightReport:
    """The weights in use, from the selected editor (computed once per change)."""
    current = require()
    mode = st.session_state.get(WEIGHT_MODE, "sliders")
    if mode == "ahp":
        return ahp_state.weights(current.scenario, memo)
    if mode == "objective":
        method = str(st.session_state.get(OBJECTIVE, "entropy"))
        return memo(
            "weights",
            ("objective", method),
            lambda: weights_from_data(current.scenario, current.matrix, method),
        )
    groups: Mapping[str, float] = st.session_state[GROUP_PCT]
    local: Mapping[str, Mapping[str, float]] = st.session_state[LOCAL_PCT]
    flat = {c: v for block in local.values() for c, v in block.items()}  # percent, as shown
    key = ("sliders", tuple(groups.items()), tuple(flat.items()))
    return memo("weights", key, lambda: weights_from_sliders(current.scenario, groups, flat))


def weights_key() -> tuple[Any, ...]:
    """What identifies the weights in use (for memo keys of anything that depends on them)."""
    return tuple(round(w, 15) for w in weights().global_weights.tolist())


# ---- ranking -----------------------------------------------------------------------------


def method_settings(method: str) -> dict[str, Any]:
    """The session's settings for ``method`` (a dict kept and edited in place)."""
    store: dict[str, dict[str, Any]] = st.session_state.setdefault(METHOD_SETTINGS, {})
    return store.setdefault(method, {})


def ranking(method: str | None = None) -> RankingReport:
    """The ranking with the weights in use (by default with the selected method)."""
    current = require()
    name = method or str(st.session_state.get(METHOD, current.scenario.method.name))
    settings = dict(method_settings(name))
    w = weights()
    key = (name, tuple(sorted((k, repr(v)) for k, v in settings.items())), weights_key())
    return memo(
        f"ranking:{name}",
        key,
        lambda: rank_scenario(
            current.scenario, method=name, settings=settings, weights=w, matrix=current.matrix
        ),
    )


def comparison(methods: tuple[str, ...]) -> MethodComparison:
    """Every method in ``methods`` ranked with the weights in use, with rank correlations."""
    current = require()
    w = weights()
    settings = {m: dict(method_settings(m)) for m in methods}
    picked = str(st.session_state.get(METHOD))
    known = {picked: ranking(picked)} if picked in methods else {}
    key = (methods, repr(sorted(settings.items())), weights_key())
    return memo(
        "comparison",
        key,
        lambda: compare_methods(
            current.scenario,
            current.matrix,
            w,
            methods=methods,
            settings=settings,
            precomputed=known,
        ),
    )


def save_baseline(label: str | None = None) -> None:
    """Remember the current ranks: the rank-change column counts moves from here.

    ``label`` is a message id (``N_``), shown translated by :func:`baseline_label`.
    """
    report = ranking()
    st.session_state[BASELINE] = dict(
        zip(report.result.candidates, report.result.ranks.tolist(), strict=True)
    )
    st.session_state[BASELINE_TIME] = datetime.now().strftime("%H:%M:%S")
    st.session_state[BASELINE_LABEL] = label or SAVED_BASELINE


def baseline_label() -> str:
    """What the rank changes count from, in the current language."""
    label = str(st.session_state.get(BASELINE_LABEL) or FILE_BASELINE)
    text = _(label)
    if label == SAVED_BASELINE:
        text = text.format(time=st.session_state.get(BASELINE_TIME, ""))
    return text


def rank_changes(report: RankingReport) -> dict[str, int]:
    """Places moved up since the baseline (+2 = two places better, -1 = one worse)."""
    base: Mapping[str, int] = st.session_state.get(BASELINE, {})
    return {
        cid: int(base[cid]) - int(r)
        for cid, r in zip(report.result.candidates, report.result.ranks.tolist(), strict=True)
        if cid in base
    }


def scenario() -> Scenario:
    """The scenario in use (see :func:`require`)."""
    return require().scenario


def matrix() -> DecisionMatrix:
    """The decision matrix of the scenario in use (see :func:`require`)."""
    return require().matrix


def summary() -> tuple[str | None, str | None, str | None]:
    """Scenario title, where it came from, and which editor sets the weights (no computing)."""
    current = loaded()
    if current is None:
        return None, None, None
    label = WEIGHT_MODES.get(str(st.session_state.get(WEIGHT_MODE)))
    mode = _(label) if label else ""
    if st.session_state.get(WEIGHT_MODE) == "objective":
        mode += f": {st.session_state.get(OBJECTIVE)}"
    if current.weights_from:
        mode = _("{source} ({editor})").format(source=current.weights_from, editor=mode.lower())
    return current.scenario.title or current.scenario.id, current.source, mode


def seed_widget(key: str, value: object) -> None:
    """Give a widget its value from session state (never through ``value=``), once."""
    if key not in st.session_state:
        st.session_state[key] = value


def section_toggle(key: str, label: str, help: str) -> bool:
    """A toggle for a page section computed only when shown (off until the user opens it).

    Its position is remembered under :data:`OPEN_SECTIONS`, so an opened section stays open
    when the user comes back from another page (Streamlit forgets a widget's own value once a
    page without it has run).
    """
    opened: dict[str, bool] = st.session_state.setdefault(OPEN_SECTIONS, {})
    seed_widget(key, opened.get(key, False))
    opened[key] = bool(st.toggle(label, key=key, help=help))
    return opened[key]
