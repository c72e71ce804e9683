"""The requests of a crawl not yet done, and the file of those that are."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

# In the JOBDIR: one request fingerprint (hex) a line, appended as each is done.
DONE_FILE = "requests.done"


@dataclass
class Node:
    """A request not yet done, and what it waits for."""

    parent: str | None
    children: set[str] = field(default_factory=set)
    unscheduled: int = 0  # requests yielded, not yet seen by the scheduler
    items: int = 0  # items yielded, still in the pipelines
    unstored: set[str] = field(default_factory=set)  # URLs of items taken by the store
    answered: bool = False  # the callback ran to its end

    def complete(self) -> bool:
        return (
            self.answered
            and not self.unscheduled
            and not self.items
            and not self.unstored
            and not self.children
        )


class Tree:
    """The requests of a crawl not yet done. Each event returns the requests
    it made done, a finished request first, then the parents it finished.

    An issue page yields two article requests; the second is a duplicate:

    >>> tree = Tree()
    >>> tree.scheduled("issue", None)
    []
    >>> tree.yielded("issue", requests=2)
    >>> tree.answered("issue")  # its callback ended, its articles are not stored
    []
    >>> tree.scheduled("a1", "issue"), tree.scheduled("a2", "issue")
    ([], [])
    >>> tree.dropped("a2")  # the dupefilter's: another page's to finish
    []
    >>> tree.yielded("a1", items=1)
    >>> tree.answered("a1"), tree.item_passed("a1", "http://x/a1")
    ([], [])
    >>> tree.unstored_urls()
    ['http://x/a1']
    >>> tree.stored({"http://x/a1"})  # read back from the database
    ['a1', 'issue']
    >>> len(tree)
    0
    """

    def __init__(self) -> None:
        self.nodes: dict[str, Node] = {}
        self.waiting: dict[str, set[str]] = {}  # item URL → the requests that yielded it

    def __len__(self) -> int:
        return len(self.nodes)

    def __contains__(self, key: str) -> bool:
        return key in self.nodes

    def scheduled(self, key: str, parent: str | None) -> list[str]:
        """`key` reached the scheduler, yielded by `parent` (None: a start request).
        A key already tracked is a duplicate: the dupefilter will drop it."""
        owner = self.nodes.get(parent) if parent is not None else None
        if owner is not None:
            owner.unscheduled -= 1
        if key in self.nodes:
            return self._settle(parent)
        self.nodes[key] = Node(parent if owner is not None else None)
        if owner is not None:
            owner.children.add(key)
        return []

    def dropped(self, key: str) -> list[str]:
        """The dupefilter dropped `key` right after it was scheduled."""
        node = self.nodes.pop(key, None)
        if node is None or node.parent is None or node.parent not in self.nodes:
            return []
        self.nodes[node.parent].children.discard(key)
        return self._settle(node.parent)

    def yielded(self, key: str, *, requests: int = 0, items: int = 0) -> None:
        if (node := self.nodes.get(key)) is not None:
            node.unscheduled += requests
            node.items += items

    def answered(self, key: str) -> list[str]:
        if (node := self.nodes.get(key)) is None:
            return []
        node.answered = True
        return self._settle(key)

    def item_passed(self, key: str, url: str | None) -> list[str]:
        """An item went through every pipeline: the store has it, in its batch.
        One without a URL can never be read back, so it keeps its request open."""
        if (node := self.nodes.get(key)) is None:
            return []
        node.items -= 1
        url = url or ""
        node.unstored.add(url)
        self.waiting.setdefault(url, set()).add(key)
        return []

    def item_dropped(self, key: str) -> list[str]:
        if (node := self.nodes.get(key)) is None:
            return []
        node.items -= 1
        return self._settle(key)

    def unstored_urls(self) -> list[str]:
        return [url for url in self.waiting if url]

    def stored(self, urls: Iterable[str]) -> list[str]:
        """These item URLs are in the database."""
        done: list[str] = []
        for url in urls:
            for key in self.waiting.pop(url, ()):
                if (node := self.nodes.get(key)) is not None:
                    node.unstored.discard(url)
                    done += self._settle(key)
        return done

    def _settle(self, key: str | None) -> list[str]:
        done: list[str] = []
        while key is not None and (node := self.nodes.get(key)) is not None and node.complete():
            del self.nodes[key]
            done.append(key)
            if node.parent is not None and node.parent in self.nodes:
                self.nodes[node.parent].children.discard(key)
            key = node.parent
        return done


def read_done(path: Path) -> frozenset[bytes]:
    """The fingerprints in a done file; a line cut short (a write torn by a
    power cut) is ignored: its request is simply made again.

    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / DONE_FILE
    >>> _ = path.write_text("ab" * 20 + "\\n" + "cd" * 20 + "\\n" + "ef" * 7)
    >>> sorted(fp.hex()[:4] for fp in read_done(path)), read_done(path / "none")
    (['abab', 'cdcd'], frozenset())
    """
    return frozenset(each_done(path))


def each_done(path: Path) -> Iterator[bytes]:
    """`read_done`'s fingerprints one by one, the file read a line at a time."""
    if not path.exists():
        return
    with path.open(encoding="ascii", errors="replace") as lines:
        for line in lines:
            line = line.strip()
            if len(line) == 40:
                try:
                    yield bytes.fromhex(line)
                except ValueError:
                    continue
