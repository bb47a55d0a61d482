"""Bytes → text, or a clear reason why not: empty, binary, or in no credible encoding.

Order: empty → binary (signatures, NUL bytes, control characters) → UTF-8 (with or without BOM)
or a UTF-16/32 BOM → charset-normalizer, accepted only with low "chaos" (mojibake score).
"""

from __future__ import annotations

import codecs
import logging

from parley.errors import BinaryInput, EmptyInput, UndecodableInput

__all__ = ["decode_bytes"]

log = logging.getLogger(__name__)

#: Leading bytes of common non-text files people drop into a folder by mistake.
SIGNATURES = {
    b"%PDF": "PDF document",
    b"PK\x03\x04": "ZIP archive or Office document",
    b"\x1f\x8b": "gzip archive",
    b"\x89PNG": "PNG image",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF8": "GIF image",
    b"\x7fELF": "executable",
    b"SQLite format 3": "SQLite database",
    b"\xd0\xcf\x11\xe0": "legacy Office document",
}
#: Share of control bytes (besides tab, newlines, form feed, escape) above which it is not text.
MAX_CONTROL_RATIO = 0.05
#: charset-normalizer's mess score (percent) above which a guess is not credible.
MAX_CHAOS_PERCENT = 10.0
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_TEXT_CONTROLS = frozenset(b"\t\n\r\x0c\x1b")
#: Western European legacy encodings, preferred when the guesser finds them as good as another.
_WESTERN = ("cp1252", "latin_1", "iso8859_15")


def decode_bytes(data: bytes) -> str:
    """Decode a file's bytes as text.

    Raises:
        EmptyInput: no bytes, or only whitespace.
        BinaryInput: a known binary format, NUL bytes, or many control bytes.
        UndecodableInput: not UTF-8 and no encoding guess is credible.
    """
    if not data.strip():
        raise EmptyInput("empty file: nothing to read")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_or_fail(data, encoding)
    _reject_binary(data)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        return _guess(data, e)


def _reject_binary(data: bytes) -> None:
    head = data[:4096]
    for magic, kind in SIGNATURES.items():
        if head.startswith(magic):
            raise BinaryInput(f"looks like a binary file ({kind}); give text or HTML")
    if b"\x00" in head:
        raise BinaryInput("looks like a binary file (it contains NUL bytes); give text or HTML")
    controls = sum(1 for b in head if b < 32 and b not in _TEXT_CONTROLS)
    if controls / len(head) > MAX_CONTROL_RATIO:
        raise BinaryInput(
            f"looks like a binary file ({controls} control bytes in the first {len(head)}); "
            f"give text or HTML"
        )


def _guess(data: bytes, utf8_error: UnicodeDecodeError) -> str:
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches or matches[0].percent_chaos > MAX_CHAOS_PERCENT:
        found = "no guess at all"
        if matches:
            found = f"best guess {matches[0].encoding}, {matches[0].percent_chaos:.0f}% garbled"
        raise UndecodableInput(
            f"cannot decode as text: not UTF-8 ({utf8_error.reason} at byte {utf8_error.start}) "
            f"and no confident guess ({found}); re-save the file as UTF-8"
        )
    best = matches[0]
    tied = [m for m in matches if m.percent_chaos <= best.percent_chaos]
    chosen = next((m for m in tied if set(m.could_be_from_charset) & set(_WESTERN)), best)
    log.info("decoded as %s (not UTF-8)", chosen.encoding)
    return str(chosen)


def _decode_or_fail(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as e:
        raise UndecodableInput(
            f"cannot decode as text: it starts with a {encoding} byte-order mark but is not "
            f"valid {encoding} ({e.reason} at byte {e.start}); re-save the file as UTF-8"
        ) from e
