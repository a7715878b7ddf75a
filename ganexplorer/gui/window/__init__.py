"""The main window: menus, files (open, save, export, drop), the model loader."""
