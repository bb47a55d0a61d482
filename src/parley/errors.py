"""Every error Parley raises, with a message that says what to do next.

    ParleyError
     ├── ConfigError              settings file or environment is invalid
     ├── ModelNotInstalled        the pinned spaCy model package is missing
     ├── UnknownExtractor         an extractor name in settings is not registered
     ├── KnowledgeBaseError       an actor/outlet/treaty data file is malformed
     ├── InputError               an input cannot be read as an article (recorded as a rejection)
     │    ├── EmptyInput
     │    ├── BinaryInput
     │    ├── UndecodableInput
     │    ├── UnsupportedLanguage
     │    ├── MalformedRecord
     │    ├── TooLarge             over the article size limit (``max_article_chars``)
     │    └── FetchError           a URL or feed could not be fetched (HTTP, timeout, size, robots)
     │         └── BlockedAddress  the URL leads to a loopback, private or metadata address
     ├── StoreError               the database cannot be opened or migrated
     ├── NotFound                 a record asked for by id or name does not exist
     └── GoldFormatError          a gold file does not follow parley-gold/1

Library code raises these; only the edges (CLI, API, batch runner) turn them into exit codes,
HTTP responses or rows of the ``rejections`` table.
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = [
    "ParleyError",
    "ConfigError",
    "ModelNotInstalled",
    "UnknownExtractor",
    "KnowledgeBaseError",
    "InputError",
    "EmptyInput",
    "BinaryInput",
    "UndecodableInput",
    "UnsupportedLanguage",
    "MalformedRecord",
    "TooLarge",
    "FetchError",
    "BlockedAddress",
    "StoreError",
    "NotFound",
    "GoldFormatError",
]


class ParleyError(Exception):
    """Base class: catch this to handle every Parley failure."""


class ConfigError(ParleyError):
    pass


class ModelNotInstalled(ParleyError):
    def __init__(self, name: str) -> None:
        super().__init__(
            f"The spaCy model package '{name}' is not installed. Parley never downloads models at "
            f"run time. Install the pinned package with: "
            f"pip install --require-hashes --no-deps -r requirements/model.txt "
            f"(or run 'make venv')."
        )
        self.name = name


class UnknownExtractor(ParleyError):
    def __init__(self, name: str, available: Iterable[str]) -> None:
        names = ", ".join(sorted(available)) or "none"
        super().__init__(
            f"No extractor '{name}'. Available: {names}. Is the plugin package installed?"
        )
        self.name = name


class KnowledgeBaseError(ParleyError):
    pass


class InputError(ParleyError):
    """An input that cannot become an article. ``stage`` says where it failed."""

    stage = "ingest"


class EmptyInput(InputError):
    pass


class BinaryInput(InputError):
    pass


class UndecodableInput(InputError):
    pass


class UnsupportedLanguage(InputError):
    stage = "normalize"


class MalformedRecord(InputError):
    pass


class TooLarge(InputError):
    """Over the article size limit; refused before the bytes are decoded or analysed."""


class FetchError(InputError):
    """A URL that could not be fetched; the message says why (status, timeout, size, robots)."""

    stage = "fetch"
    #: Whether trying again later may succeed (timeouts, 5xx) rather than never (404, robots).
    transient = False


class BlockedAddress(FetchError):
    """Refused before connecting: the host resolves to an address Parley must not reach."""


class StoreError(ParleyError):
    pass


class NotFound(ParleyError):
    pass


class GoldFormatError(ParleyError):
    pass
