"""Ingestion speed as a ratio to plain pdfplumber `extract_text()` on the same pages.

    python benchmarks/ingest.py [PDF_DIR_OR_FILE ...]

Cold = `ingest.read_pdf` (layout, running heads, tables); cached = `Cache.get` of the stored
Document. Both are timed in this process against the baseline, so the ratios hold on any machine.
Targets: cold <= ~1.2x the baseline, cached >= 50x faster than cold.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from timing import best_of  # noqa: E402

from msp_select import ingest  # noqa: E402
from msp_select.ingest.cache import Cache  # noqa: E402


def pdfs(args: list[str]) -> list[Path]:
    roots = [Path(a) for a in args] or [
        HERE.parent / "proposals",
        HERE.parent.parent / "shared/corpus/dev/proposals",
    ]
    for root in roots:
        found = sorted(root.rglob("*.pdf")) if root.is_dir() else [root] if root.is_file() else []
        if found:
            return found
    sys.exit("no PDFs found; pass a folder or files")


def baseline(path: Path) -> int:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.close()
        return len(pdf.pages)


def main() -> None:
    files = pdfs(sys.argv[1:])
    baseline(files[0])  # import pdfplumber and warm font tables before timing anything
    ingest.read_pdf(files[0])
    base = cold = cached = 0.0
    pages = 0
    with tempfile.TemporaryDirectory() as tmp:
        cache = Cache(tmp)
        for f in files:
            pages += baseline(f)
            base += best_of(lambda: baseline(f))
            cold += best_of(lambda: ingest.read_pdf(f))
            cache.put(f, ingest.read_pdf(f))
            cached += best_of(lambda: cache.get(f))
    print(f"{len(files)} PDFs, {pages} pages")
    print(f"baseline extract_text  {1000 * base / pages:8.2f} ms/page")
    print(
        f"cold read_pdf          {1000 * cold / pages:8.2f} ms/page  = {cold / base:.2f}x baseline"
    )
    print(
        f"cached Cache.get       {1000 * cached / pages:8.3f} ms/page  = {cold / cached:.0f}x faster than cold"
    )


if __name__ == "__main__":
    main()
