"""Memo charts are SVG written directly: escaped, reproducible, the heat map coloured by
verdict against the target with vendors in rank order and no label cut (issues 10, 13)."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from msp_select.report import charts
from tests.report_fixtures import build

SVG = "{http://www.w3.org/2000/svg}"
ROOT = Path(__file__).resolve().parent.parent


def _heatmap(**kw):
    _, _, decision = build(**kw)
    return decision, charts.render(decision)["heatmap"]


def _cells(svg: str) -> list[tuple[str, str]]:
    """(fill, tooltip) of every heat-map cell, row by row."""
    root = ET.fromstring(svg)
    return [
        (r.get("fill"), r.find(f"{SVG}title").text)
        for r in root.iter(f"{SVG}rect")
        if r.find(f"{SVG}title") is not None
    ]


def test_every_chart_is_well_formed_svg_and_the_same_twice():
    _, _, decision = build()
    first, second = charts.render(decision), charts.render(decision)
    assert set(first) == {"scores", "heatmap", "first_place"}
    assert first == second
    for svg in first.values():
        assert ET.fromstring(svg).tag == f"{SVG}svg"


def test_heat_map_cells_take_the_colour_of_their_verdict():
    decision, svg = _heatmap()
    cells = _cells(svg)
    acme = [fill for fill, tip in cells if tip.startswith("acme, ")]
    meets = charts.VERDICT_COLOURS["meets"]
    assert acme[:2] == [meets, meets]  # both goals met: green, whatever the other vendors do
    core = [fill for fill, tip in cells if tip.startswith("core, ")]
    assert core[:2] == [charts.VERDICT_COLOURS["not_addressed"]] * 2
    partial = [tip for fill, tip in cells if fill == charts.VERDICT_COLOURS["partial"]]
    assert partial and all("partly" in tip for tip in partial)


def test_heat_map_rows_follow_the_ranking_and_labels_are_whole():
    decision, svg = _heatmap(evil_name="zeta")
    root = ET.fromstring(svg)
    texts = [(t.text or "").replace("\u00a0", " ") for t in root.iter(f"{SVG}text")]
    rows = [t for t in texts if re.match(r"\d+\. ", t)]
    assert rows == ["1. acme", "2. zeta", "3. core"]  # not alphabetical
    for col in decision.columns:
        assert col.title in texts  # never shortened
    width = float(root.get("width"))
    for t in root.iter(f"{SVG}text"):
        x, w = float(t.get("x")), charts.text_width(t.text or "", float(t.get("font-size")))
        lo, hi = {"start": (x, x + w), "middle": (x - w / 2, x + w / 2), "end": (x - w, x)}[
            t.get("text-anchor")
        ]
        assert 0 <= lo and hi <= width, t.text


def test_many_criteria_put_vendors_across_in_rank_order():
    import dataclasses

    from msp_select.models import Column

    _, _, decision = build(evil_name="zeta")
    extra = tuple(Column(f"c{i}", "max", 0.1, "team_fit", f"Criterion {i}") for i in range(3))
    decision = dataclasses.replace(decision, columns=decision.columns + extra)
    root = ET.fromstring(charts.render(decision)["heatmap"])
    heads = [(t.text or "").replace("\u00a0", " ") for t in root.iter(f"{SVG}text")][:3]
    assert heads == ["1. acme", "2. zeta", "3. core"]


def test_vendor_text_is_escaped_in_every_chart():
    _, _, decision = build(evil_name="<script>alert(1)</script> & Co")
    for svg in charts.render(decision).values():
        assert "<script>" not in svg
        ET.fromstring(svg)  # still well-formed


def test_drawing_charts_imports_no_plotting_library():
    code = (
        "import sys; from tests.report_fixtures import build; from msp_select.report import charts;"
        "charts.render(build()[2]); print(sorted(m for m in ('matplotlib', 'PIL') "
        "if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert out.stdout.strip() == "[]"
