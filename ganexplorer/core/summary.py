"""Layer tables for G and D (type, output shape, parameters), as students see in lectures.

Shapes are recorded with forward hooks during one small forward pass, so they are the
real ones, not recomputed by hand.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Callable

import torch
from torch import nn

from ganexplorer.core.messages import message
from ganexplorer.core.models.facts import int_fact
from ganexplorer.core.models.modes import evaluating
from ganexplorer.core.models.stylegan2 import SynthesisLayer, ToRGBLayer
from ganexplorer.core.models.stylegan2_discriminator import MinibatchStdLayer
from ganexplorer.core.models.stylegan2_layers import Conv2dLayer, FullyConnectedLayer

# Composite modules shown as one row (their inner affine etc. are part of the layer).
_ATOMIC = (SynthesisLayer, ToRGBLayer, FullyConnectedLayer, Conv2dLayer, MinibatchStdLayer)


@dataclass
class LayerRow:
    name: str
    kind: str
    output_shape: tuple[int, ...] | None
    parameters: int


def _own_params(m: nn.Module) -> int:
    return sum(p.numel() for p in m.parameters(recurse=False))


def layer_table(module: nn.Module, *inputs: torch.Tensor | None) -> list[LayerRow]:
    """Run ``module(*inputs)`` once and list its layers in execution order."""
    rows: list[LayerRow] = []
    seen: set[str] = set()
    hooks = []
    atomic_names: set[str] = set()

    def visit(prefix: str, m: nn.Module) -> None:
        for name, child in m.named_children():
            full = f"{prefix}.{name}" if prefix else name
            if isinstance(child, _ATOMIC) or not any(True for _ in child.children()):
                atomic_names.add(full)
                hooks.append(child.register_forward_hook(_hook(full)))
            else:
                visit(full, child)

    def _hook(name: str):
        def fn(mod: nn.Module, args: tuple, out: torch.Tensor) -> None:
            if name in seen:
                return
            seen.add(name)
            shape = tuple(out.shape) if isinstance(out, torch.Tensor) else None
            rows.append(LayerRow(name, type(mod).__name__, shape, sum(p.numel() for p in mod.parameters())))
        return fn

    visit("", module)
    try:
        with evaluating(module), torch.no_grad():
            module(*inputs)
    finally:
        for h in hooks:
            h.remove()
    # Parameters owned directly by containers (e.g. StyleGAN2's learned 4x4 constant).
    for name, m in module.named_modules():
        if name not in atomic_names and not any(name.startswith(a + ".") for a in atomic_names):
            n = _own_params(m)
            if n:
                for pname, p in m.named_parameters(recurse=False):
                    full = f"{name}.{pname}" if name else pname
                    at = next((i for i, r in enumerate(rows) if name and r.name.startswith(name + ".")), len(rows))
                    rows.insert(at, LayerRow(full, "Parameter", tuple(p.shape), p.numel()))
    return rows


def _width(text: str) -> int:
    """Terminal columns: a Korean (wide) letter takes two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _left(text: str, columns: int) -> str:
    return text + " " * max(0, columns - _width(text))


def _right(text: str, columns: int) -> str:
    return " " * max(0, columns - _width(text)) + text


def format_table(title: str, rows: list[LayerRow], trainable: int | None = None,
                 say: Callable[[str], str] = str) -> str:
    """Fixed-width text table with a total line; ``say`` puts its headings in the reader's language (the CLI's)."""
    head = [say(message(code)) for code in ("summary.layer", "summary.type", "summary.shape", "summary.params")]
    w_name = max([_width(head[0])] + [len(r.name) for r in rows])
    w_kind = max([_width(head[1])] + [len(r.kind) for r in rows])
    shapes = ["[" + ", ".join(str(s) for s in r.output_shape) + "]" if r.output_shape else "-" for r in rows]
    w_shape = max([_width(head[2])] + [len(s) for s in shapes])
    w_params = max(12, _width(head[3]))
    line = "-" * (w_name + w_kind + w_shape + w_params + 6)
    out = [title, line, f"{_left(head[0], w_name)}  {_left(head[1], w_kind)}  {_left(head[2], w_shape)}  "
                        f"{_right(head[3], w_params)}", line]
    for r, s in zip(rows, shapes):
        out.append(f"{r.name:<{w_name}}  {r.kind:<{w_kind}}  {s:<{w_shape}}  {r.parameters:>{w_params},}")
    out.append(line)
    total = sum(r.parameters for r in rows)
    out.append(say(message("summary.total", count=f"{total:,}")))
    if trainable is not None and trainable != total:
        out.append(say(message("summary.trainable", count=f"{trainable:,}")))
    return "\n".join(out)


def example_inputs_g(G: nn.Module) -> tuple[torch.Tensor, torch.Tensor | None]:
    z = torch.randn(1, int_fact(G, "z_dim"))
    c = None
    if G.c_dim:
        c = torch.zeros(1, int_fact(G, "c_dim"))
        c[0, 0] = 1
    return z, c


def example_inputs_d(D: nn.Module, G: nn.Module) -> tuple[torch.Tensor, torch.Tensor | None]:
    n = 4  # minibatch-std layers need a group
    res = int_fact(G, "img_resolution")
    img = torch.zeros(n, int_fact(G, "img_channels"), res, res)
    c = None
    if G.c_dim:
        c = torch.zeros(n, int_fact(G, "c_dim"))
        c[:, 0] = 1
    return img, c
