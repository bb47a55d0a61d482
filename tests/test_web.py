"""The web pages in a real headless Chromium: timelines, highlights, evidence panels, escaping.

A uvicorn server runs the app over the ``served_db`` store (real pipeline) in a thread on a free
loopback port. Set ``PARLEY_SCREENSHOTS=docs/screenshots`` to (re)write the README screenshots.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

pytestmark = [pytest.mark.browser, pytest.mark.model]

CHROMIUM = os.environ.get("PARLEY_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]
TOKEN = "web-test-token"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def base_url(served_db: Path, kb: Any, pipeline: Any) -> Iterator[str]:
    import uvicorn

    from parley.serve import create_app
    from parley.store import open_store

    store = open_store(str(served_db), kb=kb)
    port = _free_port()
    config = uvicorn.Config(
        create_app(store, token=TOKEN, pipeline=pipeline),
        host="127.0.0.1",
        port=port,
        log_level="warning",
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    store.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).is_file():
        pytest.skip(
            f"Chromium not found at {CHROMIUM}: install Debian 'chromium' or set PARLEY_CHROMIUM"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A page that fails the test on any dialog (alert/confirm) and on CSP violations."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    dialogs: list[str] = []
    errors: list[str] = []

    def on_dialog(dialog: Any) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    pg.on("dialog", on_dialog)
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    yield pg
    context.close()
    assert dialogs == [], f"a page opened a dialog: {dialogs}"
    assert not [e for e in errors if "Content Security Policy" in e], errors


def _api(base_url: str, path: str, **params: Any) -> Any:
    return httpx.get(base_url + path, params=params, timeout=30).json()


def test_track_timeline_renders_its_rounds(page: Any, base_url: str) -> None:
    tracks = [t for t in _api(base_url, "/api/v1/tracks")["items"] if t["rounds"]]
    assert tracks, "no track with rounds in the demo corpus"
    track = max(tracks, key=lambda t: len(t["rounds"]))
    page.goto(base_url + "/")
    page.get_by_role("link", name=track["name"]).click()
    page.wait_for_selector("svg#rounds")
    dots = page.locator("svg#rounds g.round")
    assert dots.count() == len(track["rounds"])
    for i, rnd in enumerate(track["rounds"]):
        dot = dots.nth(i)
        assert dot.get_attribute("data-status") == rnd["status"]
        assert dot.locator("text.ord").text_content() == f"R{rnd['ordinal']}"
    entries = page.locator("#timeline li.entry-round")
    assert entries.count() == len(track["rounds"])


def test_track_timeline_shows_each_rounds_history(page: Any, base_url: str) -> None:
    tracks = _api(base_url, "/api/v1/tracks", limit=200)["items"]
    changed = [
        (t, r) for t in tracks for r in t["rounds"] if len({h["status"] for h in r["history"]}) > 1
    ]
    assert changed, "no round in the demo corpus changes status between reports"
    track, rnd = changed[0]
    page.goto(f"{base_url}/tracks/{track['name']}")
    entry = page.locator(f"#timeline li#round-{track['rounds'].index(rnd)}")
    statuses = [h["status"] for h in rnd["history"]]
    path = [s for i, s in enumerate(statuses) if i == 0 or s != statuses[i - 1]]
    assert entry.locator(".history-path").text_content() == "Reported as " + " → ".join(path)
    steps = entry.locator("ol.history li.step")
    assert steps.count() == len(rnd["history"])
    for i, h in enumerate(rnd["history"]):
        assert steps.nth(i).locator(".status").text_content() == h["status"]
        cited = track["sources"][h["article_id"]]
        assert cited["outlet"] in steps.nth(i).text_content()


def test_home_links_each_story_to_its_reports(page: Any, base_url: str) -> None:
    page.goto(base_url + "/")
    link = page.locator("#stories a.story-link").first
    href = link.get_attribute("href")
    link.click()
    page.wait_for_selector("#members")
    story = _api(base_url, "/api/v1/stories/" + href.rsplit("/", 1)[1].replace("%3A", ":"))
    members = page.locator("#members li.member")
    assert members.count() == len(story["members"]) >= 2
    for i, m in enumerate(story["members"]):
        row = members.nth(i)
        assert m["evidence"]["text"] in row.locator("blockquote.evidence").text_content()
        assert (m["outlet"] or "unknown outlet") in row.text_content()
    assert page.locator("#sources li").count() == len(story["articles"])


def test_sample_quotes_are_highlighted_with_their_speakers(
    page: Any, base_url: str, sample_dir: Path
) -> None:
    found = _api(base_url, "/api/v1/search", q="Abu Dhabi")["items"]
    assert found, "the sample article is not in the store"
    analysis = _api(base_url, f"/api/v1/articles/{found[0]['id']}")
    names = {a["id"]: a["name"] for a in analysis["actors"]}
    page.goto(f"{base_url}/articles/{found[0]['id']}")
    checked = 0
    for i, quote in enumerate(analysis["quotes"]):
        speaker = quote["speaker"] or {}
        name = names.get(speaker.get("actor") or "") or speaker.get("text")
        if not name:
            continue
        titles = page.locator("#text .hl-quote").evaluate_all(
            "(els, t) => els.filter(e => t.includes(e.textContent.trim()) && e.textContent.trim())"
            ".map(e => e.title)",
            quote["text"],
        )
        assert any(f"Quote by {name}" in t for t in titles), (i, name, titles)
        checked += 1
    assert checked >= 3


def test_clicking_an_event_opens_its_evidence_panel(page: Any, base_url: str) -> None:
    events = _api(base_url, "/api/v1/events", limit=1)["items"]
    page.goto(f"{base_url}/articles/{events[0]['article_id']}")
    link = page.locator("#text a.hl-event").first
    target = link.get_attribute("data-event")
    panel = page.locator(f"details#event-{target}")
    assert panel.get_attribute("open") is None
    link.click()
    page.wait_for_function(f"document.getElementById('event-{target}').open")
    assert panel.is_visible()
    assert panel.locator("blockquote.evidence").text_content().strip()
    assert page.evaluate("location.hash") == f"#event-{target}"


HOSTILE = {
    "title": 'Talks <script>window.__pwned=1</script> <img src=x onerror="window.__pwned=1">',
    "outlet": "Browser <i>Wire</i>",
    "url": "javascript:window.__pwned=1",
    "text": (
        "BAKU (Browser Wire) - Armenia and Azerbaijan held talks in Geneva on Friday.\n\n"
        '"<script>window.__pwned=1</script> We reject this draft," said Jeyhun Bayramov, '
        "Azerbaijan's foreign minister.\n\n"
        '"<img src=x onerror="window.__pwned=1"> is not our border," said Ararat Mirzoyan, '
        "Armenia's foreign minister, who met Bayramov in Geneva."
    ),
}


def test_hostile_text_shows_as_text_and_never_runs(page: Any, base_url: str) -> None:
    response = httpx.post(
        base_url + "/api/v1/articles",
        json=HOSTILE,
        timeout=120,
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    assert response.status_code in (200, 201), response.text
    article_id = response.json()["article"]["id"]
    page.goto(f"{base_url}/articles/{article_id}")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert "<script>window.__pwned=1</script>" in page.locator("h1#title").text_content()
    assert "<script>" in page.locator("#text").text_content()
    assert page.locator("#source").text_content().strip() == HOSTILE["url"]
    assert page.locator("a[href^='javascript' i]").count() == 0
    assert page.locator("#text img, h1 img").count() == 0
    for el in page.locator("#text .hl, details summary").all():
        el.click()
    for path in ("/", "/search?q=pwned", "/articles"):
        page.goto(base_url + path)
        assert page.evaluate("typeof window.__pwned") == "undefined", path


def test_pages_fit_a_phone(browser: Any, base_url: str) -> None:
    track = _api(base_url, "/api/v1/tracks")["items"][0]["name"]
    article = _api(base_url, "/api/v1/articles", limit=1)["items"][0]["id"]
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    pg = context.new_page()
    story = _api(base_url, "/api/v1/stories", min_sources=2)["items"][0]["id"]
    for path in (
        "/",
        "/articles",
        "/actors",
        f"/articles/{article}",
        f"/tracks/{track}",
        f"/stories/{story}",
    ):
        pg.goto(base_url + path)
        assert pg.evaluate("document.documentElement.scrollWidth") <= 391, path
    context.close()


def _shots() -> Path | None:
    folder = os.environ.get("PARLEY_SCREENSHOTS")
    return Path(folder) if folder else None


def test_screenshots(browser: Any, base_url: str, tmp_path: Path) -> None:
    """Home, track, article and story pages on a desktop and a phone, each PNG < 300 KB."""
    out = _shots() or tmp_path
    out.mkdir(parents=True, exist_ok=True)
    tracks = sorted(_api(base_url, "/api/v1/tracks")["items"], key=lambda t: -len(t["rounds"]))
    demo = [a for a in _api(base_url, "/api/v1/articles", outlet="Reuters")["items"]]
    article = next(a for a in demo if "Astana" in (a["title"] or "")) if demo else None
    pages = {"home": "/", "track": "/tracks/" + tracks[0]["name"]}
    if article:
        pages["article"] = f"/articles/{article['id']}"
    stories = _api(base_url, "/api/v1/stories", min_sources=2)["items"]
    pages["story"] = "/stories/" + max(stories, key=lambda s: len(s["events"]))["id"]
    for device, viewport in (("desktop", (1280, 900)), ("phone", (390, 844))):
        context = browser.new_context(
            viewport={"width": viewport[0], "height": viewport[1]}, device_scale_factor=1
        )
        pg = context.new_page()
        for name, path in pages.items():
            pg.goto(base_url + path)
            target = out / f"{name}-{device}.png"
            pg.screenshot(path=str(target), full_page=False)
            assert target.stat().st_size < 300_000, target
        context.close()
