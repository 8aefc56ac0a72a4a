"""Word lists of the certification rules: restricted title words and Power Platform product names.

Two tiers of product names (reference: microsoft-rules.md §5):
- VALIDATOR: the names Microsoft's validator rejects in `info.description` (`ValueContainsRestrictedWords`,
  seen in its logs): power apps, power automate, logic apps.
- DOCS: the wider list of the certification and string-guidance pages ("any Power Platform product
  name", Copilot Studio named since 2025), plus legacy and run-together spellings (PowerApps,
  Microsoft Flow, Power Virtual Agents) and singular forms, which no validator log shows.

`product_names(text)` finds both, whole words, without case, any run of spaces (or none) inside.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

# Characters Microsoft's validator rejects in an operation summary (RestrictedCharactersInSummary).
SUMMARY_RESTRICTED = "/\\<>*%&?"

# Restricted words of `info.title` (validator log: "api, connector"), matched as whole words.
TITLE_WORDS = ("API", "Connector")

VALIDATOR = "validator"
DOCS = "docs"

# (name as written by Microsoft, pattern, tier). Patterns are matched case-insensitively as whole words.
PRODUCTS = (
    ("Power Apps", r"power\s+apps", VALIDATOR),
    ("Power Automate", r"power\s+automate", VALIDATOR),
    ("Logic Apps", r"logic\s+apps", VALIDATOR),
    ("Power Apps", r"powerapps?|power\s+app", DOCS),
    ("Power Automate", r"powerautomate", DOCS),
    ("Logic Apps", r"logicapps?|logic\s+app", DOCS),
    ("Power BI", r"power\s*bi", DOCS),
    ("Power Pages", r"power\s*pages", DOCS),
    ("Copilot Studio", r"(?:microsoft\s+)?copilot\s*studio", DOCS),
    ("Power Virtual Agents", r"power\s*virtual\s*agents?", DOCS),
    ("Microsoft Flow", r"microsoft\s+flow", DOCS),
)

_PRODUCTS = re.compile("|".join(f"(?P<p{i}>{p})" for i, (_, p, _) in enumerate(PRODUCTS)), re.I)
_TITLE_WORDS = re.compile(r"\b(?:" + "|".join(TITLE_WORDS) + r")\b", re.I)


class Match(NamedTuple):
    start: int
    end: int
    text: str  # as written in the string
    name: str  # Microsoft's spelling of the product or word
    tier: str  # VALIDATOR or DOCS


@lru_cache(maxsize=8192)
def product_names(text: str) -> tuple[Match, ...]:
    """Power Platform product names in `text`, whole words, in order."""
    if not may_name_a_product(text):
        return ()
    out = []
    for m in _PRODUCTS.finditer(text):
        s, e = m.span()
        if (s > 0 and _word_char(text[s - 1])) or (e < len(text) and _word_char(text[e])):
            continue  # part of a longer word
        name, _, tier = PRODUCTS[int(m.lastgroup[1:])]
        out.append(Match(s, e, m.group(), name, tier))
    return tuple(out)


def may_name_a_product(text: str) -> bool:
    """A cheap first test, false for most strings: every product name contains one of these words,
    in any case. Not cached: the test costs less than a cache lookup."""
    lower = text.lower()
    return "power" in lower or "logic" in lower or "copilot" in lower or "flow" in lower


def _word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


def title_words(text: str) -> tuple[Match, ...]:
    """The restricted words of a title ("API", "Connector") and product names, in order."""
    found = [Match(m.start(), m.end(), m.group(), next(w for w in TITLE_WORDS if w.lower() == m.group().lower()),
                   VALIDATOR) for m in _TITLE_WORDS.finditer(text)]
    found += [m for m in product_names(text) if not any(f.start < m.end and m.start < f.end for f in found)]
    return tuple(sorted(found))
