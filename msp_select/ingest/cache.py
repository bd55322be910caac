"""A folder of parsed Documents keyed by file content, tool version and ingest options.

The rules every cache of this project follows (the parse cache here, any later one too):

- Entries are JSON, never pickle: a cache folder is not trusted code.
- An entry is checked against a schema and a checksum of its own payload; one that does not
  fit (damaged, edited, wrong field types) is a miss, never an error and never trusted.
- A document that is encrypted is never stored: its text must not sit in clear on disk, and a
  later call without the password must fail as it would without a cache. The password digest
  is also part of every key, so even a stored entry is only found by a call with that password.
- Only results are cached, never errors: most errors (wrong password, timeout on a busy
  machine) depend on how the tool was called, and re-detecting the rest is cheap.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import math
import os
import tempfile
from pathlib import Path

import platformdirs

from msp_select import __version__, models
from msp_select.models import Block, Document, Table

ENTRY_FORMAT = 1


def _code_version() -> str:
    """A digest of the code that shapes a parsed Document, so a changed parser (even at the
    same version number, as in a development checkout) never serves a stale entry."""
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.glob("*.py")) + [Path(models.__file__)]:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def encrypted(path: str | os.PathLike) -> bool:
    """True when the PDF declares encryption (its trailer names an /Encrypt dictionary).

    The trailer, or the dictionary of a cross-reference stream, is never compressed, so the key
    is visible in the raw bytes; a false positive only costs a cache miss.
    """
    try:
        with open(path, "rb") as f:
            return b"/Encrypt" in f.read()
    except OSError:
        return True  # unknown: do not cache


def password_digest(password: str | None) -> str:
    """What a cache key holds of a password: a one-way digest, never the password."""
    if not password:
        return ""
    return hashlib.sha256(b"msp-select cache password\0" + password.encode("utf-8")).hexdigest()


def default_dir() -> Path:
    return Path(platformdirs.user_cache_dir("msp-select"))


class Store:
    """JSON entries under a folder, each sealed with a checksum of its key and payload.

    `load(key, valid)` returns the payload when it is intact and `valid(payload)` holds, else
    None; `save(key, payload)` writes atomically and ignores a folder that cannot be written.
    """

    def __init__(self, folder: str | os.PathLike):
        self.dir = Path(folder)

    def _path(self, key: str) -> Path:
        return self.dir / key[:2] / f"{key}.json"

    @staticmethod
    def _seal(key: str, payload) -> str:
        body = json.dumps(payload, sort_keys=True, ensure_ascii=False, allow_nan=False)
        return hashlib.sha256(f"{ENTRY_FORMAT}|{key}|{body}".encode()).hexdigest()

    def load(self, key: str, valid) -> object | None:
        try:
            entry = json.loads(self._path(key).read_text(encoding="utf-8"))
            if not isinstance(entry, dict) or entry.get("format") != ENTRY_FORMAT:
                return None
            payload = entry.get("payload")
            if entry.get("checksum") != self._seal(key, payload) or not valid(payload):
                return None
            return payload
        except (OSError, ValueError, TypeError, RecursionError):
            return None

    def save(self, key: str, payload) -> None:
        path = self._path(key)
        try:
            entry = {"format": ENTRY_FORMAT, "checksum": self._seal(key, payload)}
            entry["payload"] = payload
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as f:
                    json.dump(entry, f, ensure_ascii=False, allow_nan=False)
                os.replace(tmp, path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except (OSError, ValueError):
            pass  # a cache that cannot be written only costs time


class Cache:
    """`get(path)` -> Document or None; `put(path, doc)`. Options that change output go in the key.

    `password` is the one the documents are opened with: its digest is part of the key.
    """

    def __init__(
        self, cache_dir: str | os.PathLike | None = None, password: str | None = None, **options
    ):
        self.store = Store(cache_dir if cache_dir else default_dir())
        self.dir = self.store.dir
        self.options = json.dumps(options, sort_keys=True, default=str)
        self.password = password_digest(password)
        self.code = _code_version()

    def _key(self, sha: str) -> str:
        parts = f"{__version__}|{self.code}|{self.options}|{self.password}|{sha}"
        return hashlib.sha256(parts.encode()).hexdigest()

    def get(self, path: str | os.PathLike) -> Document | None:
        path = Path(path)
        try:
            sha = file_sha256(path)
        except OSError:
            return None
        data = self.store.load(self._key(sha), lambda d: valid_document(d) and d["sha256"] == sha)
        if data is None:
            return None
        return dataclasses.replace(_from_json(data), file=path.name)  # same content, new name

    def put(self, path: str | os.PathLike, doc: Document) -> None:
        if encrypted(path):
            return
        self.store.save(self._key(doc.sha256), dataclasses.asdict(doc))


# --- the schema of a stored Document ------------------------------------------------------


def _str(x) -> bool:
    return isinstance(x, str)


def _int(x, lo: int = 0) -> bool:
    return isinstance(x, int) and not isinstance(x, bool) and lo <= x < 1 << 31


def _bbox(x) -> bool:
    return (
        isinstance(x, list)
        and len(x) == 4
        and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in x)
        and all(math.isfinite(v) for v in x)
    )


def _strs(x) -> bool:
    return isinstance(x, list) and all(isinstance(s, str) for s in x)


def _block(b, pages: int) -> bool:
    return (
        isinstance(b, dict)
        and set(b) == {"text", "page", "bbox", "heading", "level", "section", "item", "lead_in"}
        and _str(b["text"])
        and _int(b["page"], 1)
        and b["page"] <= pages
        and _bbox(b["bbox"])
        and isinstance(b["heading"], bool)
        and _int(b["level"])
        and _strs(b["section"])
        and isinstance(b["item"], bool)
        and _str(b["lead_in"])
    )


def _table(t, pages: int) -> bool:
    return (
        isinstance(t, dict)
        and set(t)
        == {"header", "rows", "page", "bbox", "row_pages"}
        | {"header_rows", "subheader_rows", "section", "lead_in"}
        and _strs(t["header"])
        and isinstance(t["rows"], list)
        and all(_strs(r) for r in t["rows"])
        and _int(t["page"], 1)
        and t["page"] <= pages
        and _bbox(t["bbox"])
        and isinstance(t["row_pages"], list)
        and len(t["row_pages"]) == len(t["rows"])
        and all(_int(p, 1) and p <= pages for p in t["row_pages"])
        and isinstance(t["header_rows"], list)
        and all(_strs(r) for r in t["header_rows"])
        and isinstance(t["subheader_rows"], list)
        and all(_int(i) and i < len(t["rows"]) for i in t["subheader_rows"])
        and _strs(t["section"])
        and _str(t["lead_in"])
    )


def valid_document(d) -> bool:
    """True when `d` has exactly the shape of `dataclasses.asdict(Document)`."""
    return (
        isinstance(d, dict)
        and set(d)
        == {"file", "sha256", "pages", "blocks", "tables", "warnings"}
        | {"title", "author", "running"}
        and _str(d["file"])
        and _str(d["sha256"])
        and len(d["sha256"]) == 64
        and _int(d["pages"], 1)
        and isinstance(d["blocks"], list)
        and all(_block(b, d["pages"]) for b in d["blocks"])
        and isinstance(d["tables"], list)
        and all(_table(t, d["pages"]) for t in d["tables"])
        and _strs(d["warnings"])
        and _str(d["title"])
        and _str(d["author"])
        and _strs(d["running"])
    )


def _from_json(d: dict) -> Document:
    blocks = tuple(
        Block(
            b["text"],
            b["page"],
            tuple(b["bbox"]),
            b["heading"],
            b["level"],
            tuple(b["section"]),
            b["item"],
            b["lead_in"],
        )
        for b in d["blocks"]
    )
    tables = tuple(
        Table(
            tuple(t["header"]),
            tuple(tuple(r) for r in t["rows"]),
            t["page"],
            tuple(t["bbox"]),
            tuple(t["row_pages"]),
            tuple(tuple(r) for r in t["header_rows"]),
            tuple(t["subheader_rows"]),
            tuple(t["section"]),
            t["lead_in"],
        )
        for t in d["tables"]
    )
    return Document(
        d["file"],
        d["sha256"],
        d["pages"],
        blocks,
        tables,
        tuple(d["warnings"]),
        d["title"],
        d["author"],
        tuple(d["running"]),
    )
