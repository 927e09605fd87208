"""Groups in the Members view: the tree model, nested groups, adding selected members with a
role, changing the role, ending a membership, and the table following the chosen group."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from db.engine import Database
from db.groups import GroupError, group_member_rows, group_tree
from db.members.types import GroupNode, MemberFilter
from desktop.members.group_dialogs import AddToGroupDialog, GroupDialog, RoleDialog
from desktop.members.group_models import GroupMembersModel, GroupTreeModel
from desktop.members.view import MembersView
from desktop.operations.errors import describe


def node(group_id: str, name: str, parent: str | None = None, count: int = 0) -> GroupNode:
    return GroupNode(id=group_id, name=name, kind="network", parent_id=parent, member_count=count)


def test_group_tree_model(qtmodeltester: ModelTester) -> None:
    model = GroupTreeModel()
    model.set_groups(
        [
            node("a", "เครือข่ายภาคเหนือ", count=12),
            node("b", "ชมรมเชียงใหม่", "a", 5),
            node("c", "คณะทำงาน", "b", 2),
            node("d", "สมาคมปลัด"),
            node("e", "กลุ่มกำพร้า", "gone"),  # parent deleted: shown at the top
        ]
    )
    qtmodeltester.check(model)
    assert model.rowCount() == 3
    north = model.index_of("a")
    assert model.rowCount(north) == 1
    chiang_mai = model.index(0, 0, north)
    assert model.data(chiang_mai) == "ชมรมเชียงใหม่"
    assert model.parent(model.index_of("c")) == chiang_mai
    assert model.data(model.index_of("a", 1)) == "12"
    assert model.descendants("a") == {"b", "c"}
    assert [(n.id, depth) for n, depth in model.walk()] == [
        ("a", 0), ("b", 1), ("c", 2), ("d", 0), ("e", 0)
    ]  # fmt: skip
    # A cycle in the data does not hide the groups.
    model.set_groups([node("x", "X", "y"), node("y", "Y", "x")])
    qtmodeltester.check(model)
    assert {n.id for n, _ in model.walk()} == {"x", "y"}


def test_group_members_model(qtmodeltester: ModelTester, demo_db: Database) -> None:
    with demo_db.session() as session:
        biggest = max(group_tree(session), key=lambda g: g.member_count)
        rows = group_member_rows(session, group_id=biggest.id)
    model = GroupMembersModel()
    model.set_rows(rows, lambda code: {"member": "สมาชิก"}.get(code, code))
    qtmodeltester.check(model)
    assert model.rowCount() == len(rows) > 0
    assert model.data(model.index(0, 0)) == rows[0].full_name


def wait_dialog(qtbot: QtBot, parent: QWidget, kind: type[QDialog]) -> Any:
    found: list[QDialog] = []

    def visible() -> bool:
        found[:] = [d for d in parent.findChildren(kind) if d.isVisible()]
        return bool(found)

    qtbot.waitUntil(visible, timeout=5000)
    return found[0]


def groups_by_name(database: Database) -> dict[str, GroupNode]:
    with database.session() as session:
        return {group.name: group for group in group_tree(session)}


def test_nested_group_and_adding_selected_members_with_a_role(
    qtbot: QtBot,
    view: MembersView,
    demo_db: Database,
    typer: Any,
    wait_idle: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    panel = view.groups
    view.side.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: panel.tree_model.rowCount() > 0, timeout=5000)

    # A new top-level group.
    qtbot.mouseClick(panel.buttons["newGroup"], Qt.MouseButton.LeftButton)
    dialog = wait_dialog(qtbot, panel, GroupDialog)
    typer(dialog.name, "เครือข่ายนักวิเคราะห์นโยบาย")
    dialog.kind.setCurrentIndex(dialog.kind.findData("network"))
    dialog.accept()
    qtbot.waitUntil(lambda: "เครือข่ายนักวิเคราะห์นโยบาย" in groups_by_name(demo_db), timeout=5000)
    parent = groups_by_name(demo_db)["เครือข่ายนักวิเคราะห์นโยบาย"]
    qtbot.waitUntil(lambda: panel.selected_group() is not None, timeout=5000)
    assert panel.selected_group().id == parent.id  # type: ignore[union-attr]

    # A sub-group under it.
    qtbot.mouseClick(panel.buttons["newSubgroup"], Qt.MouseButton.LeftButton)
    dialog = wait_dialog(qtbot, panel, GroupDialog)
    assert dialog.parent_group.currentData() == parent.id
    typer(dialog.name, "คณะทำงานภาคใต้")
    dialog.kind.setCurrentIndex(dialog.kind.findData("committee"))
    dialog.accept()
    qtbot.waitUntil(lambda: "คณะทำงานภาคใต้" in groups_by_name(demo_db), timeout=5000)
    child = groups_by_name(demo_db)["คณะทำงานภาคใต้"]
    assert child.parent_id == parent.id and child.kind == "committee"
    qtbot.waitUntil(lambda: panel.tree_model.index_of(child.id).isValid(), timeout=5000)
    assert panel.tree_model.parent(panel.tree_model.index_of(child.id)) == (
        panel.tree_model.index_of(parent.id)
    )
    qtbot.waitUntil(lambda: panel.selected_group().id == child.id, timeout=5000)  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: view.model.rowCount() == 0, timeout=5000)  # table follows the group

    # Back to every member; select three and add them to the sub-group as secretaries.
    qtbot.mouseClick(panel.buttons["showAllMembers"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.model.rowCount() == 2_000, timeout=5000)
    selection = view.table.selectionModel()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in (4, 7, 9):
        selection.select(view.model.index(row, 0), flags)
    chosen = {view.model.member_id_at(row) for row in (4, 7, 9)}
    with qtbot.waitActive(view):  # offscreen has no window manager to hand it back
        view.activateWindow()
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    add = wait_dialog(qtbot, panel, AddToGroupDialog)
    intro = add.tr("Add %Ln selected member(s) to:", "", 3)
    assert add.findChild(QWidget, "addToGroupIntro").text() == intro
    add.group.setCurrentIndex(add.group.findData(child.id))
    add.role.setCurrentIndex(add.role.findData("secretary"))
    typer(add.started, "1/10/2568")
    add.accept()
    qtbot.waitUntil(
        lambda: groups_by_name(demo_db)["คณะทำงานภาคใต้"].member_count == 3, timeout=5000
    )
    with demo_db.session() as session:
        rows = group_member_rows(session, group_id=child.id)
    assert {r.member_id for r in rows} == chosen
    assert {r.role for r in rows} == {"secretary"}
    assert {r.started_on.isoformat() for r in rows} == {"2025-10-01"}  # type: ignore[union-attr]

    # Choosing the group shows its members in the table and in the group's member list.
    assert panel.select_group(child.id)
    qtbot.waitUntil(lambda: view.model.rowCount() == 3, timeout=5000)
    assert view.state.filters == MemberFilter(group_ids=(child.id,))
    assert {view.model.member_id_at(r) for r in range(3)} == chosen
    qtbot.waitUntil(lambda: panel.members_model.rowCount() == 3, timeout=5000)
    secretary = view._labels.label("group_role", "secretary")
    assert panel.members_model.data(panel.members_model.index(0, 1)) == secretary
    # The parent counts its sub-group's members in the table filter.
    assert panel.select_group(parent.id)
    qtbot.waitUntil(lambda: view.model.rowCount() == 3, timeout=5000)

    # Change a role, then end a membership.
    assert panel.select_group(child.id)
    qtbot.waitUntil(lambda: panel.members_model.rowCount() == 3, timeout=5000)
    wait_idle(view.tasks, panel.tasks)
    panel.members.setCurrentIndex(panel.members_model.index(0, 0))
    target = panel.members_model.row(0)
    qtbot.mouseClick(panel.buttons["changeRole"], Qt.MouseButton.LeftButton)
    role_dialog = wait_dialog(qtbot, panel, RoleDialog)
    role_dialog.role.setCurrentIndex(role_dialog.role.findData("chair"))
    role_dialog.accept()

    def role_of(membership_id: str) -> str | None:
        with demo_db.session() as session:
            rows = group_member_rows(session, group_id=child.id)
        return next((r.role for r in rows if r.membership_id == membership_id), None)

    qtbot.waitUntil(lambda: role_of(target.membership_id) == "chair", timeout=5000)
    wait_idle(view.tasks, panel.tasks)
    panel.members.setCurrentIndex(panel.members_model.index(0, 0))
    ending = panel.members_model.row(0)
    assert ending.role == "chair"  # the chair is listed first
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(panel.buttons["endMembership"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: role_of(ending.membership_id) is None, timeout=5000)  # not current
    qtbot.waitUntil(lambda: panel.members_model.rowCount() == 2, timeout=5000)


def test_deleting_a_group_with_sub_groups_is_refused_in_words(
    qtbot: QtBot, view: MembersView, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    panel = view.groups
    assert not panel.is_loaded()  # read only when the Groups tab is first shown
    view.side.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: panel.tree_model.rowCount() > 0, timeout=5000)
    parent = next(n for n, _depth in panel.tree_model.walk() if panel.tree_model.descendants(n.id))
    assert panel.select_group(parent.id)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(panel.buttons["deleteGroup"], Qt.MouseButton.LeftButton)

    def error_box() -> QMessageBox | None:
        boxes = [b for b in panel.findChildren(QMessageBox, "operationError") if b.isVisible()]
        return boxes[0] if boxes else None

    qtbot.waitUntil(lambda: error_box() is not None, timeout=5000)
    box = error_box()
    assert box is not None
    assert box.informativeText() == describe(GroupError("group_has_children", ""))
    box.close()
    assert parent.name in groups_by_name(demo_db)  # still there
