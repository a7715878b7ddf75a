"""One 2-D GAN run: G, D, their optimisers, single D and G steps, and ``run()``, a plain iterator of events.

The GUI drives ``run()`` on a worker thread (and single steps while paused); the CLI drives it in a
loop. A step that makes a loss, a weight or a sample non-finite (or samples fly off beyond 10^4)
ends the run with a :class:`Diverged` event instead of training on NaN.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

import numpy as np
from threadpoolctl import threadpool_limits

from ganexplorer.core.lab2d import losses
from ganexplorer.core.lab2d.config import Lab2DConfig, check
from ganexplorer.core.lab2d.metrics import SAMPLES, Coverage, coverage
from ganexplorer.core.lab2d.nets import DTYPE, MLP, Adam
from ganexplorer.core.lab2d.targets import Target
from ganexplorer.core.messages import Message, message

FAR = 1e4    # generated samples beyond this have diverged
HUGE = 1e6   # so have losses beyond this (Adam keeps weights finite, but a critic's values can run away)


def one_blas_thread():
    """A context in which NumPy's matrix products run on one thread: for these [256, 64] products,
    BLAS threads cost far more than they bring (40x slower on a busy two-core machine)."""
    return threadpool_limits(limits=1, user_api="blas")


@dataclass(frozen=True)
class StepEvent:
    step: int            # G updates done
    d_loss: float
    g_loss: float


@dataclass(frozen=True)
class CoverageEvent:
    step: int
    coverage: Coverage | None     # None for a target without modes
    seconds: float
    d_loss: float = float("nan")
    g_loss: float = float("nan")


@dataclass(frozen=True)
class Diverged:
    step: int
    reason: str          # a core sentence (a Message: the GUI and the CLI say it in the user's language)

    def line(self) -> Message:
        return message("lab2d.diverged", step=self.step, reason=self.reason)


@dataclass(frozen=True)
class Finished:
    step: int
    seconds: float
    coverage: Coverage | None


class Lab2D:
    """G maps z ~ N(0, I) to the plane; D scores points of the plane."""

    def __init__(self, target: Target, config: Lab2DConfig) -> None:
        check(config)
        self.target, self.config = target, config
        c = config
        self.rng = np.random.default_rng(c.seed)
        hidden = [c.width] * c.depth
        self.G = MLP([c.z_dim, *hidden, 2], self.rng)
        self.D = MLP([2, *hidden, 1], self.rng)
        self.opt_g = Adam(self.G, c.lr_g, (c.beta1, c.beta2))
        self.opt_d = Adam(self.D, c.lr_d, (c.beta1, c.beta2))
        self.step = 0                  # G updates done
        self.d_updates = 0
        self.seconds = 0.0
        self.last_d_loss = self.last_g_loss = float("nan")
        self.diverged: Diverged | None = None
        pts = target.centres if target.centres is not None else target.points
        # Training runs in units of the target's size (grid25 spans +-4, ring8 +-2): Adam's steps then mean
        # the same on every target. Samples leave and points enter in the plane's own units.
        self.scale = float(max(0.1, np.sqrt((np.asarray(pts) ** 2).sum(axis=1).mean())))
        self.shown_real = target.sample(500, np.random.default_rng(c.seed + 2))   # the plane's real dots
        self.eval_z = np.random.default_rng(c.seed + 1).uniform(-1.0, 1.0, (SAMPLES, c.z_dim)).astype(DTYPE)

    # -- sampling ---------------------------------------------------------------------------------
    def noise(self, n: int) -> np.ndarray:
        """z ~ U(-1, 1)^z_dim: a square maps onto a grid of modes more easily than a Gaussian's tails."""
        return self.rng.uniform(-1.0, 1.0, (n, self.config.z_dim)).astype(DTYPE)

    def generate(self, z: np.ndarray | None = None) -> np.ndarray:
        """G's samples [n, 2] for z (default: the fixed evaluation noise of 2,500 samples)."""
        return self.G.forward(self.eval_z if z is None else z)[0] * DTYPE(self.scale)

    def d_out(self, x: np.ndarray) -> np.ndarray:
        """D's raw output [n, 1] at points x [n, 2] of the plane."""
        return self.D.forward(np.asarray(x, dtype=DTYPE) / DTYPE(self.scale))[0]

    def real(self, n: int) -> np.ndarray:
        """n real samples in training units."""
        return self.target.sample(n, self.rng) / DTYPE(self.scale)

    def _lr_scale(self) -> float:
        c = self.config
        start = c.decay_from * c.steps
        if self.step <= start or c.steps <= start:
            return 1.0
        return 1.0 - 0.9 * min(1.0, (self.step - start) / (c.steps - start))

    # -- steps ------------------------------------------------------------------------------------
    def d_step(self) -> float:
        """One D update on a real and a generated batch; returns D's loss."""
        c, D = self.config, self.D
        real = self.real(c.batch)
        fake = self.G.forward(self.noise(c.batch))[0]
        both = np.concatenate([real, fake])
        out, cache = D.forward(both)
        value, g_real, g_fake = losses.d_loss(c.loss, out[:c.batch], out[c.batch:])
        D.backward(cache, np.concatenate([g_real, g_fake]))
        if c.penalty > 0 and c.loss in ("r1", "wgan-gp"):
            value += self._penalty(real, fake, cache)
        self.opt_d.lr = c.lr_d * self._lr_scale()
        self.opt_d.step()
        self.d_updates += 1
        self.last_d_loss = value
        return value

    def _penalty(self, real: np.ndarray, fake: np.ndarray, cache: list) -> float:
        """Add the gradient penalty's weight gradient to D's: R1 (gamma/2 |grad D(real)|^2) or
        WGAN-GP (lambda (|grad D(x)| - 1)^2 on points between real and generated samples)."""
        c, D = self.config, self.D
        n = len(real)
        if c.loss == "r1":      # the real rows of the D step's own forward pass
            cache = [(h[:n], None if m is None else m[:n]) for h, m in cache]
        else:
            t = self.rng.random((n, 1), dtype=DTYPE)
            _, cache = D.forward(t * real + (1 - t) * fake)
        g, us = D.input_grad(cache)
        if c.loss == "r1":
            value = 0.5 * c.penalty * float((g * g).sum(axis=1).mean())
            dg = (c.penalty / n) * g
        else:
            norm = np.sqrt((g * g).sum(axis=1, keepdims=True) + 1e-12)
            value = c.penalty * float(((norm - 1) ** 2).mean())
            dg = (2 * c.penalty / n) * (norm - 1) / norm * g
        D.penalty_backward(cache, us, dg)
        return value

    def g_step(self) -> float:
        """One G update through D; returns G's loss."""
        c, G, D = self.config, self.G, self.D
        fake, g_cache = G.forward(self.noise(c.batch))
        out, d_cache = D.forward(fake)
        value, grad = losses.g_loss(c.loss, out)
        d_fake = D.grad_inputs(d_cache, grad)
        G.backward(g_cache, d_fake)
        self.opt_g.lr = c.lr_g * self._lr_scale()
        self.opt_g.step()
        self.step += 1
        self.last_g_loss = value
        return value

    def single(self, which: str) -> None:
        """One D update ("d"), one G update ("g") or a whole step ("both"), on one BLAS thread."""
        with one_blas_thread():
            {"d": self.d_step, "g": self.g_step}.get(which, self.train_step)()

    def train_step(self) -> StepEvent:
        """d_steps D updates then one G update."""
        t0 = time.perf_counter()
        for _ in range(self.config.d_steps):
            self.d_step()
        self.g_step()
        self.seconds += time.perf_counter() - t0
        return StepEvent(self.step, self.last_d_loss, self.last_g_loss)

    # -- watching ---------------------------------------------------------------------------------
    def check_diverged(self) -> Diverged | None:
        """A Diverged event when the losses, weights or samples have left the finite world."""
        reason: Message | None = None
        if not (np.isfinite(self.last_d_loss) or self.d_updates == 0) or \
                not (np.isfinite(self.last_g_loss) or self.step == 0):
            reason = message("lab2d.reason_loss")
        elif abs(self.last_d_loss) > HUGE or abs(self.last_g_loss) > HUGE:
            reason = message("lab2d.reason_runaway")
        elif not (np.isfinite(self.G.theta).all() and np.isfinite(self.D.theta).all()):
            reason = message("lab2d.reason_weight")
        else:
            s = self.G.forward(self.eval_z[:256])[0]
            if not np.isfinite(s).all() or np.abs(s).max() > FAR:
                reason = message("lab2d.reason_samples")
        if reason is not None:
            self.diverged = Diverged(self.step, reason)
        return self.diverged

    def coverage(self) -> CoverageEvent:
        return CoverageEvent(self.step, coverage(self.target, self.generate()), self.seconds,
                             self.last_d_loss, self.last_g_loss)

    def run(self, every: int = 100, step_events: bool = True,
            tick: Callable[["Lab2D"], Iterable[object]] | None = None) -> Iterator[object]:
        """Train to ``config.steps``: a StepEvent per step (unless not ``step_events``), a CoverageEvent
        every ``every`` steps, ``tick(self)``'s events after each step (a plane snapshot now and then),
        then Finished -- or Diverged, and nothing more."""
        with one_blas_thread():
            yield from self._run(every, step_events, tick)

    def _run(self, every: int, step_events: bool, tick) -> Iterator[object]:
        while self.step < self.config.steps:
            ev = self.train_step()
            if step_events:
                yield ev
            if tick is not None:
                yield from tick(self)
            finite = abs(ev.d_loss) <= HUGE and abs(ev.g_loss) <= HUGE     # False for NaN too
            if not finite or self.step % every == 0 or self.step == self.config.steps:
                bad = self.check_diverged()
                if bad is not None:
                    yield bad
                    return
                yield self.coverage()
        yield Finished(self.step, self.seconds, coverage(self.target, self.generate()))
