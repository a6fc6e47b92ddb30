"""Reading a small official CSV exactly: every row's file line, a BOM and quoted fields accepted."""

import csv
from os import PathLike
from pathlib import Path

import pandas as pd


def read_csv_rows(
    path: str | PathLike, columns: list[str], error: type[ValueError], what: str
) -> pd.DataFrame:
    """Read a CSV as text, checking that every row has as many fields as the header.

    A UTF-8 byte-order mark and quoted fields (``"Korea, Republic of"``) are read as usual; blank
    lines are skipped. Columns outside ``columns`` are dropped.

    Args:
        path: The CSV file.
        columns: Columns that must be in the header.
        error: Exception class to raise (a ValueError subclass of the loader).
        what: What the file is, for messages ("the ONS file").

    Returns:
        ``columns`` as strings, plus ``line`` (int, the row's first line in the file), in file
        order.

    Raises:
        error: Unreadable, not UTF-8, a missing column, or a row with too few or too many
            fields; one line naming the file, the line and how to fix it.
    """
    name = Path(path).name
    try:
        with open(path, encoding="utf-8-sig", newline="") as file:
            reader = csv.reader(file)
            header = next(reader, [])
            missing = [c for c in columns if c not in header]
            if missing:
                raise error(
                    f"{name}: line 1: missing column(s) {', '.join(missing)}; expected a header "
                    f"with {','.join(columns)}"
                )
            wanted = [header.index(c) for c in columns]
            rows, lines, line = [], [], reader.line_num
            for row in reader:
                first_line, line = line + 1, reader.line_num
                if not row or row == [""]:
                    continue
                if len(row) != len(header):
                    kind = "truncated" if len(row) < len(header) else "too long"
                    raise error(
                        f"{name}: line {first_line}: {len(row)} fields for {len(header)} columns "
                        f"({kind}); repair that line or download {what} again"
                    )
                rows.append([row[i] for i in wanted])
                lines.append(first_line)
    except UnicodeDecodeError as decode_error:
        raise error(
            f"{name}: not UTF-8 text (byte {decode_error.start}); give {what} as a UTF-8 CSV"
        ) from None
    except csv.Error as csv_error:
        raise error(f"{name}: line {reader.line_num}: {csv_error}; repair that line") from None
    except OSError as os_error:
        raise error(f"{path}: cannot read {what} ({os_error.strerror})") from None
    table = pd.DataFrame(rows, columns=columns, dtype=str)
    table["line"] = pd.Series(lines, dtype="int64")
    return table
