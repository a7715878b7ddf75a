"""Opening an explorer state file: a regular file of bounded size, JSON of bounded depth, every field checked.

The window's Open state goes through :func:`read_state_file`; whatever is wrong with the file (a FIFO, 3 GB, not
JSON, 1e400 where a seed goes, 250k switched-off channels) is one ValueError whose text names the file, and
the state the user had stays. The fields themselves are bounded in :mod:`.explorer_values`; a file at the size
cap parses in well under 20 s and 1.5 GB.
"""

from __future__ import annotations

import json
import os
from typing import Any

from ganexplorer.app.explorer_state import ExplorerState
from ganexplorer.app.state_json import state_from_file
from ganexplorer.core.guarded import read_bounded_text, refusal
from ganexplorer.core.messages import message

MAX_STATE_BYTES = 32 * 2 ** 20   # 64 direction sets of 64 x 512 floats as JSON fit in about half of this


def read_state_file(path: str | os.PathLike[str], current: ExplorerState | None = None
                    ) -> tuple[ExplorerState, str | None]:
    """The state in ``path`` and the checkpoint it names (None if it names none)."""
    text = read_bounded_text(path, MAX_STATE_BYTES, "explorer state file")
    try:
        data: Any = json.loads(text)
    except (ValueError, RecursionError):
        raise refusal(path, message("state.not_json")) from None
    try:
        state = state_from_file(data, current)
        checkpoint = data.get("checkpoint")
        if checkpoint is not None and not isinstance(checkpoint, str):
            raise ValueError("the checkpoint is named by a path")
    except (ValueError, RecursionError) as e:
        raise refusal(path, message("state.unshowable", detail=str(e)[:200])) from None
    return state, checkpoint
