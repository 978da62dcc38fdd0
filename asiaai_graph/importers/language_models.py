"""What counts as a large language model: the rule every importer applies to the models it reads.

A dataset says what kind of model a row is in its own terms (Epoch AI's domains and tasks,
LLM-jp's tables, the Chinese list's categories); each importer turns that into a first kind
(``llm`` or ``multimodal`` for a model that generates language). :func:`language_model_kind`
then applies the rule of the README ("What counts as a large language model"):

1. a recurrent language model from before 2020 (LSTM, RNN, GRU: its name or its paper's title says
   so) is not an LLM: those are the language models of the years before transformers, all small
   (:data:`RECURRENT_BEFORE`); the recurrent designs of the LLM era (HGRN, RWKV) are judged by size;
2. a model whose size the source states is an LLM when it has at least :data:`LLM_MIN_PARAMETERS`
   (a family: its largest member), and not otherwise;
3. a model whose size no source states is an LLM when a source calls it one (``called``): LLM-jp's
   text-generation and Text+Image-to-Text tables (an "Overview of Japanese LLMs"), the Chinese list
   of 大模型 (large models), a row whose own text says "large language model" or "LLM", or, for
   Epoch AI, a release from 2023 on (:data:`UNSTATED_SIZE_FROM`): from then on the makers of
   language-model services stopped giving sizes, and every such Epoch row in Asia is one of those
   services (checked row by row; the rows before 2023 without a size are small research models).

A model that fails the rule becomes ``language`` (a language model that is not large), or
``vision`` when it is a multimodal model of images or video. :class:`KindDecision` says why where
the rule decided, for the citation's note.

Examples
--------
>>> from decimal import Decimal
>>> language_model_kind("llm", sizes=[Decimal(483_000_000)]).kind
'language'
>>> language_model_kind("llm", sizes=[Decimal(7_000_000_000)])
KindDecision(kind='llm', reason=None)
>>> language_model_kind("llm", sizes=[], called="Epoch AI lists it without a size, released 2023 or later").kind
'llm'
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal
from typing import NamedTuple

__all__ = ["LLM_KINDS", "LLM_MIN_PARAMETERS", "RECURRENT", "RECURRENT_BEFORE", "UNSTATED_SIZE_FROM", "KindDecision", "calls_itself_llm",
           "language_model_kind"]

#: The kinds of model that count as large language models (``kg.llm_builders()``, the ``llm`` facet).
LLM_KINDS = ("llm", "multimodal")

#: The fewest parameters a large language model has: one billion.
LLM_MIN_PARAMETERS = Decimal(1_000_000_000)

#: An Epoch AI row without a size counts as an LLM when it was released in this year or later.
UNSTATED_SIZE_FROM = 2023

#: A recurrent language model released before this year is a pre-transformer one.
RECURRENT_BEFORE = 2020

#: A recurrent (pre-transformer) language model, by the words of its name or its paper's title.
RECURRENT = re.compile(r"LSTM|\bRNNs?\b|RNN\b|\bGRU\b|\bRHN\b|IndRNN|\brecurrent\b", re.I)

_CALLED = re.compile(r"large language models?|\bLLMs?\b|大语言模型|大模型|大規模言語モデル", re.I)


class KindDecision(NamedTuple):
    """A model's kind after the rule, and why, where the rule decided (``None`` where the source's kind stands)."""

    kind: str
    reason: str | None


def calls_itself_llm(texts: Iterable[str | None]) -> bool:
    """Whether any of a row's texts (name, title, abstract) calls the model a large language model.

    >>> calls_itself_llm(["Takane", "Fujitsu launches Takane - A large language model for enterprises"])
    True
    >>> calls_itself_llm(["DensePhrases", "Learning Dense Representations of Phrases at Scale"])
    False
    """
    return any(_CALLED.search(t) for t in texts if t)


def _count(value: Decimal) -> str:
    return f"{value:,.0f}" if value >= 1 else str(value)


def language_model_kind(kind: str, *, sizes: Iterable[Decimal], texts: Iterable[str | None] = (),
                        called: str | None = None, vision: bool = False, year: int | None = None) -> KindDecision:
    """The kind of a model after the LLM rule (see the module docstring).

    ``kind`` is the kind the source's own categories give; ``sizes`` the parameter counts a
    source states (one, or a family's members); ``texts`` the row's name and titles (for the
    recurrent rule); ``called`` names the source that calls a model of unstated size an LLM
    (``None`` when none does); ``vision``: the model also takes or makes images or video; ``year``:
    when it was released, where a source says.

    Examples
    --------
    >>> from decimal import Decimal
    >>> language_model_kind("llm", sizes=[Decimal(53_000_000)], texts=["AWD-LSTM+WT+Cache+IOG (WT2)"], year=2017).reason
    'a recurrent (LSTM or RNN) language model: pre-transformer language models are not LLMs'
    >>> language_model_kind("llm", sizes=[Decimal(2_900_000_000)], texts=["Gated Recurrent Neural Network"], year=2024).kind
    'llm'
    >>> language_model_kind("multimodal", sizes=[Decimal(870_000_000)], vision=True)
    KindDecision(kind='vision', reason='870,000,000 parameters: an LLM has at least 1,000,000,000')
    >>> language_model_kind("llm", sizes=[Decimal(1_300_000_000), Decimal(700_000_000)])
    KindDecision(kind='llm', reason=None)
    >>> language_model_kind("llm", sizes=[]).reason
    'no source states its size or calls it a large language model'
    >>> language_model_kind("vision", sizes=[])
    KindDecision(kind='vision', reason=None)
    """
    if kind not in LLM_KINDS:
        return KindDecision(kind, None)
    other = "vision" if kind == "multimodal" and vision else "language"
    names = list(texts)
    if (year is None or year < RECURRENT_BEFORE) and any(t and RECURRENT.search(t) for t in names):
        return KindDecision(other, "a recurrent (LSTM or RNN) language model: pre-transformer language models are not LLMs")
    stated = list(sizes)
    if stated:
        largest = max(stated)
        if largest >= LLM_MIN_PARAMETERS:
            return KindDecision(kind, None)
        which = " (its largest variant)" if len(stated) > 1 else ""
        return KindDecision(other, f"{_count(largest)} parameters{which}: an LLM has at least {_count(LLM_MIN_PARAMETERS)}")
    if called is not None:
        return KindDecision(kind, f"size not stated; an LLM because {called}")
    return KindDecision(other, "no source states its size or calls it a large language model")
