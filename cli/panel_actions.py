"""The work behind `clusterrank panel ...` (imported only when a panel command runs)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from clusterrank.cli.commands.panel import facilitator_key
from clusterrank.cli.output import emit, output_error, to_json
from clusterrank.cli.panel_text import (
    created_text,
    results_text,
    status_text,
    survey_text,
)
from clusterrank.cli.paths import check_output_args, file_scope
from clusterrank.errors import ConfigurationError
from clusterrank.i18n import _, ngettext
from clusterrank.panel.expert import link
from clusterrank.store import FacilitatorAccess, Store, append_audit, open_store


def _open(args: argparse.Namespace) -> tuple[Store, FacilitatorAccess]:
    from clusterrank.panel.service import facilitator

    db = open_store(args.db)
    return db, facilitator(db, args.panel, facilitator_key(args))


def _list(text: str | None) -> list[str] | None:
    if text is None:
        return None
    return [part.strip() for part in text.split(",") if part.strip()]


def do_create(args: argparse.Namespace) -> int:
    """``clusterrank panel create``: make the panel and print its id, key and expert links.

    Returns the exit status, 0.
    """
    from clusterrank.panel.service import create, default_settings
    from clusterrank.panel.snapshot import snapshot_scenario

    db = open_store(args.db)
    scope = file_scope(args, args.scenario)
    _text, scenario = snapshot_scenario(args.scenario, scope)
    settings = default_settings(scenario, illustrative=args.illustrative or None)
    made = create(
        db,
        args.scenario,
        args.experts,
        ask=_list(args.ask),
        nodes=_list(args.nodes),
        title=args.title,
        settings=settings,
        scope=scope,
    )
    panel_id = made.panel.panel_id
    payload = {
        "panel": panel_id,
        "title": made.title,
        "facilitator_key": made.panel.facilitator_key,
        "illustrative": made.settings.illustrative,
        "asks": made.questionnaire.asked(),
        "round": 1,
        "items": list(made.questionnaire.item_keys),
        "experts": [
            {
                "id": t.ref,
                "name": t.name,
                "token": t.token,
                "link": link(args.base_url, panel_id, t.token),
            }
            for t in made.panel.experts
        ],
        "settings": made.settings.to_json(),
        "db": db.url if db.backend == "sqlite" else db.backend,
    }
    emit(to_json(payload) if args.format == "json" else created_text(payload, made), None)
    return 0


def do_import(args: argparse.Namespace) -> int:
    """``clusterrank panel import``: import an answers file into the current round; return 0."""
    from clusterrank.panel.service import import_file

    db, access = _open(args)
    parsed = import_file(db, access, args.answers)
    with db.reader() as s:
        from clusterrank.store import panel_info

        number = panel_info(s, access).current_round
    text = _(
        "imported {count} answers from {file} ({judgments} judgments, {scores} scores) "
        "into round {round} of panel {panel}"
    )
    print(
        text.format(
            count=parsed.count,
            file=parsed.label,
            judgments=len(parsed.judgments),
            scores=len(parsed.scores),
            round=number,
            panel=args.panel,
        )
    )
    return 0


def do_status(args: argparse.Namespace) -> int:
    """``clusterrank panel status``: answers, submissions and consistency per expert; return 0."""
    from clusterrank.panel.service import round_answer_sets, state
    from clusterrank.panel.status import status

    db, access = _open(args)
    st = state(db, access)
    payload = status(st, round_answer_sets(db, access, st.info.current_round))
    emit(to_json(payload) if args.format == "json" else status_text(payload), None)
    return 0


def _overrides(args: argparse.Namespace) -> dict[str, Any]:
    groups = None
    if args.group_weights:
        groups = {}
        for pair in args.group_weights.split(","):
            name, sep, value = pair.partition("=")
            try:
                groups[name.strip()] = float(value)
            except ValueError:
                sep = ""
            if not sep or not name.strip():
                msg = _("--group-weights expects GROUP=NUMBER pairs (got {pair})").format(
                    pair=repr(pair)
                )
                raise ConfigurationError(msg)
    return {
        "aggregation": args.aggregation,
        "aip_mean": args.aip_mean,
        "expert_weights": args.expert_weights,
        "group_weights": groups,
        "score_aggregation": args.score_aggregation,
        "trim": args.trim,
        "threshold": args.threshold,
        "resamples": args.resamples,
        "seed": args.seed,
    }


def do_results(args: argparse.Namespace) -> int:
    """``clusterrank panel results``: compute (and record) the panel's result; return 0."""
    from clusterrank.panel.actions import results

    check_output_args(args)
    db, access = _open(args)
    payload = results(db, access, **_overrides(args))
    emit(to_json(payload) if args.format == "json" else results_text(payload), args.output)
    return 0


def do_round(args: argparse.Namespace) -> int:
    """``clusterrank panel round``: close the current round, or open the next one.

    Returns the exit status, 0.

    Raises
    ------
    ConfigurationError
        ``--items`` or ``--threshold`` given with ``--close``.
    """
    from clusterrank.panel.actions import close, open_next

    db, access = _open(args)
    if args.close:
        if args.items or args.threshold is not None:
            msg = _("--items and --threshold choose what the next round asks: use them with --open")
            raise ConfigurationError(msg)
        number = close(db, access)
        text = _("round {round} of panel {panel} closed: it accepts no more answers")
        print(text.format(round=number, panel=args.panel))
        return 0
    number, items = open_next(db, access, _list(args.items), args.threshold)
    text = ngettext(
        "round {round} of panel {panel} opened on {n} item:",
        "round {round} of panel {panel} opened on {n} items:",
        len(items),
    )
    print(text.format(round=number, panel=args.panel, n=len(items)))
    for item in items:
        print(f"  - {item}")
    print(
        _("experts see each item's group median, IQR and the anonymised comments of the last round")
    )
    return 0


def do_revoke(args: argparse.Namespace) -> int:
    """``clusterrank panel revoke``: revoke an expert's link (their answers stay).

    With ``--reissue``, prints a new link. Returns the exit status, 0.
    """
    from clusterrank.panel.actions import reissue, revoke

    db, access = _open(args)
    revoke(db, access, args.expert)
    print(_("expert {expert}'s link is revoked; their answers stay").format(expert=args.expert))
    if args.reissue:
        return _print_token(args, reissue(db, access, args.expert))
    return 0


def do_reissue(args: argparse.Namespace) -> int:
    """``clusterrank panel reissue``: print a new personal link for an expert; return 0."""
    from clusterrank.panel.actions import reissue

    db, access = _open(args)
    return _print_token(args, reissue(db, access, args.expert))


def _print_token(args: argparse.Namespace, issued: Any) -> int:
    text = _("new link for {expert} ({name}); the old one no longer works:")
    print(text.format(expert=issued.ref, name=issued.name))
    print(f"  {link(args.base_url, args.panel, issued.token)}")
    return 0


def _current_result(db: Store, access: FacilitatorAccess) -> dict[str, Any]:
    from clusterrank.panel.actions import current_result

    return current_result(db, access)


def do_export(args: argparse.Namespace) -> int:
    """``clusterrank panel export``: write everything the panel holds to an Excel workbook.

    The latest result is included when there is one. The export is audited. Returns the exit status,
    0.

    Raises
    ------
    ConfigurationError
        The output file is not named ``.xlsx``.
    ClusterRankError
        The workbook cannot be written.
    """
    import pandas as pd

    from clusterrank.panel.export import panel_sheets
    from clusterrank.panel.service import state
    from clusterrank.reports.cells import workbook_bytes

    if Path(args.output).suffix.lower() != ".xlsx":
        msg = _("-o {file}: the export is an Excel workbook; name it FILE.xlsx").format(
            file=args.output
        )
        raise ConfigurationError(msg)
    check_output_args(args)
    db, access = _open(args)
    st = state(db, access)
    tables = panel_sheets(db, access, st)
    sheets = {name: pd.DataFrame(rows) for name, rows in tables.items()}
    data = workbook_bytes(sheets)
    try:
        Path(args.output).write_bytes(data)
    except OSError as exc:
        raise output_error(args.output, exc) from exc
    with db.session() as s:
        append_audit(s, access, "panel.export", {"file": Path(args.output).name})
    counts = ", ".join(f"{len(rows)} {name}" for name, rows in tables.items())
    print(_("written: {file} ({tables})").format(file=args.output, tables=counts), file=sys.stderr)
    return 0


def do_apply(args: argparse.Namespace) -> int:
    """``clusterrank panel apply``: write the scenario with the panel's result as its weights.

    The application is audited. Returns the exit status, 0.
    """
    from clusterrank.cli.output import write_file
    from clusterrank.panel.apply import applied_scenario
    from clusterrank.panel.service import state

    check_output_args(args)
    db, access = _open(args)
    payload = _current_result(db, access)
    text = applied_scenario(state(db, access).info.scenario_yaml, payload)
    write_file(args.output, text)
    with db.session() as s:
        detail = {"file": Path(args.output).name, "snapshot": payload.get("snapshot")}
        append_audit(s, access, "panel.apply", detail)
    text = _(
        "written: {file} (panel {panel}, {aggregation}, round {round}, result snapshot "
        "{snapshot}); rank it with: clusterrank rank {file}"
    )
    print(
        text.format(
            file=args.output,
            panel=args.panel,
            aggregation=payload["aggregation"].upper(),
            round=payload["round"],
            snapshot=payload.get("snapshot"),
        )
    )
    if payload.get("illustrative"):
        print(_("ILLUSTRATIVE: the panel's answers are invented; so are the weights written"))
    return 0


def do_survey(args: argparse.Namespace) -> int:
    """``clusterrank panel survey``: summarise a survey file as text or JSON; return 0."""
    from clusterrank.panel.survey import load_survey, report_json

    payload = report_json(load_survey(args.file))
    emit(to_json(payload) if args.format == "json" else survey_text(payload), None)
    return 0
