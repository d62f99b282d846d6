"""Two pictures as inline SVG (no plotting library, no network):

- a stakeholder map: the writer in the middle, each party around them,
  coloured by where they stand (above, level, below, outside) with the line
  to the other side of the conflict drawn thick and red;
- a timeline: incidents in the order the writer tells them, then the
  writer's updates and journal entries, each labelled with what happened.
"""

from __future__ import annotations

import math
from html import escape

from clearair.models import Report

_GROUP_COLOUR = {"manager": "#4c78a8", "skip_level": "#4c78a8", "peer": "#59a14f", "other": "#9c755f",
                 "peers_manager": "#76b7b2", "direct_report": "#f28e2b", "customer": "#b07aa1", "hr": "#bab0ac"}
_SHORT_ROLE = {"manager": "boss", "skip_level": "2 up", "peer": "peer", "other": "other", "peers_manager": "their mgr",
               "direct_report": "report", "customer": "client", "hr": "HR"}


def stakeholder_map(report: Report, size: int = 420) -> str:
    s = report.situation
    cx = cy = size / 2
    radius = size * 0.36
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" '
             f'viewBox="0 0 {size} {size}" role="img" aria-label="Stakeholder map">',
             '<style>text{font-family:sans-serif;font-size:12px}</style>']
    n = max(len(s.parties), 1)
    nodes = []
    for i, party in enumerate(s.parties):
        angle = -math.pi / 2 + 2 * math.pi * i / n
        x, y = cx + radius * math.cos(angle), cy + radius * math.sin(angle)
        tense = party.id == s.counterpart
        parts.append(f'<line x1="{cx:.0f}" y1="{cy:.0f}" x2="{x:.0f}" y2="{y:.0f}" '
                     f'stroke="{"#d62728" if tense else "#999"}" stroke-width="{4 if tense else 1.5}"/>')
        nodes.append((x, y, party))
    parts.append(f'<circle cx="{cx:.0f}" cy="{cy:.0f}" r="30" fill="#333"/>'
                 f'<text x="{cx:.0f}" y="{cy + 4:.0f}" fill="#fff" text-anchor="middle">you</text>')
    for x, y, party in nodes:
        colour = _GROUP_COLOUR.get(party.role, "#bab0ac")
        parts.append(f'<circle cx="{x:.0f}" cy="{y:.0f}" r="26" fill="{colour}"/>')
        parts.append(f'<text x="{x:.0f}" y="{y + 42:.0f}" text-anchor="middle">{escape(party.label)}</text>')
        parts.append(f'<text x="{x:.0f}" y="{y + 4:.0f}" fill="#fff" text-anchor="middle" font-size="10">'
                     f'{escape(_SHORT_ROLE.get(party.role, party.role))}</text>')
    parts.append("</svg>")
    return "".join(parts)


def timeline(report: Report, width: int = 640, update_dates: list[str] | None = None, items=None) -> str:
    """``items``: the view's timeline (render/view.py); built here from the report when not given.
    ``update_dates``: the dates of a case file's updates (a pasted thread's updates are used when there are none)."""
    if items is None:
        from clearair.render.view import build_view

        items = build_view(report, dates=update_dates).timeline
    events = [(t.label, t.when, t.detail, t.kind) for t in items] or [("No incident identified", "", "", "incident")]
    step = 48
    height = 60 + step * len(events)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" role="img" aria-label="Timeline">',
             '<style>text{font-family:sans-serif;font-size:12px}</style>',
             f'<line x1="40" y1="30" x2="40" y2="{height - 30}" stroke="#666" stroke-width="2"/>']
    colour = {"incident": "#d62728", "update": "#2ca02c", "journal": "#ff7f0e"}
    limit = (width - 70) // 6.4
    for n, (label, when, detail, kind) in enumerate(events):
        y = 50 + step * n
        if len(label) > limit:
            label = label[: int(limit)].rsplit(" ", 1)[0] + "…"
        parts.append(f'<circle cx="40" cy="{y}" r="9" fill="{colour.get(kind, "#d62728")}"/>')
        parts.append(f'<text x="60" y="{y + 4}">{n + 1}. {escape(label)}</text>')
        extra = " · ".join(x for x in (when, detail) if x)
        if extra:
            parts.append(f'<text x="60" y="{y + 18}" fill="#666">{escape(extra)}</text>')
    parts.append("</svg>")
    return "".join(parts)
