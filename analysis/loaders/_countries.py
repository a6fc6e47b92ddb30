"""Country names, short forms and demonyms in news text, mapped to ISO 3166 alpha-3 codes.

The codes come from pycountry.
"""

import re
from dataclasses import dataclass
from functools import cache

import pycountry

from analysis.loaders._scan import finditer

# Names news text uses that pycountry does not give as a name (short forms, old names, spellings).
_ALIASES = {
    "UK": "GBR",
    "U.K.": "GBR",
    "Britain": "GBR",
    "Great Britain": "GBR",
    "England": "GBR",
    "US": "USA",
    "U.S.": "USA",
    "USA": "USA",
    "U.S.A.": "USA",
    "United States": "USA",
    "America": "USA",
    "Russia": "RUS",
    "China": "CHN",
    "PRC": "CHN",
    "South Korea": "KOR",
    "Korea": "KOR",
    "North Korea": "PRK",
    "Turkey": "TUR",
    "Türkiye": "TUR",
    "Turkiye": "TUR",
    "Iran": "IRN",
    "Vietnam": "VNM",
    "Syria": "SYR",
    "Moldova": "MDA",
    "Tanzania": "TZA",
    "Venezuela": "VEN",
    "Bolivia": "BOL",
    "Laos": "LAO",
    "Czech Republic": "CZE",
    "Czechia": "CZE",
    "Taiwan": "TWN",
    "UAE": "ARE",
    "Emirates": "ARE",
    "Netherlands": "NLD",
    "Holland": "NLD",
    "Kyrgyz Republic": "KGZ",
    "Macedonia": "MKD",
    "Ivory Coast": "CIV",
    "Cote d'Ivoire": "CIV",
    "Brunei": "BRN",
    "Cape Verde": "CPV",
    "Palestine": "PSE",
    "Burma": "MMR",
    "Swaziland": "SWZ",
    "DR Congo": "COD",
    "DRC": "COD",
    "Micronesia": "FSM",
    "Slovak Republic": "SVK",
    "Hong Kong": "HKG",
    "Macau": "MAC",
    "Vatican": "VAT",
    # Not a country: the European Union as a trade partner, with the World Bank's aggregate code.
    "European Union": "EUU",
    "EU": "EUU",
}

# Adjectives naming a country ("Kazakh exports", "Kazakh-British relations").
_DEMONYMS = {
    "Kazakh": "KAZ",
    "Kazakhstani": "KAZ",
    "British": "GBR",
    "Chinese": "CHN",
    "Russian": "RUS",
    "German": "DEU",
    "French": "FRA",
    "Italian": "ITA",
    "Spanish": "ESP",
    "Dutch": "NLD",
    "Belgian": "BEL",
    "Swiss": "CHE",
    "Austrian": "AUT",
    "Polish": "POL",
    "Czech": "CZE",
    "Slovak": "SVK",
    "Hungarian": "HUN",
    "Romanian": "ROU",
    "Bulgarian": "BGR",
    "Greek": "GRC",
    "Portuguese": "PRT",
    "Irish": "IRL",
    "Swedish": "SWE",
    "Norwegian": "NOR",
    "Finnish": "FIN",
    "Danish": "DNK",
    "Estonian": "EST",
    "Latvian": "LVA",
    "Lithuanian": "LTU",
    "Ukrainian": "UKR",
    "Belarusian": "BLR",
    "Moldovan": "MDA",
    "Georgian": "GEO",
    "Armenian": "ARM",
    "Azerbaijani": "AZE",
    "Azeri": "AZE",
    "Turkish": "TUR",
    "Uzbek": "UZB",
    "Uzbekistani": "UZB",
    "Kyrgyz": "KGZ",
    "Tajik": "TJK",
    "Turkmen": "TKM",
    "Afghan": "AFG",
    "Iranian": "IRN",
    "Iraqi": "IRQ",
    "Syrian": "SYR",
    "Israeli": "ISR",
    "Saudi": "SAU",
    "Emirati": "ARE",
    "Qatari": "QAT",
    "Kuwaiti": "KWT",
    "Omani": "OMN",
    "Egyptian": "EGY",
    "Pakistani": "PAK",
    "Indian": "IND",
    "Mongolian": "MNG",
    "Japanese": "JPN",
    "South Korean": "KOR",
    "Korean": "KOR",
    "North Korean": "PRK",
    "Vietnamese": "VNM",
    "Thai": "THA",
    "Malaysian": "MYS",
    "Indonesian": "IDN",
    "Filipino": "PHL",
    "Singaporean": "SGP",
    "Australian": "AUS",
    "Canadian": "CAN",
    "American": "USA",
    "Mexican": "MEX",
    "Brazilian": "BRA",
    "Argentine": "ARG",
    "Argentinian": "ARG",
    "Chilean": "CHL",
    "Nigerian": "NGA",
    "South African": "ZAF",
    "Serbian": "SRB",
    "Croatian": "HRV",
    "Slovenian": "SVN",
    "Algerian": "DZA",
    "Moroccan": "MAR",
    "Tunisian": "TUN",
    "Ethiopian": "ETH",
    "Kenyan": "KEN",
    "Bangladeshi": "BGD",
    "Sri Lankan": "LKA",
    "Nepalese": "NPL",
}

# Country names that are also people's first names: not a country when a capitalised word follows
# ("Vice Minister Iran Sharkhan").
_PERSONAL_NAMES = {"Iran", "Jordan", "Georgia", "Chad", "India", "Israel", "Kenya", "America"}


_CAPITALISED_NEXT = re.compile(r"\s+[A-Z][a-z]")


@dataclass(frozen=True, slots=True)
class CountryMention:
    """A country in a text: span, ISO alpha-3 code and whether it is an adjective (a demonym)."""

    start: int
    end: int
    iso3: str
    is_demonym: bool


@cache
def _names() -> dict[str, str]:
    """Every country name we recognise (case-sensitive) → ISO alpha-3."""
    names: dict[str, str] = {}
    for country in pycountry.countries:
        for attribute in ("name", "common_name", "official_name"):
            name = getattr(country, attribute, None)
            if name and "," not in name:
                names[name] = country.alpha_3
    names.update(_ALIASES)
    return names


@cache
def _pattern() -> re.Pattern:
    words = sorted([*_names(), *_DEMONYMS], key=len, reverse=True)
    alternation = "|".join(re.escape(word) for word in words)
    # Whole words only: "Kazakh" is not found inside "Kazakhstan", "America" not in "Latin America".
    return re.compile(
        rf"(?=[A-Z])(?<![\w.])(?<!Latin )(?<!South )(?<!North )(?<!Central )(?:{alternation})(?!\w)"
    )


def find_countries(text: str) -> list[CountryMention]:
    """Find country names and demonyms in ``text``, in text order.

    Args:
        text: Text with money expressions already masked (so "US$" is not the United States).

    Returns:
        One mention per name; "Kazakh" inside "Kazakhstan" is not a separate mention.
    """
    found = []
    for match in finditer(_pattern(), text):
        word = match.group(0)
        if word in _PERSONAL_NAMES and _CAPITALISED_NEXT.match(text, match.end()):
            continue
        if word in _DEMONYMS:
            found.append(CountryMention(match.start(), match.end(), _DEMONYMS[word], True))
        else:
            found.append(CountryMention(match.start(), match.end(), _names()[word], False))
    return found
