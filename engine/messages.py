"""The engine's progress lines, as templates the window can translate.

The engine stays Qt-free and writes English. Each progress line is a template with named
fields ("{done} of {total} images") and its values, both carried by
:class:`engine.progress.Progress`: the CLI prints the English line, the window looks the
template up in its translation and fills in the same values. ``packaging/
update_translations.py`` collects :data:`TEMPLATES` for the translators.
"""

from __future__ import annotations

from collections.abc import Mapping

LOADING = "Loading {model}…"
DONE = "Done"
DECODING = "Decoding the recording…"
AUDIO_AT = "{at} of {total}"
PAGE = "page {page} of {total}"
PIECES = "{done} of {total} pieces"
WORDS = "{count} words"
QUESTION = "Question {number} of {total}"
SENTENCES = "{done} of {total} sentences spoken"
LOOKING_UP = "Looking up '{repo}' on the Hub"
DOWNLOADED = "Downloaded {size}"
ALREADY_INSTALLED = "Already installed"
DOWNLOADING = "{done} of {total}"
DOWNLOADING_AT = "{done} of {total}, {speed}/s, {left} left"
DOWNLOADING_SPEED = "{done} of {total}, {speed}/s"
ITEMS: Mapping[str, str] = {
    "images": "{done} of {total} images",
    "texts": "{done} of {total} texts",
}

TEMPLATES: tuple[str, ...] = (
    LOADING, DONE, DECODING, AUDIO_AT, PAGE, PIECES, WORDS, QUESTION, SENTENCES, LOOKING_UP,
    DOWNLOADED, ALREADY_INSTALLED, DOWNLOADING, DOWNLOADING_AT, DOWNLOADING_SPEED,
    *ITEMS.values(),
)


def items_template(noun: str) -> str:
    """The "{done} of {total} <noun>" template for a batch's noun (English plural)."""
    return ITEMS.get(noun, "{done} of {total} " + noun)
