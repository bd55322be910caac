"""Reading inputs within bounds and writing outputs whole or not at all."""

from __future__ import annotations

import codecs
import csv
import io
import os
import tempfile
from pathlib import Path

from msp_select.errors import InputError

MAX_CSV_BYTES = 20 << 20
MAX_CSV_ROWS = 100_000
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def normal_mode(path: str | os.PathLike, folder: bool = False) -> None:
    """Give a file made by mkstemp/mkdtemp (0600/0700) the user's usual permissions."""
    os.chmod(path, (0o777 if folder else 0o666) & ~_umask())


def atomic_write(path: str | os.PathLike, data: bytes) -> None:
    """Write via a temporary file in the same folder, so a reader never sees half a file."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        normal_mode(tmp)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def decode_text(path: Path, raw: bytes, what: str) -> str:
    """Text of a CSV as spreadsheets save it: UTF-8 (with or without BOM) or UTF-16 with BOM."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            break
    else:
        encoding = "utf-8"
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise InputError(
            f"{path}:{line}: the {what} is not UTF-8 or UTF-16 text; "
            "save it as 'CSV UTF-8' and try again"
        ) from None


def read_csv(path: str | os.PathLike, what: str) -> list[tuple[int, list[str]]]:
    """(line number, cells) of every row of a CSV file, within size bounds; errors name file:line.

    Comma-separated, or tab-separated when the header has tabs and no commas (Excel's
    "Unicode text"). `what` names the file in messages ("panel scores", "matrix").
    """
    path = Path(path)
    try:
        with open(path, "rb") as f:
            raw = f.read(MAX_CSV_BYTES + 1)
    except OSError as err:
        raise InputError(f"{path}: cannot read the {what} ({err.strerror or err})") from None
    if len(raw) > MAX_CSV_BYTES:
        raise InputError(
            f"{path}: the {what} is larger than {MAX_CSV_BYTES >> 20} MB; is this the right file?"
        )
    text = decode_text(path, raw, what)
    head = text.split("\n", 1)[0]
    delimiter = "\t" if "\t" in head and "," not in head else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[tuple[int, list[str]]] = []
    line = 1
    try:
        for row in reader:
            rows.append((line, row))
            if len(rows) > MAX_CSV_ROWS:
                raise InputError(
                    f"{path}:{line}: the {what} has more than {MAX_CSV_ROWS} rows; "
                    "split it or check the file"
                )
            line = reader.line_num + 1
    except csv.Error as err:
        raise InputError(
            f"{path}:{reader.line_num or line}: the {what} is not valid CSV ({err}); "
            "check quotes and cell sizes"
        ) from None
    return rows
