"""Word error rate, for scoring transcripts of known speech (jiwer is not a dependency)."""

from __future__ import annotations

import re

_NUMBERS = {"0": "zero", "1": "one", "2": "two", "3": "three", "4": "four", "5": "five",
            "6": "six", "7": "seven", "8": "eight", "9": "nine", "12": "twelve"}


def normalise(text: str) -> list[str]:
    """Lower case, punctuation dropped, a few digit spellings unified ("9" = "nine")."""
    text = text.lower().replace("o'clock", "oclock").replace("’", "'")
    words = re.findall(r"[a-z0-9']+", text)
    return [_NUMBERS.get(w, w) for w in words]


def word_errors(reference: list[str], hypothesis: list[str]) -> int:
    """Levenshtein distance in words: substitutions + deletions + insertions."""
    previous = list(range(len(hypothesis) + 1))
    for i, ref in enumerate(reference, 1):
        current = [i] + [0] * len(hypothesis)
        for j, hyp in enumerate(hypothesis, 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1,
                             previous[j - 1] + (ref != hyp))
        previous = current
    return previous[-1]


def wer(reference: str, hypothesis: str) -> float:
    ref = normalise(reference)
    return word_errors(ref, normalise(hypothesis)) / max(1, len(ref))
