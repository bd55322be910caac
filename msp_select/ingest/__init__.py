"""PDF -> models.Document: blocks in reading order and tables, with page and bbox.

One pdfplumber parse per page feeds both the words and the table finder, so ingestion costs
about what plain `extract_text()` costs. Unreadable input becomes a one-line DocumentError.
`read_many` parses each document in its own worker process so a hanging or huge file can be
killed at its time limit without taking the run down.
"""

from __future__ import annotations

import hashlib
import logging
import multiprocessing as mp
import os
import re
import time
from collections import Counter
from multiprocessing.connection import wait
from pathlib import Path

from msp_select.errors import DocumentError
from msp_select.ingest import layout, structure, tables, unruled
from msp_select.interrupts import check, held, worker_started
from msp_select.models import Document

# --- opening and checking ----------------------------------------------------------------


def _looks_like(head: bytes) -> str:
    """Say what a non-PDF file looks like, for the error message."""
    if not head:
        return "is empty (0 bytes)"
    kinds = {
        b"\x89PNG": "a PNG image",
        b"\xff\xd8\xff": "a JPEG image",
        b"PK\x03\x04": "a ZIP/Office file",
        b"GIF8": "a GIF image",
        b"II*\x00": "a TIFF image",
        b"MM\x00*": "a TIFF image",
        b"<!DOCTYPE html": "an HTML page",
        b"<html": "an HTML page",
        b"{\\rtf": "an RTF document",
        b"\xd0\xcf\x11\xe0": "an old Office document",
    }
    for magic, kind in kinds.items():
        if head.startswith(magic):
            return f"is not a PDF (it looks like {kind})"
    try:
        head.decode("utf-8")
        return "is not a PDF (it looks like a text file)"
    except UnicodeDecodeError:
        return "is not a PDF (no %PDF- header)"


def _open(path: Path, data: bytes, password: str | None):
    # pdfplumber loads here, not with the package: the extraction cache imports this package
    # to check its code version, and a run served from that cache reads no PDF at all.
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    name = path.name
    if b"%PDF-" not in data[:1024]:
        raise DocumentError(
            name, _looks_like(data[:1024]), "check the file or export it to PDF again"
        )
    for noisy in ("pdfminer", "pdfplumber"):  # library warnings about odd fonts are not for users
        logging.getLogger(noisy).setLevel(logging.ERROR)
    try:
        return pdfplumber.open(path, password=password or "")
    except (
        Exception
    ) as err:  # pdfminer raises many types (PDFSyntaxError, PSEOF, ...) for bad files
        inner = [err, err.__cause__, err.__context__, *err.args]
        if any(isinstance(e, PDFPasswordIncorrect) for e in inner):
            if password:
                raise DocumentError(
                    name, "the password given does not open it", "check --password"
                ) from None
            raise DocumentError(name, "is encrypted", "pass --password") from None
        raise _corrupt(name, err) from None


def _corrupt(name: str, err: Exception) -> DocumentError:
    return DocumentError(
        name,
        f"is damaged or truncated ({type(err).__name__})",
        "open and re-save it as PDF (e.g. print to PDF), then try again",
    )


# --- the entry point -------------------------------------------------------------------------


def read_pdf(
    path: str | os.PathLike, *, password: str | None = None, max_pages: int = 500
) -> Document:
    """Parse one PDF into a Document; raise DocumentError naming the file for bad input."""
    path = Path(path)
    name = path.name
    try:
        data = path.read_bytes()
    except OSError as err:
        raise DocumentError(
            name, f"cannot be read ({err.strerror or err})", "check the path and permissions"
        ) from None
    sha = hashlib.sha256(data).hexdigest()
    pdf = _open(path, data, password)
    try:
        return _parse(pdf, name, sha, max_pages)
    except DocumentError:
        raise
    except MemoryError:
        raise DocumentError(
            name, "needs too much memory to read", "split the document and try again"
        ) from None
    except Exception as err:
        raise _corrupt(name, err) from None
    finally:
        pdf.close()


def _parse(pdf, name: str, sha: str, max_pages: int) -> Document:
    n = len(pdf.pages)
    if n == 0:
        raise DocumentError(name, "has no pages", "check the file or export it to PDF again")
    if n > max_pages:
        raise DocumentError(
            name, f"has {n} pages, over the limit of {max_pages}", "use --max-pages"
        )
    pages, warnings = [], []
    for number, page in enumerate(pdf.pages, start=1):
        words = page.extract_words(extra_attrs=["size", "fontname"])
        found = page.find_tables() if page.rects or page.lines else []
        ruled = tables.ruled(found, words, number)
        if ruled:
            words = [w for w in words if not any(tables.inside(w, t["bbox"]) for t in ruled)]
        if not words and not ruled:
            warnings.append(f"page {number} has no text layer (scanned?); its content was not read")
        pages.append(
            {"lines": layout.lines_of(words), "tables": ruled}
            | {"height": float(page.height), "width": float(page.width)}
        )
        page.close()  # drop pdfplumber's per-page object cache: keeps memory flat on long files
    if len(warnings) == n:
        raise DocumentError(
            name, "has no text layer (scanned?)", "run OCR first, e.g. ocrmypdf, and try again"
        )
    blocks, found = _structure(pages)
    info = pdf.metadata if isinstance(pdf.metadata, dict) else {}
    return Document(
        name,
        sha,
        n,
        blocks,
        found,
        tuple(warnings),
        title=_info_text(info.get("Title")),
        author=_info_text(info.get("Author")),
        running=_running_texts(pages),
    )


def _info_text(value) -> str:
    """A document-information entry as one clean line; "" for anything but text."""
    if not isinstance(value, str):
        return ""
    text = "".join(ch if ch.isprintable() else " " for ch in value)
    return " ".join(text.split())[:200]


def _running_texts(pages: list[dict], most: int = 8) -> tuple[str, ...]:
    """The distinct texts of the running heads and footers, in the order first seen."""
    running = layout.running_keys([p["lines"] for p in pages], [p["height"] for p in pages])
    seen: dict[str, str] = {}  # masked text ("Page # of #") -> the first text seen
    for p in pages:
        for line in p["lines"]:
            key = layout._key(line)
            if layout.in_margin(line, p["height"]) and key in running:
                seen.setdefault(key[0], " ".join(line["text"].split())[:200])
                if len(seen) == most:
                    return tuple(seen.values())
    return tuple(seen.values())


def _structure(pages: list[dict]):
    """Running heads out, unruled tables found, then paragraphs in reading order measured
    against the body text size (the size most characters outside tables have)."""
    running = layout.running_keys([p["lines"] for p in pages], [p["height"] for p in pages])
    sizes: Counter = Counter()
    for number, p in enumerate(pages, start=1):
        kept = layout.body_lines(p["lines"], p["height"], running)
        spaced, p["kept"] = [], []
        for group in layout.prose_columns(kept, p["width"]):
            found, rest = unruled.find(group, number)
            spaced += found
            p["kept"] += rest
        p["kept"].sort(key=lambda ln: (ln["top"], ln["x0"]))
        p["tiles"] = [t for t in spaced if t["tiles"]]
        spaced = [t for t in spaced if t not in p["tiles"]]
        p["tables"] = sorted(p["tables"] + spaced, key=lambda t: t["bbox"][1])
    unruled.keep_tails(pages)
    unruled.cut_headers(pages)
    unruled.carried_rows(pages)
    for p in pages:
        for line in p["kept"]:
            for w in line["words"]:
                sizes[round(w.get("size") or 0, 1)] += len(w["text"])
    body = sizes.most_common(1)[0][0] if sizes else 10.0
    layout.arrows_as_bullets([p["kept"] for p in pages])
    raw_blocks: list[dict] = []
    raw_tables: list[dict] = []
    for number, p in enumerate(pages, start=1):
        words = [w for line in p["kept"] for w in line["words"]]
        blocks = layout.paragraphs(layout.reading_order(words, p["width"]), number, body)
        blocks = _with_tiles(blocks, p["tiles"], number, body)
        forms = {id(t): boxes for t in p["tables"] if (boxes := tables.boxes(t))}
        blocks = _with_boxes(blocks, [t for t in p["tables"] if id(t) in forms], forms, body)
        page_tables = [tables.finish(t) for t in p["tables"] if id(t) not in forms]
        _place(page_tables, blocks, p["height"])
        raw_blocks += blocks
        raw_tables += page_tables
    merged = tables.merge(raw_tables)
    taken = {id(label) for t in merged for label in t.get("taken_labels", ())}
    raw_blocks = [b for b in raw_blocks if id(b) not in taken]
    return structure.build(layout.join_pages(raw_blocks), merged)


def _with_tiles(blocks: list[dict], grids: list[dict], page: int, body: float) -> list[dict]:
    """Each tile of a grid of headline figures as a list item of its own, where the grid stood."""
    for t in grids:
        x0, top, x1, bottom = t["bbox"]
        items = [
            {"text": text, "page": page, "heading": False, "item": True, "bold": False}
            | {"size": body, "bbox": t["bbox"], "x0": x0, "top": top, "x1": x1, "bottom": bottom}
            for text in t["tiles"]
        ]
        at = sum(1 for b in blocks if b["top"] < top)
        blocks = blocks[:at] + items + blocks[at:]
    return blocks


def _with_boxes(blocks: list[dict], forms: list[dict], boxes: dict, body: float) -> list[dict]:
    """Each box of a form set out as a grid of numbered boxes (`boxes`, by the form's id) as a
    paragraph of its own, where the grid stood (its title is the box's first words, as a
    run-in title is)."""
    for t in forms:
        x0, top, x1, bottom = t["bbox"]
        paragraphs = [
            {"text": text, "page": t["page"], "heading": False, "item": False, "bold": False}
            | {"size": body, "bbox": t["bbox"], "x0": x0, "top": top, "x1": x1, "bottom": bottom}
            for text in boxes[id(t)]
        ]
        at = sum(1 for b in blocks if b["top"] < top)
        blocks = blocks[:at] + paragraphs + blocks[at:]
    return blocks


def _place(page_tables: list[dict], blocks: list[dict], height: float) -> None:
    """Mark tables that open or close their page (nothing above / below them but margins),
    and the first table under nothing but a title in the page's top margin."""
    boxes = [b["bbox"] for b in blocks] + [t["bbox"] for t in page_tables]
    for t in page_tables:
        top, bottom = t["bbox"][1], t["bbox"][3]
        others = [b for b in boxes if b is not t["bbox"]]
        below = [b for b in blocks if b["bbox"][1] >= bottom - 2]
        t["first_on_page"] = not any(b[3] <= top + 2 for b in others)
        t["below_title"] = not any(
            b[3] <= top + 2 and b[1] > height * layout.HEADER_BAND for b in others
        )
        cut = len(below) == 1 and _cut_off_label(below[0], t)
        t["last_on_page"] = not any(b[1] >= bottom - 2 for b in others) or cut
        if cut:
            t["cut_label"] = below[0]  # the next page's rows stand under it, if they carry on
        above = [b for b in blocks if b["bbox"][3] <= top + 2]
        if len(above) == 1 and _label_over(above[0], t):
            t["head_label"] = above[0]  # the rows it carries on from the page before stand under it


def _label_over(block: dict, t: dict) -> bool:
    """A few words set in the table's first column right over it, first on the page: the
    sub-header of the rows this page carries on ("We'll have you working again within")."""
    x0, bottom = block["bbox"][0], block["bbox"][3]
    return (
        not block["heading"]
        and abs(x0 - t["bbox"][0]) <= 12
        and t["bbox"][1] - bottom <= 2.5 * block["size"]
        and len(block["text"].split()) <= 8
        and not block["text"].rstrip().endswith((".", ":", ";"))
        and not _PAGE_TITLE.search(block["text"])
    )


# "Acme IT - Service levels, continued": a page's title over a table carried on, no sub-header
_PAGE_TITLE = re.compile(r"\bcont(?:inued|'d|\.)|\s[-–—|]\s", re.IGNORECASE)


def _cut_off_label(block: dict, t: dict) -> bool:
    """A few words set in the table's first column right under it, last on the page: the
    sub-header of rows the next page carries on ("Platform and continuity")."""
    x0, top = block["bbox"][0], block["bbox"][1]
    return (
        abs(x0 - t["bbox"][0]) <= 12
        and top - t["bbox"][3] <= 2.5 * block["size"]
        and len(block["text"].split()) <= 6
        and not block["text"].rstrip().endswith((".", ":", ";"))
    )


# --- many documents: parallel worker processes with a time limit -----------------------------

POLL = 0.5  # seconds between checks for a signal whose exception a finalizer swallowed
MEMORY_LIMIT = 1 << 30  # bytes a worker may grow by before it fails with "needs too much memory"


def _limit_memory(extra: int) -> None:
    """Cap the worker's address space at its size now plus `extra` (Linux; elsewhere no cap)."""
    try:
        import resource

        with open("/proc/self/statm") as f:
            now = int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        resource.setrlimit(
            resource.RLIMIT_AS, (now + extra, resource.getrlimit(resource.RLIMIT_AS)[1])
        )
    except (ImportError, OSError, ValueError):
        pass


def _worker(conn, path, password, max_pages, parent):
    # Results and errors travel through `conn`; what a dying worker or a chatty PDF library
    # would print (e.g. "Fatal Python error" when out of memory) is not for the user.
    worker_started(parent)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)
    _limit_memory(MEMORY_LIMIT)
    try:
        conn.send(read_pdf(path, password=password, max_pages=max_pages))
    except DocumentError as err:  # sent as a tuple: DocumentError's signature defeats pickle
        conn.send((err.file, err.problem, err.advice))
    except BaseException as err:  # never let a worker die silently
        bad = _corrupt(Path(path).name, err)
        conn.send((bad.file, bad.problem, bad.advice))
    finally:
        conn.close()


def read_many(
    paths,
    *,
    password=None,
    max_pages=500,
    timeout=120.0,
    jobs=None,
    cache=None,
    progress=None,
    elapsed=None,
):
    """Parse PDFs in parallel worker processes; results (Document or DocumentError) in input order.

    `cache` is a cache.Cache (or None); `progress(done, total, path)` is called as each finishes.
    A worker over `timeout` seconds is killed and reported as a DocumentError. `elapsed`, a
    list, receives each document's reading time in seconds (0 for a cache hit). However the
    call ends (an error, Ctrl-C, SIGTERM), no worker outlives it.
    """
    paths = [Path(p) for p in paths]
    results: list = [None] * len(paths)
    seconds = [0.0] * len(paths)
    done = 0

    def finish(i: int, result, started: float | None = None) -> None:
        nonlocal done
        results[i] = result
        if started is not None:
            seconds[i] = time.monotonic() - started
        done += 1
        if progress:
            progress(done, len(paths), paths[i])

    todo = []
    for i, p in enumerate(paths):
        hit = cache.get(p) if cache else None
        if hit is None:
            todo.append(i)
        else:
            finish(i, hit)
    running: dict = {}  # conn -> (index, process, started)
    try:
        _run_workers(paths, todo, running, finish, password, max_pages, timeout, jobs, cache)
    finally:
        for conn, (_, proc, _) in running.items():
            proc.kill()
            proc.join()
            conn.close()
    if elapsed is not None:
        elapsed[:] = seconds
    return results


def _run_workers(paths, todo, running, finish, password, max_pages, timeout, jobs, cache):
    """Keep up to `jobs` workers busy until every document of `todo` has finished or timed out."""
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
    jobs = max(1, jobs or os.cpu_count() or 1)
    parent = os.getpid()
    while todo or running:
        while todo and len(running) < jobs:
            i = todo.pop(0)
            _start(ctx, running, i, (str(paths[i]), password, max_pages, parent))
        check()
        wait_for = max(
            0.05, min(start + timeout for _, _, start in running.values()) - time.monotonic()
        )
        for conn in wait(list(running), timeout=min(wait_for, POLL)):
            i, proc, started = running.pop(conn)
            result = _receive(conn, proc, paths[i].name)
            if cache and isinstance(result, Document):
                cache.put(paths[i], result)
            finish(i, result, started)
        _stop_overdue(running, paths, timeout, finish)


def _start(ctx, running: dict, i: int, args: tuple) -> None:
    """Start a worker reading document `i` (args: path, password, max_pages, parent pid)."""
    recv, send = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_worker, args=(send, *args), daemon=True)
    with held():  # a signal now would reach the child before it can ignore it
        proc.start()
        running[recv] = (i, proc, time.monotonic())
    send.close()


def _receive(conn, proc, name: str):
    """A finished worker's Document or DocumentError; its pipe closed and process joined."""
    try:
        got = conn.recv()
        result = DocumentError(*got) if isinstance(got, tuple) else got
    except (EOFError, OSError):  # the worker died without answering (e.g. killed for memory)
        result = DocumentError(
            name,
            "could not be read (the reader stopped unexpectedly)",
            "the file may be too large or damaged; re-save it as PDF",
        )
    conn.close()
    proc.join()
    return result


def _stop_overdue(running: dict, paths, timeout: float, finish) -> None:
    """Kill the workers that have run longer than `timeout`; each document gets an error."""
    now = time.monotonic()
    for conn, (i, proc, start) in list(running.items()):
        if now - start > timeout:
            proc.kill()
            proc.join()
            conn.close()
            del running[conn]
            finish(
                i,
                DocumentError(
                    paths[i].name,
                    f"took longer than {timeout:g} s to read",
                    "it may be very large or malformed; raise the limit with --timeout",
                ),
                start,
            )
