"""Reading a news text from a path or a string.

What is not plain UTF-8 text of a bounded size is refused. The text is normalised one character for
one character, so every offset still points into what was read: zero-width and non-breaking spaces
become spaces, Arabic-Indic digits and separators become ASCII ones.
"""

import os
import re
import stat
from pathlib import Path

# The largest text read, in characters (and bytes for a file): about 4,000 pages of news. Reading is
# linear
# (benchmarks/check_speed.py), so this bounds the time of one check to a few minutes, not hours.
MAX_TEXT_CHARS = 20_000_000

# One character for one character: spaces that are not written as spaces, and Arabic-Indic digits.
_SPACES = "\u00a0\u2007\u202f\u200b\u200c\u200d\u2060\ufeff"
_NORMAL = str.maketrans(
    {
        **{c: " " for c in _SPACES},
        **{chr(0x0660 + d): str(d) for d in range(10)},  # Arabic-Indic digits ٠١٢…
        **{chr(0x06F0 + d): str(d) for d in range(10)},  # Extended (Persian) digits ۰۱۲…
        "\u066b": ".",  # Arabic decimal separator "٫"
        "\u066c": ",",  # Arabic thousands separator "٬"
    }
)


class NewsInputError(ValueError):
    """A news file or text that cannot be read: missing, a directory, binary, undecodable, empty."""


def normalise_text(text: str) -> str:
    """The text with odd spaces as spaces and Arabic-Indic digits as ASCII digits, same length."""
    return text.translate(_NORMAL)


def read_news(path_or_text: str | Path) -> tuple[str, str]:
    """(document name, normalised text) of a path or a text.

    A one-line string without spaces is a path.

    Raises:
        NewsInputError: Missing, a directory, a FIFO or device (refused before reading), larger than
            ``MAX_TEXT_CHARS``, binary, not UTF-8, or empty.
    """
    if isinstance(path_or_text, str) and not _looks_like_path(path_or_text):
        if len(path_or_text) > MAX_TEXT_CHARS:
            raise NewsInputError(_too_large("news text", len(path_or_text), "characters"))
        if "\x00" in path_or_text:
            raise NewsInputError(
                "news text contains NUL characters: it looks binary, give plain text"
            )
        if not path_or_text.strip():
            raise NewsInputError(
                "news text is empty: give an article text or a path to a text file"
            )
        return "<text>", normalise_text(path_or_text)
    path = Path(path_or_text)
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        raise NewsInputError(f"news file not found: {path} (check the path)") from None
    except OSError as error:
        raise NewsInputError(f"cannot read news file {path}: {error.strerror or error}") from error
    if stat.S_ISDIR(mode):
        raise NewsInputError(f"news path is a directory, not a text file: {path}")
    if not stat.S_ISREG(mode):
        raise NewsInputError(
            f"news path {path} is not a regular file (a FIFO, device or socket): save the article "
            "to a text file and give its path"
        )
    size = os.stat(path).st_size
    if size > MAX_TEXT_CHARS:
        raise NewsInputError(_too_large(f"news file {path}", size, "bytes"))
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_TEXT_CHARS + 1)  # bounded even if the file grows meanwhile
    except OSError as error:
        raise NewsInputError(f"cannot read news file {path}: {error.strerror or error}") from error
    if len(data) > MAX_TEXT_CHARS:
        raise NewsInputError(_too_large(f"news file {path}", len(data), "bytes"))
    if b"\x00" in data:
        offset = data.index(b"\x00")
        raise NewsInputError(
            f"news file {path} is binary (NUL byte at offset {offset}): give a plain-text article"
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise NewsInputError(
            f"news file {path} is not UTF-8 text (byte 0x{data[error.start]:02x} at offset "
            f"{error.start}): save it as UTF-8"
        ) from error
    if not text.strip():
        raise NewsInputError(f"news file {path} is empty: it has no text to read")
    return path.name, normalise_text(text)


def _too_large(what: str, size: int, unit: str) -> str:
    return (
        f"{what} is too large ({size:,} {unit}; the limit is {MAX_TEXT_CHARS:,}): split it into "
        "articles and check them one by one"
    )


def _looks_like_path(text: str) -> bool:
    if "\n" in text or len(text) > 1024 or not text.strip():
        return False
    try:
        if Path(text).exists():
            return True
    except OSError:  # a name too long for the file system is text, not a path
        return False
    return not re.search(r"\s", text) and bool(re.search(r"[/\\]|\.[A-Za-z]{1,5}$", text))
