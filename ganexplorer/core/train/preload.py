"""Load what training pulls into the process lazily, ahead of time and on any thread.

The first torch optimiser a process builds imports ``torch._dynamo`` (about 3 s, a thousand
modules). The Train tab imports it on a worker thread when it is first shown, so Start finds it
ready; the session calls this again and waits for that import if Start came first.

The import no longer touches the garbage collector. It used to pause it (``gc.disable``) and move
the heap to the permanent generation (``gc.freeze``), because the objects the import creates set
off full collections that hold the interpreter lock for 100-300 ms and the window stopped
answering. But the collector's switches are the whole process's, whatever thread flips them: a
worker thread turned collection off under everyone, and back on under the window, which runs the
collector itself, on its UI thread, from a timer (``gui/app.collect_garbage_on_ui_thread``: no
collection starts on a worker thread, so the import has nothing to pause there). The command line
has no window to keep answering, and the import took as long with the pause as without it there
(2.5-3.2 s either way, measured on a loaded 2-core machine). So nothing here needs the switches.
"""

from __future__ import annotations

import sys
import threading

_LOCK = threading.Lock()


def preload_training_imports() -> None:
    """Import ``torch._dynamo`` (what ``torch.optim`` needs on first use); at once if already done."""
    with _LOCK:
        if "torch._dynamo" in sys.modules:
            return
        try:
            import torch._dynamo  # noqa: F401
        except ImportError:   # a trimmed install: the optimiser will say what is missing
            pass
