"""Charts for the memo: ranked scores, vendor x criterion heat map, Monte Carlo first places.

Each chart is drawn once and saved twice: SVG text for inline use in memo.html and PNG bytes
for memo.md. Both are byte-reproducible (fixed SVG hash salt, no dates or software stamps).
matplotlib is imported inside functions so that importing this module costs nothing.
"""

from __future__ import annotations

import io
import re

from msp_select.models import Decision

_SALT = "msp-select"
_RC = {"svg.hashsalt": _SALT, "svg.fonttype": "none", "font.size": 9}
_SVG_META = {"Date": None, "Creator": None, "Format": None, "Type": None}
_PNG_META = {"Software": None}


def normalised(decision: Decision) -> list[list[float | None]]:
    """The matrix scaled per column to 0..1, 1 best (objective-aware); None stays None."""
    rows = [list(r) for r in decision.matrix]
    for j, col in enumerate(decision.columns):
        vals = [r[j] for r in rows if r[j] is not None]
        lo, hi = (min(vals), max(vals)) if vals else (0.0, 0.0)
        for r in rows:
            if r[j] is None:
                continue
            x = 1.0 if hi == lo else (r[j] - lo) / (hi - lo)
            r[j] = 1.0 - x if col.objective == "min" else x
    return rows


def first_place(sensitivity: dict) -> dict[str, float]:
    """Monte Carlo first-place probability per vendor (sensitivity.analyse's `first_place`)."""
    return {str(x["vendor"]): float(x["probability"]) for x in sensitivity.get("first_place", [])}


def _safe(text: str) -> str:
    """Vendor text as literal chart text: a `$` would otherwise start mathtext."""
    return str(text).replace("$", r"\$")


def _short(label: str, limit: int = 32) -> str:
    """Axis labels stay readable: a long goal title is cut at a word and marked with an ellipsis."""
    if len(label) <= limit:
        return label
    return label[:limit].rsplit(" ", 1)[0] + "…"


def _figure(width: float, height: float):
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), dpi=100, layout="constrained")


def _scores(decision: Decision):
    ranked = sorted(decision.ranking, key=lambda r: r.rank)
    names = [_safe(r.vendor) + (" (eliminated)" if r.eliminated else "") for r in ranked][::-1]
    scores = [r.score for r in ranked][::-1]
    colors = [
        "#b0b0b0" if r.eliminated else ("#1f5f99" if r.rank == 1 else "#6f9fcc") for r in ranked
    ][::-1]
    fig = _figure(6.5, 0.45 * len(names) + 1.0)
    ax = fig.add_subplot()
    ax.barh(names, scores, color=colors)
    for y, s in enumerate(scores):
        ax.text(s, y, f" {s:.2f}", va="center")
    ax.set_xlim(0, max(scores + [1.0]) * 1.15)
    ax.set_xlabel(f"{decision.method.upper()} score (higher is better)")
    ax.spines[["top", "right"]].set_visible(False)
    return fig


def _heatmap(decision: Decision):
    import numpy as np

    data = np.array(
        [[np.nan if x is None else x for x in row] for row in normalised(decision)], dtype=float
    )
    labels = [_safe(_short(c.title or c.id)) for c in decision.columns]
    longest = max((len(x) for x in labels), default=0)
    fig = _figure(
        max(6.5, 0.45 * len(labels) + 2.5), 0.45 * len(decision.vendors) + 1.4 + 0.07 * longest
    )
    ax = fig.add_subplot()
    cmap = __import__("matplotlib").colormaps["RdYlGn"].with_extremes(bad="#dddddd")
    ax.imshow(np.ma.masked_invalid(data), cmap=cmap, vmin=0, vmax=1, aspect="auto")
    ax.set_xticks(range(len(labels)), labels, rotation=40, ha="right")
    ax.set_yticks(range(len(decision.vendors)), [_safe(v) for v in decision.vendors])
    for i in range(data.shape[0]):
        for j in range(data.shape[1]):
            ax.text(
                j,
                i,
                "n/a" if np.isnan(data[i, j]) else f"{data[i, j]:.1f}",
                ha="center",
                va="center",
                fontsize=7,
            )
    ax.set_title("1 = best among vendors, grey = not stated", fontsize=8)
    return fig


def _first_place(probs: dict[str, float]):
    names = sorted(probs, key=lambda v: (-probs[v], v))[::-1]
    fig = _figure(6.5, 0.45 * len(names) + 1.0)
    ax = fig.add_subplot()
    ax.barh([_safe(v) for v in names], [probs[v] * 100 for v in names], color="#1f5f99")
    for y, v in enumerate(names):
        ax.text(probs[v] * 100, y, f" {probs[v] * 100:.0f}%", va="center")
    ax.set_xlim(0, 115)
    ax.set_xlabel("Chance of ranking first when weights vary (%)")
    ax.spines[["top", "right"]].set_visible(False)
    return fig


def _svg(fig) -> str:
    buf = io.BytesIO()
    fig.savefig(buf, format="svg", metadata=_SVG_META)
    text = buf.getvalue().decode("utf-8")
    # Inline SVG in HTML5 takes no XML declaration or DOCTYPE.
    return text[text.index("<svg") :].strip()


def _png(fig) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", metadata=_PNG_META)
    return buf.getvalue()


def render(decision: Decision) -> dict[str, tuple[str, bytes]]:
    """{name: (svg text, png bytes)} for "scores", "heatmap" and, when known, "first_place"."""
    import matplotlib

    matplotlib.use("Agg", force=False)
    builders = {"scores": lambda: _scores(decision)}
    if decision.columns and decision.vendors:
        builders["heatmap"] = lambda: _heatmap(decision)
    probs = first_place(decision.sensitivity or {})
    if probs:
        builders["first_place"] = lambda: _first_place(probs)
    out = {}
    with matplotlib.rc_context(_RC):
        for name, build in builders.items():
            fig = build()
            out[name] = (_svg(fig), _png(fig))
    return out


def svg_ids_prefixed(svg: str, prefix: str) -> str:
    """Give every id in one SVG a prefix so several SVGs can share one HTML page."""
    svg = re.sub(r'\bid="([^"]+)"', lambda m: f'id="{prefix}{m.group(1)}"', svg)
    svg = re.sub(r"url\(#([^)]+)\)", lambda m: f"url(#{prefix}{m.group(1)})", svg)
    return re.sub(r'xlink:href="#([^"]+)"', lambda m: f'xlink:href="#{prefix}{m.group(1)}"', svg)
