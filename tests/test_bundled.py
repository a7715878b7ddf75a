"""The model the app opens on, offline, on first launch."""

import numpy as np

from ganexplorer.core.formats import load_checkpoint
from ganexplorer.core.render import RenderRequest, Renderer


def test_bundled_dcgan_loads_and_renders_digit_like_images():
    from ganexplorer.gui.app import default_checkpoint

    path = default_checkpoint()
    assert path is not None and path.name == "dcgan-digits.safetensors"
    m = load_checkpoint(path)
    assert (m.family, m.resolution, m.channels, m.z_dim) == ("dcgan32", 32, 1, 100)
    assert m.metadata["training"]["step"] >= 2000 and m.metadata["training"]["dataset"] == "builtin:digits"
    r = Renderer(m)
    imgs = np.stack([r.render(RenderRequest(seed=s)).rgb[..., 0] for s in range(8)]).astype(float)
    # White strokes on a black background, different for different seeds.
    assert imgs[:, :3, :].mean() < 30 and imgs[:, 10:22, 10:22].mean() > imgs[:, :3, :].mean() + 30
    assert np.abs(imgs[0] - imgs[1]).mean() > 5
