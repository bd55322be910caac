"""PDF -> models.Document: blocks in reading order and tables, with page and bbox.

One pdfplumber parse per page feeds both the words and the table finder, so ingestion costs
about what plain `extract_text()` costs. Unreadable input becomes a one-line DocumentError.
`read_many` parses each document in its own worker process so a hanging or huge file can be
killed at its time limit without taking the run down.
"""

from __future__ import annotations

import hashlib
import os
import re
import time
from collections import Counter
from pathlib import Path

from msp_select.errors import DocumentError
from msp_select.models import Block, Document, Table

BULLET = re.compile(r"^(?:[•●▪◦‣∙·\-–*]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s")
PAGE_NUMBER = re.compile(r"^(?:page\s+)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:of|/)\s*\d{1,4})?$", re.I)
HEADER_BAND = 0.07  # top/bottom fraction of the page where running heads live
LINE_TOLERANCE = 3.0  # words whose tops differ by less than this share a line


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
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    name = path.name
    if b"%PDF-" not in data[:1024]:
        raise DocumentError(
            name, _looks_like(data[:1024]), "check the file or export it to PDF again"
        )
    import logging

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


# --- layout: words -> lines -> blocks ------------------------------------------------------

_GLYPH = re.compile(r"^(?:\(cid:\d+\)|[•●▪◦‣∙·])$")


def _lines(words: list[dict]) -> list[dict]:
    """Group words into lines (top-to-bottom, left-to-right).

    A bullet glyph often sits a fraction of a point off its line's baseline, so it joins the
    line it is level with even though it lies to the left; an unmapped glyph ("(cid:127)")
    becomes "•" so the paragraph logic sees a list item.
    """
    lines: list[dict] = []
    for w in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        line = lines[-1] if lines else None
        glyph = _GLYPH.match(w["text"]) is not None
        if glyph:
            w = dict(w, text="•")
        if (
            line
            and abs(w["top"] - line["top"]) < LINE_TOLERANCE
            and (w["x0"] >= line["x1"] - 1 or glyph)
        ):
            line["words"].append(w)
            line["x1"] = max(line["x1"], w["x1"])
            line["bottom"] = max(line["bottom"], w["bottom"])
        else:
            lines.append(
                {"words": [w], "top": w["top"], "x0": w["x0"], "x1": w["x1"], "bottom": w["bottom"]}
            )
    for line in lines:
        line["words"].sort(key=lambda w: w["x0"])
        line["x0"] = line["words"][0]["x0"]
        line["text"] = " ".join(w["text"] for w in line["words"])
        text_words = [w for w in line["words"] if w["text"] != "•"] or line["words"]
        line["text_x0"] = text_words[0]["x0"]  # a bullet's hanging indent is not a new paragraph
        line["size"] = max(w.get("size", 0) or 0 for w in text_words)
        line["bold"] = all(_bold(w) for w in text_words)
    return lines


def _bold(word: dict) -> bool:
    font = (word.get("fontname") or "").lower()
    return "bold" in font or "black" in font or "heavy" in font


def _gutter(words: list[dict], width: float) -> float | None:
    """The x of an empty vertical strip between two text columns, or None for one column."""
    if len(words) < 20 or width <= 0:
        return None
    bins = int(width) + 1
    cover = [0] * bins
    for w in words:
        for x in range(max(0, int(w["x0"])), min(bins, int(w["x1"]) + 1)):
            cover[x] += 1
    lo, hi = int(width * 0.3), int(width * 0.7)
    limit = max(1, len(words) // 100)  # a title crossing the gutter is tolerated
    best, run, start = None, 0, 0
    for x in range(lo, hi):
        if cover[x] <= limit:
            if run == 0:
                start = x
            run += 1
            if run >= 8 and (best is None or run > best[1]):
                best = (start, run)
        else:
            run = 0
    if best is None:
        return None
    mid = best[0] + best[1] / 2
    left = sum(1 for w in words if w["x1"] <= mid)
    right = sum(1 for w in words if w["x0"] >= mid)
    return mid if min(left, right) >= 0.2 * len(words) else None


def _reading_order(words: list[dict], width: float) -> list[dict]:
    """Lines in reading order: full-width lines split the page into bands; in a band the
    left column is read before the right one."""
    gutter = _gutter(words, width)
    if gutter is None:
        return _lines(words)
    ordered: list[dict] = []
    left: list[dict] = []
    right: list[dict] = []
    for line in _lines(words):
        crosses = any(w["x0"] < gutter < w["x1"] for w in line["words"])
        if crosses:
            ordered += _lines(left) + _lines(right) + [line]
            left, right = [], []
        else:
            left += [w for w in line["words"] if w["x1"] <= gutter]
            right += [w for w in line["words"] if w["x0"] >= gutter]
    return ordered + _lines(left) + _lines(right)


def _running_keys(pages: list[list[dict]], heights: list[float]) -> set[tuple[str, int]]:
    """(text with digits masked, vertical band) of lines repeated in the margins of many pages."""
    seen: Counter = Counter()
    for lines, height in zip(pages, heights):
        keys = {_key(line) for line in lines if _in_margin(line, height)}
        seen.update(keys)
    need = max(2, len(pages) // 2) if len(pages) > 2 else 2
    return {k for k, n in seen.items() if n >= need}


def _key(line: dict) -> tuple[str, int]:
    return re.sub(r"\d+", "#", line["text"].lower()), int(line["top"] // 10)


def _in_margin(line: dict, height: float, band: float = HEADER_BAND) -> bool:
    return line["bottom"] < height * band or line["top"] > height * (1 - band)


def _join(prev: str, nxt: str) -> str:
    """Join two lines of a paragraph, mending a word hyphenated at the line break."""
    if prev.endswith("-") and nxt[:1].islower():
        frag = re.search(r"(\S+)-$", prev)
        first = nxt.split()[0]
        if frag and frag.group(1).isalpha() and frag.group(1)[-1].islower() and "-" not in first:
            return prev[:-1] + nxt
        return prev + nxt
    return f"{prev} {nxt}"


def _blocks(lines: list[dict], page: int, body: float) -> list[Block]:
    blocks: list[Block] = []
    cur: dict | None = None

    def flush():
        if cur:
            blocks.append(
                Block(
                    cur["text"],
                    page,
                    (cur["x0"], cur["top"], cur["x1"], cur["bottom"]),
                    cur["heading"],
                )
            )

    for line in lines:
        heading = (
            len(line["text"]) < 100
            and not line["text"].endswith((".", ",", ";"))
            and (line["size"] >= body + 1.0 or (line["bold"] and line["size"] >= body - 0.5))
        )
        new = (
            cur is None
            or heading
            or cur["heading"]
            or BULLET.match(line["text"]) is not None
            or line["top"] - cur["last_bottom"] > max(3.0, 0.5 * line["size"])
            or line["top"] < cur["last_top"] - 1  # jumped to another column
            or abs(line["size"] - cur["size"]) > 1.0
            or line["x0"] > cur["last_x0"] + 12
        )  # first-line indent
        if new:
            flush()
            cur = {
                "text": line["text"],
                "x0": line["x0"],
                "top": line["top"],
                "x1": line["x1"],
                "bottom": line["bottom"],
                "heading": heading,
                "size": line["size"],
            }
        else:
            cur["text"] = _join(cur["text"], line["text"])
            cur["x0"], cur["x1"] = min(cur["x0"], line["x0"]), max(cur["x1"], line["x1"])
            cur["bottom"] = max(cur["bottom"], line["bottom"])
        cur["last_bottom"], cur["last_top"], cur["last_x0"] = (
            line["bottom"],
            line["top"],
            line["text_x0"],
        )
    flush()
    return blocks


# --- tables ---------------------------------------------------------------------------------


def _cell(value) -> str:
    return " ".join(str(value).split()) if value is not None else ""


def _page_tables(found, page: int, height: float) -> list[dict]:
    out = []
    for t in found:
        rows = [tuple(_cell(c) for c in row) for row in t.extract()]
        rows = [r for r in rows if any(r)]
        if len(rows) < 2 or len(rows[0]) < 2:
            continue
        out.append(
            {
                "header": rows[0],
                "rows": rows[1:],
                "page": page,
                "bbox": tuple(t.bbox),
                "row_pages": [page] * (len(rows) - 1),
                "height": height,
            }
        )
    return out


def _merge_tables(tables: list[dict]) -> list[Table]:
    """One table continued over a page break (same columns, at the top of the next page) is one."""
    merged: list[dict] = []
    for t in tables:
        prev = merged[-1] if merged else None
        if (
            prev
            and t["page"] == prev["row_pages"][-1] + 1
            and len(t["header"]) == len(prev["header"])
            and t["bbox"][1] < t["height"] * 0.3
            and prev["bbox"][3] > prev["height"] * 0.6
            and not t.get("text_above")
        ):
            body = t["rows"] if t["header"] == prev["header"] else [t["header"]] + t["rows"]
            prev["rows"] += body
            prev["row_pages"] += [t["page"]] * len(body)
            continue
        merged.append({**t, "rows": list(t["rows"])})
    return [
        Table(t["header"], tuple(t["rows"]), t["page"], t["bbox"], tuple(t["row_pages"]))
        for t in merged
    ]


def _inside(word: dict, boxes: list) -> bool:
    cx, cy = (word["x0"] + word["x1"]) / 2, (word["top"] + word["bottom"]) / 2
    return any(b[0] <= cx <= b[2] and b[1] <= cy <= b[3] for b in boxes)


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
    pages_lines, heights, raw_tables, warnings, sizes = [], [], [], [], Counter()
    for number, page in enumerate(pdf.pages, start=1):
        words = page.extract_words(extra_attrs=["size", "fontname"])
        found = page.find_tables() if page.rects or page.lines else []
        tables = _page_tables(found, number, float(page.height))
        boxes = [t["bbox"] for t in tables]
        words = [w for w in words if not _inside(w, boxes)] if boxes else words
        if not words and not tables:
            warnings.append(f"page {number} has no text layer (scanned?); its content was not read")
        lines = _reading_order(words, float(page.width))
        for t in tables:
            t["text_above"] = any(
                ln["bottom"] <= t["bbox"][1] and not _in_margin(ln, page.height) for ln in lines
            )
        for w in words:
            sizes[round(w.get("size") or 0, 1)] += len(w["text"])
        pages_lines.append(lines)
        heights.append(float(page.height))
        raw_tables += tables
        page.close()  # drop pdfplumber's per-page object cache: keeps memory flat on long files
    if len(warnings) == n:
        raise DocumentError(
            name, "has no text layer (scanned?)", "run OCR first, e.g. ocrmypdf, and try again"
        )
    body = sizes.most_common(1)[0][0] if sizes else 10.0
    running = _running_keys(pages_lines, heights)
    blocks: list[Block] = []
    for number, (lines, height) in enumerate(zip(pages_lines, heights), start=1):
        edges = {min(ln["top"] for ln in lines), max(ln["top"] for ln in lines)} if lines else set()
        kept = [
            ln
            for ln in lines
            if not (
                (_in_margin(ln, height) and _key(ln) in running)
                or (ln["top"] in edges and PAGE_NUMBER.match(ln["text"]))
            )
        ]
        blocks += _blocks(kept, number, body)
    return Document(name, sha, n, tuple(blocks), tuple(_merge_tables(raw_tables)), tuple(warnings))


# --- many documents: parallel worker processes with a time limit -----------------------------

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


def _worker(conn, path, password, max_pages):
    # Results and errors travel through `conn`; what a dying worker or a chatty PDF library
    # would print (e.g. "Fatal Python error" when out of memory) is not for the user.
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
    paths, *, password=None, max_pages=500, timeout=120.0, jobs=None, cache=None, progress=None
):
    """Parse PDFs in parallel worker processes; results (Document or DocumentError) in input order.

    `cache` is a cache.Cache (or None); `progress(done, total, path)` is called as each finishes.
    A worker over `timeout` seconds is killed and reported as a DocumentError.
    """
    import multiprocessing as mp
    from multiprocessing.connection import wait

    paths = [Path(p) for p in paths]
    results: list = [None] * len(paths)
    done = 0

    def finish(i: int, result) -> None:
        nonlocal done
        results[i] = result
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
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
    jobs = max(1, jobs or os.cpu_count() or 1)
    running: dict = {}  # conn -> (index, process, started)
    while todo or running:
        while todo and len(running) < jobs:
            i = todo.pop(0)
            recv, send = ctx.Pipe(duplex=False)
            proc = ctx.Process(
                target=_worker, args=(send, str(paths[i]), password, max_pages), daemon=True
            )
            proc.start()
            send.close()
            running[recv] = (i, proc, time.monotonic())
        wait_for = max(
            0.05, min(start + timeout for _, _, start in running.values()) - time.monotonic()
        )
        for conn in wait(list(running), timeout=wait_for):
            i, proc, _ = running.pop(conn)
            try:
                got = conn.recv()
                result = DocumentError(*got) if isinstance(got, tuple) else got
            except (
                EOFError,
                OSError,
            ):  # the worker died without answering (e.g. killed for memory)
                result = DocumentError(
                    paths[i].name,
                    "could not be read (the reader stopped unexpectedly)",
                    "the file may be too large or damaged; re-save it as PDF",
                )
            conn.close()
            proc.join()
            if cache and isinstance(result, Document):
                cache.put(paths[i], result)
            finish(i, result)
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
                )
    return results
