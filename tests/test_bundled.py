"""The models the app opens on, offline, on first launch."""

import numpy as np

from ganexplorer.core.formats import load_checkpoint
from ganexplorer.core.paths import checkpoints_dir
from ganexplorer.core.render import RenderRequest, Renderer


def test_bundled_dcgan_loads_and_renders_digit_like_images():
    m = load_checkpoint(checkpoints_dir() / "dcgan-digits.safetensors")
    assert (m.family, m.resolution, m.channels, m.z_dim) == ("dcgan32", 32, 1, 100)
    assert m.metadata["training"]["step"] >= 2000 and m.metadata["training"]["dataset"] == "builtin:digits"
    r = Renderer(m)
    imgs = np.stack([r.render(RenderRequest(seed=s)).rgb[..., 0] for s in range(8)]).astype(float)
    # White strokes on a black background, different for different seeds.
    assert imgs[:, :3, :].mean() < 30 and imgs[:, 10:22, 10:22].mean() > imgs[:, :3, :].mean() + 30
    assert np.abs(imgs[0] - imgs[1]).mean() > 5


def test_the_app_opens_on_the_bundled_stylegan2_and_its_styles_mix():
    from ganexplorer.gui.app import default_checkpoint

    path = default_checkpoint()
    assert path is not None and path.name == "stylegan2-digits.safetensors"
    m = load_checkpoint(path)
    assert (m.family, m.resolution, m.channels, m.num_ws) == ("stylegan2", 32, 1, 8)
    assert m.network in ("G", "G_ema") and m.metadata["training"]["dataset"] == "builtin:digits"
    r = Renderer(m)
    a, b = (r.render(RenderRequest(seed=s)).rgb[..., 0].astype(float) for s in (1, 2))
    assert a[:3].mean() < 40 and np.abs(a - b).mean() > 5          # strokes on black; seeds differ
    coarse = r.render(RenderRequest(seed=1, mix_seed=2, mix_start=0, mix_end=4)).rgb[..., 0].astype(float)
    fine = r.render(RenderRequest(seed=1, mix_seed=2, mix_start=4, mix_end=None)).rgb[..., 0].astype(float)
    # Taking seed 2's coarse styles moves the picture further from seed 1 than taking its fine styles.
    assert np.abs(coarse - a).mean() > np.abs(fine - a).mean()
    for name in ("stylegan2-digits.safetensors", "dcgan-digits.safetensors"):
        q = load_checkpoint(checkpoints_dir() / name).metadata["quality"]
        assert q["samples"] >= 800 and q["frechet"] > q["frechet_floor"] > 0 and 1 <= q["coverage"] <= 10
