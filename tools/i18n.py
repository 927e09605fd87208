"""Keep the Thai translation in step with the source.

    python -m tools.i18n update   # lupdate desktop/ into resources/translations/khrueakhai_th.ts
                                  # (existing translations kept), then list what is untranslated;
                                  # also writes khrueakhai_en.ts (English plural forms)
    python -m tools.i18n check    # list untranslated strings (.ts untouched); exit 1 if any
    python -m tools.i18n release  # compile every .ts in resources/translations to .qm
    python -m tools.i18n fill     # update, then take Thai from translations/pending/*.json
                                  # ({"Context": {"English source": "Thai"}}) into the .ts

Translate with Qt Linguist (``pyside6-linguist resources/translations/khrueakhai_th.ts``) or by
editing the XML: fill in ``<translation>`` and remove ``type="unfinished"``.

English needs no catalogue except for counts: without one Qt shows a source such as
``%Ln member(s)`` as it is ("1 member(s)"). ``khrueakhai_en.ts`` is generated from the counted
strings of the Thai catalogue: "(s)" becomes "" for one and "s" for more ("1 member",
"2,000 members"). Write counted English sources with "(s)" on the word that changes.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from desktop import i18n

ROOT = Path(__file__).resolve().parent.parent
SOURCE_DIR = ROOT / "desktop"
TRANSLATIONS = ROOT / "resources" / "translations"
CATALOGUE_TS = TRANSLATIONS / f"{i18n.CATALOGUE}_th.ts"
ENGLISH_TS = TRANSLATIONS / f"{i18n.CATALOGUE}_en.ts"
PENDING = TRANSLATIONS / "pending"


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    locations: tuple[str, ...]

    def __str__(self) -> str:
        where = ", ".join(self.locations) or "no location"
        return f"[{self.context}] {self.source!r} ({where})"


def source_files(source_dir: Path = SOURCE_DIR) -> list[Path]:
    return sorted(path for path in source_dir.rglob("*.py") if "__pycache__" not in path.parts)


def run_lupdate(ts: Path, sources: list[Path], *, drop_obsolete: bool = False) -> None:
    """Merge the strings in ``sources`` into ``ts`` (created if missing), keeping translations."""
    command = [
        i18n.qt_tool("lupdate"),
        "-silent",
        "-locations",
        "absolute",
        "-source-language",
        "en",
        "-target-language",
        "th_TH",
    ]
    if drop_obsolete:
        command.append("-no-obsolete")
    # A list file keeps the command line short (Windows limits it) whatever the number of files.
    with tempfile.TemporaryDirectory(prefix="khrueakhai-lupdate-") as tmp:
        listing = Path(tmp) / "sources.lst"
        listing.write_text("\n".join(str(path) for path in sources) + "\n", encoding="utf-8")
        result = subprocess.run(
            [*command, f"@{listing}", "-ts", str(ts)],
            capture_output=True,
            text=True,
            encoding="utf-8",
        )
    if result.returncode != 0:
        raise RuntimeError(f"lupdate failed ({result.returncode}):\n{result.stderr}")


def english_forms(source: str) -> tuple[str, str]:
    """The English singular and plural of a counted source: ``(s)`` dropped / made ``s``."""
    return source.replace("(s)", ""), source.replace("(s)", "s")


def english_catalogue(thai_ts: Path = CATALOGUE_TS) -> str:
    """The English .ts (its XML text) holding the plural forms of every counted string of
    ``thai_ts`` that has an ``(s)`` to resolve."""
    root = ET.Element("TS", {"version": "2.1", "language": "en_GB", "sourcelanguage": "en"})
    for context in ET.parse(thai_ts).getroot().iter("context"):
        messages = []
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            obsolete = translation is not None and translation.get("type") in (
                "obsolete",
                "vanished",
            )
            # Counted: marked so by lupdate (tr with a count), or a %Ln source it left unmarked
            # (QCoreApplication.translate with a count, which its Python parser does not mark).
            counted = message.get("numerus") == "yes" or "%Ln" in source
            if not counted or "(s)" not in source or obsolete:
                continue
            messages.append((source, message.findtext("comment")))
        if not messages:
            continue
        element = ET.SubElement(root, "context")
        ET.SubElement(element, "name").text = context.findtext("name") or ""
        for source, comment in messages:
            entry = ET.SubElement(element, "message", {"numerus": "yes"})
            ET.SubElement(entry, "source").text = source
            if comment is not None:
                ET.SubElement(entry, "comment").text = comment
            forms = ET.SubElement(entry, "translation")
            for form in english_forms(source):
                ET.SubElement(forms, "numerusform").text = form
    ET.indent(root, space="    ")
    body = ET.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n{body}\n'


def write_english_catalogue(thai_ts: Path = CATALOGUE_TS, english_ts: Path = ENGLISH_TS) -> bool:
    """Write ``english_ts`` from ``thai_ts``; True if it changed."""
    text = english_catalogue(thai_ts)
    if english_ts.exists() and english_ts.read_text(encoding="utf-8") == text:
        return False
    english_ts.write_text(text, encoding="utf-8")
    return True


def untranslated(ts: Path) -> list[Message]:
    """Messages of ``ts`` in use whose Thai is missing or marked unfinished."""
    missing = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type") if translation is not None else "unfinished"
            if kind in ("vanished", "obsolete"):
                continue
            texts = (
                [form.text for form in translation.iter("numerusform")]
                if translation is not None and message.get("numerus") == "yes"
                else [translation.text if translation is not None else None]
            )
            if kind == "unfinished" or not all(text and text.strip() for text in texts):
                locations = tuple(
                    f"{_source_path(ts, location.get('filename', ''))}:{location.get('line', '')}"
                    for location in message.iter("location")
                )
                missing.append(Message(name, message.findtext("source", ""), locations))
    return missing


def _source_path(ts: Path, filename: str) -> str:
    """A location's file (relative to the .ts) as a path from the project root when inside it."""
    path = (ts.parent / filename).resolve()
    return path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else str(path)


def missing_translations(ts: Path = CATALOGUE_TS, source_dir: Path = SOURCE_DIR) -> list[Message]:
    """Strings in the source whose Thai is missing or unfinished in ``ts`` (left untouched)."""
    with tempfile.TemporaryDirectory(prefix="khrueakhai-i18n-") as tmp:
        work = Path(tmp) / ts.name
        if ts.exists():
            shutil.copyfile(ts, work)
        run_lupdate(work, source_files(source_dir), drop_obsolete=True)
        return untranslated(work)


def release(translations: Path = TRANSLATIONS) -> list[Path]:
    compiled = []
    for ts in sorted(translations.glob("*.ts")):
        qm = ts.with_suffix(".qm")
        i18n.compile_catalogue(ts, qm)
        compiled.append(qm)
    return compiled


def load_pending(pending: Path = PENDING) -> dict[tuple[str, str], str]:
    """Thai written beside the code (one JSON file per piece of work) by (context, source)."""
    found: dict[tuple[str, str], str] = {}
    for path in sorted(pending.glob("*.json")):
        for context, messages in json.loads(path.read_text(encoding="utf-8")).items():
            for source, thai in messages.items():
                found[(context, source)] = thai
    return found


def fill(ts: Path, thai: dict[tuple[str, str], str]) -> int:
    """Put ``thai`` into the unfinished messages of ``ts``; returns how many were filled."""
    tree = ET.parse(ts)
    filled = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            text = thai.get((name, message.findtext("source", "")))
            translation = message.find("translation")
            if text is None or translation is None or translation.get("type") != "unfinished":
                continue
            if message.get("numerus") == "yes":
                for form in list(translation):
                    translation.remove(form)
                ET.SubElement(translation, "numerusform").text = text
            else:
                translation.text = text
            del translation.attrib["type"]
            filled += 1
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return filled


def _report(missing: list[Message]) -> None:
    if not missing:
        print("every string has a Thai translation")
        return
    print(f"{len(missing)} string(s) without a finished Thai translation:")
    for message in missing:
        print(f"  {message}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tools.i18n",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("command", choices=["update", "check", "release", "fill"])
    parser.add_argument(
        "--drop-obsolete",
        action="store_true",
        help="update: remove strings no longer in the source",
    )
    args = parser.parse_args(argv)
    sys.stdout.reconfigure(encoding="utf-8")  # type: ignore[union-attr]
    if args.command == "update":
        run_lupdate(CATALOGUE_TS, source_files(), drop_obsolete=args.drop_obsolete)
        print(f"updated {CATALOGUE_TS.relative_to(ROOT)}")
        write_english_catalogue()
        _report(untranslated(CATALOGUE_TS))
        return 0
    if args.command == "fill":
        run_lupdate(CATALOGUE_TS, source_files(), drop_obsolete=args.drop_obsolete)
        count = fill(CATALOGUE_TS, load_pending())
        run_lupdate(CATALOGUE_TS, source_files(), drop_obsolete=args.drop_obsolete)  # tidy XML
        write_english_catalogue()
        print(f"filled {count} translation(s) from {PENDING.relative_to(ROOT)}")
        _report(untranslated(CATALOGUE_TS))
        return 0
    if args.command == "check":
        missing = missing_translations()
        _report(missing)
        stale = (
            not ENGLISH_TS.exists() or ENGLISH_TS.read_text(encoding="utf-8") != english_catalogue()
        )
        if stale:
            print(f"{ENGLISH_TS.relative_to(ROOT)} is out of date: run python -m tools.i18n update")
        return 1 if missing or stale else 0
    for qm in release():
        print(f"compiled {qm.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
