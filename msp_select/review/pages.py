"""PDF pages as PNG images, with the quote's bounding box drawn on them (pdfplumber rendering).

A rendered page is kept (a few dozen at most), so moving between the items of one page only
redraws the box. pdfplumber objects are not thread-safe: one lock guards them.
"""

from __future__ import annotations

import io
import math
import threading
from collections import OrderedDict
from pathlib import Path

import pdfplumber

RESOLUTION = 96  # pixels per inch: a letter page is 816 x 1056
KEEP = 32  # rendered pages kept
HIGHLIGHT_FILL = (255, 213, 0, 70)
HIGHLIGHT_STROKE = (214, 120, 0, 255)


class PageImages:
    def __init__(self, password: str | None = None, resolution: int = RESOLUTION):
        self.password = password
        self.resolution = resolution
        self._images: OrderedDict = OrderedDict()
        self._lock = threading.Lock()

    def _page_image(self, path: Path, page: int):
        key = (str(path), page)
        image = self._images.get(key)
        if image is not None:
            self._images.move_to_end(key)
            return image
        with pdfplumber.open(path, password=self.password or "") as pdf:
            image = pdf.pages[page - 1].to_image(resolution=self.resolution)
            image.original.load()  # render now, while the file is open
        self._images[key] = image
        if len(self._images) > KEEP:
            self._images.popitem(last=False)
        return image

    def png(self, path: Path, page: int, bbox=None) -> bytes:
        """The page as PNG bytes, `bbox` (x0, top, x1, bottom in PDF points) highlighted."""
        with self._lock:
            image = self._page_image(path, page)
            image.reset()
            if bbox is not None:
                image.draw_rect(bbox, fill=HIGHLIGHT_FILL, stroke=HIGHLIGHT_STROKE, stroke_width=2)
            out = io.BytesIO()
            image.annotated.save(out, format="PNG", optimize=False, compress_level=1)
            return out.getvalue()


def parse_bbox(raw: str | None, width: float = 1e5, height: float = 1e5):
    """'x0,top,x1,bottom' -> a tuple of four finite floats inside the page, else None."""
    if not raw:
        return None
    parts = raw.split(",")
    if len(parts) != 4:
        raise ValueError("bbox needs four numbers: x0,top,x1,bottom")
    x0, top, x1, bottom = (float(p) for p in parts)
    if not all(math.isfinite(v) for v in (x0, top, x1, bottom)):
        raise ValueError("bbox numbers must be finite")
    if not (0 <= x0 <= x1 <= width + 1 and 0 <= top <= bottom <= height + 1):
        raise ValueError("bbox lies outside the page")
    return (x0, top, x1, bottom)
