"""Groups managed beside the register: the nested group tree and the chosen group's members.

Selecting a group narrows the member table to it (and its sub-groups); the buttons create,
edit (rename, move under another group), and delete groups; the member list below the tree
shows each member's role and lets the secretary change it or end the membership.
"""

from __future__ import annotations

import asyncio
import logging
from array import array

from PySide6.QtCore import QEvent, QItemSelection, QModelIndex, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from db.groups import GroupMemberRow, group_member_rows, group_tree
from db.members.types import GroupNode, MemberFilter
from desktop.db_worker import DbExecutor
from desktop.members.group_dialogs import AddToGroupDialog, GroupDialog, RoleDialog, ask
from desktop.members.group_models import GroupMembersModel, GroupTreeModel
from desktop.members.labels import ViewLabels
from desktop.operations import members as operations
from desktop.operations.tasks import TaskRunner

log = logging.getLogger(__name__)


class GroupsPanel(QWidget):
    group_selected = Signal(object)  # str | None
    groups_loaded = Signal(int)  # how many groups
    members_loaded = Signal(int)  # rows in the group member list

    def __init__(self, executor: DbExecutor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("groupsPanel")
        self._executor = executor
        self._labels = ViewLabels()
        self.tasks = TaskRunner(self)
        self._reload_lock = asyncio.Lock()
        self._selected_id: str | None = None
        self._loaded = False
        self.tree_model = GroupTreeModel(self)
        self.members_model = GroupMembersModel(self)

        self.tree = QTreeView(self)
        self.tree.setObjectName("groupTree")
        self.tree.setModel(self.tree_model)
        self.tree.setUniformRowHeights(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.selectionModel().selectionChanged.connect(self._on_selection)

        self.members = QTableView(self)
        self.members.setObjectName("groupMembers")
        self.members.setModel(self.members_model)
        self.members.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.members.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.members.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.members.verticalHeader().setVisible(False)
        members_header = self.members.horizontalHeader()
        members_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        members_header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        members_header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.members.doubleClicked.connect(lambda _index: self.tasks.spawn(self.change_role()))

        self.buttons: dict[str, QPushButton] = {}
        grid = QGridLayout()
        member_buttons = QGridLayout()
        commands = {
            "newGroup": lambda: self.tasks.spawn(self.new_group()),
            "newSubgroup": lambda: self.tasks.spawn(self.new_subgroup()),
            "editGroup": lambda: self.tasks.spawn(self.edit_group()),
            "deleteGroup": lambda: self.tasks.spawn(self.delete_group()),
            "showAllMembers": self.clear_selection,
            "changeRole": lambda: self.tasks.spawn(self.change_role()),
            "endMembership": lambda: self.tasks.spawn(self.end_membership()),
        }
        for position, (name, handler) in enumerate(commands.items()):
            button = QPushButton(self)
            button.setObjectName(name)
            button.clicked.connect(handler)
            self.buttons[name] = button
            if name in ("changeRole", "endMembership"):
                member_buttons.addWidget(button, 0, position - 5)
            else:
                grid.addWidget(button, position // 2, position % 2)

        self.title = QLabel(self)
        self.title.setObjectName("groupMembersTitle")
        self.title.setWordWrap(True)
        self.notice = QLabel(self)
        self.notice.setObjectName("groupNotice")
        self.notice.setWordWrap(True)
        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.tree, 1)
        top_layout.addLayout(grid)
        top_layout.addWidget(self.notice)
        bottom = QWidget(self)
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.title)
        bottom_layout.addWidget(self.members, 1)
        bottom_layout.addLayout(member_buttons)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)
        self._update_buttons()
        self._retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        texts = {
            "newGroup": self.tr("New group"),
            "newSubgroup": self.tr("New sub-group"),
            "editGroup": self.tr("Edit group"),
            "deleteGroup": self.tr("Delete group"),
            "showAllMembers": self.tr("Show all members"),
            "changeRole": self.tr("Change role"),
            "endMembership": self.tr("End membership"),
        }
        for name, text in texts.items():
            self.buttons[name].setText(text)
        self.tree_model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 1)
        self.members_model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 2)
        self._show_title()

    # -- loading -----------------------------------------------------------------------------
    def set_labels(self, labels: ViewLabels) -> None:
        self._labels = labels

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded:  # read when first shown: ~0.5 s of database time at 393,000
            self.tasks.spawn(self.reload())

    def is_loaded(self) -> bool:
        return self._loaded

    def reload_if_loaded(self) -> None:
        """Read the tree again if it has been read (else it is read when first shown)."""
        if self._loaded:
            self.tasks.spawn(self.reload())

    async def reload(self) -> None:
        """Read the group tree again, keeping the selected group (reloads run one at a time,
        each restoring the selection current when it applies, so none can undo a newer one)."""
        self._loaded = True
        async with self._reload_lock:
            groups = await self._executor.run(group_tree)
            selected_id = self._selected_id
            self.tree.selectionModel().blockSignals(True)
            self.tree_model.set_groups(groups)
            self.tree.expandAll()
            index = self.tree_model.index_of(selected_id) if selected_id else QModelIndex()
            if index.isValid():
                self.tree.setCurrentIndex(index)
            self.tree.selectionModel().blockSignals(False)
            if selected_id is not None and not index.isValid():
                self._selected_id = None  # the group was deleted: stop filtering by it
                self.group_selected.emit(None)
            self._update_buttons()
            self.groups_loaded.emit(len(groups))
        await self.load_members()

    async def load_members(self) -> None:
        group = self.selected_group()
        if group is None:
            self.members_model.set_rows([], self._role_label)
        else:
            rows = await self._executor.run(group_member_rows, group_id=group.id)
            now = self.selected_group()
            if now is None or now.id != group.id:
                return  # another group was chosen meanwhile: its own load shows it
            current = self._current_membership()
            self.members_model.set_rows(rows, self._role_label)
            if current is not None:  # keep the member the secretary was working on
                for row, item in enumerate(rows):
                    if item.membership_id == current.membership_id:
                        self.members.setCurrentIndex(self.members_model.index(row, 0))
                        break
        self._show_title()
        self._update_buttons()
        self.members_loaded.emit(self.members_model.rowCount())

    def _show_title(self) -> None:
        group = self.selected_group()
        if group is None:
            self.title.setText(self.tr("Select a group to see its members."))
        else:
            count = self.members_model.rowCount()
            self.title.setText(self.tr("%1: %Ln member(s)", "", count).replace("%1", group.name))

    def _role_label(self, code: str) -> str:
        return self._labels.label("group_role", code)

    # -- selection ---------------------------------------------------------------------------
    def selected_group(self) -> GroupNode | None:
        indexes = self.tree.selectionModel().selectedRows(0)
        return self.tree_model.group(indexes[0]) if indexes else None

    def select_group(self, group_id: str) -> bool:
        index = self.tree_model.index_of(group_id)
        if index.isValid():
            self.tree.setCurrentIndex(index)
        return index.isValid()

    def clear_selection(self) -> None:
        self.tree.selectionModel().clearSelection()
        self.tree.setCurrentIndex(QModelIndex())

    def _on_selection(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        group = self.selected_group()
        self._selected_id = group.id if group else None
        self.group_selected.emit(group.id if group else None)
        self._update_buttons()
        self.tasks.spawn(self.load_members())

    def _update_buttons(self) -> None:
        has_group = self.selected_group() is not None
        for name in ("newSubgroup", "editGroup", "deleteGroup", "showAllMembers"):
            self.buttons[name].setEnabled(has_group)
        has_member = self.members.currentIndex().isValid() or self.members_model.rowCount() > 0
        for name in ("changeRole", "endMembership"):
            self.buttons[name].setEnabled(has_group and has_member)

    # -- commands ----------------------------------------------------------------------------
    async def new_group(self, parent_id: str | None = None) -> str | None:
        dialog = GroupDialog(self.tree_model.walk(), parent_id=parent_id, parent=self)
        if not await ask(dialog):
            return None
        group_id = await operations.save_group(self._executor, parent=self, **dialog.values())
        if group_id:
            await self.reload()
            self.select_group(group_id)
        return group_id

    async def new_subgroup(self) -> str | None:
        group = self.selected_group()
        return await self.new_group(group.id if group else None)

    async def edit_group(self) -> None:
        group = self.selected_group()
        if group is None:
            return
        excluded = {group.id} | self.tree_model.descendants(group.id)
        dialog = GroupDialog(
            self.tree_model.walk(), group=group, excluded_parents=excluded, parent=self
        )
        if await ask(dialog):
            await operations.save_group(self._executor, parent=self, id=group.id, **dialog.values())

    async def delete_group(self) -> None:
        group = self.selected_group()
        if group is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete group"),
            self.tr("Delete the group “{name}”? Its members stay in the register.").format(
                name=group.name
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        if await operations.delete_group(self._executor, group_id=group.id, parent=self):
            self.clear_selection()

    async def add_members(
        self, keys: array[int], *, filters: MemberFilter | None = None
    ) -> int | None:
        """Ask for a group and a role, then add the members with these keys (or, when the whole
        result list is selected, every member matching `filters`) to it."""
        if not self._loaded:
            await self.reload()
        if not self.tree_model.groups():
            box = QMessageBox(
                QMessageBox.Icon.Information,
                self.tr("Add to group"),
                self.tr("Create a group first (Groups tab)."),
                QMessageBox.StandardButton.Ok,
                self,
            )
            box.setObjectName("noGroupsMessage")
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()
            return None
        selected = self.selected_group()
        dialog = AddToGroupDialog(
            self.tree_model.walk(),
            self._labels.list_items("group_role"),
            count=len(keys),
            group_id=selected.id if selected else None,
            parent=self,
        )
        if not await ask(dialog) or dialog.group_id() is None:
            return None
        added = await operations.add_members_to_group(
            self._executor,
            keys=None if filters is not None else keys,
            filters=filters,
            group_id=str(dialog.group_id()),
            role=dialog.role_code(),
            started_on=dialog.started_on(),
            parent=self,
        )
        if added is not None:
            skipped = len(keys) - added
            message = self.tr("Added %Ln member(s) to the group.", "", added)
            if skipped > 0:
                message += " " + self.tr("%Ln member(s) already in it.", "", skipped)
            self.notice.setText(message)
        return added

    def _current_membership(self) -> GroupMemberRow | None:
        index = self.members.currentIndex()
        return self.members_model.row(index.row()) if index.isValid() else None

    async def change_role(self) -> None:
        item = self._current_membership()
        if item is None:
            return
        dialog = RoleDialog(
            self._labels.list_items("group_role"),
            current=item.role,
            name=self.members_model.data(self.members.currentIndex().siblingAtColumn(0)),
            parent=self,
        )
        if await ask(dialog):
            await operations.change_group_role(
                self._executor,
                membership_id=item.membership_id,
                role=dialog.role_code(),
                parent=self,
            )

    async def end_membership(self) -> None:
        item = self._current_membership()
        if item is None:
            return
        name = self.members_model.data(self.members.currentIndex().siblingAtColumn(0))
        answer = QMessageBox.question(
            self,
            self.tr("End membership"),
            self.tr("End {name}'s membership of this group today?").format(name=name),
        )
        if answer == QMessageBox.StandardButton.Yes:
            await operations.end_group_membership(
                self._executor,
                membership_id=item.membership_id,
                parent=self,
            )
