"""Read *Awesome LLMs In China* (中国大模型列表) into typed rows.

Data: wgwang, https://github.com/wgwang/awesome-LLMs-In-China , Apache License 2.0.
The list asks every user of its data to credit it, in its own words (README.zh.md, line 7):

    使用数据请注明来源：**微信公众号：走向未来** 和 **仓库：https://github.com/wgwang/awesome-LLMs-In-China**

that is, the WeChat official account 「走向未来」 and the repository. The reader finds that
line and returns it as the table's ``attribution``.

Only the list of Chinese models is read: the one table under ``## 大模型列表``, with the
columns 序号 (number), 公司 (organization), 大模型 (model), 省市 (province/city),
类别 (category), 官网 (official site: ✔ / ✘) and 说明 (notes). The second table,
``## 国外大模型`` (foreign models), is not read.

How cells are read:

* 公司 may name several organizations separated by "、", "+" or "&" ("山西大学、山西农业大学",
  "慧言科技+天津大学", "浙江大学&OpenKG"); parenthesised text stays with its name ("春田知韵（抖音）").
* 大模型 may name several models, as links or plain text, separated by "," "，" or "、"
  outside link text ("[Qwen-1.8B,7B,14B,72B](...)" stays one model).
* 省市 is split into province and city only where it starts with the name of a
  provincial-level division ("浙江杭州" -> 浙江, 杭州); a municipality or region alone
  ("北京", "香港") is a province with no city; anything else ("太原") is a city with
  no province. The raw value is kept.
* 官网 is ``True`` for ✔, ``False`` for ✘ (zero-width spaces ignored), ``None``
  otherwise (one row puts a link there; it stays in the cell's links).
* Text after a row's last ``|`` (two rows put a note there) is kept in ``extra``
  and reported in the table's notes.

Row 序号 values are not unique in the file (192 and 215 occur twice), so rows are
identified by line, not by number.

Examples
--------
>>> import tempfile, os
>>> md = '''## 大模型列表
...
... |序号|公司|大模型|省市|类别|官网|说明|
... |:-|:-|:-|:-|:-|:-|:-|
... |12|华为|[盘古](https://x.cn/a),[盘古气象](https://x.cn/b)|广东深圳|工业|✔|华为+鹏城|
... '''
>>> with tempfile.TemporaryDirectory() as d:
...     path = os.path.join(d, "README.zh.md")
...     with open(path, "w", encoding="utf-8") as f:
...         _ = f.write(md)
...     row = read_china_llms(path).rows[0]
>>> row.line, row.number, row.organizations, [m.name for m in row.models]
(5, 12, ('华为',), ['盘古', '盘古气象'])
>>> row.province, row.city, row.category, row.official_site
('广东', '深圳', '工业', True)
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from os import PathLike
from pathlib import Path
from typing import Final

from asiaai_graph.utils.errors import DataError, Problem
from asiaai_graph.importers.markdown import Cell, Link, iter_tables, parse_cell, split_top_level, unclosed_link
from asiaai_graph.importers.table import SourceRow, Table, clip, collapse_spaces

__all__ = ["COLUMNS", "PROVINCES", "ChinaLlmRow", "ChinaLlmTable", "ListedModel", "read_china_llms", "split_place"]

#: The list's columns, in order.
COLUMNS: Final = ("序号", "公司", "大模型", "省市", "类别", "官网", "说明")

#: China's provincial-level divisions (provinces, autonomous regions, municipalities, SARs) and Taiwan,
#: as the list writes them (short forms).
PROVINCES: Final[frozenset[str]] = frozenset(
    """北京 天津 上海 重庆 河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 海南
    四川 贵州 云南 陕西 甘肃 青海 台湾 内蒙古 广西 西藏 宁夏 新疆 香港 澳门""".split()
)

_SECTION = "大模型列表"
_ATTRIBUTION = "使用数据请注明来源"
_MODEL_SEP = r"\s*(?:,|，|、)\s*"
_ORG_SEP = r"\s*(?:、|\+|＋|&|＆)\s*"
_PLACEHOLDER = re.compile("\x00(\\d+)\x00")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\ufeff]")


@dataclass(frozen=True, slots=True)
class ListedModel:
    """A model named in the 大模型 cell: its name and, when it is a link, the URL.

    Examples
    --------
    >>> ListedModel("文心一言", "https://yiyan.baidu.com")
    ListedModel(name='文心一言', url='https://yiyan.baidu.com')
    """

    name: str
    url: str | None


def split_place(value: str) -> tuple[str | None, str | None]:
    """(province, city) from a 省市 value, using :data:`PROVINCES` only.

    Examples
    --------
    >>> split_place("浙江杭州"), split_place("北京"), split_place("内蒙古呼和浩特"), split_place("太原")
    (('浙江', '杭州'), ('北京', None), ('内蒙古', '呼和浩特'), (None, '太原'))
    """
    value = value.strip()
    if not value:
        return (None, None)
    for length in (3, 2):
        head = value[:length]
        if head in PROVINCES:
            return (head, value[length:] or None)
    return (None, value)


_LINK_MARKDOWN = re.compile(r"\[(?:[^\[\]]|\[[^\[\]]*\])*\]\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*\)")


def _models(cell: Cell) -> tuple[ListedModel, ...]:
    held: list[str] = []

    def hold(m: re.Match[str]) -> str:
        held.append(m.group(0))
        return f"\x00{len(held) - 1}\x00"

    # Hide each link behind a placeholder so that commas inside link text do not split it.
    masked = _LINK_MARKDOWN.sub(hold, cell.markdown)
    models: list[ListedModel] = []
    for part in split_top_level(masked, _MODEL_SEP):
        m = _PLACEHOLDER.fullmatch(part)
        if m:
            link = parse_cell(held[int(m.group(1))]).links[0]
            models.append(ListedModel(collapse_spaces(link.text), link.url))
        else:
            text = collapse_spaces(parse_cell(_PLACEHOLDER.sub(lambda x: held[int(x.group(1))], part)).text)
            if text:
                models.append(ListedModel(text, None))
    return tuple(models)


@dataclass(frozen=True, slots=True)
class ChinaLlmRow(SourceRow):
    """One row of the Chinese model list.

    ``name`` (the problem record) is the 大模型 cell's plain text. ``values`` holds every
    cell parsed (links split), by column.
    """

    values: Mapping[str, Cell] = field(repr=False)
    number: int
    organization: str
    organizations: tuple[str, ...]
    models: tuple[ListedModel, ...]
    place: str | None
    province: str | None
    city: str | None
    category: str | None
    official_site: bool | None
    notes: str | None
    extra: tuple[Cell, ...] = ()

    @property
    def links(self) -> tuple[Link, ...]:
        """Every link in the row, column by column (then those after the last column)."""
        cells = [*self.values.values(), *self.extra]
        return tuple(link for cell in cells for link in cell.links)


@dataclass(frozen=True, slots=True)
class ChinaLlmTable(Table[ChinaLlmRow]):
    """The rows of the Chinese model list; ``attribution`` is the list's own credit line and its line."""

    attribution: tuple[int, str] | None = None


def read_china_llms(path: str | PathLike[str], *, skip_bad_rows: bool = False) -> ChinaLlmTable:
    """Read the 大模型列表 table of awesome-LLMs-In-China's README.zh.md.

    Raises
    ------
    DataError
        For a file without the table or with other columns, or (unless ``skip_bad_rows``)
        broken rows: fewer cells than the header, an unclosed link, a 序号 that is not a
        number, or no organization or model.

    Examples
    --------
    >>> import tempfile, os
    >>> with tempfile.TemporaryDirectory() as d:
    ...     path = os.path.join(d, "README.zh.md")
    ...     with open(path, "w", encoding="utf-8") as f:
    ...         _ = f.write("## 大模型列表\\n\\n|序号|公司|大模型|省市|类别|官网|说明|\\n|-|-|-|-|-|-|-|\\n|x|百度|文心一言|北京|通用|✔||\\n")
    ...     read_china_llms(path)
    Traceback (most recent call last):
    ...
    asiaai_graph.utils.errors.DataError: 1 problem in the data:
      ...README.zh.md:5: record 文心一言, field 序号: not a number (at most 9 digits 0-9): 'x'
    """
    file = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError([Problem(file, None, None, None, f"cannot read the file: {exc}")]) from None
    lines = text.split("\n")
    attribution = next(
        ((i, line.strip()) for i, line in enumerate(lines, start=1) if _ATTRIBUTION in line), None
    )
    table = next((t for t in iter_tables(lines) if t.headings and t.headings[-1].text == _SECTION), None)
    if table is None:
        raise DataError([Problem(file, None, None, None, f"no table under a heading '{_SECTION}'")])
    header = tuple(collapse_spaces(c) for c in table.header)
    if header != COLUMNS:
        raise DataError([Problem(file, table.header_line, None, None,
                                 f"the columns are {list(header)}, expected {list(COLUMNS)}")])
    rows: list[ChinaLlmRow] = []
    problems: list[Problem] = []
    notes: list[Problem] = []
    for line, raw_cells in table.rows:
        row = _read_row(file, line, raw_cells)
        if isinstance(row, list):
            problems.extend(row)
            continue
        if row.extra:
            notes.append(row.problem(None, "text after the last column: " + " | ".join(c.markdown for c in row.extra)))
        if row.official_site is None and row.values["官网"]:
            notes.append(row.problem("官网", f"neither ✔ nor ✘: {clip(row.values['官网'].markdown)!r}"))
        rows.append(row)
    if problems and not skip_bad_rows:
        raise DataError(problems)
    return ChinaLlmTable(
        "awesome-llms-in-china", file, "awesome-llms-in-china-zh", COLUMNS, tuple(rows), tuple(problems),
        tuple(notes), attribution=attribution,
    )


def _read_row(file: str, line: int, raw_cells: Sequence[str]) -> ChinaLlmRow | list[Problem]:
    cells = [parse_cell(c) for c in raw_cells]
    name = collapse_spaces(cells[2].text) or None if len(cells) > 2 else None
    if len(cells) < len(COLUMNS):
        return [Problem(file, line, name, None, f"the row has {len(cells)} cells, the header {len(COLUMNS)}")]
    values = dict(zip(COLUMNS, cells))
    problems: list[Problem] = []
    for column, cell in values.items():
        if unclosed_link(cell.markdown):
            problems.append(Problem(file, line, name, column, "a Markdown link is not closed"))
    number_text = values["序号"].text
    # the digits 0-9 only: str.isdigit() is true of "²", which int() then refuses
    number = int(number_text) if number_text.isascii() and number_text.isdigit() and len(number_text) < 10 else None
    if number is None:
        problems.append(Problem(file, line, name, "序号", f"not a number (at most 9 digits 0-9): {clip(number_text)!r}"))
    organization = collapse_spaces(values["公司"].text)
    if not organization:
        problems.append(Problem(file, line, name, "公司", "no organization"))
    models = _models(values["大模型"])
    if not models:
        problems.append(Problem(file, line, name, "大模型", "no model"))
    if problems or number is None:
        return problems
    place = collapse_spaces(values["省市"].text) or None
    province, city = split_place(place or "")
    mark = _INVISIBLE.sub("", values["官网"].markdown).strip()
    official = True if mark == "✔" else False if mark == "✘" else None
    return ChinaLlmRow(
        "awesome-llms-in-china",
        file,
        line,
        dict(zip(COLUMNS, raw_cells)),
        name,
        values=values,
        number=number,
        organization=organization,
        organizations=tuple(collapse_spaces(o) for o in split_top_level(organization, _ORG_SEP)),
        models=models,
        place=place,
        province=province,
        city=city,
        category=collapse_spaces(values["类别"].text) or None,
        official_site=official,
        notes=values["说明"].text or None,
        extra=tuple(c for c in cells[len(COLUMNS):] if c),
    )
