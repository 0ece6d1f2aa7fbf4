"""Transcript values: JSON round trips, piece offsets, missing end times, model loops."""

from __future__ import annotations

import json

import pytest

from engine.transcript import (
    Segment,
    Word,
    drop_repeats,
    group_words,
    offset,
    plain_text,
    segments_from_chunks,
    segments_from_dicts,
    segments_from_pieces,
    segments_to_dicts,
    timed_chunks,
)


def words_of(text: str, start: float = 0.0, step: float = 0.5) -> tuple[Word, ...]:
    return tuple(Word(start + i * step, start + (i + 1) * step, " " + w, 0.9)
                 for i, w in enumerate(text.split()))


def test_segments_survive_a_json_round_trip_with_their_words():
    segments = [Segment(0.0, 1.5, "Hello there.", words_of("Hello there.")),
                Segment(2.0, 3.0, "Bye.")]
    data = json.loads(json.dumps(segments_to_dicts(segments)))
    assert segments_from_dicts(data) == segments
    assert "words" not in data[1]


def test_offset_moves_segments_and_words_to_recording_time():
    [moved] = offset([Segment(1.0, 2.0, "Hi you.", words_of("Hi you.", 1.0))], 60.0)
    assert (moved.start, moved.end) == (61.0, 62.0)
    assert [w.start for w in moved.words] == [61.0, 61.5]


def test_missing_last_end_time_becomes_the_piece_duration():
    chunks = [{"text": " One.", "timestamp": (0.0, 2.0)},
              {"text": " Two.", "timestamp": (2.0, None)}]
    segments = segments_from_chunks(chunks, duration=7.5)
    assert [(s.start, s.end, s.text) for s in segments] == [(0.0, 2.0, "One."),
                                                             (2.0, 7.5, "Two.")]


def test_times_are_clamped_into_the_piece_and_never_go_backwards():
    chunks = [{"text": "a", "timestamp": (3.0, 5.0)}, {"text": "b", "timestamp": (1.0, None)},
              {"text": "c", "timestamp": (None, 99.0)}]
    items = timed_chunks(chunks, duration=10.0)
    starts = [w.start for w in items]
    assert starts == sorted(starts)
    assert all(0.0 <= w.start <= w.end <= 10.0 for w in items)


def test_words_are_grouped_into_sentences_and_at_long_pauses():
    words = [*words_of("Good morning everyone.", 0.0), *words_of("Today we", 1.6),
             *words_of("talk.", 5.0)]
    segments = group_words(words)
    assert [s.text for s in segments] == ["Good morning everyone.", "Today we", "talk."]
    assert segments[0].words == tuple(words[:3])


def test_a_word_repeated_in_a_loop_collapses_to_one():
    segments = [Segment(0.0, 5.0, "you " * 10)]
    assert [s.text for s in drop_repeats(segments)] == ["you"]


def test_the_same_sentence_looping_over_many_segments_is_kept_once():
    loop = [Segment(float(i), i + 1.0, "Thank you very much.") for i in range(30)]
    kept = drop_repeats([Segment(-2.0, -1.0, "Hello."), *loop])
    assert [s.text for s in kept] == ["Hello.", "Thank you very much."]


def test_natural_repetition_is_left_alone():
    segments = [Segment(0, 2, "No, no, no, I said very very good."),
                Segment(2, 3, "Yes."), Segment(3, 4, "Yes.")]
    assert drop_repeats(segments) == segments


def test_loops_drop_the_repeated_words_with_their_times():
    words = words_of("we go we go we go we go home")
    [segment] = drop_repeats([Segment(0.0, 5.0, "we go we go we go we go home", words)])
    assert [w.text for w in segment.words] == [" we", " go", " home"]
    assert segment.text == "we go home"
    assert segment.end == words[-1].end


def test_the_transcript_is_rebuilt_from_pieces_in_order_once_each():
    def piece(i, text):
        return {"piece": i, "segments": [{"start": i * 10.0, "end": i * 10.0 + 1, "text": text}]}
    partials = [piece(1, "second"), piece(0, "first"), piece(1, "second again")]
    assert plain_text(segments_from_pieces(partials)) == "first second"


@pytest.mark.parametrize("probability", [None, 0.25])
def test_word_probability_is_optional(probability):
    word = Word(0.0, 0.4, " hi", probability)
    assert Word.from_dict(word.to_dict()) == word


def test_a_word_never_runs_on_into_the_pause_after_it():
    from engine.transcript import MAX_WORD_S, trim_long_words

    words = [Word(28.36, 31.34, " walk."), Word(31.5, 31.8, " Next")]
    trimmed = trim_long_words(words)
    assert trimmed[0].end == pytest.approx(28.36 + MAX_WORD_S)
    assert trimmed[1] == words[1]
