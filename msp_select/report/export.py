"""The decision as spreadsheets: one xlsx workbook and the same tables as CSV files.

Vendor text may start with = + - @ and be taken for a formula by a spreadsheet; such cells
are neutralised (xlsx: stored as a string, shown with a quote prefix; CSV: a leading ').
Output is byte-reproducible: fixed workbook dates and fixed zip entry times.
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
import re
import zipfile
from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.utils import get_column_letter

from msp_select.files import atomic_write
from msp_select.models import Criteria, Decision, VendorExtraction
from msp_select.report import resolve_date
from msp_select.report.wording import basis_evidence

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

Table = tuple[tuple[str, ...], list[tuple]]


def _src(s) -> tuple:
    return (s.file, s.page, s.kind)


def _cited(item) -> tuple:
    """(quote, file, page, kind) of the fact a cell rests on; empty when there is none."""
    return (None, None, None, None) if item is None else (item.quote, *_src(item.source))


def tables(
    extractions: Sequence[VendorExtraction], criteria: Criteria, decision: Decision
) -> dict[str, Table]:
    """{sheet name: (header, rows)}, in a fixed order; shared by xlsx and CSV.

    Every table's first column is the vendor id and its last the company's name found in
    the proposal ("" when none was found confidently).
    """
    companies = {e.vendor: e.company for e in extractions}
    return {
        sheet: ((*header, "company"), [(*row, companies.get(row[0], "")) for row in rows])
        for sheet, (header, rows) in _tables(extractions, decision).items()
    }


def _tables(extractions: Sequence[VendorExtraction], decision: Decision) -> dict[str, Table]:
    ranks = {r.vendor: r for r in decision.ranking}
    matrix_rows = []
    for vendor, row in zip(decision.vendors, decision.matrix):
        r = ranks.get(vendor)
        matrix_rows.append(
            (vendor, r.rank if r else None, r.score if r else None, bool(r and r.eliminated), *row)
        )
    src_h = ("file", "page", "kind")
    return {
        "decision_matrix": (
            (
                "vendor",
                "rank",
                "score",
                "eliminated",
                *[f"{c.id} ({c.objective}, w={c.weight:.4f})" for c in decision.columns],
            ),
            matrix_rows,
        ),
        "verdicts": (
            (
                "vendor",
                "goal",
                "verdict",
                "value",
                "target",
                "unit",
                "reason",
                "override",
                "quote",
                *src_h,
            ),
            [
                (
                    v.vendor,
                    v.goal,
                    v.verdict,
                    v.value,
                    v.target,
                    v.unit,
                    v.reason,
                    v.overridden,
                    *_cited(v.evidence[0] if v.evidence else None),
                )
                for v in decision.verdicts
            ],
        ),
        "team_fit": (
            (
                "vendor",
                "criterion",
                "score",
                "basis",
                "manual",
                "reason",
                "flags",
                "panel_scores",
                "panel_spread",
                "override",
                "quote",
                *src_h,
            ),
            [
                (
                    s.vendor,
                    s.criterion,
                    s.score,
                    s.basis,
                    s.manual,
                    s.reason,
                    ", ".join(sorted({f.flag for f in s.flags})),
                    ", ".join(f"{who} {x:g}" for who, x in s.panel),
                    (max(x for _, x in s.panel) - min(x for _, x in s.panel)) if s.panel else None,
                    next((e.override for e in s.evidence if e.override), ""),
                    *_cited(basis_evidence(s)),
                )
                for s in decision.team_fit
            ],
        ),
        "commitments": (
            (
                "vendor",
                "category",
                "scope",
                "value",
                "unit",
                "strength",
                "party",
                "quote",
                *src_h,
                "override",
            ),
            [
                (
                    e.vendor,
                    c.category,
                    c.scope,
                    c.value,
                    c.unit,
                    c.strength,
                    c.party,
                    c.quote,
                    *_src(c.source),
                    c.override,
                )
                for e in extractions
                for c in e.commitments
            ],
        ),
        "evidence": (
            ("vendor", "criterion", "strength", "quote", *src_h, "override"),
            [
                (e.vendor, ev.criterion, ev.strength, ev.quote, *_src(ev.source), ev.override)
                for e in extractions
                for ev in e.criteria_evidence
            ],
        ),
        "risk_flags": (
            ("vendor", "flag", "quote", *src_h),
            [
                (e.vendor, f.flag, f.quote, *_src(f.source))
                for e in extractions
                for f in e.risk_flags
            ],
        ),
    }


def _fixed_datetime(date: str | None) -> _dt.datetime:
    return _dt.datetime.fromisoformat(resolve_date(date)[0]).replace(hour=0, minute=0, second=0)


def _rezip(data: bytes, when: _dt.datetime) -> bytes:
    """The same zip with every entry stamped `when`, so equal content gives equal bytes."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=when.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps "modified" with the clock
                stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
                body = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                    rb"\g<1>" + stamp + rb"\g<2>",
                    body,
                )
            dst.writestr(fixed, body)
    return out.getvalue()


def write_xlsx(
    path,
    extractions: Sequence[VendorExtraction],
    criteria: Criteria,
    decision: Decision,
    *,
    date: str | None = None,
) -> Path:
    """One sheet per table; vendor text that looks like a formula stays text."""
    when = _fixed_datetime(date)
    wb = Workbook()
    wb.remove(wb.active)
    for name, (header, rows) in tables(extractions, criteria, decision).items():
        ws = wb.create_sheet(name)
        ws.append(header)
        for row in rows:
            ws.append([_xlsx_value(v) for v in row])
        for row in ws.iter_rows(min_row=2):
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith(_FORMULA_START):
                    cell.data_type = "s"
                    cell.quotePrefix = True
        ws.freeze_panes = "A2"
        for i, col in enumerate(header, 1):
            ws.column_dimensions[get_column_letter(i)].width = max(10, min(60, len(col) + 4))
    wb.properties.creator = "msp-select"
    wb.properties.created = when
    wb.properties.modified = when
    wb.properties.lastModifiedBy = "msp-select"
    buf = io.BytesIO()
    wb.save(buf)
    path = Path(path)
    atomic_write(path, _rezip(buf.getvalue(), when))
    return path


def _xlsx_value(value) -> object:
    """Control characters an xlsx cell cannot hold, shown as escapes (\\x1b) instead."""
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub(lambda m: f"\\x{ord(m.group()):02x}", value)
    return value


def _csv_cell(value) -> object:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return "" if value is None else value


def write_csv(
    out_dir, extractions: Sequence[VendorExtraction], criteria: Criteria, decision: Decision
) -> list[Path]:
    """The tables of the workbook as `<table>.csv` files in out_dir."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, (header, rows) in tables(extractions, criteria, decision).items():
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(header)
        writer.writerows([_csv_cell(v) for v in row] for row in rows)
        path = out / f"{name}.csv"
        atomic_write(path, buf.getvalue().encode("utf-8"))
        written.append(path)
    return written
