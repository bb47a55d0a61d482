"""Following the news: fetch pages, watch feeds, alert on what changed.

- :mod:`.net`: an SSRF-safe HTTP client (checked, pinned addresses on every hop; caps, deadline);
- :mod:`.fetch`: polite fetching (robots.txt, per-host delay, conditional GET, canonical URLs);
- :mod:`.feeds`: RSS/Atom and news sitemaps into items;
- :mod:`.watch`: the watch cycle and ``parley fetch``; state in :mod:`parley.store.collect`;
- :mod:`.alerts`: subscriptions and the changes they follow; :mod:`.webhooks`: delivery.
"""

__all__: list[str] = []
