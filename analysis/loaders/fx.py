"""Exchange rates: Federal Reserve H.10 daily US dollars per pound; annual and monthly means."""

from os import PathLike
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.loaders._csv_rows import read_csv_rows
from analysis.paths import FX_USD_PER_GBP_FILE

_DATE, _RATE = "observation_date", "DEXUSUK"


class ExchangeRateError(ValueError):
    """The exchange-rate file is missing, malformed, or has no rate for a needed year."""


def load_usd_per_gbp_daily(path: str | PathLike = FX_USD_PER_GBP_FILE) -> pd.DataFrame:
    """Read the H.10 daily USD/GBP file (FRED layout: ``observation_date,DEXUSUK``).

    Days without a rate (holidays, empty cells) are dropped.

    Args:
        path: CSV file.

    Returns:
        Columns ``date`` (datetime64) and ``usd_per_gbp`` (float, US dollars per pound), sorted
        by date.

    Raises:
        ExchangeRateError: The file is missing, lacks the two columns, has a truncated line, a
            rate that is not a finite number above 0, or a date twice (one line naming the file
            and the line).
    """
    name = Path(path).name
    raw = read_csv_rows(path, [_DATE, _RATE], ExchangeRateError, "the exchange-rate file")
    raw = raw[raw[_RATE].str.strip().ne("") & raw[_RATE].ne(".")]
    rates = pd.to_numeric(raw[_RATE], errors="coerce")
    dates = pd.to_datetime(raw[_DATE], format="%Y-%m-%d", errors="coerce")
    bad = rates.isna() | dates.isna() | ~np.isfinite(rates) | rates.le(0)
    if bad.any():
        row = bad.idxmax()
        raise ExchangeRateError(
            f"{name}: line {raw.at[row, 'line']}: not a date (YYYY-MM-DD) and a finite rate above "
            f"0: {raw.at[row, _DATE]!r}, {raw.at[row, _RATE]!r}; correct that line"
        )
    repeated = dates.duplicated(keep=False)
    if repeated.any():
        lines = raw.loc[dates.eq(dates[repeated.idxmax()]), "line"].tolist()
        raise ExchangeRateError(
            f"{name}: lines {lines[0]} and {lines[1]}: the same date twice "
            f"({raw.at[repeated.idxmax(), _DATE]}); keep one of them"
        )
    daily = pd.DataFrame({"date": dates, "usd_per_gbp": rates.astype(float)})
    return daily.sort_values("date", ignore_index=True)


def compute_annual_usd_per_gbp(path: str | PathLike = FX_USD_PER_GBP_FILE) -> pd.DataFrame:
    """Average the daily rates of each calendar year (days without a rate skipped).

    This is the standard annual rate (FRED's AEXUSUK): 2022 → 1.2371, 2023 → 1.2440.

    Args:
        path: The H.10 daily CSV file.

    Returns:
        Columns ``period`` (str, "2023"), ``usd_per_gbp`` (float, US dollars per pound, unrounded)
        and ``days`` (int, days with a rate).

    Raises:
        ExchangeRateError: As :func:`load_usd_per_gbp_daily`.
    """
    daily = load_usd_per_gbp_daily(path)
    annual = daily.groupby(daily["date"].dt.year)["usd_per_gbp"].agg(["mean", "size"])
    return pd.DataFrame(
        {
            "period": annual.index.astype(str),
            "usd_per_gbp": annual["mean"].to_numpy(),
            "days": annual["size"].to_numpy(),
        }
    )


def compute_monthly_usd_per_gbp(path: str | PathLike = FX_USD_PER_GBP_FILE) -> pd.DataFrame:
    """Average the daily rates of each calendar month (days without a rate skipped).

    The same rule as :func:`compute_annual_usd_per_gbp`, per month: 2022-02 → 1.3540 (19 days),
    2022-03 → 1.3168 (23 days).

    Args:
        path: The H.10 daily CSV file.

    Returns:
        Columns ``period`` (str, "2023-01"), ``usd_per_gbp`` (float, US dollars per pound,
        unrounded) and ``days`` (int, days with a rate), in month order.

    Raises:
        ExchangeRateError: As :func:`load_usd_per_gbp_daily`.
    """
    daily = load_usd_per_gbp_daily(path)
    monthly = daily.groupby(daily["date"].dt.strftime("%Y-%m"))["usd_per_gbp"].agg(["mean", "size"])
    return pd.DataFrame(
        {
            "period": monthly.index.astype(str),
            "usd_per_gbp": monthly["mean"].to_numpy(),
            "days": monthly["size"].to_numpy(),
        }
    )
