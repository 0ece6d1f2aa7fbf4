"""Text generation, streamed token by token, stoppable at any token.

Generation runs on a helper thread feeding a ``TextIteratorStreamer``; this runner reads
the stream and yields each new piece of text as a partial result, so the view grows
while the model writes. A stopping criterion checks the job's cancel flag at every token.

The helper thread is kept from one job to the next (:class:`Writer`): torch on a thread
new to it runs slower. The plain pipeline writing 40 words with SmolLM2-135M took 1.046
times as long on a new thread each time as on the main thread, and 0.953 times on one
kept thread (medians of 25 paired turns), and the engine's generation row was 1.05-1.08
with a new thread per job.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

from engine import messages
from engine.errors import Cancelled, InputError
from engine.models import inference
from engine.progress import JobControl
from engine.runners.texts import text_label

log = logging.getLogger(__name__)


def _messages(source: str) -> list[dict[str, str]]:
    """A prompt, or a JSON conversation (list of {role, content}) for chat mode."""
    import json

    stripped = source.strip()
    if stripped.startswith("["):
        try:
            conversation = json.loads(stripped)
            if isinstance(conversation, list) and all(
                    isinstance(m, dict) and "role" in m and "content" in m for m in conversation):
                return [{"role": str(m["role"]), "content": str(m["content"])}
                        for m in conversation]
        except ValueError:
            pass
    return [{"role": "user", "content": stripped}]


def _context_length(config: Any) -> int | None:
    for name in ("max_position_embeddings", "n_positions", "max_sequence_length"):
        value = getattr(config, name, None)
        if isinstance(value, int) and value > 0:
            return value
    return None


def _prompt_tokens(tokenizer: Any, prompt: Any) -> int:
    if isinstance(prompt, list):
        ids = tokenizer.apply_chat_template(prompt, add_generation_prompt=True, tokenize=True)
        if isinstance(ids, dict) or hasattr(ids, "keys"):
            ids = ids["input_ids"]
        return len(ids)
    return len(tokenizer(prompt)["input_ids"])


STREAM_POLL_S = 1.0
"""How often the reader of a stream looks whether the model is still writing when no word
comes: there is no limit on the wait itself (a long prompt on a large model can take
minutes on a CPU before the first word)."""

CANCEL_GRACE_S = 30.0
"""After a cancel, how long the job waits for a silent model to reach its next step (where
it stops) before it ends anyway, leaving the writer thread to finish on its own."""


def text_streamer(tokenizer: Any) -> Any:
    """The stream of a model's new words, as text, read by :func:`stream_deltas`."""
    from transformers import TextIteratorStreamer

    return TextIteratorStreamer(tokenizer, skip_prompt=True, skip_special_tokens=True,
                                timeout=STREAM_POLL_S)


class Writer:
    """The thread that runs the models' generation, kept from one job to the next.

    If it is still busy when a job starts (a model that did not stop within
    ``CANCEL_GRACE_S`` of a cancel, and was left to finish on its own), the job's
    generation runs on a thread of its own instead, so one stuck model never blocks the next.
    """

    def __init__(self) -> None:
        self._work: queue.SimpleQueue[Callable[[], None]] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._busy = False

    @property
    def busy(self) -> bool:
        """Whether the kept thread is running a model now."""
        return self._busy

    def run(self, work: Callable[[], None], name: str) -> threading.Event:
        """Start ``work`` on the kept thread (or on a new one, named ``name``, if it is
        busy); the returned event is set once ``work`` has returned or raised."""
        finished = threading.Event()
        with self._lock:
            kept = not self._busy
            self._busy = True
            if kept and self._thread is None:
                self._thread = threading.Thread(target=self._serve, name="pipedeck-writer",
                                                daemon=True)
                self._thread.start()

        def task() -> None:
            try:
                work()
            finally:
                if kept:  # free before anyone is told: the next job may start at once
                    with self._lock:
                        self._busy = False
                finished.set()

        if kept:
            self._work.put(task)
        else:
            threading.Thread(target=task, name=name, daemon=True).start()
        return finished

    def _serve(self) -> None:
        while True:
            task = self._work.get()
            try:
                task()
            except BaseException:  # work reports its own failures; keep the thread
                log.exception("the writer thread's work failed")


WRITER = Writer()


def stream_deltas(generate: Callable[[], str | None], streamer: Any, control: JobControl,
                  max_tokens: int, name: str) -> Iterator[dict[str, Any]]:
    """Run ``generate`` (a pipeline call feeding ``streamer``) on the :data:`WRITER`.

    Yields each new piece of text as ``{"delta"}``, then ``{"text", "stopped"}`` with the
    final text (what ``generate`` returns, or the streamed text). A failure on the helper
    thread is raised here; a cancel raises :class:`Cancelled` after the partial text.
    """
    failure: list[BaseException] = []
    answer: list[str | None] = []

    def target() -> None:
        try:
            with inference():
                answer.append(generate())
        except BaseException as exc:  # re-raised on the job's thread below
            failure.append(exc)
            end: Any = streamer.end
            end()

    finished = WRITER.run(target, name)
    text = ""
    pieces = 0
    cancelled_at: float | None = None
    while True:
        writing = not finished.is_set()  # seen before the wait: a writer done had queued all
        try:
            piece = next(streamer)
        except queue.Empty:  # no word for a while: a long prompt is still being read
            if not writing:
                break
            if control.cancelled:  # the model stops at its next step; if that never comes,
                cancelled_at = cancelled_at or time.monotonic()  # the job ends all the same
                if time.monotonic() - cancelled_at > CANCEL_GRACE_S:
                    log.warning("the model did not stop within %.0f s of a cancel", CANCEL_GRACE_S)
                    yield {"text": text, "stopped": True}
                    raise Cancelled() from None
            continue
        except StopIteration:
            break
        if not piece:
            continue
        text += piece
        pieces += 1
        control.say(min(0.99, pieces / max(1, max_tokens)), messages.WORDS,
                    count=len(text.split()))
        yield {"delta": piece}
    finished.wait()
    if failure:
        raise failure[0]
    if control.cancelled:
        yield {"text": text, "stopped": True}
        raise Cancelled()
    final = answer[0] if answer and answer[0] is not None else text
    yield {"text": final, "stopped": False}


def run_source(pipe: Any, source: str, params: Mapping[str, Any], control: JobControl,
               done: Sequence[Mapping[str, Any]]) -> Iterator[dict[str, Any]]:
    if not source.strip():
        raise InputError("(empty prompt)", "the prompt is empty")
    from transformers import StoppingCriteria, StoppingCriteriaList

    class _CancelCriteria(StoppingCriteria):  # type: ignore[misc]
        def __call__(self, input_ids: Any, scores: Any, **kwargs: Any) -> bool:
            return control.cancelled

    tokenizer = pipe.tokenizer
    chat = bool(params.get("chat", True)) and getattr(tokenizer, "chat_template", None)
    prompt: Any = _messages(source) if chat else source
    temperature = float(params.get("temperature") or 0.0)
    generate_kwargs: dict[str, Any] = {
        "max_new_tokens": int(params.get("max_new_tokens") or 256),
        "repetition_penalty": float(params.get("repetition_penalty") or 1.0),
        "stopping_criteria": StoppingCriteriaList([_CancelCriteria()]),
    }
    if temperature > 0:
        generate_kwargs.update(do_sample=True, temperature=temperature,
                               top_p=float(params.get("top_p") or 1.0))
    else:
        generate_kwargs["do_sample"] = False
    context = _context_length(pipe.model.config)
    if context:
        used = _prompt_tokens(tokenizer, prompt)
        if used >= context:
            raise InputError(text_label(source), f"the prompt is longer than this model can "
                                                 f"read ({used} of {context} tokens)")
        generate_kwargs["max_new_tokens"] = min(generate_kwargs["max_new_tokens"], context - used)
    streamer = text_streamer(tokenizer)
    max_tokens = generate_kwargs["max_new_tokens"]

    def generate() -> None:
        pipe(prompt, streamer=streamer, return_full_text=False, **generate_kwargs)

    yield from stream_deltas(generate, streamer, control, max_tokens, "pipedeck-generate")
