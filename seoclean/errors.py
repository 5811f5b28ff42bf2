"""Errors with messages that say what to do. Input errors never take a batch down: the batch
turns them into an error record and goes on."""

from __future__ import annotations


class SeocleanError(Exception):
    """Base class for every error seoclean raises on purpose."""


class InputError(SeocleanError):
    """The input cannot be analysed (empty, binary, too large, undecodable)."""

    kind = "input"


class EmptyInputError(InputError):
    kind = "empty"


class BinaryInputError(InputError):
    kind = "binary"


class InputTooLargeError(InputError):
    kind = "too-large"


class DecodingError(InputError):
    kind = "undecodable"


class ConfigError(SeocleanError):
    """A bad setting or flag."""


class ModelError(SeocleanError):
    """A classifier file that cannot be used: missing, altered, untrusted or built for other
    features. The message names the file and the fix."""
