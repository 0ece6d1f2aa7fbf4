"""Engine ÷ plain ``transformers.pipeline`` in executed instructions, counted by valgrind.

``benchmarks/run.py`` times the same work; on a shared virtual machine identical runs of
that work vary by ±20 %, more than the ≤ 1.03 goal allows one to see. An instruction count
is the same on every run: it answers "does Pipedeck add work over the plain pipeline?"
(it does not see waiting, such as a slow disk, which the timed benchmark does).

Each side runs in its own process under ``valgrind --tool=callgrind`` with counting off;
the process loads the model, does the work twice to warm up, and counts the third time only
(switched on and off with ``callgrind_control``). One torch thread, so that idle threads
spinning do not add instructions of their own; a fixed hash seed, so that dict work is alike.

By default the two tiny-model rows, where the model's own work is smallest and Pipedeck's
share largest (~5 min); ``--all`` adds SmolLM2 generation and Whisper transcription, which
take far longer under valgrind (an hour or more) and whose timed ratios are less noisy.

    .venv/bin/python benchmarks/instructions.py [--all]    # writes INSTRUCTIONS.md
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))


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


def counted(name: str, side: str) -> tuple[float, str]:
    """(instructions, what the work runs on) for one side of a workload."""
    import run

    count, out = run.callgrind([sys.executable, __file__, "--child", name, side],
                               dict(os.environ), timeout=4 * 3600, counting=False)
    return count, out.strip().splitlines()[-1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--all", action="store_true",
                        help="also text generation and speech (real models; an hour or more)")
    parser.add_argument("--child", nargs=2, metavar=("WORKLOAD", "SIDE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return 0
    if not (shutil.which("valgrind") and shutil.which("callgrind_control")):
        print("valgrind is not installed (apt install valgrind)", file=sys.stderr)
        return 2
    import run

    lines = ["| work | engine ÷ plain (instructions) | goal | plain | engine | on |",
             "|---|---|---|---|---|---|"]
    for name in run.WORKLOADS if args.all else run.WORKLOADS[:2]:
        try:
            plain, note = counted(name, "plain")
            ours, _ = counted(name, "engine")
        except subprocess.CalledProcessError as exc:  # e.g. the real model is not here
            python = [line for line in exc.stderr.splitlines() if not line.startswith("==")]
            print(f"{name}: skipped ({python[-1:]})", file=sys.stderr)
            continue
        line = (f"| {name} | {ours / plain:.3f} | ≤ 1.03 | {plain / 1e6:.0f} M | "
                f"{ours / 1e6:.0f} M | {note} |")
        print(line, flush=True)
        lines.append(line)
    table = "\n".join(lines)
    (ROOT / "benchmarks" / "INSTRUCTIONS.md").write_text(
        f"# Engine ÷ plain pipeline, in instructions\n\nMachine: {run.machine()}\n\n"
        f"Run: `python benchmarks/instructions.py` on {time.strftime('%Y-%m-%d')} "
        "(valgrind callgrind, one torch thread, third run of each side counted)\n\n"
        f"{table}\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
