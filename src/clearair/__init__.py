"""clearair: a private, offline advisor for workplace conflict.

``from clearair import analyze; report = analyze(text)`` returns a
:class:`clearair.models.Report`; heavy imports (spaCy) happen on first use.
"""

from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["analyze", "InputError", "__version__"]


def analyze(text: str, about: str | None = None):
    """Analyse a workplace-conflict situation; ``about``: the other side's role as the writer gives it. See
    :func:`clearair.pipeline.analyze`."""
    from clearair.pipeline import analyze as _analyze

    return _analyze(text, about)


def __getattr__(name: str):
    if name == "InputError":
        from clearair.errors import InputError

        return InputError
    raise AttributeError(name)
