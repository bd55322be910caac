"""Reading inputs within bounds and writing outputs whole or not at all."""

from __future__ import annotations

import codecs
import csv
import ctypes
import io
import os
import re
import shutil
import signal
import tempfile
import unicodedata
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


# --- publishing an output set in one move ---------------------------------------------------

MANIFEST = ".msp-select-outputs"  # names of the set a run published, so the next knows its own
_OUTPUT_SUFFIXES = (".json", ".md", ".html", ".png", ".svg", ".csv", ".xlsx")


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically (Linux renameat2 RENAME_EXCHANGE); False when unsupported."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    return renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0


class OutputSet:
    """The outputs of one run, staged in a hidden folder beside `out` and swapped in whole.

    Creating it checks that `out` can be written (before any work); `publish()` replaces the
    previous set in one move, so an interrupted run leaves the old set and a finished one leaves
    no stale file; `discard()` removes the staging folder. A folder holding files msp-select did
    not write is refused rather than replaced.
    """

    def __init__(self, out: str | os.PathLike):
        self.out = Path(out)
        self.target = Path(os.path.realpath(self.out))
        if self.target.exists() and not self.target.is_dir():
            raise InputError(f"{self.out}: --out must be a folder, not a file")
        self.carry = self._check_existing() if self.target.is_dir() else []
        parent = self.target.parent
        try:
            parent.mkdir(parents=True, exist_ok=True)
            self.stage = Path(tempfile.mkdtemp(dir=parent, prefix=f".{self.target.name}.tmp-"))
        except OSError as err:
            raise InputError(
                f"{self.out}: cannot write there ({err.strerror or err}); "
                "choose a folder you can write to with --out"
            ) from None

    def _check_existing(self) -> list[str]:
        """Hidden entries of the folder to keep; refuse a folder holding the user's own files."""
        if not os.access(self.target, os.W_OK | os.X_OK):
            raise InputError(
                f"{self.out}: the folder is not writable; choose another --out or fix permissions"
            )
        try:
            ours = set((self.target / MANIFEST).read_text(encoding="utf-8").splitlines())
        except (OSError, UnicodeDecodeError):
            ours = set()
        carry = []
        for entry in sorted(os.listdir(self.target)):
            path = self.target / entry
            if entry == MANIFEST or entry in ours:
                continue
            if entry.startswith("."):
                carry.append(entry)
            elif not (path.is_file() and path.suffix.lower() in _OUTPUT_SUFFIXES):
                raise InputError(
                    f"{self.out}: holds {entry!a}, which msp-select did not write; "
                    "choose an empty or new folder for --out"
                )
        return carry

    def publish(self) -> None:
        """Swap the staged set in for the previous one; signals wait until it is done."""
        names = sorted(p.name for p in self.stage.iterdir())
        atomic_write(self.stage / MANIFEST, "".join(n + "\n" for n in names).encode("utf-8"))
        old_mode = self.target.stat().st_mode & 0o7777 if self.target.is_dir() else None
        os.chmod(self.stage, old_mode if old_mode is not None else 0o777 & ~_umask())
        blocked = {signal.SIGINT, signal.SIGTERM}
        previous = signal.pthread_sigmask(signal.SIG_BLOCK, blocked)
        try:
            if old_mode is None:
                os.rename(self.stage, self.target)
                return
            for entry in self.carry:  # the user's hidden files stay where they were
                os.rename(self.target / entry, self.stage / entry)
            if not _exchange(self.stage, self.target):
                aside = Path(tempfile.mkdtemp(dir=self.target.parent, prefix=".old-"))
                os.rename(self.target, aside / "set")
                os.rename(self.stage, self.target)
                os.rename(aside / "set", self.stage)
                aside.rmdir()
            shutil.rmtree(self.stage, ignore_errors=True)  # now the previous set
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, previous)

    def discard(self) -> None:
        shutil.rmtree(self.stage, ignore_errors=True)

    def __enter__(self) -> OutputSet:
        return self

    def __exit__(self, kind, value, tb) -> None:
        if kind is None:
            self.publish()
        else:
            self.discard()

    def final(self, paths) -> tuple[Path, ...]:
        """Where staged files will be once published, as the user named the folder."""
        return tuple(self.out / Path(p).name for p in paths)


# --- names and text from outside, shown safely ----------------------------------------------

# Characters that reorder the text around them (Trojan-source style).
_BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _escape_char(ch: str) -> str:
    code = ord(ch)
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a non-UTF-8 file name (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def safe_name(name: str) -> str:
    """A file name or vendor id of any bytes as valid, printable Unicode for the outputs:
    undecodable bytes and control characters become visible escapes (\\xff, \\x1b)."""
    return "".join(
        _escape_char(ch) if unicodedata.category(ch) in ("Cc", "Cs") else ch for ch in name
    )


def terminal_safe(text: str) -> str:
    """Text for a terminal: control, format (bidirectional, zero-width) and undecodable
    characters escaped, so a file name cannot move the cursor, recolour or reorder a line."""
    return "".join(
        _escape_char(ch) if unicodedata.category(ch) in ("Cc", "Cf", "Cs") else ch for ch in text
    )


def visible_controls(text: str) -> str:
    """Bidirectional controls shown as <U+202E>, so a memo reads in the order it is stored."""
    return _BIDI.sub(lambda m: f"<U+{ord(m.group()):04X}>", text)
