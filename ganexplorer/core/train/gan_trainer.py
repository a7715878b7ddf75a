"""Train the MLP and DCGAN families: the lecture's loop, one step at a time.

``GANTrainer.run()`` is a generator of events; nothing here blocks between steps, so a
caller can pause (stop iterating), stop (close the generator) or single-step
(``single_step('d')`` / ``single_step('g')``). The losses are in ``losses.py``; what a checkpoint
holds and how it is read back is in ``checkpoint.py``; the settings are ``config.TrainConfig``.

The trainer owns the checkpoint rules, so the CLI and the GUI cannot disagree: it saves every
``checkpoint_every`` steps or every ``checkpoint_minutes`` minutes, whichever comes first, when
the run finishes, and when the consumer stops it (closes the generator); never after a loss
went NaN or infinite, so the last good checkpoint stays as it was.
"""

from __future__ import annotations

import math
import time
from pathlib import Path
from typing import Iterator

import numpy as np
import torch
from torch import nn

from ganexplorer.core.data.batches import TrainingImages
from ganexplorer.core.data.dataset import ImageDataset
from ganexplorer.core.io import WriteError
from ganexplorer.core.messages import message
from ganexplorer.core.metrics.digit_classifier import DigitClassifier, DigitGate, class_report
from ganexplorer.core.models.dropout import draw_dropout_from
from ganexplorer.core.models.facts import int_fact
from ganexplorer.core.models.modes import evaluating
from ganexplorer.core.models.registry import PRESETS, build_discriminator, build_generator
from ganexplorer.core.render.images import grid, to_uint8
from ganexplorer.core.train import losses
from ganexplorer.core.train.checkpoint import fit_error, read_checkpoint, write_checkpoint
from ganexplorer.core.train.config import TrainConfig
from ganexplorer.core.train.distributed import (SINGLE, World, any_rank, batch_slice, check_world, rank_rng_state,
                                                train_device)
from ganexplorer.core.train.events import (CheckpointEvent, ClassHistogramEvent, LogEvent, SamplesEvent, StepEvent,
                                           StoppedEvent, format_log)
from ganexplorer.core.train.execution import TrainerExecution
from ganexplorer.core.train.init_weights import dcgan_init
from ganexplorer.core.train.placement import batch_on, to_device
from ganexplorer.core.train.precision import Precision
from ganexplorer.core.train.rng import TrainerRNG
from ganexplorer.core.train.trainer_state import TrainerState

FIRST_CHECKPOINT_SECONDS = 30.0   # a run's first save comes this early: a demo stopped after a minute resumes
CLASS_SAMPLES = 200        # fixed-noise samples the digit classifier labels for the class histogram
GATE_REAL_IMAGES = 1000    # real images that calibrate the classifier's confidence gate


class GANTrainer(TrainerExecution, TrainerState):
    """One GAN, its data and optimisers. ``run()`` yields events until stopped or finished."""

    def __init__(self, config: TrainConfig, dataset: ImageDataset, out_dir: str | Path | None = None,
                 resume: bool = False, resume_from: str | Path | None = None, world: World = SINGLE,
                 device: torch.device | None = None) -> None:
        """``world``: this process's place in a torchrun group (``distributed.py``); ``device``: where to
        train, instead of ``config.device`` (for callers that placed themselves already). Builds in the order
        the parts need each other (device, models, optimisers, resume, fixed noise), hence its length."""
        config.validate()
        self.config = config
        self.world = world
        self.device = torch.device(device) if device is not None else train_device(config.device, world)
        self.precision = Precision(config.precision, self.device)
        self.out_dir = Path(out_dir) if out_dir is not None else None
        preset = PRESETS[config.model]
        self.family = preset.family
        g_kwargs, d_kwargs = dict(preset.g_kwargs), dict(preset.d_kwargs)
        n_classes = g_kwargs.get("n_classes", g_kwargs.get("c_dim", 0))
        if config.conditional and not preset.conditional:
            raise ValueError(message("train.not_conditional", model=config.model))
        if n_classes and dataset.labels is None:
            raise ValueError(message("train.no_labels", model=config.model, dataset=dataset.name))
        if n_classes and dataset.n_classes > n_classes:
            raise ValueError(message("train.classes", dataset=dataset.name, count=dataset.n_classes,
                                     model=config.model, most=n_classes))
        self.n_classes = n_classes
        check_world(world, config.batch_size, self.family, len(dataset.images))
        self.local_batch = config.batch_size // world.size   # each process's share of a batch
        # The initial weights come from the trainer's own generator, seeded as torch.manual_seed(seed) would
        # seed the global one, which stays untouched (rng.py); so do the dropout masks once training runs.
        self.rng = TrainerRNG(config.seed)
        with self.rng.building():
            self.G = build_generator(self.family, g_kwargs)
            self.D = build_discriminator(self.family, d_kwargs)
            self._init_models()
        for module in self.modules().values():
            draw_dropout_from(module, self.rng.modules)
        # What the built G draws, not a guess from the preset's kwargs (the MLP draws grey only).
        self.resolution = int_fact(self.G, "img_resolution")
        self.channels = int(getattr(self.G, "img_channels", 1))
        self._place()
        self.opt_g, self.opt_d = self._make_optimizers()
        self.data = TrainingImages(dataset, self.resolution, self.channels)   # uint8; float per batch
        self.labels = dataset.labels
        self.dataset_name = dataset.name
        self.batches_per_epoch = max(1, len(self.data) // config.batch_size)
        gen = torch.Generator().manual_seed(config.seed + 1)
        k = config.grid_size ** 2
        self.fixed_z = torch.randn(k, int_fact(self.G, "z_dim"), generator=gen)
        self.fixed_labels = torch.arange(k) % n_classes if n_classes else None
        self.classifier: DigitClassifier | None = None
        if config.watch_classes and dataset.channels == 1:
            self._watch_classes(dataset, gen)
        self.step = 0
        self.history: list[StepEvent] = []
        self._perm: torch.Tensor | None = None
        self._perm_epoch = -1
        self._d_count = 0                # D updates so far within the current train_step
        self._last = {"d_loss": math.nan, "d_real": math.nan, "d_fake": math.nan, "g_loss": math.nan}
        self.finite = True               # False once a loss went NaN or infinite: nothing is saved after that
        self.last_checkpoint: tuple[int, Path] | None = None   # (step, path) of the latest save into out_dir
        if resume or resume_from is not None:
            self._resume(resume_from)
        self._prepare_training_forward()
        if world.rank > 0:   # rank 0 alone writes; the others draw numbers of their own
            self.out_dir = None
            self.rng.load(rank_rng_state(config.seed, self.step, world.rank),
                          rank_rng_state(config.seed + 0x5EED, self.step, world.rank))
        self._saved_step = self.step     # what out_dir/last.safetensors holds (or nothing worth saving yet)
        self._saved_at = time.monotonic()

    def _watch_classes(self, dataset: ImageDataset, gen: torch.Generator) -> None:
        """Load the bundled digit classifier for the class histogram, if the data are digits."""
        from ganexplorer.core.metrics.digit_classifier import BUNDLED, digits_like, load_classifier

        if not (digits_like(dataset.name) and BUNDLED.exists()):
            return
        self.classifier = load_classifier()[0]
        self.class_z = torch.randn(CLASS_SAMPLES, int_fact(self.G, "z_dim"), generator=gen)
        self.class_c = torch.arange(CLASS_SAMPLES) % self.n_classes if self.n_classes else None
        pick = torch.randperm(len(dataset.images), generator=torch.Generator().manual_seed(0))[:GATE_REAL_IMAGES]
        self.digit_gate = DigitGate(self.classifier, dataset.images[pick].float() / 127.5 - 1)

    def _init_models(self) -> None:
        self.G.apply(dcgan_init)
        self.D.apply(dcgan_init)

    def modules(self) -> dict[str, nn.Module]:
        """Every network the trainer keeps, by checkpoint prefix (StyleGAN2 adds ``G_ema``)."""
        return {"G": self.G, "D": self.D}

    def _generate(self, G: nn.Module, z: torch.Tensor, c: torch.Tensor | None) -> torch.Tensor:
        """G's training forward pass (StyleGAN2 overrides it with style mixing)."""
        return G(z, c)

    def _make_optimizers(self) -> tuple[torch.optim.Optimizer, torch.optim.Optimizer]:
        c = self.config
        return (torch.optim.Adam(self.G.parameters(), lr=c.lr, betas=(c.beta1, c.beta2)),
                torch.optim.Adam(self.D.parameters(), lr=c.lr, betas=(c.beta1, c.beta2)))

    def condition(self, labels: torch.Tensor | None) -> torch.Tensor | None:
        """Class labels as the generator takes them (DCGAN: indices; StyleGAN2 overrides: one-hot)."""
        return labels

    @property
    def sampler(self) -> nn.Module:
        """The generator whose pictures are shown (StyleGAN2 shows its moving average)."""
        return self.G

    # -- data -----------------------------------------------------------------------------------
    @property
    def epoch(self) -> int:
        return (self.step * self.config.d_steps) // self.batches_per_epoch

    def _batch(self, k: int) -> tuple[torch.Tensor, torch.Tensor | None]:
        """The k-th batch overall; epochs reshuffle with a seed derived from the epoch number."""
        epoch, j = divmod(k, self.batches_per_epoch)
        if self._perm is None or self._perm_epoch != epoch:
            g = torch.Generator().manual_seed(self.config.seed * 100_003 + epoch)
            self._perm = torch.randperm(len(self.data), generator=g)
            self._perm_epoch = epoch
        idx = self._perm[batch_slice(j, self.config.batch_size, self.world)]
        labels = None
        if self.n_classes:
            assert self.labels is not None   # a conditional run's data carry labels
            labels = to_device(self.labels[idx], self.device)
        return batch_on(self.data, idx, self.device), labels

    def _z(self, n: int) -> tuple[torch.Tensor, torch.Tensor | None]:
        """Latents (and random labels) drawn on the CPU from the trainer's stream, then moved: the same
        numbers on any device."""
        g = self.rng.draws
        z = to_device(torch.randn(n, int_fact(self.G, "z_dim"), generator=g), self.device)
        c = to_device(torch.randint(0, self.n_classes, (n,), generator=g), self.device) if self.n_classes else None
        return z, c

    # -- single steps ---------------------------------------------------------------------------
    def _step_d(self) -> None:
        self.G.train()
        self.D.train()
        x, c = self._batch(self.step * self.config.d_steps + self._d_count)
        self._d_count += 1
        z, cz = self._z(len(x))
        if self.n_classes:
            cz = c
        with torch.no_grad():
            fake = self.G_fwd(z, cz)
        p_real, p_fake = self.D_train(x, c), self.D_train(fake, cz)
        if not self._all_finite(p_real, p_fake):
            self._last.update(d_loss=math.nan, d_real=math.nan, d_fake=math.nan)
            return  # reported by run(); no update from garbage
        loss = losses.d_loss(self.config.loss, p_real, p_fake)
        self.opt_d.zero_grad(set_to_none=True)
        self.precision.backward_step(loss, self.opt_d)
        self._last.update(d_loss=float(loss.detach()), d_real=float(p_real.detach().mean()),
                          d_fake=float(p_fake.detach().mean()))

    def _step_g(self) -> None:
        self.G.train()
        self.D.train()
        z, c = self._z(self.local_batch)
        p_fake = self.D_fwd(self.G_train(z, c), c)
        if not self._all_finite(p_fake):
            self._last["g_loss"] = math.nan
            return
        loss = losses.g_loss(self.config.loss, p_fake)
        self.opt_g.zero_grad(set_to_none=True)
        self.precision.backward_step(loss, self.opt_g, self.g_params)   # G's gradients only: D's go unused
        self._last["g_loss"] = float(loss.detach())

    @torch.no_grad()
    def _measure(self) -> tuple[float, float]:
        x, c = self._batch(self.step * self.config.d_steps)
        z, cz = self._z(len(x))
        fake = self.G(z, c if self.n_classes else cz)
        return float(self.D(x, c).mean()), float(self.D(fake, c if self.n_classes else cz).mean())

    def single_step(self, which: str) -> Iterator[object]:
        """Step mode: one D update (``'d'``) or one G update (``'g'``), counted as a step of its own so the
        plots get a new point; D(x) and D(G(z)) are re-measured after it and the sample grid is redrawn."""
        if which not in ("d", "g"):
            raise ValueError(f"single_step takes 'd' or 'g', not {which!r}")
        self._d_count = 0
        (self._step_d if which == "d" else self._step_g)()
        self.step += 1
        d_real, d_fake = self._measure()
        self._last.update(d_real=d_real, d_fake=d_fake)
        last = self._last
        ev = StepEvent(self.step, self.epoch, last["d_loss"], last["g_loss"], d_real, d_fake, 0.0,
                       last.get("r1", math.nan), kind=which)
        self.history.append(ev)
        yield ev
        yield from self._samples()

    def train_step(self) -> dict[str, float]:
        """``d_steps`` D updates then one G update; returns the last losses."""
        self._d_count = 0
        for _ in range(self.config.d_steps):
            self._step_d()
        self._step_g()
        self.step += 1
        return dict(self._last)

    # -- samples and checkpoints ----------------------------------------------------------------
    @torch.no_grad()
    def sample_grid(self) -> np.ndarray:
        with evaluating(self.sampler):
            imgs = self.sampler(*self._on_device(self.fixed_z, self.fixed_labels))
        return grid([to_uint8(im) for im in imgs], cols=self.config.grid_size, pad=2, fill=40)

    @torch.no_grad()
    def class_histogram(self) -> ClassHistogramEvent | None:
        """The digit classifier's view of 200 fixed-noise samples (None for non-digit data)."""
        if self.classifier is None:
            return None
        with evaluating(self.sampler):
            images = self.sampler(*self._on_device(self.class_z, self.class_c)).cpu()   # the classifier's side
        r = class_report(self.classifier, images, gate=self.digit_gate)
        return ClassHistogramEvent(self.step, r.counts, r.coverage, r.confident_share, len(images))

    def _samples(self) -> Iterator[object]:
        if not self.world.is_main:   # rank 0 alone draws and shows samples
            return
        yield SamplesEvent(self.step, self.sample_grid())
        hist = self.class_histogram()
        if hist is not None:
            yield hist

    def save_checkpoint(self, path: str | Path | None = None) -> Path:
        """Write the whole training state atomically: ``out_dir/last.safetensors`` unless ``path`` is given."""
        own = path is None
        if path is not None:
            path = Path(path)
        else:
            assert self.out_dir is not None, "a run without an output folder saves only to a path it is given"
            path = self.out_dir / "last.safetensors"
        write_checkpoint(path, self.family, self.G, self.D, self.ema_module(), **self.state_dict())
        if own:
            self._saved_step, self._saved_at = self.step, time.monotonic()
            self.last_checkpoint = (self.step, path)
        return path

    def _resume(self, path: str | Path | None = None) -> None:
        path = Path(path) if path is not None else self.out_dir / "last.safetensors" if self.out_dir else None
        if path is None:
            raise ValueError(message("train.resume_nothing"))
        state = read_checkpoint(path, self.family, self.config.model)
        try:
            self.load_state_dict(state)
        except (RuntimeError, KeyError, ValueError) as e:   # shapes of another layout (a file without settings)
            raise fit_error(path, self.config.model, e) from None

    # -- what a subclass adds to a checkpoint (StyleGAN2: the moving average and its counters) --
    def extra_state(self) -> dict[str, torch.Tensor]:
        """Tensors of the subclass's own training state, saved next to the optimisers'."""
        return {}

    def load_extra_state(self, tensors: dict[str, torch.Tensor]) -> None:
        """Take back what :meth:`extra_state` saved (absent keys: an older checkpoint, keep the fresh state)."""

    def ema_module(self) -> nn.Module | None:
        """The moving average of G saved as the checkpoint's ``G_ema`` (None: the family keeps none)."""
        return None

    # -- the loop -------------------------------------------------------------------------------
    def _checkpoint_due(self) -> bool:
        """Every ``checkpoint_every`` steps or ``checkpoint_minutes`` after the last save, whichever comes first."""
        cfg = self.config
        if self.out_dir is None or self.step == self._saved_step:
            return False
        by_steps = bool(cfg.checkpoint_every) and self.step % cfg.checkpoint_every == 0
        every = 60 * cfg.checkpoint_minutes
        if self.last_checkpoint is None:   # nothing saved yet in this run: do not wait the whole interval
            every = min(every, FIRST_CHECKPOINT_SECONDS)
        by_time = bool(cfg.checkpoint_minutes) and time.monotonic() - self._saved_at >= every
        return by_steps or by_time

    def _save_if_unsaved(self) -> CheckpointEvent | None:
        """Save what was trained since the last save (never after a NaN/Inf loss: the last good file stays)."""
        if self.out_dir is None or not self.finite or self.step == self._saved_step:
            return None
        return CheckpointEvent(self.step, self.save_checkpoint())

    def run(self, max_steps: int | None = None, epochs: float | None = None,
            minutes: float | None = None) -> Iterator[object]:
        """Yield events; stops after ``max_steps`` total steps, ``epochs`` epochs or ``minutes`` of training.

        Closing the generator (a consumer's Stop) saves the steps trained since the last checkpoint."""
        cfg = self.config
        limit = max_steps
        if epochs is not None:
            limit = math.ceil(epochs * self.batches_per_epoch / cfg.d_steps)
        try:
            if self.step == 0:
                yield from self._samples()
            else:
                yield LogEvent(message("train.resumed", step=self.step, epoch=self.epoch))
            deadline = time.monotonic() + 60 * minutes if minutes is not None else None   # training time only
            t_last, n_last = time.perf_counter(), 0
            rate = 0.0
            self._saved_at = time.monotonic()   # the minutes between checkpoints count from the start of the run
            while (limit is None or self.step < limit) and not self._time_is_up(deadline):
                losses = self.train_step()
                n_last += 1
                now = time.perf_counter()
                if now - t_last >= 1.0:
                    rate, t_last, n_last = n_last / (now - t_last), now, 0
                finite = all(math.isfinite(losses[k]) for k in ("d_loss", "g_loss", "d_real", "d_fake"))
                if any_rank(not finite, self.world, self.device):
                    self.finite = False
                    yield StoppedEvent(self.step, "nan", message("train.nan", step=self.step))
                    return
                ev = StepEvent(self.step, self.epoch, losses["d_loss"], losses["g_loss"], losses["d_real"],
                               losses["d_fake"], rate, losses.get("r1", math.nan))
                self.history.append(ev)
                events: list[object] = [ev]
                if cfg.log_every and self.step % cfg.log_every == 0 and self.world.is_main:
                    events.append(LogEvent(format_log(ev)))
                if cfg.sample_every and self.step % cfg.sample_every == 0:
                    events.extend(self._samples())
                if self._checkpoint_due():
                    try:
                        events.append(CheckpointEvent(self.step, self.save_checkpoint()))
                    except WriteError as e:   # a full disk: say so and stop; the last good file stays
                        yield StoppedEvent(self.step, "error", str(e))
                        return
                for event in events:
                    t_held = time.perf_counter()
                    yield event
                    t_last += time.perf_counter() - t_held   # a paused consumer is not slow training
            self._end_together()
            try:
                saved = self._save_if_unsaved()
            except WriteError as e:
                yield StoppedEvent(self.step, "error", str(e))
                return
            if saved is not None:
                yield saved
            yield from self._samples()
            yield StoppedEvent(self.step, "finished")
        except GeneratorExit:   # stopped by the consumer: keep what was trained
            self._save_if_unsaved()
            raise
