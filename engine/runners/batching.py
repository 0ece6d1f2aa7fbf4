"""Feeding a pipeline an iterator with ``batch_size``, as transformers recommends.

Inputs are read lazily; unreadable ones are reported as errors in their place and
skipped, so the pipeline's outputs can be matched back to the inputs in order.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from engine import messages
from engine.errors import InputError
from engine.jobs import ItemResult
from engine.progress import JobControl


def pipeline_calls(pipe: Any, batch_size: int, **options: Any
                   ) -> Callable[[Iterator[Any]], Iterator[Any]]:
    """The ``call`` for :func:`run_batched`: the pipeline's outputs for a stream, in order.

    With ``batch_size`` 1 (the CPU default) each input is a pipeline call of its own: the
    same outputs, without the DataLoader that an iterator is fed through, which batches
    nothing then and costs ~70k instructions per image (1 % of a tiny ViT's work, measured
    with valgrind) and ~3x the time of zero-shot's chunked pipeline on a CPU. Larger
    batches go through it.
    """
    if batch_size <= 1:
        return lambda inputs: (pipe(value, **options) for value in inputs)
    return lambda inputs: iter(pipe(inputs, batch_size=batch_size, **options))


def run_batched(pipe: Any, items: Sequence[str], finished: set[int], control: JobControl,
                load: Callable[[str], Any], call: Callable[[Iterator[Any]], Iterator[Any]],
                to_payload: Callable[[Any], dict[str, Any]], noun: str) -> Iterator[ItemResult]:
    """Yield one :class:`ItemResult` per input, in input order, errors included."""
    todo = [(index, source) for index, source in enumerate(items) if index not in finished]
    total = len(items)
    pending: deque[tuple[int, str]] = deque()
    errors: deque[ItemResult] = deque()
    done = len(items) - len(todo)
    template = messages.items_template(noun)

    def feed() -> Iterator[Any]:
        for index, source in todo:
            control.check()
            try:
                value = load(source)
            except InputError as exc:
                errors.append(ItemResult(index, source, error=str(exc)))
                continue
            pending.append((index, source))
            yield value

    for output in call(feed()):
        while errors:
            done += 1
            yield errors.popleft()
        index, source = pending.popleft()
        done += 1
        yield ItemResult(index, source, to_payload(output))
        control.say(done / total if total else 1.0, template, done=done, total=total)
        control.check()
    while errors:
        yield errors.popleft()
