"""Import the built-in extractors so that they register themselves."""

from parley.extract import (  # noqa: F401
    actors,
    agreements,
    attributions,
    dates,
    events,
    negotiation,
    quotes,
)
