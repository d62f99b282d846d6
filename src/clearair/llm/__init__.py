"""Model mode: clearair reads and advises through an OpenAI-compatible LLM
(local first), checked against the writer's words, with the offline engine as
the floor.

- ``config``: settings and where a server address points (this machine, a private network, elsewhere)
- ``prompt``: the messages sent (``clearair llm prompt FILE`` prints them)
- ``answer``: the answer's schema (sent with the request) and a tolerant parser
- ``client``: the HTTP chat call (structured-output fallbacks, streaming, deadline)
- ``checks``: quotes found in the text with clearair's offsets, closed sets, bounds
- ``cache``: answers by a hash of model and request, in the data folder
- ``engine``: :func:`analyze_with_model`, the one entry point
- ``provenance``: plain words for who wrote a report and where the text went
- ``cli``: the ``--llm`` options, progress, ``clearair llm check | prompt``

Importing this package is cheap: httpx and the engine load on first use.
"""

from __future__ import annotations

from clearair.llm.config import RemoteRefused, Settings

__all__ = ["RemoteRefused", "Settings", "analyze_with_model"]


def analyze_with_model(text, settings, **kwargs):
    """See :func:`clearair.llm.engine.analyze_with_model`."""
    from clearair.llm.engine import analyze_with_model as run

    return run(text, settings, **kwargs)
