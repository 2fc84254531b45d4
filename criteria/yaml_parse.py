"""Parse a user's YAML document safely and within bounds: one parse path for every loader.

``yaml.safe_load`` constructs plain data only, but three things still get past it:

* **Alias bombs.** Ten anchors each holding nine aliases of the previous one (``a0..a9``,
  about 1 KB) stand for 9⁹ values; any walk of the expanded document (the duplicate-key
  check, pydantic) never ends. The composed node graph is measured first, each node visited
  once, and a document whose aliases add more than :data:`MAX_ALIAS_NODES` values, or that
  refers to itself, is refused before anything is constructed.
* **Deep nesting.** ``[[[[...`` five thousand deep overflows Python's stack in the composer;
  nesting beyond :data:`MAX_DEPTH` levels (aliases expanded) is refused with its line.
* **Numbers that lose their spelling.** YAML 1.1 reads ``001`` as 1, ``010`` as 8 and
  ``1_000`` as 1000, so an id ``001`` could never match a CSV's ``001``. An integer whose
  spelling is not plain decimal is kept as its text (ids are text everywhere); an integer
  longer than :data:`MAX_INT_DIGITS` digits is a problem, not a crash.

A message never echoes the content of a file that failed to parse: at most its name, the
line and the kind of thing found.

Speed: where PyYAML was built with libyaml (``yaml.__with_libyaml__``), the text is scanned
and parsed by libyaml's C parser (as ``yaml.CSafeLoader`` does) and the events are composed
into nodes by PyYAML's own composer, with the depth check above, so the node graph, its line
marks and every limit are the same with either parser (:data:`LOADER`; the pure-Python
:class:`PythonLoader` otherwise). libyaml words some syntax errors differently; the hints
below know both wordings.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from clusterrank.errors import Problem, ValidationFailed
from clusterrank.i18n import N_, _, formats

MAX_DEPTH = 64
"""Deepest nesting of lists and mappings read (a scenario needs about eight)."""
MAX_ALIAS_NODES = 100_000
"""Most values aliases (``*name``) may add to a document once expanded."""
MAX_INT_DIGITS = 4300
"""Longest integer read (Python's own limit for converting text to int)."""

_DEPTH_MESSAGE = N_(
    "nested more than {limit} levels deep (the limit); flatten the lists and mappings"
)
_CLAMP = 10**15  # expanded sizes are clamped here: only "far too many" matters
_PLAIN_INT = re.compile(r"0|-?[1-9][0-9]*")
_LONE_DASH = N_(
    'a lone "-" starts a list item; write the cost direction as "-" in quotes or as cost'
)
_TABS = N_("indent with spaces, not tabs")
_HINTS = {  # the parsers' own (English) wording -> our hint, translated where shown
    "sequence entries are not allowed here": _LONE_DASH,  # PyYAML
    "sequence entries are not allowed in this context": _LONE_DASH,  # libyaml
    "found character '\\t'": _TABS,  # PyYAML
    "found a tab character": _TABS,  # libyaml
}


class _LimitError(yaml.MarkedYAMLError):
    """Valid YAML beyond a limit of ours (its message needs no "not valid YAML")."""


class _Bounds:
    """What both loaders add to PyYAML's composer: the depth limit."""

    _depth = 0

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise _LimitError(
                    None,
                    None,
                    _(_DEPTH_MESSAGE).format(limit=MAX_DEPTH),
                    self.peek_event().start_mark,  # type: ignore[attr-defined]
                )
            return super().compose_node(parent, index)  # type: ignore[misc]
        finally:
            self._depth -= 1


def _construct_int(loader: Any, node: yaml.Node) -> int | str:
    """An integer as written unless it is plain decimal; too many digits is a problem."""
    assert isinstance(node, yaml.ScalarNode)  # the int tag resolves on scalars only
    text = str(loader.construct_scalar(node))
    digits = len(text.lstrip("+-").replace("_", ""))
    if digits > MAX_INT_DIGITS:
        raise _LimitError(
            None,
            None,
            _(
                "a whole number of {digits} digits is longer than the {limit} "
                "digits read; write it in scientific notation (e.g. 1.5e30) or quote it"
            ).format(digits=digits, limit=MAX_INT_DIGITS),
            node.start_mark,
        )
    if _PLAIN_INT.fullmatch(text):
        return int(text)
    return text  # 001, 010, 1_000, +5, 0x1F, 1:30: kept as written


class PythonLoader(_Bounds, yaml.SafeLoader):
    """PyYAML's pure-Python SafeLoader, bounded."""


PythonLoader.add_constructor("tag:yaml.org,2002:int", _construct_int)

LibyamlLoader: Any = None
"""libyaml's C parser (as in ``yaml.CSafeLoader``) under PyYAML's composer, bounded; None
when PyYAML was built without libyaml."""

if yaml.__with_libyaml__:  # pragma: no branch (the wheels on PyPI carry libyaml)
    from yaml._yaml import CParser
    from yaml.composer import Composer
    from yaml.constructor import SafeConstructor
    from yaml.resolver import Resolver

    class _LibyamlLoader(_Bounds, Composer, CParser, SafeConstructor, Resolver):
        """Events from libyaml's C parser, composed by PyYAML's composer (depth checked)."""

        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            Composer.__init__(self)
            SafeConstructor.__init__(self)
            Resolver.__init__(self)

    _LibyamlLoader.add_constructor("tag:yaml.org,2002:int", _construct_int)
    LibyamlLoader = _LibyamlLoader

LOADER: Any = LibyamlLoader or PythonLoader
"""The loader every parse uses: libyaml's parser where available (several times faster)."""


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def check_expansion(root: yaml.Node, name: str) -> None:
    """Refuse a node graph whose aliases expand too far, too deep, or into a loop.

    Each distinct node is visited once (memo by identity), so the check costs as much as
    the text, whatever the aliases stand for.
    """
    sizes: dict[int, int] = {}
    depths: dict[int, int] = {}
    on_path: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        if done:
            on_path.discard(key)
            kids = _children(node)
            sizes[key] = min(_CLAMP, 1 + sum(sizes[id(k)] for k in kids))
            depths[key] = 1 + max((depths[id(k)] for k in kids), default=0)
            if depths[key] > MAX_DEPTH:
                msg = _(
                    "nested more than {limit} levels deep once its aliases (*name) are "
                    "expanded (the limit); write the values out or flatten them"
                ).format(limit=MAX_DEPTH)
                raise ValidationFailed.single(name, "", msg, node.start_mark.line + 1)
            continue
        if key in sizes:
            continue
        if key in on_path:
            msg = _("an alias (*name) refers to the list or mapping that holds it; remove the loop")
            raise ValidationFailed.single(name, "", msg, node.start_mark.line + 1)
        on_path.add(key)
        stack.append((node, True))
        stack.extend((k, False) for k in _children(node) if id(k) not in sizes)
    if sizes[id(root)] > MAX_ALIAS_NODES + len(sizes):
        msg = _(
            "its aliases (*name) expand to more than {limit} values beyond those "
            "written (the limit); write the values out or use fewer aliases"
        ).format(limit=formats.integer(MAX_ALIAS_NODES))
        raise ValidationFailed.single(name, "", msg)


def _marked_problem(exc: yaml.MarkedYAMLError, name: str, text: str) -> ValidationFailed:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark is not None else None
    problem = exc.problem or _("unreadable YAML")
    if "exceeded maximum nesting depth" in problem:  # libyaml's own limit (1,000 levels)
        return ValidationFailed.single(name, "", _(_DEPTH_MESSAGE).format(limit=MAX_DEPTH), line)
    hint = next((h for k, h in _HINTS.items() if k in problem), "")
    at = mark.index if mark is not None else -1
    if not hint and 0 <= at < len(text) and text[at] == "\t":  # libyaml names no character
        hint = _TABS
    # the parser's own words (English, from PyYAML) are kept: they name the syntax exactly
    detail = problem + (f" ({exc.context})" if exc.context else "")
    if not isinstance(exc, _LimitError):
        detail = _("not valid YAML: {detail}").format(detail=detail)
    if hint:
        detail = _("{reason}; {fix}").format(reason=detail, fix=_(hint))
    return ValidationFailed.single(name, "", detail, line)


def parse_document(text: str, name: str) -> tuple[Any, yaml.Node | None]:
    """The constructed data and its node tree (for line numbers), or a Problem naming ``name``."""
    loader = None
    try:
        loader = LOADER(text)
        node = loader.get_single_node()
        if node is None:
            return None, None
        check_expansion(node, name)
        return loader.construct_document(node), node
    except yaml.MarkedYAMLError as exc:
        raise _marked_problem(exc, name, text) from exc
    except yaml.reader.ReaderError as exc:
        msg = _(
            "not valid YAML: a control character (#x{code}) at character "
            "{position}; save the file as plain UTF-8 text"
        ).format(code=f"{exc.character:04x}", position=exc.position)
        raise ValidationFailed.single(name, "", msg) from exc
    except yaml.YAMLError as exc:
        msg = _("not valid YAML; check the file in a YAML-aware editor")
        raise ValidationFailed.single(name, "", msg) from exc
    except RecursionError as exc:  # a safety net: the depth checks above come first
        msg = _("nested too deeply (the limit is {limit} levels); flatten the structure").format(
            limit=MAX_DEPTH
        )
        raise ValidationFailed.single(name, "", msg) from exc
    finally:
        if loader is not None:
            loader.dispose()


def _kind(data: object) -> str:
    if isinstance(data, list):
        return _("a list")
    if isinstance(data, str):
        return _("plain text")
    return _("a single {type} value").format(type=type(data).__name__)


def parse_yaml(text: str, name: str) -> tuple[dict[str, Any], yaml.Node]:
    """Parse YAML safely into a mapping plus its node tree; repeated keys are problems."""
    data, node = parse_document(text, name)
    if node is None or data is None:
        msg = _("the file is empty; expected a mapping of keys")
        raise ValidationFailed.single(name, "", msg)
    if not isinstance(data, dict):
        msg = _("the file must be a mapping of keys and values (got {got})").format(got=_kind(data))
        raise ValidationFailed.single(name, "", msg, 1)
    dupes = duplicate_keys(node, name)
    if dupes:
        raise ValidationFailed(dupes)
    return data, node


def duplicate_keys(root: yaml.Node, name: str) -> list[Problem]:
    """safe_load keeps the last of two equal keys silently; report them instead.

    Each node is visited once: a mapping reached again through an alias is not walked again.
    """
    out: list[Problem] = []
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, str]] = [(root, "")]
    while stack:
        node, path = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        todo: list[tuple[yaml.Node, str]] = []
        if isinstance(node, yaml.MappingNode):
            first: dict[str, int] = {}
            for key, value in node.value:
                k = str(key.value) if isinstance(key, yaml.ScalarNode) else "<complex key>"
                line = key.start_mark.line + 1
                if k in first:
                    msg = _("key {key!r} appears twice (also on line {line}); keep one").format(
                        key=k, line=first[k]
                    )
                    out.append(Problem(name, path, msg, line))
                first.setdefault(k, line)
                todo.append((value, f"{path}.{k}" if path else k))
        elif isinstance(node, yaml.SequenceNode):
            todo = [(item, f"{path}[{i}]") for i, item in enumerate(node.value)]
        stack.extend(reversed(todo))
    return sorted(out, key=lambda p: p.line or 0)
