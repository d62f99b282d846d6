"""The web page in headless Chromium (Debian's chromium, driven by Playwright; no browser download)."""

import shutil

import pytest
from playwright.sync_api import expect, sync_playwright

from conftest import seed_text

pytestmark = pytest.mark.slow

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def page(server):
    if CHROMIUM is None:
        pytest.fail("chromium is not installed: `make test` installs Debian's chromium")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                                    args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                                          "--disable-component-update", "--disable-sync", "--no-first-run"])
        pg = browser.new_page()
        pg.goto(server)
        yield pg
        browser.close()


def test_paste_the_column_thread_and_read_the_advice(page, server):
    page.goto(server)
    page.fill("#text", seed_text("skip-level-forwards-complaint"))
    page.click("#analyze")
    page.wait_for_selector("#recommendations")
    assert "manager's manager" in page.inner_text("#summary")
    first = page.inner_text("#recommendations > li:first-child")
    assert "Let it go" in first
    reason = page.locator("#recommendations [data-spans]").first
    reason.hover()
    page.wait_for_selector("#source mark")
    assert page.locator("#source mark").count() >= 1
    assert page.locator("#stakeholders svg").count() == 1


def test_case_file_with_an_update_changes_history_and_timeline(page, server):
    letter = seed_text("skip-level-forwards-complaint")
    letter = letter[: letter.index('"Proper justice"')]
    page.goto(server)
    page.fill("#text", letter)
    page.click("#keep")
    page.wait_for_selector("#history")
    assert page.locator("#history > li").count() == 1
    events_before = page.locator("#timeline > li").count()
    page.fill("#update", "The director apologised publicly at the weekly meeting and said I did nothing wrong.")
    page.click("#add-update")
    # a locator assertion, not wait_for_function: a string predicate is run by eval, which the page's
    # Content Security Policy refuses whenever the first check comes back false
    expect(page.locator("#history > li")).to_have_count(2)
    assert page.locator("#timeline > li").count() > events_before
    assert "The director apologised publicly at the weekly meeting" in page.inner_text("#timeline")
    assert "Let it go" in page.inner_text("#recommendations > li:first-child")


def test_user_text_is_shown_as_text(page, server):
    page.goto(server)
    payload = ("My coworker keeps mocking me in every team meeting and I am fed up with it. "
               "<img src=x onerror=\"document.title='pwned'\"><script>document.title='pwned'</script>")
    page.fill("#text", payload)
    page.click("#analyze")
    page.wait_for_selector("#recommendations")
    assert page.title() != "pwned"
    assert "<script>document.title='pwned'</script>" in page.inner_text("#source")
