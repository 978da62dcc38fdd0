"""LLM-jp's *Overview of Japanese LLMs* as records: every text-generation, vision-language and speech model.

Each row of those tables is one model record (a row is often a family: its
variants' sizes are kept as ``variant_parameters``), paired with its row in the
Japanese README (:func:`~asiaai_graph.importers.llmjp.pair_llmjp`), which gives
the Japanese names of models and developers as ``ja`` labels.

From each row: ``name`` (the first column), ``labels.ja`` (the Japanese row's
name, when it differs), ``developers`` (Developer, one record per developer;
Japanese names as labels), ``released`` (Release Year: year precision),
``architecture`` (the Architecture cell's first line), the sizes in bold in the
Architecture cell (``**7b**``, ``8x70b (**465b**)``: the bold figure is the total)
as ``parameters`` when there is one size and ``variant_parameters`` when there
are several (about that size: the list writes the size class a model is named by,
``13b``; exact where it adds the count, ``4b(3.8b)``), ``training_tokens`` when the Training Data cell states one
token count (``(**2.1T** tokens)``), ``license`` (License, as written), and
``base_model`` when the Base Model cell names a record the matching table or the
curated data knows. ``kind``: text generation -> llm, vision-language ->
multimodal (text to image or video, and image encoders such as CLIP: vision), speech
-> speech; then ``kinds.tsv`` and the LLM rule (:func:`llmjp_kind`: a stated size under a
billion makes a language model). The dataset gives no sector or country of its
developers, so their kind follows their names only
(:func:`~asiaai_graph.importers.build.organization_kind`).

A row whose developer is a person ("Individual (...)") cannot be imported (the
schema's developers are organizations) and must be listed in
``data/exclusions.tsv``.

Examples
--------
>>> sizes("Llama<br>(**7b**, **13b**, 8x70b (**465b**), **32b-a3b**)")
(Decimal('7000000000'), Decimal('13000000000'), Decimal('32000000000'), Decimal('465000000000'))
"""

from __future__ import annotations

import re
from decimal import Context, Decimal
from typing import TYPE_CHECKING, Any

from asiaai_graph.importers.build import Builder
from asiaai_graph.importers.language_models import KindDecision, language_model_kind
from asiaai_graph.importers.table import clip

if TYPE_CHECKING:
    from asiaai_graph.importers.llmjp import LlmJpPairing, LlmJpRow
    from asiaai_graph.importers.matching import Matcher, MatchingTables
    from asiaai_graph.schema import Source
    from asiaai_graph.utils.errors import Problem

__all__ = ["KINDS", "llmjp_kind", "llmjp_records", "llmjp_source", "sized", "sizes"]

#: LLM-jp category -> model kind (the categories imported).
KINDS = {"text-generation": "llm", "vision-language": "multimodal", "speech": "speech"}

_SIZE = re.compile(r"^(\d+(?:\.\d+)?)\s*([kmbt])\b", re.I)
_BOLD = re.compile(r"\*\*([^*]+)\*\*")
_TOKENS = re.compile(r"\*\*(\d+(?:\.\d+)?)\s*([kmbt])\*\*\s*tokens", re.I)
_SCALE = {"k": Decimal(10) ** 3, "m": Decimal(10) ** 6, "b": Decimal(10) ** 9, "t": Decimal(10) ** 12}


_EXACT = re.compile(r"^\d+(?:\.\d+)?\s*[kmbt]\s*\(\s*(\d+(?:\.\d+)?)\s*([kmbt])\s*\)", re.I)


def sized(markdown: str) -> tuple[tuple[Decimal, bool], ...]:
    """The distinct sizes written in bold in a cell, smallest first, each with whether it is an exact count.

    A size as the list writes it (``**7b**``, ``**13b**``) is the size class a model is named by,
    not a count: Stockmark-13b has 13.2 billion parameters. A size written with its count in
    brackets, ``**4b(3.8b)**`` (OpenCALM's and rinna's rows), is that exact count.

    >>> sized("GPT-NeoX (**1b(1.4b)**, **7b**)")
    ((Decimal('1400000000'), True), (Decimal('7000000000'), False))
    """
    found: dict[Decimal, bool] = {}
    for bold in _BOLD.findall(markdown):
        exact = _EXACT.match(bold.strip())
        m = exact or _SIZE.match(bold.strip())
        if m:
            value = _scaled(m.group(1), m.group(2))
            found[value] = found.get(value, False) or bool(exact)
    return tuple(sorted(found.items()))


#: The most digits a size or token count may be written with: 10^15 t is far beyond any model (and the graph's 10^40).
_MAX_SIZE_DIGITS = 15
_EXACT_CONTEXT = Context(prec=60)


def _scaled(number: str, unit: str) -> Decimal:
    """``number`` times its unit (``k``, ``m``, ``b``, ``t``), a whole count; ``ValueError`` for too many digits.

    >>> _scaled("1.4", "b")
    Decimal('1400000000')
    >>> _scaled("9" * 60, "b")
    Traceback (most recent call last):
    ...
    ValueError: a size of 60 digits (at most 15): '999999999999999999999999999999999999999999999999999999999999b'
    """
    if len(number.replace(".", "")) > _MAX_SIZE_DIGITS:
        raise ValueError(f"a size of {len(number.replace('.', ''))} digits (at most {_MAX_SIZE_DIGITS}): "
                         f"{clip(number + unit)!r}")
    return _EXACT_CONTEXT.multiply(Decimal(number), _SCALE[unit.lower()]).quantize(Decimal(1), context=_EXACT_CONTEXT)


def _checked_sizes(row: LlmJpRow) -> Problem | None:
    """A problem for a size or token count in a row that cannot be read as a count, or ``None``."""
    for role, read in (("architecture", sized), ("training_data", _tokens)):
        cell = row.get(role)
        if cell is not None:
            try:
                read(cell.markdown)
            except ValueError as exc:
                return row.problem(row.column_for(role) or role, str(exc))
    return None


def _tokens(markdown: str) -> set[Decimal]:
    return {_scaled(n, u) for n, u in _TOKENS.findall(markdown)}


def sizes(markdown: str) -> tuple[Decimal, ...]:
    """The distinct sizes written in bold in a cell (``**7b**``, ``**1.8B**``), smallest first (see :func:`sized`).

    >>> sizes("GPT-NeoX (**1b(1.4b)**, **3b(2.7b)**)")
    (Decimal('1400000000'), Decimal('2700000000'))
    """
    return tuple(value for value, _ in sized(markdown))


def _size(value: Decimal, exact: bool) -> dict[str, Any]:
    return {"value": value} if exact else {"value": value, "qualifier": "about"}


def llmjp_source(version: str | None = None) -> Source:
    """The :class:`~asiaai_graph.schema.Source` record of the LLM-jp list; ``version``: its date and commit."""
    from asiaai_graph.schema import Source

    return Source(
        id="llm-jp-awesome-japanese-llm", title="Overview of Japanese LLMs", title_en="Overview of Japanese LLMs",
        publisher="LLM-jp", kind="dataset", language="en", url="https://github.com/llm-jp/awesome-japanese-llm",
        version=version, license="Apache-2.0",
        note="README.en.md with README.ja.md for the Japanese names; each listed model keeps its own licence.",
    )


#: Vision-language headings whose models make images or video, or encode images (CLIP), rather than generate text.
_NOT_TEXT = ("Text to Image", "Text to Video", "Others")


def llmjp_kind(row: LlmJpRow, tables: MatchingTables | None = None) -> KindDecision:
    """A row's kind: its table (:data:`KINDS`; a vision-language model that makes images or video, or an
    image encoder, is ``vision``), ``kinds.tsv``, then the LLM rule: its largest bold size, or, with none,
    an LLM because the list is an overview of LLMs (the reason is given only where the rule changed the kind).
    """
    locator = f"{row.heading}: {row.name}"
    chosen = tables.kind("model", "llm-jp-awesome-japanese-llm", locator, row.name or "") if tables else None
    if chosen is not None:
        return KindDecision(chosen[0], f"kind: {chosen[0]} (data/kinds.tsv): {chosen[1]}")
    kind = KINDS[row.category or ""]
    if kind == "multimodal" and any(f"/ {h}" in f"/ {row.heading}" for h in _NOT_TEXT):
        return KindDecision("vision", None)
    arch = row.get("architecture")
    decision = language_model_kind(kind, sizes=sizes(arch.markdown) if arch is not None else (),
                                   texts=(row.name,), called="LLM-jp lists it in its overview of Japanese LLMs",
                                   vision=True)
    if decision.kind == kind:
        return KindDecision(kind, None)
    return KindDecision(decision.kind, f"kind: {decision.kind}, not an LLM: {decision.reason}")


def _model_data(row: LlmJpRow, ja: LlmJpRow, kind: str, developers: list[str], base: str | None) -> dict[str, Any]:
    data: dict[str, Any] = {"name": row.name, "kind": kind, "developers": developers}
    if ja.name and ja.name != row.name:
        data["labels"] = {"ja": ja.name}
    data["released"] = row.release_year
    arch = row.get("architecture")
    if arch is not None:
        first = arch.text.split("\n")[0].strip(" (")
        if first:
            data["architecture"] = first
        found = sized(arch.markdown)
        if len(found) == 1:
            data["parameters"] = _size(*found[0])
        elif found:
            data["variant_parameters"] = [_size(*s) for s in found]
    training = row.get("training_data")
    if training is not None:
        tokens = _tokens(training.markdown)
        if len(tokens) == 1:
            data["training_tokens"] = {"value": tokens.pop()}
    licence = row.get("license")
    if licence is not None and licence.text.strip() not in ("", "-", "？", "?"):
        data["license"] = " ".join(licence.text.split())
    if base is not None:
        data["base_model"] = base
    return data


def llmjp_records(pairing: LlmJpPairing, matcher: Matcher, source: Source) -> tuple[Builder, list[str]]:
    """The records LLM-jp's lists state; also the notes on what was not used (unmatched base models)."""
    builder = Builder(source, "README.en.md", matcher.tables)
    notes: list[str] = []
    for pair in pairing.pairs:
        row, ja = pair.en, pair.ja
        if row.category not in KINDS:
            continue
        if not row.name:
            continue
        locator = f"{row.heading}: {row.name}"
        if matcher.tables.excluded(source.id, locator):
            continue
        developers = []
        for en_name, ja_name in pair.developers:
            if not en_name:
                continue
            if en_name.startswith("Individual"):
                builder.problems.append(row.problem("developer", f"{row.name}: developed by a person ({en_name}), "
                                                                "not an organization: list it in data/exclusions.tsv "
                                                                f"as {locator!r}"))
                continue
            rid = matcher.id("organization", en_name)
            developers.append(rid)
            builder.organization(rid, en_name, locator=f"Developer={en_name}", label=("ja", ja_name),
                                 english_name=matcher.tables.display.get(rid))
        base = None
        cell = row.get("base_model")
        if cell is not None and cell.text.strip():
            name = " ".join(cell.text.split())
            if matcher.how("model", name) != "new":
                base = matcher.id("model", name)
            else:
                notes.append(f"README.en.md:{row.line}: {row.name}: base model {name!r} is not matched to a record "
                             "(add it to data/matching.tsv to link it)")
        if not developers:
            if not builder.problems or builder.problems[-1].line != row.line:
                builder.problems.append(row.problem("developer", f"{row.name}: no developer"))
            continue
        unreadable = _checked_sizes(row)
        if unreadable is not None:
            builder.problems.append(unreadable)
            continue
        decision = llmjp_kind(row, matcher.tables)
        data = _model_data(row, ja, decision.kind, list(dict.fromkeys(developers)), base)
        links = [link.url for link in row.name_links]
        builder.model(matcher.id("model", row.name, locator), data, locator=locator, links=links, line=row.line,
                      note=decision.reason)
    return builder, notes
