"""StyleGAN2's low-level ops.

Each op has a pure-PyTorch reference implementation here: it is the CPU path and
the ground truth that any fused GPU kernel is checked against. ``fastpath`` holds the
faster CPU implementation of the synthesis layers; ``reference_path()`` switches it off.
"""

from ganexplorer.core.ops.bias_act import bias_act
from ganexplorer.core.ops.upfirdn2d import downsample2d, make_filter, upfirdn2d, upsample2d
from ganexplorer.core.ops.conv2d_resample import conv2d_resample
from ganexplorer.core.ops import fastpath
from ganexplorer.core.ops.fastpath import reference_path, set_reference_path

__all__ = [
    "bias_act", "conv2d_resample", "downsample2d", "fastpath", "make_filter", "reference_path", "set_reference_path",
    "upfirdn2d", "upsample2d",
]
