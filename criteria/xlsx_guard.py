"""Check an .xlsx workbook by its sizes before any library unpacks it (zip bombs).

An .xlsx file is a zip archive of XML parts. A few megabytes can hold a sheet of millions of
rows (a 3.4 MB file holding 2 M rows × 20 cells took 453 s and 1.5 GB to read), so the
archive is checked from its central directory and by a streamed scan, without building
anything, before openpyxl reads it:

1. at most :data:`MAX_MEMBERS` parts, :data:`MAX_UNCOMPRESSED_BYTES` in all once unpacked,
   and no large part compressed more than :data:`MAX_COMPRESSION_RATIO` to one (zipfile never
   unpacks more than a part's declared size, so the declared sizes bound the work);
2. every worksheet's ``<dimension ref="A1:T2000000"/>`` (read from its first few KB) and
   then its actual ``<row>`` and ``<c>`` elements (counted while streaming, stopping at the
   limit, since the dimension may lie or be absent) within :data:`MAX_SHEET_ROWS` rows and
   :data:`MAX_SHEET_CELLS` cells.

The reader (:mod:`criteria.tables`) also stops after the limits, whatever the scan said.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from xml.etree import ElementTree

from clusterrank.criteria.files import MIB, size_text
from clusterrank.errors import ValidationFailed
from clusterrank.i18n import N_, _, formats

MAX_UNCOMPRESSED_BYTES = 100 * MIB
"""The most an .xlsx workbook may hold once unpacked, all parts together."""
MAX_COMPRESSION_RATIO = 100
"""The most a large part may be compressed (real sheets compress 5 to 30 to one)."""
RATIO_FROM_BYTES = MIB
"""Parts smaller than this (unpacked) are not held to the ratio."""
MAX_MEMBERS = 10_000
"""The most parts an .xlsx archive may have."""
MAX_SHEET_ROWS = 100_000
"""The most rows a worksheet may have."""
MAX_SHEET_COLUMNS = 1_000
"""The most columns the data sheet's header may have."""
MAX_SHEET_CELLS = 2_000_000
"""The most cells a worksheet may have."""

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_PEEK_BYTES = 64 * 1024
_CHUNK = 1024 * 1024
_DIMENSION = re.compile(rb'<(?:\w+:)?dimension\s+ref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"')
_ROW = re.compile(rb"<(?:\w+:)?row[\s/>]")
_CELL = re.compile(rb"<(?:\w+:)?c[\s/>]")
_FORMULA = re.compile(rb"<(?:\w+:)?f[\s/>]")
_FIX = N_("keep only the sheet the decision uses, or save the data as CSV")
_OVER = {  # (what, declared?) -> the sentence; translated where shown
    ("rows", True): N_(
        "sheet {sheet!r} has {n} rows (its declared range {ref}), above the limit of {limit} rows"
    ),
    ("cells", True): N_(
        "sheet {sheet!r} has {n} cells (its declared range {ref}), above the limit of {limit} cells"
    ),
    ("rows", False): N_("sheet {sheet!r} has more rows than the limit of {limit} rows"),
    ("cells", False): N_("sheet {sheet!r} has more cells than the limit of {limit} cells"),
}


@dataclass(frozen=True)
class WorkbookCheck:
    """What the scan found.

    Whether any sheet holds formulas (the reader then looks for formulas without a saved result).
    """

    formulas: int


def _refuse(label: str, message: str, *, fix: bool = False) -> ValidationFailed:
    """The refusal of the workbook; ``fix``: add "keep only the sheet... or save as CSV"."""
    if fix:
        message = _("{reason}; {fix}").format(reason=message, fix=_(_FIX))
    return ValidationFailed.single(label, "", message)


def check_workbook(data: bytes, label: str) -> WorkbookCheck:
    """Refuse a workbook whose archive or sheets exceed the limits; say which limit.

    Raises
    ------
    ValidationFailed
        An old-format .xls file, a file that is not a zip archive, or a limit exceeded.
    """
    if data.startswith(OLE_MAGIC):
        msg = _("an old-format Excel .xls workbook is not read; save it as .xlsx or .csv")
        raise _refuse(label, msg)
    if not data.startswith(ZIP_MAGIC):
        msg = _("not an .xlsx workbook (not a zip archive); save the sheet as .xlsx or .csv")
        raise _refuse(label, msg)
    count = _declared_members(data)
    if count is not None and count > MAX_MEMBERS:
        raise _refuse(label, _parts(count), fix=True)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            _check_sizes(archive.infolist(), label)
            names = _sheet_names(archive)
            formulas = 0
            for info in archive.infolist():
                if info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml"):
                    sheet = names.get(info.filename, info.filename)
                    formulas += _check_sheet(archive, info, sheet, label)
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        NotImplementedError,
        OSError,
        EOFError,
    ) as exc:
        msg = _(
            "the workbook is damaged ({error}); open it in Excel and save it again as .xlsx"
        ).format(error=exc)
        raise _refuse(label, msg) from exc
    return WorkbookCheck(formulas)


def _declared_members(data: bytes) -> int | None:
    """The number of parts the end-of-archive record declares (before zipfile lists them)."""
    at = data.rfind(b"PK\x05\x06", max(0, len(data) - 65_557))
    if at < 0 or at + 22 > len(data):
        return None
    (total,) = struct.unpack_from("<H", data, at + 10)
    return None if total == 0xFFFF else int(total)  # 0xFFFF: ZIP64, zipfile bounds it


def _check_sizes(infos: list[zipfile.ZipInfo], label: str) -> None:
    if len(infos) > MAX_MEMBERS:
        raise _refuse(label, _parts(len(infos)), fix=True)
    total = sum(i.file_size for i in infos)
    if total > MAX_UNCOMPRESSED_BYTES:
        msg = _(
            "the workbook unpacks to {size}, above the limit of {limit} "
            "(the file may be a zip bomb)"
        ).format(size=size_text(total), limit=size_text(MAX_UNCOMPRESSED_BYTES))
        raise _refuse(label, msg, fix=True)
    for info in infos:
        if info.file_size < RATIO_FROM_BYTES:
            continue
        ratio = info.file_size / max(info.compress_size, 1)
        if ratio > MAX_COMPRESSION_RATIO:
            msg = _(
                "part {part} is compressed {ratio} to one, above the limit of "
                "{limit} to one (the file may be a zip bomb)"
            ).format(
                part=info.filename,
                ratio=formats.number(ratio, 0),
                limit=formats.integer(MAX_COMPRESSION_RATIO),
            )
            raise _refuse(label, msg, fix=True)


def _sheet_names(archive: zipfile.ZipFile) -> dict[str, str]:
    """Worksheet part -> sheet name, for messages (empty when the workbook part is odd)."""
    try:
        book = ElementTree.fromstring(archive.read("xl/workbook.xml"))
        rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    except (KeyError, ElementTree.ParseError):
        return {}
    targets = {
        r.get("Id"): "xl/" + str(r.get("Target", "")).lstrip("/").removeprefix("xl/") for r in rels
    }
    out: dict[str, str] = {}
    for element in book.iter():
        if element.tag.endswith("}sheet"):
            rid = next((v for k, v in element.attrib.items() if k.endswith("}id")), None)
            if rid in targets:
                out[targets[rid]] = str(element.get("name", ""))
    return out


def _column_number(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n


def _check_sheet(archive: zipfile.ZipFile, info: zipfile.ZipInfo, sheet: str, label: str) -> int:
    """Refuse a sheet beyond the limits (declared, then counted); return its formula count."""
    with archive.open(info) as stream:
        head = stream.read(_PEEK_BYTES)
    found = _DIMENSION.search(head)
    if found is not None and found.group(3):
        rows = int(found.group(4)) - int(found.group(2)) + 1
        cells = rows * (_column_number(found.group(3)) - _column_number(found.group(1)) + 1)
        ref = b"".join(found.group(1, 2)).decode() + ":" + b"".join(found.group(3, 4)).decode()
        _within_limits(rows, cells, sheet, label, ref)
    rows = cells = formulas = 0
    for block in _blocks(archive, info):
        rows += len(_ROW.findall(block))
        cells += len(_CELL.findall(block))
        formulas += len(_FORMULA.findall(block))
        _within_limits(rows, cells, sheet, label, None)
    return formulas


def _parts(count: int) -> str:
    return _("the workbook has {count} parts, above the limit of {limit}").format(
        count=formats.integer(count), limit=formats.integer(MAX_MEMBERS)
    )


def _within_limits(rows: int, cells: int, sheet: str, label: str, ref: str | None) -> None:
    """Refuse a sheet over the row or cell limit (``ref``: the range it declares, if read)."""
    for n, limit, what in ((rows, MAX_SHEET_ROWS, "rows"), (cells, MAX_SHEET_CELLS, "cells")):
        if n > limit:
            msg = _(_OVER[(what, ref is not None)]).format(
                sheet=sheet, n=formats.integer(n), ref=ref, limit=formats.integer(limit)
            )
            raise _refuse(label, msg, fix=True)


def _blocks(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> Iterator[bytes]:
    """The part's bytes in blocks cut just before a ``<``, so no tag spans two blocks."""
    carry = b""
    with archive.open(info) as stream:
        while chunk := stream.read(_CHUNK):
            buffer = carry + chunk
            cut = buffer.rfind(b"<")
            if cut <= 0:
                carry = buffer
                continue
            carry = buffer[cut:]
            yield buffer[:cut]
    if carry:
        yield carry
