"""Words drawn into exported pictures: mixing-grid labels, the variation colour bar, captions."""

import numpy as np

from ganexplorer.core.render import annotate


def test_colour_map_is_dark_to_bright_and_monotone():
    rgb = annotate.colour_map(np.linspace(0, 1, 50))
    luma = rgb @ np.array([0.299, 0.587, 0.114])
    assert np.all(np.diff(luma) > -1.0) and luma[0] < 40 and luma[-1] > 200


def test_nice_ticks():
    assert annotate.nice_ticks(9.3) == [0, 2, 4, 6, 8]
    assert annotate.nice_ticks(0.23) == [0, 0.05, 0.1, 0.15, 0.2]
    assert annotate.nice_ticks(255) == [0, 50, 100, 150, 200, 250]
    assert annotate.nice_ticks(0) == [0.0]


def test_variation_figure_has_heat_map_bar_and_caption():
    levels = np.zeros((16, 16), np.float32)
    levels[4:8, 4:8] = 12.5
    fig = annotate.variation_figure(levels, "per-pixel std. dev.", min_side=128)
    assert fig.dtype == np.uint8 and fig.shape[2] == 3
    assert fig.shape[1] > 128 + 20 and fig.shape[0] > 128            # bar beside, caption below
    heat = fig[fig.shape[0] // 2 - 60: fig.shape[0] // 2 + 60, :128]
    top = annotate.colour_map(np.array([1.0]))[0]
    assert (np.abs(heat.astype(int) - top).sum(-1) == 0).any()        # the max is drawn in the top colour
    # The drawing differs when the scale differs (the tick labels are there).
    other = annotate.variation_figure(levels * 10, "per-pixel std. dev.", min_side=128)
    assert other.shape == fig.shape or not np.array_equal(other, fig)
    assert not np.array_equal(other, fig)


def test_labelled_mixing_grid_grows_small_tiles_and_adds_words():
    tiles = np.full((3 * 16, 4 * 16, 3), 128, np.uint8)
    out = annotate.labelled_mixing_grid(tiles, [85, 100], [55, 821, 1789], "rows take layers 0\u20133 from columns")
    assert out.shape[0] > 3 * 96 and out.shape[1] > 4 * 96
    # Text is dark ink on white around the grid.
    assert (out[:30, 100:] < 100).any() and (out[-20:] < 100).any()
    try:
        annotate.labelled_mixing_grid(tiles, [1], [2], "")
    except ValueError as e:
        assert "does not match" in str(e)
    else:
        raise AssertionError("a mismatched grid must be refused")


def test_caption_wraps_long_text():
    img = np.zeros((64, 64, 3), np.uint8)
    one = annotate.add_caption(img, "seed 42", font_px=12)
    many = annotate.add_caption(img, "seed 42 with layers 0\u20133 from seed 7 (coarse) and more words", font_px=12)
    assert many.shape[0] > one.shape[0] > 64 and np.array_equal(one[:64], img)
    assert annotate.add_caption(img, "") is img
