"""Turning a job's partial results into per-input results, text and files.

The CLI prints and writes these; the GUI's exporters call the same functions so a CSV
from the window and from the command line are the same file.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from engine.atomic import atomic_write_text, unique_path
from engine.errors import display_name
from engine.tasks import TaskSpec

if TYPE_CHECKING:  # the CLI's type; the window imports this module at start-up
    import argparse


def merge_payloads(task: TaskSpec, payloads: Sequence[dict[str, Any]]) -> dict[str, Any] | None:
    """One result for one input from its partial payloads (pieces, streamed text...)."""
    if not payloads:
        return None
    if task.result_kind == "transcript":
        segments: list[Any] = []
        language = None
        edits: dict[int, str] = {}
        for payload in payloads:
            if "edit" in payload:  # a correction the user typed, kept as an edit log
                edits[int(payload["edit"]["segment"])] = str(payload["edit"]["text"])
                continue
            segments.extend(payload.get("segments", []))
            language = payload.get("language") or language
        for index, text in edits.items():
            if 0 <= index < len(segments):
                segments[index] = {**segments[index], "text": text, "edited": True}
        merged: dict[str, Any] = {"segments": segments, "language": language}
        for payload in payloads:
            for key, value in payload.items():
                if key not in ("segments", "language", "piece", "start", "end", "edit"):
                    merged.setdefault(key, value)
        return merged
    if task.result_kind == "text":
        finals = [p for p in payloads if "text" in p]
        if finals:
            return finals[-1]
        return {"text": "".join(str(p.get("delta", "")) for p in payloads), "stopped": True}
    return payloads[-1]


def gather(task: TaskSpec, inputs: Sequence[str], results: Iterable[Any]) -> list[dict[str, Any]]:
    """Per input, in input order: its merged result or its error."""
    payloads: dict[int, list[dict[str, Any]]] = {}
    errors: dict[int, str] = {}
    for result in results:
        if result.error:
            errors[result.index] = result.error
        elif result.payload is not None:
            payloads.setdefault(result.index, []).append(result.payload)
    gathered = []
    for index, source in enumerate(inputs):
        if index not in payloads and index not in errors:
            continue
        gathered.append({"input": source, "result": merge_payloads(task, payloads.get(index, [])),
                         "error": errors.get(index)})
    return gathered


def render_text(task: TaskSpec, gathered: Sequence[dict[str, Any]]) -> str:
    """What the CLI prints without ``--json``: readable, one block per input."""
    lines: list[str] = []
    for entry in gathered:
        result = entry["result"]
        if result is None:
            continue
        title = display_name(entry["input"]) if task.input_kind != "text" else entry["input"]
        if task.result_kind == "labels":
            lines.append(title if len(title) <= 70 else title[:67] + "…")
            lines.extend(f"  {row['score']:6.1%}  {row['label']}" for row in result["labels"])
        elif task.result_kind == "transcript":
            if len(gathered) > 1:
                lines.append(f"== {title}")
            lines.extend(str(seg["text"]).strip() for seg in result["segments"])
        elif task.result_kind == "answers":
            lines.append(title)
            for answer in result.get("answers", []):
                text = answer.get("answer") or "(no answer)"
                lines.append(f"  {answer['question']}  →  {text}  ({answer.get('score', 0):.0%})")
            lines.extend(f"  note: {warning}" for warning in result.get("warnings", []))
        elif task.result_kind == "text":
            lines.append(str(result.get("text", "")))
        elif "labels" in result:
            lines.append(title if len(title) <= 70 else title[:67] + "…")
            lines.extend(f"  {row['score']:6.1%}  {row['label']}" for row in result["labels"])
        elif "entities" in result:
            lines.append(title if len(title) <= 70 else title[:67] + "…")
            lines.extend(f"  {e.get('entity_group') or e.get('entity')}  {e.get('word')}  "
                         f"({float(e.get('score') or 0):.0%})" for e in result["entities"])
        else:
            lines.append(f"{title}: " + json.dumps(_compact(result), ensure_ascii=False))
    return "\n".join(lines) + ("\n" if lines else "")


def _compact(value: Any) -> Any:
    """A result without its bulky fields (images, vectors), for printing."""
    if isinstance(value, dict):
        return {k: ("…" if isinstance(v, str) and len(v) > 200 else _compact(v))
                for k, v in value.items()}
    if isinstance(value, list) and len(value) > 12:
        return [*(_compact(v) for v in value[:12]), f"… {len(value) - 12} more"]
    if isinstance(value, list):
        return [_compact(v) for v in value]
    return value


def labels_csv(gathered: Sequence[dict[str, Any]]) -> str:
    """One row per input and label: input, rank, label, score (or the error)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["input", "rank", "label", "score", "error"])
    for entry in gathered:
        if entry["result"] is None:
            writer.writerow([entry["input"], "", "", "", entry["error"] or ""])
            continue
        for rank, row in enumerate(entry["result"]["labels"], start=1):
            writer.writerow([entry["input"], rank, row["label"], f"{row['score']:.6f}", ""])
    return buffer.getvalue()


def answers_results(gathered: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Document QA results for the CSV/JSON writers, unreadable files included as rows."""
    return [entry["result"] or {"source": entry["input"], "answers": [],
                                "warnings": [entry["error"] or ""]} for entry in gathered]


def export_transcripts(gathered: Sequence[dict[str, Any]], folder: Path | None,
                       formats: Sequence[str], **meta: Any) -> list[Path]:
    """One set of files per recording, beside it or in ``folder``; never overwriting."""
    from engine.export.subtitles import default_path, write
    from engine.transcript import segments_from_dicts

    written: list[Path] = []
    for entry in gathered:
        result = entry["result"]
        if result is None:
            continue
        segments = segments_from_dicts(result.get("segments", []))
        for fmt in formats:
            written.append(write(default_path(entry["input"], fmt, folder), fmt, segments,
                                 language=result.get("language"), source=entry["input"],
                                 **meta))
    return written


def write_outputs(task: TaskSpec, gathered: Sequence[dict[str, Any]], spec: Any,
                  args: argparse.Namespace) -> list[Path]:
    """Write the CLI's ``--output`` files; returns their paths."""
    folder: Path | None = args.output
    written: list[Path] = []
    if task.result_kind == "transcript" and folder is not None:
        written.extend(export_transcripts(gathered, folder, args.format or ["txt", "srt"],
                                          model=spec.model, parameters=dict(spec.params)))
        return written
    if task.result_kind == "answers":
        from engine.export.tables import write_docqa_csv, write_docqa_json

        results = answers_results(gathered)
        target = getattr(args, "csv", None) or (folder / "answers.csv" if folder else None)
        if target is not None:
            written.append(write_docqa_csv(target, results, include_page=True))
        if folder is not None:
            written.append(write_docqa_json(folder / "answers.json", results))
        return written
    if folder is None:
        return written
    folder.mkdir(parents=True, exist_ok=True)
    stem = task.alias
    if task.result_kind == "labels":
        path = unique_path(folder / f"{stem}.csv")
        atomic_write_text(path, labels_csv(gathered))
        written.append(path)
    path = unique_path(folder / f"{stem}.json")
    atomic_write_text(path, json.dumps(list(gathered), ensure_ascii=False, indent=2))
    written.append(path)
    return written
