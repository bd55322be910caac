"""The review app through Flask's test client: the token, every page, every action, refusals."""

from __future__ import annotations

import json
import shutil
import threading
from pathlib import Path

import html5lib
import pytest
import yaml
from click.testing import CliRunner

from msp_select import api
from msp_select.cli import main
from tests.pdf_fixtures import text_pdf
from tests.proposals import ACME_IT_PAGE, EXAMPLE_CRITERIA

pytest.importorskip("flask", reason="the review extra (Flask) is part of the test extra")

from msp_select.review import create_app, open_session  # noqa: E402
from msp_select.review.forms import item_id  # noqa: E402

TOKEN = "test-token-123"
EVIL = "<img src=x onerror=alert(1)>"

ACME = [
    ACME_IT_PAGE,
    ["Appendix: escalation", "A named account manager will chair a monthly service review."],
]
BRAVO = [
    [
        "Bravo IT proposal",
        "Bravo will respond to Priority 1 incidents within 20 minutes <script>alert(1)</script>",
        "Our service desk is staffed 24x7x365 by engineers.",
        f"We target 99.5% availability {EVIL} {{{{ 7*7 }}}}.",
    ]
]
HOSTILE = [["Hostile proposal", "We will respond to Priority 1 incidents within 25 minutes."]]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """Three vendors scored once; each test gets its own copy (proposals, out, cache)."""
    root = tmp_path_factory.mktemp("review")
    proposals = root / "proposals"
    proposals.mkdir()
    text_pdf(proposals / "acme-it.pdf", ACME)
    text_pdf(proposals / "bravo-it.pdf", BRAVO)
    text_pdf(proposals / f"{EVIL}.pdf", HOSTILE)
    shutil.copytree(EXAMPLE_CRITERIA, root / "criteria")
    options = api.ReadOptions(cache_dir=str(root / "cache"), jobs=1)
    api.score(proposals, root / "criteria", root / "out", options, api.ScoreOptions(samples=0))
    return root


@pytest.fixture()
def workdir(corpus, tmp_path) -> Path:
    shutil.copytree(corpus, tmp_path / "run")
    return tmp_path / "run"


@pytest.fixture()
def session(workdir):
    options = api.ReadOptions(cache_dir=str(workdir / "cache"), jobs=1)
    return open_session(workdir / "out", options=options)


@pytest.fixture()
def client(session):
    app = create_app(session, token=TOKEN)
    c = app.test_client()
    assert c.get(f"/?token={TOKEN}").status_code == 200  # sets the cookie
    return c


def post(client, vendor: str, payload, token: str | None = TOKEN):
    headers = {"X-Review-Token": token} if token else {}
    return client.post(f"/action/{vendor}", json=payload, headers=headers)


def overrides(workdir: Path) -> list[dict]:
    text = (workdir / "proposals" / "overrides.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text) or []


def find(session, vendor: str, category: str, scope: str):
    snap = session.snapshot()
    return next(
        c
        for c in snap.extractions[vendor].commitments
        if c.category == category and c.scope == scope
    )


def ranking(session) -> list[str]:
    return [r.vendor for r in session.snapshot().decision.ranking]


# --- the token ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/vendor/acme-it",
        "/page/acme-it/0/1.png",
        "/search/acme-it?q=respond",
        "/static/review.js",
        "/nothing-here",
    ],
)
def test_requests_without_the_token_are_refused(session, path):
    c = create_app(session, token=TOKEN).test_client()
    assert c.get(path).status_code == 403
    assert c.get(path + ("&" if "?" in path else "?") + "token=wrong").status_code == 403
    assert c.get(path, headers={"X-Review-Token": "wrong"}).status_code == 403
    r = c.post("/action/acme-it", json={"action": "accept"})
    assert r.status_code == 403 and not r.get_json()["ok"]


def test_the_token_in_the_url_sets_a_cookie_for_the_next_pages(session):
    c = create_app(session, token=TOKEN).test_client()
    r = c.get(f"/?token={TOKEN}")
    assert r.status_code == 200
    cookie = r.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
    assert c.get("/vendor/bravo-it").status_code == 200  # the cookie alone now
    assert c.get("/static/review.css").status_code == 200


def test_an_action_needs_the_header_even_with_the_cookie(client, workdir):
    r = post(client, "acme-it", {"action": "accept"}, token=None)
    assert r.status_code == 403 and "X-Review-Token" in r.get_json()["message"]
    assert not (workdir / "proposals" / "overrides.yaml").exists()


def test_a_fresh_app_has_a_long_random_token(session):
    a, b = create_app(session), create_app(session)
    assert a.config["TOKEN"] != b.config["TOKEN"] and len(a.config["TOKEN"]) >= 24


# --- pages --------------------------------------------------------------------------------


def parse(response):
    assert response.status_code == 200, response.data[:500]
    return html5lib.parse(response.data, namespaceHTMLElements=False)


def test_opening_page_lists_every_vendor_and_shows_the_first(client, session):
    doc = parse(client.get("/"))
    rows = doc.findall(".//table[@class='ranking']/tbody/tr")
    decision = session.snapshot().decision
    assert [r.get("data-vendor") for r in rows] == [v.vendor for v in decision.ranking]
    first = rows[0]
    cells = ["".join(td.itertext()).strip() for td in first.findall("td")]
    assert cells[0] == "1" and float(cells[2]) == pytest.approx(decision.ranking[0].score, abs=1e-3)
    assert "all met" in cells[3] or "eliminated" in cells[3]
    assert " of " in cells[4]  # items still to review
    assert doc.find(".//body").get("data-vendor") == decision.ranking[0].vendor
    assert doc.findall(".//li[@data-kind='commitment']")


def test_ranking_names_each_company_beside_its_id(client):
    doc = parse(client.get("/"))
    rows = {r.get("data-vendor"): r for r in doc.findall(".//table[@class='ranking']/tbody/tr")}
    link = rows["acme-it"].find(".//a")
    assert link.text.strip() == "Acme Managed IT"  # from the proposal's title line
    assert rows["acme-it"].find(".//span[@class='vendor-id']").text == "acme-it"
    open_goals = [td for td in doc.findall(".//td") if td.get("class") == "must open"]
    text = "".join(open_goals[0].itertext())  # a must-have by its title, the id in brackets
    assert text.startswith('"The urgent-care centre') and "(helpdesk-24x7): not addressed" in text


def test_vendor_page_groups_evidence_by_goal_and_shows_empty_goals(client, session):
    doc = parse(client.get("/vendor/acme-it"))
    goals = doc.findall(".//div[@class='group goal']")
    assert len(goals) == len(session.criteria.goals)
    by_scope = {(g.get("data-category"), g.get("data-scope")): g for g in goals}
    p1 = by_scope[("response_time", "P1")]
    item = p1.find(".//li[@data-kind='commitment']")
    assert item.get("data-value") == "15" and item.get("data-strength") == "binding"
    assert item.get("data-page") == "1" and item.get("data-doc") == "0"
    assert "respond to Priority 1" in "".join(item.find("blockquote").itertext())
    rpo = by_scope[("rpo", "all")]
    assert "No evidence found" in "".join(rpo.itertext())
    teams = doc.findall(".//div[@class='group team']")
    assert len(teams) == len(session.criteria.team_fit)


def test_vendor_text_is_escaped_everywhere(client):
    for path in ("/vendor/bravo-it", "/"):
        r = client.get(path)
        text = r.data.decode()
        assert "<script>alert" not in text and "<img src=x" not in text
    page = client.get("/vendor/bravo-it").data.decode()
    assert "&lt;script&gt;alert" in page and "{{ 7*7 }}" in page  # shown, never run or rendered
    r = client.get("/search/bravo-it?q=script")
    assert r.headers["Content-Type"].startswith("application/json")
    assert r.get_json()["hits"][0]["after"].startswith(">alert")  # raw text for textContent
    csp = client.get("/").headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp


def test_a_vendor_named_like_a_tag_is_escaped_and_reachable(client):
    doc = parse(client.get("/"))
    hrefs = [a.get("href") for a in doc.findall(".//table[@class='ranking']//a")]
    hostile = next(h for h in hrefs if "img" in h)
    assert "<" not in hostile and " " not in hostile
    r = client.get(hostile)
    assert r.status_code == 200 and b"<img src=x" not in r.data


@pytest.mark.parametrize(
    "path,status",
    [
        ("/vendor/nobody", 404),
        ("/vendor/..%2F..%2Fetc%2Fpasswd", 404),
        ("/vendor/../../setup.cfg", 404),
        ("/page/acme-it/0/99.png", 404),
        ("/page/acme-it/1/1.png", 404),
        ("/page/acme-it/-1/1.png", 404),
        ("/page/..%2Facme-it/0/1.png", 404),
        ("/page/acme-it/0/1.png?bbox=1,2,3", 400),
        ("/page/acme-it/0/1.png?bbox=1,2,nan,4", 400),
        ("/page/acme-it/0/1.png?bbox=9,2,3,4", 400),
        ("/static/../setup.cfg", 404),
        ("/static/..%2F..%2Fsetup.cfg", 404),
        ("/search/nobody?q=x", 404),
        ("/search/acme-it?q=" + "x" * 201, 400),
    ],
)
def test_unknown_names_and_path_tricks_are_refused(client, path, status):
    r = client.get(path)
    assert r.status_code == status
    assert b"[metadata]" not in r.data and b"root:" not in r.data


def test_page_image_is_a_png_with_the_quote_highlighted(client, session):
    plain = client.get("/page/acme-it/0/1.png")
    assert plain.status_code == 200 and plain.headers["Content-Type"] == "image/png"
    assert plain.data.startswith(b"\x89PNG")
    c = find(session, "acme-it", "response_time", "P1")
    assert c.source.bbox is not None
    bbox = ",".join(str(x) for x in c.source.bbox)
    marked = client.get(f"/page/acme-it/0/1.png?bbox={bbox}")
    assert marked.status_code == 200 and marked.data != plain.data
    assert client.get("/page/acme-it/0/2.png").status_code == 200


def test_search_finds_the_page_of_a_phrase(client):
    hits = client.get("/search/acme-it?q=ACCOUNT manager").get_json()["hits"]
    assert [(h["file"], h["page"], h["match"]) for h in hits] == [
        ("acme-it.pdf", 2, "account manager")
    ]
    assert hits[0]["bbox"].count(",") == 3
    assert client.get("/search/acme-it?q=").get_json()["hits"] == []
    assert client.get("/search/acme-it?q=nowhere-to-be-found").get_json()["hits"] == []


# --- actions ------------------------------------------------------------------------------


def sign(payload: dict) -> dict:
    return {"note": "checked on the PDF page", "analyst": "JD", **payload}


def test_accept_writes_a_confirm_entry_and_marks_the_item(client, session, workdir):
    c = find(session, "acme-it", "response_time", "P1")
    r = post(client, "acme-it", sign({"action": "accept", "item": item_id(c)}))
    assert r.status_code == 200, r.get_json()
    body = r.get_json()
    assert body["ok"] and "confirmed 1 record" in body["message"]
    [entry] = overrides(workdir)
    assert entry == {
        "vendor": "acme-it",
        "action": "confirm",
        "target": {"category": "response_time", "scope": "P1", "quote": c.quote},
        "note": "checked on the PDF page",
        "analyst": "JD",
    }
    assert find(session, "acme-it", "response_time", "P1").override.startswith("confirm:")
    assert "checked on the PDF page" in body["evidence_html"]
    assert 'data-vendor="acme-it"' in body["ranking_html"]


def score_of(session, vendor: str) -> float:
    return next(r.score for r in session.snapshot().decision.ranking if r.vendor == vendor)


def verdict_of(session, vendor: str, goal: str) -> str:
    snap = session.snapshot()
    return next(v.verdict for v in snap.decision.verdicts if (v.vendor, v.goal) == (vendor, goal))


def test_reject_removes_the_record_and_reranks(client, session, workdir):
    before = score_of(session, "acme-it")
    assert verdict_of(session, "acme-it", "p1-response") == "meets"
    c = find(session, "acme-it", "response_time", "P1")
    r = post(client, "acme-it", sign({"action": "reject", "item": item_id(c), "note": "a typo"}))
    assert r.status_code == 200, r.get_json()
    assert overrides(workdir)[0]["action"] == "reject"
    snap = session.snapshot()
    kept = snap.extractions["acme-it"].commitments
    assert not [x for x in kept if (x.quote, x.category, x.scope) == (c.quote, c.category, c.scope)]
    assert verdict_of(session, "acme-it", "p1-response") == "not_addressed"
    after = score_of(session, "acme-it")
    assert after < before
    rows = html5lib.parse(r.get_json()["ranking_html"], namespaceHTMLElements=False)
    row = next(tr for tr in rows.iter("tr") if tr.get("data-vendor") == "acme-it")
    assert f"{after:.3f}" in "".join(row.itertext())


def test_correct_converts_units_and_changes_the_verdict(client, session, workdir):
    c = find(session, "bravo-it", "response_time", "P1")
    r = post(
        client,
        "bravo-it",
        sign({"action": "correct", "item": item_id(c), "value": "2", "unit": "hour"}),
    )
    assert r.status_code == 200, r.get_json()
    [entry] = overrides(workdir)
    assert entry["value"] == 120 and entry.get("unit", "minute") == "minute"
    verdict = next(
        v
        for v in session.snapshot().decision.verdicts
        if v.vendor == "bravo-it" and v.goal == "p1-response"
    )
    assert verdict.value == 120 and verdict.verdict == "misses"


def test_correct_strength_of_team_fit_evidence(client, session, workdir):
    ev = session.snapshot().extractions["acme-it"].criteria_evidence
    assert ev, "the fixture has team-fit evidence"
    target = ev[0]
    new = "soft" if target.strength != "soft" else "binding"
    r = post(
        client, "acme-it", sign({"action": "correct", "item": item_id(target), "strength": new})
    )
    assert r.status_code == 200, r.get_json()
    [entry] = overrides(workdir)
    assert entry["target"]["criterion"] == target.criterion and entry["strength"] == new


def test_add_a_commitment_from_a_page(client, session, workdir):
    payload = sign(
        {
            "action": "add",
            "category": "rpo",
            "scope": "all",
            "value": "1",
            "unit": "hour",
            "quote": "Backups every hour",
            "page": "2",
            "doc": "0",
        }
    )
    r = post(client, "acme-it", payload)
    assert r.status_code == 200, r.get_json()
    [entry] = overrides(workdir)
    assert (entry["category"], entry["value"], entry["unit"]) == ("rpo", 60, "minute")
    assert "acme-it.pdf p. 2" in entry["note"]
    verdict = next(
        v
        for v in session.snapshot().decision.verdicts
        if v.vendor == "acme-it" and v.goal == "data-loss"
    )
    assert verdict.verdict == "meets"


def test_add_team_fit_evidence(client, session, workdir):
    payload = sign({"action": "add", "criterion": "exit-assistance", "quote": "Exit plan."})
    r = post(client, "acme-it", payload)
    assert r.status_code == 200, r.get_json()
    assert overrides(workdir)[0]["criterion"] == "exit-assistance"


def bad_payloads(item: str) -> list[tuple[dict, int, str]]:
    return [
        ({"action": "approve", "item": item}, 400, "unknown action"),
        ({"action": "accept", "item": item, "note": ""}, 400, "note is required"),
        ({"action": "accept", "item": item, "analyst": ""}, 400, "analyst is required"),
        ({"action": "accept", "item": item, "analyst": "<b>"}, 400, "initials"),
        ({"action": "accept", "item": item, "note": "a\x00b"}, 400, "control characters"),
        ({"action": "accept", "item": "0123456789ab"}, 409, "no longer there"),
        ({"action": "correct", "item": item}, 400, "nothing to correct"),
        ({"action": "correct", "item": item, "value": "fast"}, 400, "not a number"),
        ({"action": "correct", "item": item, "value": "nan"}, 400, "not a usable number"),
        ({"action": "correct", "item": item, "value": "1e400"}, 400, "not a usable number"),
        ({"action": "correct", "item": item, "unit": "parsec"}, 400, "unknown unit"),
        ({"action": "correct", "item": item, "unit": "percent"}, 400, "unknown unit"),
        ({"action": "correct", "item": item, "scope": "P9"}, 400, "unknown scope"),
        ({"action": "correct", "item": item, "strength": "firm"}, 400, "unknown strength"),
        ({"action": "correct", "item": item, "party": "nobody"}, 400, "unknown party"),
        ({"action": "add", "category": "speed", "quote": "q"}, 400, "unknown category"),
        ({"action": "add", "criterion": "vibes", "quote": "q"}, 400, "unknown criterion"),
        ({"action": "add", "category": "rpo", "value": 1, "unit": "minute"}, 400, "quote"),
        ({"action": "add", "category": "rpo", "quote": "q", "unit": "minute"}, 400, "value"),
        (
            {"action": "add", "category": "rpo", "quote": "q", "value": 1, "unit": "min/0"},
            400,
            "unknown unit",
        ),
        (
            {"action": "add", "category": "price", "quote": "q", "value": 1, "unit": "dollars"},
            400,
            "unknown unit",
        ),
        (
            {"action": "add", "category": "rpo", "quote": "q", "value": 1, "unit": "minute"}
            | {"page": "9"},
            400,
            "not a page",
        ),
        (
            {"action": "add", "category": "rpo", "quote": "q", "value": 1, "unit": "minute"}
            | {"page": "1", "doc": "../../etc/passwd"},
            400,
            "not a number",
        ),
    ]


def test_invalid_actions_are_refused_with_a_message_and_nothing_written(client, session, workdir):
    item = item_id(find(session, "acme-it", "response_time", "P1"))
    for payload, status, message in bad_payloads(item):
        r = post(client, "acme-it", sign({}) | payload)
        assert r.status_code == status, (payload, r.get_json())
        assert message in r.get_json()["message"], (payload, r.get_json())
    for raw in (b"not json", b"[1, 2]", b'"accept"'):
        r = client.post(
            "/action/acme-it",
            data=raw,
            headers={"X-Review-Token": TOKEN, "Content-Type": "application/json"},
        )
        assert r.status_code == 400, raw
    r = post(client, "nobody", sign({"action": "accept", "item": item}))
    assert r.status_code == 404 and "unknown vendor" in r.get_json()["message"]
    r = post(client, "acme-it", sign({"action": "add", "quote": "x" * 70000}))
    assert r.status_code == 413
    assert not (workdir / "proposals" / "overrides.yaml").exists()


def test_an_action_keeps_the_files_comments_and_other_entries(client, session, workdir):
    path = workdir / "proposals" / "overrides.yaml"
    original = (
        "# Analyst corrections for the clinic tender\n"
        "- vendor: bravo-it   # checked by phone\n"
        "  action: confirm\n"
        "  target: {category: response_time, scope: P1}\n"
        "  note: confirmed on the call\n"
        "\n"
        "# end of the first pass"
    )
    path.write_text(original, encoding="utf-8")
    c = find(session, "acme-it", "availability", "all")
    r = post(client, "acme-it", sign({"action": "reject", "item": item_id(c)}))
    assert r.status_code == 200, r.get_json()
    text = path.read_text(encoding="utf-8")
    assert text.startswith(original + "\n")
    entries = overrides(workdir)
    assert [e["vendor"] for e in entries] == ["bravo-it", "acme-it"]
    assert not list(path.parent.glob(".overrides.yaml.*.tmp"))


def test_the_overrides_key_form_is_extended_in_place(client, session, workdir):
    path = workdir / "proposals" / "overrides.yaml"
    path.write_text(
        "overrides:\n    - vendor: bravo-it\n      action: confirm\n"
        "      target: {category: response_time, scope: P1}\n      note: ok\n",
        encoding="utf-8",
    )
    c = find(session, "acme-it", "availability", "all")
    assert (
        post(client, "acme-it", sign({"action": "accept", "item": item_id(c)})).status_code == 200
    )
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert [e["vendor"] for e in data["overrides"]] == ["bravo-it", "acme-it"]


def test_a_broken_overrides_file_is_shown_and_actions_wait(client, session, workdir):
    path = workdir / "proposals" / "overrides.yaml"
    path.write_text("- vendor: acme-it\n  action: approve\n  note: x\n", encoding="utf-8")
    page = client.get("/vendor/acme-it").data.decode()
    assert "overrides.yaml:1" in page and "approve" in page
    c = find(session, "acme-it", "availability", "all")
    r = post(client, "acme-it", sign({"action": "accept", "item": item_id(c)}))
    assert r.status_code == 409 and "fix overrides.yaml first" in r.get_json()["message"]
    assert path.read_text(encoding="utf-8").count("vendor:") == 1
    path.write_text("", encoding="utf-8")
    assert (
        post(client, "acme-it", sign({"action": "accept", "item": item_id(c)})).status_code == 200
    )


def test_two_tabs_acting_at_once_lose_no_action(session, workdir):
    app = create_app(session, token=TOKEN)
    ext = session.snapshot().extractions
    items = [("acme-it", c) for c in ext["acme-it"].commitments]
    items += [("bravo-it", c) for c in ext["bravo-it"].commitments]
    codes = []

    def tab(chunk):
        c = app.test_client()
        for vendor, record in chunk:
            payload = sign({"action": "accept", "item": item_id(record)})
            codes.append(post(c, vendor, payload).status_code)

    threads = [threading.Thread(target=tab, args=(items[i::2],)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert codes == [200] * len(items)
    entries = overrides(workdir)
    assert len(entries) == len(items)
    assert all(r.override for _, r in items for r in [find(session, _, r.category, r.scope)])


def test_a_second_tab_acting_on_a_rejected_item_is_told_to_reload(client, session, workdir):
    c = find(session, "acme-it", "availability", "all")
    assert (
        post(client, "acme-it", sign({"action": "reject", "item": item_id(c)})).status_code == 200
    )
    r = post(client, "acme-it", sign({"action": "accept", "item": item_id(c)}))
    assert r.status_code == 409 and "reload" in r.get_json()["message"]
    assert len(overrides(workdir)) == 1


def test_the_app_writes_only_the_overrides_file(client, session, workdir):
    def files():
        return {
            p.relative_to(workdir): p.stat().st_mtime_ns
            for p in workdir.rglob("*")
            if p.is_file() and "cache" not in p.parts
        }

    before = files()
    c = find(session, "acme-it", "availability", "all")
    post(client, "acme-it", sign({"action": "accept", "item": item_id(c)}))
    client.get("/page/acme-it/0/1.png")
    after = files()
    changed = {p for p in after if before.get(p) != after[p]}
    assert changed == {Path("proposals/overrides.yaml"), Path("proposals/.overrides.yaml.lock")}


# --- the command --------------------------------------------------------------------------


def test_score_records_its_inputs_for_review(workdir):
    run = json.loads((workdir / "out" / "run.json").read_text())
    assert (run["proposals"], run["criteria"]) == ("../proposals", "../criteria")
    assert (workdir / "out" / run["proposals"]).resolve() == (workdir / "proposals").resolve()


@pytest.mark.parametrize(
    "args,message",
    [
        (["missing-folder"], "not a folder"),
        (["{empty}"], "run.json: not found"),
        (["{out}", "--proposals", "{empty}"], "no PDF proposals found"),
        (["{out}", "--criteria", "{empty}"], "criteria"),
    ],
)
def test_review_command_usage_errors(workdir, tmp_path, args, message):
    (tmp_path / "empty").mkdir()
    fill = {"empty": str(tmp_path / "empty"), "out": str(workdir / "out")}
    r = CliRunner().invoke(main, ["review", *[a.format(**fill) for a in args], "--no-browser"])
    assert r.exit_code == 2, r.output
    assert message in r.output and "Traceback" not in r.output


def test_review_command_refuses_a_busy_port(workdir):
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        r = CliRunner().invoke(
            main,
            ["review", str(workdir / "out"), "--port", str(port), "--no-browser"]
            + ["--cache-dir", str(workdir / "cache")],
        )
    assert r.exit_code == 2 and f"port {port}" in r.output, r.output


def test_review_help_lists_its_options():
    r = CliRunner().invoke(main, ["review", "--help"])
    assert r.exit_code == 0
    for option in ("--port", "--no-browser", "--proposals", "--criteria"):
        assert option in r.output


def test_review_reads_a_shared_currency_sign_as_score_did(tmp_path):
    """The review app reads "Rs." in the client's currency, as the score run it reviews did,
    not in the sign's own code."""
    proposals = tmp_path / "proposals"
    proposals.mkdir()
    text_pdf(proposals / "acme.pdf", [["Support costs Rs. 1,850 per managed device per month."]])
    crit = tmp_path / "criteria"
    crit.mkdir()
    (crit / "client.yaml").write_text(
        "goals:\n  - id: fee\n    title: Fee per device\n    category: price\n"
        "    scope: per_device\n    target: {op: '<=', value: 2000, unit: PKR/month}\n"
        "    weight: 1\n",
        encoding="utf-8",
    )
    options = api.ReadOptions(cache_dir=str(tmp_path / "cache"), jobs=1)
    api.score(proposals, crit, tmp_path / "out", options, api.ScoreOptions(samples=0))
    session = open_session(tmp_path / "out", options=api.ReadOptions(use_cache=False, jobs=1))
    units = {c.unit for e in session.base for c in e.commitments if c.category == "price"}
    assert units == {"PKR/month"}
