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

COULD_NOT_READ = "could not read '{name}': {reason}"
"""The line of an input that could not be read (:class:`engine.errors.InputError`)."""
FOLDER = "it is a folder, not a file"
"""Also what a dropped folder with nothing this task reads becomes (it is kept, not dropped)."""
NOT_REGULAR = "it is not a regular file (a pipe or a device)"
"""A named pipe, a device or a socket: reading it could hang, or it cannot be opened."""
REASONS: tuple[str, ...] = (
    FOLDER,
    NOT_REGULAR,
    "it is a picture, not a recording",
    "it is not a PDF or an image (PNG, JPEG, TIFF, BMP or WebP)",
    "not a text file",
    "not a text table (CSV or TSV)",
    "not an image",
    "only http:// and https:// addresses are allowed",
    "permission denied",
    "the PDF has no pages",
    "the file does not exist (was it moved or deleted?)",
    "the file is empty",
    "the file is too large for a table (over 5 MB)",
    "the file is too large for a text list (over 50 MB)",
    "the image is too large to open safely",
    "the prompt is empty",
    "the recording has no sound in it",
    "the server could not be reached (is the address right, and are you online?)",
    "the server did not answer in time",
    "the table has a header but no rows",
    "the table is empty",
    "the text is empty",
    "the text is not in UTF-8",
    "the video has no sound track",
    "web addresses cannot be read here: download the file and add it from your computer",
    "web addresses cannot be transcribed: download the recording and add it from your "
    "computer",
    # engine.audio._why_unreadable
    "the file cannot be read",
    "it is a picture or document, not a recording",
    "the recording is incomplete: its index is missing, which happens when recording stops "
    "before the file is saved",
    "it is a text file, not a recording",
    "it is not an audio or video file, or it is damaged",
    # engine.documents._load_failure and _PDF_ERRORS
    "the PDF cannot be read",
    "the PDF is damaged or incomplete",
    "the PDF is password-protected",
    "the PDF uses an unsupported kind of encryption",
    "the PDF's pages are damaged",
    "the PDF could only be opened on a second try; please try again",
    "the PDF has no pages (or its page list is damaged)",
)
"""Every fixed reason an input is refused for; a test keeps this in step with the code.
(Reasons with details in them, "the image is damaged (…)", stay English for now.)"""
NAMES: tuple[str, ...] = ("(empty text)", "(empty prompt)")
"""What an input is called in its error line when it has no name of its own."""

# How a job ended, when not plainly done (JobOutcome.message; also kept in the job store).
INPUTS_UNREADABLE = "{count} input(s) could not be read"
CANCELLED = "Cancelled; finished work is kept."
OUT_OF_MEMORY = ("Not enough memory to finish this job. Try a smaller model, a smaller batch, "
                 "or close other programs.")
SOMETHING_WRONG = "Something went wrong ({detail}). The details are in the log file."
SAVE_FAILED = ("Could not save the results ({detail}). Is the disk full? The results shown "
               "so far are saved.")
JOB_ENDINGS: tuple[str, ...] = (INPUTS_UNREADABLE, CANCELLED, OUT_OF_MEMORY, SOMETHING_WRONG,
                                SAVE_FAILED)

TEMPLATES: tuple[str, ...] = (
    LOADING, DONE, DECODING, AUDIO_AT, PAGE, PIECES, WORDS, QUESTION, SENTENCES, LOOKING_UP,
    DOWNLOADED, ALREADY_INSTALLED, DOWNLOADING, DOWNLOADING_AT, DOWNLOADING_SPEED,
    *ITEMS.values(), COULD_NOT_READ, *REASONS, *NAMES, *JOB_ENDINGS,
)


def items_template(noun: str) -> str:
    """The "{done} of {total} <noun>" template for a batch's noun (English plural)."""
    return ITEMS.get(noun, "{done} of {total} " + noun)
