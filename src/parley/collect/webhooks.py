"""Delivering alerts: JSON Lines (stdout or a file) and signed webhooks with retries.

A webhook receives one JSON object per alert (``POST``, ``application/json``) with the header
``X-Parley-Signature: sha256=<hex>``, the HMAC-SHA256 of the exact body under the
subscription's secret (or ``collect.webhook_secret``), so the receiver can check it came from
us. Failures (refused address, connection error, a non-2xx answer) are retried with exponential
backoff; the outcome of every delivery — delivered, or failed with the last error — is recorded
in the ``deliveries`` table. The webhook URL is checked like any fetch (no private addresses
unless allowed).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import time
from collections.abc import Sequence
from typing import Any, TextIO

from parley.collect.alerts import Subscription
from parley.collect.net import SafeClient
from parley.errors import FetchError
from parley.settings import CollectSettings
from parley.store import Store

__all__ = ["alert_json", "deliver", "sign", "SIGNATURE_HEADER"]

log = logging.getLogger(__name__)

SIGNATURE_HEADER = "X-Parley-Signature"


def sign(secret: str, body: bytes) -> str:
    """The signature header value for ``body``: ``sha256=`` + hex HMAC-SHA256."""
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def alert_json(alert: dict[str, Any], sub: Subscription | None) -> dict[str, Any]:
    """An alert as delivered and served: id, subscription, kind, title, data, time."""
    created = alert["created_at"]
    return {
        "id": alert["id"],
        "subscription": {"id": alert["subscription_id"], "name": sub.name if sub else None},
        "key": alert["key"],
        "kind": alert["kind"],
        "title": alert["title"],
        "data": alert["data"],
        "created_at": created.isoformat() if hasattr(created, "isoformat") else str(created),
    }


def deliver(
    store: Store, ids: Sequence[int], cfg: CollectSettings, out: TextIO | None = None
) -> dict[str, int]:
    """Deliver the alerts ``ids``: to ``out`` as JSON Lines, to each subscription's JSONL file
    and webhook. Returns counts of ``delivered`` and ``failed`` webhook/file deliveries."""
    subs = {row["id"]: Subscription.model_validate(row) for row in store.collect.subscriptions()}
    counts = {"delivered": 0, "failed": 0}
    with SafeClient(cfg) as client:
        for alert in store.collect.alerts(ids=ids):
            sub = subs.get(alert["subscription_id"])
            body = alert_json(alert, sub)
            if out is not None:
                out.write(json.dumps(body, ensure_ascii=False) + "\n")
            if sub is None:
                continue
            for target, ok in _targets(store, client, cfg, sub, body):
                counts["delivered" if ok else "failed"] += 1
                log.debug("alert %s to %s: %s", alert["id"], target, ok)
    return counts


def _targets(
    store: Store, client: SafeClient, cfg: CollectSettings, sub: Subscription, body: dict[str, Any]
) -> list[tuple[str, bool]]:
    done = []
    if sub.jsonl:
        done.append(("jsonl", _append(store, sub.jsonl, body)))
    if sub.webhook:
        secret = sub.secret or cfg.webhook_secret
        done.append(("webhook", _post(store, client, cfg, sub.webhook, secret, body)))
    return done


def _append(store: Store, path: str, body: dict[str, Any]) -> bool:
    try:
        with open(path, "a", encoding="utf-8") as f:
            f.write(json.dumps(body, ensure_ascii=False) + "\n")
    except OSError as e:
        store.collect.record_delivery(body["id"], "jsonl", "failed", 1, f"cannot write {path}: {e}")
        return False
    store.collect.record_delivery(body["id"], "jsonl", "delivered", 1)
    return True


def _post(
    store: Store,
    client: SafeClient,
    cfg: CollectSettings,
    url: str,
    secret: str | None,
    body: dict[str, Any],
) -> bool:
    payload = json.dumps(body, ensure_ascii=False, sort_keys=True).encode()
    headers = {"content-type": "application/json"}
    if secret:
        headers[SIGNATURE_HEADER.lower()] = sign(secret, payload)
    error = ""
    attempts = 0
    for attempt in range(cfg.webhook_retries + 1):
        attempts = attempt + 1
        try:
            status = client.post(url, payload, headers)
        except FetchError as e:
            error = str(e)
        else:
            if 200 <= status < 300:
                store.collect.record_delivery(body["id"], "webhook", "delivered", attempts)
                return True
            error = f"HTTP {status} from {url}"
        if attempt < cfg.webhook_retries:
            time.sleep(cfg.backoff * 2**attempt)
    log.warning(
        "alert %s not delivered to %s after %d attempts: %s", body["id"], url, attempts, error
    )
    store.collect.record_delivery(body["id"], "webhook", "failed", attempts, error)
    return False
