"""Train a small StyleGAN2 with the same event loop as the lecture models.

What makes it StyleGAN2 training (as described in the StyleGAN2 and StyleGAN2-ADA papers
and NVIDIA's ``training/loss.py``): the non-saturating logistic loss on D's logits, lazy R1
on real images every ``r1_interval`` D steps (scaled by the interval, with Adam's lr and
betas adjusted by interval / (interval + 1)), style-mixing regularisation, random noise,
a tracked ``w_avg``, optional lazy path-length regularisation, and an exponential moving
average of G, which is what the sample grids, the checkpoint's ``G_ema`` and the explorer
show. Optional differentiable augmentation (``augment``) helps D not to memorise a small dataset.
One difference: where NVIDIA takes a separate optimiser step for the regulariser,
we add it to the main loss of the same step (one D forward on the real batch instead of two).
All of it (latents, mixing cutoffs, noise inputs, augmentation, path-length directions) draws from
the trainer's own RNG (``GANTrainer.rng``), so a resumed run goes on bit-exactly.
"""

from __future__ import annotations

import copy
import math
from typing import Iterator

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from ganexplorer.core.models.stylegan2 import Generator, NoiseControl
from ganexplorer.core.render.images import grid, to_uint8
from ganexplorer.core.train.augment import diff_augment
from ganexplorer.core.train.events import MixingEvent
from ganexplorer.core.train.gan_trainer import GANTrainer
from ganexplorer.core.train.placement import to_device

MIX_ROWS, MIX_COLS = 3, 6


class StyleGAN2Trainer(GANTrainer):
    """A StyleGAN2 generator and residual discriminator; ``run()`` yields the usual events."""

    G: Generator   # built by build_generator for the 'stylegan2' family

    def _init_models(self) -> None:
        # Equalised learning rate: the layers already hold N(0, 1) weights scaled at run time.
        self.G_ema = copy.deepcopy(self.G).eval().requires_grad_(False)
        self.pl_mean = torch.zeros([])
        self._d_updates = 0
        self._g_updates = 0
        self.r1_applied = 0    # how many D updates carried the R1 term (for the curious and the tests)
        gen = torch.Generator().manual_seed(self.config.seed + 2)
        self.mix_z = torch.randn(MIX_ROWS + MIX_COLS, self.G.z_dim, generator=gen)
        self.train_noise = NoiseControl("random", generator=self.rng.draws)   # noise inputs: ours alone

    def _make_optimizers(self) -> tuple[torch.optim.Optimizer, torch.optim.Optimizer]:
        c = self.config

        def adam(params, interval: int | None) -> torch.optim.Optimizer:
            r = interval / (interval + 1) if interval else 1.0
            return torch.optim.Adam(params, lr=c.lr * r, betas=(c.beta1 ** r, c.beta2 ** r), eps=1e-8)

        return (adam(self.G.parameters(), c.pl_interval if c.pl_weight > 0 else None),
                adam(self.D.parameters(), c.r1_interval if c.r1_gamma > 0 else None))

    @property
    def sampler(self) -> nn.Module:
        return self.G_ema

    def modules(self) -> dict[str, nn.Module]:
        return {"G": self.G, "D": self.D, "G_ema": self.G_ema}

    def _place(self) -> None:
        super()._place()
        self.pl_mean = self.pl_mean.to(self.device)

    # -- generation with style mixing -----------------------------------------------------------
    def condition(self, labels: torch.Tensor | None) -> torch.Tensor | None:
        return F.one_hot(labels, self.n_classes).float() if labels is not None and self.n_classes else None

    def _ws(self, G: Generator, n: int, c: torch.Tensor | None = None) -> torch.Tensor:
        """Mapped latents for a batch (labels ``c``, one-hot, for conditional models); with probability
        ``mixing_prob`` the styles after a random cutoff come from a second z (style-mixing regularisation).
        Every number is drawn on the CPU from the trainer's stream, on any device; the mapping runs in
        float32 under mixed precision too (``Precision.full``)."""
        with self.precision.full():
            g = self.rng.draws
            ws = G.mapping(to_device(torch.randn(n, G.z_dim, generator=g), self.device), c, update_w_avg=True)
            if self.config.mixing_prob > 0 and torch.rand([], generator=g) < self.config.mixing_prob:
                cutoff = int(torch.randint(1, G.num_ws, [], generator=g))
                ws2 = G.mapping(to_device(torch.randn(n, G.z_dim, generator=g), self.device), c)
                ws = torch.cat([ws[:, :cutoff], ws2[:, cutoff:]], dim=1)
        return ws

    # Its own inputs and outputs (a batch size in, images and ws out): only Forward calls it, with these.
    def _generate(  # type: ignore[override]
        self, G: Generator, n: int, c: torch.Tensor | None
    ) -> tuple[torch.Tensor, torch.Tensor]:
        """Images and the ws that drew them (the path-length penalty differentiates by the ws).

        Run as the forward of ``G_fwd`` / ``G_train`` (``gan_trainer``), so that DDP sees it; the ws go
        to float32 first, so the tensor returned is the one synthesis read, also under autocast."""
        ws = self._ws(G, n, c).float()
        return G.synthesis(ws, noise=self.train_noise), ws

    # -- single steps ---------------------------------------------------------------------------
    def _step_d(self) -> None:
        """Logistic loss on a real and a fake batch; every ``r1_interval`` updates, plus lazy R1."""
        c = self.config
        self.G.train()
        self.D.train()
        x, labels = self._batch(self.step * c.d_steps + self._d_count)
        self._d_count += 1
        cond = self.condition(labels)   # fakes get the real batch's labels
        with torch.no_grad():
            fake = self.G_fwd(len(x), cond)[0]
        do_r1 = c.r1_gamma > 0 and self._d_updates % c.r1_interval == 0   # the same step on every process
        x = diff_augment(x, c.augment, generator=self.rng.draws).detach().requires_grad_(do_r1)
        fake = diff_augment(fake, c.augment, generator=self.rng.draws)
        logits_fake, logits_real = self.D_train(fake, cond), self.D_train(x, cond)
        if not self._all_finite(logits_real, logits_fake):
            self._last.update(d_loss=math.nan, d_real=math.nan, d_fake=math.nan)
            return
        loss = F.softplus(logits_fake).mean() + F.softplus(-logits_real).mean()
        self._last["d_loss"] = float(loss.detach())
        if do_r1:
            grad = self.precision.penalty_grad(logits_real.sum(), x)
            r1 = grad.square().sum(dim=[1, 2, 3]).mean()
            loss = loss + r1 * (c.r1_gamma / 2) * c.r1_interval
            self._last["r1"] = float(r1.detach())
            self.r1_applied += 1
        self.opt_d.zero_grad(set_to_none=True)
        self.precision.backward_step(loss, self.opt_d)
        self._d_updates += 1
        self._last.update(d_real=float(torch.sigmoid(logits_real.detach()).mean()),
                          d_fake=float(torch.sigmoid(logits_fake.detach()).mean()))

    def _step_g(self) -> None:
        """Non-saturating loss -log sigmoid(D(G(z))); lazy path-length penalty; then the EMA update."""
        c = self.config
        self.G.train()
        self.D.train()
        cond = self.condition(self._z(self.local_batch)[1])
        logits = self.D_fwd(diff_augment(self.G_train(self.local_batch, cond)[0], c.augment,
                                        generator=self.rng.draws), cond)
        if not self._all_finite(logits):
            self._last["g_loss"] = math.nan
            return
        loss = F.softplus(-logits).mean()
        self._last["g_loss"] = float(loss.detach())
        if c.pl_weight > 0 and self._g_updates % c.pl_interval == 0:   # the same step on every process
            loss = loss + self._path_length_penalty() * c.pl_interval
        self.opt_g.zero_grad(set_to_none=True)
        self.precision.backward_step(loss, self.opt_g, self.g_params)   # G's gradients only: D's go unused
        self._g_updates += 1
        self._update_ema()

    @torch.no_grad()
    def _measure(self) -> tuple[float, float]:
        """sigmoid(D) on the next real batch and on fresh fakes, no augmentation, no update (step mode)."""
        x, labels = self._batch(self.step * self.config.d_steps)
        cond = self.condition(labels)
        z = to_device(torch.randn(len(x), self.G.z_dim, generator=self.rng.draws), self.device)
        fake = self.G.synthesis(self.G.mapping(z, cond), noise=self.train_noise)
        return float(torch.sigmoid(self.D(x, cond)).mean()), float(torch.sigmoid(self.D(fake, cond)).mean())

    def _path_length_penalty(self) -> torch.Tensor:
        """(|J_w^T y| - a)^2 with y random images: keeps a fixed step in w a fixed change in the picture."""
        n = max(self.local_batch // 2, 1)
        img, ws = self.G_train(n, self.condition(self._z(n)[1]))
        y = to_device(torch.randn(img.shape, generator=self.rng.draws), self.device)
        y = y / math.sqrt(img.shape[2] * img.shape[3])
        grad = self.precision.penalty_grad((img * y).sum(), ws)
        lengths = grad.square().sum(dim=2).mean(dim=1).sqrt()
        self.pl_mean = self.pl_mean.lerp(lengths.mean().detach(), 0.01)
        return (lengths - self.pl_mean).square().mean() * self.config.pl_weight

    @torch.no_grad()
    def _update_ema(self) -> None:
        c = self.config
        nimg = c.ema_kimg * 1000
        if c.ema_rampup:
            nimg = min(nimg, (self.step + 1) * c.batch_size * c.ema_rampup)
        beta = 0.5 ** (c.batch_size / max(nimg, 1e-8))
        for p_ema, p in zip(self.G_ema.parameters(), self.G.parameters()):
            p_ema.copy_(p.lerp(p_ema, beta))
        for b_ema, b in zip(self.G_ema.buffers(), self.G.buffers()):
            b_ema.copy_(b)

    # -- samples --------------------------------------------------------------------------------
    @torch.no_grad()
    def mixing_strip(self) -> np.ndarray:
        """Column seeds on top, row seeds on the left; each cell is its row with the column's coarse
        styles (the first half of the ws), as in the StyleGAN paper's figure."""
        G = self.G_ema
        labels = torch.arange(MIX_ROWS + MIX_COLS) % self.n_classes if self.n_classes else None
        ws = G.mapping(*self._on_device(self.mix_z, labels))
        rows, cols = ws[:MIX_ROWS], ws[MIX_ROWS:]
        coarse = max(1, G.num_ws // 2)
        mixed = rows.unsqueeze(1).repeat(1, MIX_COLS, 1, 1)
        mixed[:, :, :coarse] = cols[:, :coarse].unsqueeze(0)
        imgs = G.synthesis(torch.cat([ws, mixed.flatten(0, 1)]), noise=NoiseControl("const"))
        tiles = [to_uint8(im) for im in imgs]
        blank = np.full_like(tiles[0], 40)
        seq = [blank] + tiles[MIX_ROWS:MIX_ROWS + MIX_COLS]
        for r in range(MIX_ROWS):
            seq += [tiles[r]] + tiles[MIX_ROWS + MIX_COLS + r * MIX_COLS:MIX_ROWS + MIX_COLS + (r + 1) * MIX_COLS]
        return grid(seq, cols=MIX_COLS + 1, pad=2, fill=40)

    def _samples(self) -> Iterator[object]:
        if not self.world.is_main:
            return
        yield from super()._samples()
        yield MixingEvent(self.step, self.mixing_strip())

    # -- checkpoint extras ----------------------------------------------------------------------
    def ema_module(self) -> nn.Module:
        return self.G_ema

    def extra_state(self) -> dict[str, torch.Tensor]:
        return {"train.pl_mean": self.pl_mean.reshape(1), "train.mix_z": self.mix_z,
                "train.updates": torch.tensor([self._d_updates, self._g_updates])}

    def load_extra_state(self, tensors: dict[str, torch.Tensor]) -> None:
        ema = {k[len("G_ema."):]: v for k, v in tensors.items() if k.startswith("G_ema.")}
        if ema:
            self.G_ema.load_state_dict(ema)
        if "train.pl_mean" in tensors:
            self.pl_mean = tensors["train.pl_mean"].reshape([]).to(self.device)
        if "train.mix_z" in tensors:
            self.mix_z = tensors["train.mix_z"]
        if "train.updates" in tensors:
            self._d_updates, self._g_updates = (int(v) for v in tensors["train.updates"])
