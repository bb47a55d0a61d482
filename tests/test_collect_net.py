"""SSRF safety and the fetching rules: private addresses refused on every hop, the checked
address is the one connected to, tracking parameters do not make a new URL."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from collect_site import Site, page, redirect
from parley.collect.fetch import Fetcher, canonical_url
from parley.collect.net import SafeClient, check_url
from parley.errors import BlockedAddress, FetchError
from parley.settings import CollectSettings


def resolver(table: dict[str, list[str]]):  # type: ignore[no-untyped-def]
    return lambda host, port: table[host]


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "127.9.9.9",
        "10.1.2.3",
        "172.16.0.5",
        "192.168.1.1",
        "169.254.169.254",  # cloud metadata
        "100.64.0.1",  # carrier-grade NAT, not public
        "224.0.0.1",
        "0.0.0.0",
        "240.0.0.1",
        "::1",
        "fe80::1",
        "fc00::1",
        "::ffff:127.0.0.1",  # IPv4-mapped loopback
        "fd00:ec2::254",  # AWS metadata over IPv6
    ],
)
def test_forbidden_addresses_are_refused_after_resolution(address: str) -> None:
    with pytest.raises(BlockedAddress, match="refused"):
        check_url("http://news.example/a", resolve=resolver({"news.example": [address]}))


def test_one_private_answer_among_public_ones_is_enough_to_refuse() -> None:
    table = {"mixed.example": ["93.184.216.34", "10.0.0.7"]}
    with pytest.raises(BlockedAddress, match="10.0.0.7"):
        check_url("https://mixed.example/", resolve=resolver(table))


def test_a_public_address_is_allowed_and_pinned() -> None:
    target = check_url(
        "https://news.example:8443/a/b?x=1", resolve=resolver({"news.example": ["93.184.216.34"]})
    )
    assert target.pinned_url() == "https://93.184.216.34:8443/a/b?x=1"
    assert target.host_header() == "news.example:8443"


def test_the_allow_list_names_trusted_addresses() -> None:
    look = resolver({"intranet": ["10.0.0.9"]})
    assert check_url("http://intranet/", ["10.0.0.0/8"], look).ip == "10.0.0.9"
    assert check_url("http://intranet/", ["intranet"], look).ip == "10.0.0.9"
    with pytest.raises(BlockedAddress):
        check_url("http://intranet/", ["192.168.0.0/16"], look)


@pytest.mark.parametrize(
    "url", ["ftp://example.org/x", "file:///etc/passwd", "http://user:pw@example.org/", "nonsense"]
)
def test_only_plain_http_urls_are_fetched(url: str) -> None:
    with pytest.raises(FetchError):
        check_url(url, resolve=resolver({"example.org": ["93.184.216.34"]}))


def test_tracking_parameters_and_fragments_do_not_make_a_new_url() -> None:
    plain = canonical_url("https://News.Example.org/world/talks?id=7")
    shared = canonical_url(
        "https://news.example.org:443/world/talks?utm_source=x&id=7&fbclid=z#top"
    )
    assert plain == shared == "https://news.example.org/world/talks?id=7"


@pytest.fixture
def site() -> Iterator[Site]:
    s = Site().start()
    yield s
    s.stop()


def _cfg(**kw: object) -> CollectSettings:
    base = dict(allow_hosts=["127.0.0.1"], politeness_delay=0, retries=0, backoff=0.01)
    return CollectSettings.model_validate({**base, **kw})


def test_connects_to_the_checked_address_with_the_name_in_the_host_header(site: Site) -> None:
    site.routes["/a"] = page(b"<html><body><p>hello</p></body></html>")
    port = site.url("/").split(":")[2].rstrip("/")
    calls: list[str] = []

    def look(host: str, _port: int) -> list[str]:
        calls.append(host)
        return ["127.0.0.1"]

    with SafeClient(_cfg(allow_hosts=["news.test"]), resolve=look) as client:
        got = client.get(f"http://news.test:{port}/a")
    assert got.status == 200 and b"hello" in got.body
    assert calls == ["news.test"]  # resolved once, by us
    assert site.seen[-1].headers["host"] == f"news.test:{port}"


def test_a_redirect_to_a_private_address_is_refused_before_connecting(site: Site) -> None:
    site.routes["/go"] = redirect("http://169.254.169.254/latest/meta-data/")
    with SafeClient(_cfg()) as client, pytest.raises(BlockedAddress, match="169.254.169.254"):
        client.get(site.url("/go"))


def test_a_redirect_to_a_name_that_resolves_privately_is_refused(site: Site) -> None:
    site.routes["/go"] = redirect("http://internal.test/admin")
    table = {"127.0.0.1": ["127.0.0.1"], "internal.test": ["192.168.0.10"]}
    with SafeClient(_cfg(), resolve=resolver(table)) as client:
        with pytest.raises(BlockedAddress, match="192.168.0.10"):
            client.get(site.url("/go"))


def test_robots_txt_is_read_once_per_host_and_obeyed(site: Site) -> None:
    site.routes["/robots.txt"] = page(b"User-agent: *\nDisallow: /private\n", "text/plain")
    site.routes["/open"] = page(b"<html><body><p>ok</p></body></html>")
    site.routes["/private/x"] = page(b"<html><body><p>secret</p></body></html>")
    with Fetcher(_cfg()) as f:
        assert f.get(site.url("/open")).changed
        with pytest.raises(FetchError, match="robots.txt"):
            f.get(site.url("/private/x"))
        f.get(site.url("/open?utm_source=feed"))
    assert site.hits("/robots.txt") == 1
    assert site.hits("/private/x") == 0


def test_the_user_agent_names_the_contact(site: Site) -> None:
    site.routes["/a"] = page(b"<html><body><p>hi</p></body></html>")
    with SafeClient(_cfg(contact="desk@example.org")) as client:
        client.get(site.url("/a"))
    assert "desk@example.org" in site.seen[-1].headers["user-agent"]
    assert site.seen[-1].headers["user-agent"].startswith("Parley/")


def test_an_unchanged_page_is_not_downloaded_again(site: Site) -> None:
    def conditional(h):  # type: ignore[no-untyped-def]
        from collect_site import send

        if h.headers.get("if-none-match") == '"v1"':
            h.send_response(304)
            h.end_headers()
            return
        send(h, 200, b"<html><body><p>v1</p></body></html>", "text/html", {"ETag": '"v1"'})

    site.routes["/p"] = conditional
    with Fetcher(_cfg(robots=False)) as f:
        first = f.get(site.url("/p"))
        again = f.get(site.url("/p"), validators=first.validators)
    assert first.changed and first.validators.etag == '"v1"'
    assert not again.changed


def test_transient_failures_are_retried_with_backoff(site: Site) -> None:
    answers = iter([503, 200])

    def flaky(h):  # type: ignore[no-untyped-def]
        from collect_site import send

        code = next(answers)
        send(h, code, b"<html><body><p>x</p></body></html>", "text/html")

    site.routes["/flaky"] = flaky
    with SafeClient(_cfg(retries=2)) as client:
        assert client.get(site.url("/flaky")).status == 200
    assert site.hits("/flaky") == 2
