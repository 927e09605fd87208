"""The Thai written in resources/translations/pending/privacy.json, installed as a translator.

Until the lead merges the pending file into the catalogue (``python -m tools.i18n fill``), the
compiled .qm lacks these strings; tests that look at the Thai output install this one first. The
JSON is written as a small .ts, compiled with ``pyside6-lrelease`` and loaded by a plain
QTranslator (as the app loads its catalogue).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from xml.sax.saxutils import escape

from PySide6.QtCore import QCoreApplication, QTranslator

PENDING = Path(__file__).resolve().parents[3] / "resources/translations/pending/privacy.json"


def _ts(texts: dict[str, dict[str, str]]) -> str:
    parts = [
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="th_TH">'
    ]
    for context, messages in texts.items():
        parts.append(f"<context><name>{escape(context)}</name>")
        for source, thai in messages.items():
            if "%n" in source or "%Ln" in source:
                parts.append(
                    f'<message numerus="yes"><source>{escape(source)}</source><translation>'
                    f"<numerusform>{escape(thai)}</numerusform></translation></message>"
                )
            else:
                parts.append(
                    f"<message><source>{escape(source)}</source>"
                    f"<translation>{escape(thai)}</translation></message>"
                )
        parts.append("</context>")
    parts.append("</TS>")
    return "\n".join(parts)


@contextmanager
def pending_thai() -> Iterator[QTranslator]:
    texts = json.loads(PENDING.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as folder:
        ts, qm = Path(folder) / "pending.ts", Path(folder) / "pending.qm"
        ts.write_text(_ts(texts), encoding="utf-8")
        lrelease = Path(sys.executable).with_name("pyside6-lrelease")
        subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(qm)], check=True)
        translator = QTranslator()
        if not translator.load(str(qm)):
            raise RuntimeError(f"could not load {qm}")
        QCoreApplication.installTranslator(translator)
        try:
            yield translator
        finally:
            QCoreApplication.removeTranslator(translator)
