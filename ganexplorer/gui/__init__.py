"""The Qt layer: windows, panels, workers. Thin: it builds requests and shows results."""
