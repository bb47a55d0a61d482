"""Extractors: one module per record kind, registered by versioned name.

Importing this package registers the built-in extractors; third-party packages join through
the ``parley.extractors`` entry point (see :func:`parley.extract.base.load_plugins`).
"""

from parley.extract.base import Context, Extractor, extractors, register

__all__ = ["Context", "Extractor", "extractors", "register"]
