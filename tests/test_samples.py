"""The shipped sample proposals, their ground truth and the shipped criteria files.

`make demo` and the README rely on these files; the truth file lets anyone measure the
extractor on them. The tests keep the three in step: regenerate with
`.venv/bin/python scripts/make_samples.py` after changing `samples/*.yaml`, the renderer or the
example criteria.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path

import pytest
import yaml

from msp_select import models, units

ROOT = Path(__file__).resolve().parent.parent
PROPOSALS = ROOT / "proposals"
TRUTH_FILE = ROOT / "tests" / "data" / "sample_truth.json"
EXAMPLE = ROOT / "criteria" / "example"
LIBRARY = ROOT / "msp_select" / "data" / "library"
SCRIPT = ROOT / "scripts" / "make_samples.py"

TRUTH = json.loads(TRUTH_FILE.read_text(encoding="utf-8"))
SCOPES = {
    "response_time": {"P1", "P2", "P3", "P4", "all"},
    "resolution_time": {"P1", "P2", "P3", "P4", "all"},
    "support_hours": {"helpdesk", "noc", "onsite"},
    "price": {"flat", "per_user", "per_device", "onboarding", "hourly"},
}
PRICE_UNIT = {
    "onboarding": r"[A-Z]{3}",
    "hourly": r"[A-Z]{3}/hour",
}  # others are recurring: XXX/month


def _squash(text: str) -> str:
    return " ".join(text.split())


def vendor_pdfs(vendor: str) -> list[Path]:
    folder = PROPOSALS / vendor
    return sorted(folder.glob("*.pdf")) if folder.is_dir() else [PROPOSALS / f"{vendor}.pdf"]


def pdf_for(vendor: str, commitment: dict) -> Path:
    folder = PROPOSALS / vendor
    return folder / commitment["file"] if folder.is_dir() else PROPOSALS / f"{vendor}.pdf"


_TEXTS: dict[Path, list[list[str]]] = {}


def page_views(path: Path) -> list[list[str]]:
    """Per page: whole text and each half (two-column pages interleave in the whole text)."""
    import pdfplumber

    if path not in _TEXTS:
        with pdfplumber.open(path) as pdf:
            _TEXTS[path] = [
                [
                    _squash(p.extract_text() or ""),
                    _squash(p.crop((0, 0, p.width / 2, p.height)).extract_text() or ""),
                    _squash(p.crop((p.width / 2, 0, p.width, p.height)).extract_text() or ""),
                ]
                for p in pdf.pages
            ]
    return _TEXTS[path]


def load_script():
    if "make_samples" in sys.modules:
        return sys.modules["make_samples"]
    spec = importlib.util.spec_from_file_location("make_samples", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_samples"] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


COMMITMENTS = [
    (v, i, c) for v, d in sorted(TRUTH["vendors"].items()) for i, c in enumerate(d["commitments"])
]


# --- the PDFs ---------------------------------------------------------------------------


def test_proposals_folder_holds_exactly_the_truth_vendors():
    found = {p.stem for p in PROPOSALS.glob("*.pdf")} | {
        p.name for p in PROPOSALS.iterdir() if p.is_dir()
    }
    assert found == set(TRUTH["vendors"])
    assert len(found) >= 4
    folders = [p for p in PROPOSALS.iterdir() if p.is_dir()]
    assert folders and all(len(list(f.glob("*.pdf"))) >= 2 for f in folders)


@pytest.mark.parametrize("vendor", sorted(TRUTH["vendors"]))
def test_every_vendor_pdf_is_a_pdf_with_a_text_layer_and_page_x_of_y(vendor):
    for path in vendor_pdfs(vendor):
        assert path.read_bytes()[:5] == b"%PDF-", path
        pages = page_views(path)
        assert pages, path
        assert all(len(views[0]) > 100 for views in pages), f"{path}: a page has no text layer"
        total = len(pages)
        numbered = [n for n, views in enumerate(pages, 1) if f"Page {n} of {total}" in views[0]]
        assert numbered and numbered[-1] == total, f"{path}: no 'Page X of Y' footer"


def test_regeneration_is_byte_identical(tmp_path):
    pytest.importorskip("reportlab")
    make_samples = load_script()
    truth = tmp_path / "truth.json"
    make_samples.main(
        [
            "--out",
            str(tmp_path / "proposals"),
            "--truth",
            str(truth),
            "--criteria",
            str(EXAMPLE / "client.yaml"),
        ]
    )
    shipped = sorted(p.relative_to(PROPOSALS) for p in PROPOSALS.rglob("*.pdf"))
    fresh = sorted(
        p.relative_to(tmp_path / "proposals") for p in (tmp_path / "proposals").rglob("*.pdf")
    )
    assert fresh == shipped
    for rel in shipped:
        assert (tmp_path / "proposals" / rel).read_bytes() == (PROPOSALS / rel).read_bytes(), (
            f"{rel} differs from a fresh run: run scripts/make_samples.py and commit the result"
        )
    assert json.loads(truth.read_text()) == TRUTH


# --- the truth ----------------------------------------------------------------------------


@pytest.mark.parametrize("vendor,index,c", COMMITMENTS, ids=[f"{v}-{i}" for v, i, _ in COMMITMENTS])
def test_truth_commitment_uses_contract_names(vendor, index, c):
    assert c["category"] in models.CATEGORIES
    assert c["strength"] in models.STRENGTHS
    assert c["party"] in models.PARTIES
    assert c["scope"] in SCOPES.get(c["category"], {"all"})
    if c["category"] == "support_hours":
        assert c["unit"] in units.SUPPORT_UNITS and c["value"] is None
    elif c["category"] == "price":
        assert re.fullmatch(PRICE_UNIT.get(c["scope"], r"[A-Z]{3}/month"), c["unit"]), c["unit"]
        assert c["value"] > 0
    else:
        assert c["unit"] == units.CONTRACT_UNITS[c["category"]]
        assert c["value"] is not None or c["strength"] == "excluded"
    assert (PROPOSALS / vendor).is_dir() == ("file" in c)


@pytest.mark.parametrize("vendor,index,c", COMMITMENTS, ids=[f"{v}-{i}" for v, i, _ in COMMITMENTS])
def test_truth_page_shows_the_commitment(vendor, index, c):
    pages = page_views(pdf_for(vendor, c))
    assert 1 <= c["page"] <= len(pages)
    assert any(c["text"] in view for view in pages[c["page"] - 1]), (
        f"{vendor}: {c['text']!r} is not on page {c['page']}"
    )
    if c["value"] is not None:  # the phrase carries the number: digits, or words for a period
        assert re.search(r"\d|\bnext business day\b|\b(month|quarter)(ly)?\b", c["text"]), c["text"]


@pytest.mark.parametrize("vendor", sorted(TRUTH["vendors"]))
def test_truth_criteria_and_flags_are_contract_ids(vendor):
    entry = TRUTH["vendors"][vendor]
    assert set(entry["criteria"]) <= set(models.CRITERIA_IDS)
    assert set(entry["risk_flags"]) <= set(models.RISK_FLAGS)


def test_expected_ranking_has_one_winner_and_the_eliminated_last():
    ranking, eliminated = TRUTH["expected_ranking"], TRUTH["expected_eliminated"]
    assert sorted(ranking) == sorted(TRUTH["vendors"])
    assert len(eliminated) == 1
    assert ranking[-len(eliminated) :] == sorted(eliminated)
    assert ranking[0] not in eliminated


def test_expected_ranking_follows_from_truth_and_example_criteria():
    """Editing the example criteria without regenerating would leave a stale expectation."""
    make_samples = load_script()
    criteria = yaml.safe_load((EXAMPLE / "client.yaml").read_text(encoding="utf-8"))
    ranking, eliminated = make_samples.expected_decision(TRUTH["vendors"], criteria)
    assert (ranking, eliminated) == (TRUTH["expected_ranking"], TRUTH["expected_eliminated"])


def test_plain_topsis_prefers_the_vendor_closer_to_the_ideal():
    topsis = load_script().topsis
    scores = topsis([[10, 1], [20, 0], [15, 1]], [0.5, 0.5], [False, True])
    assert scores[0] == pytest.approx(1.0) and scores[1] == pytest.approx(0.0)
    assert scores[0] > scores[2] > scores[1]


# --- the criteria files ---------------------------------------------------------------------


def _yaml_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.yaml"))


@pytest.mark.parametrize("folder", [EXAMPLE, LIBRARY], ids=["example", "library"])
def test_criteria_yaml_uses_contract_names(folder):
    goals, team = [], []
    for path in _yaml_files(folder):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert set(data) <= {"goals", "team_fit", "settings"}, path
        goals += data.get("goals", [])
        team += data.get("team_fit", [])
    assert goals and team
    ids = [g["id"] for g in goals]
    assert len(ids) == len(set(ids))
    for g in goals:
        assert g["category"] in models.CATEGORIES, g["id"]
        assert g["scope"] in SCOPES.get(g["category"], {"all"}), g["id"]
        assert g["target"]["op"] in ("<=", ">=", "==")
        assert g["weight"] > 0 and g["title"]
    assert {t["criterion"] for t in team} <= set(models.CRITERIA_IDS)


def test_example_criteria_show_the_documented_features():
    data = yaml.safe_load((EXAMPLE / "client.yaml").read_text(encoding="utf-8"))
    goals = data["goals"]
    assert 8 <= len(goals) <= 12
    assert sum(bool(g.get("must_have")) for g in goals) >= 2
    assert any(g["target"].get("unit") == "hour" for g in goals)
    assert any(g["category"] == "support_hours" and "value" not in g["target"] for g in goals)
    assert any(g["category"] == "price" for g in goals)
    assert len({g["category"] for g in goals}) >= 6
    assert data["settings"]["method"] == "topsis"


def test_library_explains_every_goal_and_all_team_fit_criteria():
    goals = yaml.safe_load((LIBRARY / "goals.yaml").read_text(encoding="utf-8"))["goals"]
    team = yaml.safe_load((LIBRARY / "team_fit.yaml").read_text(encoding="utf-8"))["team_fit"]
    assert sorted(t["criterion"] for t in team) == sorted(models.CRITERIA_IDS)
    for item in goals + team:
        assert (
            item["title"].strip() and len(item["description"].split()) >= 5 and item["weight"] > 0
        )
    assert any(g.get("must_have") for g in goals)


def test_criteria_library_link_points_at_the_package_copy():
    link = ROOT / "criteria" / "library"
    if not link.is_symlink():
        pytest.skip("criteria/library is not a symlink on this checkout (e.g. Windows)")
    assert link.resolve() == LIBRARY.resolve()
    assert not Path(link.readlink()).is_absolute()


@pytest.mark.parametrize("folder", [EXAMPLE, LIBRARY], ids=["example", "library"])
def test_shipped_criteria_load(folder):
    criteria = pytest.importorskip("msp_select.criteria")
    loaded = criteria.load_criteria(folder)
    assert loaded.goals and loaded.team_fit
    assert sum(g.weight for g in loaded.goals) + sum(
        t.weight for t in loaded.team_fit
    ) == pytest.approx(1.0)
