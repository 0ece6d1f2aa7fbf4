"""One page of a document with boxes highlighted on it, rendered off the GUI thread.

Rendering a PDF page or decoding a large scan takes long enough to freeze the window, so
pages are drawn by a :class:`PageRenderer` on one background thread and arrive as a
``QImage`` through a signal. One thread, plus a lock, because pdfium is not thread-safe:
two renders (or a render and the engine reading a PDF) must never overlap. The page is
opened with :func:`engine.documents.open_document`, the same code the engine reads it
with, so the 0–1000 answer boxes land on the same pixels (TIFF pages, phone-photo
rotation and all).
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from collections.abc import Sequence
from contextlib import AbstractContextManager
from typing import Any, Literal

from PySide6.QtCore import QCoreApplication, QObject, QRectF, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QImage,
    QPainter,
    QPen,
    QPixmap,
    QResizeEvent,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QGraphicsPixmapItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

log = logging.getLogger(__name__)

PREVIEW_DPI = 150  # sharp enough to read a 10-pt line when zoomed in, 44 % of the pixels of 200
CACHE_PAGES = 4
ZOOM_STEP = 1.25
MIN_SCALE, MAX_SCALE = 0.05, 8.0
HIGHLIGHT_FILL = QColor(255, 193, 7, 90)
HIGHLIGHT_EDGE = QColor(230, 110, 0, 230)

Box = Sequence[float]
FitMode = Literal["width", "page"]
_LOCAL_LOCK = threading.RLock()


def pdfium_lock() -> AbstractContextManager[Any]:
    """The lock every pdfium call in the process must hold.

    The engine's lock when it offers one (``engine.documents.PDFIUM_LOCK``), so a preview
    never renders while the job reads a PDF; this module's own lock otherwise, which at
    least keeps previews from overlapping one another.
    """
    from engine import documents

    lock = getattr(documents, "PDFIUM_LOCK", None)
    return lock if lock is not None else _LOCAL_LOCK


def render_page(source: str, index: int, dpi: int = PREVIEW_DPI) -> tuple[QImage, int]:
    """Page ``index`` of ``source`` as a QImage, and the document's page count.

    Runs on the renderer's thread; raises :class:`~engine.errors.InputError` for files
    that cannot be read and IndexError for a page the document does not have.
    """
    from engine.documents import open_document

    with pdfium_lock(), open_document(source, dpi=dpi) as document:
        count = document.page_count
        image = document.page(index).image
    width, height = image.size
    data = image.tobytes("raw", "RGB")
    # copy(): the QImage must own its pixels once ``data`` goes away.
    return QImage(data, width, height, 3 * width, QImage.Format.Format_RGB888).copy(), count


class _Relay(QObject):
    """Carries a finished render back to the GUI thread (a QRunnable cannot emit).

    It has no parent and lives as long as a job refers to it, so a render finishing while
    the window closes never emits through a deleted object.
    """

    rendered = Signal(str, int, int, QImage)
    failed = Signal(str, int, str)


class _RenderJob(QRunnable):
    def __init__(self, relay: _Relay, source: str, index: int) -> None:
        super().__init__()
        self.relay, self.source, self.index = relay, source, index

    def run(self) -> None:
        from engine.errors import PipedeckError
        from gui.engine_text import error_text

        try:
            image, count = render_page(self.source, self.index)
        except PipedeckError as error:
            self.relay.failed.emit(self.source, self.index, error_text(str(error)))
        except IndexError:
            reason = QCoreApplication.translate("PageView", "the document has no page {0}")
            self.relay.failed.emit(self.source, self.index,
                                   reason.replace("{0}", str(self.index + 1)))
        except Exception as error:  # an unexpected failure must not kill the thread silently
            log.exception("rendering page %d of %s failed", self.index + 1, self.source)
            self.relay.failed.emit(self.source, self.index, str(error) or type(error).__name__)
        else:
            self.relay.rendered.emit(self.source, self.index, count, image)


class PageRenderer(QObject):
    """Renders pages one at a time on its own thread and keeps the last few."""

    rendered = Signal(str, int, int, QImage)  # source, page index, page count, image
    failed = Signal(str, int, str)  # source, page index, the reason in words

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # pdfium: one render at a time
        self._relay = _Relay()
        self._relay.rendered.connect(self._done)
        self._relay.failed.connect(self._fail)
        self._cache: OrderedDict[tuple[str, int], tuple[QImage, int]] = OrderedDict()
        self._pending: set[tuple[str, int]] = set()

    def cached(self, source: str, index: int) -> tuple[QImage, int] | None:
        hit = self._cache.get((source, index))
        if hit is not None:
            self._cache.move_to_end((source, index))
        return hit

    def request(self, source: str, index: int) -> None:
        """Render in the background; ``rendered`` or ``failed`` follows."""
        if (source, index) in self._pending:
            return
        self._pool.clear()  # pages asked for and not started are no longer wanted
        self._pending = {(source, index)}
        self._pool.start(_RenderJob(self._relay, source, index))

    def clear(self) -> None:
        self._cache.clear()

    def wait(self, msecs: int = 10_000) -> bool:
        return self._pool.waitForDone(msecs)

    def _fail(self, source: str, index: int, reason: str) -> None:
        self._pending.discard((source, index))
        self.failed.emit(source, index, reason)

    def _done(self, source: str, index: int, count: int, image: QImage) -> None:
        self._pending.discard((source, index))
        self._cache[(source, index)] = (image, count)
        while len(self._cache) > CACHE_PAGES:
            self._cache.popitem(last=False)
        self.rendered.emit(source, index, count, image)


class _Canvas(QGraphicsView):
    """The scrollable page; tells its owner when it resizes, zooms with Ctrl+wheel."""

    def __init__(self, owner: PageView) -> None:
        super().__init__(owner)
        self._owner = owner

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._owner.refit()

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            if event.angleDelta().y() > 0:
                self._owner.zoom_in()
            elif event.angleDelta().y() < 0:
                self._owner.zoom_out()
            event.accept()
            return
        super().wheelEvent(event)


class PageView(QWidget):
    """Page navigation, zoom and the page itself with its highlighted boxes.

    Boxes are in 0–1000 of the page's width and height (LayoutLM's coordinates), keyed by
    0-based page index, so moving to another page and back shows them again.
    """

    page_shown = Signal(int)  # page index, once its image and highlights are on screen

    def __init__(self, parent: QWidget | None = None, renderer: PageRenderer | None = None
                 ) -> None:
        super().__init__(parent)
        self.renderer = renderer or PageRenderer(self)
        self.renderer.rendered.connect(self._rendered)
        self.renderer.failed.connect(self._failed)
        self._source: str | None = None
        self._count = 0
        self._page = 0
        self._shown = -1
        self._highlights: dict[int, list[Box]] = {}
        self._highlight_tip = ""
        self._focus = False
        self._fit: FitMode | None = "width"
        self._items: list[QGraphicsRectItem] = []

        style = self.style()
        self.prev_button = self._button(self.tr("Previous page"),
                                        style.standardIcon(QStyle.StandardPixmap.SP_ArrowBack),
                                        self.previous_page)
        self.next_button = self._button(self.tr("Next page"),
                                        style.standardIcon(QStyle.StandardPixmap.SP_ArrowForward),
                                        self.next_page)
        self.page_label = QLabel(self)
        self.page_label.setObjectName("page_label")
        self.zoom_out_button = self._button(self.tr("Zoom out"), None, self.zoom_out, "−")
        self.zoom_in_button = self._button(self.tr("Zoom in"), None, self.zoom_in, "+")
        self.fit_width_button = self._button(self.tr("Fit the page's width in the window"),
                                             None, lambda: self.fit("width"),
                                             self.tr("Fit width"))
        self.fit_page_button = self._button(self.tr("Show the whole page"), None,
                                            lambda: self.fit("page"), self.tr("Whole page"))
        for button in (self.fit_width_button, self.fit_page_button):
            button.setCheckable(True)
        self.fit_width_button.setChecked(True)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.setSpacing(2)
        for widget in (self.prev_button, self.page_label, self.next_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        for widget in (self.zoom_out_button, self.zoom_in_button, self.fit_width_button,
                       self.fit_page_button):
            bar.addWidget(widget)

        self.scene = QGraphicsScene(self)
        self.pixmap_item = QGraphicsPixmapItem()
        self.pixmap_item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.scene.addItem(self.pixmap_item)
        self.canvas = _Canvas(self)
        self.canvas.setObjectName("page_canvas")
        self.canvas.setScene(self.scene)
        self.canvas.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        self.canvas.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        # Always there: a scroll bar that comes and goes would change the width the page
        # is fitted to, and the page would jump sideways.
        self.canvas.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.canvas.setBackgroundBrush(self.palette().mid())
        self.notice = QLabel(self)
        self.notice.setObjectName("page_notice")
        self.notice.setWordWrap(True)
        self.notice.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.notice.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        layout.addLayout(bar)
        layout.addWidget(self.notice)
        layout.addWidget(self.canvas, 1)
        self._update_controls()

    def _button(self, tip: str, icon: Any, slot: Any, text: str = "") -> QToolButton:
        button = QToolButton(self)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        if icon is not None:
            button.setIcon(icon)
        if text:
            button.setText(text)
            button.setMinimumWidth(28)
        button.setAutoRaise(True)
        button.clicked.connect(slot)
        return button

    # -- what is shown ---------------------------------------------------------------
    @property
    def source(self) -> str | None:
        return self._source

    @property
    def current_page(self) -> int:
        """The page asked for (0-based); :attr:`shown_page` is the one on screen."""
        return self._page

    @property
    def shown_page(self) -> int:
        return self._shown

    @property
    def page_count(self) -> int:
        return self._count

    def highlight_items(self) -> list[QGraphicsRectItem]:
        return list(self._items)

    def set_document(self, source: str | None, page_count: int = 0) -> None:
        """Show ``source`` (page 1 once asked for), or nothing when None."""
        if source == self._source and source is not None:
            self._count = max(self._count, page_count)
            self._update_controls()
            return
        self._source = source
        self._count = page_count
        self._page = 0
        self._shown = -1
        self._highlights = {}
        self.pixmap_item.setPixmap(QPixmap())
        self._clear_highlights()
        self.notice.hide()
        self._update_controls()

    def set_highlights(self, boxes_by_page: dict[int, list[Box]], tooltip: str = "") -> None:
        """Replace the highlighted boxes (0–1000 page coordinates), keyed by 0-based page."""
        self._highlights = {page: list(boxes) for page, boxes in boxes_by_page.items() if boxes}
        self._highlight_tip = tooltip
        if self._shown == self._page:
            self._draw_highlights()

    def show_page(self, index: int, *, focus: bool = False) -> None:
        """Go to page ``index``; ``focus`` scrolls its highlights into view."""
        if self._source is None:
            return
        if self._count:
            index = max(0, min(index, self._count - 1))
        self._page = max(0, index)
        self._focus = focus
        self._update_controls()
        hit = self.renderer.cached(self._source, self._page)
        if hit is not None:
            self._display(*hit)
            return
        self._clear_highlights()  # the old page's boxes would sit on the wrong words
        self._say(self.tr("Loading page {0}…").replace("{0}", str(self._page + 1)))
        self.renderer.request(self._source, self._page)

    def previous_page(self) -> None:
        self.show_page(self._page - 1, focus=True)

    def next_page(self) -> None:
        self.show_page(self._page + 1, focus=True)

    # -- zoom ----------------------------------------------------------------------------
    def zoom_in(self) -> None:
        self._zoom(ZOOM_STEP)

    def zoom_out(self) -> None:
        self._zoom(1 / ZOOM_STEP)

    def fit(self, mode: FitMode = "width") -> None:
        """Scale the page to the window's width (readable) or to show all of it; the
        choice holds while the window is resized, until the user zooms."""
        self._fit = mode
        self._check_fit_buttons()
        self.refit()
        self._scroll_to_highlights()

    @property
    def fit_mode(self) -> FitMode | None:
        return self._fit

    def scale_factor(self) -> float:
        """Screen pixels per rendered page pixel."""
        return float(self.canvas.transform().m11())

    def refit(self) -> None:
        pixmap = self.pixmap_item.pixmap()
        if self._fit is None or pixmap.isNull():
            return
        if self._fit == "page":
            self.canvas.fitInView(self.pixmap_item, Qt.AspectRatioMode.KeepAspectRatio)
            return
        scale = max(1, self.canvas.viewport().width() - 2) / pixmap.width()
        self.canvas.setTransform(QTransform.fromScale(scale, scale))

    def _zoom(self, factor: float) -> None:
        if self.pixmap_item.pixmap().isNull():
            return
        current = self.scale_factor()
        wanted = max(MIN_SCALE, min(MAX_SCALE, current * factor))
        self._fit = None
        self._check_fit_buttons()
        anchor = self.canvas.transformationAnchor()
        self.canvas.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.canvas.scale(wanted / current, wanted / current)
        self.canvas.setTransformationAnchor(anchor)

    # -- internals -------------------------------------------------------------------------
    def _rendered(self, source: str, index: int, count: int, image: QImage) -> None:
        if source != self._source:
            return
        if count != self._count:
            self._count = count
            self._update_controls()
        if index == self._page:
            self._display(image, count)

    def _failed(self, source: str, index: int, reason: str) -> None:
        if source == self._source and index == self._page:
            self._say(self.tr("This page cannot be shown: {0}").replace("{0}", reason))

    def _display(self, image: QImage, count: int) -> None:
        self._count = count
        self.notice.hide()
        self.pixmap_item.setPixmap(QPixmap.fromImage(image))
        self.scene.setSceneRect(self.pixmap_item.boundingRect())
        self._shown = self._page
        self._update_controls()
        self.refit()
        self._draw_highlights()
        if self._focus:
            self._scroll_to_highlights()
        self.page_shown.emit(self._page)

    def _say(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.show()

    def _clear_highlights(self) -> None:
        for item in self._items:
            self.scene.removeItem(item)
        self._items = []

    def _draw_highlights(self) -> None:
        self._clear_highlights()
        size = self.pixmap_item.pixmap().size()
        if size.isEmpty():
            return
        sx, sy = size.width() / 1000.0, size.height() / 1000.0
        pen = QPen(HIGHLIGHT_EDGE, 2)
        pen.setCosmetic(True)  # stays 2 screen pixels at any zoom
        for box in self._highlights.get(self._shown, []):
            x0, y0, x1, y1 = (float(v) for v in box[:4])
            rect = QRectF(x0 * sx, y0 * sy, max(1.0, (x1 - x0) * sx), max(1.0, (y1 - y0) * sy))
            rect.adjust(-3, -3, 3, 3)  # a little air around the glyphs
            item = QGraphicsRectItem(rect)
            item.setBrush(QBrush(HIGHLIGHT_FILL))
            item.setPen(pen)
            item.setZValue(1)
            if self._highlight_tip:
                item.setToolTip(self._highlight_tip)
            self.scene.addItem(item)
            self._items.append(item)

    def _scroll_to_highlights(self) -> None:
        """Bring the highlighted words to the middle of the view (else the page's top)."""
        union = QRectF()
        for item in self._items:
            union = union.united(item.rect())
        if union.isNull():
            self.canvas.verticalScrollBar().setValue(0)
            return
        visible = self.canvas.mapToScene(self.canvas.viewport().rect()).boundingRect()
        if not visible.contains(union):
            self.canvas.centerOn(union.center())

    def _check_fit_buttons(self) -> None:
        self.fit_width_button.setChecked(self._fit == "width")
        self.fit_page_button.setChecked(self._fit == "page")

    def _update_controls(self) -> None:
        has_doc = self._source is not None and self._count > 0
        self.page_label.setText(
            self.tr("Page {0} of {1}").replace("{0}", str(self._page + 1))
            .replace("{1}", str(self._count)) if has_doc else "")
        self.prev_button.setEnabled(has_doc and self._page > 0)
        self.next_button.setEnabled(has_doc and self._page < self._count - 1)
        for button in (self.zoom_in_button, self.zoom_out_button, self.fit_width_button,
                       self.fit_page_button):
            button.setEnabled(has_doc)
