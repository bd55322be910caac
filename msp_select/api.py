"""The library API behind the CLI: every command is one call here, usable from Python too.

Data flows one way: PDFs -> ingest.Document -> extract.VendorExtraction -> criteria + decide
-> Decision (+ sensitivity) -> report. Outputs are written atomically; inputs are only read.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Sequence

from msp_select import __version__, models
from msp_select.errors import DocumentError, InputError
from msp_select.files import OutputSet, atomic_write, safe_name
from msp_select.io import SCHEMA_VERSION, commitments_json, decision_to_json, write_json

if TYPE_CHECKING:
    from msp_select.decide.handscored import RankOutcome


@dataclass(frozen=True)
class ReadOptions:
    """How PDFs are read: the same for extract and score."""

    password: str | None = None
    max_pages: int = 500
    timeout: float = 120.0
    jobs: int | None = None
    cache_dir: str | None = None
    use_cache: bool = True
    spacy_model: str | None = None
    # the currency the client compares prices in (its criteria's price goals): what a sign
    # several currencies write ("Rs.") means in a document that declares none
    currency: str = ""

    def for_client(self, crit: models.Criteria) -> "ReadOptions":
        """These options with the client's currency, as its criteria's price goals name it,
        unless one is set: score and review read the proposals alike."""
        return dataclasses.replace(self, currency=self.currency or crit.currency)


@dataclass(frozen=True)
class Outcome:
    """What a command produced: files written and one line per document that failed."""

    written: tuple[Path, ...] = ()
    errors: tuple[str, ...] = ()
    extractions: tuple[models.VendorExtraction, ...] = field(default=(), repr=False)
    warnings: tuple[str, ...] = ()  # inputs left out on purpose (a hidden vendor folder)

    @property
    def exit_code(self) -> int:
        return 1 if self.errors else 0


# --- finding vendors --------------------------------------------------------------------


def discover_vendors(paths: Sequence[str | os.PathLike]) -> list[tuple[str, list[Path]]]:
    """(vendor id, PDFs) pairs for `extract`: a PDF is a vendor (id = stem); a folder is read
    as `score` reads a proposals folder (each PDF in it, or each sub-folder of PDFs, a vendor)."""
    vendors: dict[str, list[Path]] = {}
    for raw in paths:
        p = Path(raw)
        if not p.exists():
            raise InputError(f"{p}: no such file or folder")
        if p.is_file():
            vendors.setdefault(safe_name(p.stem), []).append(p)
        else:
            for vendor, files in _proposals(p):
                vendors.setdefault(vendor, []).extend(files)
    return sorted((v, sorted(fs)) for v, fs in vendors.items())


_NOT_PDF = "not a PDF: only PDF proposals are read; save it as PDF to include it"


def skipped_files(folder: str | os.PathLike) -> list[tuple[str, str]]:
    """(path inside the proposals folder, why) for what `score` does not read, so the memo
    can say so: other file types, and a hidden folder (name starting with '.') holding PDFs."""
    folder = Path(folder)
    out = []
    for p in sorted(folder.iterdir()):
        if p.name.startswith("."):
            if p.is_dir() and _pdfs_in(p):
                out.append(
                    (
                        f"{p.name}/",
                        "hidden folder (its name starts with '.'); rename it "
                        "without the dot to score it",
                    )
                )
        elif p.is_file() and p.suffix.lower() != ".pdf" and p.name != "overrides.yaml":
            out.append((p.name, _NOT_PDF))
        elif p.is_dir():
            out += [
                (f"{p.name}/{f.name}", _NOT_PDF)
                for f in sorted(p.iterdir())
                if f.is_file() and not f.name.startswith(".") and f.suffix.lower() != ".pdf"
            ]
    return out


def _proposals(folder: Path) -> list[tuple[str, list[Path]]]:
    """Contract 1: one PDF directly in the folder, or one sub-folder of PDFs, is one vendor."""
    out = [(safe_name(f.stem), [f]) for f in _pdfs_in(folder)]
    out += [(safe_name(d.name), _pdfs_in(d)) for d in _subfolders(folder) if _pdfs_in(d)]
    return sorted(out)


def _subfolders(folder: Path) -> list[Path]:
    return sorted(d for d in folder.iterdir() if d.is_dir() and not d.name.startswith("."))


def _pdfs_in(folder: Path) -> list[Path]:
    return sorted(f for f in folder.iterdir() if f.is_file() and f.suffix.lower() == ".pdf")


def proposals_folder(directory: str | os.PathLike) -> list[tuple[str, list[Path]]]:
    """Vendors of a proposals folder; an empty or missing folder is a usage error."""
    d = Path(directory)
    if not d.is_dir():
        raise InputError(
            f"{d}: proposals folder not found; give the folder holding the vendors' PDFs"
        )
    vendors = _proposals(d)
    if not vendors:
        raise InputError(
            f"{d}: no PDF proposals found; put one PDF (or one folder of PDFs) per vendor there"
        )
    return vendors


# --- reading and extracting ---------------------------------------------------------------


def read_documents(
    vendors: Sequence[tuple[str, list[Path]]],
    options: ReadOptions = ReadOptions(),
    progress: Callable[[int, int, Path], None] | None = None,
) -> tuple[dict[str, list[models.Document]], list[str]]:
    """Parse every PDF (in parallel, cached): each vendor's readable documents, in vendor order.

    A vendor none of whose documents could be read is left out; each failure is one line.
    """
    documents, errors, _ = _read(vendors, options, progress)
    return documents, errors


def _read(vendors, options: ReadOptions, progress):
    """read_documents plus each vendor's time left for extraction (timeout minus reading)."""
    from msp_select import ingest
    from msp_select.ingest.cache import Cache

    files = [f for _, fs in vendors for f in fs]
    elapsed: list[float] = []
    cache = (
        Cache(options.cache_dir, password=options.password, max_pages=options.max_pages)
        if options.use_cache
        else None
    )
    results = ingest.read_many(
        files,
        password=options.password,
        max_pages=options.max_pages,
        timeout=options.timeout,
        jobs=options.jobs,
        cache=cache,
        progress=progress,
        elapsed=elapsed,
    )
    results = [
        dataclasses.replace(r, file=safe_name(r.file)) if isinstance(r, models.Document) else r
        for r in results
    ]
    by_file = dict(zip(files, results))
    left = {f: max(0.0, options.timeout - t) for f, t in zip(files, elapsed)}
    errors = [str(r) for r in results if isinstance(r, DocumentError)]
    documents, budgets = {}, {}
    for vendor, fs in vendors:
        read = [f for f in fs if isinstance(by_file[f], models.Document)]
        if read:
            documents[vendor] = [by_file[f] for f in read]
            budgets[vendor] = sum(left[f] for f in read)
    return documents, errors, budgets


def extract_documents(
    documents: dict[str, list[models.Document]],
    options: ReadOptions = ReadOptions(),
    budgets: dict[str, float] | None = None,
    errors: list[str] | None = None,
) -> list[models.VendorExtraction]:
    """Each vendor's commitments, team-fit evidence and risk flags from its parsed documents.

    A vendor's extraction may take `budgets[vendor]` seconds (default `options.timeout` per
    document); one that takes longer is left out, with one line per document in `errors`.
    """
    if not documents:
        return []
    from msp_select import extract
    from msp_select.extract import nlp as nlp_mod
    from msp_select.interrupts import Overtime, deadline

    nlp = nlp_mod.build_nlp(options.spacy_model)
    shared = _shared_clients({v: _named(v, docs) for v, docs in documents.items()})
    extractions = []
    for vendor, docs in documents.items():
        budget = (budgets or {}).get(vendor, options.timeout * len(docs))
        try:
            with deadline(budget):
                extractions.append(
                    extract.extract_vendor(
                        vendor, docs, nlp=nlp, shared_clients=shared, currency=options.currency
                    )
                )
        except Overtime:
            if errors is not None:
                errors += _overtime(docs, options.timeout)
    return extractions


def name_vendors(
    extractions: Sequence[models.VendorExtraction], criteria_dir=None
) -> list[models.VendorExtraction]:
    """Each extraction with `company` chosen across all vendors, never the client's name (as
    the files in `criteria_dir` give it)."""
    from msp_select import company

    return company.resolve(extractions, company.client_text(criteria_dir))


def read_and_extract(
    vendors: Sequence[tuple[str, list[Path]]],
    options: ReadOptions = ReadOptions(),
    progress: Callable[[int, int, Path], None] | None = None,
) -> tuple[list[models.VendorExtraction], list[str]]:
    """Parse every PDF and extract each vendor's commitments (see read_documents), cached.

    `options.timeout` bounds each document's reading and extraction together. A vendor whose
    extraction is cached is neither parsed nor extracted again; the spaCy pipeline is only
    built when some vendor is not, while the documents are parsed in a forked process.
    """
    from msp_select.extract_cache import ExtractionCache

    xcache = None
    if options.use_cache:
        xcache = ExtractionCache(
            options.cache_dir,
            password=options.password,
            spacy_model=options.spacy_model,
            max_pages=options.max_pages,
            currency=options.currency,
        )
    done = {v: xcache.get(v, fs) for v, fs in vendors} if xcache else {}
    todo = [(v, fs) for v, fs in vendors if done.get(v) is None]

    def parse():
        if todo:
            import pdfplumber  # noqa: F401  (once here, not once in every forked reader)
        return _read(todo, options, progress)

    nlp = None
    if todo and _jobs(options) > 1:
        from msp_select.extract import nlp as nlp_mod
        from msp_select.parallel import Pending

        with Pending(parse) as parsing:
            nlp = nlp_mod.build_nlp(options.spacy_model)
            _warm_up(nlp)
            documents, errors, budgets = parsing.result()
    else:
        documents, errors, budgets = parse()
    # the client's name as every vendor's documents give it: a cached vendor read with
    # another run's names (a vendor added or changed) is read again
    named = {v: e.clients for v, e in done.items() if e is not None}
    named |= {v: _named(v, docs) for v, docs in documents.items()}
    shared = _shared_clients(named)
    stale = [(v, fs) for v, fs in vendors if done.get(v) and done[v].shared_clients != shared]
    if stale:
        more, failed, more_budgets = _read(stale, options, progress)
        documents, errors, budgets = documents | more, errors + failed, budgets | more_budgets
        for v, _ in stale:
            del done[v]
    tasks = [(v, fs, documents[v], budgets[v]) for v, fs in todo + stale if v in documents]
    for (vendor, fs, docs, _), extraction in zip(tasks, _extract(tasks, options, nlp, shared)):
        if extraction is None:  # over its time budget
            errors += _overtime(docs, options.timeout)
            continue
        done[vendor] = extraction
        if xcache and len(docs) == len(fs):
            xcache.put(vendor, fs, extraction)
    return [done[v] for v, _ in vendors if done.get(v) is not None], errors


def _named(vendor: str, docs: Sequence[models.Document]) -> tuple[str, ...]:
    """The client's names one vendor's documents address (strength.client_names)."""
    from msp_select.extract.strength import client_names

    return client_names(vendor, docs)


def _shared_clients(named: dict[str, Sequence[str]]) -> tuple[str, ...]:
    """The names two vendors or more address as the client (strength.shared_clients)."""
    from msp_select.extract.strength import shared_clients

    return shared_clients([named[v] for v in sorted(named)])


def _warm_up(nlp) -> None:
    """Extract from one sentence so that what extraction builds lazily on first use (matchers,
    unit registry, number parsers) is built once here, not again in every forked worker."""
    from msp_select import extract

    block = models.Block("We respond within 15 minutes for USD 100 per month.", 1, (0, 0, 1, 1))
    extract.extract_vendor("", [models.Document("warm-up", "", 1, (block,), ())], nlp=nlp)


def _jobs(options: ReadOptions) -> int:
    return max(1, options.jobs or os.cpu_count() or 1)


def _extract(tasks, options: ReadOptions, nlp=None, shared: Sequence[str] = ()) -> list:
    """extract_vendor for each (vendor, files, documents, seconds allowed), in forked workers
    that share one spaCy pipeline built here, the biggest vendors shared out first; None for
    a vendor over its time. `shared` names the client (strength.shared_clients)."""
    if not tasks:
        return []
    from msp_select import extract
    from msp_select.extract import nlp as nlp_mod
    from msp_select.interrupts import Overtime, deadline
    from msp_select.parallel import map_forked

    nlp = nlp or nlp_mod.build_nlp(options.spacy_model)

    def one(task):
        try:
            with deadline(task[3]):
                return extract.extract_vendor(
                    task[0], task[2], nlp=nlp, shared_clients=shared, currency=options.currency
                )
        except Overtime:
            return None

    return map_forked(
        one,
        tasks,
        _jobs(options),
        weights=[sum(len(d.blocks) + len(d.tables) for d in t[2]) for t in tasks],
    )


def extract(
    paths: Sequence[str | os.PathLike],
    out_dir: str | os.PathLike,
    options: ReadOptions = ReadOptions(),
    progress=None,
) -> Outcome:
    """`msp-select extract`: commitments.json for PDFs or vendor folders, no scoring."""
    vendors = discover_vendors(paths)
    if not vendors:
        raise InputError(f"{', '.join(map(str, paths))}: no PDF files found")
    with OutputSet(out_dir) as outputs:
        extractions, errors = read_and_extract(vendors, options, progress)
        extractions = name_vendors(extractions)
        staged = [write_json(outputs.stage / "commitments.json", commitments_json(extractions))]
    return Outcome(outputs.final(staged), tuple(errors), tuple(extractions))


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def run_date(date: str | None = None) -> str | None:
    """The memo date: `date` (YYYY-MM-DD), else SOURCE_DATE_EPOCH, else None (today).

    Checked before any work, so a bad value is an input error and nothing is written.
    SOURCE_DATE_EPOCH is checked even beside --date: the chart library reads it too.
    """
    import datetime as dt

    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    day = None
    if epoch is not None and epoch.strip():
        try:
            if not epoch.strip().isdigit():
                raise ValueError
            day = dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date().isoformat()
        except (ValueError, OverflowError, OSError):
            raise InputError(
                f"SOURCE_DATE_EPOCH={epoch[:40]!a}: not whole seconds since 1970-01-01; "
                "fix or unset it"
            ) from None
    if date is None:
        return day
    try:
        if not _ISO_DATE.fullmatch(date):
            raise ValueError
        return dt.date.fromisoformat(date).isoformat()
    except ValueError:
        raise InputError(
            f"--date {date[:40]!a}: not a calendar date; write it as YYYY-MM-DD"
        ) from None


# --- scoring ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ScoreOptions:
    method: str | None = None
    overrides: str | None = None  # default: PROPOSALS_DIR/overrides.yaml when present
    panel: str | None = None
    date: str | None = None  # YYYY-MM-DD; default SOURCE_DATE_EPOCH, else today
    formats: tuple[str, ...] = ("md", "html")
    samples: int = 10000
    absent: str = "confirm"  # a must-have with no evidence: "confirm" (stay ranked) or "eliminate"


def score(
    proposals_dir: str | os.PathLike,
    criteria_dir: str | os.PathLike,
    out_dir: str | os.PathLike,
    options: ReadOptions = ReadOptions(),
    score_options: ScoreOptions = ScoreOptions(),
    progress=None,
) -> Outcome:
    """`msp-select score`: the whole job, from PDFs to a signed-off memo.

    Every input and option is checked first; the outputs are published as one set at the end.
    """
    from msp_select import criteria as criteria_mod

    vendors = proposals_folder(proposals_dir)
    crit = criteria_mod.load_criteria(criteria_dir)  # criteria errors before any work
    options = options.for_client(crit)
    if score_options.method:
        from msp_select.decide import canonical_method

        canonical_method(score_options.method)
    from msp_select.decide import judgement

    entries, manual = judgement.load_judgement(
        proposals_dir, score_options.overrides, score_options.panel, [v for v, _ in vendors], crit
    )
    score_options = dataclasses.replace(score_options, date=run_date(score_options.date))

    with OutputSet(out_dir) as outputs:
        extractions, errors = read_and_extract(vendors, options, progress)
        if not extractions:
            raise InputError("no proposal could be read: " + "; ".join(errors))
        extractions = name_vendors(extractions, criteria_dir)
        applied: list[str] = []
        if entries:
            extractions, applied = judgement.apply_overrides(extractions, entries)

        from msp_select import decide
        from msp_select.decide import sensitivity

        decision = decide.decide(
            extractions,
            crit,
            score_options.method,
            manual_scores=manual,
            absent=score_options.absent,
        )
        sens = (
            sensitivity.analyse(decision, samples=score_options.samples)
            if score_options.samples
            else None
        )
        decision = dataclasses.replace(
            decision, sensitivity=sens, overrides=tuple(applied) + tuple(decision.overrides)
        )
        stage = outputs.stage
        staged = [
            write_json(stage / "commitments.json", commitments_json(extractions)),
            write_json(stage / "scores.json", decision_to_json(decision)),
        ]
        skipped = [(safe_name(f), why) for f, why in skipped_files(proposals_dir)]
        documents = {
            "read": [(e.vendor, d.file, d.pages) for e in extractions for d in e.documents],
            "skipped": skipped,
            "unreadable": list(errors),
        }
        staged += _write_memo(stage, extractions, crit, decision, score_options, documents)
        record = _run_record(outputs.out, proposals_dir, criteria_dir, score_options)
        staged.append(_write_run_record(stage / "run.json", record))
    hidden = tuple(
        f"{Path(proposals_dir) / f}: skipped, {why}" for f, why in skipped if f[-1] == "/"
    )
    return Outcome(outputs.final(staged), tuple(errors), tuple(extractions), hidden)


def _write_run_record(path: Path, record: dict) -> Path:
    """run.json as ASCII: a folder name that is not UTF-8 is kept as \\udcXX escapes, which
    read back (json.loads) as the same file-system name, so `review` finds the folder again."""
    text = json.dumps(record, indent=2, ensure_ascii=True) + "\n"
    atomic_write(path, text.encode("ascii"))
    return path


def _run_record(out: Path, proposals_dir, criteria_dir, score_options: ScoreOptions) -> dict:
    """Where a run's inputs are, relative to OUT_DIR, so `review OUT_DIR` finds them again."""

    def rel(path) -> str | None:
        if path is None:
            return None
        return Path(os.path.relpath(Path(path).resolve(), out.resolve())).as_posix()

    return {
        "schema_version": SCHEMA_VERSION,
        "proposals": rel(proposals_dir),
        "criteria": rel(criteria_dir),
        "panel": rel(score_options.panel),
        "method": score_options.method,
    }


def _write_memo(
    out: Path, extractions, crit, decision, score_options: ScoreOptions, documents=None
) -> list[Path]:
    from msp_select import report

    hashes = {d.file: d.sha256 for e in extractions for d in e.documents}
    memo_formats = tuple(f for f in score_options.formats if f in ("md", "html"))
    written = list(
        report.write_reports(
            out,
            extractions,
            crit,
            decision,
            date=score_options.date,
            tool_version=__version__,
            input_hashes=hashes,
            formats=memo_formats,
            documents=documents,
        )
    )
    if {"xlsx", "csv"} & set(score_options.formats):
        from msp_select.report import export  # openpyxl: a quarter second, only when asked
    if "xlsx" in score_options.formats:
        written.append(
            export.write_xlsx(
                out / "decision.xlsx", extractions, crit, decision, date=score_options.date
            )
        )
    if "csv" in score_options.formats:
        written += export.write_csv(out, extractions, crit, decision)
    return written


# --- criteria, hand-scored matrices, comparisons ----------------------------------------------


def init(directory: str | os.PathLike) -> list[Path]:
    """`msp-select init DIR`: a starter criteria folder from the default library."""
    from msp_select import criteria

    return criteria.write_starter(directory)


def check_criteria(directory: str | os.PathLike) -> list[str]:
    """`msp-select criteria check DIR`: one line per problem (file:line), none when valid."""
    from msp_select import criteria

    return criteria.check_criteria(directory)


def rank(
    matrix_csv: str | os.PathLike,
    objectives: str | Sequence[str],
    weights: str | Sequence[float],
    method: str = "topsis",
    samples: int = 10000,
) -> RankOutcome:
    """`msp-select rank MATRIX.csv`: a matrix a team scored by hand, ranked."""
    from msp_select.decide import handscored

    return handscored.rank_matrix(matrix_csv, objectives, weights, method, samples=samples)


def compare(vendors: Sequence[str], out_dir: str | os.PathLike, fmt: str = "text") -> str:
    """`msp-select compare A B --out DIR`: vendors of an earlier `score` run side by side."""
    from msp_select.report import compare as comparison

    scores, commitments = load_run(out_dir)
    return comparison.RENDERERS[fmt](comparison.compare(scores, commitments, list(vendors)))


def load_run(out_dir: str | os.PathLike) -> tuple[dict, dict]:
    """scores.json and commitments.json of an earlier `score` run."""
    out = Path(out_dir)
    docs = []
    for name in ("scores.json", "commitments.json"):
        try:
            docs.append(json.loads((out / name).read_text(encoding="utf-8")))
        except FileNotFoundError:
            raise InputError(
                f"{out / name}: not found; run `msp-select score ... --out {out}` first"
            ) from None
        except ValueError as err:
            raise InputError(
                f"{out / name}: not valid JSON ({err}); run `msp-select score` again"
            ) from None
    return docs[0], docs[1]


def review(
    out_dir: str | os.PathLike,
    proposals: str | os.PathLike | None = None,
    criteria: str | os.PathLike | None = None,
    options: ReadOptions = ReadOptions(),
    port: int | None = None,
    open_browser: bool = True,
    echo: Callable[[str], None] = print,
) -> None:
    """`msp-select review`: serve the review app for an earlier score run until interrupted."""
    import importlib.util

    if importlib.util.find_spec("flask") is None:
        raise InputError("the review app needs Flask: pip install 'msp-select[review]'")
    from msp_select import review as review_mod

    session = review_mod.open_session(out_dir, proposals, criteria, options)
    for line in session.errors:
        echo(f"msp-select: {line}")
    review_mod.serve(session, port=port, open_browser=open_browser, echo=echo)


def _overtime(docs, timeout: float) -> list[str]:
    """One error line per document of a vendor that ran over its read-and-extract budget."""
    return [
        str(
            DocumentError(
                d.file,
                f"took longer than {timeout:g} s to read and extract",
                "it may be very large or malformed; raise the limit with --timeout",
            )
        )
        for d in docs
    ]
