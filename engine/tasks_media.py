"""Registry entries for the picture and sound tasks.

Kept apart from :mod:`engine.tasks` so each family of tasks is one short list;
:func:`engine.tasks._extra_tasks` appends :data:`TASKS` to the registry.
"""

from __future__ import annotations

from engine.params import Param
from engine.tasks import AUDIO_EXTENSIONS, BATCH_SIZE, IMAGE_EXTENSIONS, TOP_K, TaskSpec

TASKS: tuple[TaskSpec, ...] = (
    TaskSpec(
        id="zero-shot-image-classification",
        name="Label images",
        alias="zero-shot-image",
        description="Sort pictures into labels you type, without training a model.",
        default_model="openai/clip-vit-base-patch32",
        input_kind="image",
        result_kind="labels",
        runner="engine.runners.zero_shot_image:run_batch",
        batched=True,
        extensions=IMAGE_EXTENSIONS,
        params=(
            Param("candidate_labels", "Labels", "labels", None, required=True,
                  placeholder="cat, dog, receipt, beach",
                  help="The labels to choose from, separated by commas."),
            Param("hypothesis_template", "Description", "text", "This is a photo of {}.",
                  advanced=True,
                  help="How each label is described to the model; {} is where the label goes."),
            BATCH_SIZE,
        ),
    ),
    TaskSpec(
        id="object-detection",
        name="Find objects",
        alias="detect",
        description="Find the objects in a picture and draw a labelled box around each.",
        default_model="hustvl/yolos-tiny",
        notes="DETR models (facebook/detr-resnet-50) need the timm package; YOLOS does not.",
        input_kind="image",
        result_kind="image",
        runner="engine.runners.object_detection:run_batch",
        batched=True,
        extensions=IMAGE_EXTENSIONS,
        params=(
            Param("threshold", "Minimum score", "float", 0.5, 0.0, 1.0,
                  help="Only boxes the model is at least this sure about are shown."),
            BATCH_SIZE,
        ),
    ),
    TaskSpec(
        id="image-segmentation",
        name="Outline regions",
        alias="segment",
        description="Colour each region of a picture (sky, road, person…) and name it.",
        default_model="nvidia/segformer-b0-finetuned-ade-512-512",
        input_kind="image",
        result_kind="image",
        runner="engine.runners.image_segmentation:run_batch",
        batched=True,
        extensions=IMAGE_EXTENSIONS,
        params=(
            Param("threshold", "Minimum score", "float", 0.9, 0.0, 1.0, advanced=True,
                  help="For models that find separate objects: keep regions the model is at "
                       "least this sure about. Models that label every pixel ignore it."),
            BATCH_SIZE,
        ),
    ),
    TaskSpec(
        id="depth-estimation",
        name="Estimate depth",
        alias="depth",
        description="Guess how far away each part of a photo is, as a shaded depth map.",
        default_model="depth-anything/Depth-Anything-V2-Small-hf",
        input_kind="image",
        result_kind="image",
        runner="engine.runners.depth_estimation:run_batch",
        batched=True,
        extensions=IMAGE_EXTENSIONS,
        params=(BATCH_SIZE,),
    ),
    TaskSpec(
        id="audio-classification",
        name="Classify sounds",
        alias="classify-audio",
        description="Say what a recording sounds like (speech, music, a dog barking…), "
                    "with a score for each label.",
        default_model="MIT/ast-finetuned-audioset-10-10-0.4593",
        input_kind="audio",
        result_kind="labels",
        runner="engine.runners.audio_classification:run_source",
        extensions=AUDIO_EXTENSIONS,
        params=(
            TOP_K,
            Param("max_seconds", "Seconds to listen to", "int", 30, 1, 3600, advanced=True,
                  help="Only the start of each recording is heard, in 10-second pieces whose "
                       "scores are averaged."),
            BATCH_SIZE,
        ),
    ),
    TaskSpec(
        id="text-to-audio",
        name="Read aloud",
        alias="speak",
        description="Turn text into spoken audio you can play and save as a WAV file.",
        default_model="facebook/mms-tts-eng",
        input_kind="text",
        result_kind="audio",
        runner="engine.runners.text_to_audio:run_source",
        extensions=(".txt",),
    ),
    TaskSpec(
        id="image-text-to-text",
        name="Ask an image",
        alias="ask-image",
        description="Ask a question about a picture and get a written answer.",
        default_model="HuggingFaceTB/SmolVLM-256M-Instruct",
        input_kind="image",
        result_kind="text",
        runner="engine.runners.image_text_to_text:run_source",
        extensions=IMAGE_EXTENSIONS,
        params=(
            Param("question", "Question", "text", None, required=True,
                  placeholder="What is written on the sign?",
                  help="Your question about each picture."),
            Param("max_new_tokens", "Max answer tokens", "int", 128, 1, 4096,
                  help="The longest answer, in tokens (about ¾ of a word each)."),
        ),
    ),
)
