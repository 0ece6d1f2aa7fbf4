"""``pipedeck models ...``: search the Hub, list, download and remove models from a terminal.

The same engine calls as the GUI's model picker, so a script (or a support request) can
reproduce what the picker does. Results go to stdout (a table, or JSON with ``--json``);
progress and errors go to stderr. Exit codes: 0 ok, 2 usage, 4 model unavailable, gated
or offline, 130 interrupted (Ctrl-C cancels a download cleanly, keeping finished files).
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict
from datetime import datetime
from typing import Any, TextIO

from engine.errors import EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, Cancelled, PipedeckError
from engine.progress import JobControl, Progress

SORTS = ("downloads", "likes", "trending", "updated")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="pipedeck models",
                                     description="Find, download and manage models.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    search = sub.add_parser("search", help="search the Hugging Face Hub")
    search.add_argument("query", nargs="?", default="", help="words in the model's name")
    search.add_argument("--task", help="pipeline task, e.g. automatic-speech-recognition")
    search.add_argument("--sort", choices=SORTS, default="downloads")
    search.add_argument("--language", help="language code, e.g. fr")
    search.add_argument("--limit", type=int, default=20)
    search.add_argument("--page", type=int, default=0, help="page number, from 0")
    search.add_argument("--json", action="store_true", help="print JSON")

    listing = sub.add_parser("list", help="list installed models")
    listing.add_argument("--json", action="store_true", help="print JSON")

    download = sub.add_parser("download", help="download a model for offline use")
    download.add_argument("repo_id", metavar="ID")
    download.add_argument("--revision", help="branch, tag or commit (default: main)")
    download.add_argument("--allow-pickle", action="store_true",
                          help="accept PyTorch pickle weights when no safetensors exist")

    remove = sub.add_parser("remove", help="delete an installed model")
    remove.add_argument("repo_id", metavar="ID")
    remove.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    return parser


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    return str(value)


def _table(rows: Sequence[Sequence[str]], out: TextIO) -> None:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        out.write("  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip() + "\n")


def _search(args: argparse.Namespace, out: TextIO) -> int:
    from engine.hub import search_models

    results = search_models(args.query, task=args.task, sort=args.sort,
                            language=args.language, limit=args.limit, page=args.page)
    if args.json:
        out.write(json.dumps([asdict(r) for r in results], default=_jsonable, indent=2) + "\n")
        return EXIT_OK
    if not results:
        out.write("No models found.\n")
        return EXIT_OK
    rows = [("MODEL", "TASK", "DOWNLOADS", "LIKES", "SIZE", "UPDATED", "LICENCE")]
    rows += [(r.id + (" (gated)" if r.gated else ""), r.pipeline_tag or "-",
              r.downloads_str.split(" downloads")[0], r.likes_str.split(" likes")[0],
              r.size_str, r.last_modified_str, r.license or "-") for r in results]
    _table(rows, out)
    return EXIT_OK


def _list(args: argparse.Namespace, out: TextIO) -> int:
    from engine.cache import installed_models

    models = installed_models()
    if args.json:
        out.write(json.dumps([asdict(m) for m in models], default=_jsonable, indent=2) + "\n")
        return EXIT_OK
    if not models:
        out.write("No models installed.\n")
        return EXIT_OK
    rows = [("MODEL", "TASK", "SIZE", "LAST USED")]
    rows += [(m.id, m.task or "-", m.size_str, m.last_used_str) for m in models]
    _table(rows, out)
    return EXIT_OK


@contextmanager
def _ctrl_c_cancels(control: JobControl) -> Iterator[None]:
    """Ctrl-C sets the cancel flag, so download threads stop at their next chunk.

    A plain KeyboardInterrupt would leave ``huggingface_hub``'s worker threads running
    until their files were complete.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, lambda *_: control.cancel())
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _progress_printer(err: TextIO) -> Callable[[Progress], None]:
    live = err.isatty()

    def show(progress: Progress) -> None:
        percent = "" if progress.fraction is None else f"{progress.fraction:6.1%}  "
        if live:
            err.write(f"\r\033[K{percent}{progress.message}")
            if progress.fraction is not None and progress.fraction >= 1.0:
                err.write("\n")
        else:
            err.write(f"{percent}{progress.message}\n")
        err.flush()

    return show


def _download(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from engine.cache import download_model
    from engine.hub import PickleOnlyModel

    control = JobControl(on_progress=_progress_printer(err),
                         min_interval_s=0.2 if err.isatty() else 1.0)
    try:
        with _ctrl_c_cancels(control):
            folder = download_model(args.repo_id, control=control, revision=args.revision,
                                    allow_pickle=args.allow_pickle)
    except PickleOnlyModel as error:
        err.write(f"pipedeck: {error.message} Add --allow-pickle to download them.\n")
        return error.exit_code
    except Cancelled as error:
        err.write("\npipedeck: download cancelled; finished files are kept.\n")
        return error.exit_code
    out.write(f"{folder}\n")
    return EXIT_OK


def _remove(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from engine.cache import installed_models, remove_model
    from engine.errors import ModelUnavailable

    model = next((m for m in installed_models() if m.id == args.repo_id), None)
    if model is None:
        raise ModelUnavailable(f"'{args.repo_id}' is not installed.")
    if not args.yes:
        if not sys.stdin.isatty():
            err.write(f"pipedeck: add --yes to remove '{model.id}' ({model.size_str}) "
                      "without being asked.\n")
            return EXIT_USAGE
        answer = input(f"Remove '{model.id}' ({model.size_str})? [y/N] ")
        if answer.strip().lower() not in {"y", "yes"}:
            err.write("Nothing removed.\n")
            return EXIT_OK
    from engine.hub import human_size

    freed = remove_model(model.id)
    out.write(f"Removed '{model.id}', freed {human_size(freed)}.\n")
    return EXIT_OK


def main(argv: list[str], *, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run ``pipedeck models <argv>``; returns the exit code."""
    out = out or sys.stdout
    err = err or sys.stderr
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exit_:  # --help (0) or a usage error (2)
        return exit_.code if isinstance(exit_.code, int) else EXIT_USAGE
    try:
        if args.command == "search":
            return _search(args, out)
        if args.command == "list":
            return _list(args, out)
        if args.command == "download":
            return _download(args, out, err)
        return _remove(args, out, err)
    except KeyboardInterrupt:
        err.write("\npipedeck: interrupted.\n")
        return EXIT_INTERRUPTED
    except PipedeckError as error:
        err.write(f"\npipedeck: {error.message}\n" if err.isatty()
                  else f"pipedeck: {error.message}\n")
        return error.exit_code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
