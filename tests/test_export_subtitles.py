"""Subtitle and text exports parse back with sane cues, lines and times."""

from __future__ import annotations

import json
import re

import pytest

from engine.export.subtitles import (
    FORMATS,
    build_cues,
    clock,
    default_path,
    export,
    to_srt,
    to_timed_txt,
    to_txt,
    to_vtt,
    write,
)
from engine.transcript import Segment, Word

LONG = ("This is a rather long segment that a speaker said without stopping, going on "
        "and on about gardens, bees, apple trees and the bus that leaves at nine o'clock.")


def words_for(text: str, start: float, end: float) -> tuple[Word, ...]:
    items = text.split()
    step = (end - start) / len(items)
    return tuple(Word(start + i * step, start + (i + 1) * step, " " + w)
                 for i, w in enumerate(items))


SEGMENTS = [
    Segment(0.5, 2.0, "Good morning everyone."),
    Segment(2.0, 14.0, LONG),
    Segment(15.0, 24.0, LONG, words_for(LONG, 15.0, 24.0)),
    Segment(3700.0, 3702.5, "An hour later & <still> talking."),
]

_TIME = r"(\d\d):(\d\d):(\d\d)[,.](\d{3})"


def seconds(match: tuple[str, ...]) -> float:
    h, m, s, ms = (int(x) for x in match)
    return h * 3600 + m * 60 + s + ms / 1000


def parse_cues(text: str) -> list[tuple[float, float, list[str]]]:
    cues = []
    for block in re.split(r"\n\n+", text.strip()):
        lines = block.splitlines()
        for i, line in enumerate(lines):
            found = re.fullmatch(_TIME + " --> " + _TIME, line)
            if found:
                groups = found.groups()
                cues.append((seconds(groups[:4]), seconds(groups[4:]), lines[i + 1:]))
    return cues


def check_cues(cues):
    assert len(cues) == 6, "long segments are split into several cues"
    previous_end = 0.0
    for start, end, lines in cues:
        assert start < end
        assert start >= previous_end - 1e-6, "cues never overlap"
        previous_end = end
        assert 1 <= len(lines) <= 2
        assert all(0 < len(line) <= 42 for line in lines)


def test_srt_parses_back_to_numbered_cues_with_short_lines():
    text = to_srt(SEGMENTS)
    blocks = re.split(r"\n\n", text.strip())
    assert [b.splitlines()[0] for b in blocks] == [str(i) for i in range(1, len(blocks) + 1)]
    cues = parse_cues(text)
    check_cues(cues)
    assert cues[0][:2] == (0.5, 2.0)
    assert "01:01:40,000 --> 01:01:42,500" in text


def test_webvtt_has_its_header_dots_in_times_and_escaped_markup():
    text = to_vtt(SEGMENTS)
    assert text.startswith("WEBVTT\n\n")
    check_cues(parse_cues(text))
    assert "00:00:00.500 --> 00:00:02.000" in text
    assert "&amp; &lt;still&gt;" in text


def test_word_timestamps_set_the_times_of_split_cues():
    cues = build_cues([SEGMENTS[2]])
    words = SEGMENTS[2].words
    assert cues[0].start == words[0].start
    assert cues[-1].end == pytest.approx(words[-1].end)
    assert all(any(abs(c.end - w.end) < 1e-9 for w in words) for c in cues[:-1])


def test_segments_without_words_share_their_time_by_length():
    cues = build_cues([SEGMENTS[1]])
    assert cues[0].start == 2.0 and cues[-1].end == pytest.approx(14.0)
    durations = [c.end - c.start for c in cues]
    chars = [sum(len(line) for line in c.lines) for c in cues]
    ratios = [d / n for d, n in zip(durations, chars)]
    assert max(ratios) == pytest.approx(min(ratios), rel=0.15)


def test_text_without_spaces_is_still_wrapped():
    cues = build_cues([Segment(0.0, 4.0, "今日は" * 40)])
    assert all(len(line) <= 42 for c in cues for line in c.lines)
    assert "".join("".join(c.lines) for c in cues) == "今日は" * 40


def test_plain_and_timed_text():
    assert to_txt(SEGMENTS[:2]) == f"Good morning everyone.\n{LONG}\n"
    timed = to_timed_txt(SEGMENTS).splitlines()
    assert timed[0] == "[00:00:00] Good morning everyone."
    assert timed[-1].startswith("[01:01:40] An hour later")
    assert to_txt([]) == ""


def test_json_holds_segments_words_model_language_and_parameters(tmp_path):
    path = write(tmp_path / "t.json", "json", SEGMENTS, model="openai/whisper-base",
                 language="en", parameters={"timestamps": "word"}, source="talk.mp3")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["model"] == "openai/whisper-base" and data["language"] == "en"
    assert data["parameters"] == {"timestamps": "word"}
    assert len(data["segments"]) == 4
    assert len(data["segments"][2]["words"]) == len(SEGMENTS[2].words)


def test_default_names_sit_beside_the_recording_and_never_overwrite(tmp_path):
    source = tmp_path / "my talk.mp3"
    assert default_path(source, "srt") == tmp_path / "my talk.srt"
    (tmp_path / "my talk.srt").write_text("keep me", encoding="utf-8")
    assert default_path(source, "srt") == tmp_path / "my talk (2).srt"
    out = tmp_path / "exports"
    paths = export(source, SEGMENTS, ["srt", "vtt", "txt", "txt-timed", "json"], folder=out)
    assert [p.name for p in paths] == ["my talk.srt", "my talk.vtt", "my talk.txt",
                                       "my talk.timestamps.txt", "my talk.json"]
    assert (tmp_path / "my talk.srt").read_text(encoding="utf-8") == "keep me"
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in paths), \
        "no temporary files are left behind"
    assert set(FORMATS) == {"txt", "txt-timed", "srt", "vtt", "json"}


def test_clock_formats():
    assert clock(3723.4567) == "01:02:03,457"
    assert clock(0.0, ".") == "00:00:00.000"
