"""The window in Simplified Chinese: no English left on screen, and the files are current.

The main check builds the real main window with the committed ``pipedeck_zh_CN.qm``
loaded, visits every task tab, and reads every string a person can see there (labels,
buttons, tab titles, group boxes, menus, combo items, table headers, placeholders,
tool tips). A string that still holds Latin letters once names that stay as they are
(Pipedeck, model ids, file names, units, CPU …) are taken out is an untranslated one.
"""

from __future__ import annotations

import importlib.util
import re
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QCoreApplication, QModelIndex, QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QTableView,
    QTabWidget,
    QTextEdit,
    QToolBar,
    QTreeView,
    QWidget,
)

from engine.paths import resource

pytestmark = pytest.mark.gui

REPO_ROOT = Path(__file__).resolve().parent.parent
TS_FILE = resource("translations", "pipedeck_zh_CN.ts")
QM_FILE = resource("translations", "pipedeck_zh_CN.qm")

#: Words that stay in Latin letters in Chinese text: the product, acronyms, units,
#: precisions, package and file-format names.
ALLOWED_WORDS = (
    "Pipedeck", "Hugging Face", "Hub", "AI", "CPU", "GPU", "CUDA", "MPS", "OCR", "PDF", "ID",
    "URL", "JSON", "CSV", "TSV", "SRT", "VTT", "MB", "GB", "KB", "TB", "Top-p", "float32",
    "float16", "bfloat16", "int8", "int4", "bitsandbytes", "PyTorch", "pickle", "safetensors",
    "Tesseract", "whisper", "Whisper", "hf_", "token", "MIT", "Apache", "WAV", "MP3", "DETR",
    "YOLOS", "timm", "sentence-transformers", "all-MiniLM-L6-v2", "NumPy", "Hz", "PNG",
    "Depth Anything", "DPT",
)
_ALLOWED_PATTERNS = (
    re.compile(r"<[^>]+>"),                          # rich-text markup
    re.compile(r"\(&\w\)"),                          # Chinese-style mnemonics: 文件(&F)
    re.compile(r"&(?=\w)"),                          # mnemonics
    re.compile(r"[\w.-]+/[\w./-]+"),                 # model ids, paths, web addresses
    re.compile(r"\*?[\w-]*\.(?:txt|csv|tsv|md|json|srt|vtt|wav|mp3|m4a|png|jpe?g|pdf|gguf|"
               r"bin|safetensors|npy)\b", re.IGNORECASE),  # file names and patterns
    re.compile(r"\b\d+(?:\.\d+)?\s*[KMGT]?i?B\b"),    # sizes
    re.compile(r"\bwhisper[\w.-]*"),                  # model names (whisper-small)
    re.compile(r"\b(?:Ctrl|Shift|Alt|Cmd)\+\w+"),       # keyboard shortcuts
    re.compile(r"“[^”]*\[MASK\][^”]*”"),               # a fill-mask example (model's language)
    re.compile(r"\[MASK\]"),                          # the token people type for fill-mask
    re.compile(r"\b(?:" + "|".join(re.escape(w) for w in ALLOWED_WORDS) + r")\b"),
)
_LATIN = re.compile(r"[A-Za-z]")


def untranslated(text: str) -> bool:
    """True when ``text`` still shows English once the allowed names are removed."""
    for pattern in _ALLOWED_PATTERNS:
        text = pattern.sub(" ", text)
    return bool(_LATIN.search(text))


def _widget_strings(widget: QWidget) -> Iterator[str]:
    if widget.toolTip():
        yield widget.toolTip()
    if isinstance(widget, QLabel):
        yield widget.text()
    if isinstance(widget, QAbstractButton):
        yield widget.text()
    if isinstance(widget, QGroupBox):
        yield widget.title()
    if isinstance(widget, QTabWidget):
        for index in range(widget.count()):
            if widget.isTabVisible(index):
                yield widget.tabText(index)
                yield widget.tabToolTip(index)
    if isinstance(widget, QComboBox):
        if widget.isEditable():  # a model id the user types: only its hint is ours
            if widget.lineEdit() is not None:
                yield widget.lineEdit().placeholderText()
        else:
            for index in range(widget.count()):
                yield widget.itemText(index)
                tip = widget.itemData(index, Qt.ItemDataRole.ToolTipRole)
                if isinstance(tip, str):
                    yield tip
    if isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit)):
        yield widget.placeholderText()
    if isinstance(widget, QAbstractSpinBox):
        yield widget.specialValueText()
    if isinstance(widget, (QTableView, QTreeView)) and widget.model() is not None:
        model = widget.model()
        header = widget.horizontalHeader() if isinstance(widget, QTableView) else widget.header()
        if header.isVisible():
            for column in range(model.columnCount(QModelIndex())):
                value = model.headerData(column, Qt.Orientation.Horizontal,
                                         Qt.ItemDataRole.DisplayRole)
                if isinstance(value, str):
                    yield value
    if isinstance(widget, (QDockWidget, QToolBar)):
        yield widget.windowTitle()


def _menu_strings(window: QMainWindow) -> Iterator[str]:
    for action in window.menuBar().actions():
        yield action.text()
        menu = action.menu()
        if isinstance(menu, QMenu):
            for item in menu.actions():
                yield item.text()


def visible_strings(window: QMainWindow) -> Iterator[tuple[str, str]]:
    """(where, text) for every string on screen, visiting each task tab in turn."""
    tabs = window.findChild(QTabWidget, "task_tabs")
    assert tabs is not None
    for text in _menu_strings(window):
        yield "menu", text
    for index in range(tabs.count()):
        if not tabs.isTabVisible(index):
            continue
        tabs.setCurrentIndex(index)
        page = tabs.widget(index)
        # a page's result view is made when a job starts; make it to read its strings too
        assert page.results.detail is not None  # type: ignore[attr-defined]
        QApplication.processEvents()
        for widget in window.findChildren(QWidget):
            if not widget.isVisible():
                continue
            where = f"tab {index} {type(widget).__name__} '{widget.objectName()}'"
            for text in _widget_strings(widget):
                if text:
                    yield where, text


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    from gui.app import install_translators

    translators = install_translators(qapp, "zh_CN")
    assert translators, "no translation was loaded for zh_CN"
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


@pytest.fixture
def window(qtbot, chinese: None, tmp_path: Path) -> Iterator[QMainWindow]:  # type: ignore[no-untyped-def]
    from gui.main_window import MainWindow
    from gui.settings import Settings

    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    main = MainWindow(settings)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    yield main
    main.close()


@pytest.mark.timeout(120)
def test_every_visible_string_of_the_main_window_is_chinese(window: QMainWindow) -> None:
    seen = list(visible_strings(window))
    assert len(seen) > 30, "the walk found too little: is the window built?"
    left = sorted({f"{where}: {text!r}" for where, text in seen if untranslated(text)})
    assert not left, "untranslated on screen:\n" + "\n".join(left)


def test_the_checker_tells_english_from_allowed_names() -> None:
    assert untranslated("Run")
    assert untranslated("运行 Run")
    assert not untranslated("运行")
    assert not untranslated("模型 openai/whisper-small 在 CPU 上运行")
    assert not untranslated("文件(&F)")
    assert not untranslated("全精度 (float32)")
    assert not untranslated("已保存：results.csv")


def test_the_language_setting_picks_the_translation(qapp: QApplication, tmp_path: Path) -> None:
    from gui.app import install_translators
    from gui.settings import Settings

    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    settings.language = "zh_CN"
    translators = install_translators(qapp, settings.language)
    try:
        assert QCoreApplication.translate("TaskTab", "Run") == "运行"
        assert QCoreApplication.translate("engine", "Transcribe") != "Transcribe"
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
    assert QCoreApplication.translate("TaskTab", "Run") == "Run"


def _ts_messages() -> dict[tuple[str, str], str]:
    """(context, source) -> finished translation ("" while unfinished)."""
    translated_text = _update_script().translated_text
    messages = {}
    for context in ET.parse(TS_FILE).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            messages[(name, message.findtext("source", ""))] = translated_text(message)
    return messages


def _update_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "update_translations", REPO_ROOT / "packaging" / "update_translations.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_string_in_the_chinese_file_is_translated() -> None:
    missing = [f"[{context}] {source!r}" for (context, source), text in _ts_messages().items()
               if not text.strip()]
    assert not missing, ("run packaging/update_translations.py and translate:\n"
                         + "\n".join(missing))


def test_every_registry_string_is_in_the_chinese_file() -> None:
    messages = _ts_messages()
    missing = [text for text in _update_script().registry_strings()
               if text and not messages.get(("engine", text))]
    assert not missing, ("registry strings missing from pipedeck_zh_CN.ts (run "
                         "packaging/update_translations.py and translate them):\n"
                         + "\n".join(missing))


def test_the_committed_qm_matches_the_ts(tmp_path: Path) -> None:
    tool = _update_script().qt_tool("lrelease")
    if tool is None:
        pytest.skip("Qt's lrelease is not installed")
    fresh = tmp_path / "fresh.qm"
    subprocess.run([tool, "-silent", str(TS_FILE), "-qm", str(fresh)], check=True, timeout=60)
    assert fresh.read_bytes() == QM_FILE.read_bytes(), \
        "pipedeck_zh_CN.qm is stale: run packaging/update_translations.py --compile-only"


def test_every_progress_template_is_in_the_chinese_file_with_the_same_fields() -> None:
    from engine.messages import TEMPLATES

    messages = _ts_messages()
    for template in TEMPLATES:
        translated = messages.get(("engine", template))
        assert translated, f"{template!r} missing from pipedeck_zh_CN.ts"
        fields = {name: "x" for name in re.findall(r"{(\w+)}", template)}
        assert set(re.findall(r"{(\w+)}", translated)) == set(fields), translated
        translated.format(**fields)  # no stray brace or format spec


def test_progress_lines_of_a_real_job_are_shown_in_chinese(
        chinese: None, vit_model: Path, images: dict[str, Path]) -> None:
    from engine.jobs import JobSpec, run_job
    from engine.models import PipelineCache
    from engine.progress import JobControl, Progress
    from gui.engine_text import progress_text

    seen: list[Progress] = []
    inputs = (str(images["red square.png"]), str(images["blue.webp"]))
    spec = JobSpec("image-classification", inputs, str(vit_model))
    run_job(spec, JobControl(on_progress=seen.append, min_interval_s=0.0), PipelineCache())
    shown = [progress_text(p) for p in seen]
    assert any(text.startswith("正在加载") for text in shown), shown
    assert "2 / 2 张图片" in shown and "完成" in shown, shown
    assert [p.message for p in seen if p.template == "Done"] == ["Done"]  # the CLI's English


def test_every_fixed_reason_an_input_is_refused_for_is_listed_for_translation() -> None:
    """Every reason passed to InputError is a listed string, an f-string with details, a
    name from engine.messages, or a helper whose returned strings are all listed."""
    import ast

    from engine import messages

    helpers = {"_why_unreadable", "_load_failure"}
    fixed: set[str] = set()
    unknown: list[str] = []
    seen_helpers: set[str] = set()
    for path in (REPO_ROOT / "engine").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef) and node.name in helpers:
                seen_helpers.add(node.name)
                for ret in ast.walk(node):
                    if isinstance(ret, ast.Return) and isinstance(ret.value, ast.Constant):
                        fixed.add(ret.value.value)
            if isinstance(node, ast.Assign) and any(
                    getattr(t, "id", "") == "_PDF_ERRORS" for t in node.targets):
                assert isinstance(node.value, ast.Dict)
                fixed.update(v.value for v in node.value.values if isinstance(v, ast.Constant))
            if not (isinstance(node, ast.Call) and len(node.args) >= 2 and getattr(
                    node.func, "id", getattr(node.func, "attr", "")) == "InputError"):
                continue
            reason = node.args[1]
            if isinstance(reason, ast.Constant) and isinstance(reason.value, str):
                fixed.add(reason.value)
            elif isinstance(reason, ast.Name) and isinstance(getattr(messages, reason.id,
                                                                     None), str):
                fixed.add(getattr(messages, reason.id))
            elif isinstance(reason, ast.Call) and getattr(reason.func, "id", "") in helpers:
                pass
            elif not isinstance(reason, (ast.JoinedStr, ast.BoolOp)):  # details, OS text
                unknown.append(f"{path.name}:{node.lineno}: {ast.unparse(reason)}")
    assert seen_helpers == helpers, "a reason helper was renamed: update this test"
    assert not unknown, unknown
    assert len(fixed) > 30, "the scan found too little"
    assert fixed <= set(messages.REASONS), sorted(fixed - set(messages.REASONS))


def test_an_unreadable_input_is_reported_in_chinese(
        chinese: None, vit_model: Path, images: dict[str, Path]) -> None:
    from engine.jobs import ItemResult, JobSpec, run_job
    from engine.models import PipelineCache
    from engine.progress import JobControl
    from gui.engine_text import error_text

    results: list[ItemResult] = []
    spec = JobSpec("image-classification", (str(images["empty.png"]), str(images["notes.png"])),
                   str(vit_model))
    run_job(spec, JobControl(on_partial=results.append), PipelineCache())
    shown = sorted(error_text(r.error) for r in results if r.error)
    assert shown == ["无法读取“empty.png”：文件是空的", "无法读取“notes.png”：不是图片"], shown
    assert error_text("could not read 'x.png': the image is damaged (truncated)") \
        == "无法读取“x.png”：the image is damaged (truncated)"  # details stay as they are
    assert error_text("could not read 'a': b.png': the file is empty") \
        == "无法读取“a': b.png”：文件是空的"  # a name holding "': " stays whole
    assert error_text("could not read '(empty text)': the text is empty") \
        == "无法读取“（空文字）”：文字是空的"


def test_the_window_shows_an_unreadable_input_in_chinese(
        qtbot, window: QMainWindow, vit_model: Path,  # type: ignore[no-untyped-def]
        images: dict[str, Path]) -> None:
    from tests.conftest import open_tab

    window.start_engine()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: window.engine_ready, timeout=60_000)  # type: ignore[attr-defined]
    tab = open_tab(window, "image-classification", vit_model)
    tab.inputs.add_paths([str(images["red square.png"]), str(images["empty.png"])])
    with qtbot.waitSignal(window.job_done, timeout=120_000):  # type: ignore[attr-defined]
        tab.run_button.click()
    model = tab.results.model
    assert model.index(1, 2).data() == "无法读取“empty.png”：文件是空的"
    tab.results.table.selectRow(1)
    qtbot.waitUntil(lambda: "文件是空的" in tab.results.detail.heading.text(), timeout=5_000)


def test_how_a_job_ended_is_said_in_chinese(chinese: None) -> None:
    from engine import messages
    from gui.engine_text import job_text

    assert job_text(messages.INPUTS_UNREADABLE.format(count=2)) == "有 2 个输入无法读取"
    assert job_text(messages.CANCELLED) == "已取消；已完成的部分都已保存。"
    wrong = messages.SOMETHING_WRONG.format(detail="ValueError: bad {x}")
    assert job_text(wrong) == "出现了问题（ValueError: bad {x}）。详细信息已写入日志文件。"
    assert job_text("The model folder 'x' does not exist.") \
        == "The model folder 'x' does not exist."  # not (yet) a template: as written
