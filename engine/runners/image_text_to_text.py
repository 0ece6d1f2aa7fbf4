"""Asking a vision-language model about an image, the answer streamed as it is written.

The image and the question go to the pipeline as one chat turn (an ``image`` part and a
``text`` part), which is what chat-tuned models such as SmolVLM and LLaVA expect; the
answer grows token by token in the view, and the job can be stopped at any token.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from engine.errors import ModelUnavailable, UsageError
from engine.inputs import load_image
from engine.progress import JobControl
from engine.runners.generation import stream_deltas, text_streamer

DEFAULT_MAX_NEW_TOKENS = 128


def question_of(params: Mapping[str, Any]) -> str:
    question = str(params.get("question") or "").strip()
    if not question:
        raise UsageError("Type a question about the image.")
    return question


def check_chat_model(pipe: Any) -> None:
    """Questions go in as a chat turn; a model without a chat template cannot take one."""
    processor = getattr(pipe, "processor", None)
    tokenizer = getattr(processor, "tokenizer", None) or getattr(pipe, "tokenizer", None)
    if not (getattr(processor, "chat_template", None) or
            getattr(tokenizer, "chat_template", None)):
        name = getattr(getattr(pipe.model, "config", None), "_name_or_path", "") or "This model"
        raise ModelUnavailable(f"{name} cannot be asked questions: it has no chat template. "
                               "Choose an instruction-tuned vision model, such as "
                               "HuggingFaceTB/SmolVLM-256M-Instruct.")


def run_source(pipe: Any, source: str, params: Mapping[str, Any], control: JobControl,
               done: Sequence[Mapping[str, Any]]) -> Iterator[dict[str, Any]]:
    question = question_of(params)
    check_chat_model(pipe)
    image = load_image(source)
    from transformers import StoppingCriteria, StoppingCriteriaList

    class _CancelCriteria(StoppingCriteria):  # type: ignore[misc]
        def __call__(self, input_ids: Any, scores: Any, **kwargs: Any) -> bool:
            return control.cancelled

    max_new_tokens = int(params.get("max_new_tokens") or DEFAULT_MAX_NEW_TOKENS)
    tokenizer = getattr(getattr(pipe, "processor", None), "tokenizer", None) or pipe.tokenizer
    streamer = text_streamer(tokenizer)
    messages = [{"role": "user", "content": [{"type": "image", "image": image},
                                             {"type": "text", "text": question}]}]
    generate_kwargs = {"streamer": streamer, "do_sample": False,
                       "stopping_criteria": StoppingCriteriaList([_CancelCriteria()])}

    def generate() -> str:
        output = pipe(text=messages, max_new_tokens=max_new_tokens, return_full_text=False,
                      generate_kwargs=generate_kwargs)
        return str(output[0]["generated_text"]).strip()

    yield from stream_deltas(generate, streamer, control, max_new_tokens, "pipedeck-vlm")
