"""Small PDFs generated on the fly (reportlab, pypdf) so tests need no files on disk.

Each helper writes to `path` and returns it. Coordinates are reportlab's: points from the
bottom-left of a US-letter page (612 x 792).
"""

from __future__ import annotations

from pathlib import Path

WIDTH, HEIGHT = 612, 792


def _canvas(path: Path):
    from reportlab.pdfgen import canvas

    return canvas.Canvas(str(path), pagesize=(WIDTH, HEIGHT))


def text_pdf(
    path: Path,
    pages: list[list[str]],
    *,
    size: float = 10,
    leading: float = 12,
    para_gap: float = 10,
    header: str | None = None,
    footer: str | None = None,
    x: float = 72,
    bold_headings: bool = True,
) -> Path:
    """One paragraph per list item (each item may hold '\n' line breaks); optional running
    header and footer ('{n}' becomes the page number, '{total}' the page count). A "# " item
    is set 4 points larger, and bold unless `bold_headings` is False."""
    c = _canvas(path)
    for n, paras in enumerate(pages, start=1):
        if header:
            c.setFont("Helvetica", 8)
            c.drawString(x, HEIGHT - 30, header.format(n=n, total=len(pages)))
        if footer:
            c.setFont("Helvetica", 8)
            c.drawString(WIDTH / 2 - 20, 25, footer.format(n=n, total=len(pages)))
        y = HEIGHT - 72
        for para in paras:
            heading = para.startswith("# ")
            lines = para[2:].split("\n") if heading else para.split("\n")
            bold = heading and bold_headings
            c.setFont("Helvetica-Bold" if bold else "Helvetica", size + 4 if heading else size)
            for line in lines:
                c.drawString(x, y, line)
                y -= leading
            y -= para_gap
        c.showPage()
    c.save()
    return path


def two_column_pdf(path: Path, left: list[str], right: list[str], title: str = "") -> Path:
    """A page with a full-width title and two columns of short lines."""
    c = _canvas(path)
    c.setFont("Helvetica", 10)
    y0 = HEIGHT - 72
    if title:
        c.setFont("Helvetica-Bold", 16)
        c.drawString(72, y0, title)
        c.setFont("Helvetica", 10)
        y0 -= 30
    for col_x, lines in ((72, left), (330, right)):
        y = y0
        for line in lines:
            c.drawString(col_x, y, line)
            y -= 12
    c.showPage()
    c.save()
    return path


def table_pdf(
    path: Path,
    pages: list[list[tuple[str, ...]]],
    *,
    top: float = 700,
    intro: str = "Prices and service levels follow.",
) -> Path:
    """A ruled table spread over pages; each page's rows start at `top` (the first page's
    rows start below an intro line). Repeat the header row in a page's list to mimic a
    repeated header."""
    c = _canvas(path)
    for n, rows in enumerate(pages):
        if n == 0 and intro:
            c.setFont("Helvetica", 10)
            c.drawString(72, top + 20, intro)
        _ruled_table(c, rows, top)
        c.showPage()
    c.save()
    return path


def _ruled_table(c, rows: list[tuple[str, ...]], top: float) -> None:
    """Rows of cells in a full grid of rules, 20 points a row, across the text width."""
    cols = len(rows[0])
    xs = [72 + i * (468 / cols) for i in range(cols + 1)]
    ys = [top - i * 20 for i in range(len(rows) + 1)]
    c.grid(xs, ys)
    c.setFont("Helvetica", 9)
    for r, row in enumerate(rows):
        for i, cell in enumerate(row):
            c.drawString(xs[i] + 4, ys[r] - 14, cell)


def table_at_bottom_then_top(
    path: Path,
    first: list[tuple[str, ...]],
    second: list[tuple[str, ...]],
    page_title: str = "",
    trailing_label: str = "",
    leading_label: str = "",
) -> Path:
    """A table ending near the bottom of page 1 and continuing at the top of page 2; with a
    `page_title` set above the continuation, a `trailing_label` (a sub-header cut off by the
    page end) set in the first column under the first part, and a `leading_label` (the
    sub-header of the rows carried on) set in the first column over the continuation."""
    c = _canvas(path)
    for n, rows in enumerate((first, second)):
        top = 20 * len(rows) + 80 if n == 0 else HEIGHT - 72
        if n == 1 and leading_label:
            c.setFont("Helvetica", 10)
            c.drawString(76, top - 10, leading_label)
            top -= 18
        if n == 0:
            c.setFont("Helvetica", 10)
            for i in range(20):
                c.drawString(
                    72,
                    HEIGHT - 72 - i * 14,
                    f"Filler paragraph line {i} about our managed services.",
                )
        elif page_title:
            c.setFont("Helvetica", 9)
            c.drawString(72, HEIGHT - 50, page_title)
        _ruled_table(c, rows, top)
        if n == 0 and trailing_label:
            c.setFont("Helvetica", 10)
            c.drawString(76, top - 20 * len(rows) - 14, trailing_label)
        c.showPage()
    c.save()
    return path


def header_at_foot_then_rows(
    path: Path, header: tuple[str, ...], rows: list[tuple[str, ...]], xs=(72, 250, 420)
) -> Path:
    """An unruled table whose header row is the last line of page 1 and whose rows open
    page 2, columns set by spacing only."""
    c = _canvas(path)
    c.setFont("Helvetica", 10)
    for i in range(30):
        c.drawString(72, HEIGHT - 72 - i * 14, f"Filler paragraph line {i} about our services.")
    y = HEIGHT - 72 - 31 * 14
    for x, cell in zip(xs, header):
        c.drawString(x, y, cell)
    c.showPage()
    c.setFont("Helvetica", 10)
    for r, row in enumerate(rows):
        for x, cell in zip(xs, row):
            c.drawString(x, HEIGHT - 72 - r * 18, cell)
    c.showPage()
    c.save()
    return path


def no_text_pdf(path: Path, pages: int = 1) -> Path:
    """Pages with only drawn shapes: what a scan without OCR looks like to a text extractor."""
    c = _canvas(path)
    for _ in range(pages):
        c.setFillGray(0.5)
        c.rect(72, 300, 400, 300, fill=1)
        c.showPage()
    c.save()
    return path


def many_pages_pdf(path: Path, pages: int) -> Path:
    return text_pdf(path, [[f"Page body {n}."] for n in range(pages)])


def encrypted_pdf(src: Path, path: Path, *, user: str = "", owner: str = "owner-secret") -> Path:
    """Encrypt `src`; an empty user password means anyone may open it (owner-only)."""
    from pypdf import PdfReader, PdfWriter

    w = PdfWriter(clone_from=PdfReader(str(src)))
    w.encrypt(user_password=user, owner_password=owner, algorithm="AES-128")
    with open(path, "wb") as f:
        w.write(f)
    return path


def zero_pages_pdf(path: Path) -> Path:
    from pypdf import PdfWriter

    with open(path, "wb") as f:
        PdfWriter().write(f)
    return path


def truncated_copy(src: Path, path: Path, fraction: float) -> Path:
    data = src.read_bytes()
    path.write_bytes(data[: int(len(data) * fraction)])
    return path


HEADING_SIZES = {"h1": 16, "h2": 13, "h3": 11}


def flow_pdf(
    path: Path,
    pages: list[list[tuple]],
    *,
    size: float = 10,
    leading: float = 13,
    x: float = 72,
    top: float = HEIGHT - 72,
    header: str | None = None,
    footer: str | None = None,
    font: str = "Helvetica",
) -> Path:
    """Pages of items drawn from `top` down:

    ("h1" | "h2" | "h3", text)   a bold heading (16, 13, 11 pt)
    ("hb", text)                 a bold heading in the body size
    ("p", text)                  a paragraph; '\n' breaks lines, a line opening "**" is bold
    ("li", marker, text)         a list item: marker at x, text indented 14 pt ('\n' wraps
                                 a line under the text)
    ("table", rows, xs, opts)    rows of cells at column x positions; opts: ruled (draw a
                                 grid), bold (number of bold leading rows), bands (bold
                                 rows in the body), pitch; a cell
                                 None is covered by the cell on its left (a merged cell)
    ("gap", points)              vertical space
    """
    c = _canvas(path)
    for n, items in enumerate(pages, start=1):
        _margins(c, header, footer, n, len(pages), x)
        y = top
        for item in items:
            y = _draw(c, item, x, y, size, leading, font)
        c.showPage()
    c.save()
    return path


def _margins(c, header, footer, n, total, x) -> None:
    c.setFont("Helvetica", 8)
    if header:
        c.drawString(x, HEIGHT - 30, header.format(n=n, total=total))
    if footer:
        c.drawString(WIDTH / 2 - 20, 25, footer.format(n=n, total=total))


def _draw(c, item, x, y, size, leading, font) -> float:
    kind = item[0]
    if kind in HEADING_SIZES or kind == "hb":
        hs = HEADING_SIZES.get(kind, size)
        c.setFont(font + "-Bold", hs)
        c.drawString(x, y - hs + size, item[1])
        return y - hs - 10
    if kind == "p":
        for line in item[1].split("\n"):
            bold = line.startswith("**")  # a line set in bold within the paragraph
            c.setFont(font + "-Bold" if bold else font, size)
            c.drawString(x, y, line.removeprefix("**"))
            y -= leading
        return y - 8
    if kind == "li":
        c.setFont(font, size)
        c.drawString(x, y, item[1])
        for line in item[2].split("\n"):  # wrapped lines hang under the text, not the marker
            c.drawString(x + 14, y, line)
            y -= leading
        return y - 3
    if kind == "table":
        return _table(c, item[1], item[2], x, y, size, font, **(item[3] if len(item) > 3 else {}))
    if kind == "gap":
        return y - item[1]
    raise ValueError(kind)


def _table(
    c,
    rows,
    xs,
    x,
    y,
    size,
    font,
    *,
    ruled=False,
    bold=1,
    bands=(),
    pitch=16.0,
    right=(),
    width=110,
) -> float:
    """Cells may hold '\n' (a wrapped cell: the row grows); columns in `right` are
    right-aligned; `width` is the last column's width; rows in `bands` are set bold (a band
    across the table, "RESPONSE | minutes from ...")."""
    edges = list(xs) + [xs[-1] + width]
    for r, row in enumerate(rows):
        c.setFont(font + "-Bold" if r < bold or r in bands else font, size - 1)
        height = pitch + 11 * (max(len((cell or "").split("\n")) for cell in row) - 1)
        for i, cell in enumerate(row):
            if cell is not None:
                _cell_text(c, row, i, edges, y, r < bold and not ruled, i in right)
        if ruled:
            c.line(edges[0], y, edges[-1], y)
            starts = [i for i, cell in enumerate(row) if cell is not None] + [len(row)]
            for i in starts:
                c.line(edges[i], y, edges[i], y - height)
        y -= height
    if ruled:
        c.line(edges[0], y, edges[-1], y)
    return y - 14


def _cell_text(c, row, i, edges, y, centre_spans, right) -> None:
    span = 1
    while i + span < len(row) and row[i + span] is None:
        span += 1
    for k, text in enumerate(row[i].split("\n")):
        base = y - 11 - 11 * k
        if span > 1 and centre_spans:  # a spanning header label is centred over its columns
            c.drawCentredString((edges[i] + edges[i + span]) / 2 - 4, base, text)
        elif right:
            c.drawRightString(edges[i + span] - 8, base, text)
        else:
            c.drawString(edges[i] + 4, base, text)


def tiles_pdf(path: Path, title: str, bands: list[list[tuple[str, list[str]]]]) -> Path:
    """An "at a glance" page: a title over bands of tiles set side by side without lines,
    each tile a large figure over a caption of one or more short lines."""
    c = _canvas(path)
    c.setFont("Helvetica-Bold", 14)
    c.drawString(72, HEIGHT - 72, title)
    y = HEIGHT - 110
    for band in bands:
        for k, (figure, caption) in enumerate(band):
            x = 72 + k * 160
            c.setFont("Helvetica-Bold", 18)
            c.drawString(x, y, figure)
            c.setFont("Helvetica", 9)
            for i, line in enumerate(caption):
                c.drawString(x, y - 16 - i * 11, line)
        y -= 16 + 11 * max(len(caption) for _, caption in band) + 22
    c.showPage()
    c.save()
    return path


def chips_pdf(path: Path, rows: list[tuple[str, ...]], chip_column: int) -> Path:
    """A table set on a shaded panel with no rules, one column of status words each on a
    coloured box ("GUARANTEED", "TARGET"), as web pages print them: the boxes are no grid."""
    from reportlab.lib import colors

    c = _canvas(path)
    xs, top, pitch, right = [72, 250, 420], 700, 18, 546
    c.setFillColor(colors.HexColor("#f4f4f4"))
    bottom = top - pitch * (len(rows) - 1) - 5  # the panel ends where the last box does
    c.rect(66, bottom, right - 66, pitch * len(rows), stroke=0, fill=1)
    edge = xs[chip_column + 1] - 6 if chip_column + 1 < len(xs) else right
    for i, row in enumerate(rows):
        y = top - pitch * i
        if i:  # the whole cell filled, rows touching, as a browser prints a coloured cell
            c.setFillColor(colors.HexColor("#c6efce"))
            c.rect(xs[chip_column] - 6, y - 5, edge - xs[chip_column] + 6, pitch, stroke=0, fill=1)
        c.setFillColor(colors.black)
        c.setFont("Helvetica-Bold" if i == 0 else "Helvetica", 9)
        for x, cell in zip(xs, row):
            c.drawString(x, y, cell)
    c.showPage()
    c.save()
    return path


def boxes_pdf(path: Path, boxes: list[tuple[str, str]], columns: int = 2) -> Path:
    """A form set out as a grid of ruled, numbered boxes, each opening with its title in bold
    and its entry run on after it in the regular type ("12. Response (Cl. 6) MAYDAY: 20
    minutes"), numbered along the rows, as a charter party's Part I is."""
    c = _canvas(path)
    left, width, height, top = 60, 245, 40, 720
    for n, (title, entry) in enumerate(boxes):
        row, col = divmod(n, columns)
        x, y = left + col * width, top - row * height
        c.rect(x, y - height, width, height, stroke=1, fill=0)
        label = f"{n + 1}. {title}"
        c.setFont("Helvetica-Bold", 7.5)
        c.drawString(x + 4, y - 12, label)
        c.setFont("Helvetica", 7.5)
        c.drawString(x + 8 + c.stringWidth(label, "Helvetica-Bold", 7.5), y - 12, entry)
    c.showPage()
    c.save()
    return path
