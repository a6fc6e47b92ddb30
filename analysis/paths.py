"""Where things are: every project folder and default input, derived from the package location."""

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent
SEEDS_DIR = PROJECT_DIR / "seeds"
RAW_DATA_DIR = PROJECT_DIR / "data" / "raw"
REFERENCE_DIR = PACKAGE_DIR / "reference"
NOTEBOOKS_DIR = PROJECT_DIR / "notebooks"
REPORTS_DIR = PROJECT_DIR / "reports"

DEFAULT_SEED = SEEDS_DIR / "2024-03-14-trend-kazakhstan-uk-trade.txt"
ONS_TRADE_FILE = RAW_DATA_DIR / "ons_uk_total_trade_all_countries_sa_annual.csv"
FX_USD_PER_GBP_FILE = RAW_DATA_DIR / "fed_h10_dexusuk_daily.csv"
ONS_MONTHLY_TRADE_FILE = RAW_DATA_DIR / "ons_trade_in_goods_monthly_by_country_v65.json"
