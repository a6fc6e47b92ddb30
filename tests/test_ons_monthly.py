"""ONS monthly trade-in-goods loader: the real file, its quirks, monthly rates, and bad content."""

import json
from collections import defaultdict

import numpy as np
import pandas as pd
import pytest

from analysis.loaders.fx import compute_annual_usd_per_gbp, compute_monthly_usd_per_gbp
from analysis.loaders.ons_monthly import (
    MONTHLY_COLUMNS,
    OnsMonthlyFileError,
    load_ons_monthly,
    partner_iso3_of,
)
from analysis.paths import ONS_MONTHLY_TRADE_FILE


@pytest.fixture(scope="module")
def monthly() -> pd.DataFrame:
    return load_ons_monthly()


@pytest.fixture(scope="module")
def raw() -> dict:
    return json.loads(ONS_MONTHLY_TRADE_FILE.read_bytes())


def test_kazakhstan_imports_spike_of_early_2022_to_the_files_precision(monthly):
    kaz = monthly[monthly["partner_iso3"].eq("KAZ") & monthly["flow"].eq("imports")]
    gbp = kaz.set_index("period")["value_gbp"]
    assert gbp["2022-02"] == 603e6
    assert gbp["2022-03"] == 446e6
    assert gbp["2022-08"] == 2e6
    # The annual totals the months imply (the file's README: £1,784m and £359m).
    assert gbp[gbp.index.str.startswith("2022")].sum() == 1784e6
    assert gbp[gbp.index.str.startswith("2023")].sum() == 359e6
    assert (kaz["basis"] == "trade_in_goods_nsa").all()
    assert (kaz["reporter_iso3"] == "GBR").all() and (kaz["partner_name"] == "Kazakhstan").all()


def test_table_is_canonical_complete_and_every_entry_of_the_file_is_kept(monthly, raw):
    assert tuple(monthly.columns) == MONTHLY_COLUMNS
    months = len(raw["meta"]["times"])
    assert months == 96
    # Every partner of 'countries' plus the world, both flows, every month.
    assert len(monthly) == (len(raw["countries"]) + 1) * 2 * months
    assert monthly["period"].min() == "2018-01" and monthly["period"].max() == "2025-12"
    entries = sum(
        len(by_partner) for flow in ("EX", "IM") for by_partner in raw["series"][flow].values()
    )
    assert monthly["is_in_file"].sum() == entries + 2 * months  # + the world totals
    assert (monthly.loc[~monthly["is_in_file"], "value_gbp"] == 0).all()
    assert monthly["partner_iso3"].str.fullmatch("[A-Z]{3}").all()
    assert "XKX" in set(monthly["partner_iso3"])  # Kosovo, 'XK' in the file


def test_annual_sums_of_the_table_equal_the_sums_of_the_files_months(monthly, raw):
    """Computed independently from the raw JSON, for every partner, flow and year."""
    expected = defaultdict(float)
    for code, flow in (("EX", "exports"), ("IM", "imports")):
        for label, by_partner in raw["series"][code].items():
            for iso2, value_m in by_partner.items():
                expected[(iso2, flow, "20" + label[-2:])] += value_m * 1e6
    table = monthly[monthly["partner_iso3"].ne("WLD")]
    sums = table.groupby(["partner_iso3", "flow", table["period"].str[:4]])["value_gbp"].sum()
    by_iso3 = {(partner_iso3_of(k[0]), *k[1:]): v for k, v in expected.items()}
    assert sums[sums > 0].to_dict() == pytest.approx(by_iso3)
    assert len(sums[sums > 0]) == len(by_iso3)


def test_world_equals_the_sum_of_the_partners_every_month(monthly):
    partners = monthly[monthly["partner_iso3"].ne("WLD")]
    summed = partners.groupby(["flow", "period"])["value_gbp"].sum()
    world = monthly[monthly["partner_iso3"].eq("WLD")].set_index(["flow", "period"])["value_gbp"]
    pd.testing.assert_series_equal(summed, world, check_names=False)


def test_dollars_use_the_months_average_rate(monthly):
    rates = compute_monthly_usd_per_gbp().set_index("period")["usd_per_gbp"]
    row = monthly[
        monthly["partner_iso3"].eq("KAZ")
        & monthly["flow"].eq("imports")
        & monthly["period"].eq("2022-02")
    ].iloc[0]
    assert row["usd_per_gbp"] == rates["2022-02"]
    assert row["value_usd"] == pytest.approx(603e6 * rates["2022-02"], rel=1e-15)
    assert round(rates["2022-02"], 4) == 1.3540


def test_monthly_rates_are_the_daily_rates_the_annual_average_uses():
    monthly = compute_monthly_usd_per_gbp()
    annual = compute_annual_usd_per_gbp().set_index("period")
    year = monthly["period"].str[:4]
    days = monthly.groupby(year)["days"].sum()
    weighted = (monthly["usd_per_gbp"] * monthly["days"]).groupby(year).sum() / days
    assert (days == annual["days"]).all()
    np.testing.assert_allclose(weighted, annual["usd_per_gbp"], rtol=1e-12)
    assert monthly["period"].is_monotonic_increasing and monthly["period"].is_unique


def test_one_partner_and_an_unknown_one():
    kaz = load_ons_monthly(partner_iso3="KAZ")
    assert set(kaz["partner_iso3"]) == {"KAZ"} and len(kaz) == 2 * 96
    with pytest.raises(OnsMonthlyFileError, match=r"ons_trade_in_goods.*no partner 'XYZ'"):
        load_ons_monthly(partner_iso3="XYZ")


def test_a_partner_absent_from_some_months_gets_zeros_marked_not_in_file(monthly, raw):
    # Real gap: the file lists Kazakhstan's imports in every month, Afghanistan's only in some.
    listed = sum("AF" in by_partner for by_partner in raw["series"]["IM"].values())
    assert 0 < listed < 96
    afg = monthly[monthly["partner_iso3"].eq("AFG") & monthly["flow"].eq("imports")]
    assert len(afg) == 96 and afg["is_in_file"].sum() == listed
    assert (afg.loc[~afg["is_in_file"], "value_usd"] == 0).all()


# --- Bad content. The documents below are INVENTED: the real file's layout, cut to two partners
# and three months, with one fault each.


def _document() -> dict:
    times = ["Nov-21", "Dec-21", "Jan-22"]
    return {
        "meta": {"unit": "£ million, non seasonally adjusted", "times": times},
        "countries": {"KZ": "Kazakhstan", "XK": "Kosovo"},
        "series": {
            "EX": {t: {"KZ": 30, "XK": 1} for t in times},
            "IM": {"Nov-21": {"KZ": 4}, "Dec-21": {"KZ": 12}, "Jan-22": {"KZ": 109, "XK": 2}},
        },
        "world": {"EX": {t: 31 for t in times}, "IM": {"Nov-21": 4, "Dec-21": 12, "Jan-22": 111}},
    }


def _write(tmp_path, document) -> str:
    path = tmp_path / "monthly.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def test_invented_small_document_loads_with_gaps_filled(tmp_path):
    table = load_ons_monthly(_write(tmp_path, _document()))
    kosovo = table[table["partner_iso3"].eq("XKX") & table["flow"].eq("imports")]
    assert kosovo["value_gbp"].tolist() == [0.0, 0.0, 2e6]
    assert kosovo["is_in_file"].tolist() == [False, False, True]
    assert table["period"].unique().tolist() == ["2021-11", "2021-12", "2022-01"]


def _fault(document: dict, where: str) -> dict:
    if where == "nan":
        document["series"]["IM"]["Dec-21"]["KZ"] = float("nan")
    elif where == "infinite":
        document["series"]["IM"]["Dec-21"]["KZ"] = float("inf")
    elif where == "negative":
        document["series"]["IM"]["Dec-21"]["KZ"] = -12
    elif where == "text":
        document["series"]["IM"]["Dec-21"]["KZ"] = "12"
    elif where == "null":
        document["world"]["IM"]["Dec-21"] = None
    elif where == "missing month":
        del document["series"]["IM"]["Dec-21"]
    elif where == "extra month":
        document["series"]["EX"]["Feb-22"] = {"KZ": 1}
    elif where == "unknown partner":
        document["series"]["IM"]["Dec-21"]["ZZ"] = 5
    elif where == "unknown code":
        document["countries"]["QQ"] = "Nowhere"
    elif where == "months out of order":
        document["meta"]["times"] = ["Nov-21", "Jan-22", "Dec-21"]
    elif where == "bad month":
        document["meta"]["times"][1] = "December 2021"
    elif where == "repeated month":
        document["meta"]["times"] = ["Nov-21", "Dec-21", "Dec-21", "Jan-22"]
    elif where == "partners short of the world":
        document["world"]["IM"]["Jan-22"] = 200
    elif where == "no series":
        del document["series"]
    return document


@pytest.mark.parametrize(
    ("where", "message"),
    [
        ("nan", r"series\.IM\.Dec-21\.KZ: nan is not a finite number"),
        ("infinite", r"series\.IM\.Dec-21\.KZ: inf is not a finite number"),
        ("negative", r"series\.IM\.Dec-21\.KZ: negative value -12"),
        ("text", r"series\.IM\.Dec-21\.KZ: '12' is not a finite number"),
        ("null", r"world\.IM\.Dec-21: None is not a finite number"),
        ("missing month", r"series\.IM: no month 'Dec-21' of meta\.times"),
        ("extra month", r"series\.EX\.Feb-22: month not in meta\.times"),
        ("unknown partner", r"series\.IM\.Dec-21\.ZZ: partner not in 'countries'"),
        ("unknown code", r"countries\.QQ: unknown partner code 'QQ'"),
        ("months out of order", r"meta\.times: not consecutive months in order"),
        ("bad month", r"meta\.times: 'December 2021' is not a month like 'Feb-22'"),
        ("repeated month", r"meta\.times: month 'Dec-21' is listed twice"),
        (
            "partners short of the world",
            r"world\.IM\.Jan-22: the partners sum to £111m, the world total is £200m",
        ),
        ("no series", r"series\.EX: missing or not an object"),
    ],
)
def test_bad_content_is_one_line_naming_the_file_and_the_key(tmp_path, where, message):
    path = _write(tmp_path, _fault(_document(), where))
    before = path.read_bytes()
    with pytest.raises(OnsMonthlyFileError, match=r"^monthly\.json: " + message) as caught:
        load_ons_monthly(path)
    assert "\n" not in str(caught.value)
    assert path.read_bytes() == before  # never altered


def test_unreadable_files_are_one_line(tmp_path):
    with pytest.raises(OnsMonthlyFileError, match="cannot read the file"):
        load_ons_monthly(tmp_path / "absent.json")
    (tmp_path / "broken.json").write_text('{"meta": ', encoding="utf-8")
    with pytest.raises(OnsMonthlyFileError, match=r"^broken\.json: not valid JSON"):
        load_ons_monthly(tmp_path / "broken.json")
    text = json.dumps(_document()).replace('"KZ": 109', '"KZ": 109, "KZ": 110')
    (tmp_path / "twice.json").write_text(text, encoding="utf-8")
    with pytest.raises(OnsMonthlyFileError, match=r"^twice\.json: key 'KZ' is written twice"):
        load_ons_monthly(tmp_path / "twice.json")
    (tmp_path / "list.json").write_text("[]", encoding="utf-8")
    with pytest.raises(OnsMonthlyFileError, match=r"^list\.json: not a JSON object"):
        load_ons_monthly(tmp_path / "list.json")
