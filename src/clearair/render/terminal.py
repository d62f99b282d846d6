"""Rich views of a Report: summary first, details after."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table

from clearair.models import Report

_VERDICT_STYLE = {"recommended": "green", "reasonable": "cyan", "risky": "yellow", "not advised": "red",
                  "unclear": "dim"}


def _console() -> Console:
    return Console(highlight=False, soft_wrap=False)


def _engine(c: Console, report: Report) -> None:
    """Who wrote the report and where the text went (model mode), in one plain line."""
    from clearair.llm.provenance import engine_line, figures_line

    figures = figures_line(report.provenance)
    style = "yellow" if report.provenance.fallback_reason else "dim"
    c.print(f"[{style}]{escape(engine_line(report))}{escape(' ' + figures) if figures else ''}[/]")


def show_report(report: Report, top: int = 5) -> None:
    c = _console()
    s = report.situation
    if report.answer:  # model mode: the written answer leads, the structured parts follow
        c.print(Panel(escape(report.answer), title="Answer", border_style="green"))
    c.print(Panel(escape(report.summary), title="clearair", border_style="cyan"))
    _engine(c, report)
    for note in report.notes:
        c.print(f"[dim]{escape(note)}[/]")

    table = Table(title="What you should do", show_lines=False, expand=True)
    table.add_column("#", width=2)
    table.add_column("Action")
    table.add_column("Why (from your words)")
    for i, rec in enumerate(report.recommendations[:top], 1):
        why = [f"+ {r.text}" if r.effect == "raises" else f"- {r.text}" for r in rec.reasons[:3]]
        quotes = list(dict.fromkeys(escape(f'"{r.evidence[0].text[:70]}"') for r in rec.reasons[:2] if r.evidence))  # one quote once
        score = "" if report.provenance.ranking.startswith("llm:") else f" · {rec.score:+.2f}"  # a model ranks, it does not score
        table.add_row(str(i), f"[bold]{rec.title}[/]\n[dim]{rec.action}{score}[/]",
                      "\n".join(why + ([f"[dim]{q}[/]" for q in quotes])))
    c.print(table)

    if report.option_verdicts:
        c.print("[bold]Your own options[/]")
        for v in report.option_verdicts:
            style = _VERDICT_STYLE.get(v.verdict, "white")
            c.print(f"  [{style}]{v.verdict.upper()}[/] {escape(v.option)}\n    [dim]{escape(v.reason)}[/]")
    if report.avoid:
        c.print("[bold]What not to do[/]")
        for a in report.avoid:
            c.print(f"  [red]✗[/] {a.title}: {a.why}")
    if report.revisit_if:
        c.print("[bold]Revisit if…[/]")
        for t in report.revisit_if:
            c.print(f"  • {t.text}")
    if report.perspectives:
        c.print("[bold]Other perspectives[/]")
        for p in report.perspectives:
            mark = " [yellow](disagrees)[/]" if p.disagrees_with_main else ""
            c.print(f"  [bold]{p.title}[/]{mark}: {p.view}")
    if report.similar_cases:
        show_similar(report, limit=3, console=c)
    top_script = next((r.script for r in report.recommendations[:3] if r.script), None)
    if top_script:
        c.print(Panel(escape(top_script), title="Words to use", border_style="green"))

    c.print("[bold]The reading[/]")
    cp = s.party(s.counterpart)
    facts = Table(show_header=False, box=None, padding=(0, 1))
    facts.add_column(style="dim")
    facts.add_column()
    facts.add_row("You", ("a manager" if s.narrator.is_manager else "not a manager")
                  + ("; leaving soon" if s.narrator.leaving_soon else ""))
    facts.add_row("Other side", f"{cp.label} ({cp.role})" if cp else "unclear")
    for p in s.parties:
        if p.id != s.counterpart:
            facts.add_row("Also", escape(f"{p.label} ({p.role}): {', '.join(p.mentions[:3])}"))
    for inc in s.incidents[:4]:
        facts.add_row("Incident", f"{inc.act} by {inc.actor} via {inc.channel}, audience {inc.audience.kind}: "
                      f"[dim]{escape(inc.summary[:110])}[/]")
    facts.add_row("Pattern", "recurring" if s.pattern.recurring else "one-off")
    for label, cues in (("Tried", s.attempts), ("Responses", s.responses), ("Constraints", s.constraints),
                        ("Feelings", s.emotions), ("Goals", s.goals)):
        if cues:
            facts.add_row(label, ", ".join(c.kind.replace("_", " ") for c in cues))
    for o in s.options:
        facts.add_row("Considering", escape(f"{o.text[:100]} → {o.action}"))
    c.print(facts)
    if report.thread.replies or report.thread.updates:
        c.print(f"[dim]Thread: {len(report.thread.replies)} replies and {len(report.thread.updates)} "
                "update(s) from the writer were separated from the letter (see `clearair thread`).[/]")


def show_similar(report: Report, limit: int = 5, console: Console | None = None) -> None:
    c = console or _console()
    c.print("[bold]People in similar situations were advised[/]")
    for case in report.similar_cases[:limit]:
        c.print(f"  [bold]{escape(case.expert_primary)}[/] — {escape(case.expert_summary)}")
        c.print(f"    [dim]{escape(case.title)} ({escape(case.source)}); similar because: "
                f"{escape('; '.join(case.why) or 'similar wording')}[/]")


def show_anonymized(result) -> None:
    c = _console()
    c.print(escape(result.text), soft_wrap=True)
    t = Table(title="Replaced")
    t.add_column("original")
    t.add_column("now")
    t.add_column("kind")
    t.add_column("times", justify="right")
    for r in result.replacements:
        t.add_row(escape(r.original), escape(r.placeholder), r.kind, str(r.count))
    Console(stderr=True, highlight=False).print(t)


def show_explanation(report: Report, action: str) -> None:
    c = _console()
    rank = next((i for i, r in enumerate(report.recommendations) if r.action == action), None)
    if rank is None:
        avoid = next((a for a in report.avoid if a.action == action), None)
        c.print(f"{action} is not ranked for this situation." + (f" Avoid it: {avoid.why}" if avoid else ""))
        return
    rec = report.recommendations[rank]
    c.print(f"[bold]{rec.title}[/] ({action}) ranked {rank + 1} of {len(report.recommendations)} "
            f"with score {rec.score:+.2f}.")
    for r in rec.reasons:
        sign = "[green]raises[/]" if r.effect == "raises" else "[red]lowers[/]"
        c.print(f"  {sign} {r.text}  [dim]({r.signal})[/]")
        for e in r.evidence:
            c.print(f"      [dim]“{escape(e.text[:100])}” @{e.start}-{e.end}[/]")
    if not rec.reasons:
        c.print("  Only its base score: none of its rules applied here.")


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
            c.print(f"  {p}")
    if show_failures:
        for r in result.cases:
            if not r.top or r.top[0] != r.expert_primary:
                c.print(f"  {r.id}: expert {r.expert_primary}, clearair {', '.join(r.top[:3]) or r.error}")


def show_thread(result) -> None:
    c = _console()
    t = Table(title="Replies and their advice")
    t.add_column("author")
    t.add_column("advises")
    t.add_column("against")
    t.add_column("vs clearair's top 3")
    for r in result.replies:
        if r.is_update:
            t.add_row(f"{escape(r.author or 'anonymous')} [cyan](the writer's update)[/]", "", "", "")
        else:
            advises = [f"{a} (optional)" if a in r.optional else a for a in r.advises]
            versus = [f"[green]shares {a}[/]" for a in r.shared_with_clearair]
            versus += [f"[red]opposes {a}[/]" for a in r.opposed_to_clearair]
            t.add_row(escape(r.author or "anonymous"), ", ".join(advises), ", ".join(r.against), "\n".join(versus))
    c.print(t)
    for action, authors in result.agreement.items():
        against = result.disagreement.get(action, [])
        if against:
            c.print(f"[yellow]Disagreement on {action}[/]: for — {', '.join(authors)}; against — {', '.join(against)}")
    c.print(f"clearair before the writer's updates: {', '.join(result.report_before_updates[:3])}")
    c.print(f"clearair with the updates applied:   {', '.join(result.report.top_actions(3))}")
    if result.report.answer:
        c.print(Panel(escape(result.report.answer), title="Answer", border_style="green"))
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
    c.print("[bold]How the advice moved[/]")
    for m in moves:
        before = f"{m.before}." if m.before else "unranked"
        arrow = "rose" if m.before is None or m.after < m.before else "fell"
        c.print(f"  {m.action} {arrow} from {before} to {m.after}.")
        for why in m.why:
            c.print(f"    [dim]{escape(why)}[/]")


def show_case_list(cases) -> None:
    c = _console()
    if not cases:
        c.print("No case files yet: start one with `clearair case new FILE`.")
        return
    t = Table(title="Your case files")
    for col in ("id", "title", "versions", "journal", "advice now", "created"):
        t.add_column(col)
    for case in cases:
        t.add_row(str(case.id), escape(case.title), str(case.versions), str(case.journal), case.top_action or "",
                  case.created_at.strftime("%Y-%m-%d"))
    c.print(t)


def show_case(case, report: Report, engines: dict[int, str] | None = None) -> None:
    """``engines``: version seq -> which engine wrote that version's report."""
    c = _console()
    c.print(f"[bold]Case {case.id}: {escape(case.title)}[/]")
    for v in case.versions:
        when = v.happened_on.isoformat() if v.happened_on else v.created_at.strftime("%Y-%m-%d")
        top = (f"could not be read ({v.unreadable}); kept here, left out of the advice" if v.unreadable
               else ", ".join(v.report.top_actions[:3]) if v.report else "read together with a later update")
        engine = f" [dim]({escape(engines[v.seq])})[/]" if engines and v.seq in engines else ""
        c.print(f"  {v.seq}. {v.kind} ({when}) → {top}{engine}")
        if v.kind == "update":
            c.print(f"     [dim]{escape(v.text[:120])}[/]")
    if case.journal:
        c.print("[bold]Journal[/]")
        for e in case.journal:
            extra = ", ".join(x for x in (e.channel, f"witnesses: {e.witnesses}" if e.witnesses else None) if x)
            c.print(f"  {e.happened_on.isoformat()} {escape(e.who)}: {escape(e.what)}"
                    + (f" [dim]({escape(extra)})[/]" if extra else ""))
    show_report(report)
