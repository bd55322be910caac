"""The review app in a real browser: Debian's Chromium, driven by selenium, on the dev corpus.

The analyst rejects one commitment with the keyboard and corrects another with the mouse;
the test then checks overrides.yaml and that the ranking the page shows is the one `score`
gives for those overrides. Skipped only when Chromium or its driver is not installed
(`.ci/run` installs both). Set MSP_REVIEW_SCREENSHOT=docs/review.png to save the screenshot
the README shows.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
from pathlib import Path

import pytest
import yaml

from msp_select import api

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("SHARED", ROOT.parent / "shared"))
DEV = SHARED / "corpus" / "dev"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
DRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--window-size=1600,1000",
)

if not (Path(CHROMIUM).is_file() and Path(DRIVER).is_file()):
    pytest.skip(
        f"Chromium not installed ({CHROMIUM}, {DRIVER}): apt-get install chromium chromium-driver",
        allow_module_level=True,
    )

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as ec  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402
from werkzeug.serving import make_server  # noqa: E402

from msp_select.review import create_app, open_session  # noqa: E402
from tests.scored_corpus import scored_copy  # noqa: E402


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """The dev corpus copied (never modified in place) and scored once."""
    if not DEV.is_dir():
        pytest.fail(f"{DEV}: the dev corpus is missing; set SHARED to the shared folder")
    root = tmp_path_factory.mktemp("browser")
    scored_copy(DEV, root)
    return root


@pytest.fixture()
def server(corpus):
    session = open_session(corpus / "out", options=api.ReadOptions(cache_dir=str(corpus / "cache")))
    app = create_app(session)
    httpd = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}", app.config["TOKEN"], session
    httpd.shutdown()


@pytest.fixture()
def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    profile = tempfile.mkdtemp(prefix="msp-review-chromium-")
    for flag in FLAGS + (f"--user-data-dir={profile}",):
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=Service(executable_path=DRIVER))
    driver.implicitly_wait(0)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


def wait(driver, condition, timeout=20):
    return WebDriverWait(driver, timeout).until(condition)


def item(driver, category: str, scope: str):
    css = f".group.goal[data-category='{category}'][data-scope='{scope}'] li.item"
    return wait(driver, ec.element_to_be_clickable((By.CSS_SELECTOR, css)))


def shown_ranking(driver) -> list[str]:
    rows = driver.find_elements(By.CSS_SELECTOR, "#ranking tbody tr")
    return [r.get_attribute("data-vendor") for r in rows]


def status_says(driver, words: str):
    return wait(driver, ec.text_to_be_present_in_element((By.ID, "status"), words))


def test_reject_and_correct_in_the_browser(server, browser, corpus, tmp_path):
    base, token, session = server
    browser.get(f"{base}/?token={token}")
    first = browser.find_element(By.CSS_SELECTOR, "body").get_attribute("data-vendor")
    assert first == shown_ranking(browser)[0]
    analyst = browser.find_element(By.ID, "analyst")
    analyst.send_keys("QA")

    # The page image of the focused item loads and is a real rendered page.
    wait(
        browser,
        lambda d: (
            d.execute_script("return document.getElementById('page-image').naturalWidth") > 500
        ),
    )

    # Reject the leader's P1 response time with the keyboard: select it, r, note, Enter.
    p1 = item(browser, "response_time", "P1")
    rejected_quote = p1.find_element(By.TAG_NAME, "blockquote").text
    p1.click()
    p1.send_keys("r")
    note = wait(
        browser,
        ec.visibility_of_element_located((By.CSS_SELECTOR, "form.action-form input[name=note]")),
    )
    note.send_keys("the table row belongs to another service\n")
    status_says(browser, "rejected 1 record")

    # Open the runner-up from the ranking and correct its P1 response with the form.
    other = next(v for v in shown_ranking(browser) if v != first)
    browser.find_element(By.CSS_SELECTOR, f"#ranking tr[data-vendor='{other}'] a").click()
    wait(
        browser,
        lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-vendor") == other,
    )
    p1 = item(browser, "response_time", "P1")
    p1.find_element(By.CSS_SELECTOR, "button[data-action=correct]").click()
    form = wait(browser, ec.visibility_of_element_located((By.CSS_SELECTOR, "form.action-form")))
    value = form.find_element(By.NAME, "value")
    value.clear()
    value.send_keys("45")
    form.find_element(By.NAME, "note").send_keys("appendix B says 45 minutes")
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    status_says(browser, "corrected value to 45")
    goal = browser.find_element(
        By.CSS_SELECTOR,
        ".group.goal[data-category='response_time'][data-scope='P1'] .verdict",
    )
    assert goal.text == "misses"  # 45 minutes against a 30-minute target

    if os.environ.get("MSP_REVIEW_SCREENSHOT"):
        browser.find_element(By.CSS_SELECTOR, "li.item").click()
        wait(
            browser,
            lambda d: d.execute_script("return document.getElementById('page-image').complete"),
        )
        browser.save_screenshot(os.environ["MSP_REVIEW_SCREENSHOT"])

    # overrides.yaml holds both actions, in the format score reads.
    entries = yaml.safe_load((corpus / "proposals" / "overrides.yaml").read_text(encoding="utf-8"))
    assert [(e["vendor"], e["action"]) for e in entries] == [
        (first, "reject"),
        (other, "correct"),
    ]
    assert entries[0]["target"] == {
        "category": "response_time",
        "scope": "P1",
        "quote": rejected_quote,
    }
    assert entries[1]["value"] == 45 and entries[1]["analyst"] == "QA"

    # The ranking on the page is the one a fresh score run gives with these overrides.
    out = tmp_path / "rescored"
    api.score(
        corpus / "proposals",
        corpus / "criteria",
        out,
        api.ReadOptions(cache_dir=str(corpus / "cache")),
        api.ScoreOptions(samples=0),
    )
    scores = yaml.safe_load((out / "scores.json").read_text(encoding="utf-8"))
    assert shown_ranking(browser) == [r["vendor"] for r in scores["ranking"]]
    assert shown_ranking(browser) == [r.vendor for r in session.snapshot().decision.ranking]
