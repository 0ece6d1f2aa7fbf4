"""Pipedeck's speed and memory against plain ``transformers.pipeline``, in one run.

Prints a table of ratios (goal in brackets) and writes ``benchmarks/RESULTS.md`` with the
machine's description. Uses real models from ``.models/`` when they are there and tiny
random models otherwise (their ratios measure Pipedeck's overhead, not model speed).

    .venv/bin/python benchmarks/run.py [--quick] [--device cuda --dtype bfloat16]
                                       [--only "image classification" ...]

``--device``/``--dtype`` move the engine ÷ plain rows (both sides: the same cached pipeline)
to a GPU, or to accelerate's ``device_map="auto"`` with ``--device auto``; their results go
to ``RESULTS-<device>-<dtype>.md``. ``--only`` measures some of those rows and nothing else,
for a GPU machine lent for minutes (``--quick --only ...`` takes ~1 min a tiny model).
"""

from __future__ import annotations

import argparse
import functools
import gc
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("PIPEDECK_HOME", tempfile.mkdtemp(prefix="pipedeck-bench-"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REAL = Path(os.environ.get("PIPEDECK_REAL_MODELS", ROOT / ".models"))

Row = tuple[str, float, str, str]


def rss_bytes() -> int:
    with open("/proc/self/statm", encoding="ascii") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def best_of(repeats: int, work: Callable[[], Any]) -> float:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return min(times)


@dataclass(frozen=True)
class Paired:
    """engine ÷ plain from turns taken in pairs: the median pair, how sure it is, the best."""

    median: float
    low: float
    high: float
    """The 95 % bootstrap interval of the median."""
    best: float
    """The fastest engine turn ÷ the fastest plain turn."""
    rounds: int

    def note(self) -> str:
        return (f"median of {self.rounds} paired turns, 95 % interval {self.low:.3f}–"
                f"{self.high:.3f} (best ÷ best {self.best:.3f})")


def paired(budget_s: float, plain: Callable[[], Any], ours: Callable[[], Any],
           min_rounds: int = 9) -> Paired:
    """engine ÷ plain: the median of the rounds' ratios, after a warm-up of each.

    The two take turns, the order alternating, for ``budget_s`` seconds (at least
    ``min_rounds`` rounds): a slow spell of a shared machine lands on both turns of a
    round, so each round's ratio is fair where single times are not. On this project's
    2-core virtual machine one turn of the same work varies by ±10 % (in CPU time as much
    as in wall-clock time: the processor itself runs slower at times), and the fastest
    turns too: the plain pipeline against itself (the control row) came out at 0.94 as
    best ÷ best and 1.003 as the median of 60 rounds. Hence the median, with its interval
    (resampled rounds, fixed seed), and enough rounds to narrow it.
    """
    plain()
    ours()
    mine: list[float] = []
    theirs: list[float] = []
    started = time.perf_counter()
    while len(mine) < min_rounds or time.perf_counter() - started < budget_s:
        if len(mine) % 2:
            mine.append(best_of(1, ours))
            theirs.append(best_of(1, plain))
        else:
            theirs.append(best_of(1, plain))
            mine.append(best_of(1, ours))
    return summarize(mine, theirs)


def summarize(mine: list[float], theirs: list[float]) -> Paired:
    """The :class:`Paired` figures of rounds' times, ``mine[i]`` beside ``theirs[i]``."""
    ratios = [m / t for m, t in zip(mine, theirs, strict=True)]
    draw = random.Random(0)
    medians = sorted(statistics.median(draw.choices(ratios, k=len(ratios)))
                     for _ in range(2000))
    return Paired(statistics.median(ratios), medians[50], medians[1949],
                  min(mine) / min(theirs), len(ratios))


@dataclass(frozen=True)
class Target:
    """Where the engine ÷ plain rows run their models: ``--device`` and ``--dtype``."""

    device: str = "cpu"
    dtype: str = "auto"


TARGET = Target()


def on_target(task: str, model: str) -> Any:
    """The model's key on :data:`TARGET`: the plain side's pipeline is the one the engine's
    job gets from the same cache (a job's key for the same task, model, device and dtype)."""
    from engine.models import ModelKey

    return ModelKey(task, model, TARGET.device, TARGET.dtype)


def engine_run(task: str, inputs: list[str], model: str, params: dict[str, Any],
               cache: Any, target: Target | None = None) -> Any:
    """One job as the app's worker runs it: each result saved to the job store before it is
    handed on (``engine.saving``: a commit per 0.25 s of a batch's rows), so none shown is lost.

    ``target``: where the model runs, :data:`TARGET` when not given."""
    from engine.jobs import JobSpec, JobState, run_job
    from engine.progress import JobControl

    target = target or TARGET
    outcome = run_job(JobSpec(task, tuple(inputs), model, params, target.device, target.dtype),
                      JobControl(), cache, _store())
    assert outcome.state is JobState.DONE, outcome.message
    return outcome


@functools.cache
def _store() -> Any:
    """The benchmark's job store, one for all its jobs, as the app has."""
    from engine.store import JobStore, default_store_path

    return JobStore(default_store_path())


Work = Callable[[], Any]
TINY_WORKLOADS = ("image classification", "zero-shot", "document question answering")
WORKLOADS = (*TINY_WORKLOADS, "text generation (streamed)", "speech recognition")


def workload(name: str, cache: Any) -> tuple[Work, Work, str] | None:
    """The same work done by plain ``transformers.pipeline`` and by Pipedeck's engine.

    Returns (plain, engine, what it runs on), or None when the model is not here.
    Also used by ``benchmarks/instructions.py``, which counts instructions instead of time.
    Off the CPU the engine batches pictures and texts (8 to a batch), and the plain pipeline
    is given the same batches, as its documentation advises.
    """
    from engine.jobs import default_batch_size

    batch = default_batch_size(TARGET.device)
    if name == "image classification":
        from PIL import Image

        from tests.tiny.vision import tiny_vit

        folder = Path(tempfile.mkdtemp(prefix="bench-inputs-"))
        images = []
        for i in range(48):
            path = folder / f"img{i}.png"
            Image.new("RGB", (224, 224), (i * 5, 100, 200)).save(path)
            images.append(str(path))
        vit = str(tiny_vit())
        pipe = cache.get(on_target("image-classification", vit))
        def plain() -> Any:
            pictures = (Image.open(p).convert("RGB") for p in images)
            if batch == 1:
                return [pipe(picture, top_k=5) for picture in pictures]
            return list(pipe(pictures, top_k=5, batch_size=batch))

        return (plain,
                lambda: engine_run("image-classification", images, vit, {"top_k": 5}, cache),
                f"tiny ViT, {len(images)} images")
    if name == "zero-shot":
        from tests.tiny.text import tiny_nli

        texts = [f"my phone battery broke after {i} days" for i in range(48)]
        nli = str(tiny_nli())
        labels = ["phone", "sports", "cooking"]
        pipe = cache.get(on_target("zero-shot-classification", nli))
        return (lambda: ([pipe(t, candidate_labels=labels) for t in texts] if batch == 1 else
                         pipe(texts, candidate_labels=labels, batch_size=batch)),
                lambda: engine_run("zero-shot", texts, nli, {"candidate_labels": labels}, cache),
                f"tiny BERT-NLI, {len(texts)} texts")
    if name == "document question answering":
        from engine.ocr import tesseract_available

        if not tesseract_available():  # both sides read the page with it
            return None
        from tests import invoices
        from tests.tiny.layoutlm import layoutlm_docqa

        # No real document-QA weights offline: a tiny random LayoutLM, so the page's OCR
        # (tesseract, on both sides) is most of the work, as it is with a real model on a CPU.
        layoutlm = str(layoutlm_docqa())
        invoice = str(invoices.classic_png())
        question = "What is the invoice number?"
        pipe = cache.get(on_target("document-question-answering", layoutlm))
        return (lambda: pipe(image=invoice, question=question),
                lambda: engine_run("document-question-answering", [invoice], layoutlm,
                                   {"questions": [question]}, cache),
                "tiny LayoutLM, one question on a rendered invoice (OCR included: the engine "
                "hands tesseract an uncompressed TIFF, the pipeline a PNG; the same words)")
    if name == "text generation (streamed)":
        from tests.tiny.text import tiny_lm

        real_lm = REAL / "smollm2-135m-instruct"
        lm = str(real_lm if real_lm.is_dir() else tiny_lm())
        pipe = cache.get(on_target("text-generation", lm))
        prompt = "Write one sentence about spreadsheets."
        gen = {"max_new_tokens": 40, "do_sample": False}
        messages = [{"role": "user", "content": prompt}]
        return (lambda: pipe(messages if pipe.tokenizer.chat_template else prompt, **gen),
                lambda: engine_run("generate", [prompt], lm,
                                   {"max_new_tokens": 40, "temperature": 0,
                                    "repetition_penalty": 1.0}, cache),
                Path(lm).name)
    if name == "speech recognition":
        return _speech_work(cache)
    raise ValueError(name)


def ratio_rows(repeats: int, names: Sequence[str] = WORKLOADS) -> list[Row]:
    """The engine ÷ plain rows of ``names`` (with the control row after the first tiny
    model's), then the cached load's row when every workload is measured."""
    from engine.models import ModelKey, PipelineCache
    from tests.tiny.vision import tiny_vit

    rows: list[Row] = []
    cache = PipelineCache()
    for name in names:
        work = workload(name, cache)
        if work is not None:
            plain, ours, note = work
            # A real model's turn takes seconds: more time for as many rounds.
            budget = (20 if name in TINY_WORKLOADS else 80) * repeats
            measured = paired(budget, plain, ours)
            rows.append((f"{name}, engine ÷ plain", measured.median, "≤ 1.03",
                         f"{note}; {measured.note()}"))
            if name == TINY_WORKLOADS[0]:
                rows.append(_control_row(plain, budget, note))
    if tuple(names) != WORKLOADS:
        return rows

    vit = str(tiny_vit())
    first = best_of(1, lambda: PipelineCache().get(ModelKey("image-classification", vit,
                                                            dtype="float32")))
    warm_cache = PipelineCache()
    warm_cache.get(ModelKey("image-classification", vit))
    again = best_of(repeats, lambda: warm_cache.get(ModelKey("image-classification", vit)))
    rows.append(("load of a cached model ÷ first load", again / first, "≤ 0.05", "tiny ViT"))
    return rows


def _control_row(plain: Work, budget_s: float, note: str) -> Row:
    """The same plain pipeline on both sides, measured as the rows above are (an A/A test).

    Its distance from 1.000, and its interval, are what this machine's noise alone does to
    a row in this run: an engine row within that of its goal cannot be told apart from it.
    """
    measured = paired(budget_s, plain, plain)
    return ("control: plain ÷ the same plain", measured.median, "reference",
            f"{note}; {measured.note()}: the noise of the rows above in this run")


def _speech_work(cache: Any) -> tuple[Work, Work, str] | None:
    model_dir = REAL / "whisper-tiny.en"
    if not model_dir.is_dir():
        return None
    wav = Path(tempfile.mkdtemp()) / "speech.wav"
    text = ("Pipedeck turns recordings into text. It runs on your own computer. "
            "Nothing leaves the machine. ") * 3
    subprocess.run(["espeak-ng", "-w", str(wav), text], check=True, capture_output=True)
    import numpy as np

    from engine.audio import iter_blocks

    audio = np.concatenate(list(iter_blocks(wav)))  # 16 kHz mono, as the engine decodes it
    pipe = cache.get(on_target("automatic-speech-recognition", str(model_dir)))
    # The same work on both sides: greedy, float weights. (Pipedeck's CPU default, int8 and
    # greedy, is measured against plain and faster-whisper by benchmarks/asr.py.)
    return (lambda: pipe({"raw": audio, "sampling_rate": 16000}, return_timestamps=True,
                         generate_kwargs={"num_beams": 1}),
            lambda: engine_run("transcribe", [str(wav)], str(model_dir),
                               {"search": "greedy", "speed": "off"}, cache),
            "whisper-tiny.en, greedy, float")


def memory_rows() -> list[Row]:
    from engine.models import ModelKey, PipelineCache
    from tests.tiny.text import tiny_nli
    from tests.tiny.vision import tiny_vit

    rows: list[Row] = []
    nli = str(tiny_nli())
    cache = PipelineCache(capacity=1)
    cpu = Target()  # these rows stay on the CPU whatever --device says
    engine_run("zero-shot", ["warm up"], nli, {"candidate_labels": ["a", "b"]}, cache, cpu)
    gc.collect()
    after_first = rss_bytes()
    for i in range(100):
        engine_run("zero-shot", [f"text number {i}"], nli, {"candidate_labels": ["a", "b"]},
                   cache, cpu)
    gc.collect()
    rows.append(("memory after 100 jobs ÷ after the first", rss_bytes() / after_first,
                 "≤ 1.05", "tiny BERT-NLI"))

    real = REAL / "whisper-base"
    big = str(real) if real.is_dir() else str(tiny_vit())
    task = "automatic-speech-recognition" if real.is_dir() else "image-classification"
    gc.collect()
    before = rss_bytes()
    pipe = cache.get(ModelKey(task, big))
    # what the model holds (the process's size can even fall during a load: the collector
    # runs, the allocator gives pages back)
    weights = sum(t.numel() * t.element_size()
                  for t in (*pipe.model.parameters(), *pipe.model.buffers()))
    del pipe  # the cache's reference is the only one left, as in the app
    cache.get(ModelKey("zero-shot-classification", nli))  # switching away evicts it
    gc.collect()
    rows.append(("memory after switching away ÷ before loading", rss_bytes() / before,
                 "≤ 1.1", f"{Path(big).name} ({weights / 2**20:.0f} MB of weights)"))
    return rows


# Each script prints the clock at its first event-loop turn and ends there (os._exit), so
# neither the shut-down nor the worker's warm-up that follows is counted.
STARTUP = {
    "bare": """
        import os, time, sys
        from PySide6.QtWidgets import QApplication, QMainWindow
        from PySide6.QtCore import QTimer
        app = QApplication([])
        w = QMainWindow(); w.resize(1180, 760); w.show()
        QTimer.singleShot(0, lambda: (print(time.perf_counter(), flush=True), os._exit(0)))
        app.exec()
    """,
    # The widgets of Pipedeck's first frame built by a plain script, no application code:
    # what any PySide6 window of this shape pays over the bare one (the font database behind
    # the first line edit, the menu bar, a translator...). Like Pipedeck's, it uses no Qt.*
    # value, so Qt's namespace of ~90 Python enums is not built (gui/__init__).
    "widgets": """
        import os, time, sys
        from PySide6.QtCore import QLocale, QTimer, QTranslator
        from PySide6.QtGui import QAction
        from PySide6.QtWidgets import (QApplication, QComboBox, QHBoxLayout, QLabel,
            QListWidget, QMainWindow, QPlainTextEdit, QProgressBar, QPushButton, QSplitter,
            QTabWidget, QToolBar, QToolButton, QVBoxLayout, QWidget)
        app = QApplication([])
        translator = QTranslator(app)
        if translator.load(QLocale.system(), "pipedeck", "_", "resources/translations"):
            app.installTranslator(translator)
        w = QMainWindow(); w.resize(1180, 760)
        bar = QWidget(); row = QHBoxLayout(bar)
        for name in ("Device:", "Precision:", "Model:"):
            row.addWidget(QLabel(name)); combo = QComboBox(); combo.addItem(name)
            row.addWidget(combo)
        combo.setEditable(True)
        row.addWidget(QToolButton()); row.addWidget(QToolButton()); row.addWidget(QLabel("x"))
        toolbar = QToolBar(); toolbar.addWidget(bar)
        w.addToolBar(toolbar)
        central = QWidget(); side = QHBoxLayout(central)
        tasks = QListWidget(); tasks.addItems([f"Task {index}" for index in range(17)])
        side.addWidget(tasks)
        panes = QSplitter(); side.addWidget(panes, 1)
        tabs = QTabWidget(); panes.addWidget(tabs)
        page = QWidget(); column = QVBoxLayout(page)
        column.addWidget(QLabel("Drop files here")); column.addWidget(QPlainTextEdit())
        column.addWidget(QPushButton("Run")); column.addWidget(QLabel("Results appear here"))
        tabs.addTab(page, "Task")
        for index in range(16):
            tabs.addTab(QWidget(), f"Task {index}")
        history = QWidget(); rows = QVBoxLayout(history)
        rows.addWidget(QLabel("History")); rows.addWidget(QLabel("Loading past jobs"))
        rows.addWidget(QPushButton("Open"))
        panes.addWidget(history)
        w.setCentralWidget(central)
        menu = w.menuBar().addMenu("&File")
        menu.addAction(QAction("&Quit", w))
        w.statusBar().addPermanentWidget(QProgressBar())
        w.show()
        QTimer.singleShot(0, lambda: (print(time.perf_counter(), flush=True), os._exit(0)))
        app.exec()
    """,
    "pipedeck": """
        import os, time, sys
        from gui.launcher import prepare_window_start
        prepare_window_start()  # as the launcher does, before Qt
        from PySide6.QtWidgets import QApplication
        from PySide6.QtCore import QTimer
        app = QApplication([])
        QTimer.singleShot(0, lambda: (print(time.perf_counter(), flush=True), os._exit(0)))
        from gui.app import run_app  # the launcher's own path: settings, translators, worker
        run_app([])
    """,
}


def startup_rows(repeats: int) -> list[Row]:
    # As installed, Python finds its compiled bytecode; a run that may not write it would
    # time the compiler on every start (PYTHONDONTWRITEBYTECODE is set on some machines).
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    # A first start's settings (the window opens on its first page), not this machine's
    # user's: the last page used decides what the first frame builds.
    env["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="pipedeck-bench-config-")

    def shown(kind: str) -> float:
        started = time.perf_counter()
        done = subprocess.run([sys.executable, "-c", textwrap.dedent(STARTUP[kind])],
                              cwd=ROOT, check=True, capture_output=True, text=True, env=env)
        # perf_counter is the system's monotonic clock on Linux: the child's reading at its
        # first event-loop turn minus ours at spawn, shut-down not included.
        return float(done.stdout.strip().splitlines()[-1]) - started

    counted = {kind: instructions(STARTUP[kind], env) for kind in STARTUP}
    times: dict[str, list[float]] = {kind: [] for kind in STARTUP}
    for kind in STARTUP:
        shown(kind)  # writes the bytecode
    # rounds as in paired(), the order turning round every other round; more of them than
    # for the models' rows: a start takes a third of a second
    for round_ in range(6 * repeats + 1):
        for kind in (list(times) if round_ % 2 else list(times)[::-1]):
            times[kind].append(shown(kind))
    ours, bare, widgets = times["pipedeck"], times["bare"], times["widgets"]
    window, plain_widgets, own = (summarize(ours, bare), summarize(widgets, bare),
                                  summarize(ours, widgets))
    return [
        ("time to window shown ÷ bare PySide6 window", window.median, "≤ 1.5",
         f"{window.note()}; median {statistics.median(ours):.3f} s ÷ "
         f"{statistics.median(bare):.3f} s; spawn to first event-loop turn, via the "
         "launcher's path"),
        ("same widgets, plain PySide6 script ÷ bare window", plain_widgets.median,
         "reference", f"{plain_widgets.note()}: Pipedeck's first-frame widgets without its "
         "code; the part of the row above that any PySide6 window of this shape pays"),
        ("time to window shown ÷ the same widgets", own.median, "reference",
         f"{own.note()}: what Pipedeck's own code adds (imports, registry, settings, worker "
         "thread)"),
        *_instruction_rows(counted),
    ]


def _instruction_rows(counted: dict[str, float | None]) -> list[Row]:
    ours, bare, widgets = counted["pipedeck"], counted["bare"], counted["widgets"]
    if ours is None or bare is None or widgets is None:  # no valgrind here
        return []
    return [("instructions to window shown ÷ bare PySide6 window", ours / bare, "≤ 1.5",
             f"{ours / 1e6:.0f} M ÷ {bare / 1e6:.0f} M (same widgets {widgets / 1e6:.0f} M), "
             "counted by valgrind: the same run every time, where wall-clock times on a shared "
             "machine vary ±20 %")]


def instructions(script: str, env: dict[str, str]) -> float | None:
    """Instructions the script executes to its first event-loop turn (valgrind), if installed.

    Deterministic where the clock is not: the figure to compare two versions of the code.
    The script is run once first so that its bytecode is written.
    """
    if shutil.which("valgrind") is None:
        return None
    code = textwrap.dedent(script)
    try:
        subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True,
                       capture_output=True, env=env, timeout=120)
        return callgrind([sys.executable, "-c", code], env, timeout=600)[0]
    except (subprocess.SubprocessError, OSError, ValueError):  # a valgrind that cannot run
        return None


def callgrind(command: list[str], env: dict[str, str], *, timeout: float,
              counting: bool = True) -> tuple[float, str]:
    """(instructions, stdout) of ``command`` run under valgrind's callgrind.

    ``counting=False`` starts with counting off, for a program that switches it on around
    the part to count (``benchmarks/instructions.py``). A fixed hash seed keeps string
    hashing, and so dict work, alike on every run. Raises when valgrind fails.
    """
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", f"--instr-atstart={'yes' if counting else 'no'}",
         "--callgrind-out-file=/dev/null", *command],
        cwd=ROOT, capture_output=True, text=True, check=True, timeout=timeout,
        env={**env, "PYTHONHASHSEED": "0"})
    found = re.search(r"Collected : (\d+)", done.stderr)
    if found is None:
        raise ValueError(f"no instruction count in valgrind's output: {done.stderr[-500:]}")
    return float(found.group(1)), done.stdout


def stall_row() -> Row:
    code = textwrap.dedent("""
        import sys, time
        sys.path.insert(0, %r)
        from PySide6.QtWidgets import QApplication
        from PySide6.QtCore import QTimer
        app = QApplication([])
        from gui.main_window import MainWindow
        from tests.tiny.text import tiny_lm
        w = MainWindow(); w.show(); w.start_engine()
        tab = w.tabs_by_id["text-generation"]; w.tabs.setCurrentWidget(tab)
        w.set_model(str(tiny_lm()))
        tab.inputs.text.setPlainText("hello world")
        tab.form.widget("max_new_tokens").setValue(600)
        gaps = []; last = [0.0]; running = [False]
        def beat():
            now = time.perf_counter()
            if running[0] and last[0]:
                gaps.append(now - last[0])
            last[0] = now
        timer = QTimer(); timer.setInterval(5); timer.timeout.connect(beat); timer.start()
        def go():
            if not w.engine_ready:
                QTimer.singleShot(100, go); return
            running[0] = True; tab.run_button.click()
        w.job_done.connect(lambda o: (print(max(gaps[3:]) if len(gaps) > 3 else -1), app.quit()))
        QTimer.singleShot(0, go)
        app.exec(); w.close()
    """) % str(ROOT)
    # Three windows, each its longest stall; the median is reported and the worst shown, as
    # a virtual machine's one-off pause (100 ms and more, seen here) is not the app's doing.
    stalls = sorted(float(subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, check=True, capture_output=True,
        text=True).stdout.strip().splitlines()[-1]) * 1000 for _ in range(3))
    return ("longest GUI stall during a long job (ms)", stalls[1], "≤ 50",
            f"5 ms heartbeat, tiny LM streaming; median of 3 runs, worst {stalls[-1]:.0f} ms")


def machine() -> str:
    import torch
    import transformers

    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    gpus = [torch.cuda.get_device_name(index) for index in range(torch.cuda.device_count())]
    cpu += "".join(f", {gpu}" for gpu in gpus)
    return (f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, "
            f"Python {platform.python_version()}, torch {torch.__version__}, "
            f"transformers {transformers.__version__}, {torch.get_num_threads()} torch threads")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="three repeats instead of seven")
    parser.add_argument("--device", default="cpu",
                        help="where the engine ÷ plain rows run: cpu, cuda, cuda:N, mps, or auto "
                             "(accelerate's device_map); the other rows stay on the CPU")
    parser.add_argument("--dtype", default="auto",
                        choices=("auto", "float32", "float16", "bfloat16"))
    parser.add_argument("--only", nargs="+", metavar="WORKLOAD", choices=WORKLOADS,
                        help="these engine ÷ plain rows only, nothing else (a GPU machine lent "
                             "for minutes), e.g. \"image classification\"")
    args = parser.parse_args()
    global TARGET
    TARGET = Target(args.device, args.dtype)
    from engine.devices import check_device
    from engine.errors import UsageError

    try:
        check_device(args.device)
    except UsageError as exc:  # a device this machine lacks
        print(exc, file=sys.stderr)
        return 2
    repeats = 3 if args.quick else 7
    if args.only:
        rows = ratio_rows(repeats, args.only)
    else:
        rows = [*ratio_rows(repeats), *memory_rows(), *startup_rows(repeats), stall_row()]
    lines = ["| measure | result | goal | on |", "|---|---|---|---|"]
    for name, value, goal, note in rows:
        lines.append(f"| {name} | {value:.3f} | {goal} | {note} |")
    table = "\n".join(lines)
    print(table)
    command = " ".join(["python benchmarks/run.py", *(
        f'"{arg}"' if " " in arg else arg for arg in sys.argv[1:])])
    text = (f"# Benchmark results\n\nMachine: {machine()}\n\n"
            f"Run: `{command}` on {time.strftime('%Y-%m-%d')}\n\n"
            "The engine's side is a job as the app runs it: results saved as they come, models "
            "under torch's inference mode (the plain pipeline turns off gradients only).\n\n"
            f"{table}\n")
    # RESULTS.md is the whole suite on the CPU; a partial run, or one elsewhere, has its own
    name = "RESULTS" if Target() == TARGET and not args.only else (
        f"RESULTS-{TARGET.device.replace(':', '')}-{TARGET.dtype}"
        + ("-partial" if args.only else ""))
    (ROOT / "benchmarks" / f"{name}.md").write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
