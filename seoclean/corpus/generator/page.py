"""Lines around an article on a page: above it (navigation, a byline, platform header lines) and
below it (share buttons, related links, copyright). ``chrome`` makes ordinary site chrome,
``boilerplate`` makes spam-platform lines; ``render`` places both for each output format.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


@dataclass(frozen=True, slots=True)
class PageLine:
    """One line of page furniture. ``role`` says what it is (``nav``, ``share``, ``related``,
    ``footer``, ``platform``...); ``spam`` lines become ``boilerplate`` spans."""

    text: str
    role: str
    spam: bool = False


@dataclass(frozen=True, slots=True)
class Wrapper:
    top: tuple[PageLine, ...] = ()
    bottom: tuple[PageLine, ...] = ()
    site: str = ""  # the site name shown in an HTML page's header

    def __add__(self, other: Wrapper) -> Wrapper:
        return Wrapper(self.top + other.top, self.bottom + other.bottom, self.site or other.site)

    @property
    def is_empty(self) -> bool:
        return not self.top and not self.bottom


def random_date(rng: random.Random) -> str:
    year, month, day = rng.randint(2019, 2025), rng.randrange(12), rng.randint(1, 28)
    style = rng.randrange(4)
    if style == 0:
        return f"{day} {_MONTHS[month]} {year}"
    if style == 1:
        return f"{_MONTHS[month]} {day}, {year}"
    if style == 2:
        return f"{year}-{month + 1:02d}-{day:02d}"
    return f"{day:02d}/{month + 1:02d}/{year}"


def fill(template: str, rng: random.Random, values: dict[str, str]) -> str:
    """Fill ``{placeholders}``; dates, years and numbers are drawn fresh for each line."""
    extra = {
        "date": random_date(rng),
        "year": str(rng.randint(2019, 2025)),
        "n": str(rng.choice((2, 3, 4, 5, 6, 7, 8, 12, 14, 27, 56, 103, 1204))),
    }
    return template.format(**{**extra, **values})
