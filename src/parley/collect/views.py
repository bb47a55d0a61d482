"""The shapes the API answers for feeds, fetches, alerts and subscriptions (its typed schema)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["FeedOut", "FetchOut", "AlertOut", "SubscriptionOut", "SubRef", "Created", "Done"]


class _View(BaseModel):
    model_config = ConfigDict(extra="ignore")


class FeedOut(_View):
    """A followed feed and its state."""

    id: int
    url: str
    title: str | None = None
    added_at: dt.datetime
    etag: str | None = None
    last_modified: str | None = None
    checked_at: dt.datetime | None = None
    ok_at: dt.datetime | None = None
    outcome: str | None = Field(default=None, description="ok, unchanged or failed")
    error: str | None = None
    failures: int = Field(description="consecutive failed checks")
    active: bool
    items: dict[str, int] = Field(default_factory=dict, description="item counts by state")


class FetchOut(_View):
    """One fetch of a feed or page."""

    id: int
    at: dt.datetime
    url: str
    feed_id: int | None = None
    kind: str
    outcome: str = Field(description="ok, unchanged, failed or rejected")
    status: int | None = None
    bytes: int | None = None
    reason: str | None = None


class SubRef(_View):
    id: int
    name: str | None = None


class AlertOut(_View):
    """A change raised for a subscription."""

    id: int
    subscription: SubRef
    key: str
    kind: str = Field(description="round, agreement, story or event")
    title: str
    data: dict[str, Any]
    created_at: str


class SubscriptionOut(_View):
    """A subscription (its webhook secret is never shown; ``signed`` says whether it has one)."""

    id: int
    name: str
    track: str | None = None
    agreement: str | None = None
    actor: str | None = None
    event_types: list[str] = Field(default_factory=list)
    min_sources: int = 1
    webhook: str | None = None
    jsonl: str | None = None
    created_at: dt.datetime | None = None
    signed: bool


class Created(_View):
    id: int
    new: bool = True


class Done(_View):
    ok: bool = True
