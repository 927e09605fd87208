"""Benchmark: importing a 393,000-row, 20-column .xlsx into a fresh register. Run on demand:

    .venv/bin/pytest tests/benchmarks/test_import_speed.py -m slow -s

The sheet (cached in /tmp/khrueakhai-bench/, about 30 MB, made once with xlsxwriter's
constant_memory mode) has a title row, Thai headers, full names with prefixes, dashed national
IDs, BE dates as text and as date cells, phones with dashes, province nicknames and abbreviated
organisation names, like the messy test sheets. The register has the country's ~7,850
organisations. Prints the import time (target: under 20 s) beside the time calamine needs just
to read the sheet and the time of a bare sqlite3 executemany of the same rows into a plain table,
and how often progress was reported.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import platform
import random
import shutil
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest
import xlsxwriter

from db.engine import Database, open_database
from db.io.import_members import import_members
from db.io.readers import read_table
from db.members.query import count_members, search_member_keys
from db.members.types import MemberFilter
from db.search import check_member_index, index_search_backlog
from db.thai.collation import thai_sort_key
from db.thai.national_id import check_digit

MEMBERS = int(os.environ.get("KHRUEAKHAI_BENCH_MEMBERS", "393000"))
TARGET_SECONDS = 20.0
# Measured here (2 cores shared with other work, load average 2-3): about 80-100 s wall,
# 65-75 s CPU before the import-speed work; after it 50-57 s wall, 52-56 s CPU (read 8 s,
# checks 17-19 s CPU beside inserts 17-19 s CPU, finish 6-7 s, commit 3-4 s). Quiet, with the
# sheet read through iter_rows: 45.6 s wall, 56.2 s CPU (read 8.4 s, checks 18.3 s, inserts 19.9
# s, finish 6.2 s, commit 4.7 s). The target is not reached: the CPU alone (FTS5 trigram index
# ~10 s, calamine's parse ~7 s, the row checks ~18 s) is more than 2 cores give in 20 s.
# Since the commit no longer copies the log into the file (2.8-3.2 s, now timed apart, run in
# the app's background): 38.3 s until committed, CPU 47.3 s. Then (runs alternated, same hour):
# the search documents after the commit alone, 41.3-45.5 s against 43.5-45.4 s (the FTS work
# ran beside the checks, on the other core); with the checks shared with a second process
# too, 34.0-42.0 s against 42.6-52.1 s without either. LibreOffice, run in the same benchmark,
# took 18.5-25.0 s to open the sheet here (the machine: ~17 s); at the last runs 34.6 s
# beside LibreOffice's 20.1 s, 36.6 s beside 18.5 s. Then the child reading the sheet itself
# (sent row numbers), starting once ready, 3 batches of 4: alternating with the code before,
# 33.6-38.6 s against 35.8-42.7 s in an evening when the same code varied 33-46 s; the run
# after: 35.8 s beside LibreOffice's 26.1 s (calamine alone 10.3 s). The importing process's
# GIL is the bottleneck now (py-spy --gil: its main thread ~16 s of the row loop, its writer
# ~5 s; the second process waits for it). A day later, sampling each thread's CPU every 0.5 s:
# the read keeps both cores busy (both processes parse); the row loop uses 1.7-1.9 of the 2
# cores (importing thread ~55 %, writer ~50 %, second process 60-100 %); the finish (index
# rebuilds 4.3 s, 0.2-0.65 s each) and the commit use one. About 64 s of CPU in all: the 2
# cores are nearly saturated, so only less work shortens the import, not a different split.
# Tried then and dropped, each alternated with the code before in the same minutes: the child
# sending its results from a thread (it ran ahead, and took the core from the importing
# process: 38.2-41.5 s against 33.6-39.3 s); 7 batches of 8 to the child (34.1-36.4 s against
# 33.8-39.4 s); keeping the 3 indexes whose keys arrive nearly in order during the inserts
# (finish -1.4 s, writer +2.5 s CPU: 34.3-34.5 s against 34.4-35.7 s). Measured for the
# record: the member rows' inserts take 3.0 s of the writer, the 655,042 strengths 2.9 s, the
# import log's rows 1.1 s; the checks 33-36 us a row. The same rows saved as Excel saves
# them (shared strings; calamine reads it 1.4 s quicker) import 4-5 s quicker.
# 2026-11-25, after the rules for footers, year-only dates, brackets, extensions and the
# membership-number key: 38.2 s (load 1.7, other work running) against 40.1 s that morning
# before them (calamine's read alone 9.1-11.0 s, of which its parse 7.3 s before any Python
# object exists): the 20 s are out of reach on these 2 cores while the parse, the checks and
# the inserts alone take more CPU than 2 cores give in 20 s.
REGRESSION_SECONDS = 240.0
CACHE = Path(os.environ.get("KHRUEAKHAI_BENCH_DIR", "/tmp/khrueakhai-bench"))
SEED = 3

HEADERS = (
    "ลำดับ", "ชื่อ-สกุล", "ชื่อเล่น", "เลขประจำตัวประชาชน", "วัน/เดือน/ปีเกิด", "เพศ",
    "ตำแหน่ง", "ประเภทบุคลากร", "สังกัด", "จังหวัด", "อำเภอ", "เบอร์โทรศัพท์", "อีเมล",
    "ไลน์ไอดี", "เลขสมาชิก", "วันที่สมัคร", "สถานะ", "ความเชี่ยวชาญ", "ที่อยู่", "หมายเหตุ",
)  # fmt: skip
FIRST = ("สม", "ประ", "วิ", "สุ", "อรุณ", "กิตติ", "ธนา", "พิม", "มาลี", "จันทร์", "ศรี", "ชัย",
         "นภา", "อำนาจ", "บุญ", "ทอง", "รัตน", "วรร", "สมบัติ", "ปรีชา")  # fmt: skip
SECOND = ("ชาย", "หญิง", "ศักดิ์", "พร", "วัฒน์", "ชัย", "ดา", "นุช", "รัตน์", "เดช", "ภพ",
          "สิทธิ์", "ณี", "วรรณ", "กานต์", "ธร")  # fmt: skip
LAST_PARTS = ("ใจ", "ดี", "ศรี", "สุข", "ทอง", "มั่น", "คง", "รัก", "ไทย", "แก้ว", "บุญ", "มี",
              "ชัย", "วงศ์", "เจริญ", "พงษ์", "สวัสดิ์", "กุล", "ประเสริฐ", "งาม", "เพชร",
              "ทรัพย์", "สิน", "ธรรม")  # fmt: skip
POSITIONS = ("ปลัด อบต.", "ปลัดเทศบาล", "นักวิเคราะห์นโยบายและแผน", "นิติกร", "นักทรัพยากรบุคคล",
             "นักวิชาการเงินและบัญชี", "เจ้าพนักงานธุรการ", "ผู้อำนวยการกองคลัง", "หัวหน้าสำนักปลัด")  # fmt: skip
PERSONNEL = ("ข้าราชการส่วนท้องถิ่น", "พนักงานส่วนตำบล", "พนักงานเทศบาล", "พนักงานจ้าง",
             "ลูกจ้างประจำ")  # fmt: skip
STRENGTHS = ("การเงินการคลัง", "กฎหมายท้องถิ่น", "การจัดทำแผนพัฒนาท้องถิ่น", "พัสดุและการจัดซื้อจัดจ้าง",
             "การบริหารโครงการ", "")  # fmt: skip
PLACE_PARTS = ("บ้าน", "หนอง", "โนน", "ดอน", "นา", "ท่า", "ห้วย", "โคก", "สระ", "วัง", "บึง",
               "ป่า", "เขา", "ทุ่ง", "คลอง", "บาง")  # fmt: skip
PLACE_ENDS = ("ใหม่", "บัว", "แดง", "ใหญ่", "เหนือ", "ใต้", "ทอง", "งาม", "หลวง", "สูง", "ยาง",
              "โพธิ์", "ไทร", "แก", "ขาม", "กลาง", "ม่วง", "สะอาด", "ตะเคียน", "เจริญ")  # fmt: skip
ORG_TYPES = (
    ("sao", "องค์การบริหารส่วนตำบล", "อบต.", 0.68),
    ("subdistrict_municipality", "เทศบาลตำบล", "ทต.", 0.29),
    ("town_municipality", "เทศบาลเมือง", "ทม.", 0.03),
)
ORGANISATIONS = 7_850
LIBREOFFICE_REFERENCE_S = 17.0  # issue 3: LibreOffice Calc opening such a file on its machine


def _machine() -> str:
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return (
        f"{platform.machine()} {os.cpu_count()} cores, Python {platform.python_version()},"
        f" SQLite {sqlite3.sqlite_version}, load average {load}"
    )


def _organisations(provinces: list[tuple[int, str]]) -> list[tuple[str, str, str, int]]:
    """(type code, full name, abbreviated name, province code): unique names per province."""
    rng = random.Random(SEED)
    result = []
    places = [a + b for a in PLACE_PARTS for b in PLACE_ENDS]
    for index in range(ORGANISATIONS):
        code = provinces[index % len(provinces)][0]
        pick = rng.random()
        chosen = ORG_TYPES[-1]
        for kind in ORG_TYPES:
            if pick < kind[3]:
                chosen = kind
                break
            pick -= kind[3]
        type_code, full, abbreviation, _ = chosen
        place = places[(index // len(provinces)) % len(places)]
        result.append((type_code, f"{full}{place}", f"{abbreviation}{place}", code))
    return result


def _province_names(path: Path) -> list[tuple[int, str]]:
    database = open_database(path)
    connection = database.raw_connection()
    try:
        return connection.execute("SELECT code, name_th FROM province ORDER BY code").fetchall()
    finally:
        connection.close()
        database.dispose()


def make_sheet(
    path: Path, provinces: list[tuple[int, str]], *, shared_strings: bool = False
) -> None:
    """The benchmark's sheet. By default its text is written in the cells (xlsxwriter's
    constant_memory mode: quick to make); ``shared_strings`` writes the same rows as Excel and
    LibreOffice save a workbook, the text in a table of shared strings that the cells point
    to (a smaller sheet to parse, and a table to read first)."""
    rng = random.Random(SEED)
    organisations = _organisations(provinces)
    nicknames = {"นครราชสีมา": "โคราช", "กรุงเทพมหานคร": "กทม."}
    province_name = dict(provinces)
    workbook = xlsxwriter.Workbook(str(path), {"constant_memory": not shared_strings})
    sheet = workbook.add_worksheet("สมาชิก")
    date_format = workbook.add_format({"num_format": "dd/mm/yyyy"})
    sheet.write_string(0, 0, "ทะเบียนสมาชิกเครือข่ายข้าราชการส่วนท้องถิ่น ปี ๒๕๖๙")
    for column, name in enumerate(HEADERS):
        sheet.write_string(2, column, name)
    months = ("ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.",
              "พ.ย.", "ธ.ค.")  # fmt: skip
    for index in range(MEMBERS):
        row = index + 3
        female = rng.random() < 0.55
        prefix = rng.choice(("นางสาว", "นาง")) if female else rng.choice(("นาย", "นาย", "ว่าที่ ร.ต."))
        first = rng.choice(FIRST) + rng.choice(SECOND)
        last = "".join(rng.sample(LAST_PARTS, 3))
        twelve = f"{1 + index % 8}{index:011d}"
        national_id = twelve + check_digit(twelve)
        birth = dt.date(1960, 1, 1) + dt.timedelta(days=rng.randrange(365 * 40))
        _, full, abbreviation, province = organisations[rng.randrange(len(organisations))]
        province_text = province_name[province]
        sheet.write_number(row, 0, index + 1)
        sheet.write_string(row, 1, f"{prefix}{first} {last}")
        sheet.write_string(row, 2, rng.choice(("แดง", "ต้อม", "นก", "เอ", "บี", "")))
        sheet.write_string(
            row, 3, f"{national_id[0]}-{national_id[1:5]}-{national_id[5:10]}-{national_id[10:12]}"
            f"-{national_id[12]}",
        )  # fmt: skip
        if index % 2:
            sheet.write_string(
                row, 4, f"{birth.day} {months[birth.month - 1]} {birth.year + 543}"
            )
        else:
            sheet.write_datetime(
                row, 4, dt.datetime(birth.year, birth.month, birth.day), date_format
            )
        sheet.write_string(row, 5, "หญิง" if female else "ชาย")
        sheet.write_string(row, 6, rng.choice(POSITIONS))
        sheet.write_string(row, 7, rng.choice(PERSONNEL))
        sheet.write_string(row, 8, abbreviation if index % 3 else full)
        sheet.write_string(row, 9, nicknames.get(province_text, province_text))
        sheet.write_string(row, 10, "")
        phone = f"08{index % 10}{index:07d}"[-10:]
        sheet.write_string(row, 11, f"{phone[:3]}-{phone[3:6]}-{phone[6:]}")
        sheet.write_string(row, 12, f"m{index}@example.org")
        sheet.write_string(row, 13, f"line{index}")
        sheet.write_string(row, 14, f"ส{index:06d}")
        joined = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(3000))
        sheet.write_string(row, 15, f"{joined.day:02d}/{joined.month:02d}/{joined.year + 543}")
        sheet.write_string(row, 16, "เป็นสมาชิก")
        sheet.write_string(row, 17, ", ".join(t for t in rng.sample(STRENGTHS, 2) if t))
        sheet.write_string(row, 18, f"{rng.randrange(1, 300)} หมู่ {rng.randrange(1, 15)}")
        sheet.write_string(row, 19, "")
    workbook.close()


def _register(path: Path, provinces: list[tuple[int, str]]) -> None:
    """A fresh register with the country's organisations (as a real one has)."""
    database = open_database(path)
    connection = database.raw_connection()
    try:
        office, hlc = connection.execute(
            "SELECT value, '0000000000000.00000.x' FROM local_setting WHERE key = 'this_office_id'"
        ).fetchone()
        now = "2026-01-01T00:00:00.000Z"
        rows = [
            (f"org-{i:05d}", office, now, now, hlc, type_code, full, province, thai_sort_key(full))
            for i, (type_code, full, _, province) in enumerate(_organisations(provinces))
        ]
        connection.execute("BEGIN")
        connection.executemany(
            "INSERT INTO organisation (id, owner_office_id, created_at, updated_at, hlc,"
            " type_code, name, province_code, name_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        connection.execute("COMMIT")
    finally:
        connection.close()
        database.dispose()


def _bare_executemany(rows: list[list[object]], path: Path) -> float:
    """The same rows into a plain 20-column table, nothing else: the floor for any import."""
    connection = sqlite3.connect(path)
    connection.execute(f"CREATE TABLE bare ({', '.join(f'c{i}' for i in range(len(HEADERS)))})")
    values = [tuple(str(cell) for cell in row) for row in rows]
    started = time.perf_counter()
    connection.execute("BEGIN")
    connection.executemany(f"INSERT INTO bare VALUES ({', '.join('?' * len(HEADERS))})", values)
    connection.execute("COMMIT")
    seconds = time.perf_counter() - started
    connection.close()
    return seconds


def _search_seconds(database: Database) -> float:
    """A search as the members view makes it: the first 40 by name, then the count."""
    filters = MemberFilter(text="ปรีชา")
    started = time.perf_counter()
    with database.session() as session:
        keys = search_member_keys(session, filters=filters, limit=40)
        count = count_members(session, filters=filters)
    assert len(keys) == 40 and count > 40
    return time.perf_counter() - started


def _libreoffice_seconds(sheet: Path, folder: Path) -> float | None:
    """LibreOffice's time to open the sheet (and write it as CSV), the issue's yardstick for
    this machine's speed; None without LibreOffice (or KHRUEAKHAI_BENCH_LIBREOFFICE=0)."""
    soffice = shutil.which("soffice")
    if soffice is None or os.environ.get("KHRUEAKHAI_BENCH_LIBREOFFICE") == "0":
        return None
    started = time.perf_counter()
    subprocess.run(
        [soffice, "--headless", f"-env:UserInstallation=file://{folder}/lo-profile",
         "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", str(folder),
         str(sheet)],
        check=True, capture_output=True, timeout=600,
    )  # fmt: skip
    return time.perf_counter() - started


def _cached_sheet(provinces: list[tuple[int, str]], *, shared_strings: bool = False) -> Path:
    CACHE.mkdir(parents=True, exist_ok=True)
    kind = "-shared-strings" if shared_strings else ""
    sheet_path = CACHE / f"import-{MEMBERS}-seed{SEED}{kind}.xlsx"
    if not sheet_path.exists():
        started = time.perf_counter()
        partial = sheet_path.with_suffix(".partial.xlsx")
        make_sheet(partial, provinces, shared_strings=shared_strings)
        partial.rename(sheet_path)
        print(f"\nmade {sheet_path} in {time.perf_counter() - started:.1f} s")
    return sheet_path


def _excel_saved_seconds(provinces: list[tuple[int, str]], folder: Path) -> tuple[float, float]:
    """The same import of the same rows saved as Excel saves them (shared strings), into a
    fresh register of its own: (import seconds until committed, calamine's read alone)."""
    sheet_path = _cached_sheet(provinces, shared_strings=True)
    started = time.perf_counter()
    table = read_table(sheet_path)
    read_seconds = time.perf_counter() - started
    del table
    db_path = folder / "import-shared-strings.sqlite"
    _register(db_path, provinces)
    database = open_database(db_path)
    try:
        started = time.perf_counter()
        report = import_members(
            database, path=sheet_path, checkpoint=False, defer_search_index=True
        )
        seconds = time.perf_counter() - started
    finally:
        database.dispose()
    assert report.imported == MEMBERS, report.errors[:5]
    return seconds, read_seconds


@pytest.mark.slow
def test_import_393k_rows(tmp_path: Path) -> None:
    provinces = _province_names(tmp_path / "reference.sqlite")
    sheet_path = _cached_sheet(provinces)

    started = time.perf_counter()
    table = read_table(sheet_path)
    read_seconds = time.perf_counter() - started
    bare_seconds = _bare_executemany(table.rows[3:], tmp_path / "bare.sqlite")
    del table

    db_path = tmp_path / "import.sqlite"
    _register(db_path, provinces)
    database = open_database(db_path)
    calls: list[float] = []

    def progress(done: int, total: int) -> bool:
        calls.append(time.perf_counter())
        return True

    started = time.perf_counter()
    cpu_started = time.process_time()
    # As the wizard does: the result is there once the import committed; the new members'
    # search documents are written and the write-ahead log is copied into the database file
    # afterwards, in the background (timed apart below).
    report = import_members(
        database, path=sheet_path, progress=progress, checkpoint=False, defer_search_index=True
    )
    seconds = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    waiting_search = _search_seconds(database)
    started = time.perf_counter()
    indexed = index_search_backlog(lambda: database.raw_connection(create=False))
    backlog_seconds = time.perf_counter() - started
    indexed_search = _search_seconds(database)
    started = time.perf_counter()
    database.checkpoint()
    checkpoint_seconds = time.perf_counter() - started
    gaps = [b - a for a, b in itertools.pairwise(calls)]
    libreoffice = _libreoffice_seconds(sheet_path, tmp_path)
    excel_saved, excel_saved_read = _excel_saved_seconds(provinces, tmp_path)

    connection = database.raw_connection()
    try:
        (members,) = connection.execute("SELECT count(*) FROM member").fetchone()
        (strengths,) = connection.execute("SELECT count(*) FROM member_strength").fetchone()
        index_ok = check_member_index(connection)
    finally:
        connection.close()
        database.dispose()

    size = sheet_path.stat().st_size / 1e6
    print(f"\nimport of {MEMBERS:,} rows x {len(HEADERS)} columns ({size:.0f} MB .xlsx)")
    print(f"  on {_machine()}")
    print(f"  import_members        {seconds:6.1f} s (CPU {cpu:.1f} s, until committed),"
          f" target {TARGET_SECONDS:.0f} s")
    phases = report.phases
    print(f"    read {phases.get('read', 0):.1f} s; checks {phases.get('checks', 0):.1f} s CPU"
          f" (checking thread) + {phases.get('checks beside', 0):.1f} s CPU (second process,"
          f" 3 batches of 4 once ready); inserts {phases.get('inserts', 0):.1f} s CPU (writer"
          f" thread, beside the checks); finish {phases.get('finish', 0):.1f} s (last index ranges,"
          f" rebuilt indexes); commit {phases.get('commit', 0):.1f} s")
    print(f"  then search documents {backlog_seconds:6.1f} s ({indexed:,} members, 20,000 per"
          " transaction: in the app's background after the result is shown; the command line"
          " writes them inside the import)")
    print(f"    a search meanwhile  {waiting_search * 1000:6.0f} ms (first 40 by name and the"
          f" count; {indexed_search * 1000:.0f} ms once indexed)")
    print(f"  then the log copied   {checkpoint_seconds:6.1f} s (WAL checkpoint: in the app's"
          " background after the result is shown; the command line waits for it)")
    print(f"  as Excel saves it     {excel_saved:6.1f} s (the same rows, text in a shared-string"
          f" table; read alone {excel_saved_read:.1f} s)")
    print(f"  reading alone         {read_seconds:6.1f} s (python-calamine, all cells to Python)")
    print(f"  bare executemany      {bare_seconds:6.1f} s (same rows as text, plain table)")
    if libreoffice is not None:
        print(f"  LibreOffice           {libreoffice:6.1f} s to open the sheet and save it as CSV"
              f" here (issue 3: ~{LIBREOFFICE_REFERENCE_S:.0f} s to open it on its machine)")
    print(f"  imported {report.imported:,}, skipped {report.skipped:,}, rejected"
          f" {report.rejected:,}, warnings {len(report.warnings):,}; members {members:,},"
          f" strengths {strengths:,}")
    print(f"  progress: {len(calls)} calls, longest gap {max(gaps, default=0) * 1000:.0f} ms"
          " (the read before the first call not counted)")
    verdict = "within" if seconds < TARGET_SECONDS else "MISSES"
    print(f"  {verdict} the {TARGET_SECONDS:.0f} s target of issue 3")
    assert report.imported == MEMBERS, report.errors[:5]
    assert members == MEMBERS
    assert index_ok
    assert calls and max(gaps, default=0) < 10.0  # progress keeps coming (cancel stays possible)
    assert seconds < REGRESSION_SECONDS  # a gross regression, not the target (printed above)
