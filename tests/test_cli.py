"""The command line as a user meets it: exit codes, one-line errors, outputs written whole."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from tests.pdf_fixtures import no_text_pdf
from tests.proposals import ACME_IT_PAGE, EXAMPLE_CRITERIA

VENDOR_A = [ACME_IT_PAGE]
VENDOR_B = [
    [
        "Bravo IT proposal",
        "We aim to respond to critical incidents within 2 hours.",
        "The helpdesk is open 8am to 6pm, Monday to Friday.",
        "We target 99.5% availability.",
    ]
]


@pytest.fixture()
def proposals(proposals_folder) -> Path:
    return proposals_folder({"acme-it.pdf": VENDOR_A, "bravo-it.pdf": VENDOR_B})


def misspelt_criteria(folder: Path) -> Path:
    """A criteria folder whose one goal names a category that does not exist, on line 4."""
    folder.mkdir()
    (folder / "goals.yaml").write_text(
        "goals:\n  - id: g1\n    title: t\n    category: respone_time\n"
        "    scope: P1\n    target: {op: '<=', value: 30, unit: minute}\n"
        "    weight: 1\n"
    )
    return folder


def sha(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_help_and_version_for_every_command(cli):
    r = cli("--version")
    assert r.exit_code == 0 and "msp-select" in r.output
    for cmd in (["extract"], ["score"], ["init"], ["criteria", "check"], ["rank"], ["compare"]):
        r = cli(*cmd, "--help")
        assert r.exit_code == 0, cmd
        assert "Usage:" in r.output


def test_extract_writes_contract_json(cli, proposals: Path, tmp_path: Path):
    out = tmp_path / "out"
    r = cli("-q", "extract", proposals / "acme-it.pdf", "--out", out, "--no-cache")
    assert r.exit_code == 0, r.output
    doc = json.loads((out / "commitments.json").read_text())
    assert doc["schema_version"] == 1
    [vendor] = doc["vendors"]
    assert vendor["vendor"] == "acme-it"
    found = {(c["category"], c["scope"], c["value"], c["unit"]) for c in vendor["commitments"]}
    assert ("response_time", "P1", 15, "minute") in found
    assert ("availability", "all", 99.95, "percent") in found
    assert all(
        c["source"]["page"] == 1 and c["source"]["file"] == "acme-it.pdf"
        for c in vendor["commitments"]
    )


def test_score_end_to_end_is_reproducible_and_leaves_inputs_alone(
    score_cli, proposals: Path, tmp_path: Path
):
    before = sha(proposals)
    outs = []
    for name in ("one", "two"):
        out = tmp_path / name
        r = score_cli(proposals, out, "--date", "2026-01-02", "--samples", "500")
        assert r.exit_code == 0, r.output
        outs.append(out)
    for name in ("commitments.json", "scores.json", "memo.md", "memo.html"):
        assert (outs[0] / name).read_bytes() == (outs[1] / name).read_bytes(), name
    scores = json.loads((outs[0] / "scores.json").read_text())
    assert [r["vendor"] for r in scores["ranking"]][0] == "acme-it"
    assert sha(proposals) == before
    assert not list(outs[0].glob(".*tmp"))


def test_one_unreadable_document_exits_1_and_scores_the_rest(
    score_cli, proposals: Path, tmp_path: Path
):
    (proposals / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj <<")
    (proposals / "scanned.pdf").unlink(missing_ok=True)
    no_text_pdf(proposals / "scanned.pdf")
    out = tmp_path / "out"
    r = score_cli(proposals, out)
    assert r.exit_code == 1
    assert "Traceback" not in r.output
    assert "broken.pdf" in r.output and "scanned.pdf" in r.output and "OCR" in r.output
    vendors = {v["vendor"] for v in json.loads((out / "commitments.json").read_text())["vendors"]}
    assert vendors == {"acme-it", "bravo-it"}


@pytest.mark.parametrize(
    "args, needle",
    [
        (
            ["score", "{missing}", "--criteria", "{criteria}", "--out", "{out}"],
            "proposals folder not found",
        ),
        (
            ["score", "{empty}", "--criteria", "{criteria}", "--out", "{out}"],
            "no PDF proposals found",
        ),
        (
            ["score", "{proposals}", "--criteria", "{bad}", "--out", "{out}"],
            "did you mean 'response_time'",
        ),
        (["extract", "{missing}", "--out", "{out}"], "no such file"),
        (["compare", "acme-it", "--out", "{out}"], "scores.json: not found"),
    ],
)
def test_usage_errors_exit_2_with_one_line_and_write_nothing(
    cli, proposals: Path, tmp_path: Path, args, needle
):
    empty = tmp_path / "empty"
    empty.mkdir()
    out = tmp_path / "out"
    fill = dict(
        missing=tmp_path / "nope",
        empty=empty,
        criteria=EXAMPLE_CRITERIA,
        out=out,
        proposals=proposals,
        bad=misspelt_criteria(tmp_path / "bad"),
    )
    r = cli(*(a.format(**fill) for a in args))
    assert r.exit_code == 2, r.output
    assert needle in r.output
    assert "Traceback" not in r.output
    assert len(r.output.strip().splitlines()) == 1
    assert not out.exists()


def test_criteria_error_names_file_and_line(cli, tmp_path: Path):
    r = cli("criteria", "check", misspelt_criteria(tmp_path / "crit"))
    assert r.exit_code == 2
    assert "goals.yaml:4" in r.output


def test_init_writes_a_valid_starter_and_refuses_to_overwrite(cli, tmp_path: Path):
    d = tmp_path / "mine"
    r = cli("-q", "init", d)
    assert r.exit_code == 0
    assert cli("criteria", "check", d).exit_code == 0
    again = cli("init", d)
    assert again.exit_code == 2


def test_rank_a_hand_scored_matrix(cli, tmp_path: Path):
    csv = tmp_path / "m.csv"
    csv.write_text("vendor,price,quality\nA,100,9\nB,200,5\nC,150,7\n")
    r = cli(
        "rank", csv, "--objectives", "min,max", "--weights", "1,1", "--json", "--samples", "200"
    )
    assert r.exit_code == 0, r.output
    result = json.loads(r.output)
    assert json.dumps(result).find('"A"') >= 0
    bad = cli("rank", csv, "--objectives", "min", "--weights", "1,1")
    assert bad.exit_code == 2 and "Traceback" not in bad.output


def test_compare_after_score(cli, score_cli, proposals: Path, tmp_path: Path):
    out = tmp_path / "out"
    assert score_cli(proposals, out).exit_code == 0
    r = cli("-q", "compare", "acme-it", "bravo-it", "--out", out, "--format", "csv")
    assert r.exit_code == 0, r.output
    assert "acme-it" in r.output and "bravo-it" in r.output
    typo = cli("compare", "acme-itt", "--out", out)
    assert typo.exit_code == 2 and "acme-it" in typo.output
