"""Engine ÷ plain ``transformers.pipeline`` in executed instructions, counted by valgrind.

``benchmarks/run.py`` times the same work; on a shared virtual machine identical runs of
that work vary by ±20 %, more than the ≤ 1.03 goal allows one to see. An instruction count
is the same on every run: it answers "does Pipedeck add work over the plain pipeline?"
(it does not see waiting, such as a slow disk, which the timed benchmark does).

Each side runs in its own process under ``valgrind --tool=callgrind`` with counting off;
the process loads the model, does the work once to warm up, and counts the second time only
(switched on and off with ``callgrind_control``). One torch thread, so that idle threads
spinning do not add instructions of their own; a fixed hash seed, so that dict work is alike.
The two sides of a row run at the same time: a count barely depends on what else the
machine does (image classification's plain side: 585 M counted alone, 586 M beside the
engine's, a third run then a second; the switch's wait loop is all that load can lengthen).

Only this process's instructions are counted: tesseract, which reads the invoice for
document questions on both sides, runs as a program of its own and is not. What is counted
there is the page handed to it: the plain pipeline compresses it to a PNG (~550 M of its
739 M), the engine writes an uncompressed TIFF, so that row reads ~0.25 where the timed
row, tesseract included, reads ~0.97.

By default the tiny-model rows, where the model's own work is smallest and Pipedeck's share
largest (~5 min); ``--all`` adds SmolLM2 generation and Whisper transcription (real models),
which take far longer under valgrind (most of an hour).

    .venv/bin/python benchmarks/instructions.py [--all | --only NAME ...]  # INSTRUCTIONS.md
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
OUTPUT = ROOT / "benchmarks" / "INSTRUCTIONS.md"


def child(name: str, side: str) -> None:
    """Runs under valgrind: load, warm up, count one run of ``side``."""
    import run  # benchmarks/run.py: the workloads
    import torch

    from engine.models import PipelineCache

    torch.set_num_threads(1)
    work = run.workload(name, PipelineCache())
    assert work is not None, f"no model for {name}"
    plain, ours, note = work
    task = plain if side == "plain" else ours
    task()
    _switch("on")
    task()
    _switch("off")
    print(note)


def _switch(state: str) -> None:
    """Counting on or off. This process keeps running Python meanwhile: valgrind then picks
    the request up by itself, without attaching to a blocked process (which needs ptrace,
    refused on many Linux systems). The few loop turns counted are lost in the noise."""
    control = subprocess.Popen(["callgrind_control", "-i", state, str(os.getpid())],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while control.poll() is None:
        pass
    if control.returncode:
        raise RuntimeError(f"callgrind_control -i {state} failed")


def counted(name: str) -> tuple[float, float, str]:
    """(plain's instructions, the engine's, what the work runs on) for one workload."""
    import run

    def side(which: str) -> tuple[float, str]:
        return run.callgrind([sys.executable, __file__, "--child", name, which],
                             dict(os.environ), timeout=4 * 3600, counting=False)

    with ThreadPoolExecutor(2) as pool:
        plain, ours = pool.map(side, ("plain", "engine"))
    return plain[0], ours[0], plain[1].strip().splitlines()[-1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--all", action="store_true",
                        help="also text generation and speech (real models; an hour or more)")
    parser.add_argument("--only", nargs="+", metavar="WORKLOAD",
                        help="these rows only, by name (as printed), e.g. \"zero-shot\"")
    parser.add_argument("--child", nargs=2, metavar=("WORKLOAD", "SIDE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return 0
    if not (shutil.which("valgrind") and shutil.which("callgrind_control")):
        print("valgrind is not installed (apt install valgrind)", file=sys.stderr)
        return 2
    import run

    names = args.only or (run.WORKLOADS if args.all else run.TINY_WORKLOADS)
    unknown = set(names) - set(run.WORKLOADS)
    if unknown:
        parser.error(f"unknown workload {sorted(unknown)}; known: {', '.join(run.WORKLOADS)}")
    results = _rows(OUTPUT.read_text(encoding="utf-8")) if OUTPUT.exists() else {}
    for name in names:
        try:
            plain, ours, note = counted(name)
        except subprocess.CalledProcessError as exc:  # e.g. the real model is not here
            python = [line for line in exc.stderr.splitlines() if not line.startswith("==")]
            print(f"{name}: skipped ({python[-1:]})", file=sys.stderr)
            continue
        results[name] = (f"| {name} | {ours / plain:.3f} | ≤ 1.03 | {plain / 1e6:.0f} M | "
                         f"{ours / 1e6:.0f} M | {note} | {time.strftime('%Y-%m-%d')} |")
        print(results[name], flush=True)
    table = "\n".join([
        "| work | engine ÷ plain (instructions) | goal | plain | engine | on | counted |",
        "|---|---|---|---|---|---|---|",
        *(results[name] for name in run.WORKLOADS if name in results)])
    OUTPUT.write_text(
        f"# Engine ÷ plain pipeline, in instructions\n\nMachine: {run.machine()}\n\n"
        "Run: `python benchmarks/instructions.py` (valgrind callgrind, one torch thread, "
        "second run of each side counted). A row counted again replaces its line; the others "
        "keep theirs, with the day they were counted.\n\n"
        f"{table}\n", encoding="utf-8")
    return 0


def _rows(text: str) -> dict[str, str]:
    """The table's rows by workload name, from an earlier INSTRUCTIONS.md.

    A file from before rows had their own day gives them the day the file was written.
    """
    written = re.search(r" on (\d{4}-\d{2}-\d{2})", text)
    rows = {}
    for line in text.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if not line.startswith("| ") or cells[0] == "work" or len(cells) not in (6, 7):
            continue
        if len(cells) == 6:
            line = f"{line.rstrip()} {written.group(1) if written else '?'} |"
        rows[cells[0]] = line
    return rows


if __name__ == "__main__":
    sys.exit(main())
