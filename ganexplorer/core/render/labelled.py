"""Directions from labels (InterFaceGAN, Shen et al. 2020): label a few pictures, get a slider.

The user marks generated pictures as having a property (1) or not (0); a linear boundary in w
separates them and its unit normal, pointing from 0 towards 1, is the direction ("+" means "more
of it"). With a few dozen labels in a 512-d space the classes are usually separable, so the fit is
an L2-regularised logistic regression (Newton's method, NumPy only: no new dependency), and how
well the labels really separate is the accuracy on labels the fit did not see (k-fold).
Conditional manipulation projects other directions out, so moving along the new one leaves
them unchanged to first order.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from threadpoolctl import threadpool_limits

from ganexplorer.core.messages import message

MIN_PER_CLASS = 4      # fewer cannot give a held-out accuracy that means anything
RIDGE = 1.0            # L2 penalty on the (centred, scaled) coefficients
MAX_SEED = 2 ** 32 - 1


@dataclass(frozen=True)
class Boundary:
    normal: np.ndarray        # [w_dim] unit vector from label 0 towards label 1
    heldout_accuracy: float   # fraction of labels predicted right by fits that did not see them
    counts: tuple[int, int]   # how many 0s and 1s


def check_labels(seeds: list[int], labels: list[int]) -> None:
    """Refuse labels that cannot give a direction: a seed out of range, a label not 0/1, too few of a class."""
    if len(seeds) != len(labels):
        raise ValueError(message("dirs.label_count"))
    for s in seeds:
        if not 0 <= s <= MAX_SEED:
            raise ValueError(message("dirs.seed_range", seed=s, high=MAX_SEED))
    check_classes(labels)


def check_classes(labels: list[int]) -> None:
    """Both labels present, each at least :data:`MIN_PER_CLASS` times, and nothing but 0 and 1."""
    for v in labels:
        if v not in (0, 1):
            raise ValueError(message("dirs.label_value", value=v))
    n1 = sum(labels)
    n0 = len(labels) - n1
    if n0 == 0 or n1 == 0:
        raise ValueError(message("dirs.one_class", label=0 if n0 == 0 else 1))
    if min(n0, n1) < MIN_PER_CLASS:
        raise ValueError(message("dirs.few_labels", low=MIN_PER_CLASS, n0=n0, n1=n1))


def _logistic(x: np.ndarray, y: np.ndarray, ridge: float = RIDGE, iters: int = 25) -> tuple[np.ndarray, float]:
    """Coefficients and intercept of an L2-regularised logistic regression by Newton's method (IRLS).

    The optimum lies in the row space of ``x`` (any part outside it only adds penalty), so the fit
    runs in the coordinates of that space: n x n instead of d x d when there are fewer labels than
    w has numbers (20 labels of a 512-d w: a 20-d problem, the same answer)."""
    if x.shape[0] < x.shape[1]:
        _, s, vt = np.linalg.svd(x, full_matrices=False)
        coef, b = _newton(x @ vt.T, y, ridge, iters)
        return vt.T @ coef, b
    return _newton(x, y, ridge, iters)


def _newton(x: np.ndarray, y: np.ndarray, ridge: float, iters: int) -> tuple[np.ndarray, float]:
    n, d = x.shape
    xa = np.hstack([x, np.ones((n, 1))])
    beta = np.zeros(d + 1)
    pen = np.full(d + 1, ridge)
    pen[-1] = 1e-6   # the intercept is barely penalised
    for _ in range(iters):
        p = 1 / (1 + np.exp(-np.clip(xa @ beta, -30, 30)))
        grad = xa.T @ (p - y) + pen * beta
        hess = (xa * (p * (1 - p))[:, None]).T @ xa + np.diag(pen)
        step = np.linalg.solve(hess, grad)
        beta -= step
        if np.abs(step).max() < 1e-8:
            break
    return beta[:-1], float(beta[-1])


def _scaled(ws: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    mean = ws.mean(axis=0)
    scale = ws.std(axis=0) + 1e-8
    return (ws - mean) / scale, mean, scale


def fit_boundary(ws: np.ndarray, labels: list[int] | np.ndarray, folds: int = 5, seed: int = 0) -> Boundary:
    """The unit normal of the boundary between ``ws`` [n, w_dim] labelled 0 and 1, and its held-out accuracy.

    Each coordinate is standardised before the fit (w's coordinates differ in scale); the normal is
    mapped back to w's own coordinates before it is normalised, so it is a direction in w."""
    with threadpool_limits(limits=1, user_api="blas"):   # tiny solves: BLAS threads cost 15x on a busy 2-core machine
        return _fit(ws, labels, folds, seed)


def _fit(ws: np.ndarray, labels: list[int] | np.ndarray, folds: int, seed: int) -> Boundary:
    y = np.asarray(labels, dtype=np.float64)
    check_classes([int(v) if v in (0, 1) else v for v in y.tolist()])
    x = np.asarray(ws, dtype=np.float64)
    xs, _, scale = _scaled(x)
    coef, _ = _logistic(xs, y)
    normal = coef / scale
    norm = np.linalg.norm(normal)
    if not np.isfinite(norm) or norm == 0:
        raise ValueError(message("dirs.no_boundary"))
    return Boundary((normal / norm).astype(np.float32), _heldout(x, y, folds, seed), (int((y == 0).sum()), int(y.sum())))


def _heldout(x: np.ndarray, y: np.ndarray, folds: int, seed: int) -> float:
    """Stratified k-fold accuracy: each label predicted by a fit on the others."""
    rng = np.random.RandomState(seed)
    fold = np.empty(len(y), dtype=int)
    for cls in (0, 1):
        idx = np.flatnonzero(y == cls)
        fold[rng.permutation(idx)] = np.arange(len(idx)) % folds
    right = 0
    for f in range(folds):
        test = fold == f
        if not test.any():
            continue
        xs, mean, scale = _scaled(x[~test])
        coef, b = _logistic(xs, y[~test])
        pred = ((x[test] - mean) / scale) @ coef + b > 0
        right += int((pred == (y[test] == 1)).sum())
    return right / len(y)


def project_out(direction: np.ndarray, others: np.ndarray | list[np.ndarray]) -> np.ndarray:
    """``direction`` with its component in the span of ``others`` removed, unit length (conditional manipulation)."""
    d = np.asarray(direction, dtype=np.float64)
    basis = np.atleast_2d(np.asarray(others, dtype=np.float64))
    if basis.size:
        q, _ = np.linalg.qr(basis.T)
        d = d - q @ (q.T @ d)
    norm = np.linalg.norm(d)
    if norm < 1e-6:
        raise ValueError(message("dirs.in_span"))
    return (d / norm).astype(np.float32)
