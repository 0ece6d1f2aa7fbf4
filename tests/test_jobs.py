"""Jobs report progress, stream partial results, cancel cooperatively and fail in plain words."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from engine.jobs import ItemResult, JobSpec, JobState, run_job
from engine.models import PipelineCache
from engine.progress import JobControl, Progress
from engine.store import JobStore


def _control() -> tuple[JobControl, list[Progress], list[ItemResult]]:
    progress: list[Progress] = []
    partials: list[ItemResult] = []
    return JobControl(on_progress=progress.append, on_partial=partials.append,
                      min_interval_s=0), progress, partials


def test_image_job_streams_ranked_labels_and_isolates_bad_files(
        vit_model: Path, images: dict[str, Path], pipedeck_home: Path) -> None:
    store = JobStore(pipedeck_home / "jobs.sqlite3")
    control, progress, partials = _control()
    inputs = (str(images["red square.png"]), str(images["notes.png"]), str(images["grün.jpg"]),
              str(images["bomb.png"]), str(images["empty.png"]), str(images["cut.png"]))
    spec = JobSpec("image-classification", inputs, str(vit_model), {"top_k": 3})
    outcome = run_job(spec, control, PipelineCache(), store)
    assert outcome.state is JobState.DONE
    assert (outcome.results, outcome.errors) == (2, 4)
    by_index = {p.index: p for p in partials}
    labels = by_index[0].payload["labels"]  # type: ignore[index]
    assert len(labels) == 3
    assert [row["score"] for row in labels] == sorted((r["score"] for r in labels), reverse=True)
    assert by_index[1].error == "could not read 'notes.png': not an image"
    assert "too large" in str(by_index[3].error)
    assert by_index[4].error == "could not read 'empty.png': the file is empty"
    assert "damaged" in str(by_index[5].error)
    assert progress[-1].fraction == 1.0
    saved = store.results(outcome.job_id)  # type: ignore[arg-type]
    assert [r.item for r in saved if r.payload] == [0, 2]


def test_images_get_the_same_results_one_by_one_as_in_batches(
        vit_model: Path, images: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    """Batch size 1 calls the pipeline per image; larger batches feed it an iterator."""
    from transformers.pipelines.base import Pipeline

    iterators: list[int] = []
    feed = Pipeline.get_iterator
    monkeypatch.setattr(Pipeline, "get_iterator",
                        lambda self, *a, **k: iterators.append(1) or feed(self, *a, **k))
    inputs = (str(images["red square.png"]), str(images["notes.png"]), str(images["grün.jpg"]),
              str(images["empty.png"]), str(images["red square.png"]))
    results = {}
    for batch_size in (1, 2):
        control, _, partials = _control()
        spec = JobSpec("image-classification", inputs, str(vit_model),
                       {"top_k": 3, "batch_size": batch_size})
        assert run_job(spec, control, PipelineCache()).state is JobState.DONE
        results[batch_size] = [(p.index, p.error, p.payload and [
            (row["label"], row["score"]) for row in p.payload["labels"]]) for p in partials]
        assert len(iterators) == batch_size - 1  # the DataLoader only for a batch
    assert [(index, bool(error)) for index, error, _ in results[1]] == [
        (0, False), (1, True), (2, False), (3, True), (4, False)]
    # a batch reports an unreadable image when it reads it, ahead of the batch's results
    batched = sorted(results[2], key=lambda r: r[0])
    assert [(i, e, r and [label for label, _ in r]) for i, e, r in batched] == [
        (i, e, r and [label for label, _ in r]) for i, e, r in results[1]]
    for (_, _, one), (_, _, many) in zip(results[1], batched):
        assert [s for _, s in many or []] == pytest.approx([s for _, s in one or []], abs=1e-5)


def test_zero_shot_scores_every_label_for_every_text(nli_model: Path) -> None:
    control, _, partials = _control()
    spec = JobSpec("zero-shot", ("my phone battery broke", "sports today"), str(nli_model),
                   {"candidate_labels": "phone, sports, cooking", "multi_label": True,
                    "batch_size": 2})
    outcome = run_job(spec, control, PipelineCache())
    assert outcome.state is JobState.DONE
    assert [p.payload["text"] for p in partials] == ["my phone battery broke",  # type: ignore[index]
                                                     "sports today"]
    for partial in partials:
        assert {r["label"] for r in partial.payload["labels"]} == {  # type: ignore[index]
            "phone", "sports", "cooking"}


def test_empty_labels_fail_with_a_plain_message(nli_model: Path) -> None:
    control, _, _ = _control()
    outcome = run_job(JobSpec("zero-shot", ("text",), str(nli_model), {"candidate_labels": ""}),
                      control, PipelineCache())
    assert outcome.state is JobState.FAILED
    assert outcome.message == "Labels: enter at least one."
    assert outcome.exit_code == 2


def test_missing_model_fails_without_a_traceback(tmp_path: Path, images: dict[str, Path]) -> None:
    control, _, _ = _control()
    outcome = run_job(JobSpec("classify-image", (str(images["blue.webp"]),),
                              str(tmp_path / "gone")), control, PipelineCache())
    assert outcome.state is JobState.FAILED
    assert "does not exist" in outcome.message and "Traceback" not in outcome.message
    assert outcome.exit_code == 4


def test_cancel_stops_between_items_and_keeps_finished_ones(
        vit_model: Path, images: dict[str, Path], pipedeck_home: Path) -> None:
    store = JobStore(pipedeck_home / "jobs.sqlite3")
    received: list[ItemResult] = []

    def on_progress(progress: Progress) -> None:
        if progress.values and dict(progress.values).get("done") == "2":
            control.cancel()  # as the Cancel button does, while the second image's result waits

    control = JobControl(on_progress=on_progress, on_partial=received.append, min_interval_s=0)
    inputs = tuple(str(images["red square.png"]) for _ in range(20))
    outcome = run_job(JobSpec("classify-image", inputs, str(vit_model)), control,
                      PipelineCache(), store)
    assert outcome.state is JobState.CANCELLED
    assert [r.index for r in received] == [0, 1]  # both finished images, nothing after them
    assert len(store.results(outcome.job_id)) == len(received)  # type: ignore[arg-type]
    assert store.job(outcome.job_id).state == "cancelled"  # type: ignore[arg-type]


def test_cancel_from_another_thread_takes_effect_quickly(lm_model: Path) -> None:
    import time

    partials: list[ItemResult] = []
    asked: list[float] = []

    def on_partial(result: ItemResult) -> None:
        partials.append(result)
        if not asked and result.payload and "delta" in result.payload:
            asked.append(time.monotonic())
            threading.Thread(target=control.cancel).start()  # from another thread

    control = JobControl(on_partial=on_partial)
    spec = JobSpec("generate", ("hello world",), str(lm_model), {"max_new_tokens": 5000,
                                                                 "temperature": 0})
    outcome = run_job(spec, control, PipelineCache())
    assert outcome.state is JobState.CANCELLED
    assert time.monotonic() - asked[0] < 5.0
    assert any(p.payload and "delta" in p.payload for p in partials)


def test_resumed_job_skips_inputs_already_done(
        vit_model: Path, images: dict[str, Path], pipedeck_home: Path) -> None:
    store = JobStore(pipedeck_home / "jobs.sqlite3")
    inputs = tuple(str(images[name]) for name in ("red square.png", "grün.jpg", "blue.webp"))
    job_id = store.create_job(task="image-classification", model=str(vit_model), device="cpu",
                              dtype="auto", params={}, inputs=inputs)
    store.add_result(job_id, 0, inputs[0], {"labels": [{"label": "kept", "score": 1.0}]})
    control, _, partials = _control()
    spec = JobSpec("image-classification", inputs, str(vit_model))
    outcome = run_job(spec, control, PipelineCache(), store, resume_job=job_id)
    assert outcome.state is JobState.DONE
    assert [p.index for p in partials] == [1, 2]
    assert [r.item for r in store.results(job_id)] == [0, 1, 2]


def test_generation_waits_as_long_as_the_model_takes_between_words(
        lm_model: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A long prompt on a large model can take minutes before its first word on a CPU; the
    reader of the stream polls and never gives up while the model is still writing, nor
    loses the last words when the writer ends between two looks."""
    from engine.runners import generation

    texts = []
    for poll_s in (1.0, 0.0005):  # the second looks far more often than words come
        monkeypatch.setattr(generation, "STREAM_POLL_S", poll_s)
        control, _, partials = _control()
        spec = JobSpec("generate", ("hello world",), str(lm_model),
                       {"max_new_tokens": 40, "temperature": 0})
        outcome = run_job(spec, control, PipelineCache())
        assert outcome.state is JobState.DONE, outcome.message
        payloads = [p.payload for p in partials if p.payload]
        assert payloads[-1]["stopped"] is False
        assert "".join(p["delta"] for p in payloads[:-1]) == payloads[-1]["text"]
        texts.append(payloads[-1]["text"])
    assert texts[0] and texts[1] == texts[0]


def test_generation_runs_on_one_kept_writer_thread_from_job_to_job(lm_model: Path) -> None:
    """torch on a thread new to it runs slower: the plain pipeline took 1.046 times as long
    on a new thread per call, 0.953 times on one kept thread (see the runner's docstring)."""
    from engine.runners import generation

    writers: set[int] = set()
    cache = PipelineCache()
    pipe = cache.get(JobSpec("generate", ("x",), str(lm_model)).key)
    real_call = type(pipe).__call__

    class Watched(type(pipe)):  # type: ignore[misc]
        def __call__(self, *args: object, **kwargs: object) -> object:
            writers.add(threading.get_ident())
            return real_call(self, *args, **kwargs)

    pipe.__class__ = Watched
    for _ in range(3):
        spec = JobSpec("generate", ("hello world",), str(lm_model),
                       {"max_new_tokens": 5, "temperature": 0})
        outcome = run_job(spec, JobControl(), cache)
        assert outcome.state is JobState.DONE, outcome.message
    assert len(writers) == 1 and threading.get_ident() not in writers
    assert not generation.WRITER.busy
    names = [t.name for t in threading.enumerate()]
    assert names.count("pipedeck-writer") == 1 and "pipedeck-generate" not in names


def test_a_busy_writer_never_blocks_the_next_job() -> None:
    """A model that did not stop after a cancel is left to finish on the kept thread; the
    next job's model runs on a thread of its own meanwhile."""
    from engine.runners.generation import Writer

    writer = Writer()
    started, release = threading.Event(), threading.Event()
    ran_on: list[str] = []

    def stuck() -> None:
        ran_on.append(threading.current_thread().name)
        started.set()
        release.wait(10)

    first = writer.run(stuck, "one-off")
    assert started.wait(5)
    second = writer.run(lambda: ran_on.append(threading.current_thread().name), "one-off")
    assert second.wait(5), "the next job waited for the stuck one"
    assert writer.busy and not first.is_set()
    release.set()
    assert first.wait(5) and not writer.busy
    assert ran_on == ["pipedeck-writer", "one-off"]
    third = writer.run(lambda: ran_on.append(threading.current_thread().name), "one-off")
    assert third.wait(5) and ran_on[-1] == "pipedeck-writer"


def test_models_run_in_inference_mode_and_give_the_plain_pipelines_results(
        vit_model: Path, lm_model: Path, images: dict[str, Path]) -> None:
    """Inference mode skips autograd's bookkeeping (a tiny ViT: 0.95 of the time); the job's
    thread and the writer thread both run their models under it, with the same outputs, and
    the pipeline still works outside it afterwards."""
    import torch
    from PIL import Image

    cache = PipelineCache()
    modes: dict[str, list[bool]] = {"image": [], "generate": []}
    for name, spec in (
            ("image", JobSpec("image-classification", (str(images["red square.png"]),),
                              str(vit_model), {"top_k": 3})),
            ("generate", JobSpec("generate", ("hello world",), str(lm_model),
                                 {"max_new_tokens": 5, "temperature": 0}))):
        pipe = cache.get(spec.key)
        hook = pipe.model.register_forward_hook(
            lambda *_, seen=modes[name]: seen.append(torch.is_inference_mode_enabled()))
        try:
            control, _, partials = _control()
            assert run_job(spec, control, cache).state is JobState.DONE
        finally:
            hook.remove()
        assert modes[name] and all(modes[name]), name
        if name == "image":
            plain = pipe(Image.open(images["red square.png"]).convert("RGB"), top_k=3)
            assert [(row["label"], row["score"]) for row in partials[0].payload["labels"]] == [
                (row["label"], pytest.approx(row["score"], abs=1e-6)) for row in plain]
        else:
            prompt: object = "hello world"
            if pipe.tokenizer.chat_template:  # the engine's default: the prompt as a chat
                prompt = [{"role": "user", "content": "hello world"}]
            output = pipe(prompt, max_new_tokens=5, do_sample=False, return_full_text=False)
            plain = output[0]["generated_text"]
            assert partials[-1].payload is None and partials[-2].payload["text"] == plain
