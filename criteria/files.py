"""Every file a user's document names is opened here, and only here.

Three rules hold for each of them, at one depth instead of reader by reader:

1. **Inside its place.** A path a file names (criteria set, data file, regional table,
   screening rules) is resolved, symlinks included, and must lie under one of the
   :class:`FileScope`'s roots: for an upload, the upload's own folder and the shipped
   configs; for the command line, the scenario's folder and the shipped configs unless the
   user said ``--allow-outside``.
2. **A regular file of bounded size.** FIFOs, devices and directories are refused before a
   byte is read (the file is opened non-blocking and checked with ``fstat``, so a FIFO
   cannot hang the reader), and so is a file larger than the named limit.
3. **Named as the user knows it.** Messages carry the user's own file name (an upload's
   name, a path relative to the working directory), never the server's staging folder.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path

from clusterrank.criteria.shown import short
from clusterrank.errors import ValidationFailed
from clusterrank.i18n import N_, _

SHIPPED_CONFIGS = Path(str(files("clusterrank") / "configs")).resolve()
"""The shipped ``configs/`` (package data): resolved, so symlinked checkouts compare equal."""

MIB = 1024 * 1024
MAX_TEXT_BYTES = 4 * MIB
"""The largest YAML document (scenario, criteria set, rules, AHP file) read."""
MAX_TABLE_BYTES = 20 * MIB
"""The largest CSV or XLSX data file read (on disk, before any decompression)."""


NOT_FOUND = N_("file not found; check the name and the folder")
A_FOLDER = N_("this is a folder, not a file; name a file inside it")
NOT_REGULAR = N_("not a regular file (a pipe, socket or device); give an ordinary file")
"""The three refusals of a path (marked; translated where they are shown)."""
CANNOT_OPEN = N_("cannot open the file ({reason}); check its permissions")
_DEFAULT_FIX = N_("put the file beside the scenario and name it relative to it")


def size_text(n_bytes: int) -> str:
    """``20 MB``-style text for a limit (binary megabytes, as the limits are set)."""
    value, unit = (n_bytes / MIB, _("MB")) if n_bytes >= MIB else (n_bytes / 1024, _("KB"))
    return f"{short(value)} {unit}"


def display_name(path: str | os.PathLike[str]) -> str:
    """The path as a user knows it: relative to the working directory when inside it."""
    p = Path(path)
    try:
        return str(p.resolve().relative_to(Path.cwd()))
    except (ValueError, OSError):
        return str(p)


@dataclass(frozen=True)
class FileScope:
    """Where the files a document names may lie, and how to name them to the user.

    Attributes
    ----------
    roots
        Folders a named file must resolve into; ``None`` allows any path (the CLI's
        ``--allow-outside``, or a trusted caller).
    aliases
        ``(folder, label)`` pairs: a path under ``folder`` is shown as ``label/rest``
        (an upload's staging folder is shown as ``upload``), never as the server path.
    """

    roots: tuple[Path, ...] | None
    aliases: tuple[tuple[Path, str], ...] = field(default=())
    fix: str = _DEFAULT_FIX
    """The fix a refusal suggests (the CLI adds ``--allow-outside``, an upload says upload it);
    translated when shown."""
    relative_only: bool = False
    """Refuse absolute paths (an upload cannot know where anything lies on the server)."""

    @classmethod
    def around(cls, *folders: str | os.PathLike[str]) -> FileScope:
        """The given folders plus the shipped configs, resolved."""
        roots = tuple(dict.fromkeys(Path(f).resolve() for f in (*folders, SHIPPED_CONFIGS)))
        return cls(roots=roots)

    @classmethod
    def anywhere(cls) -> FileScope:
        """A scope that admits every path (``--allow-outside``)."""
        return cls(roots=None)

    def label(self, path: str | os.PathLike[str]) -> str:
        """What to call ``path`` in a message."""
        p = Path(path)
        for folder, name in self.aliases:
            try:
                rest = p.resolve().relative_to(folder)
            except (ValueError, OSError):
                continue
            return f"{name}/{rest.as_posix()}" if str(rest) != "." else name
        try:
            return str(p.resolve().relative_to(SHIPPED_CONFIGS.parent))
        except (ValueError, OSError):
            return display_name(p)

    def allows(self, path: Path) -> bool:
        """Whether an already resolved path lies inside one of the roots."""
        if self.roots is None:
            return True
        return any(path == root or root in path.parents for root in self.roots)

    def resolve(self, ref: str, base: str | os.PathLike[str]) -> Path:
        """Resolve ``ref`` (relative to ``base``) and check that it lies inside the roots.

        Raises
        ------
        PermissionError
            With a message for the user when the path leaves the allowed places; callers
            turn it into a :class:`errors.Problem` at the field that named the path.
        """
        raw = Path(ref).expanduser()
        if self.relative_only and raw.is_absolute():
            msg = _("{ref!r} is an absolute path, which this file may not use; {fix}").format(
                ref=ref, fix=_(self.fix)
            )
            raise PermissionError(msg)
        path = (raw if raw.is_absolute() else Path(base) / raw).resolve()
        if not self.allows(path):
            msg = _("{ref!r} lies outside the folders this file may read ({roots}); {fix}").format(
                ref=ref, roots=self.roots_text(), fix=_(self.fix)
            )
            raise PermissionError(msg)
        return path

    def roots_text(self) -> str:
        """The allowed folders, named for a message."""
        roots = self.roots or ()
        names = (_("the shipped configs") if r == SHIPPED_CONFIGS else self.label(r) for r in roots)
        return ", ".join(_("the current folder") if n == "." else n for n in names)


def path_problem(path: str | os.PathLike[str]) -> str | None:
    """Why ``path`` cannot be read as a file (missing, a folder, a pipe or device), or None.

    The reason is translated (the language of the call).

    Uses ``stat`` only, so naming a FIFO does not block; the readers check again on open.
    """
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return _(NOT_FOUND)
    except OSError as exc:
        return _(CANNOT_OPEN).format(reason=exc.strerror or exc)
    if stat.S_ISDIR(mode):
        return _(A_FOLDER)
    if not stat.S_ISREG(mode):
        return _(NOT_REGULAR)
    return None


def _open_regular(path: Path, label: str, limit: int) -> int:
    """Open ``path`` for reading without blocking; refuse anything but a regular file."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError as exc:
        msg = _(NOT_FOUND)
        raise ValidationFailed.single(label, "", msg) from exc
    except IsADirectoryError as exc:
        msg = _(A_FOLDER)
        raise ValidationFailed.single(label, "", msg) from exc
    except OSError as exc:
        msg = _(CANNOT_OPEN).format(reason=exc.strerror or exc)
        raise ValidationFailed.single(label, "", msg) from exc
    info = os.fstat(fd)
    problem = ""
    if stat.S_ISDIR(info.st_mode):
        problem = _(A_FOLDER)
    elif not stat.S_ISREG(info.st_mode):
        problem = _(NOT_REGULAR)
    elif info.st_size > limit:
        problem = _(
            "the file is {size}, above the limit of {limit}; "
            "split it or remove what the decision does not use"
        ).format(size=size_text(info.st_size), limit=size_text(limit))
    if problem:
        os.close(fd)
        raise ValidationFailed.single(label, "", problem)
    return fd


def read_bytes(path: str | os.PathLike[str], label: str | None = None, *, limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes, or a Problem naming it."""
    p = Path(path)
    name = label if label is not None else display_name(p)
    fd = _open_regular(p, name, limit)
    with os.fdopen(fd, "rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:  # the file grew between fstat and read
        msg = _("the file is above the limit of {limit}").format(limit=size_text(limit))
        raise ValidationFailed.single(name, "", msg)
    return data


def decode_text(data: bytes, label: str) -> str:
    """UTF-8 text (a BOM tolerated); Windows line endings become plain newlines."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        msg = _("not UTF-8 text (byte {byte}); save the file as UTF-8").format(byte=exc.start)
        raise ValidationFailed.single(label, "", msg) from exc
    return text.replace("\r\n", "\n")


def read_text(
    path: str | os.PathLike[str], label: str | None = None, *, limit: int = MAX_TEXT_BYTES
) -> str:
    """A regular UTF-8 text file of at most ``limit`` bytes."""
    name = label if label is not None else display_name(path)
    return decode_text(read_bytes(path, name, limit=limit), name)


def check_output(output: str | os.PathLike[str], inputs: Sequence[str | os.PathLike[str]]) -> None:
    """Refuse to write over one of the command's own input files (``-o`` onto the input)."""
    target = Path(output).resolve()
    for given in inputs:
        try:
            same = target.exists() and os.path.samefile(target, given)
        except OSError:
            same = False
        if same or target == Path(given).resolve():
            msg = _("the output file is one of the inputs; choose another name for -o")
            raise ValidationFailed.single(str(output), "-o", msg)
