"""Back/forward navigation between notes, remembering where each page was scrolled."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Place:
    note_id: int
    scroll: int = 0


class History:
    def __init__(self) -> None:
        self._places: list[Place] = []
        self._index = -1

    @property
    def current(self) -> Place | None:
        return self._places[self._index] if self._index >= 0 else None

    def visit(self, note_id: int, scroll_of_current: int = 0) -> None:
        """Go to a note: remember the current scroll, drop the forward trail."""
        if self.current is not None:
            if self.current.note_id == note_id:
                return
            self.current.scroll = scroll_of_current
        del self._places[self._index + 1 :]
        self._places.append(Place(note_id))
        self._index += 1

    def can_go_back(self) -> bool:
        return self._index > 0

    def can_go_forward(self) -> bool:
        return self._index < len(self._places) - 1

    def back(self, scroll_of_current: int = 0) -> Place | None:
        return self._step(-1, scroll_of_current) if self.can_go_back() else None

    def forward(self, scroll_of_current: int = 0) -> Place | None:
        return self._step(1, scroll_of_current) if self.can_go_forward() else None

    def _step(self, delta: int, scroll_of_current: int) -> Place:
        self._places[self._index].scroll = scroll_of_current
        self._index += delta
        return self._places[self._index]

    def forget(self, note_id: int) -> None:
        """Drop a note that no longer exists from the trail."""
        current = self.current
        self._places = [p for p in self._places if p.note_id != note_id]
        self._index = (
            self._places.index(current) if current in self._places else len(self._places) - 1
        )
