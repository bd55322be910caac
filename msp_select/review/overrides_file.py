"""Add one entry to an overrides.yaml without disturbing what a person wrote there.

The file is edited as text: the new entry is appended as a YAML block in the file's own list
(top level, or under an `overrides:` key at its indentation), so other entries, comments and
blank lines stay byte for byte. The result is parsed back with the project's own loader and
must hold exactly one entry more, equal to the new one; otherwise nothing is written.
"""

from __future__ import annotations

import contextlib
import os
import re
import threading
from pathlib import Path

import yaml

from msp_select.criteria import parse_yaml
from msp_select.decide import judgement
from msp_select.errors import InputError
from msp_select.files import atomic_write

_LIST_ITEM = re.compile(r"^(\s*)-\s")


def entry_yaml(entry: dict, indent: int = 0) -> str:
    """One override as a YAML list item, keys in the documented order."""
    order = [k for k in judgement.ENTRY_KEYS if k in entry]
    text = yaml.safe_dump(
        [{k: entry[k] for k in order}],
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=100,
    )
    pad = " " * indent
    return "".join(pad + line if line.strip() else line for line in text.splitlines(True))


def _list_indent(text: str, path: Path) -> int:
    """The column of the `- ` items of the file's list of overrides."""
    data = parse_yaml(text.encode("utf-8")) if text.strip() else None
    if data is None or isinstance(data, list):
        if isinstance(data, list) and data and text.lstrip().startswith("["):
            raise InputError(f"{path}: written as a one-line [...] list; use one '- ' item a line")
        return 0
    if isinstance(data, dict) and "overrides" in data:
        lines = text.splitlines()
        start = next(i for i, line in enumerate(lines) if line.startswith("overrides:"))
        for line in lines[start + 1 :]:
            m = _LIST_ITEM.match(line)
            if m:
                return len(m.group(1))
            if line.strip() and not line.lstrip().startswith("#"):
                break
        raise InputError(f"{path}: `overrides:` must be followed by '- ' items, one a line")
    raise InputError(f"{path}: expected a list of overrides (lines starting with '- vendor: ...')")


def _clean(value):
    """An entry without the loader's line bookkeeping, for comparison."""
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items() if not str(k).startswith("__")}
    return value


def appended(text: str, entry: dict, path: Path) -> str:
    """The file's text with `entry` added at the end of its list."""
    indent = _list_indent(text, path)
    if indent and text.rstrip().endswith(("[]", "overrides:")):
        raise InputError(f"{path}: `overrides:` holds no list to extend")
    body = text if not text or text.endswith("\n") else text + "\n"
    if body.strip() == "[]":
        body = ""
    return body + entry_yaml(entry, indent)


class OverridesFile:
    """PROPOSALS/overrides.yaml, written by one writer at a time across threads and processes.

    Every write re-reads the file under the lock, so two browser tabs (or two review servers)
    adding entries at once both land.
    """

    def __init__(self, path: Path):
        self.path = Path(path)
        self._lock = threading.Lock()

    @contextlib.contextmanager
    def locked(self):
        """Hold the in-process lock and an advisory lock file beside overrides.yaml."""
        with self._lock:
            lock_path = self.path.with_name("." + self.path.name + ".lock")
            fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
            try:
                try:
                    import fcntl
                except ImportError:  # Windows: the in-process lock is all there is
                    fcntl = None
                if fcntl:
                    fcntl.flock(fd, fcntl.LOCK_EX)
                yield
            finally:
                os.close(fd)

    def text(self) -> str:
        try:
            return self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return ""

    def entries(self, text: str | None = None) -> list[judgement.Override]:
        """The file's entries, parsed and validated by the scoring code's own loader."""
        text = self.text() if text is None else text
        if not text.strip():
            return []
        return judgement.parse_overrides(text.encode("utf-8"), self.path)

    def append(self, entry: dict, check=None) -> list[judgement.Override]:
        """Add `entry`, after `check(all_entries)` accepts the new list; return that list.

        Call inside `locked()`. Nothing is written when the check or the round trip fails.
        """
        text = self.text()
        before = self.entries(text)
        new_text = appended(text, entry, self.path)
        after = self.entries(new_text)
        if len(after) != len(before) + 1 or after[-1].as_entry() != _clean(entry):
            raise InputError(f"{self.path}: could not add the entry without changing others")
        if check is not None:
            check(after)
        atomic_write(self.path, new_text.encode("utf-8"))
        return after
