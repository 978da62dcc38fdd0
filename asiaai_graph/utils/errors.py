"""The library's exceptions: :class:`DataError` for bad input, :class:`NotFound` for unknown ids,
:class:`StoreError` for a triple store that fails a request, :class:`QueryError` for a SPARQL
query that cannot be answered."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["DataError", "MovedIdWarning", "NotFound", "Problem", "QueryError", "StoreError", "clip"]


def clip(text: str, keep: int = 80) -> str:
    """``text`` as a message may echo it: its first ``keep`` characters, and how long it is when longer.

    A hostile dataset cell may be megabytes long; a message shows its start and its length.

    Examples
    --------
    >>> clip("GLM-4"), clip("[" * 200_000, 5)
    ('GLM-4', '[[[[[… (200,000 characters)')
    """
    return text if len(text) <= keep else f"{text[:keep]}… ({len(text):,} characters)"


_KEEP_NAME, _KEEP_MESSAGE = 120, 2000


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input: where it is and what is wrong.

    Examples
    --------
    >>> str(Problem("data/models.yaml", 12, "deepseek-v3", "parameters.value", "Input should be a valid decimal"))
    'data/models.yaml:12: record deepseek-v3, field parameters.value: Input should be a valid decimal'
    """

    file: str | None
    line: int | None
    record: str | None
    field: str | None
    message: str

    def __str__(self) -> str:
        # a record or field named by a hostile dataset cell may be megabytes long: the message shows its start
        where = self.file or "<records>"
        if self.line is not None:
            where += f":{self.line}"
        parts = []
        if self.record is not None:
            parts.append(f"record {clip(self.record, _KEEP_NAME)}")
        if self.field:
            parts.append(f"field {clip(self.field, _KEEP_NAME)}")
        what = ", ".join(parts)
        return f"{where}: {what + ': ' if what else ''}{clip(self.message, _KEEP_MESSAGE)}"


class DataError(ValueError):
    """Raised when input data is invalid; ``problems`` lists every problem found.

    Nothing is loaded when it is raised.

    Examples
    --------
    >>> err = DataError([Problem("a.yaml", 3, "x", "name", "Field required")])
    >>> print(err)
    1 problem in the data:
      a.yaml:3: record x, field name: Field required
    """

    problems: tuple[Problem, ...]

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__(self.problems)

    def __str__(self) -> str:
        n = len(self.problems)
        head = f"{n} problem{'s' if n != 1 else ''} in the data:"
        return "\n  ".join([head, *map(str, self.problems)])


class MovedIdWarning(UserWarning):
    """An old id was used: it now names another record (``data/moved.tsv`` says which, and why).

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     warnings.warn(MovedIdWarning("'zhong-xing-tong-xun' is now 'zte'"))
    >>> str(caught[0].message)
    "'zhong-xing-tong-xun' is now 'zte'"
    """


class NotFound(KeyError):
    """Raised for an id that is not in the graph; ``suggestions`` holds close ids.

    Examples
    --------
    >>> print(NotFound("deepsek", ["deepseek", "deepseek-v3"]))
    no record with id 'deepsek'; did you mean: deepseek, deepseek-v3?
    """

    def __init__(self, key: str, suggestions: Sequence[str] = (), message: str | None = None) -> None:
        self.key = key
        self.suggestions = tuple(suggestions)
        self.message = message
        super().__init__(key)

    def __str__(self) -> str:
        text = self.message or f"no record with id {self.key!r}"
        if self.suggestions:
            text += "; did you mean: " + ", ".join(self.suggestions) + "?"
        return text


class QueryError(ValueError):
    """A SPARQL query that cannot be answered: bad syntax, over its time or row limit, or refused.

    A ``ValueError``, as a bad query always was.

    Examples
    --------
    >>> print(QueryError("the query ran over its time limit of 60 s"))
    the query ran over its time limit of 60 s
    """


class StoreError(RuntimeError):
    """A request to a store failed: the server's status and message, or why it could not be reached.

    ``status`` is the HTTP status (``None`` when no answer came), ``message``
    the start of the server's answer, ``url`` the address (never with credentials).

    Examples
    --------
    >>> print(StoreError("PUT", "http://127.0.0.1:7878/store?graph=g", status=401, reason="Unauthorized",
    ...                  message="credentials required"))
    PUT http://127.0.0.1:7878/store?graph=g: the server answered 401 Unauthorized: credentials required
    """

    def __init__(
        self,
        method: str,
        url: str,
        *,
        status: int | None = None,
        reason: str = "",
        message: str = "",
        attempts: int = 1,
    ) -> None:
        self.method = method
        self.url = url
        self.status = status
        self.reason = reason
        self.message = message
        self.attempts = attempts
        super().__init__(str(self))

    def __str__(self) -> str:
        tries = f" (after {self.attempts} attempts)" if self.attempts > 1 else ""
        if self.status is None:
            return f"{self.method} {self.url}: could not reach the store{tries}: {self.message}"
        what = f"{self.status} {self.reason}".strip()
        return f"{self.method} {self.url}: the server answered {what}{tries}" + (
            f": {self.message}" if self.message else ""
        )
