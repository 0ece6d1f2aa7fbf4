"""The headless command line: ``pipedeck TASK [options] INPUT...``.

Same engine, same job store and same exports as the window; Qt is never imported on
this path. Exit codes: 0 success, 2 usage error, 3 an input could not be read (the
others are still processed), 4 model unavailable, 130 interrupted.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
from collections.abc import Sequence
from pathlib import Path
from types import FrameType
from typing import Any, TextIO

from engine.errors import (
    EXIT_INPUT,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    InputError,
    PipedeckError,
    UsageError,
)
from engine.params import Param
from engine.tasks import TaskSpec, all_tasks, get_task

#: Extra spellings for some parameters, matching the words people use for them.
FLAG_ALIASES: dict[str, tuple[str, ...]] = {
    "candidate_labels": ("--labels",),
    "questions": ("--question", "-q"),
    "ocr_lang": ("--ocr-lang",),
}


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # argparse's own exit code is 2 already
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"pipedeck: {message}\n")


def _add_param(parser: argparse.ArgumentParser, param: Param) -> None:
    flags = (param.cli_flag, *FLAG_ALIASES.get(param.name, ()))
    flags = tuple(dict.fromkeys(flags))
    if param.kind == "bool":
        parser.add_argument(*flags, dest=param.name, action="store_true", default=None,
                            help=param.help or param.label)
    elif param.name == "questions":
        parser.add_argument(*flags, dest=param.name, action="append", default=None,
                            help="a question to ask (repeat for several)")
    else:
        choices = [key for key, _ in param.choices] if param.choices and \
            param.name != "language" and param.name != "ocr_lang" else None
        parser.add_argument(*flags, dest=param.name, default=None, choices=choices,
                            help=param.help or param.label)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="pipedeck", description="Run Hugging Face pipelines on your files. "
                     "Without arguments, opens the window.")
    # Not dest="task": the transcribe command has a --task option of its own.
    sub = parser.add_subparsers(dest="command", metavar="TASK")
    for task in all_tasks():
        task_parser = sub.add_parser(task.alias, aliases=[task.id], help=task.description)
        task_parser.error = _Parser.error.__get__(task_parser)  # type: ignore[method-assign]
        task_parser.add_argument("inputs", nargs="*", metavar="INPUT",
                                 help="files, folders, URLs" +
                                 (", or texts" if task.input_kind == "text" else ""))
        task_parser.add_argument("--model", default=None,
                                 help=f"model id or folder (default {task.default_model})")
        task_parser.add_argument("--device", default="cpu", help="cpu, cuda:N, mps or auto")
        task_parser.add_argument("--dtype", default="auto",
                                 choices=["auto", "float32", "float16", "bfloat16"])
        task_parser.add_argument("--json", action="store_true", help="print results as JSON")
        task_parser.add_argument("--output", type=Path, default=None,
                                 help="folder to write result files into")
        task_parser.add_argument("--allow-remote-code", action="store_true",
                                 help="let the model run its own code (only if you trust it)")
        task_parser.add_argument("--allow-pickle", action="store_true",
                                 help="allow pickle (.bin) weights (only if you trust them)")
        if task.input_kind == "text":
            task_parser.add_argument("--file", type=Path, action="append", default=[],
                                     help="a .txt file (one text per line) or a .csv file")
            task_parser.add_argument("--column", default=None, help="CSV column with the texts")
        for param in task.params:
            _add_param(task_parser, param)
        _add_task_extras(task, task_parser)
    return parser


def _add_task_extras(task: TaskSpec, parser: argparse.ArgumentParser) -> None:
    if task.alias == "transcribe":
        parser.add_argument("--translate", action="store_true", help="translate to English")
        parser.add_argument("--format", action="append", default=None,
                            choices=["txt", "txt-timed", "srt", "vtt", "json"],
                            help="export format (repeat for several; default txt and srt)")
    if task.alias == "ask":
        parser.add_argument("--csv", type=Path, default=None, help="write answers to this CSV")


def collect_inputs(task: TaskSpec, args: argparse.Namespace,
                   unreadable: list[str] | None = None) -> list[str]:
    """The job's inputs; a text file that cannot be read goes to ``unreadable`` (when
    given) so the other texts still run, as exit code 3 promises."""
    from engine.inputs import expand_inputs, read_texts

    if task.input_kind == "text":
        texts = list(args.inputs)
        for path in args.file:
            try:
                texts.extend(read_texts(str(path), args.column))
            except InputError as exc:
                if unreadable is None:
                    raise
                unreadable.append(str(exc))
        return texts
    return expand_inputs(args.inputs, task.extensions)


def task_params(task: TaskSpec, args: argparse.Namespace) -> dict[str, Any]:
    raw = {param.name: getattr(args, param.name, None) for param in task.params}
    if task.alias == "transcribe" and args.translate:
        raw["task"] = "translate"
    if raw.get("language") == "auto":
        raw["language"] = None
    return {key: value for key, value in raw.items() if value is not None}


def main(argv: Sequence[str] | None = None, *, stdout: TextIO | None = None,
         stderr: TextIO | None = None) -> int:
    """Run one CLI command; returns the exit code."""
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "models":
        from engine.cli_models import main as models_main

        return models_main(argv[1:])
    if argv and argv[0] == "--self-test":
        from engine.selftest import main as selftest_main

        return selftest_main(argv[1:])
    args = build_parser().parse_args(argv)
    if not args.command:
        build_parser().print_help(out)
        return EXIT_USAGE
    from engine.logs import setup_logging

    setup_logging()
    task = get_task(args.command)
    try:
        unreadable: list[str] = []
        inputs = collect_inputs(task, args, unreadable)
        for message in unreadable:
            print(f"pipedeck: {message}", file=err)
        params = task_params(task, args)
        if not inputs:
            if unreadable:
                return EXIT_INPUT
            raise UsageError("Nothing to do: give at least one input.")
        code = _run(task, args, inputs, params, out, err)
        return EXIT_INPUT if unreadable and code == EXIT_OK else code
    except PipedeckError as exc:
        print(f"pipedeck: {exc}", file=err)
        return exc.exit_code


def _run(task: TaskSpec, args: argparse.Namespace, inputs: list[str], params: dict[str, Any],
         out: TextIO, err: TextIO) -> int:
    from engine.jobs import JobSpec, JobState, run_job
    from engine.models import PipelineCache
    from engine.progress import JobControl, Progress
    from engine.store import JobStore, default_store_path

    results: list[Any] = []

    def on_progress(progress: Progress) -> None:
        if err.isatty():
            pct = "" if progress.fraction is None else f"{progress.fraction:4.0%} "
            print(f"\r{pct}{progress.message[:70]:<70}", end="", file=err, flush=True)

    def on_partial(result: Any) -> None:
        results.append(result)
        if result.error:
            print(f"pipedeck: {result.error}", file=err)

    control = JobControl(on_progress=on_progress, on_partial=on_partial)
    previous = _install_interrupt(control)
    spec = JobSpec(task=task.id, inputs=tuple(inputs), model=args.model or task.default_model,
                   params=params, device=args.device, dtype=args.dtype,
                   trust_remote_code=args.allow_remote_code, allow_pickle=args.allow_pickle)
    store = JobStore(default_store_path())
    try:
        outcome = run_job(spec, control, PipelineCache(capacity=1), store)
    finally:
        signal.signal(signal.SIGINT, previous)
        store.close()
        if err.isatty():
            print("\r" + " " * 76 + "\r", end="", file=err)
    from engine.report import gather, render_text, write_outputs

    gathered = gather(task, inputs, results)
    if args.output is not None or getattr(args, "csv", None) is not None:
        for path in write_outputs(task, gathered, spec, args):
            print(f"wrote {path}", file=err)
    if args.json:
        json.dump({"task": task.id, "model": spec.model, "state": outcome.state.value,
                   "message": outcome.message, "results": gathered}, out, ensure_ascii=False,
                  indent=2)
        out.write("\n")
    else:
        out.write(render_text(task, gathered))
    if outcome.state is JobState.CANCELLED:
        print("pipedeck: interrupted; finished results were kept.", file=err)
        return EXIT_INTERRUPTED
    if outcome.state is JobState.FAILED:
        print(f"pipedeck: {outcome.message}", file=err)
        return outcome.exit_code or 1
    return EXIT_INPUT if outcome.errors else EXIT_OK


def _install_interrupt(control: Any) -> Any:
    """First Ctrl-C cancels the job cleanly; a second one stops at once."""

    def handler(signum: int, frame: FrameType | None) -> None:
        if control.cancelled:
            raise KeyboardInterrupt
        control.cancel()

    return signal.signal(signal.SIGINT, handler)


