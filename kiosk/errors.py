"""Errors whose message is written for the person who has to fix it (staff, IT), not for Python."""


class KioskError(Exception):
    """Base class: ``str(err)`` is a complete sentence a non-programmer can act on."""


class ConfigError(KioskError):
    """A data or configuration file is missing, unreadable or has a bad value."""


class ModelError(KioskError):
    """The shipped model cannot be trusted (missing, tampered with, or built for another version)."""


class PackError(KioskError):
    """An Argos translation pack is invalid or cannot be installed."""
