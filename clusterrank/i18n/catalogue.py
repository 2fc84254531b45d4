"""Keeping the catalogues: extract every marked string, update the ``.po`` files, check, compile.

A maintenance tool (``make messages``, ``make install`` and the catalogue tests use it), never
imported by the app at run time::

    python -m clusterrank.i18n.catalogue update [--from PART.po ...]   # after changing texts
    python -m clusterrank.i18n.catalogue check                         # what is missing, and where
    python -m clusterrank.i18n.catalogue compile                       # .po -> .mo

``update`` extracts the messages (Babel, from the source folders in :data:`SOURCES`), adds
new ones to every language's ``.po``, drops the ones no longer in the code, fills
translations given in ``--from`` files (partial catalogues written beside a change), and
sets each English entry to its own text (English is the source language; its ``.po``
exists so wording can be corrected without touching the code). ``check`` lists every
message without a translation, marked fuzzy, or whose named placeholders (``{rank}``)
differ from the English, and fails if there is any.
"""

from __future__ import annotations

import argparse
import copy
import re
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir, extract_from_file
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from clusterrank.i18n import DOMAIN, LANGUAGES, LOCALE_DIR

ROOT = LOCALE_DIR.parents[2]
SOURCES: tuple[str, ...] = (
    "criteria",
    "methods",
    "analysis",
    "reports",
    "panel",
    "store",
    "cli",
    "ui",
)
FILES: tuple[str, ...] = ("streamlit_app.py", "clusterrank/errors.py", "clusterrank/__main__.py")
METHOD_MAP = [("**/templates/**.j2", "jinja2"), ("**.py", "python")]
OPTIONS = {"**/templates/**.j2": {"extensions": "jinja2.ext.i18n", "newstyle_gettext": "true"}}
KEYWORDS = {
    "_": None,
    "N_": None,
    "ngettext": (1, 2),
    "pgettext": ((1, "c"), 2),
}
PLACEHOLDER = re.compile(r"\{(\w*)[^{}]*\}")


def po_path(lang: str) -> Path:
    """The ``.po`` file of ``lang``."""
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


Found = Iterable[tuple[str, int, str | tuple[str, ...], list[str], str | None]]


def _add(catalog: Catalog, found: Found) -> None:
    for filename, lineno, message, comments, context in found:
        catalog.add(
            message,
            locations=[(filename, lineno)],
            auto_comments=comments,
            context=context,
        )


def extract(root: Path = ROOT) -> Catalog:
    """Every marked message of the code and the report templates, as a template catalogue."""
    catalog = Catalog(project="clusterrank", domain=DOMAIN)
    for folder in SOURCES:
        found = extract_from_dir(
            root / folder, METHOD_MAP, OPTIONS, KEYWORDS, strip_comment_tags=True
        )
        _add(catalog, ((f"{folder}/{f}", n, m, c, x) for f, n, m, c, x in found))
    for name in FILES:
        in_file = extract_from_file("python", root / name, KEYWORDS, strip_comment_tags=True)
        _add(catalog, ((name, n, m, c, x) for n, m, c, x in in_file))
    return catalog


def read(lang: str) -> Catalog:
    """The ``.po`` catalogue of ``lang`` (an empty one if there is none yet)."""
    path = po_path(lang)
    if not path.is_file():
        return Catalog(
            locale=lang,
            project="clusterrank",
            domain=DOMAIN,
            copyright_holder="the clusterrank contributors",
            last_translator="the clusterrank team",
            language_team=f"clusterrank {lang}",
            fuzzy=False,
        )
    with path.open("rb") as handle:
        return read_po(handle, locale=lang)


def _write(catalog: Catalog, lang: str) -> None:
    path = po_path(lang)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        write_po(handle, catalog, width=100, omit_header=False, no_location=True, sort_output=True)


def _given(parts: Sequence[Path]) -> dict[tuple[object, object], Message]:
    given: dict[tuple[object, object], Message] = {}
    for part in parts:
        with part.open("rb") as handle:
            for message in read_po(handle, locale="ru"):
                if message.id and message.string and not message.fuzzy:
                    given[(message.id, message.context)] = message
    return given


def update(parts: Sequence[Path] = ()) -> dict[str, int]:
    """Bring every ``.po`` in line with the code; returns untranslated counts per language."""
    template = extract()
    given = _given(parts)
    missing = {}
    for lang in LANGUAGES:
        catalog = read(lang)
        catalog.update(copy.deepcopy(template), no_fuzzy_matching=True)  # update shares them
        catalog.obsolete.clear()
        for message in catalog:
            if not message.id:
                continue
            if lang == "en":
                message.string = message.id
                message.flags.discard("fuzzy")
            elif (message.id, message.context) in given:
                message.string = given[(message.id, message.context)].string
                message.flags.discard("fuzzy")
        _write(catalog, lang)
        missing[lang] = len(problems(catalog))
    return missing


def _placeholders(text: str | Sequence[str]) -> set[str]:
    texts = [text] if isinstance(text, str) else list(text)
    return {m.group(1) for t in texts for m in PLACEHOLDER.finditer(t or "")}


def problems(catalog: Catalog) -> list[str]:
    """Every entry without a translation, marked fuzzy, or with other placeholders."""
    out = []
    for message in catalog:
        if not message.id:
            continue
        name = message.id if isinstance(message.id, str) else message.id[0]
        raw = message.string
        strings = list(raw) if isinstance(raw, list | tuple) else [raw or ""]
        if not all(strings):
            out.append(f"untranslated: {name!r}")
        elif message.fuzzy:
            out.append(f"fuzzy: {name!r}")
        elif any(_placeholders(s) != _placeholders(message.id) for s in strings):
            out.append(f"placeholders differ: {name!r}")
    return out


def compile_all() -> None:
    """Write each language's ``.mo`` beside its ``.po``."""
    for lang in LANGUAGES:
        path = po_path(lang)
        if path.is_file():
            with path.open("rb") as handle:
                catalog = read_po(handle, locale=lang)
            with path.with_suffix(".mo").open("wb") as handle:
                write_mo(handle, catalog)


def main(argv: Sequence[str] | None = None) -> int:
    """The ``python -m clusterrank.i18n.catalogue`` command line."""
    parser = argparse.ArgumentParser(prog="python -m clusterrank.i18n.catalogue")
    parser.add_argument("command", choices=("update", "check", "compile", "missing"))
    parser.add_argument("--from", dest="parts", type=Path, action="append", default=[])
    parser.add_argument(
        "--only", action="append", default=[], help="with missing: paths (prefixes) to look at"
    )
    args = parser.parse_args(argv)
    if args.command == "missing":  # messages of --only paths not translated in --from parts
        given = _given(args.parts)
        lines = [
            f"{loc[0][0]}:{loc[0][1]}: {m.id!r}"
            for m in extract()
            if m.id
            and (loc := m.locations)
            and any(p.startswith(tuple(args.only)) for p, _ in loc)
            and (m.id, m.context) not in given
        ]
        print("\n".join(lines) or "all translated")
        return 1 if lines else 0
    if args.command == "compile":
        compile_all()
        return 0
    if args.command == "update":
        missing = update(args.parts)
        print(", ".join(f"{lang}: {n} to translate" for lang, n in missing.items()))
        return 0
    found = {lang: problems(read(lang)) for lang in LANGUAGES}
    template = {m.id for m in extract() if m.id}
    for lang, listed in found.items():
        known = {m.id for m in read(lang) if m.id}
        listed += [f"not in the catalogue: {m!r}" for m in sorted(template - known, key=str)]
        for line in listed:
            print(f"{lang}: {line}")
    return 1 if any(found.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
