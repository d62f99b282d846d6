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


_RELATIVE_AFTER = re.compile(r"^you (that|who|whom|which)\b", re.I)
_OBJECT_PRONOUNS = ("him", "her", "his", "hers", "himself", "herself")
_DESCRIPTOR = re.compile(r"^you (from|in|on|at) (another|a different|the other|his|her|their) \w+ ", re.I)


def main_incident(s: Situation, actor_is_narrator: bool = False) -> Incident | None:
    """The incident the conversation is about: by the counterpart, or by the writer for apologies."""
    want = "narrator" if actor_is_narrator else s.counterpart
    for inc in s.incidents:
        if inc.actor == want:
            return inc
    return None if actor_is_narrator else (s.incidents[0] if s.incidents else None)


def _as_you(summary: str, act: str, s: Situation) -> str:
    """Turn the writer's sentence about the other person into one addressed to them.

    The first naming of the other person in the sentence (a noun they were
    called by, or he/she) becomes "you"; what comes before it ("In the
    interim, …", "Rather than speak with me, …") is dropped.
    """
    text = summary.rstrip(".!? ")
    cp = s.party(s.counterpart)
    names = [m for m in (cp.mentions if cp else []) if len(m) > 3 and m.lower() not in _OBJECT_PRONOUNS]
    alternatives = [re.escape(m) for m in sorted(names, key=len, reverse=True)] + ["he", "she"]
    m = re.search(rf"\b({'|'.join(alternatives)})\b", text, flags=re.I)
    if m:
        text = "you" + text[m.end():]
        text = _DESCRIPTOR.sub("you ", text, count=1)  # "you from another team sent…"
    if not m or _RELATIVE_AFTER.match(text):  # "you that I've worked with has…" cannot be turned
        text = load("scripts")["act_phrases"].get(act, "that happened")
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
        "event": _as_you(inc.summary, inc.act, s) if inc else "that happened",
        # Only name the channel when the incident's own words do not already say it.
        "channel": _CHANNEL_PHRASE.get(inc.channel, "") if inc and inc.channel not in inc.summary.lower() else "",
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
