"""Words to use: script templates (knowledge/scripts.yaml) filled with this case's roles."""

from __future__ import annotations

import re

from clearair.knowledge import load
from clearair.models import Incident, Script, Situation

_CHANNEL_PHRASE = {"email": " by email", "meeting": " in the meeting", "chat": " in chat",
                   "phone": " on the phone", "in_person": " in person", "unknown": ""}
_TRIED = {"apology": "apologised", "fix": "put a fix in place", "feedback": "talked to them directly",
          "asked": "asked them about it", "reported": "raised it informally", "documented": "kept notes",
          "ignoring": "tried ignoring it"}


def main_incident(s: Situation, actor_is_narrator: bool = False) -> Incident | None:
    """The incident the conversation is about: by the counterpart, or by the writer for apologies."""
    want = "narrator" if actor_is_narrator else s.counterpart
    for inc in s.incidents:
        if inc.actor == want:
            return inc
    return None if actor_is_narrator else (s.incidents[0] if s.incidents else None)


def _as_you(summary: str, s: Situation) -> str:
    """Turn the writer's sentence about the other person into one addressed to them."""
    text = summary.rstrip(".!? ")
    cp = s.party(s.counterpart)
    if cp:
        for mention in sorted(cp.mentions, key=len, reverse=True):
            if len(mention) > 2 and text.lower().startswith(mention.lower()):
                text = "you" + text[len(mention):]
                break
        text = re.sub(r"^(in the interim|then|and|but|so|recently|today|yesterday),?\s+", "", text, flags=re.I)
        for mention in sorted(cp.mentions, key=len, reverse=True):
            if len(mention) > 3 and mention.lower() not in ("him", "her", "his", "hers"):
                text = re.sub(rf"^{re.escape(mention)}\b", "you", text, flags=re.I)
    text = re.sub(r"^(he|she)\b", "you", text, flags=re.I)
    if len(text) > 140:
        text = text[:140].rsplit(" ", 1)[0] + "…"
    return text[0].lower() + text[1:] if text else "that happened"


def render_scripts(s: Situation) -> list[Script]:
    templates = load("scripts")["scripts"]
    cp = s.party(s.counterpart)
    inc = main_incident(s)
    own = main_incident(s, actor_is_narrator=True)
    audience = ""
    if inc and inc.audience.kind == "large_group":
        audience = f" in front of about {inc.audience.size} people" if inc.audience.size else " in front of a wide group"
    elif inc and inc.audience.kind == "external":
        audience = " where the customer could see it"
    elif inc and inc.audience.kind == "team":
        audience = " in front of the team"
    tried = [_TRIED[a.kind] for a in s.attempts if a.kind in _TRIED]
    names = [m for m in (cp.mentions if cp else []) if re.fullmatch(r"[A-Z][a-z]+", m) and m not in ("He", "She", "His", "Her")]
    values = {
        "counterpart": cp.label if cp else "the other person",
        "them": names[0] if names else "[their name]",
        "event": _as_you(inc.summary, s) if inc else "that happened",
        "channel": _CHANNEL_PHRASE.get(inc.channel, "") if inc else "",
        "channel_tail": _CHANNEL_PHRASE.get(inc.channel, "") if inc else "",
        "audience": audience,
        "manager": "your manager",
        "tried": " and ".join(tried[:2]) if tried else "tried to sort it out myself",
        "impact_phrase": "hurt you and made your work harder",
    }
    out = []
    for kind, spec in templates.items():
        if kind == "apology":
            values_k = dict(values, event=(own.summary.rstrip('.!? ') if own else "I let you down"))
            values_k["event"] = values_k["event"][0].lower() + values_k["event"][1:]
        else:
            values_k = values
        out.append(Script(kind=kind, title=spec["title"], text=spec["text"].format(**values_k).strip()))
    return out


def script_for(kind: str | None, scripts: list[Script]) -> str | None:
    return next((s.text for s in scripts if s.kind == kind), None) if kind else None
