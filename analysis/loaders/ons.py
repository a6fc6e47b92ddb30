"""ONS "UK total trade: all countries" (annual, £ million) as a canonical trade table in US$."""

from collections.abc import Collection
from os import PathLike
from pathlib import Path

import numpy as np
import pandas as pd
import pycountry

from analysis.loaders._csv_rows import read_csv_rows
from analysis.loaders.fx import ExchangeRateError, compute_annual_usd_per_gbp
from analysis.loaders.schema import (
    ALL_GOODS,
    TRADE_COLUMNS,
    WORLD_ISO3,
    exclusions_of,
    set_exclusions,
    validate_trade_table,
)
from analysis.paths import FX_USD_PER_GBP_FILE, ONS_TRADE_FILE

SOURCE = "ONS, UK total trade: all countries, seasonally adjusted"
ATTRIBUTION = (
    "Source: Office for National Statistics, UK total trade: all countries, seasonally adjusted. "
    "Contains public sector information licensed under the Open Government Licence v3.0."
)
PRODUCT_CODES = {"goods": ALL_GOODS, "services": "SERVICES", "total": "GOODS_AND_SERVICES"}
_COLUMNS = ["Country", "ISO2", "ISO3", "Year", "flow", "Million"]
_FLOWS = {"export": "exports", "import": "imports"}
# Partner codes the file writes differently from ISO 3166 alpha-3 (Kosovo has no ISO code: XKX is
# the code the EU and IMF use).
_ISO2_OVERRIDES = {"XK": "XKX", "W1": WORLD_ISO3}


class OnsFileError(ValueError):
    """The ONS file is missing or not in the expected long layout."""


def _partner_iso3(iso2: str) -> str | None:
    """ISO3 of a partner from the file's ISO2 (its ISO3 column has errors); None for aggregates."""
    if iso2 in _ISO2_OVERRIDES:
        return _ISO2_OVERRIDES[iso2]
    country = pycountry.countries.get(alpha_2=iso2)
    return country.alpha_3 if country else None


def read_ons_trade_gbp(
    path: str | PathLike = ONS_TRADE_FILE, needed: Collection[str] | None = None
) -> pd.DataFrame:
    """Read the ONS file as published (pounds), fixing partner codes and keeping every exclusion.

    The file writes "NA" both for missing values and for partners without an ISO3 (Serbia, US
    Minor Outlying Islands), and "ANT" for Antarctica; partner codes are therefore derived from the
    ISO2 column with pycountry. Aggregates other than World (EU28, Non-EU, unnamed groups) and rows
    without a value are left out, and listed in the table's exclusions (``schema.exclusions_of``:
    columns ``line``, ``Country``, ``partner_iso3``, ``reason``). A malformed row (a flow, year or
    value that is not one, a non-finite or negative value, a row repeated) is an error when its
    partner is ``needed``; otherwise it is listed there too, its reason starting "malformed:"
    (see :func:`check_partner_rows`).

    Args:
        path: The long-form CSV (``Country,ISO2,ISO3,Year,flow,Million``).
        needed: Partners (ISO3, "WLD" for World) whose rows must all be valid; None: every row
            of the file must be.

    Returns:
        Columns ``reporter_iso3`` ("GBR"), ``partner_iso3``, ``partner_name``, ``period`` (year),
        ``product`` (goods|services|total), ``flow`` (exports|imports, from the UK's side),
        ``value_gbp`` (float, pounds).

    Raises:
        OnsFileError: The file is missing, unreadable, lacks a column, has a truncated line, or a
            malformed row of a needed partner, with one line naming the file and the line.
    """
    name = Path(path).name
    raw = read_csv_rows(path, _COLUMNS, OnsFileError, "the ONS file")
    line = raw["line"]
    partner = raw["ISO2"].map({code: _partner_iso3(code) for code in raw["ISO2"].unique()})
    parts = raw["flow"].str.partition("_")
    product, direction = parts[0], parts[2]
    no_value = raw["Million"].str.strip().isin(["NA", ""])
    value_m = pd.to_numeric(raw["Million"].where(~no_value), errors="coerce")
    malformed = pd.Series(None, index=raw.index, dtype=object)
    for label, bad, expected in (
        (
            "flow",
            ~product.isin(list(PRODUCT_CODES)) | ~direction.isin(list(_FLOWS)),
            f"one of {sorted(f'{p}_{d}' for p in PRODUCT_CODES for d in _FLOWS)}",
        ),
        ("Year", ~raw["Year"].str.fullmatch(r"\d{4}"), "a four-digit year"),
        (
            "Million",
            ~no_value & (value_m.isna() | ~np.isfinite(value_m) | value_m.lt(0)),
            "a finite number of £ million, 0 or more, or NA",
        ),
    ):
        bad = bad & malformed.isna()
        malformed[bad] = (
            "line "
            + line[bad].astype(str)
            + f": {label} "
            + raw[label][bad].map(repr)
            + f" is not {expected}; correct that line"
        )
    key = ["ISO2", "Year", "flow"]
    repeated = raw.duplicated(key, keep=False) & malformed.isna()
    for _, group in raw[repeated].groupby(key, sort=False):
        first, second = line[group.index[:2]].tolist()
        malformed[group.index] = (
            f"lines {first} and {second}: the same row twice ({' '.join(group.iloc[0][key])}); "
            "keep one of them"
        )
    fatal = malformed.notna() & (True if needed is None else partner.isin(set(needed)))
    if fatal.any():
        raise OnsFileError(f"{name}: {malformed[fatal.idxmax()]}")
    table = pd.DataFrame(
        {
            "reporter_iso3": "GBR",
            "partner_iso3": partner,
            "partner_name": raw["Country"],
            "period": raw["Year"],
            "product": product,
            "flow": direction.map(_FLOWS),
            "value_gbp": value_m * 1e6,
        }
    )
    reason = pd.Series(None, index=raw.index, dtype=object)
    reason[table["value_gbp"].isna()] = "no value in the file (NA)"
    reason[table["partner_iso3"].isna()] = "aggregate of partners (not a country)"
    reason[malformed.notna()] = "malformed: " + malformed[malformed.notna()]
    excluded = reason.notna()
    set_exclusions(
        table,
        pd.DataFrame(
            {
                "line": line[excluded],
                "Country": raw["Country"][excluded],
                "partner_iso3": partner[excluded],
                "reason": reason[excluded],
            }
        ).reset_index(drop=True),
    )
    return table[~excluded].reset_index(drop=True)


def check_partner_rows(exclusions: pd.DataFrame, partners: Collection[str], name: str) -> None:
    """Raise for the first malformed row of ``partners`` that the loader listed, not fatal.

    Args:
        exclusions: ``schema.exclusions_of`` a :func:`read_ons_trade_gbp` or
            :func:`load_ons_trade` table.
        partners: ISO3 codes the caller needs (e.g. one report's partner and "WLD").
        name: The file's name, for the message.

    Raises:
        OnsFileError: One line naming the file and the line.
    """
    if exclusions.empty:
        return
    bad = exclusions[
        exclusions["partner_iso3"].isin(set(partners))
        & exclusions["reason"].str.startswith("malformed: ")
    ]
    if not bad.empty:
        raise OnsFileError(f"{name}: {bad['reason'].iloc[0].removeprefix('malformed: ')}")


def load_ons_trade(
    path: str | PathLike = ONS_TRADE_FILE,
    fx_path: str | PathLike = FX_USD_PER_GBP_FILE,
    product: str = "goods",
    needed: Collection[str] | None = None,
) -> pd.DataFrame:
    """Load the UK's trade with every partner as a canonical table in US dollars.

    Pounds are converted at the annual average of the H.10 daily rates of the same year.

    Args:
        path: The ONS long-form CSV.
        fx_path: The H.10 daily USD/GBP CSV.
        product: ``goods`` (commodity code "TOTAL"), ``services`` or ``total``.
        needed: Partners whose rows must all be valid (see :func:`read_ons_trade_gbp`); None:
            every row of the file.

    Returns:
        The canonical trade table (reporter GBR, flows from the UK's side) followed by
        ``partner_name``, ``value_gbp`` (pounds) and ``usd_per_gbp``; exclusions readable with
        ``schema.exclusions_of``.

    Raises:
        OnsFileError: Bad file, or an unknown product.
        ExchangeRateError: No exchange rate for a year of the file.
    """
    if product not in PRODUCT_CODES:
        raise OnsFileError(f"unknown product {product!r}; choose one of {sorted(PRODUCT_CODES)}")
    gbp = read_ons_trade_gbp(path, needed)
    exclusions = exclusions_of(gbp)
    gbp = gbp[gbp["product"].eq(product)]
    rates = compute_annual_usd_per_gbp(fx_path).set_index("period")["usd_per_gbp"]
    usd_per_gbp = gbp["period"].map(rates)
    if usd_per_gbp.isna().any():
        years = sorted(gbp.loc[usd_per_gbp.isna(), "period"].unique())
        raise ExchangeRateError(f"{fx_path}: no USD/GBP rate for year(s) {years}")
    table = pd.DataFrame(
        {
            "reporter_iso3": gbp["reporter_iso3"],
            "partner_iso3": gbp["partner_iso3"],
            "period": gbp["period"],
            "flow": gbp["flow"],
            "commodity_code": PRODUCT_CODES[product],
            "value_usd": gbp["value_gbp"] * usd_per_gbp,
            "source": SOURCE,
            "file": Path(path).name,
            "partner_name": gbp["partner_name"],
            "value_gbp": gbp["value_gbp"],
            "usd_per_gbp": usd_per_gbp,
        }
    )[[*TRADE_COLUMNS, "partner_name", "value_gbp", "usd_per_gbp"]]
    table = validate_trade_table(table, Path(path).name)
    set_exclusions(table, exclusions)
    return table
