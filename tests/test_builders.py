"""What counts as a large language model, and who builds one: the rules of the README, on hand-picked cases.

Each dataset has its cases: Epoch AI's encoders, recurrent models and papers with many
affiliations; LLM-jp's image encoders; the Chinese list's vision model; and the rule is checked on
every model of the graph, curated ones included.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

import asiaai_graph as ag
from asiaai_graph.importers.build import organization_kind
from asiaai_graph.importers.language_models import LLM_KINDS, LLM_MIN_PARAMETERS, language_model_kind


@pytest.fixture(scope="module")
def kg() -> ag.KnowledgeGraph:
    return ag.load()


def notes(model: ag.AIModel) -> str:
    return " ".join(c.note or "" for c in model.sources)


# --- the rule itself -----------------------------------------------------------------------------------


def test_a_billion_parameters_is_the_line() -> None:
    assert language_model_kind("llm", sizes=[LLM_MIN_PARAMETERS]).kind == "llm"
    assert language_model_kind("llm", sizes=[LLM_MIN_PARAMETERS - 1]).kind == "language"
    # a family counts by its largest member
    assert language_model_kind("llm", sizes=[Decimal(125_000_000), Decimal(1_300_000_000)]).kind == "llm"
    # a multimodal model of images that fails the rule is a vision model
    assert language_model_kind("multimodal", sizes=[Decimal(870_000_000)], vision=True).kind == "vision"


def test_a_pre_transformer_recurrent_model_is_no_llm_whatever_its_size() -> None:
    decision = language_model_kind("llm", sizes=[Decimal(8_000_000_000)], texts=["Big LSTM language model"], year=2016)
    assert decision.kind == "language" and "recurrent" in (decision.reason or "")
    # the recurrent designs of the LLM era are judged by their size (HGRN2, Shanghai AI Lab, 2024)
    assert language_model_kind("llm", sizes=[Decimal(2_900_000_000)], texts=["HGRN2: Gated Linear RNNs"],
                               year=2024).kind == "llm"


def test_size_unknown_needs_a_source_that_calls_it_an_llm() -> None:
    assert language_model_kind("llm", sizes=[], called="the list says so").kind == "llm"
    assert language_model_kind("llm", sizes=[]).kind == "language"
    assert language_model_kind("vision", sizes=[]).kind == "vision"  # other kinds are left alone


# --- Epoch AI ------------------------------------------------------------------------------------------


def test_epoch_encoders_and_small_models_are_no_llms(kg: ag.KnowledgeGraph) -> None:
    luke = kg["luke"]  # an encoder of 483M parameters (LUKE: entity representations for QA and NER)
    assert luke.kind == "language" and "483,000,000 parameters" in notes(luke)
    assert kg["bert-large"].kind == "language"


def test_epoch_lstm_language_models_are_no_llms(kg: ag.KnowledgeGraph) -> None:
    lstm = kg["awd-lstm-wt-cache-iog-wt2"]  # 2017, NTT
    assert lstm.kind == "language" and "recurrent" in notes(lstm)
    assert kg["multi-cell-lstm"].kind == "language"
    assert kg["hgrn2-3b"].kind == "llm"  # a gated linear RNN of 2.9 billion parameters, 2024


def test_a_vision_encoder_is_a_vision_model(kg: ag.KnowledgeGraph) -> None:
    vit = kg["internvit-6b"]  # 6 billion parameters, but the image half of InternVL
    assert vit.kind == "vision" and "kinds.tsv" in notes(vit)
    assert kg["internvl"].kind in LLM_KINDS


def test_epoch_size_unknown(kg: ag.KnowledgeGraph) -> None:
    takane = kg["takane"]  # Fujitsu, 2024: "A large language model for enterprises"
    assert takane.kind == "llm" and takane.parameters is None and "size not stated" in notes(takane)
    phrases = kg["densephrases"]  # 2020, a phrase retriever
    assert phrases.kind == "language" and "no source states its size" in notes(phrases)


def test_a_paper_with_many_affiliations_has_one_developer(kg: ag.KnowledgeGraph) -> None:
    starcoder = kg["starcoder"]
    assert starcoder.developers == ("hugging-face",)
    assert {"university-of-allahabad", "discover-dollar", "servicenow"} <= set(starcoder.contributors)
    pythia = kg["pythia-12b"]
    assert pythia.developers == ("eleutherai",)
    assert "indraprastha-institute-of-information-technology-delhi" in pythia.contributors
    assert "contributors" in notes(starcoder)


def test_developers_tsv_names_more_developers_where_the_row_says_so(kg: ag.KnowledgeGraph) -> None:
    fugaku = kg["fugaku-llm"]
    assert {"tohoku-university", "tokyo-institute-of-technology", "fujitsu", "riken", "cyberagent"} <= set(fugaku.developers)
    assert fugaku.contributors == ()


def test_a_developer_anywhere_is_no_mere_contributor(kg: ag.KnowledgeGraph) -> None:
    for model in kg.models():
        assert not set(model.developers) & set(model.contributors), model.id


# --- LLM-jp and the Chinese list ---------------------------------------------------------------------


def test_llmjp_image_encoders_and_generators_are_vision(kg: ag.KnowledgeGraph) -> None:
    assert kg["rinna-clip"].kind == "vision"  # "Vision-Language Models / Others"
    assert kg["japanese-stable-diffusion-xl"].kind == "vision"  # "Text to Image"
    assert kg["asagi"].kind == "multimodal"  # "Text+Image to Text"
    # a text-generation row without a size: LLM-jp lists it among Japanese LLMs
    assert kg["abeja-mixtral-8x7b-japanese"].kind == "llm"


def test_the_chinese_lists_vision_model(kg: ag.KnowledgeGraph) -> None:
    assert kg["xinghan-foundation-model"].kind == "vision"  # 大华's 星汉: "以视觉为核心"
    assert kg["xing-han"].kind == "llm"  # 大汉软件's government model of the same name


# --- every model ---------------------------------------------------------------------------------------


def test_every_model_follows_the_rule(kg: ag.KnowledgeGraph) -> None:
    """A model with a stated size is an LLM exactly when it has a billion parameters (a family: its largest)."""
    wrong = []
    for model in kg.models():
        sizes = [q.upper or q.value for q in (model.parameters, *model.variant_parameters) if q is not None]
        if not sizes or model.kind not in (*LLM_KINDS, "language"):
            continue
        large = max(sizes) >= LLM_MIN_PARAMETERS
        if large != (model.kind in LLM_KINDS) and "recurrent" not in notes(model) and "kinds.tsv" not in notes(model):
            wrong.append((model.id, model.kind, max(sizes)))
    assert not wrong, wrong


def test_builders_are_developers_of_llms(kg: ag.KnowledgeGraph) -> None:
    builders = {o.id for o in kg.llm_builders()}
    developers = {d for m in kg.models() if m.kind in LLM_KINDS for d in m.developers}
    assert builders == developers
    co_authors_only = {"university-of-allahabad", "discover-dollar",
                       "indraprastha-institute-of-information-technology-delhi",
                       "indian-institute-of-technology-delhi", "university-of-hyderabad"}
    assert not co_authors_only & builders
    assert not co_authors_only & {o.id for o in kg.llm_builders(country="IN")}


# --- kinds of organization ---------------------------------------------------------------------------


@pytest.mark.parametrize(("rid", "kind"), [
    ("harbin-institute-of-technology", "university"),
    ("massachusetts-institute-of-technology-mit", "university"),
    ("tokyo-institute-of-technology", "university"),
    ("institute-of-computing-technology", "research_lab"),  # 中国科学院计算技术研究所 (ROR: facility)
    ("institute-of-automation", "research_lab"),
    ("chengdu-institute-of-computer-applications", "research_lab"),  # 中国科学院成都计算机应用研究所 (no ROR record)
    ("lg-ai-research", "company"),  # ROR: company, though its name says research
    ("university-of-tokyo-izumi-lab", "research_lab"),
])
def test_kinds_of_organization(kg: ag.KnowledgeGraph, rid: str, kind: str) -> None:
    assert kg[rid].kind == kind


def test_kind_rules_on_names() -> None:
    assert organization_kind("中国科学院自动化研究所", None) == "research_lab"  # 科学院 is no 学院
    assert organization_kind("北京大学信息工程学院", None) == "university"
    assert organization_kind("Rensselaer Polytechnic Institute", "academia") == "university"
    assert organization_kind("AI21 Labs", "industry") == "company"  # a company called Labs
    assert organization_kind("Shenzhen Institute of Advanced Technology", "academia") == "research_lab"
