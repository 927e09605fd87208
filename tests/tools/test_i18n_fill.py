"""`python -m tools.i18n fill` takes Thai written beside new code into the catalogue."""

from __future__ import annotations

import json
from pathlib import Path

from tools.i18n import fill, load_pending, untranslated

TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="th_TH" sourcelanguage="en">
<context>
    <name>Backups</name>
    <message>
        <source>Back up now</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln backup(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>กู้คืน</translation>
    </message>
    <message>
        <source>Not in the pending file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
"""


def test_fill_takes_pending_thai_and_leaves_the_rest(tmp_path: Path) -> None:
    pending = tmp_path / "pending"
    pending.mkdir()
    (pending / "backups.json").write_text(
        json.dumps(
            {"Backups": {"Back up now": "สำรองข้อมูลเดี๋ยวนี้", "%Ln backup(s)": "%Ln ชุด",
                         "Restore": "ไม่ควรทับของเดิม"}},
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    ts = tmp_path / "t_th.ts"
    ts.write_text(TS, encoding="utf-8")

    filled = fill(ts, load_pending(pending))

    assert filled == 2
    text = ts.read_text(encoding="utf-8")
    assert "สำรองข้อมูลเดี๋ยวนี้" in text and "%Ln ชุด" in text
    assert "ไม่ควรทับของเดิม" not in text  # a finished translation is kept
    assert [m.source for m in untranslated(ts)] == ["Not in the pending file"]


def test_the_english_catalogue_counts_every_ln_source_with_an_s_to_resolve(
    tmp_path: Path,
) -> None:
    """lupdate marks a tr() with a count as numerus, but not QCoreApplication.translate with
    one: both get English singular and plural forms ("Undo change of 1 member")."""
    from tools.i18n import english_catalogue

    thai = tmp_path / "th.ts"
    thai.write_text(
        TS.replace(
            "<source>Restore</source>", "<source>Undo change of %Ln member(s)</source>"
        ),
        encoding="utf-8",
    )
    english = english_catalogue(thai)
    assert "<numerusform>Undo change of %Ln member</numerusform>" in english
    assert "<numerusform>%Ln backups</numerusform>" in english
    assert "Back up now" not in english
