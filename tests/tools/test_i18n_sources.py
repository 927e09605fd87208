"""Every translated string in desktop/ is one Qt's lupdate can see.

lupdate reads the source, not the running program: it finds ``translate("Context", "Source")``,
``tr("Source")`` and the ``QT_TRANSLATE_NOOP``/``QT_TR_NOOP`` marks when their arguments are string
literals, outside f-strings. A string translated any other way never reaches the catalogue, so
``python -m tools.i18n update --drop-obsolete`` drops its Thai and the check of missing Thai cannot
see it. This scan fails on:

* a call of a helper that wraps ``translate``/``tr`` (``def _t(text): return
  QCoreApplication.translate(CONTEXT, text)``, helpers calling such helpers, ``functools.partial``
  of ``translate`` or an alias of it under another name) with a string literal for the text;
* ``translate()`` with a literal source but a context that is not a literal (``CONTEXT``);
* ``translate()``/``tr()`` inside an f-string (lupdate skips what is inside one);
* a source or context built at run time (an f-string, ``+``, ``%``, ``.format()``, a conditional):
  lupdate files the template, which never equals the formatted text, so translate the template and
  format after (``tr("%1 members").replace("%1", ...)``);
* a ``QT_TRANSLATE_NOOP``/``QT_TR_NOOP`` mark whose arguments are not literals;
* ``translate()`` with a disambiguation or count that is not a plain name or literal
  (``translate("C", "%n rows", "", max(n, 1))``, ``obj.n``, a keyword): lupdate skips the call.

A variable passed as the source (``translate("MainWindow", page.spec.title)``, a helper called with
``self._HEADERS[i]``) is allowed: that is how texts marked with ``QT_TRANSLATE_NOOP`` elsewhere are
looked up.
"""

from __future__ import annotations

import ast
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tools import i18n as i18n_tool

MARKS = frozenset(("QT_TRANSLATE_NOOP", "QT_TR_NOOP"))


@dataclass(frozen=True, slots=True)
class Finding:
    path: str
    line: int
    problem: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.problem}"


@dataclass(frozen=True, slots=True)
class Slot:
    """A parameter of a wrapper whose argument becomes a translation's context or source."""

    index: int  # among the parameters a caller passes (self/cls not counted)
    name: str


Wrappers = dict[str, tuple[Slot, ...]]


@dataclass
class Module:
    path: Path
    dotted: str
    tree: ast.Module
    parents: dict[ast.AST, ast.AST]
    wrappers: Wrappers  # defined here: functions, methods, aliases
    imported: Wrappers  # wrappers of other modules imported here, under their local names


def _name(func: ast.expr) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def _is_str(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def _is_reference(node: ast.expr) -> bool:
    return isinstance(node, (ast.Name, ast.Attribute, ast.Subscript))


def _translation_args(call: ast.Call) -> tuple[ast.expr | None, ast.expr] | None:
    """(context, source) of a translate/tr call or mark; None for other calls."""
    name = _name(call.func)
    if name in ("translate", "QT_TRANSLATE_NOOP") and len(call.args) >= 2:
        if name == "translate" and isinstance(call.func, ast.Attribute):
            owner = call.func.value
            # QCoreApplication.translate, QApplication.translate; not str/bytes.translate
            if not (isinstance(owner, ast.Name) and owner.id.endswith("Application")):
                return None
        return call.args[0], call.args[1]
    if name in ("tr", "QT_TR_NOOP") and call.args:
        return None, call.args[0]
    return None


def _is_translate_function(node: ast.expr) -> bool:
    return (
        isinstance(node, ast.Attribute)
        and node.attr == "translate"
        and isinstance(node.value, ast.Name)
        and node.value.id.endswith("Application")
    )


def _parents(tree: ast.AST) -> dict[ast.AST, ast.AST]:
    return {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}


def _ancestors(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> Iterator[ast.AST]:
    while node in parents:
        node = parents[node]
        yield node


Function = ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda


def _enclosing_function(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> Function | None:
    for ancestor in _ancestors(node, parents):
        if isinstance(ancestor, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            return ancestor
    return None


def _function_name(function: Function, parents: dict[ast.AST, ast.AST]) -> str | None:
    if not isinstance(function, ast.Lambda):
        return function.name
    parent = parents.get(function)
    if isinstance(parent, ast.Assign) and len(parent.targets) == 1:
        return _name(parent.targets[0])
    return None


def _caller_params(function: Function, parents: dict[ast.AST, ast.AST]) -> list[str]:
    params = [arg.arg for arg in (*function.args.posonlyargs, *function.args.args)]
    in_class = isinstance(parents.get(function), ast.ClassDef)
    static = not isinstance(function, ast.Lambda) and any(
        _name(decorator) == "staticmethod" for decorator in function.decorator_list
    )
    return params[1:] if in_class and not static and params else params


def _argument(call: ast.Call, slot: Slot) -> ast.expr | None:
    if slot.index < len(call.args) and not any(
        isinstance(arg, ast.Starred) for arg in call.args[: slot.index + 1]
    ):
        return call.args[slot.index]
    return next((kw.value for kw in call.keywords if kw.arg == slot.name), None)


def _call_slots(call: ast.Call, module: Module) -> tuple[str, tuple[Slot, ...]] | None:
    """The wrapper `call` calls, if any: (its name, the slots that reach translate)."""
    name = _name(call.func)
    if name is None:
        return None
    if isinstance(call.func, ast.Name):
        slots = module.imported.get(name) or module.wrappers.get(name)
    else:  # self._t(...), Class._t(...): a wrapper method of this module
        slots = module.wrappers.get(name)
    return (name, slots) if slots else None


def _alias_slots(value: ast.expr) -> tuple[Slot, ...] | None:
    """Slots of `_t = QCoreApplication.translate` or `partial(QCoreApplication.translate, C)`."""
    if _is_translate_function(value):
        return (Slot(0, "context"), Slot(1, "sourceText"))
    if (
        isinstance(value, ast.Call)
        and _name(value.func) == "partial"
        and value.args
        and _is_translate_function(value.args[0])
    ):
        bound = len(value.args) - 1
        return tuple(
            Slot(index - bound, name)
            for index, name in ((0, "context"), (1, "sourceText"))
            if index >= bound
        )
    return None


def _find_wrappers(module: Module) -> Wrappers:
    """Functions and aliases of `module` that pass a parameter on as a context or source: to
    translate directly, or to a wrapper found before (repeated until nothing new is found)."""
    wrappers: Wrappers = {}
    for node in ast.walk(module.tree):
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = _name(node.targets[0])
            slots = _alias_slots(node.value)
            if target and target != "translate" and slots:
                wrappers[target] = slots  # lupdate knows the name translate(), no other
    calls = [node for node in ast.walk(module.tree) if isinstance(node, ast.Call)]
    while True:
        module.wrappers = wrappers
        found: dict[str, set[Slot]] = {}
        for call in calls:
            function = _enclosing_function(call, module.parents)
            if function is None:
                continue
            name = _function_name(function, module.parents)
            if name is None:
                continue
            params = _caller_params(function, module.parents)
            args = _translation_args(call)
            passed: list[ast.expr | None] = list(args) if args else []
            wrapped = _call_slots(call, module)
            if wrapped:
                passed += [_argument(call, slot) for slot in wrapped[1]]
            for arg in passed:
                if isinstance(arg, ast.Name) and arg.id in params:
                    found.setdefault(name, set()).add(Slot(params.index(arg.id), arg.id))
        merged = {**wrappers}
        for name, slots in found.items():
            merged[name] = tuple(sorted({*merged.get(name, ()), *slots}, key=lambda s: s.index))
        if merged == wrappers:
            return wrappers
        wrappers = merged


def _module_name(path: Path, root: Path) -> str:
    parts = path.relative_to(root.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _load(source_dir: Path) -> list[Module]:
    modules = []
    for path in i18n_tool.source_files(source_dir):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        modules.append(Module(path, _module_name(path, source_dir), tree, _parents(tree), {}, {}))
    by_name = {module.dotted: module for module in modules}
    while True:  # until no module finds a new wrapper (one may wrap another's import)
        before = [(module.wrappers, module.imported) for module in modules]
        for module in modules:
            module.wrappers = _find_wrappers(module)
        for module in modules:
            module.imported = {
                alias.asname or alias.name: slots
                for node in ast.walk(module.tree)
                if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module in by_name
                for alias in node.names
                if (slots := by_name[node.module].wrappers.get(alias.name))
            }
        if [(module.wrappers, module.imported) for module in modules] == before:
            return modules


def _check_call(call: ast.Call, module: Module) -> Iterator[str]:
    wrapped = _call_slots(call, module)
    if wrapped:
        name, slots = wrapped
        for slot in slots:
            arg = _argument(call, slot)
            if arg is not None and (_is_str(arg) or isinstance(arg, ast.JoinedStr)):
                yield (
                    f"{name}() passes {ast.unparse(arg)} on to translate(): lupdate cannot see "
                    "it; call QCoreApplication.translate/self.tr with literals here"
                )
    args = _translation_args(call)
    if args is None:
        return
    what = _name(call.func)
    context, source = args
    if any(isinstance(a, ast.JoinedStr) for a in _ancestors(call, module.parents)):
        yield f"{what}() inside an f-string: lupdate skips it; translate into a variable first"
    for role, arg in (("context", context), ("source", source)):
        if arg is None or _is_str(arg):
            continue
        if what in MARKS:
            yield f"{what}() with a {role} that is not a string literal: {ast.unparse(arg)}"
        elif not _is_reference(arg):
            yield (
                f"{what}() with a {role} built at run time ({ast.unparse(arg)}): no catalogue "
                "entry can match; translate the literal template, then format"
            )
    if what == "translate":
        extra = [*call.args[2:], *(keyword.value for keyword in call.keywords)]
        if call.keywords or not all(isinstance(a, (ast.Constant, ast.Name)) for a in extra):
            yield (
                f"translate() with {', '.join(ast.unparse(a) for a in extra)} after the source: "
                "lupdate skips a call whose later arguments are not plain names or literals "
                "(or are keywords); put the count in a variable first"
            )
    if what not in MARKS and context is not None and _is_reference(context) and _is_str(source):
        yield (
            f"{what}({ast.unparse(context)}, ...): lupdate needs the context as a string literal"
        )


def scan(source_dir: Path) -> list[Finding]:
    """Translations under `source_dir` that lupdate cannot see or cannot match."""
    findings = []
    for module in _load(source_dir):
        shown = module.path.relative_to(source_dir.parent).as_posix()
        for node in ast.walk(module.tree):
            if isinstance(node, ast.Call):
                findings += [Finding(shown, node.lineno, p) for p in _check_call(node, module)]
    return sorted(findings, key=lambda f: (f.path, f.line, f.problem))


def _write(root: Path, files: dict[str, str]) -> Path:
    source_dir = root / "desktop"
    for name, text in files.items():
        path = source_dir / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return source_dir


def _lupdate_sources(source_dir: Path, tmp: Path) -> set[tuple[str, str]]:
    ts = tmp / "sample.ts"
    i18n_tool.run_lupdate(ts, i18n_tool.source_files(source_dir))
    return {
        (context.findtext("name", ""), message.findtext("source", ""))
        for context in ET.parse(ts).getroot().iter("context")
        for message in context.iter("message")
    }


# The pattern that hid the PDPA report's Thai from lupdate, as it was.
OLD_HELPER = """\
from PySide6.QtCore import QCoreApplication

CONTEXT = "AccessReport"


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def _none() -> str:
    return f"<p>{_t('None recorded.')}</p>"


def labels() -> list[str]:
    return [_t("Title"), _t(text="First name")]
"""

# Ways that work: literals, and texts marked with QT_TRANSLATE_NOOP looked up by variable.
GOOD = """\
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QWidget

HEADERS = (QT_TRANSLATE_NOOP("Report", "Member"), QT_TRANSLATE_NOOP("Report", "When"))
LABELS = {"phone": ("Form", QT_TRANSLATE_NOOP("Form", "Mobile"))}


def _tr(text: str) -> str:
    return QCoreApplication.translate("Report", text)


def header(section: int) -> str:
    return _tr(HEADERS[section])


def label(field: str) -> str:
    context, source = LABELS[field]
    return QCoreApplication.translate(context, source)


def none() -> str:
    text = QCoreApplication.translate("Report", "None recorded.")
    return f"<p>{text}</p>"


def rows(count: int) -> str:
    return QCoreApplication.translate("Report", "%n row(s)", "", count)


def digits(text: str) -> str:
    return text.translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))


class View(QWidget):
    def title(self, count: int) -> str:
        return self.tr("%1 members").replace("%1", str(count))
"""

# Direct calls lupdate skips (lines 5, 9, 13, 25) or files under a text never looked up (18, 21).
BAD = """\
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QWidget

CONTEXT = "View"
MARK = QT_TRANSLATE_NOOP(CONTEXT, "Marked")


def title() -> str:
    return QCoreApplication.translate(CONTEXT, "Title")


def note() -> str:
    return f"<p>{QCoreApplication.translate('View', 'Inside an f-string')}</p>"


class View(QWidget):
    def count(self, shown: int) -> str:
        return self.tr(f"{shown} members")

    def total(self, total: int) -> str:
        return self.tr("{total} in all".format(total=total))


def wait(seconds: int) -> str:
    return QCoreApplication.translate("View", "Wait %n second(s).", "", max(seconds, 1))
"""

# Wrappers of wrappers, a partial, an alias, a method, and a wrapper imported under a new name.
WORDS = """\
import functools

from PySide6.QtCore import QCoreApplication

_ = functools.partial(QCoreApplication.translate, "Words")
tx = QCoreApplication.translate


def word(text: str) -> str:
    return _(text)


class Labels:
    def label(self, text: str) -> str:
        return word(text)

    def use(self) -> str:
        return self.label("Method")
"""
USES_WORDS = """\
from desktop.words import tx, word as w

TITLE = w("Imported")
HEADING = tx("View", "Alias")
"""


# Found by this scan when it was written, in files outside the change that added it; each is Thai
# missing from the catalogue. Fix the file and delete its line (the test fails on a stale count).
KNOWN_FINDINGS: dict[str, int] = {}


def test_desktop_translates_only_what_lupdate_can_see() -> None:
    findings = scan(i18n_tool.SOURCE_DIR)
    new = [finding for finding in findings if finding.path not in KNOWN_FINDINGS]
    assert not new, (
        f"{len(new)} translation(s) lupdate cannot see or match (their Thai would be lost):\n"
        + "\n".join(f"  {finding}" for finding in new)
    )
    counts = Counter(finding.path for finding in findings)
    assert {path: counts[path] for path in KNOWN_FINDINGS} == KNOWN_FINDINGS, (
        "KNOWN_FINDINGS is out of date (lower or delete the count of a fixed file):\n"
        + "\n".join(f"  {f}" for f in findings if f.path in KNOWN_FINDINGS)
    )


def test_the_old_helper_is_found_and_lupdate_really_misses_its_strings(tmp_path: Path) -> None:
    source_dir = _write(tmp_path, {"printing/report.py": OLD_HELPER})
    assert [(f.line, f.problem.split(" ", 3)[:3]) for f in scan(source_dir)] == [
        (11, ["_t()", "passes", "'None"]),
        (15, ["_t()", "passes", "'First"]),
        (15, ["_t()", "passes", "'Title'"]),
    ]
    assert _lupdate_sources(source_dir, tmp_path) == set()


def test_literal_calls_pass_and_lupdate_sees_them(tmp_path: Path) -> None:
    source_dir = _write(tmp_path, {"printing/report.py": GOOD})
    assert scan(source_dir) == []
    assert _lupdate_sources(source_dir, tmp_path) == {
        ("Report", "Member"), ("Report", "When"), ("Form", "Mobile"),
        ("Report", "None recorded."), ("Report", "%n row(s)"), ("View", "%1 members"),
    }  # fmt: skip


def test_translations_lupdate_skips_or_cannot_match_are_found(tmp_path: Path) -> None:
    source_dir = _write(tmp_path, {"view.py": BAD})
    assert [(f.line, f.problem.split(" ", 2)[:2]) for f in scan(source_dir)] == [
        (5, ["QT_TRANSLATE_NOOP()", "with"]),
        (9, ["translate(CONTEXT,", "...):"]),
        (13, ["translate()", "inside"]),
        (18, ["tr()", "with"]),
        (21, ["tr()", "with"]),
        (25, ["translate()", "with"]),
    ]
    seen = _lupdate_sources(source_dir, tmp_path)
    skipped = {("View", "Title"), ("View", "Inside an f-string"), ("View", "Wait %n second(s).")}
    assert not seen & skipped
    assert ("View", "{shown} members") in seen  # filed, yet never equal to "3 members"


def test_wrappers_are_followed_through_helpers_aliases_and_imports(tmp_path: Path) -> None:
    source_dir = _write(tmp_path, {"words.py": WORDS, "view.py": USES_WORDS})
    assert [(f.path, f.line, f.problem.split(" ")[0]) for f in scan(source_dir)] == [
        ("desktop/view.py", 3, "w()"),
        ("desktop/view.py", 4, "tx()"),
        ("desktop/view.py", 4, "tx()"),
        ("desktop/words.py", 18, "label()"),
    ]
    assert _lupdate_sources(source_dir, tmp_path) == set()
