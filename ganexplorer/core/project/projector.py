"""The projection itself: a plain iterator of events, cancellable between steps (like the training loops).

NVIDIA StyleGAN2-ADA ``projector.py`` semantics where they apply: start from the mean w over 10,000
mapped z (seeded ``RandomState(123)``), add Gaussian noise to w scaled by the ws' spread, ramped
down to zero over the first 75 % of the steps (it shakes the search out of the first valley),
learning rate 0.1 ramped up over 5 % and down (cosine) over the last 25 %, Adam with betas (0.9,
0.999); 200 steps instead of its 1000 (a GPU's budget). Shorter or other schedules were measured on
the bundled digits (benchmarks/bench_project.py; PSNR of pictures it generated, worst / mean over
seeds 0-11 unless said); NVIDIA's, kept, is the only one that kept every picture above the issue's
33 dB and every drawn digit's class: 33.2 / 34.6 dB; 150 steps 32.9 at worst (seeds 0-5), 100 steps
32.2 (seeds 0-5); lr 0.05 with the noise over half the steps: 200 steps 33.0 / 35.6, 120 steps 31.7
/ 34.4; the noise over 60 %: 33.6 / 35.0, but the drawn hexagonal 0 then comes back as a 2.
Differences, on purpose: the distance needs nothing downloaded (see ``distance``); the stored noise
maps stay as they are unless ``optimize_noise`` is chosen (then they are optimised with NVIDIA's
regulariser and kept with the result), so a projected w renders the same picture in the Explore tab;
the space can be one w for every layer ('w', the default: stays editable), one per layer ('w+') or z
(DCGAN / MLP models, whose only latent it is, starting at the prior's mean 0).

Conditional models use the given class, or try each: every class runs the first ``trial_steps``
steps of the same schedule, the one whose attempt is then nearest the target continues from
where it stands to the end. The winner's result is exactly what choosing its class would give.

Speed (benchmarks/bench_project.py): the projector works on one torch thread for small models
(the bundled digits: a step's ops are too short to split, and on a shared CPU two threads wait for
each other: 15 ms a step on one thread, 200+ ms on two under load), set on its own thread only so
the window's renderer keeps its count; the mean w is computed once per model and class; Adam is
written out (constructing ``torch.optim.Adam`` imports ``torch._dynamo``: 2 s and more in a fresh
process, longer than the whole projection of a digit).

The projector works on its own copy of the generator (``copy.deepcopy``), so the window can keep
rendering with the original on another thread, and takes gradients only with respect to the
latent (``torch.autograd.grad``): the model's weights are never written.
"""

from __future__ import annotations

import copy
import math
import threading
import weakref
from dataclasses import dataclass, field
from typing import Callable, Iterator, cast

import numpy as np
import torch
from torch import nn

from ganexplorer.core.formats.loaded import LoadedModel
from ganexplorer.core.messages import message
from ganexplorer.core.models.stylegan2 import Generator, NoiseControl
from ganexplorer.core.project.distance import PERCEPTUAL_WEIGHT, Distance, psnr, shipped_features
from ganexplorer.core.render.images import to_uint8
from ganexplorer.core.threads import threads_for, using_threads

SPACES = ("w", "w+", "z")
DEFAULT_STEPS = 200   # fewer lose the 33 dB on some digits (see the module docstring)
MAX_STEPS = 100_000


@dataclass(frozen=True)
class ProjectSettings:
    """What the user chooses (space, steps, seed, noise, class) and NVIDIA's schedule constants."""

    space: str = "w"                    # 'w' | 'w+' (style-based) | 'z' (the only choice for DCGAN / MLP)
    num_steps: int = DEFAULT_STEPS
    seed: int = 0                       # the noise added to w early on
    optimize_noise: bool = False        # also fit the per-layer noise maps (kept with the result)
    label: int | None = None            # conditional models: None = try each class for trial_steps, finish the best
    picture_every: int = 10             # a picture in the events every k steps (and at the end)
    perceptual_weight: float = PERCEPTUAL_WEIGHT
    trial_steps: int | None = None      # steps each class gets when trying them all (None: a tenth, at least 5)
    threads: int | None = None          # torch threads of the projecting thread (None: by the model's size)
    initial_lr: float = 0.1
    initial_noise_factor: float = 0.05
    lr_rampdown_length: float = 0.25
    lr_rampup_length: float = 0.05
    noise_ramp_length: float = 0.75
    regularize_noise_weight: float = 1e5
    w_avg_samples: int = 10_000

    def __post_init__(self) -> None:
        if self.space not in SPACES:
            raise ValueError(message("train.choice", name="the projection space", choices=", ".join(SPACES),
                                     value=repr(self.space)))
        if not 1 <= self.num_steps <= MAX_STEPS:
            raise ValueError(message("proj.steps", most=MAX_STEPS, value=self.num_steps))
        if not 0 <= self.seed < 2 ** 32:
            raise ValueError(message("proj.seed", most=2 ** 32 - 1, value=self.seed))
        if self.picture_every < 1:
            raise ValueError(message("proj.picture_every"))
        if not (math.isfinite(self.perceptual_weight) and self.perceptual_weight >= 0):
            raise ValueError(message("proj.perceptual"))
        if self.trial_steps is not None and self.trial_steps < 1:
            raise ValueError(message("proj.trial_steps"))
        if self.threads is not None and self.threads < 1:
            raise ValueError(message("proj.threads"))

    @property
    def steps_per_trial(self) -> int:
        """Steps each class gets when all are tried: never more than the whole run."""
        k = self.trial_steps if self.trial_steps is not None else max(5, self.num_steps // 10)
        return min(k, self.num_steps)


@dataclass(frozen=True)
class ProjectEvent:
    """One step's news. ``latent`` is in the result's space: 'w' [w_dim], 'w+' [num_ws, w_dim], 'z' [z_dim]."""

    step: int                            # 0: before the first step
    num_steps: int
    distance: float
    space: str
    label: int | None                    # the class this attempt draws (conditional models)
    picture: np.ndarray | None = None    # uint8 [R, R, 3], every picture_every steps and at the end
    latent: np.ndarray | None = None     # with each picture
    psnr: float | None = None            # with each picture: the picture against the target, in dB
    done: bool = False
    noise: dict[str, np.ndarray] = field(default_factory=dict)   # fitted noise maps (optimize_noise), at the end
    trial: bool = False                  # a step of one class's trial run (every class is being tried)
    tried: tuple[float, ...] = ()        # every event after the trials: each class's distance after its trial


def check_space(model: LoadedModel, space: str) -> None:
    """Style-based models project into w or w+; the others only into z."""
    if model.is_style_based and space == "z":
        raise ValueError(message("proj.space_z"))
    if not model.is_style_based and space != "z":
        raise ValueError(message("proj.space_w", family=model.family))


def projection_threads(G: nn.Module, available: int | None = None) -> int:
    """torch threads to project with, by G's parameters (the rule of :mod:`ganexplorer.core.threads`)."""
    return threads_for(sum(p.numel() for p in G.parameters()), available)


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


class _Adam:
    """torch.optim.Adam's single-tensor update (betas (0.9, 0.999), eps 1e-8), written out: see the module doc."""

    def __init__(self, params: list[torch.Tensor], betas: tuple[float, float] = (0.9, 0.999),
                 eps: float = 1e-8) -> None:
        self.params, self.betas, self.eps, self.t = params, betas, eps, 0
        self.m = [torch.zeros_like(p) for p in params]
        self.v = [torch.zeros_like(p) for p in params]

    @torch.no_grad()
    def step(self, grads: tuple[torch.Tensor, ...], lr: float) -> None:
        self.t += 1
        b1, b2 = self.betas
        c1, c2 = 1 - b1 ** self.t, 1 - b2 ** self.t
        for p, g, m, v in zip(self.params, grads, self.m, self.v):
            m.mul_(b1).add_(g, alpha=1 - b1)
            v.mul_(b2).addcmul_(g, g, value=1 - b2)
            p.addcdiv_(m, v.sqrt().div_(math.sqrt(c2)).add_(self.eps), value=-lr / c1)


@dataclass
class _Attempt:
    """One class's run: where its latent, noise maps, Adam moments and shaking RNG stand after ``step`` steps."""

    label: int | None
    latent: torch.Tensor
    maps: list[tuple[str, torch.Tensor]]
    adam: _Adam
    gen: torch.Generator
    spread: float
    step: int = 0


# The mean w and spread of 10,000 mapped z, per generator (the model's own, not the projector's copy) and class:
# the window projects drawing after drawing with the same model, and trying each class needs each class's.
_W_STATS: weakref.WeakKeyDictionary[nn.Module, dict[tuple[int | None, int], tuple[torch.Tensor, float]]] = \
    weakref.WeakKeyDictionary()
_W_STATS_LOCK = threading.Lock()


class Projector:
    """``for ev in Projector(model, target, settings).run(cancel): ...`` (see the module docstring)."""

    def __init__(self, model: LoadedModel, target: torch.Tensor, settings: ProjectSettings = ProjectSettings(),
                 device: torch.device | str | None = None) -> None:
        check_space(model, settings.space)
        if target.shape[1:] != (model.channels, model.resolution, model.resolution):
            raise ValueError(message("proj.target_shape", shape=list(target.shape[1:]),
                                     drawn=[model.channels, model.resolution, model.resolution]))
        if settings.label is not None and not 0 <= settings.label < max(1, model.c_dim):
            raise ValueError(message("proj.class_range", most=model.c_dim - 1) if model.c_dim
                             else message("proj.not_conditional"))
        self.model, self.settings = model, settings
        self.device = torch.device(device) if device is not None else model.device
        self.G = copy.deepcopy(model.G).to(self.device).eval()
        for p in self.G.parameters():
            p.requires_grad_(False)
        self.threads = settings.threads or projection_threads(self.G)
        self.target = target.to(self.device, torch.float32)
        self.target_rgb = to_uint8(self.target)
        features = shipped_features(model.channels, model.resolution) if settings.perceptual_weight > 0 else None
        self.distance = Distance(self.target, features, settings.perceptual_weight)
        self._stored_noise = {name: buf.detach().clone() for name, buf in self._noise_buffers()}

    @property
    def tries_each_class(self) -> bool:
        """Whether every class is tried first (a conditional model and no class chosen)."""
        return bool(self.model.c_dim) and self.settings.label is None

    @property
    def total_steps(self) -> int:
        """Optimisation steps in all, the trials included (for progress bars)."""
        s = self.settings
        extra = (self.model.c_dim - 1) * s.steps_per_trial if self.tries_each_class else 0
        return s.num_steps + extra

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
        key = (label if self.model.c_dim else None, samples)
        with _W_STATS_LOCK:
            known = _W_STATS.get(self.model.G, {}).get(key)
        if known is not None:
            return known[0].to(self.device), known[1]
        z = torch.from_numpy(np.random.RandomState(123).randn(samples, self.model.z_dim)).float()
        c = self._label(label)
        ws = [cast(Generator, self.G).mapping(chunk.to(self.device), None if c is None else c.expand(len(chunk), -1))[:, 0]
              for chunk in z.split(2500)]
        w = torch.cat(ws)
        avg = w.mean(0, keepdim=True)
        spread = float(((w - avg).square().sum() / samples).sqrt())
        with _W_STATS_LOCK:
            _W_STATS.setdefault(self.model.G, {})[key] = (avg.cpu(), spread)
        return avg, spread

    def _synth(self, latent: torch.Tensor, label: int | None, noise: NoiseControl) -> torch.Tensor:
        if not self.model.is_style_based:
            return self.G(latent, self._label(label))
        ws = latent.expand(-1, self.model.num_ws, -1) if latent.shape[1] == 1 else latent
        return cast(Generator, self.G).synthesis(ws, noise=noise)

    def _noise_buffers(self) -> list[tuple[str, torch.Tensor]]:
        return [(name, buf) for name, mod in self.G.named_modules()
                if isinstance(buf := getattr(mod, "noise_const", None), torch.Tensor)]

    def _install(self, maps: list[tuple[str, torch.Tensor]]) -> None:
        """Make ``maps`` the noise the synthesis layers of our copy read (each attempt has its own)."""
        modules = dict(self.G.named_modules())
        for name, n in maps:
            modules[name].noise_const = n   # a buffer slot takes the tensor we optimise

    def _start(self, label: int | None) -> _Attempt:
        s = self.settings
        if self.model.is_style_based:
            avg, spread = self._w_stats(label, s.w_avg_samples)
            rows = self.model.num_ws if s.space == "w+" else 1
            latent = avg[:, None].repeat(1, rows, 1).clone().requires_grad_(True)
        else:
            spread = 1.0   # z ~ N(0, I): the prior's spread per dimension ... and its mean, 0, is the start
            latent = torch.zeros(1, self.model.z_dim, device=self.device, requires_grad=True)
        maps = []
        if s.optimize_noise and self.model.is_style_based:
            for name, n in self._stored_noise.items():
                maps.append((name, ((n - n.mean()) / (n.std() + 1e-8)).requires_grad_(True)))
        return _Attempt(label, latent, maps, _Adam([latent] + [n for _, n in maps]),
                        torch.Generator().manual_seed(s.seed), spread)

    # -- the loop ----------------------------------------------------------------------------
    def run(self, cancel: Callable[[], bool] | None = None) -> Iterator[ProjectEvent]:
        """Yield an event per step; stop quietly (after the current step) when ``cancel()`` is true.

        The projecting thread uses ``self.threads`` torch threads while the iterator runs (a thread's own
        setting: the window's render thread keeps its count); the caller's count comes back at the end."""
        with using_threads(self.threads):
            yield from self._run(cancel)

    def _run(self, cancel: Callable[[], bool] | None) -> Iterator[ProjectEvent]:
        s = self.settings
        tried: tuple[float, ...] = ()
        if self.tries_each_class:
            k, best, distances = s.steps_per_trial, None, []
            for c in range(self.model.c_dim):
                attempt = self._start(c)
                for ev in self._steps(attempt, k, cancel, trial=True):
                    yield ev
                if attempt.step < k:
                    return   # cancelled
                distances.append(self._distance(attempt))
                if best is None or distances[-1] < distances[cast(int, best.label)]:
                    best = attempt
            attempt, tried = cast(_Attempt, best), tuple(distances)
        else:
            attempt = self._start(s.label)
        yield from self._steps(attempt, s.num_steps, cancel, tried=tried)

    @torch.no_grad()
    def _distance(self, a: _Attempt) -> float:
        self._install(a.maps)
        return float(self.distance(self._synth(a.latent, a.label, NoiseControl("const"))))

    def _steps(self, a: _Attempt, until: int, cancel: Callable[[], bool] | None, trial: bool = False,
               tried: tuple[float, ...] = ()) -> Iterator[ProjectEvent]:
        """Advance ``a`` to step ``until`` of the schedule: an event per step (and one at step 0 if it starts
        there). ``tried`` (the classes' trial distances) rides on every event after the trials."""
        s = self.settings
        noise = NoiseControl("const")
        maps = [n for _, n in a.maps]
        params = [a.latent] + maps
        self._install(a.maps)
        if a.step == 0:
            yield self._event(a, float("nan"), trial=trial)
        elif a.step == s.num_steps and not trial:   # the trial was the whole run: the winner is the result
            yield self._event(a, float("nan"), done=True, tried=tried)
        while a.step < until:
            if cancel is not None and cancel():
                return
            t = a.step / s.num_steps
            scale = a.spread * s.initial_noise_factor * max(0.0, 1.0 - t / s.noise_ramp_length) ** 2
            shaken = a.latent + torch.randn(a.latent.shape, generator=a.gen).to(self.device) * scale \
                if scale > 0 else a.latent
            dist = self.distance(self._synth(shaken, a.label, noise))
            loss = dist + s.regularize_noise_weight * _noise_regularizer(maps) if maps else dist
            a.adam.step(torch.autograd.grad(loss, params), s.initial_lr * _lr_ramp(t, s))
            if maps:
                with torch.no_grad():
                    for n in maps:
                        n.sub_(n.mean()).div_(n.square().mean().sqrt() + 1e-8)
            a.step += 1
            last = a.step == s.num_steps and not trial
            if last or a.step % s.picture_every == 0:
                yield self._event(a, float(dist.detach()), trial=trial, done=last, tried=tried)
            else:
                yield ProjectEvent(a.step, s.num_steps, float(dist.detach()), s.space, a.label, trial=trial,
                                   tried=tried)

    @torch.no_grad()
    def _event(self, a: _Attempt, dist: float, trial: bool = False, done: bool = False,
               tried: tuple[float, ...] = ()) -> ProjectEvent:
        img = self._synth(a.latent, a.label, NoiseControl("const"))
        if done or a.step == 0:
            dist = float(self.distance(img))
        rgb = to_uint8(img)
        lat = a.latent.detach().to("cpu", torch.float32).numpy()[0]
        if self.settings.space == "w":
            lat = lat[0]
        return ProjectEvent(a.step, self.settings.num_steps, dist, self.settings.space, a.label, rgb, lat.copy(),
                            psnr(rgb, self.target_rgb), done,
                            {name: n.detach().cpu().numpy().copy() for name, n in a.maps} if done else {},
                            trial, tried)
