"""Draw the app icon from the bundled DCGAN's own digits (run once; the outputs are committed).

    python packaging/make_icons.py   ->  resources/icons/ganexplorer.{png,ico,icns}
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw

from ganexplorer.core.formats import load_checkpoint
from ganexplorer.core.render import RenderRequest, Renderer

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "resources" / "icons"
SEEDS = (3, 11, 7, 26)   # four clear digits from the bundled model
COLOURS = ((255, 140, 60), (80, 170, 255), (120, 220, 120), (230, 90, 200))


def draw(size: int = 512) -> Image.Image:
    r = Renderer(load_checkpoint(ROOT / "checkpoints" / "dcgan-digits.safetensors"))
    icon = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    ImageDraw.Draw(icon).rounded_rectangle((0, 0, size - 1, size - 1), radius=size // 6, fill=(24, 28, 40, 255))
    tile = size * 7 // 16
    gap = (size - 2 * tile) // 3
    for i, (seed, colour) in enumerate(zip(SEEDS, COLOURS)):
        grey = r.render(RenderRequest(seed=seed)).rgb[..., 0].astype(np.float32) / 255
        rgb = (grey[..., None] * np.asarray(colour, np.float32)).astype(np.uint8)
        pic = Image.fromarray(rgb).resize((tile, tile), Image.Resampling.LANCZOS)
        x, y = gap + (i % 2) * (tile + gap), gap + (i // 2) * (tile + gap)
        icon.paste(pic, (x, y))
    return icon


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    big = draw(1024)
    big.resize((256, 256), Image.Resampling.LANCZOS).save(OUT / "ganexplorer.png")
    big.save(OUT / "ganexplorer.ico", sizes=[(16, 16), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)])
    big.save(OUT / "ganexplorer.icns")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
