"""The bounded command-line fuzz target: a fixed set of hostile runs on every `make test`.

Each case mutates one or two of the inputs a user hands the tool (criteria, overrides, panel
CSV, matrix CSV, dates, SOURCE_DATE_EPOCH, method) and checks what every run must keep: exit
0, 1 or 2; no internal error; on exit 2 one line and nothing written; valid JSON otherwise.
A campaign runs many more in separate processes: `python tests/fuzz_cli.py --cases 400`.
"""

from __future__ import annotations

import os

import pytest
from click.testing import CliRunner

from msp_select.cli import main
from tests.fuzz_cli import _sample_pdfs, cases, check, lay_out

CASES = int(os.environ.get("MSP_FUZZ_CASES", "24"))


@pytest.fixture(scope="module")
def pdfs():
    return _sample_pdfs()


@pytest.fixture(scope="module")
def cache(tmp_path_factory):
    return str(tmp_path_factory.mktemp("cache"))


@pytest.mark.parametrize("case", cases(seed=11, n=CASES), ids=lambda c: f"{c.command}-{c.seed}")
def test_hostile_run_keeps_the_contract(tmp_path, pdfs, cache, case):
    args = lay_out(case, tmp_path, pdfs)
    if case.command == "score":
        args += ["--cache-dir", cache]
    env = {"SOURCE_DATE_EPOCH": None, **case.env}
    r = CliRunner().invoke(main, args, env=env)
    assert not isinstance(r.exception, Exception) or isinstance(r.exception, SystemExit), repr(
        r.exception
    )
    assert check(case, r.exit_code, r.stdout, r.stderr, tmp_path) == []
