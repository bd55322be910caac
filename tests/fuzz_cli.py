"""A bounded command-line fuzz target: hostile variants of every input a user hands the tool.

    cases(seed, n) -> list[Case]            # deterministic for a seed
    check(case, code, stdout, stderr, out)  # the properties every run must keep

`tests/test_fuzz_cli.py` runs a fixed number in-process on each `make test`; a campaign runs
many more in separate processes, measuring time and memory:

    python tests/fuzz_cli.py --cases 400 --seed 1 [--jobs 2]
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from pathlib import Path

CRITERIA = """goals:
  - id: p1-response
    title: Priority-1 response
    category: response_time
    scope: P1
    target: {op: "<=", value: 30, unit: minute}
    weight: 3
    must_have: true
  - id: budget
    category: price
    scope: per_user
    target: {op: "<=", value: 150, unit: USD/month}
    weight: 2
team_fit:
  - criterion: dedicated-account-manager
    weight: 1
settings:
  method: topsis
"""
OVERRIDES = """- vendor: acme
  action: correct
  target: {category: response_time, scope: P1}
  value: 20
  note: the appendix says 20 minutes
  analyst: jd
- vendor: bravo
  action: add
  category: availability
  value: 99.9
  unit: percent
  note: confirmed by phone
"""
PANEL = "evaluator,vendor,criterion,score\njd,acme,dedicated-account-manager,4\n"
MATRIX = "vendor,price,response\nacme,110,15\nbravo,95,120\ncore,130,30\n"

# Tokens that broke the tool once, or that a hostile file would try.
HOSTILE = [
    "*a",
    "&a",
    "&a [1]",
    "<<: *a",
    "!!python/object:os.system",
    "!!binary aGk=",
    ".nan",
    ".inf",
    "-.inf",
    "1e999",
    "9" * 400,
    "-5",
    "0",
    "on",
    "yes",
    "null",
    "~",
    "",
    "9**9**9**9",
    "minute/0",
    "()",
    "min\u200bute",
    "\u202eetunim",
    "\x00",
    "\x1b[31m",
    "\ufeff",
    "\ud800",
    "[" * 200,
    "{" * 50,
    "- " * 60,
    "'",
    '"',
    "\t",
    ":",
    "#",
    "|",
    ">",
    "%YAML 1.1",
    "---",
    "...",
    "?",
    '=HYPERLINK("x")',
    "<img src=x onerror=alert(1)>",
    "https://evil.example",
    "yesterday",
    "2026-02-30",
    "P1",
    "minutes",
    "hours",
    "USD/year",
    "€",
    "x" * 5000,
]
DATES = [None, "2026-01-05", "yesterday", "2026-02-30", "1-1-1", "9999-12-31", "\x1b[2J"]
EPOCHS = [None, "0", "abc", "", "9" * 40, "-1", "1700000000"]
METHODS = [None, "topsis", "wsm", "vikor", "spotis", "nope", "WPM"]


@dataclass
class Case:
    seed: int
    command: str  # score, criteria-check, rank
    files: dict[str, bytes] = field(default_factory=dict)  # relative path -> content
    args: list[str] = field(default_factory=list)
    env: dict[str, str] = field(default_factory=dict)


def _mutate(rng: random.Random, text: str) -> bytes:
    """One to three edits: insert, replace or delete a hostile token, flip bytes, repeat a line."""
    data = text
    for _ in range(rng.randint(1, 3)):
        kind = rng.random()
        pos = rng.randint(0, len(data))
        token = rng.choice(HOSTILE)
        if kind < 0.35:
            data = data[:pos] + token + data[pos:]
        elif kind < 0.6:
            end = min(len(data), pos + rng.randint(1, 12))
            data = data[:pos] + token + data[end:]
        elif kind < 0.7:
            end = min(len(data), pos + rng.randint(1, 40))
            data = data[:pos] + data[end:]
        elif kind < 0.8:
            lines = data.split("\n")
            i = rng.randrange(len(lines))
            lines.insert(i, lines[i] * rng.randint(1, 3))
            data = "\n".join(lines)
        else:
            raw = bytearray(data.encode("utf-8", "surrogatepass"))
            for _ in range(rng.randint(1, 4)):
                if raw:
                    raw[rng.randrange(len(raw))] = rng.randrange(256)
            return bytes(raw)
    encoding = rng.choice(["utf-8"] * 6 + ["utf-16", "utf-8-sig", "latin-1"])
    return data.encode(encoding, "surrogatepass" if encoding.startswith("utf") else "replace")


def _score_case(rng: random.Random, seed: int) -> Case:
    case = Case(seed, "score")
    targets = rng.sample(["criteria", "overrides", "panel", "args"], rng.randint(1, 2))
    crit = _mutate(rng, CRITERIA) if "criteria" in targets else CRITERIA.encode()
    case.files["criteria/client.yaml"] = crit
    if "overrides" in targets or rng.random() < 0.3:
        ov = _mutate(rng, OVERRIDES) if "overrides" in targets else OVERRIDES.encode()
        case.files["proposals/overrides.yaml"] = ov
    if "panel" in targets or rng.random() < 0.2:
        case.files["panel.csv"] = _mutate(rng, PANEL) if "panel" in targets else PANEL.encode()
        case.args += ["--panel", "{dir}/panel.csv"]
    if "args" in targets:
        date, epoch, method = rng.choice(DATES), rng.choice(EPOCHS), rng.choice(METHODS)
        if date is not None:
            case.args += ["--date", date]
        if epoch is not None:
            case.env["SOURCE_DATE_EPOCH"] = epoch
        if method is not None:
            case.args += ["--method", method]
        if rng.random() < 0.3:
            case.args += ["--format", rng.choice(["md", "html", "xlsx", "csv"])]
    if "--date" not in case.args and "SOURCE_DATE_EPOCH" not in case.env:
        case.args += ["--date", "2026-01-05"]
    return case


def _rank_case(rng: random.Random, seed: int) -> Case:
    case = Case(seed, "rank")
    case.files["matrix.csv"] = _mutate(rng, MATRIX)
    objectives = rng.choice(["min,min", "min,max", "max", "min,max,min", "sideways,min"])
    weights = rng.choice(["1,1", "3,1", "nan,1", "inf,1", "-1,2", "0,0", "1e400,1", "x"])
    method = rng.choice([m for m in METHODS if m]) if rng.random() < 0.5 else "topsis"
    case.args = ["--objectives", objectives, "--weights", weights, "--method", method]
    return case


def cases(seed: int, n: int) -> list[Case]:
    """`n` cases, the same for the same seed."""
    out = []
    for i in range(n):
        rng = random.Random(seed * 1_000_003 + i)
        kind = rng.random()
        if kind < 0.6:
            out.append(_score_case(rng, i))
        elif kind < 0.8:
            case = _score_case(rng, i)
            case.command = "criteria-check"
            out.append(case)
        else:
            out.append(_rank_case(rng, i))
    return out


def lay_out(case: Case, root: Path, pdfs: dict[str, bytes]) -> list[str]:
    """Write the case's files under `root`; the command line (without the program name)."""
    (root / "proposals").mkdir(parents=True, exist_ok=True)
    for name, data in pdfs.items():
        (root / "proposals" / name).write_bytes(data)
    for rel, data in case.files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    args = [a.replace("{dir}", str(root)) for a in case.args]
    if case.command == "rank":
        return ["rank", str(root / "matrix.csv"), *args, "--samples", "20"]
    if case.command == "criteria-check":
        return ["criteria", "check", str(root / "criteria")]
    return [
        "score", str(root / "proposals"), "--criteria", str(root / "criteria"),
        "--out", str(root / "out"), "--samples", "20", "--jobs", "1", *args,
    ]  # fmt: skip


def _strict_json(path: Path) -> None:
    def refuse(name):
        raise ValueError(f"{path.name} holds {name}, which is not JSON")

    json.loads(path.read_text(encoding="utf-8"), parse_constant=refuse)


def check(case: Case, code: int, stdout: str, stderr: str, root: Path) -> list[str]:
    """What went wrong in one run ([] when every property holds)."""
    problems = []
    if code not in (0, 1, 2):
        problems.append(f"exit code {code}")
    if "Traceback" in stdout + stderr or "internal error" in stderr:
        problems.append("internal error: " + (stderr.strip().splitlines() or [""])[-1][:200])
    out = root / "out"
    if case.command == "score" and code == 2:
        if out.exists():
            problems.append("exit 2 but --out was written")
        if len(stderr.strip().splitlines()) != 1:
            problems.append(f"exit 2 with {len(stderr.strip().splitlines())} lines on stderr")
    if case.command == "score" and code in (0, 1):
        for name in ("commitments.json", "scores.json"):
            try:
                _strict_json(out / name)
            except (OSError, ValueError) as err:
                problems.append(f"{name}: {err}")
    if "\x1b" in stderr:
        problems.append("an escape character reached the terminal")
    return problems


def _sample_pdfs() -> dict[str, bytes]:
    import tempfile

    from tests.pdf_fixtures import text_pdf

    with tempfile.TemporaryDirectory() as tmp:
        a = text_pdf(
            Path(tmp) / "acme.pdf",
            [
                [
                    "Acme will respond to Priority 1 incidents within 15 minutes, 24x7.",
                    "Managed services cost $110 per user per month.",
                    "A dedicated account manager is assigned to the client.",
                ]
            ],
        )
        b = text_pdf(Path(tmp) / "bravo.pdf", [["We aim to respond within 2 hours."]])
        return {"acme.pdf": a.read_bytes(), "bravo.pdf": b.read_bytes()}


def _run_process(args: list[str], env: dict[str, str], timeout: float):
    """(exit code, stdout, stderr, seconds, peak MB) of one msp-select process."""
    import os
    import signal
    import subprocess
    import sys
    import tempfile
    import time

    full_env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    full_env.update(env)
    code = "import sys; from msp_select.cli import run; sys.argv[0] = 'msp-select'; run()"
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.monotonic()
        proc = subprocess.Popen(
            [sys.executable, "-c", code, *args],
            stdout=out,
            stderr=err,
            stdin=subprocess.DEVNULL,
            env=full_env,
            start_new_session=True,
        )
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() - started > timeout:
                os.killpg(proc.pid, signal.SIGKILL)
                pid, status, usage = os.wait4(proc.pid, 0)
                status = -1
                break
            time.sleep(0.02)
        seconds = time.monotonic() - started
        out.seek(0)
        err.seek(0)
        rc = os.waitstatus_to_exitcode(status) if status != -1 else -999
        return (
            rc,
            out.read().decode("utf-8", "replace"),
            err.read().decode("utf-8", "replace"),
            seconds,
            usage.ru_maxrss / 1024,
        )


def main() -> None:
    """The campaign: many cases, each in its own process, with time and memory measured."""
    import argparse
    import sys
    import tempfile
    from collections import Counter
    from concurrent.futures import ThreadPoolExecutor

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", type=int, default=300)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=60)
    a = ap.parse_args()
    pdfs = _sample_pdfs()
    cache = tempfile.mkdtemp(prefix="msp-fuzz-cache-")

    def one(case: Case):
        with tempfile.TemporaryDirectory() as tmp:
            args = lay_out(case, Path(tmp), pdfs)
            if case.command == "score":
                args += ["--cache-dir", cache]
            code, out, err, secs, mb = _run_process(args, case.env, a.timeout)
            problems = check(case, code, out, err, Path(tmp))
            if code == -999:
                problems.append(f"over {a.timeout:g} s")
            if mb > 1024:
                problems.append(f"{mb:.0f} MB")
            return case, code, secs, mb, problems

    with ThreadPoolExecutor(a.jobs) as pool:
        results = list(pool.map(one, cases(a.seed, a.cases)))
    codes = Counter(code for _, code, _, _, _ in results)
    bad = [(c, p) for c, _, _, _, p in results if p]
    for case, problems in bad:
        print(f"case {case.seed} ({case.command}): {'; '.join(problems)}")
    print(
        f"fuzz cases={len(results)} exit codes={dict(sorted(codes.items()))} problems={len(bad)} "
        f"| worst {max(r[2] for r in results):.1f}s {max(r[3] for r in results):.0f}MB"
    )
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
