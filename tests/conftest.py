import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"

# --- which tests `make check` leaves out (marked slow; `make test` runs everything) --------------
#: Whole files that start processes, servers or a browser, or build the library's index or PDFs first.
SLOW_FILES = {"test_cli.py", "test_reliability.py", "test_web.py", "test_page_browser.py", "test_similar.py",
              "test_safety.py", "test_export.py", "test_words_sample.py"}
#: Tests elsewhere that took over a second (whole-library runs, PDFs, many analyses, argon2 logins).
SLOW_TESTS = {
    "test_advise.py": {"test_same_input_same_output_bytes", "test_skip_level_advice"},
    "test_anonymizer.py": {"test_greetings_common_words_and_team_names_are_kept",
        "test_precision_and_recall_on_labelled_sentences"},
    "test_api.py": {"test_a_case_shared_through_the_api_and_the_page", "test_analyze_and_case_lifecycle",
        "test_multi_user_isolation_through_the_api", "test_multi_user_login_and_pages",
        "test_openapi_schema_lists_the_api", "test_page_escapes_user_text_and_checks_csrf",
        "test_passwords_are_stored_as_argon2_hashes", "test_real_server_on_loopback",
        "test_real_server_with_two_worker_processes", "test_requests_without_the_token_are_refused"},
    "test_api_accounts.py": {"test_a_non_ascii_session_is_refused_not_a_server_error",
        "test_a_reader_can_leave_a_share_and_nothing_else",
        "test_a_signed_in_listing_does_not_wait_for_another_writer",
        "test_a_store_failure_during_session_lookup_is_a_clear_503",
        "test_api_logout_ends_the_session_on_the_server", "test_api_logout_with_the_session_cookie_is_csrf_checked",
        "test_login_passes_the_client_address",
        "test_logins_are_throttled_with_retry_after", "test_sharing_answers_the_same_for_unknown_names",
        "test_the_page_logout_form_is_csrf_checked_and_ends_the_session"},
    "test_api_contract.py": {"test_a_case_read_for_the_first_time_answers_being_analysed",
        "test_a_retried_write_is_stored_once", "test_store_failures_answer_with_a_plain_message",
        "test_typed_answers_keep_their_shape"},
    "test_api_limits.py": {"test_a_300_mb_chunked_body_is_refused_before_login_and_memory_stays_flat",
        "test_a_chunked_body_just_over_the_cap_is_refused_and_one_under_is_read",
        "test_a_declared_length_over_the_cap_is_refused_without_reading", "test_a_slow_body_times_out"},
    "test_api_security.py": {"test_case_ids_beyond_64_bits_are_no_case_not_a_server_error",
        "test_case_pages_and_case_json_are_never_cached", "test_docs_never_come_from_a_cdn",
        "test_every_answer_is_kept_out_of_caches_and_frames"},
    "test_contradictions.py": {"test_dont_lists_differ_with_the_letter",
        "test_the_librarys_letters_never_contradict_themselves"},
    "test_export.py": {"test_case_export_anonymize_end_to_end", "test_the_pdf_leads_with_one_page_that_stands_alone"},
    "test_llm.py": {"test_eval_with_a_model_is_bounded_and_reports_the_same_figures",
        "test_llm_prompt_prints_exactly_the_messages", "test_the_api_and_page_take_and_show_the_engine",
        "test_the_api_key_appears_in_no_stored_file_log_or_message", "test_what_a_case_file_stores_on_each_path"},
    "test_page_forms.py": {"test_a_refused_paste_comes_back_on_the_page_with_the_text",
        "test_case_updates_with_dates_journal_and_a_read_only_share"},
    "test_privacy.py": {"test_column_thread_commenters_are_replaced_consistently"},
    "test_library.py": {"test_letters_written_for_training_follow_the_schema_and_stay_apart_from_the_test_sets"},
    "test_reading_budget.py": {"test_a_long_run_of_emoji_inside_a_letter_is_read_in_seconds_not_minutes",
        "test_a_paste_near_the_size_limit_is_read_in_seconds",
        "test_a_paste_near_the_size_limit_reaches_the_parser_cut_to_the_budget",
        "test_a_long_run_of_emoji_inside_a_letter_reaches_the_parser_bounded",
        "test_a_text_cut_by_the_reading_budget_says_so_in_the_report"},
    "test_safety.py": {"test_a_writer_at_fault_is_told_kindly_to_repair_first",
        "test_serious_conduct_gets_a_safe_ranking"},
    "test_similar.py": {"test_hit_at_5_on_library_letters_left_out"},
    "test_store.py": {"test_a_case_can_be_shared_read_only_or_for_writing",
        "test_a_lease_whose_process_on_this_machine_was_killed_is_taken_over_at_once",
        "test_a_writer_killed_after_storing_the_newest_report_leaves_no_lease_behind",
        "test_a_journal_entry_logged_while_another_process_reads_the_case_is_read_too",
        "test_a_failed_reevaluation_keeps_the_update_and_the_last_good_advice",
        "test_a_long_case_is_read_as_the_original_and_the_latest_updates",
        "test_a_reader_can_leave_a_share_and_unknown_names_look_like_known_ones",
        "test_a_writer_returns_at_once_while_another_process_evaluates", "test_an_expired_lease_is_taken_over",
        "test_delete_really_deletes", "test_failed_logins_are_throttled_per_account_with_a_growing_delay",
        "test_failed_logins_are_throttled_per_client_address",
        "test_made_up_names_cannot_flush_a_real_accounts_failed_logins",
        "test_a_reused_idempotency_key_with_other_content_is_refused_and_keys_are_per_user",
        "test_logout_revocation_and_a_new_password_end_sessions", "test_owners_see_only_their_cases",
        "test_public_apology_update_moves_the_advice_and_says_why",
        "test_removing_a_user_ends_their_access_and_keeps_their_cases_safe", "test_sessions_last_hours_not_days",
        "test_the_same_idempotency_key_adds_one_journal_entry",
        "test_the_same_idempotency_key_returns_the_stored_update_instead_of_a_copy",
        "test_user_names_outside_the_safe_set_are_refused"},
    "test_store_failures.py": {"test_a_lease_the_full_disk_kept_is_given_back_on_the_next_write",
        "test_an_update_stored_before_the_disk_filled_is_kept_and_leaves_no_lease",
        "test_a_writer_that_cannot_get_the_lock_in_time_is_told_the_store_is_busy",
        "test_listings_and_session_lookups_do_not_wait_for_the_write_lock",
        "test_passwords_are_hashed_outside_any_transaction"},
    "test_store_validation.py": {"test_a_refused_update_is_not_stored_and_the_case_still_opens",
        "test_api_and_page_refuse_an_unreadable_update_and_the_case_still_opens",
        "test_cli_refuses_an_unreadable_update_file_and_show_still_works",
        "test_emoji_original_and_a_long_english_update_are_measured_in_one_unit"},
    "test_store_window.py": {"test_each_update_is_checked_as_the_window_reads_it"},
    "test_text_entrances.py": {"test_an_emoji_letter_is_accepted_sent_as_escaped_json_or_as_raw_utf8"},
    "test_thread.py": {"test_column_thread_columnist_and_commenters",
        "test_commenter_arguing_against_all_but_letting_go_advises_letting_go"},
}


def pytest_ignore_collect(collection_path, config):
    """With ``-m "not slow"`` (``make check``) the slow files are not even imported: importing them
    (Hypothesis, the browser driver, the whole library) took seconds of every worker's start."""
    if config.getoption("markexpr", "").strip() == "not slow" and collection_path.name in SLOW_FILES:
        return True
    return None


def pytest_collection_modifyitems(config, items):
    for item in items:
        name = item.path.name
        if (name in SLOW_FILES or item.originalname in SLOW_TESTS.get(name, ())
                or "server" in getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(autouse=True)
def quick_password_hashing(monkeypatch):
    """Passwords hashed in the test process with argon2id at its smallest cost: the tests check who
    gets in and when a login is refused, never how long one guess takes (a real 64 MB hash takes a
    second of a busy machine's time). The store's own hasher is checked by ``shipped_hasher``."""
    from argon2 import PasswordHasher

    from clearair.store import accounts

    _SHIPPED.setdefault("hasher", accounts._hasher)  # each test's patch is undone before the next
    monkeypatch.setattr(accounts, "_hasher", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))


_SHIPPED: dict = {}


def shipped_hasher():
    """The password hasher the store uses outside the tests."""
    return _SHIPPED["hasher"]


def seed_text(name: str) -> str:
    return (SEEDS / f"{name}.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_reports():
    from clearair import analyze

    names = ["peer-undermines-report-to-customer", "peer-goes-cold-after-mistake", "skip-level-forwards-complaint"]
    return {n: analyze(seed_text(n)) for n in names}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    port = free_port()
    env = dict(os.environ, XDG_DATA_HOME=str(tmp_path_factory.mktemp("data")))
    env.pop("CLEARAIR_DATABASE_URL", None)
    proc = subprocess.Popen([sys.executable, "-m", "clearair", "serve", "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    url = proc.stdout.readline().decode().strip().rsplit(" ", 1)[-1]
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            httpx.get(url, timeout=2)
            break
        except httpx.HTTPError:
            time.sleep(0.3)
    yield url
    proc.terminate()
    proc.wait(timeout=20)


# --- one fixed sample of library letters, analysed once for every test that reads it ---------------
SAMPLE_IDS = Path(__file__).parent / "data" / "words_sample_ids.txt"


def library_cases() -> dict[str, dict]:
    """Every bundled library case by id."""
    import json

    folder = ROOT / "src" / "clearair" / "data" / "library"
    return {case["id"]: case for path in sorted(folder.glob("cases_*.jsonl"))
            for line in path.read_text(encoding="utf-8").splitlines() if line.strip() and (case := json.loads(line))}


@pytest.fixture(scope="session")
def sample_reports() -> list[tuple[dict, object]]:
    """(case, report) for the fixed sample of 150 library letters (tests/data/words_sample_ids.txt),
    analysed once per session: the words and the contradiction checks read the same reports."""
    from clearair.pipeline import analyze_many

    cases = library_cases()
    sample = [cases[i] for i in SAMPLE_IDS.read_text().split() if i in cases]
    return list(zip(sample, analyze_many([c["situation"] for c in sample]), strict=True))


# --- a multi-user server with accounts, in process ---------------------------------------------
def multi_user_app(url: str, users: dict[str, str]):
    """(app, api_login) for a multi-user app on the store at ``url`` holding ``users`` (name -> password);
    ``api_login(name, password)`` is a client signed in through /api/login with the bearer token."""
    from fastapi.testclient import TestClient

    from clearair.api.app import create_app
    from clearair.store import CaseStore
    from clearair.store.accounts import Accounts

    accounts = Accounts(CaseStore(url))
    for name, password in users.items():
        accounts.add(name, password)
    app = create_app(store_url=url, allowed_hosts=("testserver",), multi_user=True)

    def api_login(name: str, password: str):
        c = TestClient(app)
        r = c.post("/api/login", json={"username": name, "password": password})
        assert r.status_code == 200, r.text
        c.headers["Authorization"] = f"Bearer {r.json()['token']}"
        return c

    return app, api_login
