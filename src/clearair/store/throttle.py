"""Failed logins slow the next try down: per account and per client address, with a growing delay.

Kept in memory, per server process: counting a failure must not take the
database's write lock (a flood of bad logins would then slow every real
user's writes), and a restart forgetting the counts only gives an attacker
the free tries back once. Each attempt is counted when it starts (and
forgiven when it succeeds), so many attempts sent at once are throttled too.

Each kind of key (real accounts, made-up names, client addresses) is kept in a
bucket of its own, each bounded: a flood of made-up names fills only its own
bucket and cannot push a real account's failures out of memory.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass


@dataclass
class _Record:
    failures: int = 0
    blocked_until: float = 0.0
    last: float = 0.0


@dataclass(frozen=True)
class Rule:
    """``free`` failures are allowed; each one after waits ``first`` seconds, doubling up to ``longest``."""

    free: int
    first: float = 1.0
    longest: float = 300.0
    #: Failures are forgotten after this long without one.
    forget_after: float = 900.0

    def delay(self, failures: int) -> float:
        excess = failures - self.free
        return 0.0 if excess <= 0 else min(self.longest, self.first * 2 ** (excess - 1))


class Throttle:
    """Counts attempts under keys such as ``("account", name)`` and ``("client", address)``."""

    def __init__(self, rules: dict[str, Rule], clock: Callable[[], float] = time.monotonic,
                 max_keys: int = 50_000) -> None:
        self.rules = rules
        self.clock = clock
        self.max_keys = max_keys  # per kind of key
        self._buckets: dict[str, OrderedDict[str, _Record]] = {}
        self._lock = threading.Lock()

    def attempt(self, keys: Iterable[tuple[str, str]]) -> float:
        """0.0 and the attempt counted, or the seconds to wait (nothing counted) when a key is held back."""
        now = self.clock()
        keys = list(keys)
        with self._lock:
            records = [self._record(k, now) for k in keys]
            wait = max((r.blocked_until - now for r in records), default=0.0)
            if wait > 0:
                return wait
            for key, record in zip(keys, records, strict=True):
                record.failures += 1
                record.last = now
                record.blocked_until = now + self.rules[key[0]].delay(record.failures)
            return 0.0

    def succeeded(self, key: tuple[str, str]) -> None:
        """The right password: this key starts afresh."""
        with self._lock:
            self._buckets.get(key[0], OrderedDict()).pop(key[1], None)

    def _record(self, key: tuple[str, str], now: float) -> _Record:
        kind, name = key
        bucket = self._buckets.setdefault(kind, OrderedDict())
        record = bucket.get(name)
        if record is not None and now - record.last > self.rules[kind].forget_after and now >= record.blocked_until:
            record = None
        if record is None:
            record = bucket[name] = _Record(last=now)
            while len(bucket) > self.max_keys:  # a flood of new keys cannot use up memory
                bucket.popitem(last=False)
        bucket.move_to_end(name)
        return record
