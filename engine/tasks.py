"""The task registry: one entry per pipeline task Pipedeck offers.

The GUI builds a tab per entry, the CLI a sub-command per entry, and the job runner finds
each task's runner here, so adding a task is adding one :class:`TaskSpec`. Runners are
named by dotted path and imported only when a job of that task runs.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any, Literal, NamedTuple

from engine.errors import UsageError
from engine.params import Param

InputKind = Literal["audio", "image", "document", "text", "table"]
ResultKind = Literal["labels", "transcript", "answers", "text", "entities", "image", "audio",
                     "vector", "json"]

IMAGE_EXTENSIONS = (".png", ".jpg", ".jpeg", ".bmp", ".gif", ".webp", ".tif", ".tiff")
AUDIO_EXTENSIONS = (".wav", ".mp3", ".m4a", ".aac", ".ogg", ".oga", ".opus", ".flac", ".wma",
                    ".mp4", ".mkv", ".mov", ".webm", ".avi", ".m4b", ".3gp", ".amr", ".aiff")
DOCUMENT_EXTENSIONS = (*IMAGE_EXTENSIONS, ".pdf")
TEXT_EXTENSIONS = (".txt", ".csv", ".tsv", ".md")


class TaskSpec(NamedTuple):
    """Everything the app needs to know to offer one pipeline task.

    A named tuple for the reason :class:`~engine.params.Param` is one: start-up.
    """

    id: str
    name: str
    alias: str
    description: str
    default_model: str
    input_kind: InputKind
    result_kind: ResultKind
    runner: str
    params: tuple[Param, ...] = ()
    extensions: tuple[str, ...] = ()
    batched: bool = False
    notes: str = ""

    def load_runner(self) -> Callable[..., Any]:
        """Import the runner function named by ``runner`` ("module:function")."""
        import pkgutil

        function: Callable[..., Any] = pkgutil.resolve_name(self.runner)
        return function

    def param(self, name: str) -> Param:
        for param in self.params:
            if param.name == name:
                return param
        raise KeyError(name)


BATCH_SIZE = Param("batch_size", "Batch size", "int", None, 1, 256, advanced=True,
                   help="How many inputs the model handles at once. Automatic uses 1 on a "
                        "CPU, where batching does not help, and 8 on a GPU.")
TOP_K = Param("top_k", "Labels to show", "int", 5, 1, 100,
              help="How many of the most likely labels to list.")

_REGISTRY: tuple[TaskSpec, ...] = (
    TaskSpec(
        id="automatic-speech-recognition",
        name="Transcribe",
        alias="transcribe",
        description="Turn recordings (interviews, lectures, meetings) into time-coded text.",
        default_model="openai/whisper-small",
        notes="The seed used openai/whisper-large-v2; whisper-small is offered by default "
              "because it runs at a usable speed on a laptop CPU.",
        input_kind="audio",
        result_kind="transcript",
        runner="engine.speech:run_source",
        extensions=AUDIO_EXTENSIONS,
        params=(
            Param("language", "Language", "choice", "auto", choices=(("auto", "Detect"),),
                  open_choices=True,
                  help="The spoken language, or Detect to let the model find it."),
            Param("task", "Output", "choice", "transcribe",
                  choices=(("transcribe", "Transcribe"), ("translate", "Translate to English"))),
            Param("timestamps", "Timestamps", "choice", "segment",
                  choices=(("segment", "Per sentence"), ("word", "Per word"), ("none", "None"))),
            Param("max_new_tokens", "Max tokens per piece", "int", None, 1, 448, advanced=True),
            Param("search", "Decoding", "choice", "auto", advanced=True,
                  choices=(("auto", "Automatic"), ("greedy", "Fast (one guess)"),
                           ("beam", "Careful (five guesses)")),
                  help="Automatic is fast on a CPU and careful on a graphics card. Careful "
                       "decoding takes about twice as long on a CPU."),
            Param("speed", "Speed", "choice", "auto", advanced=True,
                  choices=(("auto", "Automatic"), ("int8", "Faster (int8, CPU)"),
                           ("off", "Exact (float)")),
                  help="Automatic uses int8 on a CPU: about twice as fast, with the same "
                       "accuracy on our measurements (benchmarks/ASR_RESULTS.md)."),
            BATCH_SIZE,
        ),
    ),
    TaskSpec(
        id="document-question-answering",
        name="Ask a document",
        alias="ask",
        description="Ask questions of scanned invoices, photos and PDFs, offline.",
        default_model="impira/layoutlm-document-qa",
        input_kind="document",
        result_kind="answers",
        runner="engine.docqa:run_source",
        extensions=DOCUMENT_EXTENSIONS,
        params=(
            Param("questions", "Questions", "lines", None, required=True,
                  placeholder="What is the invoice number?\nWhat is the total amount?",
                  help="One question per line."),
            Param("ocr_lang", "OCR language", "choice", "eng", choices=(("eng", "English"),),
                  open_choices=True),
            Param("top_k", "Alternatives", "int", 3, 1, 10, advanced=True),
        ),
    ),
    TaskSpec(
        id="image-classification",
        name="Classify images",
        alias="classify-image",
        description="Say what an image shows, with a score for each label.",
        default_model="google/vit-base-patch16-224",
        input_kind="image",
        result_kind="labels",
        runner="engine.runners.image_classification:run_batch",
        batched=True,
        extensions=IMAGE_EXTENSIONS,
        params=(TOP_K, BATCH_SIZE),
    ),
    TaskSpec(
        id="zero-shot-classification",
        name="Sort texts",
        alias="zero-shot",
        description="Sort texts into labels you choose, without training.",
        default_model="facebook/bart-large-mnli",
        input_kind="text",
        result_kind="labels",
        runner="engine.runners.zero_shot:run_batch",
        batched=True,
        extensions=TEXT_EXTENSIONS,
        params=(
            Param("candidate_labels", "Labels", "labels", None, required=True,
                  placeholder="urgent, not urgent, phone, tablet, computer",
                  help="The labels to choose from, separated by commas."),
            Param("multi_label", "Several labels can apply", "bool", False,
                  help="Score each label on its own instead of picking one."),
            Param("hypothesis_template", "Hypothesis", "text", "This example is {}.",
                  advanced=True),
            BATCH_SIZE,
        ),
    ),
    TaskSpec(
        id="text-generation",
        name="Write text",
        alias="generate",
        description="Continue a prompt or chat with an instruction-tuned model.",
        default_model="HuggingFaceTB/SmolLM2-360M-Instruct",
        input_kind="text",
        result_kind="text",
        runner="engine.runners.generation:run_source",
        params=(
            Param("max_new_tokens", "Max new tokens", "int", 256, 1, 8192),
            Param("temperature", "Temperature", "float", 0.7, 0.0, 2.0,
                  help="0 always picks the likeliest word; higher is more varied."),
            Param("top_p", "Top-p", "float", 0.95, 0.01, 1.0, advanced=True),
            Param("repetition_penalty", "Repetition penalty", "float", 1.1, 1.0, 2.0,
                  advanced=True),
            Param("chat", "Chat mode", "bool", True,
                  help="Use the model's chat template (for instruction-tuned models)."),
        ),
    ),
)

def _extra_tasks() -> tuple[TaskSpec, ...]:
    """Entries kept in modules of their own (text tasks, media tasks), one list each."""
    extra: list[TaskSpec] = []
    for module_name in ("engine.tasks_text", "engine.tasks_media"):
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name != module_name:
                raise
            continue
        extra.extend(module.TASKS)
    return tuple(extra)


_REGISTRY = _REGISTRY + _extra_tasks()
_BY_ID = {task.id: task for task in _REGISTRY}
_BY_ALIAS = {task.alias: task for task in _REGISTRY}


def all_tasks() -> tuple[TaskSpec, ...]:
    return _REGISTRY


def get_task(name: str) -> TaskSpec:
    """Look a task up by registry id or short alias."""
    task = _BY_ID.get(name) or _BY_ALIAS.get(name)
    if task is None:
        known = ", ".join(sorted(_BY_ALIAS))
        raise UsageError(f"Unknown task '{name}'. Known tasks: {known}.")
    return task


def supported_by_transformers() -> set[str]:
    """Task ids the installed transformers provides (imports transformers: worker only)."""
    from transformers.pipelines import SUPPORTED_TASKS

    return set(SUPPORTED_TASKS)


def available_tasks() -> tuple[TaskSpec, ...]:
    """Registry entries the installed transformers can run; others are hidden, not broken."""
    supported = supported_by_transformers()
    return tuple(task for task in _REGISTRY if task.id in supported)
