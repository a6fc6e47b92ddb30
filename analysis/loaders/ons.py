"""ONS "UK total trade: all countries" (annual, £ million) as a canonical trade table in US$."""

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


def read_ons_trade_gbp(path: str | PathLike = ONS_TRADE_FILE) -> pd.DataFrame:
    """Read the ONS file as published (pounds), fixing partner codes and keeping every exclusion.

    The file writes "NA" both for missing values and for partners without an ISO3 (Serbia, US
    Minor Outlying Islands), and "ANT" for Antarctica; partner codes are therefore derived from the
    ISO2 column with pycountry. Aggregates other than World (EU28, Non-EU, unnamed groups) and rows
    without a value are left out, and listed in the table's exclusions (``schema.exclusions_of``:
    columns ``line``, ``Country``, ``reason``).

    Args:
        path: The long-form CSV (``Country,ISO2,ISO3,Year,flow,Million``).

    Returns:
        Columns ``reporter_iso3`` ("GBR"), ``partner_iso3``, ``partner_name``, ``period`` (year),
        ``product`` (goods|services|total), ``flow`` (exports|imports, from the UK's side),
        ``value_gbp`` (float, pounds).

    Raises:
        OnsFileError: The file is missing, unreadable, lacks a column, or has a malformed row
            (truncated, a flow, year or value that is not one, a non-finite or negative value, a
            row repeated), with one line naming the file and the line.
    """
    name = Path(path).name
    raw = read_csv_rows(path, _COLUMNS, OnsFileError, "the ONS file")
    line = raw["line"]
    parts = raw["flow"].str.partition("_")
    product, direction = parts[0], parts[2]
    bad_flow = ~product.isin(list(PRODUCT_CODES)) | ~direction.isin(list(_FLOWS))
    bad_year = ~raw["Year"].str.fullmatch(r"\d{4}")
    no_value = raw["Million"].str.strip().isin(["NA", ""])
    value_m = pd.to_numeric(raw["Million"].where(~no_value), errors="coerce")
    bad_value = ~no_value & (value_m.isna() | ~np.isfinite(value_m) | value_m.lt(0))
    for label, bad, expected in (
        ("flow", bad_flow, f"one of {sorted(f'{p}_{d}' for p in PRODUCT_CODES for d in _FLOWS)}"),
        ("Year", bad_year, "a four-digit year"),
        ("Million", bad_value, "a finite number of £ million, 0 or more, or NA"),
    ):
        if bad.any():
            first = int(bad.idxmax())
            raise OnsFileError(
                f"{name}: line {line[first]}: {label} {raw[label].iloc[first]!r} is not "
                f"{expected}; correct that line"
            )
    repeated = raw.duplicated(["ISO2", "Year", "flow"], keep=False)
    if repeated.any():
        key = raw.loc[repeated.idxmax(), ["ISO2", "Year", "flow"]]
        same = line[(raw[["ISO2", "Year", "flow"]] == key).all(axis=1)].tolist()
        raise OnsFileError(
            f"{name}: lines {same[0]} and {same[1]}: the same row twice "
            f"({key['ISO2']} {key['Year']} {key['flow']}); keep one of them"
        )
    partner = raw["ISO2"].map({code: _partner_iso3(code) for code in raw["ISO2"].unique()})
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
    excluded = reason.notna()
    set_exclusions(
        table,
        pd.DataFrame(
            {
                "line": line[excluded],
                "Country": raw["Country"][excluded],
                "reason": reason[excluded],
            }
        ).reset_index(drop=True),
    )
    return table[~excluded].reset_index(drop=True)


def load_ons_trade(
    path: str | PathLike = ONS_TRADE_FILE,
    fx_path: str | PathLike = FX_USD_PER_GBP_FILE,
    product: str = "goods",
) -> pd.DataFrame:
    """Load the UK's trade with every partner as a canonical table in US dollars.

    Pounds are converted at the annual average of the H.10 daily rates of the same year.

    Args:
        path: The ONS long-form CSV.
        fx_path: The H.10 daily USD/GBP CSV.
        product: ``goods`` (commodity code "TOTAL"), ``services`` or ``total``.

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
    gbp = read_ons_trade_gbp(path)
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
