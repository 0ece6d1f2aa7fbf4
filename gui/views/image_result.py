"""Picture results: labelled boxes, coloured regions, or a depth map, over the picture.

One view serves the three "image" result kinds; what it draws follows the payload:
``objects`` (boxes with label and score), ``segments`` (small mask PNGs, one colour per
label, with a legend) or ``depth_png`` (a shaded depth map beside the picture). The
picture itself is read with :class:`QImageReader` already scaled to :data:`PREVIEW_SIDE`
pixels, so a 50-megapixel photo never exists at full size on the GUI thread. What is
shown can be saved as a PNG.
"""

from __future__ import annotations

import base64
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QIcon,
    QImage,
    QImageReader,
    QPainter,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from engine.errors import display_name
from engine.tasks import TaskSpec
from gui.text_only import push_button
from gui.views.detail import MAX_PREVIEW_PIXELS, DetailView

if TYPE_CHECKING:
    from PySide6.QtGui import QPaintEvent

PREVIEW_SIDE = 1024
SIDE_WIDTH = 180
MASK_OPACITY = 0.55

#: Distinct colours, given to labels in the order they first appear in a result.
PALETTE = ("#e6194b", "#3cb44b", "#4363d8", "#f58231", "#911eb4", "#42d4f4", "#f032e6",
           "#bfef45", "#fabed4", "#469990", "#dcbeff", "#9a6324", "#fffac8", "#800000",
           "#aaffc3", "#808000", "#ffd8b1", "#000075", "#a9a9a9", "#ffe119")
#: Anchors of the depth colour scale (dark = low values, light = high), like "magma".
DEPTH_ANCHORS = ((0, 0, 4), (80, 18, 123), (183, 55, 121), (251, 136, 97), (252, 253, 191))


def read_scaled(source: str, side: int = PREVIEW_SIDE) -> QImage | None:
    """The picture at ``source`` scaled to fit ``side`` pixels while decoding, or None."""
    if not Path(source).is_file():
        return None
    reader = QImageReader(source)
    reader.setAutoTransform(True)
    size = reader.size()
    if not size.isValid() or size.width() * size.height() > MAX_PREVIEW_PIXELS:
        return None
    if size.width() > side or size.height() > side:
        reader.setScaledSize(size.scaled(QSize(side, side), Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    return None if image.isNull() else image.convertToFormat(QImage.Format.Format_RGB32)


def decode_png(data: str) -> QImage:
    """A small base64 PNG from a payload (masks, depth maps: at most 512 px a side)."""
    image = QImage()
    image.loadFromData(QByteArray(base64.b64decode(data)), "PNG")
    return image


def depth_colour_table() -> list[int]:
    """256 colours running through :data:`DEPTH_ANCHORS`."""
    table = []
    steps = len(DEPTH_ANCHORS) - 1
    for value in range(256):
        position = value / 255 * steps
        low = min(int(position), steps - 1)
        t = position - low
        a, b = DEPTH_ANCHORS[low], DEPTH_ANCHORS[low + 1]
        r, g, bl = (round(a[i] + (b[i] - a[i]) * t) for i in range(3))
        table.append(QColor(r, g, bl).rgb())
    return table


def colour_depth(depth: QImage) -> QImage:
    """Grey depth shades mapped onto the colour scale (same bytes, a colour table)."""
    grey = depth.convertToFormat(QImage.Format.Format_Grayscale8)
    grey.reinterpretAsFormat(QImage.Format.Format_Indexed8)
    grey.setColorTable(depth_colour_table())
    return grey.convertToFormat(QImage.Format.Format_RGB32)


def label_colours(labels: list[str]) -> dict[str, QColor]:
    colours: dict[str, QColor] = {}
    for label in labels:
        if label not in colours:
            colours[label] = QColor(PALETTE[len(colours) % len(PALETTE)])
    return colours


def placeholder(width: int, height: int) -> QImage:
    """A grey stand-in of the picture's shape, when the picture cannot be previewed."""
    size = QSize(max(1, width), max(1, height)).scaled(QSize(PREVIEW_SIDE, PREVIEW_SIDE),
                                                       Qt.AspectRatioMode.KeepAspectRatio)
    image = QImage(size, QImage.Format.Format_RGB32)
    image.fill(QColor(70, 70, 70))
    return image


def draw_boxes(base: QImage, merged: dict[str, Any], colours: dict[str, QColor]) -> QImage:
    """Boxes in the payload's pixel units, scaled onto ``base``, each with label and score."""
    image = base.copy()
    sx = image.width() / max(1, int(merged.get("width") or image.width()))
    sy = image.height() / max(1, int(merged.get("height") or image.height()))
    line = max(2, round(image.width() / 200))
    font = QFont()
    font.setPixelSize(max(14, round(image.width() / 28)))  # legible once shrunk to fit
    font.setBold(True)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setFont(font)
    metrics = painter.fontMetrics()
    for obj in reversed(merged.get("objects", [])):  # best drawn last, on top
        box = obj["box"]
        rect = QRectF(box["xmin"] * sx, box["ymin"] * sy, (box["xmax"] - box["xmin"]) * sx,
                      (box["ymax"] - box["ymin"]) * sy)
        colour = colours[str(obj["label"])]
        painter.setPen(QPen(colour, line))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(rect)
        text = f"{obj['label']} {float(obj['score']):.0%}"
        tag = QRectF(metrics.boundingRect(text).adjusted(-4, -2, 4, 2))
        top = rect.top() - tag.height() if rect.top() >= tag.height() else rect.top()
        tag.moveTopLeft(QPointF(rect.left(), top))
        painter.fillRect(tag, colour)
        painter.setPen(QColor("white") if colour.lightness() < 150 else QColor("black"))
        painter.drawText(tag, int(Qt.AlignmentFlag.AlignCenter), text)
    painter.end()
    return image


def draw_masks(base: QImage, merged: dict[str, Any], colours: dict[str, QColor]) -> QImage:
    """Each mask tinted with its label's colour, laid over ``base``."""
    image = base.copy()
    painter = QPainter(image)
    painter.setOpacity(MASK_OPACITY)
    for segment in merged.get("segments", []):
        mask = decode_png(str(segment.get("mask_png", "")))
        if mask.isNull():
            continue
        mask = mask.convertToFormat(QImage.Format.Format_Grayscale8).scaled(
            image.size(), Qt.AspectRatioMode.IgnoreAspectRatio,
            Qt.TransformationMode.SmoothTransformation)
        tint = QImage(image.size(), QImage.Format.Format_ARGB32)
        tint.fill(colours[str(segment["label"])])
        tint.setAlphaChannel(mask)
        painter.drawImage(0, 0, tint)
    painter.end()
    return image


def draw_depth(base: QImage | None, merged: dict[str, Any]) -> QImage:
    """The coloured depth map beside the picture (or alone when there is no preview)."""
    depth = decode_png(str(merged.get("depth_png", "")))
    if depth.isNull():
        return base.copy() if base is not None else placeholder(4, 3)
    coloured = colour_depth(depth)
    if base is None:
        return coloured.scaled(QSize(PREVIEW_SIDE, PREVIEW_SIDE),
                               Qt.AspectRatioMode.KeepAspectRatio,
                               Qt.TransformationMode.SmoothTransformation)
    coloured = coloured.scaled(QSize(base.width(), base.height()),
                               Qt.AspectRatioMode.IgnoreAspectRatio,
                               Qt.TransformationMode.SmoothTransformation)
    gap = max(8, base.width() // 60)
    image = QImage(base.width() * 2 + gap, base.height(), QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.drawImage(0, 0, base)
    painter.drawImage(base.width() + gap, 0, coloured)
    painter.end()
    return image


def swatch(colour: QColor, size: int = 14) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(colour)
    return QIcon(pixmap)


class ImageCanvas(QWidget):
    """Paints one image scaled to fit, centred, never stretched."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.image = QImage()
        self.note = ""
        self.setMinimumSize(200, 150)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_image(self, image: QImage, note: str = "") -> None:
        self.image = image
        self.note = note
        self.update()

    def target_rect(self) -> QRect:
        if self.image.isNull():
            return QRect()
        size = self.image.size().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
        left = (self.width() - size.width()) // 2
        top = (self.height() - size.height()) // 2
        return QRect(left, top, size.width(), size.height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        if not self.image.isNull():
            painter.drawImage(self.target_rect(), self.image)
        if self.note:
            painter.setPen(self.palette().text().color())
            painter.drawText(self.rect().adjusted(8, 8, -8, -8),
                             int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap),
                             self.note)
        painter.end()


class ImageResultDetail(DetailView):
    """The picture with what the model found drawn on it, a legend, and "Save image…"."""

    def __init__(self, task: TaskSpec, parent: QWidget | None = None) -> None:
        super().__init__(task, parent)
        self.canvas = ImageCanvas(self)
        self.canvas.setObjectName("image_canvas")
        self.legend = QListWidget(self)
        self.legend.setObjectName("legend")
        self.legend.setWordWrap(True)
        self.legend.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.info = QLabel(self)
        self.info.setObjectName("image_info")
        self.info.setWordWrap(True)
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.save_button = push_button(self.tr("Save image…"), self)
        self.save_button.setObjectName("save_image_button")
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self._save_clicked)

        panel = QWidget(self)
        panel.setFixedWidth(SIDE_WIDTH)  # a fixed width lets the wrapped note find its height
        side = QVBoxLayout(panel)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(self.legend, 1)
        side.addWidget(self.info)
        side.addWidget(self.save_button)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.canvas, 1)
        layout.addWidget(panel)
        self.rendered = QImage()
        self._source = ""
        self._base: QImage | None = None
        self._base_source: str | None = None

    # -- showing ----------------------------------------------------------------------
    def show_result(self, source: str, merged: dict[str, Any] | None, error: str | None,
                    *, new_source: bool) -> None:
        self._source = source
        self.legend.clear()
        if error or merged is None:
            self.rendered = QImage()
            self.canvas.set_image(QImage(), error or self.tr("Working…"))
            self.info.setText(error or "")
            self.save_button.setEnabled(False)
            return
        if new_source or self._base_source != source:
            self._base = read_scaled(source)
            self._base_source = source
        base = self._base
        note = "" if base is not None else self.tr("No preview of the picture")
        if "depth_png" in merged:
            self.rendered = draw_depth(base, merged)
            self._show_depth_legend(merged)
        else:
            if base is None:
                base = placeholder(int(merged.get("width") or 4), int(merged.get("height") or 3))
            if "segments" in merged:
                colours = label_colours([str(s["label"]) for s in merged["segments"]])
                self.rendered = draw_masks(base, merged, colours)
                self._show_segment_legend(merged, colours)
            else:
                colours = label_colours([str(o["label"]) for o in merged.get("objects", [])])
                self.rendered = draw_boxes(base, merged, colours)
                self._show_object_legend(merged, colours)
        self.canvas.set_image(self.rendered, note)
        self.save_button.setEnabled(not self.rendered.isNull())

    def _show_object_legend(self, merged: dict[str, Any], colours: dict[str, QColor]) -> None:
        objects = merged.get("objects", [])
        for obj in objects:
            box = obj["box"]
            item = QListWidgetItem(swatch(colours[str(obj["label"])]),
                                   f"{obj['label']}  {float(obj['score']):.0%}")
            item.setToolTip(self.tr("Box from ({0}, {1}) to ({2}, {3})").replace(
                "{0}", str(box["xmin"])).replace("{1}", str(box["ymin"])).replace(
                "{2}", str(box["xmax"])).replace("{3}", str(box["ymax"])))
            self.legend.addItem(item)
        if objects:
            self.info.setText(self.tr("{0} object(s) found.").replace("{0}", str(len(objects))))
        else:
            self.info.setText(self.tr("No objects found above the minimum score. Lower it "
                                      "to see less certain ones."))

    def _show_segment_legend(self, merged: dict[str, Any], colours: dict[str, QColor]) -> None:
        segments = merged.get("segments", [])
        for segment in segments:
            score = segment.get("score")
            text = str(segment["label"]) + ("" if score is None else f"  {float(score):.0%}")
            self.legend.addItem(QListWidgetItem(swatch(colours[str(segment["label"])]), text))
        self.info.setText(self.tr("{0} region(s).").replace("{0}", str(len(segments))) if
                          segments else self.tr("No regions found."))

    def _show_depth_legend(self, merged: dict[str, Any]) -> None:
        table = depth_colour_table()
        low, high = float(merged.get("min", 0.0)), float(merged.get("max", 0.0))
        self.legend.addItem(QListWidgetItem(swatch(QColor.fromRgb(table[-1])),
                                            self.tr("Highest: {0}").replace(
                                                "{0}", f"{high:.3g}")))
        self.legend.addItem(QListWidgetItem(swatch(QColor.fromRgb(table[0])),
                                            self.tr("Lowest: {0}").replace("{0}", f"{low:.3g}")))
        self.info.setText(self.tr("Light means a higher value: nearer for Depth Anything and "
                                  "DPT models, farther for models that measure metres."))

    def clear_view(self) -> None:
        self.rendered = QImage()
        self._base = None
        self._base_source = None
        self.canvas.set_image(QImage())
        self.legend.clear()
        self.info.clear()
        self.save_button.setEnabled(False)

    # -- saving -----------------------------------------------------------------------
    def default_name(self) -> str:
        stem = Path(display_name(self._source)).stem or "result"
        return f"{stem}-{self.task.alias}.png"

    def save_image(self, path: str | Path) -> Path:
        """Write what is shown as a PNG (atomically); raises OSError when it cannot."""
        from engine.atomic import atomic_write

        target = Path(path)
        if not target.suffix:
            target = target.with_suffix(".png")
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        if not self.rendered.save(buffer, "PNG"):  # type: ignore[call-overload]
            raise OSError(f"could not encode {target.name}")
        buffer.close()
        with atomic_write(target, "wb") as handle:
            handle.write(bytes(data.data()))
        return target

    def _save_clicked(self) -> None:
        from PySide6.QtWidgets import QFileDialog, QMessageBox  # dialogs: imported when used

        start = str(Path(self._source).with_name(self.default_name())) if \
            Path(self._source).is_file() else self.default_name()
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save image"), start,
                                              self.tr("PNG image (*.png)"))
        if not name:
            return
        try:
            self.save_image(name)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Could not save"), str(exc))
