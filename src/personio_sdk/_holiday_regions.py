"""Names of countries and states as Personio writes them, mapped to `holidays` codes.

Personio's holiday calendars carry a country (usually an ISO 3166-1 code such as
``DE``) and a state in whatever spelling the company chose: German (``Bayern``),
English (``Bavaria``), or German with the umlaut written out (``Baden-Wuerttemberg``).
The tables below contain the native, German and English names of each state.
`spellings` turns each name into lookup keys, once with the accents dropped and once
with the umlauts written out as ``ae``, ``oe`` and ``ue``. Subdivision codes are
those of the `holidays` package, where Austria numbers its Länder ``1`` to ``9``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping

__all__ = [
    "COUNTRY_NAMES",
    "NATION_COUNTRIES",
    "SUBDIVISION_NAMES",
    "normalize",
    "spellings",
]

_UMLAUTS = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"}
)
_NON_WORD = re.compile(r"[^a-z0-9]+")


def normalize(text: str) -> str:
    """Fold `text` to lower-case ASCII words joined by single spaces.

    Accents are dropped (``ü`` becomes ``u``, ``ß`` becomes ``ss``) and every run of
    other characters (hyphens, dots, brackets) becomes one space, so that
    ``"Baden-Württemberg"`` and ``"baden wurttemberg"`` compare equal.
    """
    decomposed = unicodedata.normalize(
        "NFKD", text.replace("ß", "ss").replace("ẞ", "SS")
    )
    ascii_text = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _NON_WORD.sub(" ", ascii_text.casefold()).strip()


def spellings(name: str) -> set[str]:
    """Return the lookup keys of `name`: accents dropped, and umlauts written out."""
    return {normalize(name), normalize(name.translate(_UMLAUTS))}


def _index(names_by_code: Mapping[str, Iterable[str]]) -> dict[str, str]:
    index: dict[str, str] = {}
    for code, names in names_by_code.items():
        for name in names:
            for key in spellings(name):
                index[key] = code
    return index


_GERMAN_STATES: dict[str, tuple[str, ...]] = {
    "BW": ("Baden-Württemberg",),
    "BY": ("Bayern", "Bavaria", "Freistaat Bayern"),
    "BE": ("Berlin",),
    "BB": ("Brandenburg",),
    "HB": ("Bremen", "Freie Hansestadt Bremen"),
    "HH": ("Hamburg", "Freie und Hansestadt Hamburg"),
    "HE": ("Hessen", "Hesse"),
    "MV": (
        "Mecklenburg-Vorpommern",
        "Mecklenburg-Western Pomerania",
        "Mecklenburg-West Pomerania",
    ),
    "NI": ("Niedersachsen", "Lower Saxony"),
    "NW": ("Nordrhein-Westfalen", "North Rhine-Westphalia", "NRW"),
    "RP": ("Rheinland-Pfalz", "Rhineland-Palatinate"),
    "SL": ("Saarland",),
    "SN": ("Sachsen", "Saxony", "Freistaat Sachsen"),
    "ST": ("Sachsen-Anhalt", "Saxony-Anhalt"),
    "SH": ("Schleswig-Holstein",),
    "TH": ("Thüringen", "Thuringia", "Freistaat Thüringen"),
}

_AUSTRIAN_STATES: dict[str, tuple[str, ...]] = {
    "1": ("Burgenland",),
    "2": ("Kärnten", "Carinthia"),
    "3": ("Niederösterreich", "Lower Austria"),
    "4": ("Oberösterreich", "Upper Austria"),
    "5": ("Salzburg",),
    "6": ("Steiermark", "Styria"),
    "7": ("Tirol", "Tyrol"),
    "8": ("Vorarlberg",),
    "9": ("Wien", "Vienna"),
}

_UK_NATIONS: dict[str, tuple[str, ...]] = {
    "ENG": ("England",),
    "SCT": ("Scotland", "Schottland"),
    "WLS": ("Wales", "Cymru"),
    "NIR": ("Northern Ireland", "Nordirland"),
}

# German, French, Italian and English names; the package has every canton.
_SWISS_CANTONS: dict[str, tuple[str, ...]] = {
    "AG": ("Aargau", "Argovie", "Argovia"),
    "AI": ("Appenzell Innerrhoden", "Appenzell Rhodes-Intérieures"),
    "AR": ("Appenzell Ausserrhoden", "Appenzell Rhodes-Extérieures"),
    "BE": ("Bern", "Berne", "Berna"),
    "BL": ("Basel-Landschaft", "Basel-Land", "Bâle-Campagne", "Basel-Country"),
    "BS": ("Basel-Stadt", "Bâle-Ville", "Basel-City"),
    "FR": ("Freiburg", "Fribourg", "Friburgo"),
    "GE": ("Genève", "Genf", "Geneva", "Ginevra"),
    "GL": ("Glarus", "Glaris", "Glarona"),
    "GR": ("Graubünden", "Grisons", "Grigioni", "Grischun"),
    "JU": ("Jura", "Giura"),
    "LU": ("Luzern", "Lucerne", "Lucerna"),
    "NE": ("Neuenburg", "Neuchâtel"),
    "NW": ("Nidwalden", "Nidwald"),
    "OW": ("Obwalden", "Obwald"),
    "SG": ("St. Gallen", "Sankt Gallen", "Saint-Gall", "San Gallo"),
    "SH": ("Schaffhausen", "Schaffhouse", "Sciaffusa"),
    "SO": ("Solothurn", "Soleure", "Soletta"),
    "SZ": ("Schwyz", "Schwytz", "Svitto"),
    "TG": ("Thurgau", "Thurgovie", "Turgovia"),
    "TI": ("Tessin", "Ticino"),
    "UR": ("Uri",),
    "VD": ("Waadt", "Vaud"),
    "VS": ("Wallis", "Valais", "Vallese"),
    "ZG": ("Zug", "Zoug", "Zugo"),
    "ZH": ("Zürich", "Zurich", "Zurigo"),
}

SUBDIVISION_NAMES: dict[str, dict[str, str]] = {
    "DE": _index(_GERMAN_STATES),
    "AT": _index(_AUSTRIAN_STATES),
    "GB": _index(_UK_NATIONS),
    "CH": _index(_SWISS_CANTONS),
}
"""Normalized state name -> subdivision code, per ISO country code."""

COUNTRY_NAMES: dict[str, str] = _index(
    {
        "DE": ("Deutschland", "Germany", "DEU", "Bundesrepublik Deutschland"),
        "AT": ("Österreich", "Austria", "AUT"),
        "CH": ("Schweiz", "Switzerland", "Suisse", "Svizzera", "CHE"),
        "GB": (
            "United Kingdom",
            "UK",
            "Great Britain",
            "Großbritannien",
            "Vereinigtes Königreich",
            "GBR",
        ),
    }
)
"""Normalized country name or alpha-3 code -> ISO 3166-1 alpha-2 code."""

NATION_COUNTRIES: dict[str, tuple[str, str]] = {
    key: ("GB", code) for key, code in SUBDIVISION_NAMES["GB"].items()
}
"""A UK nation written as the country (``"England"``) -> (country, subdivision)."""
