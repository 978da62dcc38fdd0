"""Epoch AI's model files as records: every model with an organization in Asia, and what the row states.

A row is imported when one of its organizations is in Asia (UN M49's Asia, West
Asia included; :mod:`~asiaai_graph.importers.regions`), by the row's own
countries or, when the row gives none, by the countries the same file gives
that organization in other rows, or else by the country another source of the
data folder states for the record the name is matched to (``placed``: Epoch's
*All AI Models* gives Moonshot no country anywhere, its *Notable AI Models* says
China); a joint row with any Asian organization
counts, and its non-Asian co-developers get organization records too. A row
that an imported row names as its base model is imported as well, so that
``base_model`` can point at it.

What each model record holds, and from which column: ``name`` (Model),
``developers`` and ``contributors`` (Organization, matched to records by
:class:`~asiaai_graph.importers.matching.Matcher`: a row's only organization is its
developer; of several, the first, unless ``developers.tsv`` names more, the others being
contributors, :func:`epoch_roles`), ``released`` (Publication
date, with its precision), ``parameters`` (Parameters, a count, so the float's
fraction is rounded away: ``200000000000.9997`` is 200,000,000,001),
``training_compute`` (FLOP, rounded to 12 significant digits, which removes the
float noise of Epoch's arithmetic, ``2.69000000000001e+24``, and keeps every
digit Epoch states; with the row's Confidence), ``training_dataset_size``
(in datapoints, the older layout's column) or ``training_gradients`` (the newer
layout's "Training dataset size (gradients)", another measure: epochs counted),
``training_hardware`` (each chip an accelerator record, named as the row names it; the ML hardware
file describes it), ``hardware_quantity``, ``domains``, ``tasks``,
``notability_criteria``, ``accessibility`` (Model accessibility), ``training_compute_cost``
(Training compute cost (2023 USD): an estimate in USD at 2023 prices, not a stated cost)
and ``base_model``.
``kind`` follows the domains: Multimodal -> multimodal, Language -> llm,
Speech or Audio -> speech, Vision, Image generation, Video or 3D modeling ->
vision, Recommendation -> recommendation, anything else -> other; but a
language or multimodal model whose tasks Epoch gives, none of them generating
language (:data:`GENERATIVE_TASKS`), is vision (with the Vision domain) or other:
CLIP classifies images, an encoder classifies text. Then ``kinds.tsv`` and the LLM
rule (:func:`epoch_kind`) decide whether a language model is large.

Each organization keeps the sector (Organization categorization) and country
(Country of organization) that rows pair with it by position, only when a row
lists as many of them as organizations. Epoch gives Hong Kong and Macao as
countries; the graph holds them, as UN M49 does, as places of China: such an
organization's country is CN and its headquarters the place ``hong-kong`` or
``macao`` (:data:`SAR_PLACES`).

Examples
--------
>>> from asiaai_graph.importers.epoch_records import model_kind
>>> model_kind(("Multimodal", "Language")), model_kind(("Language",)), model_kind(("Biology",))
('multimodal', 'llm', 'other')
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from decimal import Context, Decimal
from typing import TYPE_CHECKING, Any

from asiaai_graph.importers.build import Builder
from asiaai_graph.importers.language_models import (
    LLM_KINDS,
    UNSTATED_SIZE_FROM,
    KindDecision,
    calls_itself_llm,
    language_model_kind,
)
from asiaai_graph.importers.matching import MatchingTables
from asiaai_graph.importers.regions import country_code, is_asian_code

if TYPE_CHECKING:
    from asiaai_graph.importers.epoch import EpochRow, EpochTable
    from asiaai_graph.importers.matching import Matcher
    from asiaai_graph.schema import Source

__all__ = ["ACCESSIBILITY", "CATEGORIES", "GENERATIVE_TASKS", "SAR_PLACES", "epoch_kind", "epoch_records", "epoch_roles",
           "epoch_source", "model_kind", "significant"]

#: Epoch's "Model accessibility" -> :data:`~asiaai_graph.schema.Accessibility`.
ACCESSIBILITY = {
    "Open weights (unrestricted)": "open_weights_unrestricted",
    "Open weights (restricted use)": "open_weights_restricted",
    "Open weights (non-commercial)": "open_weights_noncommercial",
    "API access": "api",
    "Hosted access (no API)": "hosted",
    "Unreleased": "unreleased",
}
#: Areas ISO 3166-1 codes separately that the graph, with UN M49, holds as places of China (see places.yaml).
SAR_PLACES = {"HK": "hong-kong", "MO": "macao"}
#: Epoch's "Organization categorization" -> :data:`~asiaai_graph.schema.OrganizationCategory`.
CATEGORIES = {"Industry": "industry", "Academia": "academia", "Government": "government",
              "Research collective": "research_collective"}

_KINDS = (
    ({"Multimodal"}, "multimodal"),
    ({"Language"}, "llm"),
    ({"Speech", "Audio"}, "speech"),
    ({"Vision", "Image generation", "Video", "3D modeling"}, "vision"),
    ({"Recommendation"}, "recommendation"),
)

#: Layout -> (source id, title, the file's web page).
_SOURCES = {
    "notable-2026-01": ("epoch-notable-ai-models", "Notable AI Models", "https://epoch.ai/data/notable-ai-models"),
    "all-2025-04": ("epoch-all-ai-models", "All AI Models", "https://epoch.ai/data/ai-models"),
}


#: Epoch's tasks that generate language: a language or multimodal model with tasks, none of them one of
#: these, is not a (large) language model (CLIP classifies images, a BERT classifies text).
GENERATIVE_TASKS = frozenset({
    "Language modeling/generation", "Language modeling", "Language generation", "Chat", "Question answering",
    "Visual question answering", "Code generation", "Translation", "Text summarization", "Image captioning",
    "Vision-language generation", "Instruction interpretation", "Quantitative reasoning", "Mathematical reasoning",
    "Audio question answering",
})


def model_kind(domains: Iterable[str], tasks: Iterable[str] = ()) -> str:
    """The kind of model Epoch's domains and tasks make it (see the module docstring).

    Examples
    --------
    >>> model_kind(("Multimodal", "Vision", "Language"), ("Zero-shot image classification",))
    'vision'
    >>> model_kind(("Language",), ("Text classification",)), model_kind(("Language",), ())
    ('other', 'llm')
    """
    found, done = set(domains), set(tasks)
    kind = next((kind for names, kind in _KINDS if names & found), "other")
    if kind in ("llm", "multimodal") and done and not done & GENERATIVE_TASKS:
        return "vision" if "Vision" in found else "other"
    return kind


#: Room for every figure the graph holds (up to 10^40, see asiaai_graph.utils.limits): the default
#: context's 28 digits made rounding 10^39 raise decimal.InvalidOperation.
_WIDE = Context(prec=100)


def significant(value: Decimal, digits: int = 12) -> Decimal:
    """``value`` rounded to ``digits`` significant digits, without an exponent when it is whole.

    Examples
    --------
    >>> significant(Decimal("2.69000000000001e+24")), significant(Decimal("5.58e6"))
    (Decimal('2690000000000000000000000'), Decimal('5580000'))
    """
    rounded = Decimal(f"{value:.{digits - 1}e}").normalize(_WIDE)
    return rounded.quantize(Decimal(1), context=_WIDE) if rounded == rounded.to_integral_value() else rounded


def epoch_source(table: EpochTable) -> Source:
    """The :class:`~asiaai_graph.schema.Source` record of an Epoch file: which dataset, which version."""
    from asiaai_graph.schema import Source

    sid, title, url = _SOURCES[table.layout]
    dates = [r.publication_date for r in table.rows if r.publication_date is not None]
    last = max(dates).isoformat() if dates else None
    return Source(
        id=sid, title=title, publisher="Epoch AI", kind="dataset", language="en", url=url,
        version=last, license="CC BY 4.0", credit="Data: Epoch AI (epoch.ai)",
        note=(f"The CSV file as downloaded from the page; its last publication date is {last}. "
              "Epoch AI's own estimates carry its Confidence label."),
    )


def _asian_organizations(table: EpochTable, runs: Mapping[str, tuple[str, ...]]) -> set[str]:
    out = set()
    for row in table.rows:
        for org, country in row.organization_countries(runs) or ():
            if is_asian_code(country_code(country)):
                out.add(org)
    return out


def _is_imported(row: EpochRow, asian_orgs: set[str], placed_in_asia: Callable[[str], bool]) -> bool:
    if row.is_asian:
        return True
    if any(row.country_codes):
        return False
    return any(o in asian_orgs for o in row.organizations) or any(placed_in_asia(o) for o in row.organizations)


def _one(value: Decimal | None) -> Decimal | None:
    return None if value is None else value.quantize(Decimal(1), context=_WIDE) if value >= 1 else value


_VISION_DOMAINS = frozenset({"Vision", "Image generation", "Video", "3D modeling"})


def epoch_kind(row: EpochRow, tables: MatchingTables | None = None) -> KindDecision:
    """A row's kind: its domains and tasks (:func:`model_kind`), ``kinds.tsv``, then the LLM rule.

    A language or multimodal row is an LLM by :func:`~asiaai_graph.importers.language_models.language_model_kind`:
    with its Parameters; without them, when the row's own name or title (Model, Reference) calls it a
    large language model, or when it was published in 2023 or later.
    """
    chosen = tables.kind("model", row.dataset, f"Model={row.model}", row.model) if tables is not None else None
    if chosen is not None:
        return KindDecision(chosen[0], f"kind: {chosen[0]} (data/kinds.tsv): {chosen[1]}")
    kind = model_kind(row.domains, row.tasks)
    texts = (row.model, row.reference)  # the name and the paper's or page's title: an abstract speaks of other models too
    called = None
    if calls_itself_llm(texts):
        called = "the row's own text calls it a large language model"
    elif row.publication_date is not None and row.publication_date.year >= UNSTATED_SIZE_FROM:
        called = f"Epoch AI lists it without a size, published in {UNSTATED_SIZE_FROM} or later (README)"
    sizes = [row.parameters] if row.parameters is not None and row.parameters > 0 else []
    decision = language_model_kind(kind, sizes=sizes, texts=texts, called=called,
                                   vision=bool(_VISION_DOMAINS & set(row.domains)),
                                   year=row.publication_date.year if row.publication_date else None)
    if decision.reason is None:
        return decision
    verdict = "an LLM" if decision.kind in LLM_KINDS else "not an LLM"
    return KindDecision(decision.kind, f"kind: {decision.kind}, {verdict}: {decision.reason}")


def _model_data(row: EpochRow, kind: str, developers: list[str], contributors: list[str],
                base: str | None, hardware: list[str]) -> dict[str, Any]:
    data: dict[str, Any] = {
        "name": row.model,
        "kind": kind,
        "developers": developers,
        "contributors": contributors,
        "released": row.publication_date,
    }
    if row.parameters is not None and row.parameters > 0:
        data["parameters"] = {"value": _one(row.parameters)}
    if row.training_compute_flop is not None and row.training_compute_flop > 0:
        compute: dict[str, Any] = {"value": significant(row.training_compute_flop), "unit": "FLOP"}
        if row.confidence:
            compute["confidence"] = row.confidence
        data["training_compute"] = compute
    if len(row.training_dataset_size) == 1 and row.training_dataset_size[0] > 0:
        size = significant(row.training_dataset_size[0])
        if row.training_dataset_size_unit == "gradients":  # the newer layout's measure: datapoints processed
            data["training_gradients"] = {"value": size}
        else:
            data["training_dataset_size"] = {"value": size, "unit": row.training_dataset_size_unit}
    data["training_hardware"] = list(hardware)
    if row.hardware_quantity is not None and row.hardware_quantity > 0:
        data["hardware_quantity"] = {"value": _one(row.hardware_quantity)}
    data["domains"] = list(row.domains)
    data["tasks"] = list(row.tasks)
    data["notability_criteria"] = list(row.notability_criteria)
    if row.model_accessibility in ACCESSIBILITY:
        data["accessibility"] = ACCESSIBILITY[row.model_accessibility]
    cost = row.values.get("Training compute cost (2023 USD)")
    if isinstance(cost, Decimal) and cost > 0:
        data["training_compute_cost"] = {"amount": significant(cost), "currency": "USD", "price_year": 2023}
    if base is not None:
        data["base_model"] = base
    return data


def epoch_roles(row: EpochRow, tables: MatchingTables) -> tuple[list[str], list[str], str | None]:
    """(developers, contributors, why) of a row, as the dataset names the organizations.

    A row's only organization is its developer. A row with several lists the affiliations of
    the authors of a paper: the first is the developer (Epoch lists the lead organization
    first), the others contributors; ``developers.tsv`` names more developers of a row where
    the row's own sources say so (Jais: Inception, MBZUAI and Cerebras).

    Examples
    --------
    >>> from asiaai_graph.importers.epoch import EpochRow
    >>> row = EpochRow("d", "f", 2, {}, "X", values={}, model="X", organizations=("EleutherAI", "Stability AI"))
    >>> epoch_roles(row, MatchingTables({}, {}, frozenset(), ()))[:2]
    (['EleutherAI'], ['Stability AI'])
    """
    orgs = list(row.organizations)
    if len(orgs) <= 1:
        return orgs, [], None
    listed = tables.row_developers(row.dataset, f"Model={row.model}")
    if listed is not None:
        named, reason = listed
        developers = [o for o in orgs if o in named]
        why = f"developers: {', '.join(developers)} (data/developers.tsv: {reason}); the others are contributors"
    else:
        developers = orgs[:1]
        why = (f"developers: {orgs[0]}, the first of the row's {len(orgs)} organizations; the others are "
               "contributors (the affiliations of the paper's other authors)")
    return developers, [o for o in orgs if o not in developers], why


def epoch_records(table: EpochTable, matcher: Matcher,
                  placed: Callable[[], Mapping[str, str]] | None = None) -> tuple[Builder, list[str]]:
    """The records an Epoch file states about Asian models; also the notes on rows not fully used.

    Rows excluded in ``data/exclusions.tsv`` (by ``Model=<name>`` or ``line <n>``) are left out.
    ``placed`` gives, when called, organization id -> ISO country code as other sources state them; it
    decides only rows whose file gives none of their organizations a country, and is called only for them.
    """
    source = epoch_source(table)
    builder = Builder(source, table.file, matcher.tables)
    notes: list[str] = []
    runs = table.country_runs()
    asian = _asian_organizations(table, runs)
    countries: dict[str, str] | None = None

    def placed_in_asia(org: str) -> bool:
        nonlocal countries
        if placed is None:
            return False
        if countries is None:
            countries = dict(placed())
        rid = matcher.id("organization", org)
        if not is_asian_code(countries.get(rid)):
            return False
        note = (f"{table.file}: {org}: no country in this file; in scope as {rid} "
                f"({countries[rid]} in another source of the data folder)")
        if note not in notes:
            notes.append(note)
        return True

    rows = [r for r in table.rows if not _excluded(matcher, source.id, r)]
    by_name: dict[str, EpochRow] = {}
    for r in rows:
        by_name.setdefault(r.model, r)
    chosen = [r for r in rows if _is_imported(r, asian, placed_in_asia)]
    bases = []
    for r in chosen:
        for name in r.base_models:
            base = by_name.get(name)
            if base is not None and base not in chosen and base not in bases:
                bases.append(base)
    for row in [*chosen, *bases]:
        pairs = dict(row.organization_countries(runs) or ())
        categories = dict(zip(row.organizations, row.organization_categories)) \
            if len(row.organization_categories) == len(row.organizations) else {}
        for org in row.organizations:
            rid = matcher.id("organization", org)
            code = country_code(pairs[org]) if org in pairs else None
            place = SAR_PLACES.get(code or "")
            builder.organization(rid, org, locator=f"Organization={org}", country="CN" if place else code,
                                 headquarters=place,
                                 category=CATEGORIES.get(categories.get(org, "")),
                                 english_name=matcher.tables.display.get(rid))
        base_id = None
        for name in row.base_models:
            if name in by_name:
                base_id = matcher.id("model", name)
                break
        else:
            if row.base_models:
                notes.append(f"{table.file}:{row.line}: {row.model}: base model {', '.join(row.base_models)} "
                             "is not a row of the file; no base_model link")
        named, others, why = epoch_roles(row, matcher.tables)
        developers = list(dict.fromkeys(matcher.id("organization", o) for o in named))
        contributors = [c for c in dict.fromkeys(matcher.id("organization", o) for o in others) if c not in developers]
        decision = epoch_kind(row, matcher.tables)
        chips = {chip: matcher.id("accelerator", chip) for chip in row.training_hardware}
        data = _model_data(row, decision.kind, developers, contributors, base_id, list(dict.fromkeys(chips.values())))
        if not data["developers"]:
            notes.append(f"{table.file}:{row.line}: {row.model}: no organization; left out")
            continue
        for chip, cid in chips.items():
            builder.stub("accelerator", cid, chip, locator=f"Training hardware={chip}")
        rid = matcher.id("model", row.model, f"Model={row.model}")
        said = ["imported as the base model of an Asian model" if row in bases else None, decision.reason, why]
        builder.model(rid, data, locator=f"Model={row.model}", links=row.links, line=row.line,
                      note="; ".join(s for s in said if s) or None)
    return builder, notes


def _excluded(matcher: Matcher, dataset: str, row: EpochRow) -> bool:
    tables = matcher.tables
    return bool(tables.excluded(dataset, f"Model={row.model}") or tables.excluded(dataset, f"line {row.line}"))
