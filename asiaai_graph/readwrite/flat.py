"""One flat, readable row per record, shared by the DataFrame, graph-file and explorer exports.

The rules (one scalar per column, so every format can hold them):

* ``id``, then every field in model order, ``sources`` last;
* ``labels`` become ``name_ko``, ``name_zh``, ... (``zh-Hant`` -> ``name_zh_Hant``);
* a reference keeps the ids in the field's own column and adds the English
  names (``developers`` + ``developer_names``, ``country`` + ``country_name``);
  a reference held in sub-records (``investors``, ``affiliations``) also gets a
  ``*_detail`` column (``alibaba (lead)``);
* money: ``training_cost``, ``training_cost_currency``, ``training_cost_qualifier``,
  ``training_cost_upper``, ``training_cost_equivalents`` (the field ``amount``
  keeps the short ``currency``);
* quantities: ``value``, ``value_qualifier``, ``value_upper``, ``value_unit``;
* dates: ``released`` (ISO text), ``released_precision``, ``released_approximate``;
* several values are joined with ``"; "``; numbers are ints when whole.

Empty fields (``None``, ``()``, ``{}``) give no column in :func:`flatten`;
:func:`columns` lists every column a record type can have.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING, Any, get_args, get_origin

from pydantic import BaseModel

from asiaai_graph.schema.terms import VIEW_LANGUAGES
from asiaai_graph.schema import (
    Accelerator,
    AIModel,
    Citation,
    ComputeCluster,
    Country,
    Indicator,
    Investment,
    Money,
    Organization,
    PartialDate,
    Partnership,
    Person,
    Place,
    Policy,
    Product,
    Quantity,
    Record,
    Ref,
)

if TYPE_CHECKING:
    from asiaai_graph.graph.knowledge_graph import KnowledgeGraph

__all__ = ["LANGUAGES", "SEP", "Scalar", "column_types", "columns", "countries_of", "describe", "flatten", "label_column"]

Scalar = str | int | float | bool
"""What a flat column holds."""

SEP = "; "
"""How several values share one column."""

LANGUAGES: tuple[str, ...] = VIEW_LANGUAGES
"""Label languages that get a column of their own, in column order; names in the other languages of
Asia share one column, ``other_names`` (``vi: ...; th: ...``)."""

_IRREGULAR = {"modifies": "modified", "supports": "supported", "headquarters": "headquarters"}


def label_column(lang: str) -> str:
    """The column of a label language: ``ko`` -> ``name_ko``, ``zh-Hant`` -> ``name_zh_Hant``.

    >>> label_column("ko"), label_column("zh-Hant")
    ('name_ko', 'name_zh_Hant')
    """
    return "name_" + lang.replace("-", "_")


def _singular(field: str) -> str:
    if field in _IRREGULAR:
        return _IRREGULAR[field]
    if field.endswith("ies"):
        return field[:-3] + "y"
    return field[:-1] if field.endswith("s") else field


def _classes(annotation: Any) -> set[Any]:
    found: set[Any] = set()
    stack = [annotation]
    while stack:
        a = stack.pop()
        origin = get_origin(a)
        if origin is None:
            found.add(a)
        else:
            found.add(origin)
            stack.extend(get_args(a))
    return found


def _field_kind(model: type[Record], field: str) -> str:
    if field == "labels":
        return "labels"
    if field == "sources":
        return "sources"
    classes = _classes(model.model_fields[field].annotation)
    if tuple in classes and (Quantity in classes or Money in classes):
        return "list"  # several figures (a family's sizes): one text column
    for kind, cls in (("money", Money), ("quantity", Quantity), ("date", PartialDate), ("sources", Citation)):
        if cls in classes:
            return kind
    if any(isinstance(c, type) and issubclass(c, BaseModel) for c in classes):
        return "subrecords"
    if tuple in classes:
        return "list"
    return "scalar"


def _fields(model: type[Record]) -> list[str]:
    names = list(model.model_fields)
    if "sources" in names:
        names.remove("sources")
        names.append("sources")
    return names


def _refs(model: type[Record]) -> dict[str, Ref]:
    return {r.field: r for r in model.refs}


def _is_list(model: type[Record], field: str) -> bool:
    return get_origin(model.model_fields[field].annotation) is tuple


def _scalar_type(model: type[Record], field: str) -> str:
    classes = _classes(model.model_fields[field].annotation)
    if bool in classes:
        return "bool"
    if int in classes:
        return "int"
    if Decimal in classes or float in classes:
        return "number"
    return "str"


def _field_columns(model: type[Record], field: str, langs: Iterable[str]) -> list[tuple[str, str]]:
    kind = _field_kind(model, field)
    ref = _refs(model).get(field)
    if kind == "labels":
        return [*((label_column(lang), "str") for lang in langs), ("other_names", "str")]
    if kind == "money":
        currency = "currency" if field == "amount" else f"{field}_currency"
        return [(field, "number"), (currency, "str"), (f"{field}_qualifier", "str"),
                (f"{field}_upper", "number"), (f"{field}_equivalents", "str"), (f"{field}_price_year", "int")]
    if kind == "quantity":
        return [(field, "number"), (f"{field}_qualifier", "str"), (f"{field}_upper", "number"),
                (f"{field}_unit", "str"), (f"{field}_confidence", "str")]
    if kind == "date":
        return [(field, "str"), (f"{field}_precision", "str"), (f"{field}_approximate", "bool")]
    if ref is not None and ref.key is not None:
        return [(field, "str"), (f"{_singular(field)}_names", "str"), (f"{field}_detail", "str")]
    if ref is not None:
        names = f"{_singular(field)}_names" if _is_list(model, field) else f"{field}_name"
        return [(field, "str"), (names, "str")]
    if kind == "scalar":
        return [(field, _scalar_type(model, field))]
    return [(field, "str")]


def column_types(model: type[Record], langs: Iterable[str] = LANGUAGES) -> dict[str, str]:
    """Every column :func:`flatten` can give a record of ``model``, in order, with its type.

    The type is ``"str"``, ``"int"``, ``"number"`` (an int when whole, else a float)
    or ``"bool"``; ``langs`` are the label languages to give a ``name_*`` column.

    >>> from asiaai_graph import AIModel
    >>> types = column_types(AIModel, langs=["ko"])
    >>> types["parameters"], types["open_weights"], types["released_precision"]
    ('number', 'bool', 'str')
    """
    langs = list(langs)
    return {c: t for f in _fields(model) for c, t in _field_columns(model, f, langs)}


def columns(model: type[Record], langs: Iterable[str] = LANGUAGES) -> list[str]:
    """Every column :func:`flatten` can give a record of ``model``, in order.

    ``langs`` are the label languages to give a ``name_*`` column; names in other languages
    share ``other_names``.

    >>> from asiaai_graph import AIModel
    >>> cols = columns(AIModel, langs=["ko"])
    >>> cols[:5], cols[-1]
    (['id', 'name', 'name_ko', 'other_names', 'aliases'], 'sources')
    >>> [c for c in cols if c.startswith("training_cost")]
    ['training_cost', 'training_cost_currency', 'training_cost_qualifier', 'training_cost_upper', 'training_cost_equivalents', 'training_cost_price_year']
    """
    return list(column_types(model, langs))


def _number(d: Decimal) -> int | float:
    return int(d) if d == d.to_integral_value() else float(d)


def describe(value: Any) -> str:
    """A short reading of any field value, as the explorer and ``*_detail`` columns show it.

    >>> from asiaai_graph import InvestorRole, Money
    >>> describe(InvestorRole(organization="alibaba", lead=True))
    'alibaba (lead)'
    >>> describe(Money.model_validate({"amount": 5, "currency": "USD", "qualifier": "about",
    ...     "equivalents": [{"amount": 700, "currency": "KRW"}]}))
    '≈ 5 USD (700 KRW)'
    """
    if isinstance(value, (Money, Quantity)):
        return value.describe()
    if isinstance(value, PartialDate):
        return str(value)
    if isinstance(value, Citation):
        return value.source
    if isinstance(value, BaseModel):
        items = [(k, v) for k, v in value if v not in (None, (), {})]
        fields = type(value).model_fields
        items = [(k, v) for k, v in items if fields[k].is_required() or v != fields[k].default]
        if not items:
            return ""
        (_, first), rest = items[0], items[1:]
        parts = []
        for k, v in rest:
            if isinstance(v, bool):
                parts.append(k if v else f"not {k}")
            elif isinstance(v, str):
                parts.append(v)
            else:
                parts.append(f"{k} {describe(v)}")
        return describe(first) + (f" ({', '.join(parts)})" if parts else "")
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (tuple, list)):
        return SEP.join(describe(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {v}" for k, v in value.items())
    return str(value)


def _name(kg: KnowledgeGraph, rid: str) -> str:
    record = kg.get(rid)
    return record.label if record is not None else rid


def flatten(kg: KnowledgeGraph, record: Record) -> dict[str, Scalar]:
    """The record as ``column -> scalar``, empty fields left out (see the module's rules).

    >>> import asiaai_graph as ag
    >>> kg = ag.load()
    >>> row = flatten(kg, kg["sensetime-2018-round"])
    >>> row["amount"], row["currency"], row["amount_qualifier"], row["date"], row["date_precision"]
    (600000000, 'USD', 'exact', '2018', 'year')
    >>> row["investors"], row["investor_names"], row["investors_detail"]
    ('alibaba-group', 'Alibaba Group', 'alibaba-group (lead)')
    """
    model = type(record)
    refs = _refs(model)
    row: dict[str, Scalar] = {}
    for field in _fields(model):
        value = getattr(record, field)
        if value is None or value == () or value == {}:
            continue
        kind = _field_kind(model, field)
        ref = refs.get(field)
        if kind == "labels":
            for lang in LANGUAGES:
                if lang in value:
                    row[label_column(lang)] = value[lang]
            others = [f"{lang}: {text}" for lang, text in value.items() if lang not in LANGUAGES]
            if others:
                row["other_names"] = SEP.join(others)
        elif kind == "money":
            row[field] = _number(value.amount)
            row["currency" if field == "amount" else f"{field}_currency"] = value.currency
            row[f"{field}_qualifier"] = value.qualifier
            if value.upper is not None:
                row[f"{field}_upper"] = _number(value.upper)
            if value.equivalents:
                row[f"{field}_equivalents"] = SEP.join(describe(e) for e in value.equivalents)
            if value.price_year is not None:
                row[f"{field}_price_year"] = value.price_year
        elif kind == "quantity":
            row[field] = _number(value.value)
            row[f"{field}_qualifier"] = value.qualifier
            if value.upper is not None:
                row[f"{field}_upper"] = _number(value.upper)
            if value.unit is not None:
                row[f"{field}_unit"] = value.unit
            if value.confidence is not None:
                row[f"{field}_confidence"] = value.confidence
        elif kind == "date":
            row[field] = value.isoformat()
            row[f"{field}_precision"] = value.precision
            row[f"{field}_approximate"] = value.approximate
        elif kind == "sources":
            row[field] = SEP.join(dict.fromkeys(c.source for c in value))
        elif ref is not None and ref.key is not None:
            ids = [getattr(sub, ref.key) for sub in value]
            row[field] = SEP.join(ids)
            row[f"{_singular(field)}_names"] = SEP.join(_name(kg, i) for i in ids)
            row[f"{field}_detail"] = SEP.join(describe(sub) for sub in value)
        elif ref is not None:
            ids = list(value) if isinstance(value, tuple) else [value]
            column = f"{_singular(field)}_names" if _is_list(model, field) else f"{field}_name"
            row[field] = SEP.join(ids)
            row[column] = SEP.join(_name(kg, i) for i in ids)
        elif isinstance(value, tuple):
            row[field] = SEP.join(describe(v) for v in value)
        elif isinstance(value, Decimal):
            row[field] = _number(value)
        elif isinstance(value, (str, int, float, bool)):
            row[field] = value
        else:
            row[field] = describe(value)
    return row


def countries_of(kg: KnowledgeGraph, record: Record, _depth: int = 0) -> tuple[str, ...]:
    """The countries a record belongs to or is about (an investment: where the money goes *and* comes from).

    >>> import asiaai_graph as ag
    >>> kg = ag.load()
    >>> countries_of(kg, kg["deepseek-v3"]), countries_of(kg, kg["shanghai"])
    (('CN',), ('CN',))
    """
    if _depth > 8:
        return ()

    def of(ids: Iterable[str | None]) -> tuple[str, ...]:
        found: dict[str, None] = {}
        for i in ids:
            other = kg.get(i) if i else None
            if other is not None:
                found.update(dict.fromkeys(countries_of(kg, other, _depth + 1)))
        return tuple(found)

    if isinstance(record, Country):
        return (record.id,)
    if isinstance(record, Place):
        if record.country:
            return (record.country,)
        return of([record.part_of])
    if isinstance(record, Organization):
        return (record.country,) if record.country else ()
    if isinstance(record, Person):
        return tuple(dict.fromkeys(((record.country,) if record.country else ())
                                   + of(a.organization for a in record.affiliations)))
    if isinstance(record, AIModel):
        return of(record.developers)
    if isinstance(record, Product):
        return of(record.makers)
    if isinstance(record, Policy):
        return of([record.jurisdiction])
    if isinstance(record, Investment):
        return of([record.investee, *record.targets, *(i.organization for i in record.investors)])
    if isinstance(record, Partnership):
        return of([*record.parties, *record.places])
    if isinstance(record, Indicator):
        return of([record.subject])
    if isinstance(record, ComputeCluster):
        return (record.country,) if record.country else of([record.place])
    if isinstance(record, Accelerator):
        return of(record.makers)
    return ()
