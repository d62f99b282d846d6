"""The one error type users see: a clear, one-line message about their input."""


class InputError(ValueError):
    """Input clearair cannot analyse; ``str(err)`` is the one-line message."""
