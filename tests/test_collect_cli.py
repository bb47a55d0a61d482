"""The CLI for following the news, end to end against a local site: add a feed, subscribe,
one watch cycle for cron, the feeds and their log, the alerts."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from collect_site import Entry, Site, page, rss
from parley import cli

DEMO = Path(__file__).resolve().parents[1] / "src" / "parley" / "demo" / "articles"
runner = CliRunner()


@pytest.fixture
def site() -> Iterator[Site]:
    s = Site().start()
    yield s
    s.stop()


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    config = tmp_path / "parley.toml"
    config.write_text("[parley.collect]\npoliteness_delay = 0\nretries = 0\n")
    return {
        "PARLEY_CONFIG": str(config),
        "PARLEY_ALLOW_HOSTS": "127.0.0.1",
        "PARLEY_CONTACT": "desk@example.org",
        "PARLEY_DB": str(tmp_path / "cli.db"),
        "COLUMNS": "250",
    }


def run(env: dict[str, str], *args: str) -> Any:
    result = runner.invoke(cli.app, list(args), env=env)
    assert result.exit_code == 0, result.output
    return result


@pytest.mark.model
@pytest.mark.timeout(300)
def test_follow_a_feed_and_subscribe_to_a_track_from_the_command_line(
    site: Site, env: dict[str, str], pipeline: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cli, "_pipeline", lambda settings: pipeline)
    entries = []
    for path in sorted(DEMO.glob("*.txt"))[:4]:  # the first round, an analysis, the second
        site.routes[f"/{path.name}"] = page(path.read_bytes(), "text/plain; charset=utf-8")
        entries.append(
            Entry(site.url(f"/{path.name}"), path.stem, dt.date.fromisoformat(path.name[:10]))
        )
    site.routes["/feed.xml"] = page(rss("Demo", entries), "application/rss+xml")

    assert "Following feed 1" in run(env, "watch", "--add", site.url("/feed.xml")).output
    run(env, "subscribe", "talks", "--track", "Armenia")
    first = run(env, "watch", "--once")
    alerts = [json.loads(line) for line in first.stdout.splitlines() if line.startswith("{")]
    titles = {a["title"] for a in alerts}
    assert "Armenia–Azerbaijan peace talks: round 1 held (Geneva, 2026-03-03)" in titles
    assert all(a["subscription"]["name"] == "talks" for a in alerts)
    again = run(env, "watch", "--once")
    assert not [line for line in again.stdout.splitlines() if line.startswith("{")]

    feeds = run(env, "feeds", "--json").stdout.splitlines()
    (feed,) = [json.loads(x) for x in feeds]
    assert feed["items"] == {"stored": 4} and feed["outcome"] == "ok"
    log = [json.loads(x) for x in run(env, "feeds", "--log", "--json").stdout.splitlines()]
    assert sum(1 for r in log if r["kind"] == "page" and r["outcome"] == "ok") == 4
    listed = [json.loads(x) for x in run(env, "alerts", "--json").stdout.splitlines()]
    assert {a["title"] for a in listed} == titles
    assert "desk@example.org" in site.seen[-1].headers["user-agent"]


def test_fetch_reports_a_refused_address(
    env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from collect_light import LightAnalyzer

    monkeypatch.setattr(cli, "_pipeline", lambda settings: LightAnalyzer(settings))
    env = {**env, "PARLEY_ALLOW_HOSTS": ""}
    result = runner.invoke(cli.app, ["fetch", "http://127.0.0.1:9/x", "--json"], env=env)
    assert result.exit_code == 0
    assert json.loads(result.stdout.splitlines()[-1])["rejected"] == 1
    rejections = runner.invoke(cli.app, ["rejections", "--json"], env=env).stdout
    assert "loopback" in rejections


def test_subscribe_needs_something_to_follow(env: dict[str, str]) -> None:
    result = runner.invoke(cli.app, ["subscribe", "nothing"], env=env)
    assert result.exit_code == 2 and "--track" in result.output


@pytest.mark.model
@pytest.mark.timeout(300)
def test_ingesting_files_raises_the_alerts_they_cause(
    env: dict[str, str], pipeline: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(cli, "_pipeline", lambda settings: pipeline)
    run(env, "subscribe", "swaps", "--event-type", "RETREAT", "--actor", "ARM")
    folder = tmp_path / "in"
    folder.mkdir()
    for name in (
        "2026-04-21-ap-detainee-exchange.txt",
        "2026-03-03-reuters-geneva-first-round.txt",
    ):
        (folder / name).write_bytes((DEMO / name).read_bytes())
    run(env, "ingest", str(folder), "--no-progress")
    listed = [json.loads(x) for x in run(env, "alerts", "--json").stdout.splitlines()]
    assert listed and {a["kind"] for a in listed} == {"event"}
    assert {a["data"]["type"] for a in listed} == {"RETREAT"}
    assert all("ARM" in a["data"]["source"] + a["data"]["target"] for a in listed)
    run(env, "ingest", str(folder), "--no-progress")  # nothing new, no new alert
    assert len(run(env, "alerts", "--json").stdout.splitlines()) == len(listed)


def test_fetching_a_page_again_asks_whether_it_changed(
    site: Site, env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from collect_light import LightAnalyzer
    from collect_site import article_html, send

    monkeypatch.setattr(cli, "_pipeline", lambda settings: LightAnalyzer(settings))
    text = ["Envoys from both sides met in Oslo on Monday and agreed to a new round. " * 6]

    def conditional(h: Any) -> None:
        if h.headers.get("if-none-match") == '"a1"':
            h.send_response(304)
            h.end_headers()
            return
        send(h, 200, article_html("Oslo", text), "text/html", {"ETag": '"a1"'})

    site.routes["/oslo.html"] = conditional
    first = json.loads(run(env, "fetch", site.url("/oslo.html"), "--json").stdout.splitlines()[-1])
    again = json.loads(run(env, "fetch", site.url("/oslo.html"), "--json").stdout.splitlines()[-1])
    assert (first["stored"], again["stored"], again["unchanged"]) == (1, 0, 1)
    assert [s.headers.get("if-none-match") for s in site.seen if s.path == "/oslo.html"] == [
        None,
        '"a1"',
    ]
