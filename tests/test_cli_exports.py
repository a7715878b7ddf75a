"""`walk` and `mix` export as the window does (issue 21): pictures at a chosen --size, the grid labelled."""

import numpy as np
from PIL import Image

from ganexplorer.cli import main


def test_walk_frames_are_as_big_as_asked(pkl, tmp_path):
    """The 16 px model made a 16 px walk (the window makes 512 px by default)."""
    gif = tmp_path / "walk.gif"
    assert main(["walk", "--network", pkl, "--seeds", "0,1", "--frames", "3", "--out", str(gif), "-q"]) == 0
    assert min(Image.open(gif).size) >= 512
    assert main(["walk", "--network", pkl, "--seeds", "0,1", "--frames", "3", "--size", "64", "--out", str(gif),
                 "-q"]) == 0
    assert Image.open(gif).size == (64, 64)
    assert main(["walk", "--network", pkl, "--seeds", "0,1", "--size", "0", "--out", str(gif), "-q"]) == 2


def test_the_mixing_grid_carries_its_seeds_and_caption(pkl, tmp_path):
    """grid.png had neither seed numbers nor a caption, and was 16 px a tile."""
    out = tmp_path / "mix"
    assert main(["mix", "--network", pkl, "--rows", "85,100", "--cols", "55,821", "--styles", "0-2",
                 "--outdir", str(out), "-q"]) == 0
    grid = np.asarray(Image.open(out / "grid.png").convert("RGB"))
    assert min(grid.shape[:2]) >= 512
    cell = np.asarray(Image.open(out / "85-55.png").convert("RGB"))
    assert cell.shape == (16, 16, 3)                      # the cells stay the model's own size
    ink = (grid.min(axis=2) < 100)                        # dark text on the light margins
    left_margin = ink[:, : grid.shape[1] // 10]
    assert left_margin.any(), "no row labels"
    assert ink[-grid.shape[0] // 10:].any(), "no caption"
    assert main(["mix", "--network", pkl, "--rows", "1", "--cols", "2", "--size", "99999", "--outdir", str(out),
                 "-q"]) == 2
