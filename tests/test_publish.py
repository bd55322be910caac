"""Check, then work, then publish: options are checked before any PDF is read, the outputs
appear as one set or not at all, and Ctrl-C / SIGTERM end a run cleanly (issue 11)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from msp_select import api
from tests.proposals import EXAMPLE_CRITERIA

BODY = [
    "Acme will respond to Priority 1 incidents within 15 minutes, 24x7.",
    "Managed services cost $110 per user per month.",
]


@pytest.fixture()
def proposals(proposals_folder) -> Path:
    bravo = [["We aim to respond to critical incidents within 2 hours."]]
    return proposals_folder({"acme.pdf": [BODY], "bravo.pdf": bravo})


@pytest.fixture()
def score(score_cli):
    """`score(proposals, out, *extra, env=None)`: score_cli with 50 samples, one worker."""
    return lambda proposals, out, *extra, env=None: score_cli(
        proposals, out, "--samples", "50", "--jobs", "1", *extra, env=env
    )


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def no_leftovers(out: Path) -> None:
    assert [p.name for p in out.parent.iterdir() if p.name.startswith(f".{out.name}")] == []


def test_reused_out_keeps_no_stale_file(score, tmp_path, proposals):
    out = tmp_path / "out"
    r = score(proposals, out, "--format", "xlsx", "--format", "csv", "--date", "2026-01-05")
    assert r.exit_code == 0, r.output
    assert (out / "decision.xlsx").exists() and list(out.glob("*.csv"))
    r = score(proposals, out, "--format", "md", "--date", "2026-01-05")
    assert r.exit_code == 0, r.output
    names = {p.name for p in out.iterdir() if not p.name.startswith(".")}
    assert "memo.md" in names and "decision.xlsx" not in names and not list(out.glob("*.csv"))
    assert "memo.html" not in names
    no_leftovers(out)


def test_outputs_get_normal_permissions(score, tmp_path, proposals):
    old = os.umask(0o022)
    try:
        r = score(proposals, tmp_path / "out", "--date", "2026-01-05")
    finally:
        os.umask(old)
    assert r.exit_code == 0, r.output
    assert (tmp_path / "out").stat().st_mode & 0o777 == 0o755
    for p in (tmp_path / "out").iterdir():
        assert p.stat().st_mode & 0o777 == 0o644, p.name


def test_folder_with_the_users_own_files_is_refused_untouched(score, tmp_path, proposals):
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("mine")
    r = score(proposals, out)
    assert r.exit_code == 2 and "notes.txt" in r.stderr and "did not write" in r.stderr
    assert snapshot(out) == {"notes.txt": b"mine"}
    no_leftovers(out)


def test_hidden_files_of_the_folder_are_kept(score, tmp_path, proposals):
    out = tmp_path / "out"
    out.mkdir()
    (out / ".keep").write_text("x")
    (out / "memo.md").write_text("an old memo")
    assert score(proposals, out, "--date", "2026-01-05").exit_code == 0
    assert (out / ".keep").read_text() == "x"
    assert "an old memo" not in (out / "memo.md").read_text()


@pytest.fixture()
def never_parse(monkeypatch):
    def boom(*a, **k):
        raise AssertionError("the PDFs were read before the options were checked")

    monkeypatch.setattr(api, "read_and_extract", boom)


@pytest.mark.parametrize(
    "extra,env,words",
    [
        (("--date", "yesterday"), {}, "--date 'yesterday': not a calendar date"),
        (("--date", "2026-02-30"), {}, "--date '2026-02-30'"),
        (("--date", "2026-1-5"), {}, "YYYY-MM-DD"),
        ((), {"SOURCE_DATE_EPOCH": "abc"}, "SOURCE_DATE_EPOCH='abc'"),
        ((), {"SOURCE_DATE_EPOCH": "9" * 30}, "SOURCE_DATE_EPOCH"),
        (("--date", "2026-01-05"), {"SOURCE_DATE_EPOCH": "abc"}, "SOURCE_DATE_EPOCH='abc'"),
    ],
)
def test_bad_date_is_refused_before_any_work(
    score, tmp_path, proposals, never_parse, extra, env, words
):
    out = tmp_path / "out"
    r = score(proposals, out, *extra, env=env)
    assert r.exit_code == 2, r.output
    assert words in r.stderr and len(r.stderr.strip().splitlines()) == 1
    assert not out.exists()
    no_leftovers(out)


def test_source_date_epoch_fixes_the_date(score, tmp_path, proposals):
    r = score(proposals, tmp_path / "out", env={"SOURCE_DATE_EPOCH": "86400"})
    assert r.exit_code == 0, r.output
    assert "Date: 1970-01-02" in (tmp_path / "out" / "memo.md").read_text()


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes anywhere")
@pytest.mark.parametrize("existing", [False, True])
def test_unwritable_out_is_refused_before_any_work(
    score, tmp_path, proposals, never_parse, existing
):
    parent = tmp_path / "locked"
    parent.mkdir()
    out = parent / "out"
    if existing:
        out.mkdir()
        out.chmod(0o555)
    else:
        parent.chmod(0o555)
    try:
        r = score(proposals, out)
    finally:
        parent.chmod(0o755)
        if existing:
            out.chmod(0o755)
    assert r.exit_code == 2, r.output
    assert str(out) in r.stderr and "--out" in r.stderr


def test_out_that_is_a_file_is_refused(score, tmp_path, proposals, never_parse):
    out = tmp_path / "out"
    out.write_text("x")
    r = score(proposals, out)
    assert r.exit_code == 2 and "must be a folder" in r.stderr


def test_interrupt_while_writing_leaves_the_previous_set(score, tmp_path, proposals, monkeypatch):
    out = tmp_path / "out"
    assert score(proposals, out, "--date", "2026-01-05").exit_code == 0
    before = snapshot(out)
    from msp_select import report

    def interrupted(*a, **k):
        raise KeyboardInterrupt

    monkeypatch.setattr(report, "write_reports", interrupted)
    r = score(proposals, out, "--date", "2026-01-06")
    assert r.exit_code == 130
    assert snapshot(out) == before
    no_leftovers(out)


def test_timeout_covers_extraction(cli, tmp_path, proposals, monkeypatch):
    from msp_select import extract

    def slow(*a, **k):
        time.sleep(30)

    monkeypatch.setattr(extract, "extract_vendor", slow)
    started = time.monotonic()
    args = ["extract", proposals / "acme.pdf", "--out", tmp_path / "out"]
    r = cli(*args, "--timeout", "2", "--no-cache", "--jobs", "1")
    assert time.monotonic() - started < 25
    assert r.exit_code == 1, r.output
    assert "acme.pdf: took longer than 2 s to read and extract" in r.stderr


# --- signals, in a real process ---------------------------------------------------------------

SLOW_RUN = textwrap.dedent(
    """
    import sys, time
    from msp_select import ingest, cli

    def slow(*a, **k):
        time.sleep(120)

    ingest.read_pdf = slow
    sys.argv = ["msp-select"] + sys.argv[1:]
    cli.run()
    """
)


def _children(pid: int) -> list[int]:
    kids = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            kids.append(int(stat.parent.name))
    return kids


def _descendants(pid: int) -> list[int]:
    """Children, grandchildren...: the PDF readers are forked by the process that parses while
    the main one builds the spaCy pipeline."""
    found, todo = [], [pid]
    while todo:
        kids = _children(todo.pop())
        found += kids
        todo += kids
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
@pytest.mark.parametrize("signum,code", [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_signal_during_parse_exits_with_its_code_and_kills_workers(
    tmp_path, proposals, signum, code
):
    out = tmp_path / "out"
    args = [str(proposals), "--criteria", str(EXAMPLE_CRITERIA), "--out", str(out), "--no-cache"]
    proc = subprocess.Popen(
        [sys.executable, "-c", SLOW_RUN, "score", *args, "--jobs", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    workers: list[int] = []
    while len([w for w in workers if not _children(w)]) < 2 and time.monotonic() < deadline:
        time.sleep(0.2)
        workers = _descendants(proc.pid)
    assert len([w for w in workers if not _children(w)]) == 2, "the workers never started"
    time.sleep(0.5)
    proc.send_signal(signum)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == code, err
    assert b"Traceback" not in err
    gone = time.monotonic() + 10
    while any(_alive(w) for w in workers) and time.monotonic() < gone:
        time.sleep(0.1)
    assert not any(_alive(w) for w in workers)
    assert not out.exists()
    no_leftovers(out)


def test_out_below_a_file_is_refused_before_any_work(score, tmp_path, proposals, never_parse):
    (tmp_path / "report.txt").write_text("x")
    out = tmp_path / "report.txt" / "out"
    r = score(proposals, out)
    assert r.exit_code == 2, r.output
    assert "cannot write there" in r.stderr and "--out" in r.stderr


def test_a_signal_whose_exception_a_finalizer_swallowed_is_raised_again(monkeypatch):
    """A SIGTERM landing while a finalizer runs is printed as "Exception ignored" and lost;
    the waiting loops ask again so the run still stops with 143."""
    from msp_select import interrupts
    from msp_select.errors import Interrupted

    monkeypatch.setattr(interrupts, "_received", [])
    interrupts.check()  # no signal: nothing happens
    interrupts._received.append(signal.SIGTERM)
    with pytest.raises(Interrupted) as stop:
        interrupts.check()
    assert stop.value.exit_code == 143
