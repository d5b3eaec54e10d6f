"""amo-desktop: a desktop assistant that connects a business system to amoCRM and Kommo."""

__version__ = "0.1.0"
