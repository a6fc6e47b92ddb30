"""The IMF Direction of Trade Statistics (DOTS) portal export: wide periods, IMF country codes.

Its header is ``Country Name, Country Code, Indicator Name, Indicator Code, Counterpart Country
Name, Counterpart Country Code, Attribute`` followed by one column per period (``2024``,
``2024Q1``, ``2024M2``) and often a trailing comma. Country codes are the IMF's numeric codes
(``112`` United Kingdom), mapped to ISO3 with ``analysis/reference/country_codes.csv``. Each series
has a ``Value`` row and a ``Status`` row (flags such as ``r``, revised); only values are read.
Values are US dollars (the indicators end in ``_USD``).
"""

import re
from os import PathLike
from pathlib import Path

import pandas as pd

from analysis.loaders import checks
from analysis.loaders.imf import imf_to_canonical
from analysis.loaders.reading import read_csv_rows
from analysis.loaders.schema import set_read_notes

LAYOUT = "IMF DOTS portal export (wide)"
KEYS = {
    "country code": "COUNTRY",
    "indicator code": "INDICATOR",
    "counterpart country code": "COUNTERPART_COUNTRY",
    "attribute": "ATTRIBUTE",
}
_PERIOD_COLUMN = re.compile(r"^\d{4}([QM]\d{1,2})?$")


def load_imf_dots_wide(path: str | PathLike, *, strict: bool = True) -> pd.DataFrame:
    """Load an IMF DOTS portal export with one column per period.

    Args:
        path: The CSV file.
        strict: Raise on the first bad value; when False, bad values are listed in the
            exclusions with ``is_error`` True.

    Returns:
        The canonical trade table (commodity ``TOTAL``, US$) with ``valuation``, as
        :func:`analysis.loaders.imf.load_imf_trade` returns it; exclusion lines are the file lines
        of the ``Value`` rows.

    Raises:
        TradeDataError: Missing columns, no period column, or (strict) a bad value, an unknown
            indicator, a value above world trade; naming file, line and period column.
    """
    file = Path(path).name
    rows = read_csv_rows(path)
    raw = rows.raw.rename(columns=lambda c: KEYS.get(c.strip().lower(), c.strip()))
    checks.require_columns(raw, list(KEYS.values()), file, LAYOUT)
    periods = [c for c in raw.columns if _PERIOD_COLUMN.match(c)]
    if not periods:
        checks.require_columns(raw, ["2024M1"], file, LAYOUT + " (a period column, e.g. 2024M1)")
    values = raw["ATTRIBUTE"].str.strip().str.lower().eq("value")
    raw, lines, problems = raw[values], rows.lines[values], rows.problems[values]
    long = raw.melt(
        id_vars=["COUNTRY", "INDICATOR", "COUNTERPART_COUNTRY"],
        value_vars=periods,
        var_name="TIME_PERIOD",
        value_name="OBS_VALUE",
        ignore_index=False,
    )
    order = long.index
    long = long.reset_index(drop=True)
    long_lines = pd.Series(lines.loc[order].to_numpy(), index=long.index, name="line")
    long_problems = pd.Series(problems.loc[order].to_numpy(), index=long.index, dtype=object)
    empty = long["OBS_VALUE"].str.strip().eq("")
    long, long_lines, long_problems = long[~empty], long_lines[~empty], long_problems[~empty]
    table, notes = imf_to_canonical(
        long, long_lines, file, long_problems, strict, numeric_codes=True
    )
    notes.append("IMF country codes mapped to ISO3 with analysis/reference/country_codes.csv")
    if empty.any():
        notes.append(f"{int(empty.sum())} empty period cell(s) skipped (no value)")
    return set_read_notes(
        table, [{"file": file, "layout": LAYOUT, "encoding": rows.encoding, "notes": notes}]
    )
