"""Draw the ClusterQuote application icon and write it in every size the installers need.

    uv run python packaging/make_icons.py

Writes resources/icons/clusterquote-<size>.png for 16..512 px, clusterquote.ico
(multi-size, for Windows) and clusterquote.icns (for macOS). The glyph is a server
rack of three GPU nodes above the letters "CQ"; at 16 and 32 px, where the rack
would be mush, only the letters are drawn. The font is the DejaVu Sans Bold that
matplotlib ships, so the output is the same on every machine.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import matplotlib
from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
ICON_DIR = ROOT / "resources" / "icons"
NAME = "clusterquote"
SIZES = (16, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
CANVAS = 1024  # everything is drawn at this size and scaled down

NAVY_TOP = (18, 42, 78)
NAVY_BOTTOM = (33, 87, 150)
RACK = (236, 242, 249)
SLAB = (27, 58, 101)
GPU = (64, 196, 214)
LED = (120, 224, 140)
WHITE = (255, 255, 255)


def _font(px: int) -> ImageFont.FreeTypeFont:
    path = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans-Bold.ttf"
    return ImageFont.truetype(str(path), px)


def _background(detailed: bool) -> Image.Image:
    """A rounded square with a vertical navy gradient."""
    margin = 56 if detailed else 0
    radius = 200 if detailed else 180
    gradient = Image.new("RGBA", (CANVAS, CANVAS))
    draw = ImageDraw.Draw(gradient)
    for y in range(CANVAS):
        t = y / (CANVAS - 1)
        colour = tuple(round(a + (b - a) * t) for a, b in zip(NAVY_TOP, NAVY_BOTTOM, strict=True))
        draw.line([(0, y), (CANVAS, y)], fill=(*colour, 255))
    mask = Image.new("L", (CANVAS, CANVAS), 0)
    ImageDraw.Draw(mask).rounded_rectangle(
        (margin, margin, CANVAS - 1 - margin, CANVAS - 1 - margin), radius=radius, fill=255
    )
    out = Image.new("RGBA", (CANVAS, CANVAS), (0, 0, 0, 0))
    out.paste(gradient, (0, 0), mask)
    return out


def _letters(draw: ImageDraw.ImageDraw, centre_y: int, size: int) -> None:
    font = _font(size)
    left, top, right, bottom = draw.textbbox((0, 0), "CQ", font=font)
    x = (CANVAS - (right - left)) / 2 - left
    y = centre_y - (bottom - top) / 2 - top
    draw.text((x, y), "CQ", font=font, fill=WHITE)


def _rack(draw: ImageDraw.ImageDraw) -> None:
    """A rack frame holding three nodes, each a row of four GPUs and a status light."""
    x0, x1 = 232, CANVAS - 232
    y0, y1 = 170, 600
    draw.rounded_rectangle((x0, y0, x1, y1), radius=44, fill=RACK)
    inner = 36
    slab_gap = 26
    slabs = 3
    slab_h = (y1 - y0 - 2 * inner - (slabs - 1) * slab_gap) / slabs
    for i in range(slabs):
        sy0 = y0 + inner + i * (slab_h + slab_gap)
        sy1 = sy0 + slab_h
        draw.rounded_rectangle((x0 + inner, sy0, x1 - inner, sy1), radius=20, fill=SLAB)
        pad = 22
        led_r = 15
        gpu_area_x0 = x0 + inner + pad
        gpu_area_x1 = x1 - inner - pad - 2 * led_r - pad
        gpus, gap = 4, 16
        gpu_w = (gpu_area_x1 - gpu_area_x0 - (gpus - 1) * gap) / gpus
        for g in range(gpus):
            gx0 = gpu_area_x0 + g * (gpu_w + gap)
            draw.rounded_rectangle((gx0, sy0 + pad, gx0 + gpu_w, sy1 - pad), radius=10, fill=GPU)
        cx = x1 - inner - pad - led_r
        cy = (sy0 + sy1) / 2
        draw.ellipse((cx - led_r, cy - led_r, cx + led_r, cy + led_r), fill=LED)


def draw_icon(size: int) -> Image.Image:
    detailed = size >= 48
    image = _background(detailed)
    draw = ImageDraw.Draw(image)
    if detailed:
        _rack(draw)
        _letters(draw, centre_y=770, size=250)
    else:
        _letters(draw, centre_y=CANVAS // 2, size=500)
    return image.resize((size, size), Image.Resampling.LANCZOS)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ICON_DIR, help="output folder")
    args = parser.parse_args(argv)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)

    for size in SIZES:
        draw_icon(size).save(out / f"{NAME}-{size}.png", optimize=True)

    # Pillow writes every size of an .ico from one source image; give it the
    # simplified glyph for the small sizes by saving frames explicitly.
    ico_frames = [draw_icon(s) for s in ICO_SIZES]
    ico_frames[-1].save(
        out / f"{NAME}.ico",
        format="ICO",
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=ico_frames[:-1],
    )

    big = draw_icon(1024)
    try:
        big.save(out / f"{NAME}.icns", format="ICNS")
    except (OSError, KeyError, ValueError) as exc:  # Pillow builds without the ICNS writer
        print(f"skipped .icns: {exc}")

    for path in sorted(out.iterdir()):
        print(
            f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}  {path.stat().st_size:,} bytes"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
