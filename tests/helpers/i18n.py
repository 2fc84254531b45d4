"""Speaking Russian in a test: the shipped catalogue, or partial catalogues given by path.

``speaking("ru")`` sets the language for the block. ``catalogue_from(parts)`` compiles .po
files (Babel) into one translation object, and ``with_catalogue(monkeypatch, parts)`` makes
the app use it for Russian — for a test of texts whose translations are not yet merged into
``clusterrank/i18n/locale``.
"""

from __future__ import annotations

import gettext
import io
from collections.abc import Sequence
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

import clusterrank.i18n as i18n
from clusterrank.i18n import use_language as speaking

__all__ = ["catalogue_from", "speaking", "with_catalogue"]


def catalogue_from(parts: Sequence[Path], lang: str = "ru") -> gettext.GNUTranslations:
    """The messages of every ``.po`` in ``parts`` (later parts win), compiled in memory."""
    merged = Catalog(locale=lang)
    for part in parts:
        with Path(part).open("rb") as handle:
            for message in read_po(handle, locale=lang):
                if message.id:
                    merged[message.id] = message
    buffer = io.BytesIO()
    write_mo(buffer, merged)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def with_catalogue(monkeypatch: pytest.MonkeyPatch, parts: Sequence[Path]) -> None:
    """Use ``parts`` (and the shipped catalogue under them) for Russian in this test."""
    original = i18n.translations
    extra = catalogue_from(parts)
    extra.add_fallback(original("ru"))

    def pick(lang: str) -> gettext.NullTranslations:
        return extra if lang == "ru" else original(lang)

    monkeypatch.setattr(i18n, "translations", pick)
