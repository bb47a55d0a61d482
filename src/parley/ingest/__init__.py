"""Ingest: turn files and folders into raw documents (or rejections that say why not).

``read_sources(paths, published_at=None, outlet=None)`` is the entry point; ``to_rejection`` turns
an :class:`~parley.errors.InputError` raised later (e.g. by normalisation) into a rejection.
"""

from parley.ingest.decode import decode_bytes
from parley.ingest.files import SUPPORTED, Defaults, read_file, read_sources, to_rejection

__all__ = ["SUPPORTED", "Defaults", "decode_bytes", "read_file", "read_sources", "to_rejection"]
