"""The desktop assistant: PySide6 widgets over the Qt-free core, on one qasync event loop."""
