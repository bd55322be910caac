"""Build models.Document objects straight from text, so extraction tests need no PDF."""

from __future__ import annotations

from msp_select import models


def document(
    *paragraphs: str, tables: tuple[models.Table, ...] = (), file: str = "v.pdf", heading: str = ""
) -> models.Document:
    blocks = []
    if heading:
        blocks.append(models.Block(heading, 1, (50, 40, 500, 55), heading=True))
    for i, text in enumerate(paragraphs):
        blocks.append(models.Block(text, 1, (50, 60 + 40 * i, 500, 90 + 40 * i)))
    return models.Document(file, "0" * 64, 1, tuple(blocks), tuple(tables))


def table(header, rows, page: int = 2, top: float = 300.0) -> models.Table:
    return models.Table(
        tuple(header),
        tuple(tuple(r) for r in rows),
        page,
        (50, top, 500, top + 20 * len(rows)),
        tuple([page] * len(rows)),
    )


def found(*paragraphs: str, **kw) -> list[tuple]:
    """(category, scope, value, unit, strength, party) of every commitment found."""
    from msp_select.extract import extract_vendor

    doc = document(*paragraphs, **kw)
    return [
        (c.category, c.scope, c.value, c.unit, c.strength, c.party)
        for c in extract_vendor("v", [doc]).commitments
    ]
