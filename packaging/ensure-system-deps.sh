#!/usr/bin/env bash
# Installs the Debian packages Pipedeck needs (OCR, audio tools for tests, Qt runtime libraries)
# when they are missing. As root it installs them; otherwise it prints the one command to run.
set -euo pipefail
packages=(
  tesseract-ocr tesseract-ocr-eng            # OCR for document questions
  espeak-ng ffmpeg sox                       # making test speech and converting it
  libegl1 libgl1 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1
  libxcb-image0 libxcb-render-util0 libxcb-shape0 libxcb-randr0 libxcb-xinerama0
  libdbus-1-3 libfontconfig1 fonts-noto-cjk  # Qt's runtime and a font for Chinese
  xvfb imagemagick                           # a virtual screen for screenshots
  python3-venv
)
command -v dpkg-query >/dev/null 2>&1 || { echo "Not a Debian-like system: install tesseract and ffmpeg with your package manager." >&2; exit 0; }
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ]; then
  echo "Installing system packages: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "Some system packages are missing. Run:" >&2
  echo "  sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
