"""Review app speed: a page image, and an action's round trip, on a scored corpus.

    python benchmarks/review.py [CORPUS]      # default ../shared/corpus/dev

The corpus is copied to a temporary folder and scored first (nothing in it is modified).
Timed in this process:
- a page image: every page rendered cold by the app (pdfplumber's to_image, the quote's box
  drawn, PNG encoded) against plain pdfplumber to_image + PNG of the same page; the median
  page is the "typical page" (aim: under 0.5 s);
- an action's round trip: accepting a commitment through the app (validate, append to
  overrides.yaml under the lock, re-apply every override, re-rank, render the new ranking
  and evidence) against one plain decide() of the same records (aim: under 0.3 s).
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

from timing import best_of

ROOT = Path(__file__).resolve().parents[1]


def _timed(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def pages(session):
    """(vendor, doc index, path, page number, a bbox on that page or None) for every page."""
    snap = session.snapshot()
    for vendor, docs in session.documents.items():
        boxes = {
            (r.source.file, r.source.page): r.source.bbox
            for r in snap.extractions[vendor].commitments
            if r.source.bbox
        }
        for i, doc in enumerate(docs):
            _, path = session.document(vendor, i)
            for n in range(1, doc.pages + 1):
                yield vendor, i, path, n, boxes.get((doc.file, n))


def render_times(session) -> tuple[list[float], list[float]]:
    import pdfplumber

    from msp_select.review.pages import RESOLUTION, PageImages

    ours, plain = [], []
    for _, _, path, n, bbox in pages(session):

        def baseline():
            with pdfplumber.open(path) as pdf:
                pdf.pages[n - 1].to_image(resolution=RESOLUTION).original.save(
                    io.BytesIO(), format="PNG"
                )

        plain.append(_timed(baseline))
        ours.append(_timed(lambda: PageImages().png(path, n, bbox)))  # a fresh, cold cache
    return ours, plain


def round_trip(session) -> tuple[float, float]:
    from msp_select import decide
    from msp_select.review import create_app
    from msp_select.review.forms import item_id

    app = create_app(session, token="bench")
    client = app.test_client()
    vendor = session.snapshot().decision.ranking[0].vendor
    records = iter(session.snapshot().extractions[vendor].commitments)

    def accept():
        record = next(records)
        payload = {
            "action": "accept",
            "item": item_id(record),
            "note": "bench",
            "analyst": "BM",
        }
        r = client.post(f"/action/{vendor}", json=payload, headers={"X-Review-Token": "bench"})
        assert r.status_code == 200, r.get_json()

    action = best_of(accept, repeat=5)
    snap = session.snapshot()
    plain = best_of(
        lambda: decide.decide(
            list(snap.extractions.values()), session.criteria, session.run.method
        ),
        repeat=5,
    )
    return action, plain


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", nargs="?", default=str(ROOT.parent / "shared" / "corpus" / "dev"))
    a = ap.parse_args()

    from msp_select.review import open_session

    sys.path.insert(0, str(ROOT))
    from tests.scored_corpus import scored_copy

    corpus = Path(a.corpus)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        options = scored_copy(corpus, work)
        t0 = time.perf_counter()
        session = open_session(work / "out", options=options)
        opened = time.perf_counter() - t0

        ours, plain = render_times(session)
        typical, worst = statistics.median(ours), max(ours)
        action, decide_once = round_trip(session)

    print(f"corpus {corpus}: {len(session.vendors)} vendors, {len(ours)} pages")
    print(f"open the session (parse cache, extraction)     {opened:8.2f} s")
    print(f"plain pdfplumber to_image + PNG, median page   {statistics.median(plain):8.3f} s")
    print(f"page image with highlight, median (typical)    {typical:8.3f} s")
    print(f"page image with highlight, slowest page        {worst:8.3f} s")
    print(
        f"ratio app / plain pdfplumber, median page      {typical / statistics.median(plain):8.2f}x"
    )
    print(f"plain decide() of the same records             {decide_once * 1000:8.1f} ms")
    print(f"action round trip (write, re-rank, render)     {action * 1000:8.1f} ms")
    print(f"ratio round trip / plain decide()              {action / decide_once:8.2f}x")
    print(f"aim: typical page image under 0.5 s -> {'met' if typical < 0.5 else 'NOT met'}")
    print(f"aim: action round trip under 0.3 s  -> {'met' if action < 0.3 else 'NOT met'}")


if __name__ == "__main__":
    main()
