"""Render the app icon: ``resources/icons/pipedeck.svg`` to PNG, Windows .ico and macOS .icns.

The SVG is the one source. The 256 px PNG is committed (Linux desktop file, AppImage,
window icon); the .ico and .icns are made at build time by the packaging workflow:

    .venv/bin/python packaging/make_icons.py            # refresh resources/icons/pipedeck.png
    .venv/bin/python packaging/make_icons.py --out build/icons   # + pipedeck.ico, pipedeck.icns

Rendering uses Qt's SVG renderer offscreen (no display needed); Pillow writes .ico/.icns
on any OS, so a Linux runner can make all three.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "resources" / "icons" / "pipedeck.svg"


def render_png(size: int, target: Path) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(SVG)).render(painter)
    painter.end()
    target.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(target)):
        sys.exit(f"make_icons: could not write {target}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=None,
                        help="also write pipedeck.ico and pipedeck.icns into this folder")
    args = parser.parse_args()
    png = ROOT / "resources" / "icons" / "pipedeck.png"
    render_png(256, png)
    print(f"wrote {png}")
    if args.out is not None:
        from PIL import Image

        big = args.out / "pipedeck-1024.png"
        render_png(1024, big)
        image = Image.open(big)
        image.save(args.out / "pipedeck.ico",
                   sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128),
                          (256, 256)])
        image.save(args.out / "pipedeck.icns")
        print(f"wrote {args.out / 'pipedeck.ico'} and {args.out / 'pipedeck.icns'}")


if __name__ == "__main__":
    main()
