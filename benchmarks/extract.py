#!/usr/bin/env python3
"""Extraction throughput beside spaCy's bare tokenizer on the same text, in the same run.

    python benchmarks/extract.py [PROPOSALS_DIR] [--repeat 5]

Reads the PDFs once (ingest is not timed), then times `extract_vendor` on every document
and `spacy.blank("en").tokenizer` on the same passages. Without PROPOSALS_DIR it uses
../shared/corpus/dev/proposals when present, else generated text. Aim: extraction at least
half the tokenizer's words per second.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from msp_select import models  # noqa: E402


def load(folder: Path | None) -> list[models.Document]:
    if folder and folder.is_dir():
        from msp_select.ingest import read_pdf

        return [read_pdf(p) for p in sorted(folder.rglob("*.pdf"))]
    sys.path.insert(0, str(ROOT / "tests"))
    from tests.test_extract import DISTRACTORS

    text = [
        "We will respond to P1 incidents within 15 minutes and resolve them within 4 hours.",
        "We guarantee 99.9% availability, with service credits of up to 10% of the monthly fee.",
        "Our helpdesk is staffed 24x7 and on-site visits are available during business hours.",
    ] + DISTRACTORS
    blocks = tuple(
        models.Block(t, 1 + i // 20, (50, 40 * (i % 20), 500, 40 * (i % 20) + 30))
        for i, t in enumerate(text * 30)
    )
    return [models.Document("generated.pdf", "", blocks[-1].page, blocks, ())]


def passages(doc: models.Document) -> list[str]:
    return [b.text for b in doc.blocks] + [
        " | ".join(r) for t in doc.tables for r in (t.header,) + t.rows
    ]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    default = ROOT.parent / "shared" / "corpus" / "dev" / "proposals"
    ap.add_argument("folder", nargs="?", type=Path, default=default if default.is_dir() else None)
    ap.add_argument("--repeat", type=int, default=5)
    a = ap.parse_args()

    import spacy

    from msp_select.extract import extract_document, extract_vendor
    from msp_select.extract.nlp import build_nlp

    docs = load(a.folder)
    texts = [t for d in docs for t in passages(d)]
    words = sum(len(t.split()) for t in texts) * a.repeat
    nlp = build_nlp()
    extract_vendor("warm-up", docs[:1], nlp)
    tokenizer = spacy.blank("en").tokenizer

    t0 = time.perf_counter()
    for _ in range(a.repeat):
        for t in texts:
            tokenizer(t)
    tok = words / (time.perf_counter() - t0)

    # where the time goes: the pipeline's own stages on the same passages
    base = ("sentencizer", "msp_lemmas")
    with nlp.select_pipes(enable=[p for p in nlp.pipe_names if p in base]):
        t0 = time.perf_counter()
        for _ in range(a.repeat):
            list(nlp.pipe(texts))
        lemmas = words / (time.perf_counter() - t0)
    t0 = time.perf_counter()
    for _ in range(a.repeat):
        list(nlp.pipe(texts))
    pipeline = words / (time.perf_counter() - t0)

    t0 = time.perf_counter()
    for _ in range(a.repeat):
        extract_vendor("bench", docs, nlp)
    ext = words / (time.perf_counter() - t0)

    t0 = time.perf_counter()
    for _ in range(a.repeat):
        for d in docs:
            extract_document(d, nlp, finder=None)
    own = words / (time.perf_counter() - t0)

    print(f"text: {len(docs)} documents, {words // a.repeat} words x {a.repeat}")
    print(f"tokenizer   {tok:12,.0f} words/s")
    print(f"  sentencizer + lemmatizer only      {lemmas:12,.0f} words/s ({lemmas / tok:.2f})")
    print(f"  whole spaCy pipeline (+ patterns)  {pipeline:12,.0f} words/s ({pipeline / tok:.2f})")
    print(f"extraction  {ext:12,.0f} words/s  ({ext / tok:.2f} of the tokenizer; aim >= 0.50)")
    print(f"  commitments only (no evidence/flags) {own:,.0f} words/s ({own / tok:.2f})")


if __name__ == "__main__":
    main()
