"""The projection itself: a plain iterator of events, cancellable between steps (like the training loops).

NVIDIA StyleGAN2-ADA ``projector.py`` semantics where they apply: start from the mean w over
10,000 mapped z (seeded ``RandomState(123)``), add Gaussian noise to w scaled by the ws' spread,
ramped down to zero over the first 75 % of the steps (it shakes the search out of the first
valley), learning rate ramped up over 5 % and down (cosine) over the last 25 %, Adam with
betas (0.9, 0.999). Differences, on purpose: the distance needs nothing downloaded (see
``distance``); the stored noise maps stay as they are unless ``optimize_noise`` is chosen (then
they are optimised with NVIDIA's regulariser and kept with the result), so a projected w renders
the same picture in the Explore tab; the space can be one w for every layer ('w', the default:
stays editable), one per layer ('w+') or z (DCGAN / MLP models, whose only latent it is, starting
at the prior's mean 0). Conditional models use the given class, or compare each class's mean w
with the target and keep the nearest.

The projector works on its own copy of the generator (``copy.deepcopy``), so the window can keep
rendering with the original on another thread, and takes gradients only with respect to the
latent (``torch.autograd.grad``): the model's weights are never written.
"""

from __future__ import annotations

import copy
import math
from dataclasses import dataclass, field
from typing import Callable, Iterator, cast

import numpy as np
import torch

from ganexplorer.core.formats.loaded import LoadedModel
from ganexplorer.core.models.stylegan2 import Generator, NoiseControl
from ganexplorer.core.project.distance import PERCEPTUAL_WEIGHT, Distance, psnr, shipped_features
from ganexplorer.core.render.images import to_uint8

SPACES = ("w", "w+", "z")
DEFAULT_STEPS = 200
MAX_STEPS = 100_000


@dataclass(frozen=True)
class ProjectSettings:
    """What the user chooses (space, steps, seed, noise, class) and NVIDIA's schedule constants."""

    space: str = "w"                    # 'w' | 'w+' (style-based) | 'z' (the only choice for DCGAN / MLP)
    num_steps: int = DEFAULT_STEPS
    seed: int = 0                       # the noise added to w early on
    optimize_noise: bool = False        # also fit the per-layer noise maps (kept with the result)
    label: int | None = None            # conditional models: None = try each class's mean w, keep the nearest
    picture_every: int = 10             # a picture in the events every k steps (and at the end)
    perceptual_weight: float = PERCEPTUAL_WEIGHT
    initial_lr: float = 0.1
    initial_noise_factor: float = 0.05
    lr_rampdown_length: float = 0.25
    lr_rampup_length: float = 0.05
    noise_ramp_length: float = 0.75
    regularize_noise_weight: float = 1e5
    w_avg_samples: int = 10_000

    def __post_init__(self) -> None:
        if self.space not in SPACES:
            raise ValueError(f"the projection space must be one of {', '.join(SPACES)}, not {self.space!r}")
        if not 1 <= self.num_steps <= MAX_STEPS:
            raise ValueError(f"the number of steps must be in 1..{MAX_STEPS}, not {self.num_steps}")
        if not 0 <= self.seed < 2 ** 32:
            raise ValueError(f"the seed must be in 0..{2 ** 32 - 1}, not {self.seed}")
        if self.picture_every < 1:
            raise ValueError("a picture must be shown at least every step (picture_every >= 1)")
        if not (math.isfinite(self.perceptual_weight) and self.perceptual_weight >= 0):
            raise ValueError("the perceptual weight must be a finite number >= 0")


@dataclass(frozen=True)
class ProjectEvent:
    """One step's news. ``latent`` is in the result's space: 'w' [w_dim], 'w+' [num_ws, w_dim], 'z' [z_dim]."""

    step: int                            # 0: before the first step
    num_steps: int
    distance: float
    space: str
    label: int | None
    picture: np.ndarray | None = None    # uint8 [R, R, 3], every picture_every steps and at the end
    latent: np.ndarray | None = None     # with each picture
    psnr: float | None = None            # with each picture: the picture against the target, in dB
    done: bool = False
    noise: dict[str, np.ndarray] = field(default_factory=dict)   # fitted noise maps (optimize_noise), at the end


def check_space(model: LoadedModel, space: str) -> None:
    """Style-based models project into w or w+; the others only into z."""
    if model.is_style_based and space == "z":
        raise ValueError("a StyleGAN2 model projects into w or w+, not z")
    if not model.is_style_based and space != "z":
        raise ValueError(f"this {model.family} model has no w: it projects into z")


def _lr_ramp(t: float, s: ProjectSettings) -> float:
    ramp = min(1.0, (1.0 - t) / s.lr_rampdown_length)
    ramp = 0.5 - 0.5 * math.cos(ramp * math.pi)
    return ramp * min(1.0, t / s.lr_rampup_length)


def _noise_regularizer(maps: list[torch.Tensor]) -> torch.Tensor:
    """NVIDIA's: squared autocorrelation at shift 1 in x and y, at every scale down to 8 px."""
    reg = maps[0].new_zeros(())
    for n in maps:
        n = n[None, None]
        while True:
            reg = reg + (n * torch.roll(n, 1, dims=3)).mean() ** 2 + (n * torch.roll(n, 1, dims=2)).mean() ** 2
            if n.shape[2] <= 8:
                break
            n = torch.nn.functional.avg_pool2d(n, 2)
    return reg


class Projector:
    """``for ev in Projector(model, target, settings).run(cancel): ...`` (see the module docstring)."""

    def __init__(self, model: LoadedModel, target: torch.Tensor, settings: ProjectSettings = ProjectSettings(),
                 device: torch.device | str | None = None) -> None:
        check_space(model, settings.space)
        if target.shape[1:] != (model.channels, model.resolution, model.resolution):
            raise ValueError(f"the target is {list(target.shape[1:])}, the model draws "
                             f"{[model.channels, model.resolution, model.resolution]}")
        if settings.label is not None and not 0 <= settings.label < max(1, model.c_dim):
            raise ValueError(f"the class must be in 0..{model.c_dim - 1}" if model.c_dim
                             else "a class was given, but this model is not conditional")
        self.model, self.settings = model, settings
        self.device = torch.device(device) if device is not None else model.device
        self.G = copy.deepcopy(model.G).to(self.device).eval()
        for p in self.G.parameters():
            p.requires_grad_(False)
        self.target = target.to(self.device, torch.float32)
        self.target_rgb = to_uint8(self.target)
        features = shipped_features(model.channels, model.resolution) if settings.perceptual_weight > 0 else None
        self.distance = Distance(self.target, features, settings.perceptual_weight)

    # -- the start ---------------------------------------------------------------------------
    def _label(self, c: int | None) -> torch.Tensor | None:
        if not self.model.c_dim:
            return None
        onehot = torch.zeros(1, self.model.c_dim, device=self.device)
        onehot[0, int(c or 0)] = 1
        return onehot

    @torch.no_grad()
    def _w_stats(self, label: int | None, samples: int) -> tuple[torch.Tensor, float]:
        """Mean w [1, w_dim] and its spread sqrt(E||w - mean||²) over ``samples`` mapped z (NVIDIA's seed 123)."""
        z = torch.from_numpy(np.random.RandomState(123).randn(samples, self.model.z_dim)).float()
        ws = []
        for chunk in z.split(1000):
            c = self._label(label)
            ws.append(cast(Generator, self.G).mapping(chunk.to(self.device), None if c is None else c.expand(len(chunk), -1))[:, 0])
        w = torch.cat(ws)
        avg = w.mean(0, keepdim=True)
        return avg, float(((w - avg).square().sum() / samples).sqrt())

    def _synth(self, latent: torch.Tensor, label: int | None, noise: NoiseControl) -> torch.Tensor:
        if not self.model.is_style_based:
            return self.G(latent, self._label(label))
        ws = latent.expand(-1, self.model.num_ws, -1) if latent.shape[1] == 1 else latent
        return cast(Generator, self.G).synthesis(ws, noise=noise)

    @torch.no_grad()
    def _pick_label(self) -> int | None:
        """The given class; else the class whose mean picture is nearest the target (conditional models)."""
        s = self.settings
        if not self.model.c_dim or s.label is not None:
            return s.label
        best, best_d = 0, float("inf")
        for c in range(self.model.c_dim):
            if self.model.is_style_based:
                avg, _ = self._w_stats(c, min(1000, s.w_avg_samples))
                img = self._synth(avg[:, None], c, NoiseControl("const"))
            else:
                img = self._synth(torch.zeros(1, self.model.z_dim, device=self.device), c, NoiseControl("const"))
            d = float(self.distance(img))
            if d < best_d:
                best, best_d = c, d
        return best

    def _noise_maps(self) -> list[tuple[str, torch.Tensor]]:
        """The synthesis layers' stored noise maps, made leaf tensors we may optimise (on our copy only)."""
        out = []
        for name, mod in self.G.named_modules():
            buf = getattr(mod, "noise_const", None)
            if isinstance(buf, torch.Tensor):
                n = buf.detach().clone()
                n = ((n - n.mean()) / (n.std() + 1e-8)).requires_grad_(True)
                mod.noise_const = n          # a buffer slot takes the tensor we optimise
                out.append((name, n))
        return out

    # -- the loop ----------------------------------------------------------------------------
    def run(self, cancel: Callable[[], bool] | None = None) -> Iterator[ProjectEvent]:
        """Yield an event per step; stop quietly (after the current step) when ``cancel()`` is true."""
        s = self.settings
        label = self._pick_label()
        gen = torch.Generator().manual_seed(s.seed)
        if self.model.is_style_based:
            avg, spread = self._w_stats(label, s.w_avg_samples)
            rows = self.model.num_ws if s.space == "w+" else 1
            latent = avg[:, None].repeat(1, rows, 1).clone().requires_grad_(True)
        else:
            spread = 1.0   # z ~ N(0, I): the prior's spread per dimension ... and its mean, 0, is the start
            latent = torch.zeros(1, self.model.z_dim, device=self.device, requires_grad=True)
        maps = self._noise_maps() if s.optimize_noise and self.model.is_style_based else []
        params = [latent] + [n for _, n in maps]
        opt = torch.optim.Adam(params, lr=s.initial_lr, betas=(0.9, 0.999))
        noise = NoiseControl("const")
        yield self._event(0, latent, label, noise, float("nan"))
        for step in range(1, s.num_steps + 1):
            if cancel is not None and cancel():
                return
            t = (step - 1) / s.num_steps
            scale = spread * s.initial_noise_factor * max(0.0, 1.0 - t / s.noise_ramp_length) ** 2
            for g in opt.param_groups:
                g["lr"] = s.initial_lr * _lr_ramp(t, s)
            shake = torch.randn(latent.shape, generator=gen).to(self.device) * scale
            img = self._synth(latent + shake, label, noise)
            dist = self.distance(img)
            loss = dist + s.regularize_noise_weight * _noise_regularizer([n for _, n in maps]) if maps else dist
            grads = torch.autograd.grad(loss, params)
            for p, grad in zip(params, grads):
                p.grad = grad
            opt.step()
            if maps:
                with torch.no_grad():
                    for _, n in maps:
                        n.sub_(n.mean()).div_(n.square().mean().sqrt() + 1e-8)
            last = step == s.num_steps
            if last or step % s.picture_every == 0:
                yield self._event(step, latent, label, noise, float(dist.detach()), last, maps if last else [])
            else:
                yield ProjectEvent(step, s.num_steps, float(dist.detach()), s.space, label)

    @torch.no_grad()
    def _event(self, step: int, latent: torch.Tensor, label: int | None, noise: NoiseControl, dist: float,
               done: bool = False, maps: list[tuple[str, torch.Tensor]] | None = None) -> ProjectEvent:
        img = self._synth(latent, label, noise)
        if done or step == 0:
            dist = float(self.distance(img))
        rgb = to_uint8(img)
        lat = latent.detach().to("cpu", torch.float32).numpy()[0]
        if self.settings.space == "w":
            lat = lat[0]
        return ProjectEvent(step, self.settings.num_steps, dist, self.settings.space, label, rgb, lat.copy(),
                            psnr(rgb, self.target_rgb), done,
                            {name: n.detach().cpu().numpy().copy() for name, n in (maps or [])})
