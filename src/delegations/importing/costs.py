"""Recognising the cost-sharing lines of a plan ("Nguồn kinh phí"): who pays which
items, from which funding source.

A line in the usual wording is "<payer> chịu <item> và <item> … (<funding>)":
"LHCD tỉnh Savannakhet chịu chi phí ăn, nghỉ", "LĐLĐ tỉnh Quảng Trị chịu chi phí ăn,
nghỉ của đoàn (nguồn ngân sách công đoàn)"; in English "<payer> pays …". Words after
an item that name no other item ("của đoàn") are kept as its detail. A line in any
other wording is not guessed at: ``read_cost_lines`` returns it as unrecognised.
"""

from __future__ import annotations

import re

from ..domain import CostLine, Text, fold
from .names import Names
from .parsing import list_items, words
from .versions import text_of

_PAYS = re.compile(r"\s(?:chiu|dam nhan|dam bao|chi tra|pays?|covers?|ຮັບຜິດຊອບ|ຮັບຜິດຊອບຄ່າ)\s")
_TRAILING_BRACKET = re.compile(r"\(([^()]*)\)\s*[.;]?\s*$")
_CONNECTORS = {"va", "and", ",", ";", "ແລະ", ""}
# The details the plans usually write after an item, with their wording in the other languages.
KNOWN_DETAILS = {"cua doan": {"vi": "của đoàn", "lo": "ຂອງຄະນະ", "en": "of the delegation"}}


def _tokens(text: str) -> list[str]:
    return re.findall(r"[^\s,;()]+|[,;]", text)


def _match_items(text: str, names: Names) -> list[tuple[str, str]] | None:
    """The items *text* lists, each with its detail (the words after it up to the next
    item), or ``None`` if something else stands there."""
    tokens = _tokens(text)
    folded = [words(t).strip() for t in tokens]
    found: list[tuple[str, list[str]]] = []
    i = 0
    while i < len(tokens):
        hit = None
        for wording, code in names.items:
            want = wording.split()
            n = _match_at(folded, i, want)
            if n:
                hit = (code, n)
                break
        if hit is not None:
            found.append((hit[0], []))
            i += hit[1]
            continue
        if not found:
            return None  # words before the first item
        found[-1][1].append(tokens[i])
        i += 1
    if not found:
        return None
    out = []
    for code, rest in found:
        while rest and fold(rest[-1]) in _CONNECTORS:
            rest = rest[:-1]
        detail = _joined(rest)
        if detail and fold(detail) in _CONNECTORS:
            detail = ""
        out.append((code, detail))
    return out


def _match_at(folded: list[str], i: int, want: list[str]) -> int:
    """How many tokens from *i* spell *want* (punctuation tokens skipped), 0 if they do not."""
    j, k = i, 0
    while k < len(want) and j < len(folded):
        if folded[j] == "":
            j += 1
            continue
        if folded[j] != want[k]:
            return 0
        j, k = j + 1, k + 1
    return j - i if k == len(want) else 0


def _joined(tokens: list[str]) -> str:
    text = ""
    for t in tokens:
        text += t if t in {",", ";"} or not text else " " + t
    return text.strip()


def read_cost_line(line: str, names: Names, partner: str) -> list[CostLine] | None:
    """The cost lines one line of text says, or ``None`` when it is not in the usual wording
    (no payer that is a party, no known item, a funding source not known)."""
    funding = ""
    body = line.strip().rstrip(".;")
    m = _TRAILING_BRACKET.search(body)
    if m:
        matched = [code for wording, code in names.funding if wording in words(m.group(1))]  # longest first
        if not matched:
            return None
        funding = matched[0]
        body = body[:m.start()].strip()
    padded = " " + fold(body) + " "
    verb = _PAYS.search(padded)
    if verb is None:
        return None
    # The same split in the text as written: fold keeps one word per word.
    cut = len(padded[:verb.start()].split())
    pieces = body.split()
    payer_text, items_text = " ".join(pieces[:cut]), " ".join(pieces[cut + len(verb.group().split()):])
    payers = [code for code in names.orgs_in(payer_text) if code in (names.home.code, partner)]
    if len(payers) != 1:
        return None
    items = _match_items(items_text, names)
    if items is None:
        return None
    return [CostLine(item=code, payer=payers[0], funding=funding, detail=_detail(detail)) for code, detail in items]


def _detail(text: str) -> Text:
    """The detail as written, in every language when it is a usual one ("của đoàn", "of the
    delegation", "ຂອງຄະນະ"); any other in the language of its script."""
    if not text:
        return Text()
    folded = fold(text)
    for known in KNOWN_DETAILS.values():
        for lang, wording in known.items():
            if fold(wording) == folded:
                return Text.of({**known, lang: text})
    return text_of(text)


def read_cost_lines(cell: str, names: Names, partner: str) -> tuple[list[CostLine], list[str]]:
    """The cost lines of a funding cell, and the lines of it not in the usual wording."""
    lines, unread = [], []
    for item in list_items(cell):
        got = read_cost_line(item, names, partner)
        if got is None:
            unread.append(item)
        else:
            lines += got
    return lines, unread


__all__ = ["read_cost_line", "read_cost_lines"]
