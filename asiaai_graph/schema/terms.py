"""The controlled vocabularies of the schema: the words a field may hold.

Kept apart from the models so that readers (importers, RDF) and views can map
to them without importing pydantic models.

Examples
--------
>>> from typing import get_args
>>> "at_least" in get_args(Qualifier)
True
"""

from __future__ import annotations

from typing import Literal

__all__ = [
    "RECORD_TYPE_NAMES",
    "ROR_ID",
    "SLUG",
    "VIEW_LANGUAGES",
    "Accessibility",
    "Certainty",
    "ClusterSector",
    "ClusterStatus",
    "InvestmentKind",
    "InvestmentStatus",
    "LanguageTag",
    "LifecycleEventKind",
    "Measure",
    "ModelKind",
    "OrganizationCategory",
    "OrganizationKind",
    "PolicyKind",
    "PolicyStatus",
    "Qualifier",
    "Region",
]

RECORD_TYPE_NAMES: tuple[str, ...] = (
    "source", "country", "place", "organization", "person", "model", "product", "policy", "investment",
    "partnership", "indicator", "accelerator", "cluster",
)
"""The record types, in the order of the data files' sections (``RECORD_TYPES`` holds their models)."""

SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
"""The pattern of a record id: lowercase ASCII words joined by single hyphens."""

ROR_ID = r"^0[a-hj-km-np-tv-z0-9]{6}[0-9]{2}$"
"""The pattern of a ROR id without its ``https://ror.org/`` prefix: ``0``, six characters of Crockford's
base 32, two check digits (https://ror.readme.io/docs/identifier)."""

Qualifier = Literal["exact", "about", "at_least", "more_than", "at_most", "less_than", "between"]
"""How a stated number relates to the truth: ``about`` for "약", ``at_least`` for
"이상", ``more_than`` for "넘는"/"over", ``between`` for a range ("2~3만")."""

LanguageTag = Literal[
    "en", "ko", "zh", "zh-Hans", "zh-Hant", "ja",
    # the other languages of Asia a name is written in (ISO 639-1, or 639-3 where there is none)
    "ar", "az", "bn", "dv", "fa", "fil", "he", "hi", "hy", "id", "ka", "kk", "km", "ky", "lo", "mn", "mr", "ms",
    "my", "ne", "ps", "ru", "si", "ta", "te", "tg", "th", "tk", "tr", "ur", "uz", "vi",
]
"""Languages a record's ``labels`` may be in (BCP 47 tags): English, Korean, Chinese (``zh``, or the
script: ``zh-Hans`` simplified, ``zh-Hant`` traditional) and Japanese first, the languages every view
speaks; then the other languages of Asia, for names written in their own script (Vietnamese, Thai,
Arabic, Hindi...)."""

VIEW_LANGUAGES: tuple[str, ...] = ("en", "ko", "zh", "zh-Hans", "zh-Hant", "ja")
"""The label languages that tables and pictures give a column or a choice of their own."""

PolicyKind = Literal[
    "strategy",
    "plan",
    "law",
    "regulation",
    "guideline",
    "standard",
    "programme",
    "funding_scheme",
    "initiative",
    "export_control",
    "executive_order",
    "standards_body",
]
"""What a policy is: a strategy or plan; a law (passed, or a bill), a regulation (secondary legislation:
decrees, measures, provisions, rules), a guideline with official standing, a standard; a programme or
funding scheme; an initiative (often international, launched by a government); an export control or
executive order. ``standards_body`` is kept for records of 0.1 only."""

LifecycleEventKind = Literal[
    "proposed", "consultation", "passed", "adopted", "approved", "announced", "promulgated", "published",
    "partially_in_force", "in_force", "amended", "superseded", "repealed", "expired", "lapsed", "withdrawn",
]
"""The dated steps of a policy's life: a bill is ``proposed`` (introduced, or a draft put out), may go to
public ``consultation``, is ``passed`` by a legislature or ``adopted``/``approved`` by a government,
``announced``, ``promulgated`` (signed into law), ``published`` (in a gazette, or a strategy released),
comes ``partially_in_force`` then ``in_force``, may be ``amended``, and ends ``superseded`` (by another
policy), ``repealed``, ``expired`` (at the end of its period), ``lapsed`` (a bill that died) or
``withdrawn``."""

PolicyStatus = Literal[
    "proposed", "pending", "consultation", "passed", "adopted", "promulgated", "published", "partially_in_force",
    "in_force", "superseded", "repealed", "expired", "lapsed", "withdrawn",
]
"""Where a policy stands as of a date (``status_as_of``): ``pending`` is a bill or draft under way."""

InvestmentKind = Literal[
    "equity_round", "debt", "ipo", "infrastructure", "programme", "government_fund", "grant", "acquisition",
]
"""What money an investment is: a private equity round; debt; a public listing (``ipo``); a build-out
of data centres or cloud (``infrastructure``); a company's or government's programme of spending; a
government fund; a grant; an acquisition."""

InvestmentStatus = Literal["announced", "completed", "in_talks", "reported", "planned", "pledged", "cancelled"]
"""How far the deal has gone, as the source says: ``in_talks`` and ``reported`` are not confirmed by the
parties; ``planned`` and ``pledged`` are commitments of money not yet spent."""

Region = Literal[
    "Eastern Asia",
    "South-eastern Asia",
    "Southern Asia",
    "Central Asia",
    "Western Asia",
    "Northern America",
    "Latin America and the Caribbean",
    "Northern Africa",
    "Sub-Saharan Africa",
    "Northern Europe",
    "Western Europe",
    "Southern Europe",
    "Eastern Europe",
    "Australia and New Zealand",
    "Melanesia",
    "Micronesia",
    "Polynesia",
]
"""UN M49 sub-regions."""

OrganizationKind = Literal[
    "company",
    "startup",
    "university",
    "research_lab",
    "government_body",
    "standards_body",
    "media",
    "research_firm",
    "consultancy",
    "nonprofit",
    "consortium",
    "other",
]
"""What an organization is; ``other`` when no source says (a dataset that names a developer without its sector)."""

ModelKind = Literal["llm", "multimodal", "language", "vision", "speech", "recommendation", "driving", "other"]
"""What a model is. ``llm``: a large language model; ``multimodal``: a large language model that also reads or
makes images, sound or video; ``language``: a language model that is not large (an encoder, a generative model
under a billion parameters, a recurrent model); the README's "What counts as a large language model" gives the
rules. ``vision`` includes vision encoders; ``speech`` speech recognition and synthesis."""

Measure = Literal[
    "ai_industry_size",
    "ai_core_industry_size",
    "ai_company_count",
    "ai_company_count_abroad",
    "llm_count",
    "private_ai_investment",
    "ai_investment_received",
    "share_of_global_ai_investment",
    "ai_patent_count",
    "genai_patent_filings",
    "share_of_genai_patent_filings",
    "mobile_internet_users",
    "monthly_active_users",
    "cumulative_revenue",
    "valuation",
    "exhibitor_count",
    "apps_launched",
    "cloud_market_rank",
    "benchmark_rank",
    "competition_wins",
    "portrait_database_size",
    "open_model_size_rank",
    "ai_city_competitiveness_rank",
    "national_ai_indicator_rank",
]


OrganizationCategory = Literal["industry", "academia", "research_collective", "government"]
"""The sector of an organization as Epoch AI classifies it ("Organization categorization")."""

Accessibility = Literal[
    "open_weights_unrestricted",
    "open_weights_restricted",
    "open_weights_noncommercial",
    "api",
    "hosted",
    "unreleased",
]
"""How a model can be used, in Epoch AI's categories ("Model accessibility"): weights anyone may
download (without restriction, with use restrictions, non-commercial only), an API, access hosted by
the developer without an API, or not released."""


ClusterStatus = Literal["existing", "planned", "decommissioned"]
"""Whether a compute cluster runs, is planned, or has been taken out of service (Epoch AI's Status)."""

Certainty = Literal["confirmed", "likely", "unlikely"]
"""How sure the source is that a cluster exists or will exist as stated (Epoch AI's Certainty)."""

ClusterSector = Literal["private", "public", "public_private"]
"""Who runs a compute cluster: a company, a government or university, or both (Epoch AI's Sector)."""
