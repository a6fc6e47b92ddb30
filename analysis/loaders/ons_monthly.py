"""ONS monthly UK trade in goods by partner (JSON, £ million, not seasonally adjusted) as a table.

The file (``data/raw/ons_trade_in_goods_monthly_by_country_v65.json``) holds ``meta.times``
(``"Jan-18"``…), ``countries`` (ISO2 → name), ``series.EX`` / ``series.IM`` (month → ISO2 → £m,
UK exports to / imports from the partner) and ``world`` (month → £m, ONS's own world row). The
bundler drops zero and non-numeric (blank or suppressed) cells; in v65 the world row equals the sum
of the partners present in every month, so the absent cells add nothing: the loader fills 0 and
marks the row ``is_in_file = False``, and refuses a file whose partners miss the world by more
than ``WORLD_TOLERANCE_PCT`` (a broken or truncated file, not a small unallocated residual).
"""

import json
import math
from os import PathLike
from pathlib import Path

import pandas as pd
import pycountry

from analysis.loaders.fx import ExchangeRateError, compute_monthly_usd_per_gbp
from analysis.loaders.schema import ALL_GOODS, TRADE_COLUMNS, WORLD_ISO3, validate_trade_table
from analysis.paths import FX_USD_PER_GBP_FILE, ONS_MONTHLY_TRADE_FILE

SOURCE = "ONS, Trade in goods: country by commodity (monthly, not seasonally adjusted)"
ATTRIBUTION = (
    "Source: Office for National Statistics, Trade in goods: country by commodity. "
    "Contains public sector information licensed under the Open Government Licence v3.0."
)
BASIS = "trade_in_goods_nsa"
MONTHLY_COLUMNS = (
    *TRADE_COLUMNS,
    "partner_name",
    "basis",
    "value_gbp",
    "usd_per_gbp",
    "is_in_file",
)
WORLD_TOLERANCE_PCT = 2.0
_FLOWS = {"EX": "exports", "IM": "imports"}
_MONTH_ABBREVIATIONS = ("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec").split()
# Partner codes ISO 3166 lacks (Kosovo: XKX, the code the EU and IMF use, as in the annual file).
_ISO2_OVERRIDES = {"XK": "XKX"}


class OnsMonthlyFileError(ValueError):
    """The ONS monthly file is missing, not the expected JSON layout, or has a bad value."""


class _RepeatedKeyError(Exception):
    """A JSON object names a key twice (json would silently keep the last value)."""


def _object_without_repeats(pairs: list[tuple[str, object]]) -> dict:
    """A JSON object as a dict, refusing a key written twice."""
    document = dict(pairs)
    if len(document) != len(pairs):
        keys = [key for key, _ in pairs]
        repeated = next(key for key in keys if keys.count(key) > 1)
        raise _RepeatedKeyError(f"key {repeated!r} is written twice in one object")
    return document


def partner_iso3_of(iso2: str) -> str | None:
    """ISO 3166 alpha-3 of a partner's alpha-2 code; None when unknown.

    The one code lookup of this loader (today pycountry; repoint here to the project's reference
    of codes when it exists).
    """
    if iso2 in _ISO2_OVERRIDES:
        return _ISO2_OVERRIDES[iso2]
    country = pycountry.countries.get(alpha_2=iso2) if len(iso2) == 2 else None
    return country.alpha_3 if country else None


def _section(document: object, key: str, name: str) -> dict:
    """The dict at a dotted key (``series.EX``) of the document, or one clear error."""
    node = document
    for part in key.split("."):
        node = node.get(part) if isinstance(node, dict) else None
    if not isinstance(node, dict):
        raise OnsMonthlyFileError(f"{name}: {key}: missing or not an object (ONS layout expected)")
    return node


def _months(document: dict, name: str) -> dict[str, str]:
    """``meta.times`` labels (``"Feb-22"``) → periods (``"2022-02"``), checked consecutive."""
    times = _section(document, "meta", name).get("times")
    if not isinstance(times, list) or not times:
        raise OnsMonthlyFileError(f"{name}: meta.times: missing or empty; expected ['Jan-18', …]")
    if len(set(map(str, times))) != len(times):
        repeated = next(label for label in times if times.count(label) > 1)
        raise OnsMonthlyFileError(f"{name}: meta.times: month {repeated!r} is listed twice")
    periods = {}
    for label in times:
        abbreviation, _, year = str(label).partition("-")
        if abbreviation not in _MONTH_ABBREVIATIONS or not (year.isdigit() and len(year) == 2):
            raise OnsMonthlyFileError(f"{name}: meta.times: {label!r} is not a month like 'Feb-22'")
        periods[label] = f"20{year}-{_MONTH_ABBREVIATIONS.index(abbreviation) + 1:02d}"
    expected = pd.period_range(min(periods.values()), max(periods.values()), freq="M")
    if list(periods.values()) != list(expected.strftime("%Y-%m")):
        missing = sorted(set(expected.strftime("%Y-%m")) - set(periods.values()))
        raise OnsMonthlyFileError(
            f"{name}: meta.times: not consecutive months in order"
            + (f" (missing {missing[:3]})" if missing else "")
        )
    return periods


def _pounds(value: object, key: str, name: str) -> float:
    """A £ million amount of the file as pounds, or one clear error naming its key."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise OnsMonthlyFileError(f"{name}: {key}: {value!r} is not a finite number of £ million")
    if value < 0:
        raise OnsMonthlyFileError(f"{name}: {key}: negative value {value!r} (£ million)")
    return float(value) * 1e6


def _month_values(by_month: dict, key: str, periods: dict[str, str], name: str) -> None:
    """Check that a flow's months are exactly ``meta.times``."""
    missing = [label for label in periods if label not in by_month]
    if missing:
        raise OnsMonthlyFileError(
            f"{name}: {key}: no month {missing[0]!r} of meta.times ({len(missing)} missing)"
        )
    extra = [label for label in by_month if label not in periods]
    if extra:
        raise OnsMonthlyFileError(f"{name}: {key}.{extra[0]}: month not in meta.times")


def _check_world(listed: pd.Series, labels: dict[str, str], name: str) -> None:
    """Refuse partners that miss the world total by more than ``WORLD_TOLERANCE_PCT``."""
    is_world = listed.index.get_level_values(0) == WORLD_ISO3
    world = listed[is_world].droplevel(0)
    partners = listed[~is_world].groupby(level=[1, 2]).sum().reindex(world.index, fill_value=0)
    gap_pct = (partners - world).abs() / world.where(world > 0) * 100
    if (gap_pct > WORLD_TOLERANCE_PCT).any():
        flow, period = gap_pct.idxmax()
        code = {value: key for key, value in _FLOWS.items()}[flow]
        summed, total = partners[(flow, period)] / 1e6, world[(flow, period)] / 1e6
        raise OnsMonthlyFileError(
            f"{name}: world.{code}.{labels[period]}: the partners sum to £{summed:g}m, the world "
            f"total is £{total:g}m (more than {WORLD_TOLERANCE_PCT:g}% apart): partners are "
            f"missing from series.{code}"
        )


def read_ons_monthly_gbp(path: str | PathLike = ONS_MONTHLY_TRADE_FILE) -> pd.DataFrame:
    """Read the ONS monthly file as published (pounds): every partner, both flows, every month.

    Every partner of ``countries`` gets every month of ``meta.times`` and both flows, 0 where the
    file has no entry (``is_in_file`` False); the ``world`` totals are partner ``WLD``.

    Args:
        path: The JSON file.

    Returns:
        Columns ``reporter_iso3`` ("GBR"), ``partner_iso3``, ``partner_name``, ``flow``
        (exports|imports, from the UK's side), ``period`` ("2022-02"), ``value_gbp`` (float,
        pounds) and ``is_in_file`` (bool), sorted by partner, flow and period.

    Raises:
        OnsMonthlyFileError: One line naming the file and the key: unreadable or not JSON, a
            missing key or month, an unknown partner code, a non-finite or negative value.
    """
    name = Path(path).name
    try:
        document = json.loads(Path(path).read_bytes(), object_pairs_hook=_object_without_repeats)
    except OSError as error:
        raise OnsMonthlyFileError(f"{path}: cannot read the file ({error.strerror})") from None
    except _RepeatedKeyError as error:
        raise OnsMonthlyFileError(f"{name}: {error}") from None
    except (ValueError, UnicodeDecodeError) as error:
        raise OnsMonthlyFileError(f"{name}: not valid JSON ({error})") from None
    if not isinstance(document, dict):
        raise OnsMonthlyFileError(f"{name}: not a JSON object with meta, countries and series")
    periods = _months(document, name)
    partners = {}
    for iso2, partner_name in _section(document, "countries", name).items():
        iso3 = partner_iso3_of(iso2)
        if iso3 is None:
            raise OnsMonthlyFileError(f"{name}: countries.{iso2}: unknown partner code {iso2!r}")
        partners[iso2] = (iso3, str(partner_name))
    keys, values = [], []
    for code, flow in _FLOWS.items():
        series = _section(document, f"series.{code}", name)
        world = _section(document, f"world.{code}", name)
        _month_values(series, f"series.{code}", periods, name)
        _month_values(world, f"world.{code}", periods, name)
        for label, period in periods.items():
            entries = series[label]
            if not isinstance(entries, dict):
                raise OnsMonthlyFileError(f"{name}: series.{code}.{label}: not an object")
            for iso2, value in entries.items():
                key = f"series.{code}.{label}.{iso2}"
                if iso2 not in partners:
                    raise OnsMonthlyFileError(f"{name}: {key}: partner not in 'countries'")
                keys.append((partners[iso2][0], flow, period))
                values.append(_pounds(value, key, name))
            keys.append((WORLD_ISO3, flow, period))
            values.append(_pounds(world[label], f"world.{code}.{label}", name))
    listed = pd.Series(values, index=pd.MultiIndex.from_tuples(keys), dtype=float)
    _check_world(listed, {period: label for label, period in periods.items()}, name)
    names = {iso3: partner_name for iso3, partner_name in partners.values()}
    names[WORLD_ISO3] = "World"
    grid = pd.MultiIndex.from_product(
        [sorted(names), list(_FLOWS.values()), list(periods.values())],
        names=["partner_iso3", "flow", "period"],
    )
    table = listed.reindex(grid).rename("value_gbp").reset_index()
    table["is_in_file"] = table["value_gbp"].notna()
    table["value_gbp"] = table["value_gbp"].fillna(0.0)
    table.insert(0, "reporter_iso3", "GBR")
    table.insert(2, "partner_name", table["partner_iso3"].map(names))
    return table


def load_ons_monthly(
    path: str | PathLike = ONS_MONTHLY_TRADE_FILE,
    fx_path: str | PathLike = FX_USD_PER_GBP_FILE,
    partner_iso3: str | None = None,
) -> pd.DataFrame:
    """Load the UK's monthly trade in goods as the canonical table, in pounds and US dollars.

    Pounds are converted at the month's average of the H.10 daily rates
    (:func:`analysis.loaders.fx.compute_monthly_usd_per_gbp`).

    Args:
        path: The ONS monthly JSON file.
        fx_path: The H.10 daily USD/GBP CSV.
        partner_iso3: One partner (e.g. "KAZ", or "WLD" for the world totals); None for all.

    Returns:
        ``MONTHLY_COLUMNS``: the canonical trade columns (reporter "GBR", ``period`` "2022-02",
        ``commodity_code`` "TOTAL", ``value_usd`` in US dollars) then ``partner_name``, ``basis``
        ("trade_in_goods_nsa"), ``value_gbp`` (pounds), ``usd_per_gbp`` and ``is_in_file``
        (False where the file has no entry and the value is 0). Rows by partner, flow, period.

    Raises:
        OnsMonthlyFileError: Bad file (as :func:`read_ons_monthly_gbp`), or a partner not in it.
        ExchangeRateError: No exchange rate for a month of the file.
    """
    name = Path(path).name
    gbp = read_ons_monthly_gbp(path)
    if partner_iso3 is not None:
        gbp = gbp[gbp["partner_iso3"].eq(partner_iso3)]
        if gbp.empty:
            raise OnsMonthlyFileError(
                f"{name}: no partner {partner_iso3!r}; give the ISO3 code of a country the file "
                "lists (it lists those with trade in some month)"
            )
    rates = compute_monthly_usd_per_gbp(fx_path).set_index("period")["usd_per_gbp"]
    usd_per_gbp = gbp["period"].map(rates)
    if usd_per_gbp.isna().any():
        months = sorted(gbp.loc[usd_per_gbp.isna(), "period"].unique())
        raise ExchangeRateError(f"{fx_path}: no USD/GBP rate for month(s) {months[:3]}")
    table = gbp.assign(
        commodity_code=ALL_GOODS,
        value_usd=gbp["value_gbp"] * usd_per_gbp,
        source=SOURCE,
        file=name,
        basis=BASIS,
        usd_per_gbp=usd_per_gbp,
    )[list(MONTHLY_COLUMNS)]
    return validate_trade_table(table, name)
