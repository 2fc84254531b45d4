"""`clusterrank init DATA -o SCENARIO.yaml`: a scenario from your own CSV or XLSX table."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from clusterrank.cli.commands import summary
from clusterrank.i18n import _


def register(sub: Any) -> argparse.ArgumentParser:
    """Add the ``init`` subcommand to ``sub``; return its parser."""
    p: argparse.ArgumentParser = sub.add_parser(
        "init",
        help=summary("init"),
        description=_(
            "Read a CSV or XLSX table as it is (';' or ',' separators, decimal "
            "commas, thousands spaces, %% signs, н/д / n/a / - for no data) and write a "
            "scenario: one criterion per numeric column, its direction guessed from the name "
            "and marked for review, and the figures as a data CSV beside the YAML. Every "
            "unreadable cell is listed at once; nothing is written then."
        ),
    )
    p.add_argument("data", help=_("the table (CSV or XLSX)"))
    p.add_argument("-o", "--output", required=True, help=_("the scenario YAML to write"))
    p.add_argument("--sheet", help=_("the workbook sheet to read (default: the first)"))
    p.add_argument("--id-column", help=_("the column of candidate ids (default: made from names)"))
    p.add_argument("--name-column", help=_("the column of candidate names (default: guessed)"))
    p.add_argument("--criteria-set", help=_("map the columns onto this criteria set's indicators"))
    p.add_argument("--decimal", choices=[",", "."], help=_("the decimal separator, when ambiguous"))
    p.add_argument(
        "--missing-data",
        choices=["reject", "drop_candidate", "impute_worst", "impute_mean"],
        help=_("the missing-data policy (default: reject, or impute_worst when cells are empty)"),
    )
    p.add_argument("--force", action="store_true", help=_("write over existing files"))
    p.set_defaults(handler=run)
    return p


def run(args: argparse.Namespace) -> int:
    """Run ``clusterrank init``: plan, build, check nothing is overwritten, write, re-read.

    Returns the exit status, 0; bad input raises :class:`ValidationFailed` before anything
    is written.
    """
    from clusterrank.criteria.files import check_output, display_name
    from clusterrank.criteria.importing import ImportChoices, Target, build_scenario, plan_import
    from clusterrank.criteria.importing.build import GUESSED
    from clusterrank.criteria.importing.columns import slug
    from clusterrank.criteria.loading import load_criteria_set, load_scenario
    from clusterrank.criteria.matrix import decision_matrix
    from clusterrank.errors import ValidationFailed

    output = Path(args.output)
    data_path = output.with_name(f"{output.stem}_data.csv")
    check_output(output, [args.data])
    check_output(data_path, [args.data])
    existing = [str(p) for p in (output, data_path) if p.exists()]
    if existing and not args.force:
        msg = _("{files} already exist; choose another -o, or pass --force").format(
            files=", ".join(existing)
        )
        raise ValidationFailed.single(str(output), "-o", msg)
    criteria_set = load_criteria_set(args.criteria_set) if args.criteria_set else None
    choices = ImportChoices(
        sheet=args.sheet,
        decimal=args.decimal,
        id_column=args.id_column,
        name_column=args.name_column,
        criteria_set=criteria_set,
    )
    plan = plan_import(args.data, display_name(args.data), choices)
    ref = None
    if args.criteria_set:
        ref = Path(os.path.relpath(Path(args.criteria_set).resolve(), output.resolve().parent))
    target = Target(
        scenario_id=slug(output.stem) or "imported",
        data_file=data_path.name,
        criteria_set_ref=ref.as_posix() if ref else None,
        missing_data=args.missing_data,
    )
    built = build_scenario(plan, choices, target)
    output.parent.mkdir(parents=True, exist_ok=True)
    data_path.write_text(built.csv_text, encoding="utf-8")
    output.write_text(built.yaml_text, encoding="utf-8")
    matrix = decision_matrix(load_scenario(output))  # what `validate` checks, read back
    for note in plan.notes:
        print(_("note: {note}").format(note=note))
    guessed = built.yaml_text.count(GUESSED)
    fields = {
        "file": output,
        "candidates": len(matrix.candidates),
        "criteria": len(matrix.criteria),
        "source": plan.sniffed.described(),
        "data": data_path,
        "policy": built.scenario.missing_data,
        "guessed": guessed,
    }
    if guessed > 0:
        text = _(
            "{file}: {candidates} candidates × {criteria} criteria from {source}; data in "
            "{data}; missing data: {policy}; {guessed} directions guessed from the names: "
            "check them"
        )
    else:
        text = _(
            "{file}: {candidates} candidates × {criteria} criteria from {source}; data in "
            "{data}; missing data: {policy}"
        )
    print(text.format(**fields))
    return 0
