"""``ganexplorer --self-test``: prove an installation works, offline, in a few seconds.

Loads every bundled model and renders a frame from each, then runs ten DCGAN-32 training
steps on the built-in digits; returns a one-line summary or raises with the first failure.
Installers run it after building (see packaging/), so a frozen app that lost a data file
or a module fails loudly there rather than in a classroom.
"""

from __future__ import annotations

import math
import time

import numpy as np

from ganexplorer.core.messages import message
from ganexplorer.core.paths import bundled_models, checkpoints_dir


class SelfTestError(RuntimeError):
    """The installation is broken: the message names the first thing that failed."""


def run_self_test(train_steps: int = 10) -> str:
    """Render each bundled model, train ``train_steps`` DCGAN-32 steps; the one-line summary, or SelfTestError."""
    from ganexplorer.core.data import open_dataset
    from ganexplorer.core.formats import load_checkpoint
    from ganexplorer.core.render import RenderRequest, Renderer
    from ganexplorer.core.train.events import StepEvent
    from ganexplorer.core.train.config import TrainConfig
    from ganexplorer.core.train.factory import make_trainer

    t0 = time.perf_counter()
    folder = checkpoints_dir()
    models = bundled_models(folder)
    if not models:
        raise SelfTestError(message("selftest.no_models", folder=folder))
    rendered = []
    for path in models:
        m = load_checkpoint(path)
        rgb = Renderer(m).render(RenderRequest(seed=1)).rgb
        if rgb.shape != (m.resolution, m.resolution, 3) or float(np.std(rgb)) < 1.0:
            raise SelfTestError(message("selftest.blank", name=path.name, shape=rgb.shape))
        rendered.append(f"{path.stem} {m.resolution}px")
    cfg = TrainConfig.for_model("dcgan32", batch_size=32, sample_every=0, checkpoint_every=0, log_every=0,
                                watch_classes=False)
    trainer = make_trainer(cfg, open_dataset("builtin:digits", limit=512))
    steps = [e for e in trainer.run(max_steps=train_steps) if isinstance(e, StepEvent)]
    if len(steps) != train_steps or not all(math.isfinite(e.d_loss) and math.isfinite(e.g_loss) for e in steps):
        raise SelfTestError(message("selftest.training", steps=len(steps)))
    return message("selftest.passed", models=", ".join(rendered), steps=train_steps, d=f"{steps[-1].d_loss:.2f}",
                   g=f"{steps[-1].g_loss:.2f}", seconds=f"{time.perf_counter() - t0:.1f}")
