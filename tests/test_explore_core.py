"""The Explore tab's Qt-free pieces: band vocabulary, pictures with words, variation in pixel levels."""

import numpy as np
import pytest
import torch

from ganexplorer.core.formats.loaded import LoadedModel
from ganexplorer.core.render import Renderer, RenderRequest, bands


@pytest.fixture
def sg(tiny_stylegan2):
    return LoadedModel(G=tiny_stylegan2[0], family="stylegan2", format="native")


def test_bands_follow_the_stylegan_paper_per_model():
    # 1024²: 18 ws, 0–3 coarse (4²–8²), 4–7 middle (16²–32²), 8–17 fine (64²–1024²), as in the paper.
    spans = bands.band_spans(18, 1024)
    assert [(s.name, s.first, s.last, s.lo, s.hi) for s in spans] == [
        ("coarse", 0, 3, 4, 8), ("middle", 4, 7, 16, 32), ("fine", 8, 17, 64, 1024)]
    assert bands.missing_bands(18, 1024) == []
    assert bands.legend(8, 32) == ("layers 0\u20133 coarse (4\u00b2\u20138\u00b2) \u00b7 4\u20137 middle "
                                   "(16\u00b2\u201332\u00b2) \u00b7 this 32\u00b2 model has no fine band")
    assert bands.legend(6, 16).endswith("4\u20135 middle (16\u00b2) \u00b7 this 16\u00b2 model has no fine band")
    assert bands.missing_bands(4, 8) == ["middle", "fine"]
    assert bands.legend(10, 64).endswith("8\u20139 fine (64\u00b2)")
    r = bands.range_bands(2, 6, 8, 32)
    assert (r.name, r.first, r.last, r.lo, r.hi) == ("coarse+middle", 2, 5, 8, 16)
    assert bands.range_bands(4, 4, 8, 32) is None
    assert bands.range_bands(0, 99, 8, 32).last == 7


def test_feature_maps_show_switched_off_channels_black(sg):
    """The capture hook used to run before the ablation hook, so the Layers view showed the channels unchanged."""
    from ganexplorer.core.render.views import feature_maps

    r = Renderer(sg)
    layer = "synthesis.b8.conv1"
    before, _ = feature_maps(r, RenderRequest(seed=3), layer, first=0, count=4, normalise=True)
    req = RenderRequest(seed=3, ablations=((layer, (0, 2)),))
    for norm in (True, False):
        pic, _ = feature_maps(r, req, layer, first=0, count=4, normalise=norm)
        tile = (pic.shape[0] - 1) // 2
        assert pic[:tile, :tile].max() == 0                      # channel 0: black
        assert pic[tile + 1:, :tile].max() == 0                  # channel 2: black
        assert pic[:tile, tile + 1:].max() > 0                   # channel 1: still shown
    assert before[:tile, :tile].max() > 0
    # A later layer sees the switched-off channels' effect (the hook order is right, not just the tiles).
    nxt, _ = feature_maps(r, req, "synthesis.b16.conv0", count=4)
    assert not np.array_equal(nxt, feature_maps(r, RenderRequest(seed=3), "synthesis.b16.conv0", count=4)[0])


@pytest.mark.slow
def test_variation_levels_are_in_pixel_levels(sg):
    from ganexplorer.core.render.views import variation_levels

    r = Renderer(sg)
    lv = variation_levels(r, RenderRequest(seed=1), draws=6)
    assert lv.shape == (16, 16) and lv.dtype == np.float32
    # Same numbers by hand: std over draws of the 0–255 picture.
    ws = r.ws_for(RenderRequest(seed=1))
    with torch.inference_mode():
        imgs = [(r.synthesize(ws, RenderRequest(noise_mode="random", noise_seed=k))[0] * 127.5 + 128).clamp(0, 255)
                for k in range(6)]
    np.testing.assert_allclose(lv, torch.stack(imgs).std(0).mean(0).numpy(), rtol=1e-5, atol=1e-4)
    assert 0 < lv.max() < 255


def test_variation_needs_a_style_based_generator():
    from ganexplorer.core.models.registry import build_preset
    from ganexplorer.core.render.views import variation_levels

    torch.manual_seed(0)
    G, _ = build_preset("dcgan32")
    m = LoadedModel(G=G.eval(), family="dcgan32", format="native")
    with pytest.raises(ValueError, match="style-based"):
        variation_levels(Renderer(m), RenderRequest(), 2)


def test_walk_export_upscales_small_frames(sg, tmp_path):
    from PIL import Image

    from ganexplorer.core.render.walk import export_walk, walk_requests

    reqs = walk_requests(RenderRequest(), [0, 1], 3, "w", sg.z_dim)
    out = export_walk(Renderer(sg), reqs, tmp_path / "w.gif", 10, min_side=100)
    im = Image.open(out)
    assert im.size == (112, 112)    # 16 px × 7, the smallest factor reaching 100
    assert Image.open(export_walk(Renderer(sg), reqs, tmp_path / "s.gif", 10)).size == (16, 16)
