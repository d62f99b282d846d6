"""Rich views of a Report: summary first, details after.

Text a user typed (a title, a journal entry, a pasted letter, an author's name) is
shown, never obeyed: every view passes it through ``neutralised``, which replaces
terminal escape sequences, other C0 and C1 control characters and bidirectional
overrides with U+FFFD, before it is escaped as Rich markup. So a colour code typed
into a title cannot pass for one of the report's own styles, and ``[link=...]``
stays text.
"""

from __future__ import annotations

import re

from rich.console import Console
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table

from clearair.models import Report

#: What a character a terminal would obey is shown as instead.
REPLACEMENT = "\ufffd"
#: Bidirectional marks, embeddings, overrides and isolates (U+200E-U+200F, U+061C, U+202A-U+202E, U+2066-U+2069).
BIDI = "\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069"
#: Everything that is not shown as itself (a regex character class): C0 but tab and line feed, DEL,
#: C1, bidi controls.
UNSAFE_CHARACTERS = f"\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f{BIDI}"
_UNSAFE = re.compile(f"[{UNSAFE_CHARACTERS}]")


def neutralised(text: str) -> str:
    """The text with every control character (so any escape sequence) and bidi override made harmless."""
    return _UNSAFE.sub(REPLACEMENT, text.replace("\r\n", "\n"))


def _user(text: str) -> str:
    """User text as Rich markup that prints exactly as itself."""
    return escape(neutralised(text))


_VERDICT_STYLE = {"recommended": "green", "reasonable": "cyan", "risky": "yellow", "not advised": "red",
                  "unclear": "dim"}


def _console() -> Console:
    return Console(highlight=False, soft_wrap=False)


def _engine(c: Console, report: Report) -> None:
    """Who wrote the report and where the text went (model mode), in one plain line."""
    from clearair.llm.provenance import engine_line, figures_line

    figures = figures_line(report.provenance)
    style = "yellow" if report.provenance.fallback_reason else "dim"
    c.print(f"[{style}]{_user(engine_line(report))}{_user(' ' + figures) if figures else ''}[/]")


def show_report(report: Report, top: int = 5, view=None) -> None:
    """The report's plain-language view (render/view.py), as every other surface shows it."""
    from clearair.render.view import UNANSWERED_LINE, build_view

    v = view or build_view(report)
    c = _console()
    c.print(Panel(_user(v.answer), title="Answer" if v.answer_by == "model" else "clearair", border_style="cyan"))
    _engine(c, report)
    for note in v.notes:
        c.print(f"[dim]{_user(note)}[/]")
    more_questions = v.other_questions()
    if more_questions or v.unanswered:
        c.print()
        c.print("[bold]Your other questions[/]")
        for q in more_questions:
            c.print(f"  “{_user(q.asked)}” {_user(q.answer)}")
        for asked in v.unanswered:
            c.print(f"  “{_user(asked)}” {_user(UNANSWERED_LINE)}")
    c.print()
    c.print("[bold]What you should do[/]")
    for a in v.actions:
        c.print(f"  [bold]{a.rank}. {_user(a.title)}[/]  [green]{a.bar}[/] [dim]{_user(a.strength)}[/]")
        for r in a.reasons:
            mark = "[green]+[/]" if r.direction == "for" else "[red]−[/]"
            quote = f' [dim]“{_user(r.quotes[0].text)}”[/]' if r.quotes else ""
            c.print(f"     {mark} {_user(r.text)}{quote}")
        if a.words_title:
            c.print(f"     [dim]Words to use: {_user(a.words_title)} (below)[/]")
    if v.more_actions and top > len(v.actions):
        c.print("[bold]Also worth weighing[/]")
        for a in v.more_actions[:max(0, top - len(v.actions))]:
            c.print(f"  {a.rank}. {_user(a.title)}  [green]{a.bar}[/] [dim]{_user(a.strength)}[/]")
    if v.options:
        c.print("[bold]Your own options[/]")
        for o in v.options:
            style = _VERDICT_STYLE.get(o.verdict.lower(), "white")
            c.print(f"  [{style}]{_user(o.verdict)}[/]: {_user(o.option)}\n    [dim]{_user(o.reason)}[/]")
    if v.avoid:
        c.print("[bold]What not to do[/]")
        for a in v.avoid:
            c.print(f"  [red]✗[/] {_user(a.title)}: {_user(a.why)}")
    if v.revisit:
        c.print("[bold]Revisit if…[/]")
        for t in v.revisit:
            c.print(f"  • {_user(t)}")
    for w in v.words:
        fill = f"\n[dim]Fill in before you use it: {_user(', '.join(w.fill_in))}[/]" if w.fill_in else ""
        # who it is for goes inside the box: a long "for HR if there is one; otherwise the owner" was cut off in the
        # title (red team 43), and it said who would receive the words
        c.print(Panel(f"[dim]For {_user(w.to)}.[/]\n" + _user(w.text) + fill, title=f"Words to use: {_user(w.title)}",
                      border_style="green"))
    if v.perspectives:
        c.print("[bold]Other perspectives[/]")
        for p in v.perspectives:
            c.print(f"  [bold]{_user(p.title)}[/]: {_user(p.text)}")
    if v.similar:
        c.print("[bold]People in similar situations were advised[/]")
        for case in v.similar:
            c.print(f"  [bold]{_user(case.advised)}[/] — {_user(case.summary)}")
            c.print(f"    [dim]{_user(case.title)} ({_user(case.source)})"
                    + (f". {_user(case.why)}" if case.why else "") + "[/]")
    c.print("[bold]What clearair read[/]")
    for f in v.reading:
        sure = f" [dim]({_user(f.certainty)})[/]" if f.certainty else ""
        quote = f' [dim]“{_user(f.quotes[0].text)}”[/]' if f.quotes else ""
        c.print(f"  • {_user(f.sentence)}{sure}{quote}")
    if v.people:
        c.print(f"  [dim]{_user(v.people)}[/]")
    if not v.about_told:
        names = f"; or a name your text gives ({_user(', '.join(n for n, _ in v.named[:3]))})" if v.named else ""
        c.print("  [dim]Is it mainly about someone else? Say who, and it is read again: `analyze --about WHO` (or "
                "`case about ID WHO`), WHO being boss, skip-level, coworker, report, customer or other"
                f"{names}.[/]")
    if v.thread_note:
        c.print(f"[dim]{_user(v.thread_note.rstrip('.'))} (see `clearair thread`).[/]")


def show_similar(report: Report, limit: int = 5, console: Console | None = None) -> None:
    from clearair.render.view import titles

    names = titles()
    c = console or _console()
    c.print("[bold]People in similar situations were advised[/]")
    for case in report.similar_cases[:limit]:
        c.print(f"  [bold]{_user(names.get(case.expert_primary, case.expert_primary))}[/] — "
                f"{_user(case.expert_summary)}")
        why = [w for w in case.why if not w.startswith("shared words")]
        c.print(f"    [dim]{_user(case.title)} ({_user(case.source)})"
                + f"; similar because {_user('; '.join(why)) if why else 'the wording is close'}[/]")


def show_anonymized(result) -> None:
    c = _console()
    c.print(_user(result.text), soft_wrap=True)
    t = Table(title="Replaced")
    t.add_column("original")
    t.add_column("now")
    t.add_column("kind")
    t.add_column("times", justify="right")
    for r in result.replacements:
        t.add_row(_user(r.original), _user(r.placeholder), r.kind, str(r.count))
    Console(stderr=True, highlight=False).print(t)


def explanation(report: Report, action: str) -> list[str]:
    """Why ``action`` (a code) ranked where it did, in sentences."""
    from clearair.render.view import quotes, reason_sentence, titles

    title = titles().get(action, action)
    recs = report.recommendations
    rank = next((i for i, r in enumerate(recs) if r.action == action), None)
    avoid = next((a for a in report.avoid if a.action == action), None)
    out: list[str] = []
    if rank is None:
        if avoid is not None:
            out.append(f"“{title}” is under what not to do here. {avoid.why}")
        elif action in ("RETALIATE", "GOSSIP", "PUBLIC_CALLOUT"):
            out.append(f"“{title}” is never recommended: it tends to make things worse for the person who does it.")
        else:
            out.append(f"“{title}” does not fit your position in this situation, so clearair did not weigh it.")
        return out
    rec = recs[rank]
    place = {0: "clearair's first choice", 1: "clearair's second choice", 2: "clearair's third choice"}.get(
        rank, f"number {rank + 1}")
    out.append(f"“{title}” is {place} for this situation, of {len(recs)} courses of action it weighed.")

    def said(reasons) -> str:
        parts = []
        for r in reasons[:4]:
            text = reason_sentence(r.text).rstrip(".")
            q = quotes(r.evidence, 1)
            parts.append(text[0].lower() + text[1:] + (f" (you wrote “{q[0].text}”)" if q else ""))
        return "; ".join(parts)

    ups = [r for r in rec.reasons if r.effect == "raises"]
    downs = [r for r in rec.reasons if r.effect == "lowers"]
    if ups:
        out.append(f"What speaks for it: {said(ups)}.")
    if downs:
        out.append(f"What speaks against it: {said(downs)}.")
    if not rec.reasons:
        out.append("Nothing in your letter moved it either way; it sits where the playbook starts it.")
    if avoid is not None:
        out.append(f"Even so, clearair warns against it here: {avoid.why}")
    if rank > 0:
        out.append(f"Ranked above it: “{recs[0].title}”" + (f" and “{recs[1].title}”." if rank > 1 else "."))
    if rec.steps:
        out.append("If you do it: " + " ".join(rec.steps))
    if rec.risks:
        out.append("Watch out for: " + "; ".join(r.rstrip(".") for r in rec.risks) + ".")
    return out


def show_explanation(report: Report, action: str) -> None:
    c = _console()
    for line in explanation(report, action):
        c.print(_user(line))


def show_eval(result, show_failures: bool) -> None:
    c = _console()
    t = Table(title=f"clearair eval — {result.n} cases")
    t.add_column("figure")
    t.add_column("engine", justify="right")
    t.add_column(f"baseline ({result.baseline_action})", justify="right")
    for name, label in (("top1", "expert's main advice ranked 1st"), ("top3", "… in top 3"),
                        ("also_recall_top5", "expert's other advice in top 5"),
                        ("against_in_top3", "advised-against action in top 3 (lower is better)")):
        t.add_row(label, f"{getattr(result.engine, name):.1%}", f"{getattr(result.baseline, name):.1%}")
    t.add_row("counterpart role accuracy", f"{result.role_accuracy:.1%}", "")
    c.print(t)
    conf = Table(title="counterpart role: expert (rows) vs clearair (columns)")
    cols = sorted({k for row in result.role_confusion.values() for k in row})
    conf.add_column("expert")
    for col in cols:
        conf.add_column(col, justify="right")
    for gold, row in sorted(result.role_confusion.items()):
        conf.add_row(gold, *[str(row.get(col, "")) for col in cols])
    c.print(conf)
    if result.unreadable:
        c.print(f"[yellow]{len(result.unreadable)} unreadable line(s):[/]")
        for p in result.unreadable:
            c.print(f"  {_user(str(p))}")
    if show_failures:
        for r in result.cases:
            if not r.top or r.top[0] != r.expert_primary:
                c.print(_user(f"  {r.id}: expert {r.expert_primary}, clearair {', '.join(r.top[:3]) or r.error}"))


def show_thread(result) -> None:
    """The replies of a pasted thread and the advice each gives, by title (never a code); no empty table."""
    from clearair.render.view import titles

    names = titles()

    def said(codes) -> str:
        return "; ".join(_user(names.get(a, a)) for a in codes)

    c = _console()
    replies = [r for r in result.replies if not r.is_update]
    if replies:
        t = Table(title="Replies and their advice")
        t.add_column("Who")
        t.add_column("Advises")
        t.add_column("Argues against")
        t.add_column("Compared with clearair's first three")
        for r in replies:
            advises = [f"{names.get(a, a)} (optional)" if a in r.optional else names.get(a, a) for a in r.advises]
            versus = [f"[green]agrees: {_user(names.get(a, a))}[/]" for a in r.shared_with_clearair]
            versus += [f"[red]argues against: {_user(names.get(a, a))}[/]" for a in r.opposed_to_clearair]
            t.add_row(_user(r.author or "Someone"), _user("; ".join(advises)), said(r.against), "\n".join(versus))
        c.print(t)
    else:
        c.print("No replies were found under the letter.")
    updates = [r for r in result.replies if r.is_update]
    if updates:
        c.print(f"[cyan]{len(updates)} update{'s' if len(updates) != 1 else ''} from the writer[/] "
                "were read with the letter.")
    for action, authors in result.agreement.items():
        against = result.disagreement.get(action, [])
        if against:
            c.print(f"[yellow]They disagree on “{_user(names.get(action, action))}”[/]: for it, "
                    f"{_user(', '.join(authors))}; against it, {_user(', '.join(against))}.")
    c.print(f"clearair before the writer's updates: {said(result.report_before_updates[:3])}")
    c.print(f"clearair with the updates read:       {said(result.report.top_actions(3))}")
    if result.report.answer:
        c.print(Panel(_user(result.report.answer), title="Answer", border_style="green"))
    _engine(c, result.report)


def show_movement(outcome) -> None:
    c = _console()
    if outcome.pending:
        c.print("Saved. The advice will include this update the next time the case is opened (`clearair case show`).")
        return
    moves = outcome.movement
    if not moves:
        c.print("The advice did not move: the same top five, in the same order.")
        return
    from clearair.render.view import titles

    names = titles()
    c.print("[bold]How the advice moved[/]")
    for m in moves:
        title = _user(names.get(m.action, m.action))
        if m.before is None:
            c.print(f"  “{title}” came in at number {m.after}.")
        else:
            arrow = "rose" if m.after < m.before else "fell"
            c.print(f"  “{title}” {arrow} from number {m.before} to {m.after}.")
        for why in m.why:
            c.print(f"    [dim]{_user(why)}[/]")


def show_case_list(cases) -> None:
    c = _console()
    if not cases:
        c.print("No case files yet: start one with `clearair case new FILE`.")
        return
    from clearair.render.view import titles

    names = titles()
    t = Table(title="Your case files")
    for col in ("id", "title", "versions", "journal", "advice now", "created"):
        t.add_column(col)
    for case in cases:
        t.add_row(str(case.id), _user(case.title), str(case.versions), str(case.journal),
                  _user(names.get(case.top_action, case.top_action or "")), case.created_at.strftime("%Y-%m-%d"))
    c.print(t)


def show_case(case, report: Report, engines: dict[int, str] | None = None) -> None:
    """``engines``: version seq -> which engine wrote that version's report."""
    from clearair.render.view import titles

    names = titles()
    c = _console()
    c.print(f"[bold]Case {case.id}: {_user(case.title)}[/]")
    for v in case.versions:
        when = v.happened_on.isoformat() if v.happened_on else v.created_at.strftime("%Y-%m-%d")
        top = _user(f"could not be read ({v.unreadable}); kept here, left out of the advice" if v.unreadable
                    else "; ".join(names.get(a, a) for a in v.report.top_actions[:3]) if v.report
                    else "read together with a later update")
        engine = f" [dim]({_user(engines[v.seq])})[/]" if engines and v.seq in engines else ""
        c.print(f"  {v.seq}. {v.kind} ({when}) → {top}{engine}")
        if v.kind == "update":
            c.print(f"     [dim]{_user(v.text[:120])}[/]")
    if case.journal:
        c.print("[bold]Journal[/]")
        for e in case.journal:
            extra = ", ".join(x for x in (e.channel, f"witnesses: {e.witnesses}" if e.witnesses else None) if x)
            c.print(f"  {e.happened_on.isoformat()} {_user(e.who)}: {_user(e.what)}"
                    + (f" [dim]({_user(extra)})[/]" if extra else ""))
    show_report(report)
