"""A folder of parsed Documents keyed by file content, tool version and ingest options.

Entries are JSON, never pickle: a cache folder is not trusted code. A damaged entry is treated
as a miss. Only Documents are cached, never errors: most errors (wrong password, timeout on a
busy machine) depend on how the tool was called, and re-detecting the rest is cheap.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import tempfile
from pathlib import Path

from msp_select import __version__
from msp_select.models import Block, Document, Table


def _code_version() -> str:
    """A digest of the code that shapes a parsed Document, so a changed parser (even at the
    same version number, as in a development checkout) never serves a stale entry."""
    from msp_select import models

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


def default_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_cache_dir("msp-select"))


class Cache:
    """`get(path)` -> Document or None; `put(path, doc)`. Options that change output go in the key."""

    def __init__(self, cache_dir: str | os.PathLike | None = None, **options):
        self.dir = Path(cache_dir) if cache_dir else default_dir()
        self.options = json.dumps(options, sort_keys=True, default=str)
        self.code = _code_version()

    def _entry(self, sha: str) -> Path:
        key = hashlib.sha256(f"{__version__}|{self.code}|{self.options}|{sha}".encode()).hexdigest()
        return self.dir / key[:2] / f"{key}.json"

    def get(self, path: str | os.PathLike) -> Document | None:
        path = Path(path)
        try:
            sha = file_sha256(path)
            data = json.loads(self._entry(sha).read_text(encoding="utf-8"))
            doc = _from_json(data)
        except (OSError, ValueError, KeyError, TypeError):
            return None
        if doc.sha256 != sha:
            return None
        return dataclasses.replace(doc, file=path.name)  # same content under another name

    def put(self, path: str | os.PathLike, doc: Document) -> None:
        entry = self._entry(doc.sha256)
        try:
            entry.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=entry.parent, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(dataclasses.asdict(doc), f, ensure_ascii=False)
            os.replace(tmp, entry)
        except OSError:
            pass  # a cache that cannot be written only costs time


def _from_json(d: dict) -> Document:
    blocks = tuple(
        Block(b["text"], int(b["page"]), tuple(b["bbox"]), bool(b["heading"])) for b in d["blocks"]
    )
    tables = tuple(
        Table(
            tuple(t["header"]),
            tuple(tuple(r) for r in t["rows"]),
            int(t["page"]),
            tuple(t["bbox"]),
            tuple(t["row_pages"]),
        )
        for t in d["tables"]
    )
    return Document(d["file"], d["sha256"], int(d["pages"]), blocks, tables, tuple(d["warnings"]))
