"""The shipped ontology.ttl and shapes.ttl are generated from the schema and the mapping table; check they are current.

Labels and comments (English and Korean) and the alignments to other
vocabularies are written by hand in :data:`TERMS`; domains, ranges, property
types and every SHACL constraint are derived from :mod:`asiaai_graph.schema`
and :mod:`asiaai_graph.rdf.mapping`. When the schema changes, these tests fail;
regenerate both files with::

    python tests/test_rdf_files.py
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, get_args

from annotated_types import Ge, Le, MinLen

from asiaai_graph import schema
from asiaai_graph.version import __version__
from asiaai_graph.rdf.numbers import EXACT
from asiaai_graph.rdf.mapping import (
    AAG,
    CLASSES,
    ELI_DATES,
    ELI_PASSED_BY,
    ELI_TITLE,
    FIELDS,
    NODE_CLASSES,
    PREFIXES,
    QUALIFIED,
    QUALIFIERS,
    SUB_FIELDS,
    FieldMap,
)

RDF_DIR = Path(__file__).resolve().parent.parent / "asiaai_graph" / "rdf"
ONTOLOGY_IRI = "https://w3id.org/asiaai-graph/ontology"

#: term -> (English label, Korean label, English comment, Korean comment, alignments).
#: An alignment is a superclass / superproperty; "=x" is an owl:equivalentClass.
TERMS: dict[str, tuple[str, str, str, str, tuple[str, ...]]] = {
    'Entity': (
        'entity', '개체',
        'Anything the graph describes with names and cited sources; every record except a source.',
        '이름과 인용 출처를 가진, 그래프가 기술하는 모든 것 (출처를 제외한 모든 기록).',
        ('prov:Entity',),
    ),
    'Source': (
        'source', '출처',
        'A publication that records cite: an article, a report, a dataset. It carries its bibliographic data in Dublin Core terms.',
        '기록이 인용하는 간행물: 기사, 보고서, 데이터셋. 서지 정보는 Dublin Core 용어로 기술합니다.',
        ('schema:CreativeWork', 'prov:Entity'),
    ),
    'Country': (
        'country', '국가',
        'A country, identified by its ISO 3166-1 alpha-2 code (dcterms:identifier).',
        'ISO 3166-1 alpha-2 코드(dcterms:identifier)로 식별되는 국가.',
        ('aag:Entity', 'schema:Country'),
    ),
    'Place': (
        'place', '장소',
        'A city, province or region.',
        '도시, 성(省) 또는 지역.',
        ('aag:Entity', 'schema:Place'),
    ),
    'Organization': (
        'organization', '조직',
        'A company, startup, university, research lab, government or standards body.',
        '기업, 스타트업, 대학, 연구소, 정부 기관 또는 표준화 기구.',
        ('aag:Entity', 'org:Organization', 'schema:Organization'),
    ),
    'Person': (
        'person', '인물',
        'A person the sources name with a role.',
        '출처가 역할과 함께 언급하는 인물.',
        ('aag:Entity', 'schema:Person'),
    ),
    'AIModel': (
        'AI model', 'AI 모델',
        'An AI model or model family, with the figures its developers state.',
        'AI 모델 또는 모델 계열과 개발사가 밝힌 수치.',
        ('aag:Entity', 'schema:CreativeWork'),
    ),
    'Product': (
        'product', '제품',
        'A product or service: an assistant, an app, a platform, a device.',
        '제품 또는 서비스: 어시스턴트, 앱, 플랫폼, 기기.',
        ('aag:Entity', 'schema:Product'),
    ),
    'Policy': (
        'policy', '정책',
        'A national or city strategy, law, regulation, programme or funding scheme.',
        '국가 또는 도시의 전략, 법률, 규제, 프로그램 또는 지원 제도.',
        ('aag:Entity', 'schema:CreativeWork'),
    ),
    'Investment': (
        'investment', '투자',
        'Money committed: an equity round, an infrastructure build-out, a programme, a grant, an acquisition.',
        '약정된 자금: 지분 투자 라운드, 인프라 구축, 프로그램, 보조금, 인수.',
        ('aag:Entity',),
    ),
    'Partnership': (
        'partnership', '협력',
        'An agreement between organizations: who, when, what, where.',
        '조직 간의 협약: 누가, 언제, 무엇을, 어디에서.',
        ('aag:Entity',),
    ),
    'Indicator': (
        'indicator', '지표',
        'A figure about a country, place, organization, product or model in a period.',
        '특정 기간의 국가, 장소, 조직, 제품 또는 모델에 관한 수치.',
        ('aag:Entity',),
    ),
    'Quantity': (
        'quantity', '수량',
        'A stated number with its precision: exact, approximate, a bound or a range (see aag:qualifier).',
        '정밀도를 포함한 수치: 정확한 값, 근사치, 한계값 또는 범위 (aag:qualifier 참고).',
        ('schema:QuantitativeValue',),
    ),
    'Money': (
        'amount of money', '금액',
        'An amount of money in its original ISO 4217 currency, with its precision; nothing is converted.',
        '원래의 ISO 4217 통화로 표시된 금액과 그 정밀도. 환산하지 않습니다.',
        ('=schema:MonetaryAmount',),
    ),
    'Citation': (
        'citation', '인용',
        "A record's use of a source with a short quote as evidence: a qualified prov:Derivation whose prov:entity is the source.",
        '근거가 되는 짧은 인용문과 함께 기록이 출처를 사용한 것. prov:entity가 출처인 한정된 prov:Derivation입니다.',
        ('prov:Derivation',),
    ),
    'Affiliation': (
        'affiliation', '소속',
        "A person's role at an organization.",
        '조직에서 인물이 맡은 역할.',
        ('org:Membership',),
    ),
    'Goal': (
        'goal', '목표',
        'A goal a policy states: what, how much, by when.',
        '정책이 밝힌 목표: 무엇을, 얼마나, 언제까지.',
        (),
    ),
    'InvestorRole': (
        'investor role', '투자자 역할',
        'One investor in an investment, and whether it led the investment.',
        '투자에 참여한 한 투자자와 주도 여부.',
        (),
    ),
    'LifecycleEvent': (
        'lifecycle event', '정책 단계',
        'A dated step of a policy: proposed, passed, promulgated, in force, amended, repealed... (aag:event), at the precision its source states.',
        '정책의 날짜가 있는 단계: 발의, 의결, 공포, 시행, 개정, 폐지 등 (aag:event). 출처가 밝힌 정밀도로 기록합니다.',
        (),
    ),
    'Period': (
        'period', '기간',
        'A span of time a budget or plan covers; each end at its own precision.',
        '예산이나 계획이 다루는 기간. 시작과 끝은 각각의 정밀도로 기록합니다.',
        (),
    ),
    'Qualifier': (
        'qualifier', '수치 한정어',
        'How a stated number relates to the truth: exact, about, at least, more than, at most, less than, or between.',
        '밝혀진 수치가 실제 값과 맺는 관계: 정확히, 약, 이상, 초과, 이하, 미만, 사이.',
        (),
    ),
    'exact': (
        'exact', '정확히',
        'The stated number is exact.',
        '밝혀진 수치가 정확한 값입니다.',
        (),
    ),
    'about': (
        'about', '약',
        'The stated number is approximate ("약", "about").',
        '밝혀진 수치는 근사치입니다 ("약").',
        (),
    ),
    'atLeast': (
        'at least', '이상',
        'The true value is at least the stated number ("이상").',
        '실제 값이 밝혀진 수치 이상입니다.',
        (),
    ),
    'moreThan': (
        'more than', '초과',
        'The true value is more than the stated number ("넘는", "over").',
        '실제 값이 밝혀진 수치를 넘습니다.',
        (),
    ),
    'atMost': (
        'at most', '이하',
        'The true value is at most the stated number ("이하").',
        '실제 값이 밝혀진 수치 이하입니다.',
        (),
    ),
    'lessThan': (
        'less than', '미만',
        'The true value is less than the stated number ("미만").',
        '실제 값이 밝혀진 수치 미만입니다.',
        (),
    ),
    'between': (
        'between', '사이',
        'The true value lies between aag:value and aag:upper ("2~3만").',
        '실제 값이 aag:value와 aag:upper 사이에 있습니다 ("2~3만").',
        (),
    ),
    'inCountry': (
        'in country', '소속 국가',
        'The country a place or an organization is in.',
        '장소나 조직이 속한 국가.',
        (),
    ),
    'partOf': (
        'part of', '상위 항목',
        'The larger place, or the broader policy, this is part of.',
        '이것이 속한 더 큰 장소 또는 상위 정책.',
        ('dcterms:isPartOf',),
    ),
    'headquarteredIn': (
        'headquartered in', '본사 소재지',
        'The place where an organization has its headquarters.',
        '조직의 본사가 있는 장소.',
        ('schema:location',),
    ),
    'hasOfficeIn': (
        'has office in', '사무소 소재지',
        'A place or country where an organization has an office.',
        '조직이 사무소를 둔 장소나 국가.',
        (),
    ),
    'subsidiaryOf': (
        'subsidiary of', '모회사',
        'The parent organization of a subsidiary or unit.',
        '자회사나 사업 부문의 모회사.',
        ('org:subOrganizationOf',),
    ),
    'succeededBy': (
        'succeeded by', '후신',
        'The organization that took over from this one (a successor, not the same organization).',
        '이 조직을 이어받은 조직 (후신이며 같은 조직이 아님).',
        ('dcterms:isReplacedBy',),
    ),
    'hasMember': (
        'has member', '회원 조직',
        "A member of a consortium or alliance; of a body of states (the G7, an ASEAN ministers' meeting), a member country.",
        '컨소시엄이나 연합의 회원 조직. 국가들의 기구(G7, 아세안 장관회의)에서는 회원국.',
        ('org:hasMember',),
    ),
    'affiliatedWith': (
        'affiliated with', '소속 기관',
        'An organization a person works for or belongs to; details are on aag:affiliation.',
        '인물이 일하거나 속한 조직. 자세한 내용은 aag:affiliation에 있습니다.',
        ('org:memberOf', 'schema:affiliation'),
    ),
    'citizenOf': (
        'citizen of', '국적',
        "A person's country.",
        '인물의 국적 국가.',
        ('schema:nationality',),
    ),
    'developedBy': (
        'developed by', '개발사',
        'An organization that develops the model.',
        '모델을 개발한 조직.',
        ('dcterms:creator',),
    ),
    'hasContributor': (
        'contributor', '참여 기관',
        'An organization a source names on the model besides its developers, such as the affiliation of an author of its paper.',
        '개발사 외에 출처가 모델에 함께 적은 조직 (예: 논문 저자의 소속 기관).',
        ('dcterms:contributor',),
    ),
    'inFamily': (
        'in family', '모델 계열',
        'The model family this model belongs to.',
        '모델이 속한 모델 계열.',
        (),
    ),
    'basedOn': (
        'based on', '기반 모델',
        'The model this model was built from.',
        '이 모델의 기반이 된 모델.',
        ('schema:isBasedOn',),
    ),
    'succeeds': (
        'succeeds', '이전 모델',
        'The predecessor this model succeeds.',
        '이 모델이 계승한 이전 모델.',
        ('dcterms:replaces',),
    ),
    'madeBy': (
        'made by', '제조사',
        'An organization that makes or offers the product.',
        '제품을 만들거나 제공하는 조직.',
        ('schema:manufacturer',),
    ),
    'usesModel': (
        'uses model', '사용 모델',
        'An AI model the product uses.',
        '제품이 사용하는 AI 모델.',
        (),
    ),
    'offeredIn': (
        'offered in', '출시 시장',
        'A market where the product is offered.',
        '제품이 제공되는 시장.',
        ('schema:areaServed',),
    ),
    'editionOf': (
        'edition of', '원 제품',
        'The product this one is an edition of.',
        '이 제품이 에디션으로 속한 원 제품.',
        ('schema:isVariantOf',),
    ),
    'jurisdiction': (
        'jurisdiction', '관할 지역',
        'The country or place whose policy this is.',
        '정책을 시행하는 국가나 지역.',
        ('schema:legislationJurisdiction',),
    ),
    'issuedBy': (
        'issued by', '발행 기관',
        'A body or person that issued the policy.',
        '정책을 발표한 기관이나 인물.',
        ('dcterms:creator',),
    ),
    'modifies': (
        'modifies', '개정 대상',
        'A policy this policy changes.',
        '이 정책이 변경하는 정책.',
        ('schema:legislationChanges',),
    ),
    'investedIn': (
        'invested in', '투자 참여',
        'An investment an organization took part in as an investor; the lead flag is on aag:investor.',
        '조직이 투자자로 참여한 투자. 주도 여부는 aag:investor에 있습니다.',
        (),
    ),
    'investee': (
        'investee', '피투자사',
        'The organization that receives the investment.',
        '투자를 받는 조직.',
        (),
    ),
    'targets': (
        'targets', '투자 대상',
        'What an investment goes to: a country, place, organization or product.',
        '투자가 향하는 대상: 국가, 장소, 조직 또는 제품.',
        (),
    ),
    'partnerIn': (
        'partner in', '협력 참여',
        'A partnership an organization is a party to.',
        '조직이 당사자로 참여한 협력.',
        (),
    ),
    'locatedIn': (
        'located in', '협력 지역',
        'A country or place where the partnership takes place.',
        '협력이 이루어지는 국가나 장소.',
        ('schema:location',),
    ),
    'supports': (
        'supports', '지원 정책',
        'A policy the partnership supports.',
        '협력이 지원하는 정책.',
        (),
    ),
    'concerns': (
        'concerns', '관련 대상',
        'An organization, product or model a partnership or a policy is about.',
        '협력이나 정책이 다루는 조직, 제품 또는 모델.',
        (),
    ),
    'describes': (
        'describes', '지표 대상',
        'What the figure is about.',
        '지표가 다루는 대상.',
        ('schema:about',),
    ),
    'reportedBy': (
        'reported by', '발표 주체',
        'The organization or person that reported the figure.',
        '수치를 발표한 조직이나 인물.',
        ('prov:wasAttributedTo',),
    ),
    'affiliation': (
        'affiliation', '소속 정보',
        "A person's affiliation, with its role.",
        '인물의 소속과 역할.',
        (),
    ),
    'investor': (
        'investor', '투자자',
        'An investor in the investment, with the lead flag.',
        '투자의 투자자와 주도 여부.',
        (),
    ),
    'goal': (
        'goal', '목표',
        'A goal the policy states.',
        '정책이 밝힌 목표.',
        (),
    ),
    'organization': (
        'organization', '조직',
        'The organization of an affiliation or of an investor role.',
        '소속 또는 투자자 역할의 조직.',
        (),
    ),
    'parameters': (
        'parameters', '매개변수 수',
        "The model's parameter count.",
        '모델의 매개변수 수.',
        (),
    ),
    'activeParameters': (
        'active parameters', '활성 매개변수 수',
        'Parameters used per token (mixture-of-experts models).',
        '토큰마다 사용되는 매개변수 수 (전문가 혼합 모델).',
        (),
    ),
    'variantCount': (
        'variant count', '변형 모델 수',
        'How many variants the model family has.',
        '모델 계열의 변형 모델 수.',
        (),
    ),
    'trainingCost': (
        'training cost', '학습 비용',
        'What training the model cost, as stated.',
        '밝혀진 모델 학습 비용.',
        (),
    ),
    'trainingComputeCost': (
        'training compute cost', '학습 연산 비용',
        "An estimate of what the training compute cost, at a stated year's prices (Epoch AI: 2023 US dollars); another measure than a stated training cost.",
        '학습에 쓰인 연산의 비용 추정치 (특정 연도 가격 기준, Epoch AI는 2023년 달러). 밝혀진 학습 비용과는 다른 척도입니다.',
        (),
    ),
    'trainingDuration': (
        'training duration', '학습 기간',
        'How long training took.',
        '학습에 걸린 기간.',
        (),
    ),
    'budget': (
        'budget', '예산',
        "The policy's total budget.",
        '정책의 총예산.',
        (),
    ),
    'annualBudget': (
        'annual budget', '연간 예산',
        "The policy's budget per year.",
        '정책의 연간 예산.',
        (),
    ),
    'duration': (
        'duration', '기간',
        'How long the investment runs.',
        '투자가 이어지는 기간.',
        (),
    ),
    'postMoneyValuation': (
        'post-money valuation', '투자 후 기업가치',
        "The investee's valuation after the round.",
        '라운드 이후 피투자사의 기업가치.',
        (),
    ),
    'quantity': (
        'quantity', '수치',
        'The figure, when it is a count or a ratio.',
        '개수나 비율일 때의 수치.',
        (),
    ),
    'amount': (
        'amount', '금액',
        'The amount of money.',
        '금액.',
        (),
    ),
    'within': (
        'within', '기한',
        'The time within which a goal is to be met.',
        '목표를 달성할 기한.',
        (),
    ),
    'qualifier': (
        'qualifier', '한정어',
        'How the stated number relates to the truth.',
        '밝혀진 수치가 실제 값과 맺는 관계.',
        (),
    ),
    'equivalent': (
        'equivalent', '환산 금액',
        'A conversion to another currency that the source itself states.',
        '출처가 직접 밝힌 다른 통화로의 환산 금액.',
        (),
    ),
    'sequence': (
        'sequence', '순서',
        "An rdf:Seq giving the order of the values of one of this node's multi-valued properties (written when there are two or more values).",
        '이 노드의 다중 값 속성 하나의 값 순서를 담은 rdf:Seq (값이 둘 이상일 때 기록).',
        (),
    ),
    'sequenceOf': (
        'sequence of', '순서 대상 속성',
        'The property whose values the sequence orders (for aag:partnerIn, the subjects that point at the node).',
        '순서가 매겨지는 값의 속성 (aag:partnerIn이면 이 노드를 가리키는 주어들).',
        (),
    ),
    'value': (
        'value', '값',
        'The stated number; the lower bound when the qualifier is aag:between.',
        '밝혀진 수치. 한정어가 aag:between이면 하한값입니다.',
        ('schema:value',),
    ),
    'upper': (
        'upper value', '상한값',
        'The upper bound of a range (only with aag:between).',
        '범위의 상한값 (aag:between일 때만).',
        ('schema:maxValue',),
    ),
    'exactValue': (
        'exact value', '정확한 값',
        'The exact decimal text of aag:value when that is written as an xsd:double (a figure of 10^15 or more, '
        'or with more than 18 decimals, which not every SPARQL engine holds as an xsd:decimal): '
        'the stated figure, digit for digit.',
        'aag:value가 xsd:double로 쓰일 때 (10^15 이상이거나 소수 18자리를 넘어 모든 SPARQL 엔진이 '
        'xsd:decimal로 담지 못하는 수치) 그 정확한 십진 표기: 밝혀진 수치 그대로의 숫자.',
        (),
    ),
    'exactUpper': (
        'exact upper value', '정확한 상한값',
        'The exact decimal text of aag:upper when that is written as an xsd:double (see aag:exactValue).',
        'aag:upper가 xsd:double로 쓰일 때 그 정확한 십진 표기 (aag:exactValue 참조).',
        (),
    ),
    'unit': (
        'unit', '단위',
        'What is counted, when not obvious from the property (percent, month, person).',
        '속성만으로 분명하지 않을 때 세는 대상 (퍼센트, 개월, 명).',
        ('schema:unitText',),
    ),
    'currency': (
        'currency', '통화',
        'The ISO 4217 currency code.',
        'ISO 4217 통화 코드.',
        ('schema:currency',),
    ),
    'kind': (
        'kind', '종류',
        'The subtype of a record (company, llm, regulation, news_article...).',
        '기록의 하위 유형 (company, llm, regulation, news_article 등).',
        (),
    ),
    'region': (
        'region', '지역',
        "The country's UN M49 sub-region.",
        '국가가 속한 UN M49 하위 지역.',
        (),
    ),
    'founded': (
        'founded', '설립일',
        'When the organization was founded. Typed xsd:gYear, xsd:gYearMonth or xsd:date by the precision the source states.',
        '조직의 설립일. 출처가 밝힌 정밀도에 따라 xsd:gYear, xsd:gYearMonth 또는 xsd:date로 기록합니다.',
        ('schema:foundingDate',),
    ),
    'focusArea': (
        'focus area', '중점 분야',
        'A field the organization focuses on.',
        '조직이 집중하는 분야.',
        (),
    ),
    'architecture': (
        'architecture', '아키텍처',
        'The model architecture (e.g. mixture-of-experts).',
        '모델 아키텍처 (예: 전문가 혼합).',
        (),
    ),
    'openWeights': (
        'open weights', '가중치 공개 여부',
        "Whether the model's weights are published.",
        '모델 가중치의 공개 여부.',
        (),
    ),
    'version': (
        'version', '버전',
        'The model version.',
        '모델 버전.',
        ('schema:version',),
    ),
    'released': (
        'released', '출시일',
        'When the model was released. Typed xsd:gYear, xsd:gYearMonth or xsd:date by the precision the source states.',
        '모델 출시일. 출처가 밝힌 정밀도에 따라 xsd:gYear, xsd:gYearMonth 또는 xsd:date로 기록합니다.',
        ('schema:datePublished',),
    ),
    'announced': (
        'announced', '발표일',
        'When it was announced. Typed xsd:gYear, xsd:gYearMonth or xsd:date by the precision the source states.',
        '발표일. 출처가 밝힌 정밀도에 따라 xsd:gYear, xsd:gYearMonth 또는 xsd:date로 기록합니다.',
        (),
    ),
    'launched': (
        'launched', '출시일',
        'When the product launched. Typed xsd:gYear, xsd:gYearMonth or xsd:date by the precision the source states.',
        '제품 출시일. 출처가 밝힌 정밀도에 따라 xsd:gYear, xsd:gYearMonth 또는 xsd:date로 기록합니다.',
        (),
    ),
    'officialTitle': (
        'official title', '공식 명칭',
        'The title of the policy in its own language and script (aag:officialLanguage).',
        '정책의 원어 공식 명칭 (언어는 aag:officialLanguage).',
        ('schema:alternateName',),
    ),
    'officialLanguage': (
        'official language', '공식 명칭 언어',
        'The language of the official title (BCP 47).',
        '공식 명칭의 언어 (BCP 47).',
        (),
    ),
    'implementedBy': (
        'implemented by', '시행 기관',
        'A body that implements the policy.',
        '정책을 시행하는 기관.',
        (),
    ),
    'implements': (
        'implements', '시행 근거',
        'A policy this one implements (an enforcement decree implements its act; a plan implements a strategy).',
        '이 정책이 시행하는 상위 정책 (시행령은 법률을, 계획은 전략을 시행합니다).',
        ('schema:legislationChanges',),
    ),
    'supersedes': (
        'supersedes', '대체 대상',
        'A policy this one replaces.',
        '이 정책이 대체하는 정책.',
        ('schema:legislationChanges',),
    ),
    'lifecycleEvent': (
        'lifecycle event', '정책 단계',
        'A dated step of the policy (aag:LifecycleEvent).',
        '정책의 날짜가 있는 단계 (aag:LifecycleEvent).',
        (),
    ),
    'event': (
        'event', '단계',
        'Which step: proposed, consultation, passed, adopted, approved, announced, promulgated, published, partially_in_force, in_force, amended, superseded, repealed, expired, lapsed or withdrawn.',
        '단계의 종류: proposed(발의), consultation(의견 수렴), passed(의결), adopted(채택), approved(승인), announced(발표), promulgated(공포), published(공표), partially_in_force(일부 시행), in_force(시행), amended(개정), superseded(대체), repealed(폐지), expired(만료), lapsed(폐기), withdrawn(철회).',
        (),
    ),
    'status': (
        'status', '상태',
        'Where the policy stood, or how far the investment had gone, as of aag:statusAsOf or the source\'s date (in force, pending, in talks, completed...); for a compute cluster, whether it exists, is planned or is decommissioned.',
        '정책의 상태 또는 투자의 진행 정도 (aag:statusAsOf 또는 출처 날짜 기준: 시행 중, 계류 중, 협상 중, 완료 등). 컴퓨팅 클러스터는 운영 중, 계획 중, 폐기 여부.',
        (),
    ),
    'statusAsOf': (
        'status as of', '상태 기준일',
        'The date the source states the status for. Typed xsd:gYear, xsd:gYearMonth or xsd:date by the precision the source states.',
        '출처가 상태를 밝힌 기준일. 출처가 밝힌 정밀도에 따라 xsd:gYear, xsd:gYearMonth 또는 xsd:date로 기록합니다.',
        (),
    ),
    'budgetPeriod': (
        'budget period', '예산 기간',
        'The period the budget covers (aag:Period).',
        '예산이 다루는 기간 (aag:Period).',
        (),
    ),
    'start': (
        'start', '시작',
        'When the period starts. Typed xsd:gYear, xsd:gYearMonth or xsd:date by the precision the source states.',
        '기간의 시작. 출처가 밝힌 정밀도에 따라 xsd:gYear, xsd:gYearMonth 또는 xsd:date로 기록합니다.',
        ('schema:startDate',),
    ),
    'end': (
        'end', '끝',
        'When the period ends. Typed xsd:gYear, xsd:gYearMonth or xsd:date by the precision the source states.',
        '기간의 끝. 출처가 밝힌 정밀도에 따라 xsd:gYear, xsd:gYearMonth 또는 xsd:date로 기록합니다.',
        ('schema:endDate',),
    ),
    'targetYear': (
        'target year', '목표 연도',
        'The year the policy aims at.',
        '정책이 목표로 하는 연도.',
        (),
    ),
    'provision': (
        'provision', '주요 내용',
        'A provision of the policy.',
        '정책의 주요 내용.',
        (),
    ),
    'text': (
        'text', '내용',
        'What the goal is.',
        '목표의 내용.',
        (),
    ),
    'year': (
        'year', '연도',
        'The year by which the goal is to be met.',
        '목표를 달성할 연도.',
        (),
    ),
    'round': (
        'round', '투자 라운드',
        'The funding round (Series A, ...).',
        '투자 라운드 (시리즈 A 등).',
        (),
    ),
    'date': (
        'date', '일자',
        'When the investment was made or announced. Typed xsd:gYear, xsd:gYearMonth or xsd:date by the precision the source states.',
        '투자 일자. 출처가 밝힌 정밀도에 따라 xsd:gYear, xsd:gYearMonth 또는 xsd:date로 기록합니다.',
        ('dcterms:date',),
    ),
    'started': (
        'started', '시작일',
        'When the partnership started. Typed xsd:gYear, xsd:gYearMonth or xsd:date by the precision the source states.',
        '협력 시작일. 출처가 밝힌 정밀도에 따라 xsd:gYear, xsd:gYearMonth 또는 xsd:date로 기록합니다.',
        ('schema:startDate',),
    ),
    'purpose': (
        'purpose', '목적',
        'What the partnership is for.',
        '협력의 목적.',
        (),
    ),
    'measure': (
        'measure', '측정 항목',
        'What the indicator measures (private_ai_investment, llm_count, ...).',
        '지표가 측정하는 항목 (private_ai_investment, llm_count 등).',
        (),
    ),
    'period': (
        'period', '기간',
        'The period the figure is for (its start, when aag:periodEnd is given). Typed xsd:gYear, xsd:gYearMonth or xsd:date by the precision the source states.',
        '수치가 해당하는 기간 (aag:periodEnd가 있으면 시작). 출처가 밝힌 정밀도에 따라 xsd:gYear, xsd:gYearMonth 또는 xsd:date로 기록합니다.',
        (),
    ),
    'periodEnd': (
        'period end', '기간 종료',
        'The end of the period. Typed xsd:gYear, xsd:gYearMonth or xsd:date by the precision the source states.',
        '기간의 끝. 출처가 밝힌 정밀도에 따라 xsd:gYear, xsd:gYearMonth 또는 xsd:date로 기록합니다.',
        (),
    ),
    'rank': (
        'rank', '순위',
        'The rank, for ranking measures.',
        '순위 지표의 순위.',
        (),
    ),
    'scope': (
        'scope', '범위',
        'What the figure covers, in words.',
        '수치가 다루는 범위.',
        (),
    ),
    'quote': (
        'quote', '인용문',
        "A short quote from the source as evidence, tagged with the source's language.",
        '근거가 되는 출처의 짧은 인용문. 출처의 언어 태그를 붙입니다.',
        (),
    ),
    'englishTitle': (
        'English title', '영문 제목',
        'The title in English, when the source is in another language.',
        '출처가 다른 언어일 때의 영문 제목.',
        ('dcterms:alternative',),
    ),
    'series': (
        'series', '시리즈',
        'The newsletter or report series.',
        '뉴스레터나 보고서 시리즈.',
        (),
    ),
    'lead': (
        'lead investor', '주도 투자자 여부',
        'Whether this investor led the investment.',
        '이 투자자가 투자를 주도했는지 여부.',
        (),
    ),
    'role': (
        'role', '역할',
        "The person's role at the organization.",
        '조직에서 인물의 역할.',
        (),
    ),
    'asOf': (
        'as of', '기준 시점',
        'The date the source states the affiliation as of (a source cannot say who holds a role today).',
        '출처가 그 소속을 밝힌 기준 시점 (출처는 오늘의 소속을 말할 수 없습니다).',
        (),
    ),
    'asOfApproximate': (
        'as-of date is approximate', '기준 시점 추정 여부',
        "True when the date is an inference rather than printed by the source (EDTF's '~'); absent otherwise.",
        "날짜가 출처에 인쇄된 것이 아니라 추정한 값이면 true (EDTF의 '~'). 그렇지 않으면 생략합니다.",
        (),
    ),
    'former': (
        'former', '전직 여부',
        'True when the source describes the role as already over at the as-of date.',
        '출처가 기준 시점에 이미 끝난 역할로 기술하면 true.',
        (),
    ),
    'category': (
        'category', '부문',
        'The sector of an organization as a dataset classifies it (industry, academia, research collective, government).',
        '데이터셋이 분류한 조직의 부문 (산업, 학계, 연구 공동체, 정부).',
        (),
    ),
    'trainingCompute': (
        'training compute', '학습 연산량',
        'Floating-point operations used to train the model (unit FLOP), with the source\'s confidence.',
        '모델 학습에 쓰인 부동소수점 연산 수 (단위 FLOP)와 출처의 신뢰도.',
        (),
    ),
    'trainingDatasetSize': (
        'training dataset size', '학습 데이터 크기',
        "How large the training data is, in the source's unit (datapoints, words...).",
        '학습 데이터의 크기 (출처의 단위: 데이터 포인트, 단어 등).',
        (),
    ),
    'trainingTokens': (
        'training tokens', '학습 토큰 수',
        'How many tokens training saw, where the source counts tokens.',
        '출처가 토큰으로 센 학습 데이터의 양.',
        (),
    ),
    'trainingGradients': (
        'training gradients', '학습 그래디언트 수',
        "Epoch AI's training dataset size in gradients: the datapoints training processed, epochs counted; another measure than the dataset's size.",
        'Epoch AI가 그래디언트 단위로 센 학습 데이터의 양 (에포크를 포함해 처리한 데이터 포인트 수). 데이터셋 크기와는 다른 척도입니다.',
        (),
    ),
    'hardwareQuantity': (
        'hardware quantity', '하드웨어 수량',
        'How many of the training hardware\'s chips were used.',
        '학습에 쓰인 칩의 개수.',
        (),
    ),
    'domain': (
        'domain', '분야',
        "A domain of the model in the source's words (Epoch AI: Language, Vision, Multimodal...).",
        '출처가 분류한 모델의 분야 (Epoch AI: Language, Vision, Multimodal 등).',
        (),
    ),
    'task': (
        'task', '과제',
        "A task of the model in the source's words (Epoch AI: Language modeling/generation, Chat...).",
        '출처가 분류한 모델의 과제 (Epoch AI: Language modeling/generation, Chat 등).',
        (),
    ),
    'accessibility': (
        'accessibility', '공개 방식',
        'How the model can be used: open weights (unrestricted, restricted use, non-commercial), API, hosted access, or unreleased.',
        '모델을 쓸 수 있는 방식: 가중치 공개 (무제한, 용도 제한, 비상업), API, 호스팅 접근, 미공개.',
        (),
    ),
    'license': (
        'license', '라이선스',
        'The licence the model\'s weights are published under, as the source names it.',
        '출처가 밝힌 모델 가중치의 공개 라이선스.',
        ('dcterms:license',),
    ),
    'notabilityCriterion': (
        'notability criterion', '주목 기준',
        'Why Epoch AI counts the model as notable (SOTA improvement, training cost, highly cited...).',
        'Epoch AI가 주목할 만한 모델로 꼽는 이유 (SOTA 개선, 학습 비용, 높은 인용 등).',
        (),
    ),
    'confidence': (
        'confidence', '신뢰도',
        "The source's own confidence in an estimate, in its words (Epoch AI: Confident, Likely, Speculative).",
        '추정치에 대한 출처 자체의 신뢰도 (Epoch AI: Confident, Likely, Speculative).',
        (),
    ),
    'priceYear': (
        'price year', '가격 기준 연도',
        'For an inflation-adjusted amount, the year whose prices it is in ("2023 USD").',
        '물가 조정된 금액의 가격 기준 연도 ("2023년 달러").',
        (),
    ),
    'citedField': (
        'cited field', '근거 필드',
        'A field of the record that the citation states (parameters, released, developers...); none means the record itself.',
        '인용이 근거가 되는 기록의 필드 (parameters, released, developers 등). 없으면 기록 자체를 뜻합니다.',
        (),
    ),
    'locator': (
        'locator', '위치',
        "Where in the source the statement is: a dataset's row, by the dataset's own key.",
        '출처 안에서 진술이 있는 위치: 데이터셋의 행 (데이터셋 자체의 키).',
        (),
    ),
    'link': (
        'link', '링크',
        'A link the source gives as its own evidence (a dataset row\'s paper or model page).',
        '출처가 스스로 근거로 제시한 링크 (데이터셋 행의 논문이나 모델 페이지).',
        (),
    ),
    'dispute': (
        'dispute', '이견',
        'A field on which sources disagree.',
        '출처들이 서로 다르게 말하는 필드.',
        (),
    ),
    'Dispute': (
        'dispute', '이견',
        "Sources that disagree on a field: every stated value with its sources, and why the record's value is preferred.",
        '출처들이 서로 다르게 말하는 필드: 출처별로 밝힌 모든 값과, 기록의 값을 택한 이유.',
        (),
    ),
    'StatedValue': (
        'stated value', '진술된 값',
        'One value of a disputed field as one or more sources state it (rdf:value, as JSON).',
        '이견이 있는 필드에 대해 하나 이상의 출처가 밝힌 값 (rdf:value, JSON).',
        (),
    ),
    'disputedField': (
        'disputed field', '이견 필드',
        'The name of the field the sources disagree on.',
        '출처들이 서로 다르게 말하는 필드의 이름.',
        (),
    ),
    'statedValue': (
        'stated value', '진술된 값',
        'A value of the disputed field with the sources that state it.',
        '이견이 있는 필드의 값과 그 값을 밝힌 출처.',
        (),
    ),
    'statedBy': (
        'stated by', '진술 출처',
        'A source that states this value.',
        '이 값을 밝힌 출처.',
        (),
    ),
    'credit': (
        'credit', '출처 표시',
        'The attribution the source asks its users to give, in its own words.',
        '출처가 이용자에게 요청하는 출처 표시 문구 (원문 그대로).',
        (),
    ),
    'variantParameters': (
        'variant parameters', '변형 모델 크기',
        "For a model family, the parameter counts of its variants as the source lists them.",
        '모델 계열의 변형 모델별 매개변수 수 (출처가 나열한 대로).',
        (),
    ),
    'reason': (
        'reason', '선택 이유',
        "Why the record's value is preferred over the others.",
        '다른 값들 대신 기록의 값을 택한 이유.',
        (),
    ),
    'issuedApproximate': (
        'publication date is approximate', '발행일 추정 여부',
        "True when the date is an inference rather than printed by the source (EDTF's '~'); absent otherwise.",
        "날짜가 출처에 인쇄된 것이 아니라 추정한 값이면 true (EDTF의 '~'). 그렇지 않으면 생략합니다.",
        (),
    ),
    'foundedApproximate': (
        'founding date is approximate', '설립일 추정 여부',
        "True when the date is an inference rather than printed by the source (EDTF's '~'); absent otherwise.",
        "날짜가 출처에 인쇄된 것이 아니라 추정한 값이면 true (EDTF의 '~'). 그렇지 않으면 생략합니다.",
        (),
    ),
    'releasedApproximate': (
        'release date is approximate', '출시일 추정 여부',
        "True when the date is an inference rather than printed by the source (EDTF's '~'); absent otherwise.",
        "날짜가 출처에 인쇄된 것이 아니라 추정한 값이면 true (EDTF의 '~'). 그렇지 않으면 생략합니다.",
        (),
    ),
    'announcedApproximate': (
        'announcement date is approximate', '발표일 추정 여부',
        "True when the date is an inference rather than printed by the source (EDTF's '~'); absent otherwise.",
        "날짜가 출처에 인쇄된 것이 아니라 추정한 값이면 true (EDTF의 '~'). 그렇지 않으면 생략합니다.",
        (),
    ),
    'launchedApproximate': (
        'launch date is approximate', '출시일 추정 여부',
        "True when the date is an inference rather than printed by the source (EDTF's '~'); absent otherwise.",
        "날짜가 출처에 인쇄된 것이 아니라 추정한 값이면 true (EDTF의 '~'). 그렇지 않으면 생략합니다.",
        (),
    ),
    'statusAsOfApproximate': (
        'status date is approximate', '상태 기준일 추정 여부',
        "True when the date is an inference rather than printed by the source (EDTF's '~'); absent otherwise.",
        "날짜가 출처에 인쇄된 것이 아니라 추정한 값이면 true (EDTF의 '~'). 그렇지 않으면 생략합니다.",
        (),
    ),
    'startApproximate': (
        'start is approximate', '시작 추정 여부',
        "True when the date is an inference rather than printed by the source (EDTF's '~'); absent otherwise.",
        "날짜가 출처에 인쇄된 것이 아니라 추정한 값이면 true (EDTF의 '~'). 그렇지 않으면 생략합니다.",
        (),
    ),
    'endApproximate': (
        'end is approximate', '끝 추정 여부',
        "True when the date is an inference rather than printed by the source (EDTF's '~'); absent otherwise.",
        "날짜가 출처에 인쇄된 것이 아니라 추정한 값이면 true (EDTF의 '~'). 그렇지 않으면 생략합니다.",
        (),
    ),
    'dateApproximate': (
        'investment date is approximate', '투자 일자 추정 여부',
        "True when the date is an inference rather than printed by the source (EDTF's '~'); absent otherwise.",
        "날짜가 출처에 인쇄된 것이 아니라 추정한 값이면 true (EDTF의 '~'). 그렇지 않으면 생략합니다.",
        (),
    ),
    'startedApproximate': (
        'start date is approximate', '시작일 추정 여부',
        "True when the date is an inference rather than printed by the source (EDTF's '~'); absent otherwise.",
        "날짜가 출처에 인쇄된 것이 아니라 추정한 값이면 true (EDTF의 '~'). 그렇지 않으면 생략합니다.",
        (),
    ),
    'periodApproximate': (
        'period is approximate', '기간 추정 여부',
        "True when the date is an inference rather than printed by the source (EDTF's '~'); absent otherwise.",
        "날짜가 출처에 인쇄된 것이 아니라 추정한 값이면 true (EDTF의 '~'). 그렇지 않으면 생략합니다.",
        (),
    ),
    'periodEndApproximate': (
        'period end is approximate', '기간 종료 추정 여부',
        "True when the date is an inference rather than printed by the source (EDTF's '~'); absent otherwise.",
        "날짜가 출처에 인쇄된 것이 아니라 추정한 값이면 true (EDTF의 '~'). 그렇지 않으면 생략합니다.",
        (),
    ),
    # --- compute: accelerators (chips) and clusters (issue 20) ---
    'Accelerator': (
        'accelerator', '가속기',
        'An AI accelerator: a GPU, TPU, NPU or other chip that AI models are trained or run on.',
        'AI 모델을 학습하거나 실행하는 GPU, TPU, NPU 등의 칩.',
        ('aag:Entity', 'schema:Product'),
    ),
    'ComputeCluster': (
        'compute cluster', '컴퓨팅 클러스터',
        'An AI compute cluster: a supercomputer, a GPU cluster or an AI data centre, existing or planned.',
        'AI 컴퓨팅 클러스터: 운영 중이거나 계획된 슈퍼컴퓨터, GPU 클러스터 또는 AI 데이터센터.',
        ('aag:Entity',),
    ),
    'ChipCount': (
        'chip count', '칩 수량',
        'One kind of chip in a cluster and how many of it the source states.',
        '클러스터에 들어간 칩 한 종류와 출처가 밝힌 그 수량.',
        (),
    ),
    'trainedOn': (
        'trained on', '학습 하드웨어',
        'The accelerator a model was trained on.',
        '모델 학습에 쓰인 가속기(칩).',
        (),
    ),
    'usedToTrain': (
        'used to train', '학습에 쓰인 모델',
        'A model the source says was trained on this accelerator.',
        '출처가 이 가속기로 학습했다고 밝힌 모델.',
        (),
    ),
    'fabricatedBy': (
        'fabricated by', '파운드리',
        'The foundry that fabricates the chip.',
        '칩을 생산하는 파운드리.',
        (),
    ),
    'ownedBy': (
        'owned by', '소유 기관',
        'An organization that owns the cluster.',
        '클러스터를 소유한 기관.',
        (),
    ),
    'usedBy': (
        'used by', '이용 기관',
        'An organization that uses the cluster.',
        '클러스터를 이용하는 기관.',
        (),
    ),
    'usesChip': (
        'uses chip', '사용 칩',
        'A kind of chip the cluster holds.',
        '클러스터에 들어간 칩의 종류.',
        (),
    ),
    'buildsUpon': (
        'builds upon', '기반 클러스터',
        'An earlier cluster or phase this one extends.',
        '이 클러스터가 확장한 이전 클러스터 또는 단계.',
        (),
    ),
    'supersededBy': (
        'superseded by', '후속 클러스터',
        'A later cluster or phase that supersedes this one.',
        '이 클러스터를 대체하는 이후 클러스터 또는 단계.',
        (),
    ),
    'possibleDuplicateOf': (
        'possible duplicate of', '중복 가능 항목',
        'Another cluster record that may describe the same hardware, as the source flags it.',
        '출처가 같은 하드웨어를 기술할 수 있다고 표시한 다른 클러스터 기록.',
        (),
    ),
    'chip': (
        'chip', '칩',
        'The accelerator a chip count counts.',
        '칩 수량이 세는 가속기.',
        (),
    ),
    'chips': (
        'chips', '칩 구성',
        'The kinds of chip in a cluster, each with its quantity.',
        '클러스터에 들어간 칩의 종류와 각 수량.',
        (),
    ),
    'releasePrice': (
        'release price', '출시 가격',
        'The price at release, in its currency.',
        '출시 당시 가격(통화 포함).',
        (),
    ),
    'fp64Performance': (
        'FP64 performance', 'FP64 성능',
        'Peak operations per second at FP64 (FLOP/s).',
        'FP64 기준 최대 초당 연산 수(FLOP/s).',
        (),
    ),
    'fp32Performance': (
        'FP32 performance', 'FP32 성능',
        'Peak operations per second at FP32 (FLOP/s).',
        'FP32 기준 최대 초당 연산 수(FLOP/s).',
        (),
    ),
    'tf32Performance': (
        'TF32 performance', 'TF32 성능',
        'Peak operations per second at TF32 (FLOP/s).',
        'TF32 기준 최대 초당 연산 수(FLOP/s).',
        (),
    ),
    'fp16Performance': (
        'FP16 performance', 'FP16 성능',
        'Peak operations per second at FP16 (FLOP/s).',
        'FP16 기준 최대 초당 연산 수(FLOP/s).',
        (),
    ),
    'tensorFp16Performance': (
        'tensor FP16/BF16 performance', 'tensor FP16/BF16 성능',
        'Peak operations per second at tensor FP16/BF16 (FLOP/s).',
        'tensor FP16/BF16 기준 최대 초당 연산 수(FLOP/s).',
        (),
    ),
    'fp8Performance': (
        'FP8 performance', 'FP8 성능',
        'Peak operations per second at FP8 (FLOP/s).',
        'FP8 기준 최대 초당 연산 수(FLOP/s).',
        (),
    ),
    'fp4Performance': (
        'FP4 performance', 'FP4 성능',
        'Peak operations per second at FP4 (FLOP/s).',
        'FP4 기준 최대 초당 연산 수(FLOP/s).',
        (),
    ),
    'int16Performance': (
        'INT16 performance', 'INT16 성능',
        'Peak operations per second at INT16 (OP/s).',
        'INT16 기준 최대 초당 연산 수(OP/s).',
        (),
    ),
    'int8Performance': (
        'INT8 performance', 'INT8 성능',
        'Peak operations per second at INT8 (OP/s).',
        'INT8 기준 최대 초당 연산 수(OP/s).',
        (),
    ),
    'int4Performance': (
        'INT4 performance', 'INT4 성능',
        'Peak operations per second at INT4 (OP/s).',
        'INT4 기준 최대 초당 연산 수(OP/s).',
        (),
    ),
    'memory': (
        'memory', '메모리',
        'Memory per board (bytes).',
        '보드당 메모리(바이트).',
        (),
    ),
    'memoryBandwidth': (
        'memory bandwidth', '메모리 대역폭',
        'Memory bandwidth (bytes per second).',
        '메모리 대역폭(초당 바이트).',
        (),
    ),
    'intranodeBandwidth': (
        'intranode bandwidth', '노드 내 대역폭',
        'Bandwidth between chips of one node (bytes per second).',
        '한 노드 안 칩 사이의 대역폭(초당 바이트).',
        (),
    ),
    'internodeBandwidth': (
        'internode bandwidth', '노드 간 대역폭',
        'Bandwidth between nodes (bits per second).',
        '노드 사이의 대역폭(초당 비트).',
        (),
    ),
    'tdp': (
        'thermal design power', '열설계전력',
        'Thermal design power (watts).',
        '열설계전력(와트).',
        (),
    ),
    'processNode': (
        'process node', '공정',
        'The process size the chip is made at (nanometres).',
        '칩의 제조 공정 크기(나노미터).',
        (),
    ),
    'dieSize': (
        'die size', '다이 크기',
        'The area of the die (square millimetres).',
        '다이 면적(제곱밀리미터).',
        (),
    ),
    'transistors': (
        'transistors', '트랜지스터 수',
        'The number of transistors, in the unit the source uses.',
        '트랜지스터 수(출처의 단위).',
        (),
    ),
    'chipCount': (
        'chip count', '칩 수',
        'The total number of AI chips in the cluster.',
        '클러스터의 AI 칩 총수.',
        (),
    ),
    'h100Equivalents': (
        'H100 equivalents', 'H100 환산',
        "The cluster's performance in units of NVIDIA H100 chips, as the source computes it.",
        '출처가 계산한 클러스터 성능(NVIDIA H100 칩 개수로 환산).',
        (),
    ),
    'power': (
        'power capacity', '전력 용량',
        'Power capacity (megawatts).',
        '전력 용량(메가와트).',
        (),
    ),
    'hardwareCost': (
        'hardware cost', '하드웨어 비용',
        "What the cluster's hardware cost, in its currency.",
        '클러스터 하드웨어 비용(통화 포함).',
        (),
    ),
    'chipType': (
        'chip type', '칩 유형',
        "The kind of chip in the source's words (GPU, TPU, NPU...).",
        '출처가 쓴 칩의 유형(GPU, TPU, NPU 등).',
        (),
    ),
    'certainty': (
        'certainty', '확실성',
        'How sure the source is of the cluster as stated (confirmed, likely, unlikely).',
        '출처가 밝힌 내용에 대한 확실성(확인, 가능성 높음, 가능성 낮음).',
        (),
    ),
    'userGroup': (
        'user group', '이용자 집단',
        'Users the source names without naming an organization (cloud customers, academia).',
        '출처가 기관을 밝히지 않고 언급한 이용자(클라우드 고객, 학계 등).',
        (),
    ),
    'location': (
        'location', '위치',
        "Where the cluster stands, in the source's words.",
        '출처의 표현 그대로의 클러스터 위치.',
        (),
    ),
    'firstOperational': (
        'first operational', '최초 가동일',
        'When the cluster first ran.',
        '클러스터가 처음 가동된 날짜.',
        (),
    ),
    'plannedOperational': (
        'planned operational', '가동 예정일',
        'When a planned cluster is to run.',
        '계획된 클러스터의 가동 예정 시점.',
        (),
    ),
    'decommissioned': (
        'decommissioned', '폐기일',
        'When the cluster was taken out of service.',
        '클러스터가 운영을 종료한 날짜.',
        (),
    ),
    'singleCluster': (
        'single cluster', '단일 클러스터',
        'Whether the source counts it as one cluster rather than several sites or systems.',
        '출처가 여러 사이트나 시스템이 아니라 하나의 클러스터로 보는지 여부.',
        (),
    ),
    'sector': (
        'sector', '부문',
        'Who runs the cluster: private, public, or both.',
        '클러스터 운영 주체: 민간, 공공 또는 민관 합동.',
        (),
    ),
    'possibleDuplicate': (
        'possible duplicate', '중복 가능',
        'True when the source flags the record as maybe describing a cluster another record counts.',
        '출처가 다른 기록과 같은 클러스터일 수 있다고 표시하면 true.',
        (),
    ),
    'firstOperationalApproximate': (
        'first operational date is approximate', '최초 가동일 추정 여부',
        "True when the date is an inference rather than printed by the source (EDTF's '~'); absent otherwise.",
        "날짜가 출처에 인쇄된 것이 아니라 추정한 값이면 true (EDTF의 '~'). 그렇지 않으면 생략합니다.",
        (),
    ),
    'plannedOperationalApproximate': (
        'planned operational date is approximate', '가동 예정일 추정 여부',
        "True when the date is an inference rather than printed by the source (EDTF's '~'); absent otherwise.",
        "날짜가 출처에 인쇄된 것이 아니라 추정한 값이면 true (EDTF의 '~'). 그렇지 않으면 생략합니다.",
        (),
    ),
    'decommissionedApproximate': (
        'decommissioning date is approximate', '폐기일 추정 여부',
        "True when the date is an inference rather than printed by the source (EDTF's '~'); absent otherwise.",
        "날짜가 출처에 인쇄된 것이 아니라 추정한 값이면 true (EDTF의 '~'). 그렇지 않으면 생략합니다.",
        (),
    ),
}

SUB_MODELS: dict[str, type[Any]] = {
    "quantity": schema.Quantity,
    "money": schema.Money,
    "citation": schema.Citation,
    "affiliation": schema.Affiliation,
    "goal": schema.Goal,
    "investor": schema.InvestorRole,
    "event": schema.LifecycleEvent,
    "period": schema.Period,
    "dispute": schema.Dispute,
    "stated": schema.StatedValue,
    "chip_count": schema.ChipCount,
}
#: Sub-record reference fields -> the record types they point at.
SUB_TARGETS = {
    ("citation", "source"): ("source",),
    ("affiliation", "organization"): ("organization",),
    ("investor", "organization"): ("organization",),
    ("stated", "sources"): ("source",),
    ("chip_count", "chip"): ("accelerator",),
}
DATE_UNION = "[ a rdfs:Datatype ; owl:unionOf ( xsd:gYear xsd:gYearMonth xsd:date ) ]"
_LITERAL_RANGES = {
    "str": "xsd:string", "strs": "xsd:string", "lang": "rdf:langString", "doc_lang": "rdf:langString",
    "int": "xsd:integer", "bool": "xsd:boolean", "decimal": "[ a rdfs:Datatype ; owl:unionOf ( xsd:decimal xsd:double ) ]",
    "date": DATE_UNION,
    "language": "xsd:language", "json": "rdf:JSON",
}
SHAPE_NS = "https://w3id.org/asiaai-graph/shapes#"


def pname(iri: str) -> str:
    spaces = {**PREFIXES, "sh": "http://www.w3.org/ns/shacl#", "aags": SHAPE_NS}
    for prefix, ns in sorted(spaces.items(), key=lambda kv: -len(kv[1])):
        if iri.startswith(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return f"<{iri}>"


def quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _fields() -> list[tuple[str, FieldMap, type[Any], dict[str, tuple[str, ...]]]]:
    """(owner class IRI, field map, model, ref field -> target types) for every mapped field."""
    out = []
    for rt, model in schema.RECORD_TYPES.items():
        targets = {r.field: r.targets for r in model.refs}
        out += [(CLASSES[rt], fm, model, targets) for fm in FIELDS[rt]]
    for kind, model in SUB_MODELS.items():
        targets = {f: t for (k, f), t in SUB_TARGETS.items() if k == kind}
        out += [(NODE_CLASSES[kind], fm, model, targets) for fm in SUB_FIELDS[kind]]
    return out


def _qualified_target(rt: str, field: str) -> str:
    """The class a qualified relation (a sub-record's key, like an investor's organization) points at."""
    (ref,) = [r for r in schema.RECORD_TYPES[rt].refs if r.field == field]
    return _union([pname(CLASSES[t]) for t in ref.targets])


def usage() -> dict[str, tuple[str, list[str], list[str]]]:
    """aag property -> (OWL type, domain classes, range classes), from the mapping."""
    props: dict[str, tuple[str, list[str], list[str]]] = {}

    def add(pred: str, owl_type: str, domain: list[str], range_: list[str]) -> None:
        if not pred.startswith(AAG):
            return
        name = pred[len(AAG):]
        _, doms, rngs = props.setdefault(name, (owl_type, [], []))
        doms += [d for d in domain if d not in doms]
        rngs += [r for r in range_ if r not in rngs]

    for owner, fm, _, targets in _fields():
        cls = pname(owner)
        kind = fm.kind
        if kind == "date":
            add(fm.arg, "owl:DatatypeProperty", [cls], ["xsd:boolean"])
        if not fm.predicate.startswith(AAG):
            continue
        if kind in ("ref", "refs"):
            add(fm.predicate, "owl:ObjectProperty", [cls], [pname(CLASSES[t]) for t in targets[fm.field]])
        elif kind == "rev_refs":
            add(fm.predicate, "owl:ObjectProperty", [pname(CLASSES[t]) for t in targets[fm.field]], [cls])
        elif kind in ("node", "nodes"):
            add(fm.predicate, "owl:ObjectProperty", [cls], [pname(NODE_CLASSES[fm.arg])])
        elif kind == "qualifier":
            add(fm.predicate, "owl:ObjectProperty", [cls], ["aag:Qualifier"])
        elif kind in _LITERAL_RANGES:
            add(fm.predicate, "owl:DatatypeProperty", [cls], [_LITERAL_RANGES[kind]])
            if kind == "decimal":  # the exact text beside a figure written as a double
                add(EXACT[fm.predicate], "owl:DatatypeProperty", [cls], ["xsd:string"])
        else:
            raise AssertionError(f"{fm} needs a rule in usage()")
    for (rt, field), (pred, _, reverse) in QUALIFIED.items():
        owner, target = pname(CLASSES[rt]), _qualified_target(rt, field)
        add(pred, "owl:ObjectProperty", [target if reverse else owner], [owner if reverse else target])
    add(AAG + "sequence", "owl:ObjectProperty", [], ["rdf:Seq"])
    add(AAG + "sequenceOf", "owl:ObjectProperty", ["rdf:Seq"], ["rdf:Property"])
    return props


def _union(items: list[str]) -> str:
    return items[0] if len(items) == 1 else "[ a owl:Class ; owl:unionOf ( " + " ".join(items) + " ) ]"


def _block(lines: list[str]) -> str:
    return "\n" + " ;\n    ".join(lines) + " .\n"


def _described(name: str, owl_type: str) -> list[str]:
    en, ko, comment_en, comment_ko, _ = TERMS[name]
    return [
        f"aag:{name} a {owl_type}",
        f"rdfs:label {quote(en)}@en, {quote(ko)}@ko",
        f"rdfs:comment {quote(comment_en)}@en,\n        {quote(comment_ko)}@ko",
    ]


def build_ontology() -> str:
    """The text of ontology.ttl."""
    classes = [n for n in TERMS if n[0].isupper()]
    individuals = [iri[len(AAG):] for iri in QUALIFIERS.values()]
    props = usage()
    missing = sorted((set(classes) | set(individuals) | set(props)) - set(TERMS))
    unused = sorted(set(TERMS) - set(classes) - set(individuals) - set(props))
    assert not missing, f"add labels and comments for {missing} to TERMS"
    assert not unused, f"TERMS describes {unused}, which the mapping no longer uses"
    spaces = {**PREFIXES, "vann": "http://purl.org/vocab/vann/"}
    out = [
        "# The asiaai_graph ontology: classes and properties of the Asian AI knowledge graph, with\n"
        "# English and Korean labels; aligned to schema.org, W3C ORG, PROV-O, Dublin Core terms and SKOS.\n"
        "# Records are IRIs under a configurable base (default https://w3id.org/asiaai-graph/id/); the\n"
        "# nodes a record owns are fragments of its IRI, e.g. <https://w3id.org/asiaai-graph/id/deepseek-v3#parameters>.\n"
        "# Generated by tests/test_rdf_files.py from the schema and asiaai_graph/rdf/mapping.py.\n",
        "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(spaces.items())),
        _block([
            f"<{ONTOLOGY_IRI}> a owl:Ontology",
            'dcterms:title "asiaai_graph ontology"@en, "asiaai_graph 온톨로지"@ko',
            'rdfs:label "asiaai_graph ontology"@en, "asiaai_graph 온톨로지"@ko',
            "rdfs:comment " + quote(
                "Classes and properties of asiaai_graph, a curated, typed, provenance-backed knowledge graph of the "
                "players in Asian AI. Every record cites its sources (prov:wasDerivedFrom, with quotes on "
                "prov:qualifiedDerivation); numbers keep their precision (aag:qualifier), dates theirs "
                "(xsd:gYear, xsd:gYearMonth or xsd:date, and the ...Approximate flags)."
            ) + "@en,\n        " + quote(
                "아시아 AI 관련 주체를 다루는, 출처가 뒷받침하는 큐레이션 지식 그래프 asiaai_graph의 클래스와 속성. "
                "모든 기록은 출처를 인용하고(prov:wasDerivedFrom, 인용문은 prov:qualifiedDerivation), 수치는 "
                "정밀도(aag:qualifier)를, 날짜는 정밀도(xsd:gYear, xsd:gYearMonth, xsd:date와 ...Approximate 표시)를 유지합니다."
            ) + "@ko",
            "dcterms:license <https://opensource.org/licenses/MIT>",
            f'owl:versionInfo "{__version__}"',
            'vann:preferredNamespacePrefix "aag"',
            f'vann:preferredNamespaceUri "{AAG}"',
        ]),
        "\n# --- classes ---\n",
    ]
    defined = f"rdfs:isDefinedBy <{ONTOLOGY_IRI}>"
    for name in classes:
        lines = _described(name, "owl:Class")
        sup = [a for a in TERMS[name][4] if not a.startswith("=")]
        eq = [a[1:] for a in TERMS[name][4] if a.startswith("=")]
        if sup:
            lines.append("rdfs:subClassOf " + ", ".join(sup))
        if eq:
            lines.append("owl:equivalentClass " + ", ".join(eq))
        out.append(_block([*lines, defined]))
    out.append("\n# --- qualifiers of quantities and money (named individuals) ---\n")
    for name in individuals:
        out.append(_block([*_described(name, "owl:NamedIndividual, aag:Qualifier"), defined]))
    for owl_type, header in (("owl:ObjectProperty", "object properties: relations, and links to owned nodes"),
                             ("owl:DatatypeProperty", "datatype properties: attributes")):
        out.append(f"\n# --- {header} ---\n")
        for name in sorted(n for n, (t, _, _) in props.items() if t == owl_type):
            _, domain, range_ = props[name]
            lines = _described(name, owl_type)
            if domain:
                lines.append("rdfs:domain " + _union(domain))
            if range_:
                lines.append("rdfs:range " + (_union(range_) if owl_type == "owl:ObjectProperty" or len(range_) == 1
                                              else "rdfs:Literal"))
            if TERMS[name][4]:
                lines.append("rdfs:subPropertyOf " + ", ".join(TERMS[name][4]))
            out.append(_block([*lines, defined]))
    out.append("\n# --- terms reused from other vocabularies, declared for OWL 2 DL tools ---\n\n")
    reused: dict[str, set[str]] = {"owl:AnnotationProperty": set(), "owl:ObjectProperty": set()}
    for _, fm, _, _ in _fields():
        if not fm.predicate.startswith(AAG) and not fm.predicate.startswith(("http://www.w3.org/2000/01/rdf-schema#",
                                                                              "http://www.w3.org/2002/07/owl#")):
            object_kind = fm.kind in ("ref", "refs", "node", "nodes", "agent")
            reused["owl:ObjectProperty" if object_kind else "owl:AnnotationProperty"].add(pname(fm.predicate))
    reused["owl:ObjectProperty"].add("prov:wasDerivedFrom")
    reused["owl:AnnotationProperty"].add("dcterms:identifier")
    for owl_type, names in reused.items():
        out += [f"{n} a {owl_type} .\n" for n in sorted(names)]
    out.append("dcterms:Agent a owl:Class .\nrdf:Seq a owl:Class .\n")
    return "".join(out)


# --- SHACL -----------------------------------------------------------------------------------------


def _constraints(model: type[Any], name: str) -> tuple[bool, int, Any, Any, Any]:
    f = model.model_fields[name]
    min_len = next((m.min_length for m in f.metadata if isinstance(m, MinLen)), 0)
    ge = next((m.ge for m in f.metadata if isinstance(m, Ge)), None)
    le = next((m.le for m in f.metadata if isinstance(m, Le)), None)
    return f.is_required(), min_len, ge, le, f.annotation


def _choices(annotation: Any) -> tuple[str, ...] | None:
    for candidate in (annotation, *get_args(annotation)):
        args = get_args(candidate)
        if args and all(isinstance(a, str) for a in args):
            return args
    return None


def _classes(targets: tuple[str, ...]) -> str:
    names = [pname(CLASSES[t]) for t in targets]
    return f"sh:class {names[0]}" if len(names) == 1 else "sh:or ( " + " ".join(f"[ sh:class {c} ]" for c in names) + " )"


#: Field kinds written as owl:sameAs -> the pattern of the IRIs they write (as a Turtle string's content).
_SAME_AS = {
    "wikidata": "http://www\\\\.wikidata\\\\.org/entity/Q[1-9][0-9]*",
    "ror": "https://ror\\\\.org/0[a-hj-km-np-tv-z0-9]{6}[0-9]{2}",
}


def _property_shapes(owner: str, model: type[Any], maps: list[FieldMap], targets: dict[str, tuple[str, ...]]) -> list[str]:
    out: list[str] = []
    seen: set[str] = set()
    same_as: list[str] = []
    for fm in maps:
        required, min_len, ge, le, annotation = _constraints(model, fm.field)
        pred, kind = pname(fm.predicate), fm.kind
        parts: list[str] = []
        min_c, max_c = (1 if required else 0), 1
        if kind == "str":
            parts.append("sh:datatype xsd:string")
            choices = _choices(annotation)
            if choices:
                parts.append("sh:in ( " + " ".join(quote(c) for c in choices) + " )")
            if fm.field == "currency":
                parts.append('sh:pattern "^[A-Z]{3}$"')
        elif kind == "strs":
            parts.append("sh:datatype xsd:string")
            max_c = None
        elif kind == "lang":
            parts += ["sh:datatype rdf:langString", f'sh:languageIn ( "{fm.arg}" )']
        elif kind == "doc_lang":
            parts.append("sh:datatype rdf:langString")
        elif kind == "labels":
            parts += ["sh:datatype rdf:langString", "sh:uniqueLang true",
                      "sh:languageIn ( " + " ".join(quote(t) for t in get_args(schema.LanguageTag)) + " )"]
            max_c = None
        elif kind == "language":
            parts += ["sh:datatype xsd:language", 'sh:pattern "^[a-z]{2,3}(-[A-Z][a-z]{3})?$"']
        elif kind == "url":
            parts += ["sh:nodeKind sh:IRIOrLiteral", 'sh:pattern "^https?://"']
        elif kind in _SAME_AS:
            # owl:sameAs holds a Wikidata entity and, for an organization, a ROR id: at most one of each
            same_as.append(_SAME_AS[kind])
            continue
        elif kind == "int":
            parts.append("sh:datatype xsd:integer")
            if ge is not None:
                parts.append(f"sh:minInclusive {ge}")
            if le is not None:
                parts.append(f"sh:maxInclusive {le}")
        elif kind == "bool":
            parts.append("sh:datatype xsd:boolean")
            if annotation is bool:
                min_c = 1  # a bool with a default is always written
        elif kind == "decimal":
            parts.append("sh:or ( [ sh:datatype xsd:decimal ] [ sh:datatype xsd:double ] )")
            out.append(f"[ sh:path {pname(EXACT[fm.predicate])} ; sh:datatype xsd:string ; "
                       'sh:pattern "^-?[0-9]+(\\\\.[0-9]+)?$" ; sh:maxCount 1 ]')
        elif kind == "json":
            parts.append("sh:datatype rdf:JSON")
        elif kind == "date":
            parts.append("sh:or ( [ sh:datatype xsd:gYear ] [ sh:datatype xsd:gYearMonth ] [ sh:datatype xsd:date ] )")
            out.append(f"[ sh:path {pname(fm.arg)} ; sh:datatype xsd:boolean ; sh:in ( true ) ; sh:maxCount 1 ]")
        elif kind == "qualifier":
            parts.append("sh:in ( " + " ".join(pname(v) for v in QUALIFIERS.values()) + " )")
            min_c = 1
        elif kind in ("ref", "refs", "rev_refs"):
            parts.append(_classes(targets[fm.field]))
            if kind != "ref":
                max_c, min_c = None, max(min_c, min_len)
        elif kind in ("node", "nodes"):
            parts.append(f"sh:class {pname(NODE_CLASSES[fm.arg])}")
            if kind == "nodes":
                max_c, min_c = None, max(min_c, min_len)
                direct = QUALIFIED.get((next(rt for rt, c in CLASSES.items() if c == owner) if owner in CLASSES.values()
                                        else "", fm.field))
                if direct and not direct[2]:
                    rt = next(rt for rt, c in CLASSES.items() if c == owner)
                    out.append(f"[ sh:path {pname(direct[0])} ; sh:class {_qualified_target(rt, fm.field)}"
                               + (f" ; sh:minCount {min_c}" if min_c else "") + " ]")
                if fm.field == "sources":
                    out.append(f"[ sh:path prov:wasDerivedFrom ; sh:class aag:Source ; sh:minCount {min_c} ]")
        elif kind == "agent":
            if pred in seen:
                continue
            parts.append("sh:class dcterms:Agent")
            min_c = 0
        else:
            raise AssertionError(f"{fm} needs a rule in _property_shapes()")
        seen.add(pred)
        path = f"[ sh:inversePath {pred} ]" if kind == "rev_refs" else pred
        card = ([f"sh:minCount {min_c}"] if min_c else []) + ([f"sh:maxCount {max_c}"] if max_c is not None else [])
        out.append("[ " + " ; ".join([f"sh:path {path}", *parts, *card]) + " ]")
    if same_as:
        out.append(f'[ sh:path owl:sameAs ; sh:nodeKind sh:IRI ; sh:pattern "^({"|".join(same_as)})$" ]')
        out.extend(f'[ sh:path owl:sameAs ; sh:qualifiedValueShape [ sh:pattern "^{p}$" ] ; sh:qualifiedMaxCount 1 ]'
                   for p in same_as)
    return out


_BETWEEN = (
    "sh:or (\n        [ sh:property [ sh:path aag:qualifier ; sh:hasValue aag:between ] ;\n"
    "          sh:property [ sh:path aag:upper ; sh:minCount 1 ] ]\n"
    "        [ sh:property [ sh:path aag:qualifier ; sh:in ( "
    + " ".join(pname(v) for k, v in QUALIFIERS.items() if k != "between")
    + " ) ] ;\n          sh:property [ sh:path aag:upper ; sh:maxCount 0 ] ] )"
)


def _node_shape(cls: str, ko: str, props: list[str], extra: tuple[str, ...] = ()) -> str:
    name = cls.rsplit("#", 1)[-1].rsplit("/", 1)[-1]
    head = [f"aags:{name}Shape a sh:NodeShape", f"sh:targetClass {pname(cls)}",
            f'rdfs:label "{name} shape"@en, "{ko} 형태"@ko',
            "sh:closed true", "sh:ignoredProperties ( rdf:type )", *extra]
    return "\n" + " ;\n    ".join(head) + " ;\n    sh:property\n        " + ",\n        ".join(props) + " .\n"


_KO = {"source": "출처", "country": "국가", "place": "장소", "organization": "조직", "person": "인물",
       "model": "AI 모델", "product": "제품", "policy": "정책", "investment": "투자", "partnership": "협력",
       "indicator": "지표", "quantity": "수량", "money": "금액", "citation": "인용", "affiliation": "소속",
       "goal": "목표", "investor": "투자자 역할", "event": "정책 단계", "period": "기간", "dispute": "이견",
       "stated": "진술된 값", "accelerator": "가속기", "cluster": "컴퓨팅 클러스터", "chip_count": "칩 수량"}


def build_shapes() -> str:
    """The text of shapes.ttl."""
    spaces = {**PREFIXES, "sh": "http://www.w3.org/ns/shacl#", "aags": SHAPE_NS}
    out = [
        "# SHACL shapes of the asiaai_graph RDF export: one closed node shape per class.\n"
        "# The full export conforms (asiaai_graph.rdf.validate, checked with pySHACL in the tests).\n"
        "# Generated by tests/test_rdf_files.py from the schema and asiaai_graph/rdf/mapping.py.\n",
        "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(spaces.items())),
        "\n<https://w3id.org/asiaai-graph/shapes> a owl:Ontology ;\n"
        '    rdfs:label "asiaai_graph SHACL shapes"@en, "asiaai_graph SHACL 형태"@ko ;\n'
        f"    owl:imports <{ONTOLOGY_IRI}> .\n",
    ]
    for rt, model in schema.RECORD_TYPES.items():
        targets = {r.field: r.targets for r in model.refs}
        props = _property_shapes(CLASSES[rt], model, FIELDS[rt], targets)
        pattern = "^[A-Z]{2}$" if rt == "country" else "^[a-z0-9]+(-[a-z0-9]+)*$"
        props.insert(0, f'[ sh:path dcterms:identifier ; sh:datatype xsd:string ; sh:pattern "{pattern}" ; '
                        "sh:minCount 1 ; sh:maxCount 1 ]")
        props.append("[ sh:path aag:sequence ; sh:class rdf:Seq ]")
        for (other, field), (pred, _, reverse) in QUALIFIED.items():
            if reverse and rt == "organization":
                props.append(f"[ sh:path {pname(pred)} ; sh:class {pname(CLASSES[other])} ]")
        for other, maps in FIELDS.items():
            for fm in maps:
                if fm.kind == "rev_refs" and rt in schema.RECORD_TYPES[other].refs[0].targets + tuple(
                        t for r in schema.RECORD_TYPES[other].refs if r.field == fm.field for t in r.targets):
                    props.append(f"[ sh:path {pname(fm.predicate)} ; sh:class {pname(CLASSES[other])} ]")
        if rt == "policy":  # what the exporter also states in ELI, derived from the lifecycle
            props += [f"[ sh:path {pname(pred)} ; sh:or ( [ sh:datatype xsd:gYear ] [ sh:datatype xsd:gYearMonth ] "
                      "[ sh:datatype xsd:date ] ) ; sh:maxCount 1 ]" for pred in ELI_DATES]
            props += [f"[ sh:path {pname(ELI_PASSED_BY)} ; sh:nodeKind sh:IRI ]",
                      f"[ sh:path {pname(ELI_TITLE)} ; sh:or ( [ sh:datatype xsd:string ] "
                      "[ sh:datatype rdf:langString ] ) ; sh:maxCount 1 ]"]
        extra: tuple[str, ...] = ()
        if rt == "indicator":
            extra = ("sh:xone ( [ sh:property [ sh:path aag:quantity ; sh:minCount 1 ] ] "
                     "[ sh:property [ sh:path aag:amount ; sh:minCount 1 ] ] )",)
        out.append(_node_shape(CLASSES[rt], _KO[rt], list(dict.fromkeys(props)), extra))
    for kind, model in SUB_MODELS.items():
        targets = {f: t for (k, f), t in SUB_TARGETS.items() if k == kind}
        props = _property_shapes(NODE_CLASSES[kind], model, SUB_FIELDS[kind], targets)
        # the exporter orders any multi-valued field with two or more values by an rdf:Seq
        multi = [fm for fm in SUB_FIELDS[kind] if fm.kind in ("refs", "strs", "nodes")]
        if multi:
            props.append("[ sh:path aag:sequence ; sh:class rdf:Seq" + (" ; sh:maxCount 1" if len(multi) == 1 else "") + " ]")
        extra = (_BETWEEN,) if kind in ("quantity", "money") else ()
        out.append(_node_shape(NODE_CLASSES[kind], _KO[kind], props, extra))
    out.append("""
aags:SeqShape a sh:NodeShape ;
    sh:targetClass rdf:Seq ;
    rdfs:label "sequence shape"@en, "순서 형태"@ko ;
    rdfs:comment "The order of a multi-valued property; written only for two or more values."@en,
        "다중 값 속성의 순서. 값이 둘 이상일 때만 기록합니다."@ko ;
    sh:property
        [ sh:path aag:sequenceOf ; sh:nodeKind sh:IRI ; sh:minCount 1 ; sh:maxCount 1 ],
        [ sh:path rdf:_1 ; sh:minCount 1 ; sh:maxCount 1 ],
        [ sh:path rdf:_2 ; sh:minCount 1 ; sh:maxCount 1 ] .

aags:AgentShape a sh:NodeShape ;
    sh:targetClass dcterms:Agent ;
    rdfs:label "agent shape"@en, "행위자 형태"@ko ;
    rdfs:comment "A source's publisher or author: a plain name, and a Korean name for publishers."@en,
        "출처의 발행처 또는 저자: 이름과 (발행처의 경우) 한국어 이름."@ko ;
    sh:closed true ;
    sh:ignoredProperties ( rdf:type ) ;
    sh:property
        [ sh:path rdfs:label ; sh:minCount 1 ; sh:maxCount 2 ; sh:uniqueLang true ;
          sh:or ( [ sh:datatype xsd:string ] [ sh:datatype rdf:langString ; sh:languageIn ( "ko" ) ] ) ] .
""")
    return "".join(out)


# --- tests -----------------------------------------------------------------------------------------

HOW = "regenerate with: python tests/test_rdf_files.py"


def test_ontology_file_is_current() -> None:
    assert (RDF_DIR / "ontology.ttl").read_text(encoding="utf-8") == build_ontology(), HOW


def test_shapes_file_is_current() -> None:
    assert (RDF_DIR / "shapes.ttl").read_text(encoding="utf-8") == build_shapes(), HOW


def test_every_schema_field_is_mapped_once() -> None:
    for rt, model in schema.RECORD_TYPES.items():
        mapped = [fm.field for fm in FIELDS[rt]]
        assert sorted(mapped) == sorted(set(model.model_fields) - {"id"}), rt
    for kind, model in SUB_MODELS.items():
        assert sorted(fm.field for fm in SUB_FIELDS[kind]) == sorted(model.model_fields), kind


def test_every_relation_has_its_property() -> None:
    from asiaai_graph.rdf.mapping import relation_predicate

    for rt, model in schema.RECORD_TYPES.items():
        by_field = {fm.field: fm for fm in FIELDS[rt]}
        for ref in model.refs:
            fm = by_field[ref.field]
            direct = QUALIFIED.get((rt, ref.field))
            assert (direct[0] if direct else fm.predicate) == relation_predicate(ref.relation), (rt, ref)


def test_the_rdf_files_ship_in_the_wheel(tmp_path: Path) -> None:
    import subprocess
    import zipfile

    root = RDF_DIR.parent.parent
    subprocess.run([sys.executable, "-m", "hatchling", "build", "--target", "wheel", "--directory", str(tmp_path)],
                   cwd=root, check=True, capture_output=True)
    (wheel,) = tmp_path.glob("*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for name in ("ontology.ttl", "shapes.ttl", "context.jsonld", "mapping.py"):
        assert f"asiaai_graph/rdf/{name}" in names


if __name__ == "__main__":
    (RDF_DIR / "ontology.ttl").write_text(build_ontology(), encoding="utf-8")
    (RDF_DIR / "shapes.ttl").write_text(build_shapes(), encoding="utf-8")
    print(f"wrote {RDF_DIR / 'ontology.ttl'} and {RDF_DIR / 'shapes.ttl'}", file=sys.stderr)
