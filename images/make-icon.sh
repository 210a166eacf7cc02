#!/bin/sh
# Draws images/icon.png (128×128): a page of text with a red note marker, the rule above the
# footnotes and the note itself. Needs ImageMagick and the DejaVu fonts (Debian: imagemagick,
# fonts-dejavu-core). Drawn at 512 px and scaled down for smooth edges.
set -e
cd "$(dirname "$0")"
convert -size 512x512 xc:none \
  -fill '#2b2420' -draw 'roundrectangle 0,0 511,511 96,96' \
  -fill '#f4ecdc' -draw 'roundrectangle 112,64 400,448 14,14' \
  -fill '#7d7264' -draw 'roundrectangle 152,116 360,132 8,8' -draw 'roundrectangle 152,164 296,180 8,8' \
  -draw 'roundrectangle 152,212 360,228 8,8' -draw 'roundrectangle 152,260 250,276 8,8' \
  -fill '#b8322a' -font DejaVu-Serif-Bold -pointsize 60 -annotate +304+166 '1' \
  -fill '#7d7264' -draw 'rectangle 152,318 252,325' \
  -fill '#b8322a' -pointsize 44 -annotate +150+378 '1' \
  -fill '#7d7264' -draw 'roundrectangle 186,362 360,376 7,7' -draw 'roundrectangle 152,400 320,414 7,7' \
  -resize 128x128 -strip -depth 8 PNG32:icon.png
