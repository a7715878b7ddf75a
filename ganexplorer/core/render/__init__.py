"""From an immutable request to a picture: latents, the renderer and image conversion."""

from ganexplorer.core.render.request import RenderRequest, WEdit
from ganexplorer.core.render.renderer import RenderResult, Renderer

__all__ = ["RenderRequest", "RenderResult", "Renderer", "WEdit"]
