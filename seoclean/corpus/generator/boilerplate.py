"""Spam-platform boilerplate: the lines free blog, wiki and site-builder hosts put around a post
("blog article", "Report this page", "Sign up for free", "Powered by ...", a copyright line).

Every line is a ``boilerplate`` span. The lines are our own wording (``data/boilerplate.txt``)
with invented platform names, so a detector cannot learn one real host's exact strings.
"""

from __future__ import annotations

import random
import string

from seoclean.corpus.generator.page import PageLine, Wrapper, fill
from seoclean.corpus.pools import read_pool


def spam_site_name(rng: random.Random, platform: str) -> str:
    """A throwaway subdomain such as ``jaxon7t2qw.postlark.com``."""
    letters = "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(4, 8)))
    digits = "".join(rng.choice(string.digits + string.ascii_lowercase) for _ in range(rng.randint(2, 5)))
    return f"{letters}{digits}.{platform.lower()}.com"


def make_boilerplate(
    rng: random.Random, *, title: str, n_top: int | None = None, n_bottom: int | None = None
) -> Wrapper:
    """Platform lines for one post: 0-3 above it and 2-8 below it, unless given."""
    pool = read_pool("boilerplate")
    platform = rng.choice(pool["platforms"])
    user = rng.choice(("admin", "guest", "editor")) if rng.random() < 0.4 else spam_site_name(rng, "x").split(".")[0]
    values = {"platform": platform, "site": spam_site_name(rng, platform), "user": user, "title": title}
    n_top = rng.choice((0, 1, 1, 2, 3)) if n_top is None else n_top
    n_bottom = rng.randint(2, 8) if n_bottom is None else n_bottom
    top = [PageLine(fill(text, rng, values), "platform", spam=True) for text in rng.sample(pool["top"], n_top)]
    bottom = [PageLine(fill(text, rng, values), "platform", spam=True) for text in rng.sample(pool["bottom"], n_bottom)]
    # No site name: the page header shows an ordinary one, chosen the same way for clean and spam rows.
    return Wrapper(tuple(top), tuple(bottom))
