"""The messages sent to the model for one analysis.

System: the instructions, the action catalogue with meanings (and the
never-recommended courses), the roles, the advisers, and the JSON schema of
the answer. User: the letter with the writer's updates and other people's
replies marked, then (optionally) clearair's own reading and the most similar
library cases. For a remote server the text is anonymised first and every
user-side string is scrubbed of the names found; ``aliases`` maps each
placeholder back to the words it replaced.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from clearair.knowledge import load
from clearair.llm import answer as A
from clearair.llm.config import Settings
from clearair.models import NEVER_RECOMMENDED, Report

RESPONSE_NAME = "clearair_answer"


@dataclass
class Request:
    messages: list[dict]
    anonymised: bool = False
    #: placeholder -> the original words it stands for (most frequent first)
    aliases: dict[str, list[str]] = field(default_factory=dict)

    def restore(self, value: str) -> str:
        """Put the writer's names back where the model used placeholders."""
        if not self.aliases or not value:
            return value

        def back(m: re.Match) -> str:
            names = self.aliases.get(m.group(0), [])
            # [PEER-1] and [WRITER] are one person each; [EMAIL] may stand for several things.
            one = re.search(r"-\d+\]$", m.group(0)) or m.group(0) == "[WRITER]" or len(names) == 1
            return names[0] if names and one else m.group(0)

        return re.sub(r"\[[A-Z][A-Z-]*(?:-\d+)?\]", back, value)

    def body(self, settings: Settings, mode: str = "json_schema", stream: bool = True) -> dict:
        return body(settings, self.messages, mode, stream)


MODES = ("json_schema", "json_object", "none")


def body(settings: Settings, messages: list[dict], mode: str = "json_schema", stream: bool = True) -> dict:
    """A chat-completions request body. ``mode``: how structured output is asked for,
    'json_schema' (the answer's schema), 'json_object' (JSON mode) or 'none'."""
    out: dict = {"model": settings.model, "messages": messages, "temperature": 0}
    if mode != "none":
        out["seed"] = settings.seed
    if mode == "json_schema":
        out["response_format"] = {"type": "json_schema",
                                  "json_schema": {"name": RESPONSE_NAME, "schema": A.schema(), "strict": False}}
    elif mode == "json_object":
        out["response_format"] = {"type": "json_object"}
    if stream:
        out["stream"] = True
        if mode != "none":
            out["stream_options"] = {"include_usage": True}
    return out


def system_message(anonymised: bool = False) -> str:
    data = load("llm")
    playbook = load("playbook")
    never = ", ".join(NEVER_RECOMMENDED)
    lines = [data["instructions"].replace("{never}", never).strip()]
    if anonymised:
        lines.append("- Words in square brackets such as [PEER-1] or [COMPANY-1] stand for names that were "
                     "removed for privacy; keep them exactly as they are, in quotes too.")
    lines += ["", "Courses of action (code: title, and when or how):"]
    for code, meaning in data["actions"].items():
        lines.append(f"- {code}: {playbook['actions'][code]['title']} ({meaning})")
    lines += ["", "Never recommended (only ever under \"avoid\"):"]
    for code in NEVER_RECOMMENDED:
        spec = playbook["tempting"][code]
        lines.append(f"- {code}: {spec['title']}; {spec['why']}")
    lines += ["", "Roles of the other side, relative to the writer:"]
    lines += [f"- {role}: {meaning}" for role, meaning in data["roles"].items()]
    lines += ["", "Levels in the reading:"]
    for name, levels in data["levels"].items():
        lines.append(f"- {name}: " + "; ".join(f"{k} = {v}" for k, v in levels.items()))
    lines += ["", "Advisers for \"perspectives\":"]
    lines += [f"- {p['name']}: {p['stance']}" for p in load("personas")["personas"]]
    kinds = "; ".join(f"{k} = {v['title'].lower()}" for k, v in load("scripts")["scripts"].items())
    lines += ["", "Script kinds: " + kinds,
              "", "JSON schema of the answer:", json.dumps(A.schema(), separators=(",", ":"))]
    return "\n".join(lines)


def _marked_text(text: str) -> str:
    """The letter, the writer's updates and other people's replies, each marked."""
    from clearair.intake import build_document

    document = build_document(text)
    parts = []
    updates = 0
    for seg in sorted(document.segments, key=lambda s: s.start):
        body = text[seg.start:seg.end].strip()
        if not body:
            continue
        if seg.kind == "letter":
            parts.append(f"<letter>\n{body}\n</letter>")
        elif seg.kind == "update":
            updates += 1
            parts.append(f"<update n=\"{updates}\" by=\"the writer\">\n{body}\n</update>")
        else:
            who = (seg.author or "someone else").replace('"', "'")
            note = "not the writer; context only, never quote it"
            parts.append(f"<reply by=\"{who}\" note=\"{note}\">\n{body}\n</reply>")
    return "\n\n".join(parts)


def _reading_lines(report: Report) -> list[str]:
    s = report.situation
    cp = s.party(s.counterpart)
    lines = ["clearair's own reading, from rules (it can be wrong; correct it where the letter says otherwise):",
             f"- the other side: {cp.label} (role {cp.role})" if cp else "- the other side: unclear"]
    if cp and s.counterpart_from_writer:
        lines[-1] += "; the writer said so themselves: keep this role"
    others = [f"{p.label} ({p.role})" for p in s.parties if p.id != s.counterpart]
    if others:
        lines.append("- also involved: " + ", ".join(others))
    lines.append(f"- the writer manages people: {'yes' if s.narrator.is_manager else 'no'}")
    lines.append(f"- pattern: {'recurring' if s.pattern.recurring else 'one_off'}")
    details = [sig.detail for sig in report.signals]
    if details:
        lines.append("- what stands out: " + "; ".join(details))
    return lines


def _similar_lines(report: Report, n: int) -> list[str]:
    cases = report.similar_cases[:n]
    if not cases:
        return []
    lines = ["Published advice in similar cases (for calibration only; their facts are not this writer's):"]
    for c in cases:
        also = f" (also {', '.join(c.expert_also)})" if c.expert_also else ""
        summary = c.expert_summary if len(c.expert_summary) <= 240 else c.expert_summary[:240].rsplit(" ", 1)[0] + "…"
        lines.append(f"- \"{c.title}\": main advice {c.expert_primary}{also}. {summary}")
    return lines


def _aliases(replacements) -> dict[str, list[str]]:
    by_placeholder: dict[str, list[tuple[int, str]]] = {}
    for r in replacements:
        by_placeholder.setdefault(r.placeholder, []).append((r.count, r.original))
    return {p: [o for _, o in sorted(v, key=lambda t: (-t[0], -len(t[1])))] for p, v in by_placeholder.items()}


def _scrub(value: str, replacements) -> str:
    """Replace every original the anonymiser found, wherever it appears in ``value``."""
    for r in sorted(replacements, key=lambda r: -len(r.original)):
        if len(r.original.strip()) >= 2:
            value = re.sub(rf"(?<!\w){re.escape(r.original)}(?!\w)", r.placeholder, value)
    return value


def build_request(text: str, report: Report, settings: Settings) -> Request:
    """The messages for ``text``, whose offline ``report`` supplies clearair's reading.
    For a remote server, the text is anonymised (the caller has checked it is allowed)."""
    anonymised = settings.remote
    replacements = []
    sent = text
    if anonymised:
        from clearair.privacy import anonymize

        result = anonymize(text)
        sent, replacements = result.text, result.replacements
    user = ["Here is the writer's situation.", "", _marked_text(sent)]
    if settings.with_reading:
        user += ["", *_reading_lines(report)]
    similar = _similar_lines(report, settings.similar)
    if similar:
        user += ["", *similar]
    user += ["", "Reply with the JSON object only."]
    content = "\n".join(user)
    if anonymised:
        content = _scrub(content, replacements)
    messages = [{"role": "system", "content": system_message(anonymised)}, {"role": "user", "content": content}]
    return Request(messages=messages, anonymised=anonymised, aliases=_aliases(replacements))


def repair_messages(request: Request, reply: str, problem: str) -> list[dict]:
    """The one follow-up that asks the model to fix an unusable answer."""
    return [*request.messages, {"role": "assistant", "content": reply[:8000]},
            {"role": "user", "content": f"That reply could not be used: {problem}. Reply again with only the JSON "
                                        "object, following the schema exactly, and nothing else."}]
