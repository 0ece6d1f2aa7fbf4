#!/usr/bin/env bash
# Build the Linux bundle in one command, from anywhere:
#
#     bash packaging/build.sh
#
# 1. installs PyInstaller into the project's venv (.venv, or $PIPEDECK_VENV),
# 2. builds dist/pipedeck/ from packaging/pipedeck.spec,
# 3. copies the desktop file and icon beside the executable and packs
#    dist/pipedeck-<version>-linux-x86_64.tar.gz,
# 4. runs the frozen self-test (offscreen, offline): the build fails if it fails.
#
# Needs: a venv with Pipedeck's dependencies (CPU torch). Takes several minutes.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
VENV="${PIPEDECK_VENV:-$ROOT/.venv}"
PY="$VENV/bin/python"
[ -x "$PY" ] || { echo "build.sh: no Python at $PY (set PIPEDECK_VENV)" >&2; exit 2; }

VERSION="$("$PY" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')"
ARCH="$(uname -m)"

echo "== installing PyInstaller into $VENV"
"$PY" -m pip install --quiet "pyinstaller>=6.10" "pyinstaller-hooks-contrib>=2024.8"

if [ ! -f resources/translations/pipedeck_zh_CN.qm ]; then
  echo "== compiling translations"
  "$PY" packaging/update_translations.py --compile-only || echo "   (no translations compiled)"
fi

echo "== building dist/pipedeck (PyInstaller)"
started=$(date +%s)
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$ROOT/dist" --workpath "$ROOT/build/pyinstaller" packaging/pipedeck.spec
echo "   built in $(( $(date +%s) - started )) s"

install -m 644 packaging/pipedeck.desktop dist/pipedeck/pipedeck.desktop
install -m 644 resources/icons/pipedeck.png dist/pipedeck/pipedeck.png
mkdir -p dist/pipedeck/tesseract
cat > dist/pipedeck/tesseract/README.txt <<'TXT'
Pipedeck looks here first for Tesseract OCR (tesseract or tesseract.exe, with tessdata/).
Leave it empty to use the system's tesseract (Linux: sudo apt install tesseract-ocr).
TXT

ARCHIVE="dist/pipedeck-$VERSION-linux-$ARCH.tar.gz"
echo "== packing $ARCHIVE"
tar -C dist -czf "$ARCHIVE" pipedeck

echo "== frozen self-test"
QT_QPA_PLATFORM=offscreen PIPEDECK_HOME="$(mktemp -d)" dist/pipedeck/pipedeck --self-test

echo "== done"
du -sh dist/pipedeck "$ARCHIVE"
