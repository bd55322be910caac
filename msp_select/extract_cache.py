"""Extraction results cached beside the parsed documents: a re-score with new weights or
criteria reads each vendor's commitments back instead of parsing and extracting again.

An entry is keyed by the vendor id, each file's name and content digest, the tool version, a
digest of every file that shapes a VendorExtraction (ingest/, extract/, patterns/, vocab.py
with data/currencies.yaml and categories.yaml, data/units.txt, models.py, units.py), the
spaCy pipeline and the spaCy, lookups and Babel versions, the page
limit, the client's currency (criteria that change it change what "Rs." means) and the
password digest.
The rules of ingest/cache.py hold: sealed JSON entries, checked field by field against the
models' type hints (a damaged or edited entry is a miss), and nothing stored for a vendor
with an encrypted document, so a call without its password never sees its content.
"""

from __future__ import annotations

import dataclasses
import enum
import functools
import hashlib
import json
import os
import types
import typing
from importlib import metadata
from pathlib import Path

from msp_select import __version__, models
from msp_select.ingest import cache as parse_cache

_PACKAGE = Path(__file__).resolve().parent
_SHAPING = (
    "ingest/**/*.py",
    "extract/**/*.py",
    "patterns/**/*",
    "data/units.txt",
    "data/currencies.yaml",
    "data/categories.yaml",
    "vocab.py",
    "models.py",
    "units.py",
    "company.py",
    "data/company.yaml",
)


@functools.lru_cache(maxsize=1)
def code_version() -> str:
    """Digest of the code and pattern files an extraction depends on, and of the versions of
    the packages that tokenise and lemmatise (read from their metadata: no import)."""
    digest = hashlib.sha256()
    files = sorted({p for glob in _SHAPING for p in _PACKAGE.glob(glob) if p.is_file()})
    for path in files:
        if "__pycache__" in path.parts:
            continue
        digest.update(path.relative_to(_PACKAGE).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
    for package in ("spacy", "spacy-lookups-data", "babel"):  # babel: currency names
        try:
            digest.update(f"{package}={metadata.version(package)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{package}=none".encode())
    return digest.hexdigest()[:16]


class ExtractionCache:
    """`get(vendor, files)` -> VendorExtraction or None; `put(vendor, files, extraction)`."""

    def __init__(
        self,
        cache_dir: str | os.PathLike | None = None,
        *,
        password: str | None = None,
        spacy_model: str | None = None,
        max_pages: int = 500,
        currency: str = "",
    ):
        folder = Path(cache_dir) if cache_dir else parse_cache.default_dir()
        self.store = parse_cache.Store(folder / "extractions")
        self.context = json.dumps(
            [__version__, code_version(), spacy_model or "", max_pages, currency],
        )
        self.password = parse_cache.password_digest(password)

    def _key(self, vendor: str, files) -> str | None:
        try:
            docs = [[Path(f).name, parse_cache.file_sha256(Path(f))] for f in files]
        except OSError:
            return None
        parts = json.dumps([self.context, self.password, vendor, docs], ensure_ascii=False)
        return hashlib.sha256(parts.encode()).hexdigest()

    def get(self, vendor: str, files) -> models.VendorExtraction | None:
        key = self._key(vendor, files)
        if key is None:
            return None
        found: list = []

        def valid(payload) -> bool:
            try:
                found.append(decode(models.VendorExtraction, payload))
            except (TypeError, ValueError, KeyError):
                return False
            return found[-1].vendor == vendor

        return found[-1] if self.store.load(key, valid) is not None else None

    def put(self, vendor: str, files, extraction: models.VendorExtraction) -> None:
        if any(parse_cache.encrypted(f) for f in files):
            return
        key = self._key(vendor, files)
        if key is not None:
            self.store.save(key, encode(extraction))


# --- dataclasses <-> JSON, checked against the type hints --------------------------------


def encode(value):
    """A frozen dataclass tree as JSON data (tuples as lists, enums by value)."""
    if dataclasses.is_dataclass(value):
        return {f.name: encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, enum.Enum):
        return encode(value.value)
    if isinstance(value, (tuple, list)):
        return [encode(v) for v in value]
    if isinstance(value, dict):
        return {str(k): encode(v) for k, v in value.items()}
    return value


@functools.lru_cache(maxsize=None)
def _hints(cls) -> dict:
    return typing.get_type_hints(cls)


def decode(tp, data):  # noqa: C901 (one branch per kind of type hint)
    """Rebuild a value of type `tp` from JSON data; TypeError when the data does not fit."""
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if dataclasses.is_dataclass(tp):
        if not isinstance(data, dict):
            raise TypeError(f"{tp.__name__}: not an object")
        fields = {f.name for f in dataclasses.fields(tp) if f.init}
        if set(data) != fields:
            raise TypeError(f"{tp.__name__}: fields {sorted(data)} != {sorted(fields)}")
        hints = _hints(tp)
        return tp(**{name: decode(hints[name], data[name]) for name in fields})
    if origin in (typing.Union, types.UnionType):
        if data is None and type(None) in args:
            return None
        for option in (a for a in args if a is not type(None)):
            try:
                return decode(option, data)
            except (TypeError, ValueError):
                continue
        raise TypeError(f"{data!r} fits none of {args}")
    if origin is tuple:
        if not isinstance(data, list):
            raise TypeError("not a list")
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(decode(args[0], v) for v in data)
        if len(args) != len(data):
            raise TypeError("wrong length")
        return tuple(decode(a, v) for a, v in zip(args, data))
    if origin is dict:
        if not isinstance(data, dict):
            raise TypeError("not an object")
        return {decode(args[0], k): decode(args[1], v) for k, v in data.items()}
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return tp(data)
    if tp is float:
        if isinstance(data, bool) or not isinstance(data, (int, float)):
            raise TypeError("not a number")
        return data
    if tp in (str, int, bool):
        if type(data) is not tp:
            raise TypeError(f"not a {tp.__name__}")
        return data
    if tp is typing.Any or tp is object:
        return data
    raise TypeError(f"unsupported type {tp!r}")
