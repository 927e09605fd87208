"""Qt models for groups: the nested group tree, and the members of one group with roles."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QAbstractTableModel, QModelIndex, QObject, Qt

from db.groups import GroupMemberRow
from db.members.types import GroupNode
from desktop.dates import format_date

AnyIndex = Any  # QModelIndex | QPersistentModelIndex
GROUP_ID_ROLE = Qt.ItemDataRole.UserRole + 1
MEMBERSHIP_ID_ROLE = Qt.ItemDataRole.UserRole + 2


def kind_label(kind: str) -> str:
    labels = {
        "network": GroupTreeModel.tr("Network"),
        "association": GroupTreeModel.tr("Association"),
        "club": GroupTreeModel.tr("Club"),
        "committee": GroupTreeModel.tr("Committee"),
    }
    return labels.get(kind, kind)


class GroupTreeModel(QAbstractItemModel):
    """Groups nested under their parents; columns: name, direct member count."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._nodes: list[GroupNode] = []  # internal id = position + 1 (0 is the root)
        self._position: dict[str, int] = {}
        self._children: dict[int, list[int]] = {0: []}  # internal id -> child internal ids
        self._parent_of: dict[int, int] = {}
        self._row_of: dict[int, int] = {}

    def set_groups(self, groups: Sequence[GroupNode]) -> None:
        """Show these groups (in this order among siblings); a missing parent makes a root."""
        self.beginResetModel()
        self._nodes = list(groups)
        self._position = {node.id: i for i, node in enumerate(self._nodes)}
        self._children = {0: []}
        self._parent_of = {}
        for i, node in enumerate(self._nodes):
            internal = i + 1
            parent_position = self._position.get(node.parent_id) if node.parent_id else None
            parent = parent_position + 1 if parent_position is not None else 0
            if parent == internal:
                parent = 0
            self._parent_of[internal] = parent
        # A cycle in the data (A under B under A) would hide both: cut it at the root.
        for internal in list(self._parent_of):
            seen = {internal}
            walker = self._parent_of[internal]
            while walker:
                if walker in seen:
                    self._parent_of[internal] = 0
                    break
                seen.add(walker)
                walker = self._parent_of[walker]
        for internal, parent in self._parent_of.items():
            self._children.setdefault(parent, []).append(internal)
        self._row_of = {
            child: row for children in self._children.values() for row, child in enumerate(children)
        }
        self.endResetModel()

    def groups(self) -> list[GroupNode]:
        return list(self._nodes)

    def group(self, index: AnyIndex) -> GroupNode | None:
        if not index.isValid():
            return None
        return self._nodes[index.internalId() - 1]

    def index_of(self, group_id: str, column: int = 0) -> QModelIndex:
        position = self._position.get(group_id)
        if position is None:
            return QModelIndex()
        internal = position + 1
        return self.createIndex(self._row_of[internal], column, internal)

    def descendants(self, group_id: str) -> set[str]:
        """The ids of the group's sub-groups at any depth."""
        position = self._position.get(group_id)
        if position is None:
            return set()
        found: set[str] = set()
        stack = list(self._children.get(position + 1, []))
        while stack:
            internal = stack.pop()
            found.add(self._nodes[internal - 1].id)
            stack.extend(self._children.get(internal, []))
        return found

    def walk(self) -> list[tuple[GroupNode, int]]:
        """Every group with its depth, parents before children (for indented pickers)."""
        result: list[tuple[GroupNode, int]] = []

        def visit(internal: int, depth: int) -> None:
            for child in self._children.get(internal, []):
                result.append((self._nodes[child - 1], depth))
                visit(child, depth + 1)

        visit(0, 0)
        return result

    # -- Qt ----------------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        parent_internal = parent.internalId() if parent.isValid() else 0
        children = self._children.get(parent_internal, [])
        if not (0 <= row < len(children) and 0 <= column < 2):
            return QModelIndex()
        if parent.isValid() and parent.column() != 0:
            return QModelIndex()
        return self.createIndex(row, column, children[row])

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        parent = self._parent_of.get(index.internalId(), 0)
        if parent == 0:
            return QModelIndex()
        return self.createIndex(self._row_of[parent], 0, parent)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid():
            if parent.column() != 0:
                return 0
            return len(self._children.get(parent.internalId(), []))
        return len(self._children.get(0, []))

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 2

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        node = self.group(index)
        if node is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return node.name if index.column() == 0 else f"{node.member_count:,}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(x for x in (node.name, kind_label(node.kind), node.description) if x)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == GROUP_ID_ROLE:
            return node.id
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Group"), self.tr("Members"))[section] if 0 <= section < 2 else None
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class GroupMembersModel(QAbstractTableModel):
    """The members of one group: name, role, since (ended memberships marked)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[GroupMemberRow] = []
        self._role_label: Callable[[str], str] = lambda code: code

    def set_rows(self, rows: Sequence[GroupMemberRow], role_label: Callable[[str], str]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._role_label = role_label
        self.endResetModel()

    def row(self, row: int) -> GroupMemberRow:
        return self._rows[row]

    def rows(self) -> list[GroupMemberRow]:
        return list(self._rows)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return item.full_name
            if index.column() == 1:
                label = self._role_label(item.role)
                if item.ended_on:
                    ended = format_date(item.ended_on, style="short")
                    until = self.tr("(ended %1)").replace("%1", ended)
                    return f"{label} {until}"
                return label
            return format_date(item.started_on, style="short") if item.started_on else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            return " · ".join(x for x in (item.position, item.organisation_name) if x) or None
        if role == MEMBERSHIP_ID_ROLE:
            return item.membership_id
        if role == Qt.ItemDataRole.ForegroundRole and item.ended_on:
            return Qt.GlobalColor.gray
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            titles = (self.tr("Name"), self.tr("Role"), self.tr("Since"))
            return titles[section] if 0 <= section < 3 else None
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )
