"""The Jinja2 environment of the web pages: autoescaping on for every template.

Nothing in the templates is marked ``|safe``; helpers here return plain strings, and the only
markup is what the templates themselves write.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote, urlsplit

import jinja2
from fastapi.templating import Jinja2Templates

__all__ = ["templates", "safe_url", "path_part"]

TEMPLATES = Path(__file__).parent / "templates"


def safe_url(url: str | None) -> str | None:
    """``url`` if it is an absolute http(s) link; None for anything else (``javascript:``…)."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    if parts.scheme.lower() in ("http", "https") and parts.netloc:
        return url.strip()
    return None


def path_part(value: str) -> str:
    """``value`` quoted to be one segment of a URL path (slashes and all)."""
    return quote(value, safe="")


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["safe_url"] = safe_url
    env.filters["path_part"] = path_part
    return env


templates = Jinja2Templates(env=_environment())
