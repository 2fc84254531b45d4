"""The one translation layer: every string a person reads goes through here.

Texts are written in English in the code and marked for translation:

``_("Ranking")``
    translated now, into the language of the current context;
``N_("Ranking")``
    only marked (for module-level constants); translate with ``_()`` where it is shown;
``ngettext("{n} problem", "{n} problems", n).format(n=n)``
    plural forms (Russian has three);
``pgettext("weights page", "Lock")``
    the same English word meaning two things.

Placeholders are named and filled after translation (``_("Rank {rank} of {count}")
.format(rank=…, count=…)``), never an f-string inside ``_()``: the catalogue could not hold it.

The catalogues are gettext ``.po`` files in ``clusterrank/i18n/locale/<lang>/LC_MESSAGES``,
kept by Babel (``make messages`` extracts and updates them) and compiled to ``.mo`` by
``make install``; a catalogue whose ``.mo`` is missing or older than its ``.po`` (a wheel, a
fresh checkout) is compiled in memory on first use, so a translation is never silently
missing. The language is a :class:`contextvars.ContextVar`: each Streamlit session's script
thread and each CLI run sets its own, so two people on one server never see each other's.
"""

from __future__ import annotations

import contextlib
import gettext
import io
import os
from collections.abc import Iterator, Mapping
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path
from typing import Final

LANGUAGES: Final = ("en", "ru")
"""The interface languages, in the order the language switch lists them."""
LANGUAGE_NAMES: Final = {"en": "English", "ru": "Русский"}
DEFAULT_LANGUAGE: Final = "en"
DOMAIN: Final = "clusterrank"
LOCALE_DIR: Final = Path(__file__).resolve().parent / "locale"
ENVIRONMENT: Final = ("CLUSTERRANK_LANG", "LC_ALL", "LC_MESSAGES", "LANG")
"""Where the CLI looks for a language when ``--lang`` is not given, in this order."""

_current: ContextVar[str] = ContextVar("clusterrank_language", default=DEFAULT_LANGUAGE)


def normalize(value: str | None) -> str | None:
    """``"ru"``, ``"ru_RU.UTF-8"``, ``"RU"`` -> ``"ru"``; a language we do not speak -> None."""
    if not value:
        return None
    code = value.strip().replace("-", "_").split(".")[0].split("_")[0].lower()
    return code if code in LANGUAGES else None


def language() -> str:
    """The language of the current context (a Streamlit session's run, a CLI run)."""
    return _current.get()


def set_language(value: str | None) -> str:
    """Use ``value`` in this context from now on (unknown or empty: the default); returns it."""
    lang = normalize(value) or DEFAULT_LANGUAGE
    _current.set(lang)
    return lang


@contextlib.contextmanager
def use_language(value: str | None) -> Iterator[str]:
    """Within the block, speak ``value``; the previous language is restored afterwards."""
    token = _current.set(normalize(value) or DEFAULT_LANGUAGE)
    try:
        yield _current.get()
    finally:
        _current.reset(token)


def from_environment(environ: Mapping[str, str] | None = None) -> str:
    """The language the environment asks for (``CLUSTERRANK_LANG``, then the locale)."""
    env = os.environ if environ is None else environ
    for name in ENVIRONMENT:
        if lang := normalize(env.get(name)):
            return lang
    return DEFAULT_LANGUAGE


def _compiled(po: Path) -> gettext.NullTranslations:
    """A ``.po`` file compiled in memory (Babel), for a checkout or wheel without ``.mo``."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as handle:
        catalog = read_po(handle)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


@lru_cache(maxsize=len(LANGUAGES))
def translations(lang: str) -> gettext.NullTranslations:
    """The catalogue of ``lang``: its ``.mo`` when up to date, else its ``.po`` compiled."""
    folder = LOCALE_DIR / lang / "LC_MESSAGES"
    mo, po = folder / f"{DOMAIN}.mo", folder / f"{DOMAIN}.po"
    if mo.is_file() and (not po.is_file() or mo.stat().st_mtime >= po.stat().st_mtime):
        with mo.open("rb") as handle:
            return gettext.GNUTranslations(handle)
    if po.is_file():
        return _compiled(po)
    return gettext.NullTranslations()


def _(message: str) -> str:
    """``message`` in the current language (the English text when no translation exists)."""
    return translations(_current.get()).gettext(message)


def N_(message: str) -> str:
    """Mark ``message`` for the catalogue without translating it (translate where shown)."""
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    """The plural form of a message for ``n`` in the current language."""
    return translations(_current.get()).ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """``message`` translated in ``context`` (the same English word meaning two things)."""
    return translations(_current.get()).pgettext(context, message)


def setting_pairs(settings: Mapping[str, object]) -> str:
    """``normalization=vector, path=…``: settings as one line, names as typed, words translated.

    A setting's name is what a user types (``--setting path=…``), so it stays as it is; a
    value that is prose (marked ``N_`` where it is defined) is shown in the current language.
    """
    return ", ".join(f"{key}={_value(value)}" for key, value in settings.items())


def _value(value: object) -> object:
    return _(value) if isinstance(value, str) and value else value


def pick(text: str | Mapping[str, str] | None, lang: str | None = None) -> str:
    """A text that may come in several languages (``{ru: …, en: …}``), in ``lang``.

    A plain string is the same in every language. A missing translation falls back to the
    other language, never to an empty label.
    """
    if text is None:
        return ""
    if isinstance(text, str):
        return text
    want = normalize(lang) or _current.get()
    for code in (want, *LANGUAGES):
        if value := str(text.get(code) or "").strip():
            return value
    return ""
