"""Reading official CSV files as text: the encoding detected and said, the exact line of each row.

A file is decoded as UTF-8 (with or without a byte-order mark) when it is valid UTF-8, else as
Windows-1252 (the encoding of Comtrade+ portal and Excel exports with accented names such as
"Côte d'Ivoire"), else as Latin-1, which decodes any byte. Rows are read with the ``csv`` module,
every field as text (codes keep their leading zeros), with the file line where each row starts.
"""

import csv
import io
from dataclasses import dataclass
from os import PathLike
from pathlib import Path

import pandas as pd

from analysis.loaders.schema import TradeDataError

ENCODINGS = (("utf-8-sig", "UTF-8"), ("cp1252", "Windows-1252"), ("latin-1", "Latin-1"))


@dataclass
class CsvRows:
    """A CSV file read as text.

    Attributes:
        raw: One row per data row, every column as ``str`` ("" when empty), headers stripped.
        lines: File line where each row starts (1 = header), a Series named "line".
        problems: Per row, why its fields do not fit the header (None when they do).
        encoding: The encoding used, e.g. "UTF-8", "UTF-8 with BOM", "Windows-1252".
    """

    raw: pd.DataFrame
    lines: pd.Series
    problems: pd.Series
    encoding: str


def decode_text(path: str | PathLike) -> tuple[str, str]:
    """Read a file and decode it with the first encoding of ``ENCODINGS`` that fits.

    Args:
        path: The file.

    Returns:
        The text and the encoding's name ("UTF-8", "UTF-8 with BOM", "Windows-1252", "Latin-1").

    Raises:
        TradeDataError: The file is missing or unreadable.
    """
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise TradeDataError(f"{path}: no such file") from None
    except OSError as error:
        raise TradeDataError(f"{Path(path).name}: cannot read ({error.strerror})") from None
    for codec, name in ENCODINGS:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if codec == "utf-8-sig" and data.startswith(b"\xef\xbb\xbf"):
            name = "UTF-8 with BOM"
        return text, name
    raise AssertionError("Latin-1 decodes any byte")  # pragma: no cover


def detect_encoding(path: str | PathLike, chunk_bytes: int = 1 << 20) -> str:
    """Name the encoding of a file of any size, streaming it (see ``ENCODINGS``).

    Args:
        path: The file.
        chunk_bytes: Bytes read at a time.

    Returns:
        "UTF-8", "UTF-8 with BOM", or "Windows-1252" when the bytes are not UTF-8 (Latin-1 for
        the five bytes Windows-1252 leaves undefined).

    Raises:
        TradeDataError: The file is missing or unreadable.
    """
    import codecs

    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        with open(path, "rb") as handle:
            first = handle.read(chunk_bytes)
            name = "UTF-8 with BOM" if first.startswith(b"\xef\xbb\xbf") else "UTF-8"
            chunk = first
            while chunk:
                try:
                    decoder.decode(chunk)
                except UnicodeDecodeError:
                    handle.seek(0)
                    data = handle.read()
                    return "Windows-1252" if _fits(data, "cp1252") else "Latin-1"
                chunk = handle.read(chunk_bytes)
            decoder.decode(b"", final=True)
    except FileNotFoundError:
        raise TradeDataError(f"{path}: no such file") from None
    except UnicodeDecodeError:
        return "Windows-1252"
    except OSError as error:
        raise TradeDataError(f"{Path(path).name}: cannot read ({error.strerror})") from None
    return name


def _fits(data: bytes, codec: str) -> bool:
    """Whether ``data`` decodes with ``codec``."""
    try:
        data.decode(codec)
    except UnicodeDecodeError:
        return False
    return True


def read_csv_rows(path: str | PathLike) -> CsvRows:
    """Read a CSV with every field as text, the encoding detected, ragged rows flagged.

    A row with more fields than the header is accepted when the extra fields are empty (the
    trailing delimiter of Comtrade+ and IMF portal downloads); an empty unnamed header column is
    dropped. A row with fewer fields, or a value beyond the header's columns, is a problem of that
    row (its fields are kept, padded with ""), for the loader to list or refuse.

    Args:
        path: The CSV file.

    Returns:
        The rows, their file lines, their problems and the encoding used.

    Raises:
        TradeDataError: The file is missing, unreadable, not CSV, empty, or has no data rows.
    """
    name = Path(path).name
    text, encoding = decode_text(path)
    if "\x00" in text:
        raise TradeDataError(f"{name}: a binary file (NUL bytes), not a CSV text file")
    reader = csv.reader(io.StringIO(text, newline=""))
    records, starts = [], []
    try:
        header = next(reader, None)
        previous = reader.line_num
        for row in reader:
            if row:
                records.append(row)
                starts.append(previous + 1)
            previous = reader.line_num
    except csv.Error as error:
        raise TradeDataError(f"{name}: line {reader.line_num + 1}: not CSV ({error})") from None
    if not header or not any(h.strip() for h in header):
        raise TradeDataError(f"{name}: empty file, no header line")
    if not records:
        raise TradeDataError(f"{name}: no data rows (the file has only its header line)")
    header = [h.strip() for h in header]
    keep = [
        i for i, h in enumerate(header) if h or any(i < len(r) and r[i].strip() for r in records)
    ]
    width = len(header)
    problems = []
    fitted = []
    for row in records:
        problem = None
        if len(row) < width:
            problem = f"{len(row)} fields where the header has {width} (a cut or mis-quoted line)"
            row = row + [""] * (width - len(row))
        elif len(row) > width and any(v.strip() for v in row[width:]):
            extra = next(v for v in row[width:] if v.strip())
            problem = (
                f"a value outside the header's columns ({extra!r}); the line has {len(row)} "
                f"fields, the header {width}"
            )
        fitted.append(row[:width])
        problems.append(problem)
    columns = [header[i] or f"_blank{i}" for i in keep]
    raw = pd.DataFrame([[r[i] for i in keep] for r in fitted], columns=columns, dtype=str)
    index = raw.index
    return CsvRows(
        raw=raw,
        lines=pd.Series(starts, index=index, name="line"),
        problems=pd.Series(problems, index=index, dtype=object),
        encoding=encoding,
    )


def read_csv_text(path: str | PathLike) -> tuple[pd.DataFrame, pd.Series]:
    """Read a CSV as text (see :func:`read_csv_rows`), refusing any ragged row.

    Args:
        path: The CSV file.

    Returns:
        The rows, and the file line of each row (a Series named "line", same index).

    Raises:
        TradeDataError: As :func:`read_csv_rows`, or the first ragged row, naming its line.
    """
    rows = read_csv_rows(path)
    bad = rows.problems.notna()
    if bad.any():
        first = bad.idxmax()
        raise TradeDataError(
            f"{Path(path).name}: line {int(rows.lines[first])}: {rows.problems[first]}"
        )
    return rows.raw, rows.lines
