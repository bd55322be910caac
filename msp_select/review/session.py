"""What the review app knows: one score run, its documents, and the analyst's overrides.

The PDFs are parsed (or taken from the parse cache) and extracted once, when the session
opens. After that a decision only re-applies PROPOSALS/overrides.yaml to the extracted
records and re-ranks them with the scoring code itself (judgement.apply_overrides,
decide.decide), so an action costs milliseconds and never touches a PDF.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from pathlib import Path

from msp_select import api, decide, models
from msp_select import criteria as criteria_mod
from msp_select.decide import judgement
from msp_select.errors import InputError
from msp_select.review import forms
from msp_select.review.overrides_file import OverridesFile

OVERRIDES_NAME = "overrides.yaml"


@dataclass(frozen=True)
class Snapshot:
    """The state after applying every override: what the pages show."""

    extractions: dict[str, models.VendorExtraction]
    decision: models.Decision
    entries: tuple[judgement.Override, ...] = ()
    applied: tuple[str, ...] = ()
    problem: str = ""  # a hand edit broke overrides.yaml: shown, and actions wait for a fix


@dataclass(frozen=True)
class Run:
    """Where a score run's inputs are: recorded in OUT_DIR/run.json, or given on the command line."""

    out_dir: Path
    proposals: Path
    criteria: Path
    panel: Path | None = None
    method: str | None = None


def find_run(out_dir, proposals=None, criteria=None) -> Run:
    """The inputs of the score run in `out_dir`; explicit folders win over run.json."""
    out = Path(out_dir).resolve()
    if not out.is_dir():
        raise InputError(f"{out_dir}: not a folder; give the --out folder of a `score` run")
    record: dict = {}
    run_file = out / "run.json"
    if run_file.is_file():
        try:
            record = json.loads(run_file.read_text(encoding="utf-8"))
        except ValueError:
            raise InputError(f"{run_file}: not valid JSON; run `msp-select score` again") from None
        if not isinstance(record, dict):
            raise InputError(f"{run_file}: not a run record; run `msp-select score` again")

    def where(given, key: str) -> Path | None:
        if given:
            return Path(given).resolve()
        rel = record.get(key)
        return (out / rel).resolve() if isinstance(rel, str) else None

    prop, crit = where(proposals, "proposals"), where(criteria, "criteria")
    if prop is None or crit is None:
        raise InputError(
            f"{out / 'run.json'}: not found; pass --proposals and --criteria, "
            f"or run `msp-select score ... --out {out_dir}` first"
        )
    method = record.get("method") if isinstance(record.get("method"), str) else None
    return Run(out, prop, crit, where(None, "panel"), method)


@dataclass
class Session:
    """A score run opened for review; thread-safe (the app serves several tabs at once)."""

    run: Run
    vendor_files: dict[str, list[Path]]
    documents: dict[str, list[models.Document]]
    base: list[models.VendorExtraction]
    criteria: models.Criteria
    manual: dict | None
    options: api.ReadOptions
    errors: tuple[str, ...] = ()
    overrides: OverridesFile = field(init=False)
    _snapshot: Snapshot | None = field(default=None, init=False, repr=False)
    _stamp: tuple | None = field(default=None, init=False, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)

    def __post_init__(self):
        self.overrides = OverridesFile(self.run.proposals / OVERRIDES_NAME)

    # --- reading -----------------------------------------------------------------------

    @property
    def vendors(self) -> list[str]:
        return [e.vendor for e in self.base]

    def _file_stamp(self):
        try:
            st = self.overrides.path.stat()
        except FileNotFoundError:
            return None
        return (st.st_mtime_ns, st.st_size, st.st_ino)

    def _decide(self, entries) -> Snapshot:
        extractions, applied = judgement.apply_overrides(self.base, entries)
        decision = decide.decide(
            extractions, self.criteria, self.run.method, manual_scores=self.manual
        )
        return Snapshot(
            {e.vendor: e for e in extractions}, decision, tuple(entries), tuple(applied)
        )

    def _refresh(self) -> Snapshot:
        stamp = self._file_stamp()
        if self._snapshot is not None and stamp == self._stamp:
            return self._snapshot
        try:
            snap = self._decide(self.overrides.entries())
        except InputError as err:
            previous = self._snapshot or self._decide([])
            snap = Snapshot(
                previous.extractions,
                previous.decision,
                previous.entries,
                previous.applied,
                problem=str(err),
            )
        self._snapshot, self._stamp = snap, stamp
        return snap

    def snapshot(self) -> Snapshot:
        """The current state, re-read when overrides.yaml changed since (another tab, an editor)."""
        with self._lock:
            return self._refresh()

    # --- acting ------------------------------------------------------------------------

    def act(self, vendor: str, payload: dict) -> str:
        """Validate one analyst action, append it to overrides.yaml, re-rank; the result in words.

        Raises forms.Refused with a message (and nothing written) for anything invalid.
        """
        if vendor not in self.vendors:
            raise forms.Refused(f"unknown vendor {vendor!r}", 404)
        with self._lock, self.overrides.locked():
            snap = self._refresh()
            if snap.problem:
                raise forms.Refused(f"fix overrides.yaml first: {snap.problem}", 409)
            entry = forms.entry_for(vendor, payload, snap.extractions[vendor], self.documents)
            result: dict[str, Snapshot] = {}

            def check(entries):
                result["snap"] = self._decide(entries)

            try:
                self.overrides.append(entry, check)
            except InputError as err:
                raise forms.Refused(str(err), 409) from None
            self._snapshot, self._stamp = result["snap"], self._file_stamp()
            return self._snapshot.applied[-1]

    # --- documents ---------------------------------------------------------------------

    def document(self, vendor: str, index: int) -> tuple[models.Document, Path]:
        """A vendor's index-th readable document and its file; KeyError for anything else."""
        docs = self.documents.get(vendor)
        if docs is None or not 0 <= index < len(docs):
            raise KeyError((vendor, index))
        doc = docs[index]
        path = next(p for p in self.vendor_files[vendor] if p.name == doc.file)
        return doc, path

    def doc_index(self, vendor: str, file: str) -> int | None:
        for i, doc in enumerate(self.documents.get(vendor, ())):
            if doc.file == file:
                return i
        return None


def open_session(
    out_dir, proposals=None, criteria=None, options: api.ReadOptions = api.ReadOptions()
) -> Session:
    """Open the score run in `out_dir` for review: read its inputs once, check the overrides."""
    run = find_run(out_dir, proposals, criteria)
    vendors = api.proposals_folder(run.proposals)
    crit = criteria_mod.load_criteria(run.criteria)
    options = options.for_client(crit)
    manual = None
    if run.panel is not None:
        manual = judgement.manual_scores(judgement.load_panel(run.panel))
    documents, errors = api.read_documents(vendors, options)
    if not documents:
        raise InputError("no proposal could be read: " + "; ".join(errors))
    base = api.name_vendors(api.extract_documents(documents, options), run.criteria)
    session = Session(run, dict(vendors), documents, base, crit, manual, options, tuple(errors))
    session.snapshot()
    return session
