"""Reading GitHub-flavoured Markdown pipe tables, their headings, and the links in their cells.

Only what the dataset lists use is read: ATX headings (``## Title``) with the
``<a id="...">`` anchor written just before them, pipe tables (a header row, a
delimiter row, then rows that start with ``|``), and in cells: links
``[text](url)``, bold ``**text**``, line breaks ``<br>``, footnote references
``[^id]``, HTML entities, and other inline HTML tags (dropped from the text).
Lines inside fenced code blocks and HTML comments are skipped.

A row is *broken* when it has fewer cells than its header (a lost ``|`` would
shift every later column) or when a cell holds an unclosed link. Cells beyond
the header are kept (GitHub would hide them) and reported as notes by the readers.

Examples
--------
>>> cell = parse_cell("Llama<br>([**172b**](https://huggingface.co/llm-jp/llm-jp-3-172b), "
...                   "[**172b**-instruct2](https://h.co/x))")
>>> cell.text
'Llama\\n(172b, 172b-instruct2)'
>>> cell.links[0]
Link(text='172b', url='https://huggingface.co/llm-jp/llm-jp-3-172b')
>>> cell.bold
('172b', '172b')
>>> split_row("| [Sarashina2](https://x) | 2024 | SB Intuitions |")  # raw cells, spaces kept
[' [Sarashina2](https://x) ', ' 2024 ', ' SB Intuitions ']
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from asiaai_graph.importers.table import visible

__all__ = [
    "Cell",
    "Heading",
    "Link",
    "heading",
    "RawTable",
    "iter_tables",
    "parse_cell",
    "split_row",
    "split_top_level",
    "unclosed_link",
]

# [text](url): one level of brackets inside the text, balanced parentheses in the URL.
_LINK = re.compile(r"(?<!!)\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\(\s*([^()\s]*(?:\([^()\s]*\)[^()\s]*)*)\s*\)")
# The id stops at "[" too: "[^[^[^..." is then one short try per "[", not a scan to the end each time.
_FOOTNOTE_REF = re.compile(r"\[\^([^\[\]\s]+)\]")
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_BOLD = re.compile(r"\*\*(.+?)\*\*", re.DOTALL)
_DELIMITER_CELL = re.compile(r":?-+:?")
_ANCHOR = re.compile(r'<a\s+id="([^"]+)"\s*>\s*</a>')
_UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")
_SPACES = re.compile(r"[^\S\n]+")
# A numeric character reference: html.unescape drops those of control characters without a word.
_CHARREF = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\ufeff]")


@dataclass(frozen=True, slots=True)
class Link:
    """A Markdown link: its text (as plain text) and its URL.

    Examples
    --------
    >>> Link("Sarashina2", "https://www.sbintuitions.co.jp/")
    Link(text='Sarashina2', url='https://www.sbintuitions.co.jp/')
    """

    text: str
    url: str


@dataclass(frozen=True, slots=True)
class Cell:
    """One table cell: its Markdown, its plain text, and what the Markdown marks in it.

    Attributes
    ----------
    markdown : str
        The cell's Markdown, stripped of outer spaces.
    text : str
        Plain text: links become their text, ``<br>`` a line break, bold marks,
        footnote references, zero-width characters and other HTML tags go, entities
        are decoded, and spaces are collapsed within each line.
    links : tuple of Link
        The links, in order.
    bold : tuple of str
        The plain text of each bold span, in order (LLM-jp marks sizes in bold).
    footnotes : tuple of str
        The ids of footnotes referenced (``[^22]`` -> ``"22"``).

    Examples
    --------
    >>> parse_cell("Llama[^22]<br>([**100b**](https://huggingface.co/pfnet/plamo-100b))").footnotes
    ('22',)
    """

    markdown: str
    text: str
    links: tuple[Link, ...]
    bold: tuple[str, ...]
    footnotes: tuple[str, ...]

    def __bool__(self) -> bool:
        return bool(self.markdown)

    @property
    def first_line(self) -> str:
        """The first non-empty line of the plain text ("" for an empty cell).

        Examples
        --------
        >>> parse_cell("[Karamaru](https://sakana.ai/karamaru/)<br>([Karamaru-v1](https://h.co/k))").first_line
        'Karamaru'
        """
        for line in self.text.split("\n"):
            if line:
                return line
        return ""


def _plain(markdown: str) -> str:
    text = _BR.sub("\n", markdown)
    text = _FOOTNOTE_REF.sub("", text)
    text = _TAG.sub("", text)
    text = text.replace("**", "")
    text = visible(_INVISIBLE.sub("", html.unescape(_CHARREF.sub(_keep_refused, text))))
    return "\n".join(line for line in (_SPACES.sub(" ", part).strip() for part in text.split("\n")) if line)


def _keep_refused(m: re.Match[str]) -> str:
    """A numeric reference to a character the loader refuses (or HTML drops) kept as visible text."""
    try:
        char = chr(int(m.group(1), 16) if m.group(1) else int(m.group(2)))
    except (ValueError, OverflowError):
        return m.group()
    if char in "\t\n" or not (char < " " or "\x7f" <= char <= "\x9f" or visible(char) != char):
        return m.group()
    return "&amp;" + visible(char)[1:]  # html.unescape turns it back into "&#x1b;"


def unclosed_link(markdown: str) -> bool:
    """Whether a cell holds link syntax that does not close (``[text](url`` or ``[text] (url)``).

    Examples
    --------
    >>> unclosed_link("[Qwen](https://qwen.ai"), unclosed_link("[Qwen](https://qwen.ai)")
    (True, False)
    """
    rest = _LINK.sub("", markdown)
    return "](" in rest


def parse_cell(markdown: str) -> Cell:
    """Parse one cell's Markdown into a :class:`Cell`.

    Examples
    --------
    >>> c = parse_cell(" Megagon Labs <br> (Recruit Co.,Ltd.) ")
    >>> c.text
    'Megagon Labs\\n(Recruit Co.,Ltd.)'
    >>> parse_cell("CC BY&#x2011;NC 4.0").text
    'CC BY‑NC 4.0'
    >>> parse_cell("").text, parse_cell("").links
    ('', ())
    """
    markdown = markdown.strip()
    if not markdown:
        return Cell("", "", (), (), ())
    links = tuple(Link(_plain(m.group(1)), m.group(2)) for m in _LINK.finditer(markdown))
    without_links = _LINK.sub(lambda m: m.group(1), markdown)
    bold = tuple(b for b in (_plain(m.group(1)) for m in _BOLD.finditer(without_links)) if b)
    footnotes = tuple(m.group(1) for m in _FOOTNOTE_REF.finditer(markdown))
    return Cell(markdown, _plain(without_links), links, bold, footnotes)


def heading(line: str) -> tuple[int, str] | None:
    """``(level, text)`` of an ATX heading line (``## Title ##``), or ``None``.

    Done with string methods: the regular expression it replaces,
    ``(#{1,6})\\s+(.*?)\\s*#*\\s*$``, took cubic time on a heading with a long run of spaces.

    Examples
    --------
    >>> heading("## Text Generation Models"), heading("### C# ##"), heading("####### seven"), heading("#hashtag")
    ((2, 'Text Generation Models'), (3, 'C#'), None, None)
    """
    text = line.strip()
    level = len(text) - len(text.lstrip("#"))
    rest = text[level:]
    if not 1 <= level <= 6 or not rest[:1].isspace():
        return None
    return level, rest.strip().rstrip("#").rstrip()


def split_row(line: str) -> list[str]:
    """The raw cells of a pipe-table row: outer pipes removed, split on unescaped ``|``.

    Examples
    --------
    >>> split_row("|7|深度求索|[Deepseek Coder](https://github.com/deepseek-ai/DeepSeek-Coder)|浙江杭州|代码|✔||")
    ['7', '深度求索', '[Deepseek Coder](https://github.com/deepseek-ai/DeepSeek-Coder)', '浙江杭州', '代码', '✔', '']
    >>> split_row("|244|山西大学|后稷|太原|农业|✘|| 基于Baichuan")
    ['244', '山西大学', '后稷', '太原', '农业', '✘', '', ' 基于Baichuan']
    """
    text = line.strip()
    if text.startswith("|"):
        text = text[1:]
    if text.endswith("|") and not text.endswith("\\|"):
        text = text[:-1]
    return [cell.replace("\\|", "|") for cell in _UNESCAPED_PIPE.split(text)]


def split_top_level(text: str, separators: str = r",\s+|、|，") -> list[str]:
    """Split plain text on separators that are outside parentheses and brackets; parts are stripped.

    Examples
    --------
    >>> split_top_level("Titech, Tohoku Univ., Fujitsu")
    ['Titech', 'Tohoku Univ.', 'Fujitsu']
    >>> split_top_level("Individual (Ikuya Yamada, Ryokan Ri)")
    ['Individual (Ikuya Yamada, Ryokan Ri)']
    >>> split_top_level("Recruit Co.,Ltd.")
    ['Recruit Co.,Ltd.']
    >>> split_top_level("山西大学、山西农业大学")
    ['山西大学', '山西农业大学']
    """
    pattern = re.compile(separators)
    parts: list[str] = []
    depth = 0
    start = 0
    i = 0
    while i < len(text):
        ch = text[i]
        if ch in "([（【":
            depth += 1
        elif ch in ")]）】":
            depth = max(0, depth - 1)
        elif depth == 0:
            m = pattern.match(text, i)
            if m and m.end() > i:
                parts.append(text[start:i])
                start = i = m.end()
                continue
        i += 1
    parts.append(text[start:])
    return [p.strip() for p in parts if p.strip()]


@dataclass(frozen=True, slots=True)
class Heading:
    """An ATX heading: level, plain text, line, and the ``<a id>`` anchor written just before it.

    Examples
    --------
    >>> Heading(2, "Text Generation Models", 29, "generative").level
    2
    """

    level: int
    text: str
    line: int
    anchor: str | None


@dataclass(frozen=True, slots=True)
class RawTable:
    """A pipe table as found: its headings, header line and cells, and its rows' lines and raw cells.

    Examples
    --------
    >>> t = next(iter_tables(["## A", "", "|x|y|", "|---|---|", "|1|2|"]))
    >>> t.headings[-1].text, t.header_line, t.header, t.rows
    ('A', 3, ('x', 'y'), ((5, ('1', '2')),))
    """

    index: int
    headings: tuple[Heading, ...]
    header_line: int
    header: tuple[str, ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]
    ended_by: tuple[int, str] | None = None


def _is_delimiter(line: str) -> bool:
    if not line.lstrip().startswith("|") and "|" not in line:
        return False
    cells = [c.strip() for c in split_row(line)]
    return bool(cells) and all(_DELIMITER_CELL.fullmatch(c) for c in cells)


def iter_tables(lines: Iterable[str]) -> Iterator[RawTable]:
    """Yield the pipe tables of a Markdown document (given as lines), in order, with their heading path.

    ``headings`` is the stack of enclosing headings (level 1 first). ``ended_by`` is
    the (line, text) of a non-blank line that follows the table's last row without a
    blank line in between (GitHub would read it as one more row), or ``None``.
    """
    stack: list[Heading] = []
    anchor: str | None = None
    in_fence = False
    in_comment = False
    pending: tuple[int, str] | None = None  # a line that may be a header row
    table: tuple[int, tuple[str, ...]] | None = None
    rows: list[tuple[int, tuple[str, ...]]] = []
    index = 0

    def finish(ended_by: tuple[int, str] | None) -> RawTable:
        assert table is not None
        return RawTable(index, tuple(stack), table[0], table[1], tuple(rows), ended_by)

    for number, raw in enumerate(lines, start=1):
        line = raw.rstrip("\r\n")
        stripped = line.strip()
        if table is not None:
            if stripped.startswith("|"):
                rows.append((number, tuple(split_row(line))))
                continue
            yield finish((number, line) if stripped else None)
            index += 1
            table, rows = None, []
        if in_comment:
            in_comment = "-->" not in line
            continue
        if stripped.startswith("```") or stripped.startswith("~~~"):
            in_fence = not in_fence
            pending = None
            continue
        if in_fence:
            continue
        if stripped.startswith("<!--") and "-->" not in stripped:
            in_comment = True
            continue
        m = _ANCHOR.fullmatch(stripped)
        if m:
            anchor = m.group(1)
            continue
        found = heading(stripped)
        if found:
            level, title = found
            while stack and stack[-1].level >= level:
                stack.pop()
            stack.append(Heading(level, _plain(title), number, anchor))
            anchor = None
            pending = None
            continue
        if stripped and not stripped.startswith("<"):
            anchor = None
        if pending is not None and _is_delimiter(line):
            table = (pending[0], tuple(c for c in split_row(pending[1])))
            pending = None
            continue
        pending = (number, line) if stripped.startswith("|") else None
    if table is not None:
        yield finish(None)
