"""Extraction in worker processes, each article within a time budget.

Why processes: a thread cannot be stopped, so an article that makes the extractor slow (a
mention-dense text of a few hundred kilobytes) would hold the CPU long after its client gave
up. A worker past the budget is killed and replaced, and the article is refused with
``ArticleTooComplex`` (422) before anything is written. The same workers spread a batch
over the machine's cores (``allygraph load --jobs``).

Why a fork server: workers are forked from a small server process that built the extractor
once (``allygraph.loaders.preload``), so a new worker starts in milliseconds and shares Kiwi's
500 MB model with its siblings instead of loading its own; the server has no threads, so
forking it is safe even when the process asking for workers (uvicorn) has many.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import queue
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from multiprocessing.connection import Connection
from typing import Any, TypeVar

from allygraph.errors import IntakeError

T = TypeVar("T")
_PRELOAD = "allygraph.loaders.preload"
_START_SECONDS = 300.0


class ArticleTooComplex(IntakeError):
    """An article the extractor could not finish within the time budget; nothing written."""

    title = "Article too complex"


class _Worker:
    """One worker process and the pipe it takes calls on."""

    def __init__(self, context: Any) -> None:
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child,), daemon=True)
        self.process.start()
        child.close()
        # Starting is not the article's time: the first worker waits for the fork server
        # to build the extractor (seconds), so the budget starts once the worker is ready.
        if not self.conn.poll(_START_SECONDS) or self.conn.recv() != "ready":
            self.stop()
            raise RuntimeError("an extraction worker did not start")

    def call(self, fn: Callable[..., T], args: tuple[Any, ...], budget: float) -> T:
        self.conn.send((fn, args))
        if not self.conn.poll(budget):
            raise TimeoutError
        ok, value = self.conn.recv()
        if ok:
            return value  # type: ignore[no-any-return]
        raise value

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(timeout=5)
        self.conn.close()


def _serve(conn: Connection) -> None:
    """A worker's loop: calls in, results (or the error, as the caller would see it) out."""
    from allygraph.loaders.pipeline import default_extractor

    default_extractor()  # built by the fork server already, unless workers are spawned
    conn.send("ready")
    while True:
        try:
            fn, args = conn.recv()
        except (EOFError, OSError):
            return
        try:
            result: tuple[bool, Any] = (True, fn(*args))
        except Exception as exc:  # the caller names it; the worker lives on
            result = (False, exc)
        try:
            conn.send(result)
        except (pickle.PicklingError, TypeError, AttributeError) as exc:
            conn.send((False, RuntimeError(f"{type(exc).__name__}: {exc}")))


class WorkerPool:
    """Up to ``size`` workers, started on demand; ``run`` calls a module-level function in
    one of them and gives up on it after ``budget`` seconds."""

    def __init__(self, size: int = 1, budget: float = 30.0) -> None:
        if size < 1 or budget <= 0:
            raise ValueError("a pool needs at least one worker and a positive budget")
        self.size, self.budget = size, budget
        self._context = _fork_server_context()
        self._idle: queue.LifoQueue[_Worker] = queue.LifoQueue()
        self._slots = threading.BoundedSemaphore(size)
        self._workers: set[_Worker] = set()
        self._lock = threading.Lock()

    def run(self, fn: Callable[..., T], *args: Any, label: str = "article") -> T:
        """``fn(*args)`` in a worker, within the budget; ``ArticleTooComplex`` past it."""
        with self._slots:
            worker = self._take()
            try:
                result = worker.call(fn, args, self.budget)
            except TimeoutError:
                self._discard(worker)
                raise ArticleTooComplex(
                    f"{label}: article too complex: extraction did not finish within "
                    f"{self.budget:g} s (nothing was written)",
                    budget_seconds=self.budget,
                ) from None
            except (EOFError, OSError, BrokenPipeError):
                self._discard(worker)
                raise RuntimeError(f"{label}: the extraction worker died") from None
            self._idle.put(worker)
            return result

    def map(
        self, fn: Callable[..., T], items: Iterable[tuple[Any, ...]], labels: Iterable[str]
    ) -> Iterator[T | Exception]:
        """``fn(*item)`` for every item on all workers, in the items' order; a failure is
        yielded in the result's place, so one bad article never stops a batch."""

        def one(item: tuple[Any, ...], label: str) -> T | Exception:
            try:
                return self.run(fn, *item, label=label)
            except Exception as exc:  # the caller names the item; the batch goes on
                return exc

        with ThreadPoolExecutor(max_workers=self.size) as threads:
            # at most twice the workers in flight, so a long batch is not all read at once
            pending: list[Any] = []
            for item, label in zip(items, labels, strict=True):
                pending.append(threads.submit(one, item, label))
                if len(pending) >= 2 * self.size:
                    yield pending.pop(0).result()
            for future in pending:
                yield future.result()

    def close(self) -> None:
        with self._lock:
            workers, self._workers = self._workers, set()
        for worker in workers:
            worker.stop()

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def _take(self) -> _Worker:
        try:
            worker = self._idle.get_nowait()
        except queue.Empty:
            worker = _Worker(self._context)
            with self._lock:
                self._workers.add(worker)
        return worker

    def _discard(self, worker: _Worker) -> None:
        worker.stop()
        with self._lock:
            self._workers.discard(worker)


def _fork_server_context() -> Any:
    """The fork-server context, its server preloading the extractor (set before it starts;
    where fork servers do not exist, spawned workers each build their own)."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([_PRELOAD])
    return context


_POOLS: dict[tuple[int, int, float], WorkerPool] = {}
_POOLS_LOCK = threading.Lock()


def shared_pool(size: int, budget: float) -> WorkerPool:
    """The process's pool of this size and budget, started once and kept (per process id,
    so a forked process never shares its parent's pipes)."""
    key = (os.getpid(), size, budget)
    with _POOLS_LOCK:
        if key not in _POOLS:
            _POOLS[key] = WorkerPool(size, budget)
        return _POOLS[key]
