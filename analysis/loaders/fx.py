"""Exchange rates: Federal Reserve H.10 daily US dollars per pound, and their annual averages."""

from os import PathLike

import pandas as pd

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
        ExchangeRateError: The file is missing, lacks the two columns, or holds a non-numeric rate.
    """
    try:
        raw = pd.read_csv(path, dtype=str, keep_default_na=False)
    except (OSError, pd.errors.ParserError, UnicodeDecodeError) as error:
        raise ExchangeRateError(f"{path}: cannot read the exchange-rate file ({error})") from None
    missing = {_DATE, _RATE} - set(raw.columns)
    if missing:
        raise ExchangeRateError(
            f"{path}: missing column(s) {sorted(missing)}; expected the FRED layout "
            f"'{_DATE},{_RATE}'"
        )
    raw = raw[raw[_RATE].str.strip().ne("") & raw[_RATE].ne(".")]
    rates = pd.to_numeric(raw[_RATE], errors="coerce")
    dates = pd.to_datetime(raw[_DATE], format="%Y-%m-%d", errors="coerce")
    bad = rates.isna() | dates.isna() | rates.le(0)
    if bad.any():
        row = bad.idxmax()
        raise ExchangeRateError(
            f"{path}: line {row + 2}: not a date and a positive rate: "
            f"{raw.at[row, _DATE]!r}, {raw.at[row, _RATE]!r}"
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
