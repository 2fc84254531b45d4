"""Turn pydantic validation errors into human :class:`errors.Problem` s with a dotted path and line.

Each pydantic error becomes one Problem (a ``cross_field`` error becomes one per rule it
carries). Locations are rendered as ``groups[2].criteria[0].weight``; when the YAML node tree
is given, each location is mapped to the line where that node starts
(``start_mark.line + 1``).
"""

from __future__ import annotations

import types
import typing
from collections.abc import Sequence
from typing import Any, Union, get_args, get_origin

import yaml
from pydantic import BaseModel, ValidationError

from clusterrank.criteria.models.common import Loc, loc_text, suggest
from clusterrank.errors import Problem
from clusterrank.i18n import N_, _

_NUMBER_TYPES = {"float_parsing", "float_type", "int_parsing", "int_type", "number_not_bool"}
_COMPARE = {
    "greater_than_equal": (">=", "ge"),
    "greater_than": (">", "gt"),
    "less_than_equal": ("<=", "le"),
    "less_than": ("<", "lt"),
}


def _unwrap(tp: Any) -> Any:
    while get_origin(tp) is typing.Annotated:
        tp = get_args(tp)[0]
    return tp


def _is_model(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, BaseModel)


def _step(tp: Any, elem: str | int) -> tuple[Any, bool]:
    """Descend one location element; the flag says whether the element is a real path step."""
    tp = _unwrap(tp)
    origin = get_origin(tp)
    if origin in (Union, types.UnionType):
        options = [_unwrap(a) for a in get_args(tp) if a is not type(None)]
        for opt in options:  # a discriminated-union tag, e.g. weights -> "direct"
            mode = getattr(opt, "model_fields", {}).get("mode")
            if mode is not None and mode.default == elem:
                return opt, False
        for opt in options:
            if not _is_model(opt) or elem in opt.model_fields:
                return _step(opt, elem)
        return None, True
    if _is_model(tp):
        field = tp.model_fields.get(str(elem))
        return (field.annotation if field else None), True
    if origin is tuple:
        args = get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return args[0], True
        return (args[elem] if isinstance(elem, int) and elem < len(args) else None), True
    if origin is dict:
        return get_args(tp)[1], True
    return None, True


def clean_loc(model: type[BaseModel], loc: Sequence[str | int]) -> tuple[Loc, Any]:
    """Drop union tags and dict-key markers from a pydantic loc; return it and the parent type."""
    tp: Any = model
    parent: Any = model
    out: list[str | int] = []
    for elem in loc:
        if isinstance(elem, str) and elem == "[key]":
            continue
        parent = tp
        nxt, real = _step(tp, elem) if tp is not None else (None, True)
        if real:
            out.append(elem)
        else:  # consumed a tag: the parent of what follows is the tagged model
            nxt, parent = nxt, nxt
        tp = nxt
    return tuple(out), _model_of(parent)


def _model_of(tp: Any) -> Any:
    """``X | None`` -> ``X`` when X is a model, so unknown-key messages can list its keys."""
    tp = _unwrap(tp)
    if get_origin(tp) in (Union, types.UnionType):
        models = [a for a in map(_unwrap, get_args(tp)) if _is_model(a)]
        if len(models) == 1:
            return models[0]
    return tp


def _show(value: Any) -> str:
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, dict):
        return _("a mapping")
    if isinstance(value, list | tuple):
        return _("a list")
    if value is None:
        return _("nothing (empty)")
    return str(value)


# Errors about a value's type or emptiness: one sentence each, with the key's name and the value.
_MAPPING = N_("{name!r} must be a mapping of keys and values (got {got})")
_TRUE_FALSE = N_("{name!r} must be true or false (got {got})")
_LIST = N_("{name!r} must be a list (got {got})")
_TYPE_MESSAGES = {
    **dict.fromkeys(_NUMBER_TYPES, N_("{name!r} must be a number (got {got})")),
    "finite_number": N_("{name!r} must be a finite number (got {got})"),
    "string_type": N_("{name!r} must be text (got {got})"),
    "bool_type": _TRUE_FALSE,
    "bool_parsing": _TRUE_FALSE,
    "string_too_short": N_("{name!r} must not be empty"),
    "model_type": _MAPPING,
    "model_attributes_type": _MAPPING,
    "dict_type": _MAPPING,
    "tuple_type": _LIST,
    "list_type": _LIST,
}
# Our own validators' errors: their message is already written for the user.
_OWN_PREFIXES = ("id_", "direction", "judgment", "data_", "criteria_set", "empty_", "text_")
"""Errors whose message was written (and translated) by our own validators."""


def _message(err: Any, loc: Loc, parent: Any) -> str:
    """The user's sentence for one pydantic error ``err`` at the cleaned ``loc``, under ``parent``.

    ``parent`` is the model or type holding the failing key (for unknown-key listings).
    """
    kind: str = err["type"]
    got = _show(err.get("input"))
    names = [p for p in loc if isinstance(p, str)]
    name = names[-1] if names else "value"
    if kind in _TYPE_MESSAGES:
        return _(_TYPE_MESSAGES[kind]).format(name=name, got=got)
    message = _shape_message(err, loc, parent, name)
    if message is not None:
        return message
    if kind in _COMPARE:
        sign, key = _COMPARE[kind]
        bound = (err.get("ctx") or {}).get(key)
        if get_origin(parent) is dict:
            return _("the value for {name!r} must be {sign} {bound} (got {got})").format(
                name=name, sign=sign, bound=bound, got=got
            )
        return _("{name!r} must be {sign} {bound} (got {got})").format(
            name=name, sign=sign, bound=bound, got=got
        )
    if kind == "literal_error":
        return _literal_message(err, name, got)
    if kind.startswith(_OWN_PREFIXES):
        return str(err["msg"])
    return _("{message} (got {got})").format(message=err["msg"], got=got)


def _shape_message(err: Any, loc: Loc, parent: Any, name: str) -> str | None:
    """The sentence for an unknown, missing or too-short key or list, else None."""
    kind: str = err["type"]
    ctx: dict[str, Any] = err.get("ctx") or {}
    if kind == "extra_forbidden":
        allowed = list(parent.model_fields) if _is_model(parent) else []
        hint = suggest(name, allowed)
        if allowed:
            return _("unknown key {name!r}{hint}; allowed: {allowed}").format(
                name=name, hint=hint, allowed=", ".join(allowed)
            )
        return _("unknown key {name!r}{hint}").format(name=name, hint=hint)
    if kind == "missing":
        if loc and isinstance(loc[-1], int):
            return _("item {number} is missing (a judgment is written [a, b, value])").format(
                number=loc[-1] + 1
            )
        return _("required key {name!r} is missing").format(name=name)
    if kind == "union_tag_invalid":
        return _("'mode' must be one of {modes} (got {got!r})").format(
            modes=ctx.get("expected_tags"), got=ctx.get("tag")
        )
    if kind == "too_short":
        least, actual = ctx.get("min_length"), ctx.get("actual_length")
        return _("{name!r} needs at least {least} item(s) (got {actual})").format(
            name=name, least=least, actual=actual
        )
    return None


def _literal_message(err: Any, name: str, got: str) -> str:
    """The sentence for a value outside a fixed set of options, with a did-you-mean hint."""
    ctx: dict[str, Any] = err.get("ctx") or {}
    raw = err.get("input")
    options = [o.strip(" '") for o in str(ctx.get("expected", "")).replace(" or ", ", ").split(",")]
    hint = suggest(raw, options) if isinstance(raw, str) else ""
    return _("{name!r} must be one of {options} (got {got}){hint}").format(
        name=name, options=", ".join(options), got=got, hint=hint
    )


def node_line(root: yaml.Node | None, loc: Sequence[str | int]) -> int | None:
    """1-based line of the deepest YAML node reachable along ``loc`` (None without a tree)."""
    node = root
    line = None if root is None else root.start_mark.line + 1
    for elem in loc:
        if isinstance(node, yaml.MappingNode):
            match = [(k, v) for k, v in node.value if str(k.value) == str(elem)]
            if not match:
                break
            line = match[0][0].start_mark.line + 1
            node = match[0][1]
            if not isinstance(node, yaml.ScalarNode):
                continue
        elif isinstance(node, yaml.SequenceNode) and isinstance(elem, int):
            if elem >= len(node.value):
                break
            node = node.value[elem]
            line = node.start_mark.line + 1
        else:
            break
    return line


def _has_inner_error(loc: Loc, locs: Sequence[Loc]) -> bool:
    """Pydantic counts only valid items against min_length; an item's own error explains it."""
    return any(len(other) > len(loc) and other[: len(loc)] == loc for other in locs)


def problems_from_error(
    exc: ValidationError,
    model: type[BaseModel],
    file: str,
    root: yaml.Node | None = None,
    skip: Sequence[Loc] = (),
) -> list[Problem]:
    """One Problem per pydantic error (one per rule inside a ``cross_field`` error).

    ``skip`` lists locations whose errors are already reported elsewhere (e.g. a
    criteria-set file that failed on its own).
    """
    out: list[Problem] = []
    errs = exc.errors()
    locs = [clean_loc(model, e["loc"])[0] for e in errs]
    for err, loc in zip(errs, locs, strict=True):
        parent = clean_loc(model, err["loc"])[1]
        if loc in skip or (err["type"] == "too_short" and _has_inner_error(loc, locs)):
            continue
        if err["type"] == "cross_field":
            for rel, msg in err["ctx"]["problems"]:
                full = (*loc, *rel)
                out.append(Problem(file, loc_text(full), msg, node_line(root, full)))
            continue
        out.append(Problem(file, loc_text(loc), _message(err, loc, parent), node_line(root, loc)))
    return out
