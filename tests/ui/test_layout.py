"""The page guard: project errors read as messages, anything else as a short internal-error
box; never a traceback (ui.layout)."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.helpers.ui import TIMEOUT, shown


def _guarded_app(kind: str) -> None:
    import streamlit as st

    from clusterrank.errors import ConfigurationError, Problem, ValidationFailed
    from clusterrank.ui.layout import guarded

    def body() -> None:
        st.write("before the error")
        if kind == "config":
            raise ConfigurationError("unknown ranking method 'topsys'; choose one of: topsis")
        if kind == "validation":
            raise ValidationFailed(
                [
                    Problem("a.yaml", "groups[0].weight", "must be >= 0 (got -1)", 7),
                    Problem("a.yaml", "candidates", "no candidates: add at least one"),
                ]
            )
        raise RuntimeError("secret detail 42")

    guarded(body)


def test_configuration_error_is_shown_as_its_message() -> None:
    at = AppTest.from_function(_guarded_app, args=("config",), default_timeout=TIMEOUT).run()
    assert not at.exception
    errors = [shown(e.value) for e in at.error]
    assert errors == ["unknown ranking method 'topsys'; choose one of: topsis"]


def test_validation_failure_lists_every_problem_with_file_and_place() -> None:
    at = AppTest.from_function(_guarded_app, args=("validation",), default_timeout=TIMEOUT).run()
    assert not at.exception
    errors = [shown(e.value) for e in at.error]  # as a reader sees them (ui.plain escapes)
    assert errors[0].startswith("2 problems found")
    assert errors[1] == "**a.yaml, line 7** — `groups[0].weight`: must be >= 0 (got -1)"
    assert errors[2] == "**a.yaml** — `candidates`: no candidates: add at least one"


def test_any_other_error_is_a_short_internal_error_box() -> None:
    at = AppTest.from_function(_guarded_app, args=("bug",), default_timeout=TIMEOUT).run()
    assert not at.exception
    assert len(at.error) == 1
    assert at.error[0].value.startswith("Internal error")
    assert "secret detail 42" not in at.error[0].value
    assert "Traceback" not in at.error[0].value
    assert at.markdown[0].value == "before the error"


def _callback_app() -> None:
    import streamlit as st

    from clusterrank.errors import MethodInputError
    from clusterrank.ui.layout import guarded, safe_callback

    @safe_callback
    def fail() -> None:
        raise MethodInputError("weights must not all be zero")

    def body() -> None:
        st.button("Go", key="go", on_click=fail)

    guarded(body)


def test_an_error_in_a_callback_is_shown_on_the_page() -> None:
    at = AppTest.from_function(_callback_app, default_timeout=TIMEOUT).run()
    at.button(key="go").click().run()
    assert not at.exception
    assert [shown(e.value) for e in at.error] == ["weights must not all be zero"]
    at.run()
    assert not at.error  # shown once
