"""The asiaai_graph vocabulary: the ``aag:`` namespace as a typed rdflib class, and the shipped files.

:class:`AAG` lists every class, property and named individual of the
ontology (``ontology.ttl`` in this package); :func:`ontology`, :func:`shapes`
and :func:`context` load the ontology, the SHACL shapes and the JSON-LD
``@context``.

Examples
--------
>>> AAG.developedBy
rdflib.term.URIRef('https://w3id.org/asiaai-graph/ontology#developedBy')
>>> AAG.noSuchTerm
Traceback (most recent call last):
...
AttributeError: term 'noSuchTerm' not in namespace 'https://w3id.org/asiaai-graph/ontology#'
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from rdflib import Graph, URIRef
from rdflib import namespace as _namespace

from asiaai_graph.rdf.mapping import AAG as AAG_IRI
from asiaai_graph.rdf.mapping import DEFAULT_BASE

__all__ = ["AAG", "context", "ontology", "shapes"]


class AAG(_namespace.DefinedNamespace):
    """The asiaai_graph ontology, ``https://w3id.org/asiaai-graph/ontology#`` (prefix ``aag``).

    Examples
    --------
    >>> AAG.Organization in AAG
    True
    >>> str(AAG.atLeast)
    'https://w3id.org/asiaai-graph/ontology#atLeast'
    """

    _NS = _namespace.Namespace(AAG_IRI)
    _fail = True

    # classes
    Entity: URIRef  # entity
    Source: URIRef  # source
    Country: URIRef  # country
    Place: URIRef  # place
    Organization: URIRef  # organization
    Person: URIRef  # person
    AIModel: URIRef  # AI model
    Product: URIRef  # product
    Policy: URIRef  # policy
    Investment: URIRef  # investment
    Partnership: URIRef  # partnership
    Indicator: URIRef  # indicator
    Quantity: URIRef  # quantity
    Dispute: URIRef  # dispute
    StatedValue: URIRef  # stated value
    Money: URIRef  # amount of money
    Citation: URIRef  # citation
    Affiliation: URIRef  # affiliation
    Goal: URIRef  # goal
    InvestorRole: URIRef  # investor role
    Qualifier: URIRef  # qualifier

    LifecycleEvent: URIRef  # lifecycle event
    Period: URIRef  # period

    # qualifiers (named individuals)
    exact: URIRef  # exact
    about: URIRef  # about
    atLeast: URIRef  # at least
    moreThan: URIRef  # more than
    atMost: URIRef  # at most
    lessThan: URIRef  # less than
    between: URIRef  # between

    # relations between records (named after the schema's relations)
    inCountry: URIRef  # in country
    partOf: URIRef  # part of
    headquarteredIn: URIRef  # headquartered in
    hasOfficeIn: URIRef  # has office in
    subsidiaryOf: URIRef  # subsidiary of
    hasMember: URIRef  # has member
    succeededBy: URIRef  # succeeded by
    affiliatedWith: URIRef  # affiliated with
    citizenOf: URIRef  # citizen of
    developedBy: URIRef  # developed by
    inFamily: URIRef  # in family
    basedOn: URIRef  # based on
    succeeds: URIRef  # succeeds
    hasContributor: URIRef  # contributor
    madeBy: URIRef  # made by
    usesModel: URIRef  # uses model
    offeredIn: URIRef  # offered in
    editionOf: URIRef  # edition of
    jurisdiction: URIRef  # jurisdiction
    issuedBy: URIRef  # issued by
    modifies: URIRef  # modifies
    investedIn: URIRef  # invested in
    investee: URIRef  # investee
    targets: URIRef  # targets
    partnerIn: URIRef  # partner in
    locatedIn: URIRef  # located in
    supports: URIRef  # supports
    concerns: URIRef  # concerns
    describes: URIRef  # describes
    reportedBy: URIRef  # reported by
    implementedBy: URIRef  # implemented by
    implements: URIRef  # implements
    supersedes: URIRef  # supersedes

    # links to the nodes a record owns
    affiliation: URIRef  # affiliation
    investor: URIRef  # investor
    goal: URIRef  # goal
    lifecycleEvent: URIRef  # lifecycle event
    budgetPeriod: URIRef  # budget period
    organization: URIRef  # organization
    parameters: URIRef  # parameters
    activeParameters: URIRef  # active parameters
    variantCount: URIRef  # variant count
    trainingCost: URIRef  # training cost
    trainingComputeCost: URIRef  # training compute cost
    trainingDuration: URIRef  # training duration
    budget: URIRef  # budget
    annualBudget: URIRef  # annual budget
    duration: URIRef  # duration
    postMoneyValuation: URIRef  # post-money valuation
    quantity: URIRef  # quantity
    amount: URIRef  # amount
    within: URIRef  # within
    qualifier: URIRef  # qualifier
    equivalent: URIRef  # equivalent
    sequence: URIRef  # sequence
    sequenceOf: URIRef  # sequence of
    trainingCompute: URIRef  # training compute
    trainingDatasetSize: URIRef  # training dataset size
    trainingTokens: URIRef  # training tokens
    trainingGradients: URIRef  # training gradients
    hardwareQuantity: URIRef  # hardware quantity
    dispute: URIRef  # dispute
    statedValue: URIRef  # stated value
    statedBy: URIRef  # stated by

    # attributes
    officialTitle: URIRef  # official title
    officialLanguage: URIRef  # official language
    event: URIRef  # event
    status: URIRef  # status
    statusAsOf: URIRef  # status as of
    start: URIRef  # start
    end: URIRef  # end
    value: URIRef  # value
    upper: URIRef  # upper value
    exactValue: URIRef  # exact value (beside a value written as xsd:double)
    exactUpper: URIRef  # exact upper value
    unit: URIRef  # unit
    currency: URIRef  # currency
    kind: URIRef  # kind
    region: URIRef  # region
    founded: URIRef  # founded
    focusArea: URIRef  # focus area
    architecture: URIRef  # architecture
    openWeights: URIRef  # open weights
    version: URIRef  # version
    released: URIRef  # released
    announced: URIRef  # announced
    launched: URIRef  # launched
    targetYear: URIRef  # target year
    provision: URIRef  # provision
    text: URIRef  # text
    year: URIRef  # year
    round: URIRef  # round
    date: URIRef  # date
    started: URIRef  # started
    purpose: URIRef  # purpose
    measure: URIRef  # measure
    period: URIRef  # period
    periodEnd: URIRef  # period end
    rank: URIRef  # rank
    scope: URIRef  # scope
    quote: URIRef  # quote
    englishTitle: URIRef  # English title
    series: URIRef  # series
    lead: URIRef  # lead investor
    role: URIRef  # role
    asOf: URIRef  # as of
    asOfApproximate: URIRef  # as-of date is approximate
    former: URIRef  # former
    category: URIRef  # category
    domain: URIRef  # domain
    task: URIRef  # task
    accessibility: URIRef  # accessibility
    license: URIRef  # license
    notabilityCriterion: URIRef  # notability criterion
    confidence: URIRef  # confidence
    priceYear: URIRef  # price year
    citedField: URIRef  # cited field
    locator: URIRef  # locator
    link: URIRef  # link
    disputedField: URIRef  # disputed field
    reason: URIRef  # reason
    credit: URIRef  # credit
    variantParameters: URIRef  # variant parameters
    issuedApproximate: URIRef  # publication date is approximate
    foundedApproximate: URIRef  # founding date is approximate
    releasedApproximate: URIRef  # release date is approximate
    announcedApproximate: URIRef  # announcement date is approximate
    statusAsOfApproximate: URIRef  # status date is approximate
    startApproximate: URIRef  # start is approximate
    endApproximate: URIRef  # end is approximate
    launchedApproximate: URIRef  # launch date is approximate
    dateApproximate: URIRef  # investment date is approximate
    startedApproximate: URIRef  # start date is approximate
    periodApproximate: URIRef  # period is approximate
    periodEndApproximate: URIRef  # period end is approximate

    # compute: accelerators and clusters (issue 20)
    Accelerator: URIRef  # accelerator
    ChipCount: URIRef  # chip count
    ComputeCluster: URIRef  # compute cluster
    buildsUpon: URIRef  # builds upon
    certainty: URIRef  # certainty
    chip: URIRef  # chip
    chipCount: URIRef  # chip count
    chipType: URIRef  # chip type
    chips: URIRef  # chips
    decommissioned: URIRef  # decommissioned
    decommissionedApproximate: URIRef  # decommissioning date is approximate
    dieSize: URIRef  # die size
    fabricatedBy: URIRef  # fabricated by
    firstOperational: URIRef  # first operational
    firstOperationalApproximate: URIRef  # first operational date is approximate
    fp16Performance: URIRef  # FP16 performance
    fp32Performance: URIRef  # FP32 performance
    fp4Performance: URIRef  # FP4 performance
    fp64Performance: URIRef  # FP64 performance
    fp8Performance: URIRef  # FP8 performance
    h100Equivalents: URIRef  # H100 equivalents
    hardwareCost: URIRef  # hardware cost
    int16Performance: URIRef  # INT16 performance
    int4Performance: URIRef  # INT4 performance
    int8Performance: URIRef  # INT8 performance
    internodeBandwidth: URIRef  # internode bandwidth
    intranodeBandwidth: URIRef  # intranode bandwidth
    location: URIRef  # location
    memory: URIRef  # memory
    memoryBandwidth: URIRef  # memory bandwidth
    ownedBy: URIRef  # owned by
    plannedOperational: URIRef  # planned operational
    plannedOperationalApproximate: URIRef  # planned operational date is approximate
    possibleDuplicate: URIRef  # possible duplicate
    possibleDuplicateOf: URIRef  # possible duplicate of
    power: URIRef  # power capacity
    processNode: URIRef  # process node
    releasePrice: URIRef  # release price
    sector: URIRef  # sector
    singleCluster: URIRef  # single cluster
    supersededBy: URIRef  # superseded by
    tdp: URIRef  # thermal design power
    tensorFp16Performance: URIRef  # tensor FP16/BF16 performance
    tf32Performance: URIRef  # TF32 performance
    trainedOn: URIRef  # trained on
    transistors: URIRef  # transistors
    usedBy: URIRef  # used by
    usedToTrain: URIRef  # used to train
    userGroup: URIRef  # user group
    usesChip: URIRef  # uses chip


def _read(name: str) -> str:
    return resources.files("asiaai_graph.rdf").joinpath(name).read_text(encoding="utf-8")


def ontology() -> Graph:
    """The ontology (``ontology.ttl``): classes and properties with English and Korean labels.

    Examples
    --------
    >>> from rdflib import RDFS, Literal
    >>> (AAG.Policy, RDFS.label, Literal("정책", lang="ko")) in ontology()
    True
    """
    return Graph().parse(data=_read("ontology.ttl"), format="turtle")


def shapes() -> Graph:
    """The SHACL shapes (``shapes.ttl``) the export conforms to, one node shape per class.

    Examples
    --------
    >>> from rdflib import RDF, URIRef
    >>> (URIRef("https://w3id.org/asiaai-graph/shapes#AIModelShape"), RDF.type,
    ...  URIRef("http://www.w3.org/ns/shacl#NodeShape")) in shapes()
    True
    """
    return Graph().parse(data=_read("shapes.ttl"), format="turtle")


def context(base: str = DEFAULT_BASE) -> dict[str, Any]:
    """The JSON-LD ``@context`` of the export (``context.jsonld``), with the records' prefix ``aagid:`` set to ``base``.

    Examples
    --------
    >>> ctx = context()
    >>> ctx["aag"], ctx["aagid"]
    ('https://w3id.org/asiaai-graph/ontology#', 'https://w3id.org/asiaai-graph/id/')
    """
    ctx: dict[str, Any] = json.loads(_read("context.jsonld"))["@context"]
    ctx["aagid"] = base
    return ctx


