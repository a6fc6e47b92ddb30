"""ONS and H.10 loaders: real files and their quirks, and clear errors on bad ones."""

import pandas as pd
import pytest

from analysis.loaders.fx import ExchangeRateError, compute_annual_usd_per_gbp
from analysis.loaders.ons import OnsFileError, load_ons_trade, read_ons_trade_gbp
from analysis.loaders.schema import TRADE_COLUMNS, exclusions_of


def test_annual_rates_match_fred_aexusuk():
    rates = compute_annual_usd_per_gbp().set_index("period")
    assert round(rates.at["2022", "usd_per_gbp"], 4) == 1.2371
    assert round(rates.at["2023", "usd_per_gbp"], 4) == 1.2440
    assert rates.at["2023", "days"] == 249  # holidays skipped, not counted as zero


def test_ons_kazakhstan_goods_in_pounds_and_dollars():
    table = load_ons_trade()
    assert list(table.columns[: len(TRADE_COLUMNS)]) == list(TRADE_COLUMNS)
    kaz = table[table["partner_iso3"].eq("KAZ") & table["period"].isin(["2022", "2023"])]
    gbp = kaz.set_index(["period", "flow"])["value_gbp"]
    assert gbp.to_dict() == {
        ("2022", "exports"): 326e6,
        ("2023", "exports"): 369e6,
        ("2022", "imports"): 1256e6,
        ("2023", "imports"): 464e6,
    }
    rates = compute_annual_usd_per_gbp().set_index("period")["usd_per_gbp"]
    usd = kaz.set_index(["period", "flow"])["value_usd"]
    assert usd[("2023", "imports")] == pytest.approx(464e6 * rates["2023"], rel=1e-12)
    assert (kaz["commodity_code"] == "TOTAL").all()


def test_ons_partner_code_quirks_are_resolved_not_lost():
    table = read_ons_trade_gbp()
    names = table.drop_duplicates("partner_iso3").set_index("partner_iso3")["partner_name"]
    assert names["SRB"] == "Serbia"  # ISO3 written "NA" in the file
    assert names["ATA"] == "Antarctica"  # written "ANT"
    assert names["WLD"] == "World"
    assert names["BES"] == "Bonaire, Sint Eustatius and Saba"
    exclusions = exclusions_of(table)
    assert set(exclusions["reason"]) == {
        "no value in the file (NA)",
        "aggregate of partners (not a country)",
    }
    assert len(table) + len(exclusions) == 38880


def test_ons_bad_files_are_named(tmp_path):
    with pytest.raises(OnsFileError, match="cannot read"):
        read_ons_trade_gbp(tmp_path / "absent.csv")
    wrong = tmp_path / "wrong.csv"
    wrong.write_text("Country,Year,Value\nKazakhstan,2023,1\n", encoding="utf-8")
    with pytest.raises(OnsFileError, match=r"wrong.csv: line 1: missing column\(s\) ISO2, ISO3"):
        read_ons_trade_gbp(wrong)
    negative = tmp_path / "negative.csv"
    negative.write_text(
        "Country,ISO2,ISO3,Year,flow,Million\n"
        "Kazakhstan,KZ,KAZ,2023,goods_export,369\n"
        "Kazakhstan,KZ,KAZ,2023,goods_import,-5\n",
        encoding="utf-8",
    )
    with pytest.raises(
        OnsFileError, match=r"negative.csv: line 3: Million '-5' is not a finite number"
    ):
        read_ons_trade_gbp(negative)


def test_fx_gaps_and_bad_rows(tmp_path):
    daily = tmp_path / "fx.csv"
    daily.write_text("observation_date,DEXUSUK\n2030-01-02,1.5\n2030-01-03,\n2030-01-04,1.7\n")
    assert compute_annual_usd_per_gbp(daily).to_dict("list") == {
        "period": ["2030"],
        "usd_per_gbp": [pytest.approx(1.6)],
        "days": [2],
    }
    daily.write_text("observation_date,DEXUSUK\n2030-01-02,abc\n")
    with pytest.raises(
        ExchangeRateError, match=r"line 2: not a date \(YYYY-MM-DD\) and a finite rate above 0"
    ):
        compute_annual_usd_per_gbp(daily)


def test_ons_year_without_rate_is_an_error(tmp_path):
    fx = tmp_path / "fx.csv"
    fx.write_text("observation_date,DEXUSUK\n2023-01-02,1.2\n")
    with pytest.raises(ExchangeRateError, match=r"no USD/GBP rate for year\(s\) \['1997'"):
        load_ons_trade(fx_path=fx)


def test_loaded_tables_concatenate_and_keep_their_exclusions():
    goods, services = load_ons_trade(), load_ons_trade(product="services")
    both = pd.concat([goods, services], ignore_index=True)
    assert len(both) == len(goods) + len(services)
    pd.testing.assert_frame_equal(exclusions_of(both), exclusions_of(goods))
