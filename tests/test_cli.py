"""The command line as a user meets it: exit codes, one-line errors, outputs written whole."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from msp_select.cli import main
from tests.pdf_fixtures import no_text_pdf, text_pdf

ROOT = Path(__file__).resolve().parents[1]
CRITERIA = ROOT / "criteria" / "example"

VENDOR_A = [
    [
        "Acme Managed IT: proposal",
        "Acme will respond to Priority 1 incidents within 15 minutes, 24x7.",
        "P1 incidents will be resolved within 4 hours.",
        "Our service desk is staffed 24x7x365 by engineers.",
        "We guarantee 99.95% availability of the managed network.",
        "Managed services cost $110 per user per month.",
    ]
]
VENDOR_B = [
    [
        "Bravo IT proposal",
        "We aim to respond to critical incidents within 2 hours.",
        "The helpdesk is open 8am to 6pm, Monday to Friday.",
        "We target 99.5% availability.",
    ]
]


@pytest.fixture()
def proposals(tmp_path: Path) -> Path:
    d = tmp_path / "proposals"
    d.mkdir()
    text_pdf(d / "acme-it.pdf", VENDOR_A)
    text_pdf(d / "bravo-it.pdf", VENDOR_B)
    return d


def run(*args: str):
    return CliRunner().invoke(main, ["-q", *args], catch_exceptions=False)


def sha(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_help_and_version_for_every_command():
    r = CliRunner().invoke(main, ["--version"])
    assert r.exit_code == 0 and "msp-select" in r.output
    for cmd in (["extract"], ["score"], ["init"], ["criteria", "check"], ["rank"], ["compare"]):
        r = CliRunner().invoke(main, [*cmd, "--help"])
        assert r.exit_code == 0, cmd
        assert "Usage:" in r.output


def test_extract_writes_contract_json(proposals: Path, tmp_path: Path):
    out = tmp_path / "out"
    r = run("extract", str(proposals / "acme-it.pdf"), "--out", str(out), "--no-cache")
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


def test_score_end_to_end_is_reproducible_and_leaves_inputs_alone(proposals: Path, tmp_path: Path):
    before = sha(proposals)
    outs = []
    for name in ("one", "two"):
        out = tmp_path / name
        r = run(
            "score",
            str(proposals),
            "--criteria",
            str(CRITERIA),
            "--out",
            str(out),
            "--date",
            "2026-01-02",
            "--no-cache",
            "--samples",
            "500",
        )
        assert r.exit_code == 0, r.output
        outs.append(out)
    for name in ("commitments.json", "scores.json", "memo.md", "memo.html"):
        assert (outs[0] / name).read_bytes() == (outs[1] / name).read_bytes(), name
    scores = json.loads((outs[0] / "scores.json").read_text())
    assert [r["vendor"] for r in scores["ranking"]][0] == "acme-it"
    assert sha(proposals) == before
    assert not list(outs[0].glob(".*tmp"))


def test_one_unreadable_document_exits_1_and_scores_the_rest(proposals: Path, tmp_path: Path):
    (proposals / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj <<")
    (proposals / "scanned.pdf").unlink(missing_ok=True)
    no_text_pdf(proposals / "scanned.pdf")
    out = tmp_path / "out"
    r = CliRunner().invoke(
        main,
        [
            "score",
            str(proposals),
            "--criteria",
            str(CRITERIA),
            "--out",
            str(out),
            "--no-cache",
            "--samples",
            "0",
        ],
    )
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
    proposals: Path, tmp_path: Path, args, needle
):
    empty = tmp_path / "empty"
    empty.mkdir()
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "goals.yaml").write_text(
        "goals:\n  - id: g1\n    title: t\n    category: respone_time\n"
        "    scope: P1\n    target: {op: '<=', value: 30, unit: minute}\n"
        "    weight: 1\n"
    )
    out = tmp_path / "out"
    fill = dict(
        missing=str(tmp_path / "nope"),
        empty=str(empty),
        criteria=str(CRITERIA),
        out=str(out),
        proposals=str(proposals),
        bad=str(bad),
    )
    r = CliRunner().invoke(main, [a.format(**fill) for a in args])
    assert r.exit_code == 2, r.output
    assert needle in r.output
    assert "Traceback" not in r.output
    assert len(r.output.strip().splitlines()) == 1
    assert not out.exists()


def test_criteria_error_names_file_and_line(tmp_path: Path):
    bad = tmp_path / "crit"
    bad.mkdir()
    (bad / "goals.yaml").write_text(
        "goals:\n  - id: g1\n    title: t\n    category: respone_time\n"
        "    scope: P1\n    target: {op: '<=', value: 30, unit: minute}\n"
        "    weight: 1\n"
    )
    r = CliRunner().invoke(main, ["criteria", "check", str(bad)])
    assert r.exit_code == 2
    assert "goals.yaml:4" in r.output


def test_init_writes_a_valid_starter_and_refuses_to_overwrite(tmp_path: Path):
    d = tmp_path / "mine"
    r = run("init", str(d))
    assert r.exit_code == 0
    assert CliRunner().invoke(main, ["criteria", "check", str(d)]).exit_code == 0
    again = CliRunner().invoke(main, ["init", str(d)])
    assert again.exit_code == 2


def test_rank_a_hand_scored_matrix(tmp_path: Path):
    csv = tmp_path / "m.csv"
    csv.write_text("vendor,price,quality\nA,100,9\nB,200,5\nC,150,7\n")
    r = run(
        "rank",
        str(csv),
        "--objectives",
        "min,max",
        "--weights",
        "1,1",
        "--json",
        "--samples",
        "200",
    )
    assert r.exit_code == 0, r.output
    result = json.loads(r.output)
    assert json.dumps(result).find('"A"') >= 0
    bad = CliRunner().invoke(main, ["rank", str(csv), "--objectives", "min", "--weights", "1,1"])
    assert bad.exit_code == 2 and "Traceback" not in bad.output


def test_compare_after_score(proposals: Path, tmp_path: Path):
    out = tmp_path / "out"
    assert (
        run(
            "score",
            str(proposals),
            "--criteria",
            str(CRITERIA),
            "--out",
            str(out),
            "--no-cache",
            "--samples",
            "0",
        ).exit_code
        == 0
    )
    r = run("compare", "acme-it", "bravo-it", "--out", str(out), "--format", "csv")
    assert r.exit_code == 0, r.output
    assert "acme-it" in r.output and "bravo-it" in r.output
    typo = CliRunner().invoke(main, ["compare", "acme-itt", "--out", str(out)])
    assert typo.exit_code == 2 and "acme-it" in typo.output
