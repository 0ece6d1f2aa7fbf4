"""Registry entries for the text tasks: sentiment, entities, fill-mask, embeddings, tables.

:mod:`engine.tasks` appends :data:`TASKS` to its registry; each entry is one tab, one CLI
sub-command and one runner, exactly like the built-in ones.
"""

from __future__ import annotations

from engine.params import Param
from engine.tasks import BATCH_SIZE, TEXT_EXTENSIONS, TaskSpec

TABLE_EXTENSIONS = (".csv", ".tsv")

TASKS: tuple[TaskSpec, ...] = (
    TaskSpec(
        id="text-classification",
        name="Classify texts",
        alias="classify-text",
        description="Tell whether each text is positive or negative (or the labels the model "
                    "was trained on), with a score for each.",
        default_model="distilbert/distilbert-base-uncased-finetuned-sst-2-english",
        input_kind="text",
        result_kind="labels",
        runner="engine.runners.text_classification:run_batch",
        batched=True,
        extensions=TEXT_EXTENSIONS,
        params=(
            Param("top_k", "Labels to show", "int", 5, 1, 100,
                  help="How many of the most likely labels to list."),
            BATCH_SIZE,
        ),
    ),
    TaskSpec(
        id="token-classification",
        name="Find names",
        alias="entities",
        description="Find the names of people, places and organisations in texts.",
        default_model="dslim/bert-base-NER",
        input_kind="text",
        result_kind="entities",
        runner="engine.runners.token_classification:run_batch",
        batched=True,
        extensions=TEXT_EXTENSIONS,
        params=(
            Param("aggregation_strategy", "Grouping", "choice", "simple",
                  choices=(("simple", "Whole names"), ("first", "By first word piece"),
                           ("average", "By average score"), ("max", "By best word piece"),
                           ("none", "Each word piece")),
                  advanced=True,
                  help="How word pieces are joined into names. 'Whole names' suits most "
                       "uses."),
            BATCH_SIZE,
        ),
    ),
    TaskSpec(
        id="fill-mask",
        name="Fill the gap",
        alias="fill-mask",
        description="Suggest the missing word: write [MASK] where it goes, e.g. "
                    "'Paris is the [MASK] of France.'",
        default_model="distilbert/distilroberta-base",
        input_kind="text",
        result_kind="labels",
        runner="engine.runners.fill_mask:run_batch",
        batched=True,
        extensions=TEXT_EXTENSIONS,
        params=(
            Param("top_k", "Suggestions", "int", 5, 1, 50,
                  help="How many of the likeliest words to list."),
            BATCH_SIZE,
        ),
    ),
    TaskSpec(
        id="feature-extraction",
        name="Embed texts",
        alias="embed",
        description="Turn each text into a list of numbers (an embedding) for search, "
                    "clustering or your own analysis.",
        default_model="sentence-transformers/all-MiniLM-L6-v2",
        input_kind="text",
        result_kind="vector",
        runner="engine.runners.feature_extraction:run_batch",
        batched=True,
        extensions=TEXT_EXTENSIONS,
        notes="The vector is the mean of the token vectors (not normalised), as "
              "sentence-transformers computes for all-MiniLM-L6-v2 before its final "
              "normalisation.",
        params=(BATCH_SIZE,),
    ),
    TaskSpec(
        id="table-question-answering",
        name="Ask a table",
        alias="ask-table",
        description="Ask questions of a spreadsheet saved as CSV: totals, counts, which row "
                    "has what.",
        default_model="google/tapas-base-finetuned-wtq",
        input_kind="table",
        result_kind="text",
        runner="engine.runners.table_qa:run_source",
        extensions=TABLE_EXTENSIONS,
        params=(
            Param("questions", "Questions", "lines", None, required=True,
                  placeholder="Which city has the most people?\nHow many rows are there?",
                  help="One question per line."),
        ),
    ),
)
