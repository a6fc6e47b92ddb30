"""Reading a news text from a path or a string, refusing what is not plain UTF-8 text."""

import re
from pathlib import Path


class NewsInputError(ValueError):
    """A news file or text that cannot be read as text: missing, a directory, binary, undecodable, empty."""


def read_news(path_or_text: str | Path) -> tuple[str, str]:
    """(document name, text) of a path or a text; a one-line string without spaces is taken as a path."""
    if isinstance(path_or_text, str) and not _looks_like_path(path_or_text):
        if "\x00" in path_or_text:
            raise NewsInputError(
                "news text contains NUL characters: it looks binary, give plain text"
            )
        if not path_or_text.strip():
            raise NewsInputError(
                "news text is empty: give an article text or a path to a text file"
            )
        return "<text>", path_or_text
    path = Path(path_or_text)
    if not path.exists():
        raise NewsInputError(f"news file not found: {path} (check the path)")
    if path.is_dir():
        raise NewsInputError(f"news path is a directory, not a text file: {path}")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise NewsInputError(f"cannot read news file {path}: {error.strerror or error}") from error
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
    return path.name, text


def _looks_like_path(text: str) -> bool:
    if "\n" in text or len(text) > 1024 or not text.strip():
        return False
    if Path(text).exists():
        return True
    return not re.search(r"\s", text) and bool(re.search(r"[/\\]|\.[A-Za-z]{1,5}$", text))
