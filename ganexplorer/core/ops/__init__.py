"""StyleGAN2's low-level ops.

Each op has a pure-PyTorch reference implementation here: it is the CPU path and
the ground truth that any fused GPU kernel is checked against.
"""

from ganexplorer.core.ops.bias_act import bias_act
from ganexplorer.core.ops.upfirdn2d import downsample2d, make_filter, upfirdn2d, upsample2d
from ganexplorer.core.ops.conv2d_resample import conv2d_resample

__all__ = ["bias_act", "conv2d_resample", "downsample2d", "make_filter", "upfirdn2d", "upsample2d"]
