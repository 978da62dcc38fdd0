"""The reference tables in ``data/reference/``: ISO 3166-1 countries, as pycountry's iso-codes gives them.

``python tests/test_reference_tables.py`` writes ``data/reference/countries.yaml`` again (with the
test extra's pinned pycountry); the test checks the file is what that writes, and that a user's own
graph (``curated=False``) gets the countries its records name, and only those.
"""

from __future__ import annotations

import gettext
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
TABLE = ROOT / "data" / "reference" / "countries.yaml"
PYCOUNTRY = "26.2.16"
#: Places of China in this graph (and separate areas in UN M49), never countries: see data/README.md.
NOT_COUNTRIES = frozenset({"HK", "MO"})
COMMENT = (f"ISO 3166-1 countries, a reference table: a record of it enters a graph only when a record there names it\n"
           f"and no data file holds that id. Names and their Korean, Chinese and Japanese translations are\n"
           f"ISO 3166-1's as the iso-codes project gives them (pycountry {PYCOUNTRY}); region is the UN M49\n"
           f"sub-region where known (Asia: asiaai_graph.importers.regions; others as countries.yaml and\n"
           f"countries_iso.yaml state it). Written by\n"
           f"`python tests/test_reference_tables.py`: do not edit by hand.")


def _regions() -> dict[str, str]:
    """ISO code -> UN M49 sub-region: Asia from the importers' M49 table, the rest as the curated countries state it."""
    import yaml

    from asiaai_graph.importers.regions import ASIA_SUBREGIONS

    found = {code: name for name, codes in ASIA_SUBREGIONS.values() for code in codes}
    for path in (ROOT / "data" / "countries.yaml", ROOT / "data" / "countries_iso.yaml", TABLE):
        if path.is_file():
            for c in yaml.safe_load(path.read_text(encoding="utf-8")).get("countries", []):
                if c.get("region"):
                    found.setdefault(c["id"], c["region"])
    return found


def build() -> str:
    """The text of ``data/reference/countries.yaml``, from pycountry's iso-codes."""
    import pycountry

    from asiaai_graph.datafiles.write import dumps_document
    from asiaai_graph.schema import Country, Source

    assert pycountry.__version__ == PYCOUNTRY if hasattr(pycountry, "__version__") else True
    translations = {lang: gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[locale])
                    for lang, locale in (("ko", "ko"), ("zh", "zh_CN"), ("ja", "ja"))}
    regions = _regions()
    records: list[Any] = [
        Source(id="iso-codes", title="iso-codes: ISO 3166-1 country names and their translations",
               publisher="Debian iso-codes team", kind="standard", language="en",
               url="https://salsa.debian.org/iso-codes-team/iso-codes",
               note="The English short names (and official names, as aliases) of ISO 3166-1, with the project's "
                    "Korean, simplified Chinese (zh_CN) and Japanese translations.",
               version=f"as packaged in pycountry {PYCOUNTRY}", license="LGPL-2.1-or-later"),
        Source(id="un-m49", title="Standard country or area codes for statistical use (M49)",
               publisher="United Nations Statistics Division", kind="standard", language="en",
               url="https://unstats.un.org/unsd/methodology/m49/",
               note="The UN's list of countries and areas with their regions and sub-regions (\"Overview\" table), "
                    "cited for each country's sub-region."),
    ]
    for c in pycountry.countries:
        if c.alpha_2 in NOT_COUNTRIES:
            continue
        common = getattr(c, "common_name", None)
        labels = {lang: t.gettext(c.name) for lang, t in translations.items() if t.gettext(c.name) != c.name}
        aliases = [a for a in dict.fromkeys([c.name if common else None, getattr(c, "official_name", None)])
                   if a and a != (common or c.name)]
        region = regions.get(c.alpha_2)
        cite_region = {"source": "un-m49", "fields": ["region"], "locator": f"ISO-alpha2 Code={c.alpha_2}"}
        sources: list[Any] = ["iso-codes"] + ([cite_region] if region else [])
        records.append(Country(id=c.alpha_2, name=common or c.name, labels=labels, aliases=tuple(aliases),
                               region=region, sources=sources))
    return dumps_document(records, header={"reference": "ISO 3166-1 countries (iso-codes) with UN M49 regions"},
                          comment=COMMENT)


def test_the_table_is_what_pycountry_gives() -> None:
    pytest.importorskip("pycountry", reason="the test extra pins pycountry to check the reference table")
    assert TABLE.read_text(encoding="utf-8") == build(), "run python tests/test_reference_tables.py"


if __name__ == "__main__":
    TABLE.parent.mkdir(parents=True, exist_ok=True)
    TABLE.write_text(build(), encoding="utf-8")
    print(f"wrote {TABLE}", file=sys.stderr)


MINE = """sources:
- id: my-notes
  title: My notes
  kind: report
  language: en
organizations:
- id: my-lab
  name: My Lab
  kind: research_lab
  country: KR
  offices: [BR]
  sources:
  - source: my-notes
    fields: [country, offices]
"""


@pytest.mark.parametrize("cache", [False, True])
def test_a_users_graph_has_the_countries_it_names(tmp_path: Path, cache: bool) -> None:
    import asiaai_graph as ag

    (tmp_path / "mine.yaml").write_text(MINE, encoding="utf-8")
    kg = ag.load(tmp_path / "mine.yaml", curated=False, cache=cache)
    assert sorted(r.id for r in kg.records("country")) == ["BR", "KR"]  # named, and only those
    assert kg["KR"].label_in("ko") == "대한민국" and kg["KR"].region == "Eastern Asia"  # type: ignore[attr-defined]
    assert {s.id for s in kg.sources_of("KR")} == {"iso-codes", "un-m49"}
    assert kg.organizations(country="KR")[0].id == "my-lab"


def test_the_curated_graph_keeps_its_own_countries() -> None:
    import asiaai_graph as ag

    kg = ag.load(cache=False)
    assert kg["CN"].description and "AQ" not in kg  # type: ignore[attr-defined]  # curated CN; nobody names AQ
    curated = {c["id"] for name in ("countries.yaml", "countries_iso.yaml")
               for c in yaml.safe_load((ROOT / "data" / name).read_text(encoding="utf-8"))["countries"]}
    named = {target for _, target in kg.graph.in_edges([c.id for c in kg.records("country")])}
    assert {c.id for c in kg.records("country")} <= curated | named  # the reference table adds only what is named
    assert "BR" in kg  # Alibaba Cloud's data centre in Brazil names it: the reference table brings it in
