"""Texts a user's file may give in both languages: ``title: {ru: …, en: …}`` or a plain string.

A bilingual text is validated (keys ``ru`` and ``en`` only, each a non-empty text) and
resolved at load time to a plain ``str`` in the language of the load — the validation
context's ``lang`` when given, else :func:`clusterrank.i18n.language` — falling back to the
other language, so every consumer keeps reading a ``str``. The mapping as written is kept
on the model (:attr:`BilingualTexts._texts`) and written back by ``model_dump``, so a
scenario saved again (new weights, a snapshot, a built import) keeps both languages.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Annotated, Any, NoReturn, Self

from pydantic import (
    BaseModel,
    BeforeValidator,
    ModelWrapValidatorHandler,
    PrivateAttr,
    SerializationInfo,
    SerializerFunctionWrapHandler,
    ValidationInfo,
    WithJsonSchema,
    model_serializer,
    model_validator,
)
from pydantic_core import PydanticCustomError

from clusterrank.i18n import LANGUAGES, _, language, pick

_LANG_SCHEMA = {"type": "string", "minLength": 1}
_MAPPING_SCHEMA = {
    "type": "object",
    "properties": dict.fromkeys(LANGUAGES, _LANG_SCHEMA),
    "additionalProperties": False,
    "minProperties": 1,
    "description": "the same text in Russian and English; a missing one falls back",
}


def _scalar(value: object) -> str | None:
    """A text value as given (numbers kept as text), or None when it is not text."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return None


def _refuse(kind: str, template: str, **ctx: str) -> NoReturn:
    raise PydanticCustomError(kind, template, ctx)


def check_languages(value: Mapping[Any, Any]) -> dict[str, str]:
    """The mapping ``{ru: …, en: …}`` cleaned, or a pydantic error saying what to fix."""
    unknown = [str(k) for k in value if k not in LANGUAGES]
    if unknown or not value:
        _refuse(
            "text_languages",
            _(
                "a text in two languages takes the keys {keys} only (got {got}); "
                "write each language under its own key, or give plain text"
            ),
            keys=", ".join(LANGUAGES),
            got=", ".join(map(repr, unknown)) or _("no key"),
        )
    out: dict[str, str] = {}
    for code, text in value.items():
        cleaned = _scalar(text)
        if not cleaned:
            _refuse(
                "text_empty",
                _("the {lang} text must be non-empty (got {got}); remove the key to fall back"),
                lang=repr(code),
                got=_("nothing (empty)") if cleaned == "" else repr(text),
            )
        out[str(code)] = cleaned
    return out


def _wanted(info: ValidationInfo | None) -> str:
    context = info.context if info is not None else None
    lang = context.get("lang") if isinstance(context, Mapping) else None
    return str(lang) if lang else language()


def resolve_text(value: object, info: ValidationInfo) -> object:
    """A bilingual mapping -> the text in the language of the load; anything else unchanged."""
    if isinstance(value, Mapping):
        return pick(check_languages(value), _wanted(info))
    return value


_RESOLVE = BeforeValidator(resolve_text)

Text = Annotated[
    str,
    _RESOLVE,
    WithJsonSchema({"anyOf": [{"type": "string"}, _MAPPING_SCHEMA]}),
]
"""A display text: plain, or ``{ru: …, en: …}`` resolved to the language of the load."""

OptionalText = Annotated[
    str | None,
    _RESOLVE,
    WithJsonSchema({"anyOf": [{"type": "string"}, _MAPPING_SCHEMA, {"type": "null"}]}),
]
"""A display text that may be absent (``null``)."""


@cache
def text_fields(model: type[BaseModel]) -> tuple[str, ...]:
    """The fields of ``model`` declared as :data:`Text` or :data:`OptionalText`."""
    return tuple(
        name
        for name, field in model.model_fields.items()
        if any(m is _RESOLVE for m in field.metadata)
    )


class BilingualTexts(BaseModel):
    """Keeps each bilingual text as written beside the resolved ``str`` (a mixin for models)."""

    _texts: dict[str, dict[str, str]] = PrivateAttr(default_factory=dict)

    def texts(self, field: str) -> dict[str, str]:
        """``field`` in every language given (one key per language; a plain text: both)."""
        given = self._texts.get(field)
        if given is not None:
            return dict(given)
        value = getattr(self, field)
        return dict.fromkeys(LANGUAGES, value) if isinstance(value, str) else {}

    @model_validator(mode="wrap")
    @classmethod
    def _keep_texts(cls, data: Any, handler: ModelWrapValidatorHandler[Self]) -> Self:
        fields = text_fields(cls)
        given: dict[str, dict[str, str]] = {}
        if fields and isinstance(data, Mapping):
            for name in fields:
                value = data.get(name)
                if isinstance(value, Mapping):
                    try:
                        given[name] = check_languages(value)
                    except PydanticCustomError:
                        continue  # the field's own validator reports it, at its place
        model = handler(data)
        if given:
            model._texts = {**model._texts, **given}
        return model

    @model_serializer(mode="wrap")
    def _dump_texts(self, handler: SerializerFunctionWrapHandler, info: SerializationInfo) -> Any:
        out = handler(self)
        if self._texts and isinstance(out, dict):
            for name, given in self._texts.items():
                if name in out:
                    out[name] = dict(given)
        return out
