"""Load what training pulls into the process lazily, without freezing the other threads.

The first torch optimiser a process builds imports ``torch._dynamo`` (about 3 s, a thousand
modules). On a worker thread the import itself shares the interpreter fairly with the UI
thread, but the objects it creates set off full garbage collections, and each of those holds
the interpreter lock for 100-300 ms: the window stops answering (measured with
``benchmarks/bench_train_start.py``). So, on the main thread (the command line), the import runs
with the cyclic collector paused, and what the process holds afterwards is moved to the collector's
permanent generation (``gc.freeze``): modules live as long as the process anyway. The collector's
switches are the whole process's, so another thread never touches them: it could turn collection
back on under the window, which runs the collector itself, on its UI thread, from a timer
(``gui/app.collect_garbage_on_ui_thread``) — and there the import needs no pause.
"""

from __future__ import annotations

import gc
import sys
import threading

_LOCK = threading.Lock()


def preload_training_imports() -> None:
    """Import ``torch._dynamo`` (what ``torch.optim`` needs on first use) quietly; at once if already done."""
    with _LOCK:
        if "torch._dynamo" in sys.modules:
            return
        if threading.current_thread() is not threading.main_thread():
            try:
                import torch._dynamo  # noqa: F401
            except ImportError:
                pass
            return
        enabled = gc.isenabled()
        gc.disable()
        try:
            import torch._dynamo  # noqa: F401
        except ImportError:   # a trimmed install: the optimiser will say what is missing
            pass
        finally:
            gc.freeze()
            if enabled:
                gc.enable()
