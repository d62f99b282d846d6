"""Plain words for a report's provenance: who wrote it and where the text went.

Used by the terminal, the web page, the exports and the case history, so they
all say the same thing. No codes, no numbers a reader has to interpret.
"""

from __future__ import annotations

from clearair.models import Provenance, Report


def _is_model(engine: str) -> bool:
    return engine.startswith("llm:")


def _where(p: Provenance) -> str:
    from clearair.llm.config import host_kind

    server = p.server or "an unknown server"
    host = server.rsplit(":", 1)[0].strip("[]")
    kind = host_kind(host)
    if kind == "loopback":
        return f"on this machine ({server})"
    if kind == "private":
        return f"on your private network ({server})"
    return f"at {server}"


def _sent(p: Provenance) -> str:
    if p.anonymised:
        return ("names, companies, places and contact details were replaced before your text was sent, "
                "and put back here")
    return "your text was sent to it as you wrote it"


def engine_line(report: Report) -> str:
    """One sentence: which engine wrote this report, and where the text went."""
    p = report.provenance
    model = p.model or "a model"
    if p.fallback_reason:
        went = "anonymised " if p.anonymised else ""
        return (f"Written by clearair's offline engine on this machine, because the model {model} {_where(p)} "
                f"could not be used; clearair sent (or tried to send) it your {went}text.")
    if not (_is_model(p.ranking) or _is_model(p.reading)):
        return "Written by clearair's offline engine on this machine; your text did not leave it."
    who = f"the model {model} {_where(p)}"
    if _is_model(p.ranking) and not _is_model(p.reading):
        part = f"The answer and the advice were written by {who}; the reading is clearair's own"
    else:
        part = f"Written by {who}"
    line = f"{part}, and checked by clearair against your words; {_sent(p)}."
    if p.cached:
        line += " This answer was kept from an earlier identical request: nothing was sent this time."
    return line


def engine_label(p: Provenance) -> str:
    """A few words for a list (the case history)."""
    if p.fallback_reason:
        return "clearair's offline engine (the model could not be used)"
    if _is_model(p.ranking):
        return f"the model {p.model or p.ranking[4:]}" + ("" if _is_model(p.reading) else ", reading by clearair")
    return "clearair's offline engine"


def figures_line(p: Provenance) -> str | None:
    """How the model's answer went, for those who want it (time, size, quotes left out)."""
    if not _is_model(p.ranking):
        return None
    parts = []
    if p.latency_ms is not None and not p.cached:
        parts.append(f"answered in {p.latency_ms / 1000:.1f} seconds" if p.latency_ms >= 1000
                     else "answered in under a second")
    if p.prompt_tokens is not None and p.completion_tokens is not None:
        parts.append(f"read about {p.prompt_tokens:,} and wrote about {p.completion_tokens:,} tokens")
    if p.quotes_dropped:
        parts.append(f"{p.quotes_dropped} quotation{'s' if p.quotes_dropped != 1 else ''} left out")
    return ("The model " + ", ".join(parts) + ".") if parts else None


def describe_settings(settings) -> str:
    """Where analyses will send the text, said before any is made (``clearair serve``)."""
    if settings.where == "loopback":
        where, sent = f"on this machine ({settings.server})", "the text is sent as written"
    elif settings.where == "private":
        where, sent = f"on your private network ({settings.server})", "the text is sent as written"
    else:
        where, sent = f"at {settings.server}", "names, companies, places and contacts are replaced before sending"
    return f"Model mode: {settings.model} {where}; {sent}."
