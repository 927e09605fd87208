"""What synthetic members look like: posts per organisation type, nicknames, groups, dues.

Demo-only vocabulary. Codes (personnel types, position types and levels, genders, statuses,
group roles, organisation types) are the ones shipped in ``resources/reference/lists``;
:func:`db.demo.reference.load_demo_reference` checks that the database has every code used
here before anything is written. Position titles are the texts of the ``position`` list (or
free text where the list has none, e.g. Bangkok's own titles): a position is free text with
suggestions.
"""

from __future__ import annotations

from dataclasses import dataclass

# --- organisations -------------------------------------------------------------------------------

# How many of each type exist nationally (THAI.md), used as they are from 100,000 members up.
FULL_SCALE_MEMBERS = 100_000
ORG_COUNTS: dict[str, int] = {
    "pao": 76,
    "city_municipality": 30,
    "town_municipality": 195,
    "subdistrict_municipality": 2247,
    "sao": 5300,
    "bangkok": 1,
    "pattaya": 1,
}
# Every province gets its own อบจ. once the demo has this many members (about 100 a province).
ONE_PAO_PER_PROVINCE_FROM = 7_600

# Share of all members working for each type (about 393,000 nationally): big employers (อบจ.,
# เทศบาลนคร, กทม.) have hundreds of staff each, an อบต. a few dozen.
MEMBER_SHARE: dict[str, float] = {
    "pao": 0.048,
    "city_municipality": 0.069,
    "town_municipality": 0.109,
    "subdistrict_municipality": 0.217,
    "sao": 0.512,
    "bangkok": 0.031,
    "pattaya": 0.004,
}
ORG_TYPES = tuple(ORG_COUNTS)

BANGKOK_PROVINCE = 10
BANGKOK_SEAT_DISTRICT = "เขตพระนคร"
PATTAYA_PROVINCE = 20
PATTAYA_DISTRICT = "บางละมุง"

# Organisation names: type prefix + a place name.
NAME_PREFIX: dict[str, str] = {
    "pao": "องค์การบริหารส่วนจังหวัด",
    "city_municipality": "เทศบาลนคร",
    "town_municipality": "เทศบาลเมือง",
    "subdistrict_municipality": "เทศบาลตำบล",
    "sao": "องค์การบริหารส่วนตำบล",
}
BANGKOK_NAME = "กรุงเทพมหานคร"
PATTAYA_NAME = "เมืองพัทยา"

# Landline area codes by region id (geographies.csv): North 05x, Central 03x, Northeast 04x,
# West 03x, East 03x, South 07x; Bangkok is 02.
AREA_CODES: dict[int, tuple[str, ...]] = {
    1: ("53", "54", "55", "56"),
    2: ("35", "36", "37"),
    3: ("42", "43", "44", "45"),
    4: ("32", "34"),
    5: ("38", "39"),
    6: ("73", "74", "75", "76", "77"),
}
BANGKOK_AREA_CODE = "2"

# --- people --------------------------------------------------------------------------------------

# Employer family of each organisation type: which titles its people carry.
FAMILY: dict[str, str] = {
    "pao": "pao",
    "city_municipality": "municipal",
    "town_municipality": "municipal",
    "subdistrict_municipality": "municipal",
    "sao": "sao",
    "bangkok": "bangkok",
    "pattaya": "pattaya",
}

# Personnel type codes (kind personnel_type).
OFFICIAL = "local_official"
TEACHER = "local_teacher"
PERMANENT = "permanent_employee"
CONTRACT = "contract_employee"
EXECUTIVE = "local_executive"
COUNCIL = "council_member"


@dataclass(frozen=True, slots=True)
class Post:
    """A kind of job: personnel type, title, position type and the levels it may hold.

    ``title`` is the position text; a post whose title depends on the employer (``นายก...``,
    ``สมาชิกสภา...``) has ``title_by_family`` instead.
    """

    personnel_type: str
    title: str = ""
    position_type: str = ""
    levels: tuple[str, ...] = ()  # position_level codes, junior first
    dues_baht: int = 300
    title_by_family: tuple[tuple[str, str], ...] = ()

    def title_for(self, family: str) -> str:
        """The position text at an employer of this family (municipal, sao, pao, ...)."""
        for title_family, title in self.title_by_family:
            if title_family == family:
                return title
        return self.title


def _by_family(**titles: str) -> dict[str, str]:
    return titles


CLERK = _by_family(
    municipal="ปลัดเทศบาล", sao="ปลัดองค์การบริหารส่วนตำบล",
    pao="ปลัดองค์การบริหารส่วนจังหวัด", bangkok="ปลัดกรุงเทพมหานคร", pattaya="ปลัดเมืองพัทยา",
)
DEPUTY_CLERK = _by_family(
    municipal="รองปลัดเทศบาล", sao="รองปลัดองค์การบริหารส่วนตำบล",
    pao="รองปลัดองค์การบริหารส่วนจังหวัด", bangkok="รองปลัดกรุงเทพมหานคร",
    pattaya="รองปลัดเมืองพัทยา",
)
CHIEF_EXECUTIVE = _by_family(
    municipal="นายกเทศมนตรี", sao="นายกองค์การบริหารส่วนตำบล",
    pao="นายกองค์การบริหารส่วนจังหวัด", bangkok="ผู้ว่าราชการกรุงเทพมหานคร",
    pattaya="นายกเมืองพัทยา",
)
DEPUTY_EXECUTIVE = _by_family(
    municipal="รองนายกเทศมนตรี", sao="รองนายกองค์การบริหารส่วนตำบล",
    pao="รองนายกองค์การบริหารส่วนจังหวัด", bangkok="รองผู้ว่าราชการกรุงเทพมหานคร",
    pattaya="รองนายกเมืองพัทยา",
)
COUNCIL_MEMBER = _by_family(
    municipal="สมาชิกสภาเทศบาล", sao="สมาชิกสภาองค์การบริหารส่วนตำบล",
    pao="สมาชิกสภาองค์การบริหารส่วนจังหวัด", bangkok="สมาชิกสภากรุงเทพมหานคร",
    pattaya="สมาชิกสภาเมืองพัทยา",
)

EXEC_LEVELS = ("executive_junior", "executive_middle", "executive_senior")
MANAGER_LEVELS = ("managerial_junior", "managerial_middle", "managerial_senior")
ACADEMIC_LEVELS = (
    "academic_practitioner", "academic_professional", "academic_senior_professional",
    "academic_expert",
)
GENERAL_LEVELS = ("general_operational", "general_experienced", "general_senior")

# The clerk's level follows the size of the organisation.
CLERK_LEVEL: dict[str, tuple[str, ...]] = {
    "sao": ("executive_junior", "executive_middle"),
    "subdistrict_municipality": ("executive_junior", "executive_middle"),
    "town_municipality": ("executive_middle",),
    "city_municipality": ("executive_senior",),
    "pao": ("executive_senior",),
    "bangkok": ("executive_senior",),
    "pattaya": ("executive_senior",),
}

# Everyone after the top posts of an organisation: (post, weight).
STAFF: tuple[tuple[Post, float], ...] = (
    (Post(OFFICIAL, "หัวหน้าฝ่าย", "managerial", MANAGER_LEVELS[:1]), 6),
    (Post(OFFICIAL, "นักวิเคราะห์นโยบายและแผน", "academic", ACADEMIC_LEVELS), 4),
    (Post(OFFICIAL, "นักทรัพยากรบุคคล", "academic", ACADEMIC_LEVELS), 3),
    (Post(OFFICIAL, "นิติกร", "academic", ACADEMIC_LEVELS), 2),
    (Post(OFFICIAL, "นักวิชาการเงินและบัญชี", "academic", ACADEMIC_LEVELS), 4),
    (Post(OFFICIAL, "นักวิชาการพัสดุ", "academic", ACADEMIC_LEVELS), 2),
    (Post(OFFICIAL, "นักวิชาการจัดเก็บรายได้", "academic", ACADEMIC_LEVELS), 2),
    (Post(OFFICIAL, "นักวิชาการตรวจสอบภายใน", "academic", ACADEMIC_LEVELS), 1),
    (Post(OFFICIAL, "นักวิชาการศึกษา", "academic", ACADEMIC_LEVELS), 2),
    (Post(OFFICIAL, "นักวิชาการสาธารณสุข", "academic", ACADEMIC_LEVELS), 2),
    (Post(OFFICIAL, "นักพัฒนาชุมชน", "academic", ACADEMIC_LEVELS), 2),
    (Post(OFFICIAL, "นักจัดการงานทั่วไป", "academic", ACADEMIC_LEVELS), 3),
    (Post(OFFICIAL, "นักวิชาการคอมพิวเตอร์", "academic", ACADEMIC_LEVELS), 1),
    (Post(OFFICIAL, "นักประชาสัมพันธ์", "academic", ACADEMIC_LEVELS), 1),
    (Post(OFFICIAL, "วิศวกรโยธา", "academic", ACADEMIC_LEVELS), 1),
    (Post(OFFICIAL, "เจ้าพนักงานธุรการ", "general", GENERAL_LEVELS), 6),
    (Post(OFFICIAL, "เจ้าพนักงานการเงินและบัญชี", "general", GENERAL_LEVELS), 4),
    (Post(OFFICIAL, "เจ้าพนักงานพัสดุ", "general", GENERAL_LEVELS), 2),
    (Post(OFFICIAL, "เจ้าพนักงานจัดเก็บรายได้", "general", GENERAL_LEVELS), 2),
    (Post(OFFICIAL, "เจ้าพนักงานป้องกันและบรรเทาสาธารณภัย", "general", GENERAL_LEVELS), 2),
    (Post(OFFICIAL, "นายช่างโยธา", "general", GENERAL_LEVELS), 3),
    (Post(TEACHER, "ครู"), 7),
    (Post(TEACHER, "ครูผู้ดูแลเด็ก"), 4),
    (Post(TEACHER, "ผู้อำนวยการสถานศึกษา"), 0.6),
    (Post(PERMANENT, "พนักงานขับรถยนต์", dues_baht=200), 2),
    (Post(CONTRACT, "ผู้ช่วยเจ้าพนักงานธุรการ", dues_baht=200), 7),
    (Post(CONTRACT, "คนงานทั่วไป", dues_baht=200), 5),
    (Post(EXECUTIVE, dues_baht=500, title_by_family=tuple(DEPUTY_EXECUTIVE.items())), 1.2),
    (Post(COUNCIL, dues_baht=500, title_by_family=tuple(COUNCIL_MEMBER.items())), 6),
)

# Staff weights that differ by organisation type: อบจ. and big municipalities run schools
# (and อบจ. the transferred health centres); an อบต. runs a child development centre.
STAFF_WEIGHT_FACTORS: dict[str, dict[str, float]] = {
    "pao": {"ครู": 5, "ผู้อำนวยการสถานศึกษา": 4, "นักวิชาการสาธารณสุข": 4, "ครูผู้ดูแลเด็ก": 0.2},
    "city_municipality": {"ครู": 3, "ผู้อำนวยการสถานศึกษา": 2, "ครูผู้ดูแลเด็ก": 0.5},
    "town_municipality": {"ครู": 2},
    "subdistrict_municipality": {"ครู": 0.3, "ผู้อำนวยการสถานศึกษา": 0.2},
    "sao": {"ครู": 0.15, "ผู้อำนวยการสถานศึกษา": 0.1, "ครูผู้ดูแลเด็ก": 1.5},
    "bangkok": {"ครู": 5, "ผู้อำนวยการสถานศึกษา": 3, "ครูผู้ดูแลเด็ก": 0.2, "คนงานทั่วไป": 2},
    "pattaya": {"ครู": 3, "ผู้อำนวยการสถานศึกษา": 2},
}

# Divisions headed by a director (อำนวยการท้องถิ่น), by organisation type.
_SMALL_DIVISIONS = (
    "หัวหน้าสำนักปลัด", "ผู้อำนวยการกองคลัง", "ผู้อำนวยการกองช่าง", "ผู้อำนวยการกองการศึกษา",
)
_LARGE_DIVISIONS = (
    "ผู้อำนวยการสำนักปลัด", "ผู้อำนวยการกองคลัง", "ผู้อำนวยการกองช่าง",
    "ผู้อำนวยการกองการศึกษา", "ผู้อำนวยการกองสาธารณสุขและสิ่งแวดล้อม",
    "ผู้อำนวยการกองสวัสดิการสังคม", "ผู้อำนวยการกองยุทธศาสตร์และงบประมาณ",
)
DIVISIONS: dict[str, tuple[str, ...]] = {
    "sao": _SMALL_DIVISIONS,
    "subdistrict_municipality": (*_SMALL_DIVISIONS, "ผู้อำนวยการกองสาธารณสุขและสิ่งแวดล้อม"),
    "town_municipality": _LARGE_DIVISIONS,
    "city_municipality": _LARGE_DIVISIONS,
    "pao": _LARGE_DIVISIONS,
    "bangkok": _LARGE_DIVISIONS,
    "pattaya": _LARGE_DIVISIONS,
}
DIRECTOR_LEVELS: dict[str, tuple[str, ...]] = {
    "sao": ("managerial_junior",),
    "subdistrict_municipality": ("managerial_junior",),
    "town_municipality": ("managerial_junior", "managerial_middle"),
    "city_municipality": ("managerial_middle",),
    "pao": ("managerial_middle", "managerial_senior"),
    "bangkok": ("managerial_middle", "managerial_senior"),
    "pattaya": ("managerial_middle",),
}

# --- name prefixes -------------------------------------------------------------------------------

# (prefix, weight); a doctorate replaces นาย/นาง/นางสาว, acting ranks come first.
MALE_PREFIXES: tuple[tuple[str, float], ...] = (
    ("นาย", 93.3), ("ดร.", 2.5), ("ว่าที่ร้อยตรี", 3.0), ("ว่าที่ร้อยตรี ดร.", 0.2),
    ("จ่าสิบเอก", 0.7), ("ว่าที่ร้อยโท", 0.3),
)
FEMALE_PREFIXES_MARRIED: tuple[tuple[str, float], ...] = (
    ("นาง", 95.5), ("ดร.", 2.5), ("ว่าที่ร้อยตรีหญิง", 2.0),
)
FEMALE_PREFIXES_SINGLE: tuple[tuple[str, float], ...] = (
    ("นางสาว", 95.5), ("ดร.", 2.0), ("ว่าที่ร้อยตรีหญิง", 2.5),
)

# Thai nicknames with the romanisation people use for e-mail addresses and LINE IDs.
NICKNAMES_MALE: tuple[tuple[str, str], ...] = (
    ("ต้น", "ton"), ("บอย", "boy"), ("เอก", "ek"), ("เบียร์", "beer"), ("กอล์ฟ", "golf"),
    ("โอ๊ต", "oat"), ("ตั้ม", "tum"), ("เก่ง", "keng"), ("ป๊อป", "pop"), ("แจ๊ค", "jack"),
    ("หนุ่ม", "num"), ("ชาย", "chai"), ("อ๊อด", "od"), ("โจ้", "jo"), ("บอล", "ball"),
    ("ตี๋", "tee"), ("นัท", "nut"), ("เต้", "tae"), ("ปิง", "ping"), ("ภูมิ", "poom"),
    ("เล็ก", "lek"), ("หมู", "moo"), ("ไก่", "kai"), ("ต่อ", "tor"), ("เอ็ม", "em"),
    ("ไผ่", "phai"), ("เปา", "pao"), ("อาร์ม", "arm"), ("ตูน", "toon"), ("บิ๊ก", "big"),
)
NICKNAMES_FEMALE: tuple[tuple[str, str], ...] = (
    ("แอน", "ann"), ("นก", "nok"), ("ปุ๊ก", "puk"), ("ตุ๊ก", "tuk"), ("จอย", "joy"),
    ("ปู", "poo"), ("แป้ง", "paeng"), ("ฝน", "fon"), ("ฟ้า", "fah"), ("มด", "mod"),
    ("แนน", "nan"), ("บี", "bee"), ("ต่าย", "tai"), ("อ้อ", "aor"), ("ก้อย", "koy"),
    ("ปลา", "pla"), ("แพร", "prae"), ("ออม", "aom"), ("มิ้นท์", "mint"), ("นุ่น", "noon"),
    ("เปิ้ล", "ple"), ("ตาล", "tan"), ("ปอ", "por"), ("กุ้ง", "kung"), ("ยุ้ย", "yui"),
    ("หญิง", "ying"), ("น้อย", "noi"), ("อ้อม", "aom"), ("เจี๊ยบ", "jeab"), ("หลิน", "lin"),
)
EMAIL_DOMAINS: tuple[tuple[str, float], ...] = (
    ("gmail.com", 70), ("hotmail.com", 20), ("yahoo.com", 4), ("outlook.com", 6),
)

CONSENT_PURPOSES: tuple[str, ...] = (
    "ทะเบียนสมาชิกและการติดต่อประสานงานของเครือข่าย",
    "ทะเบียนสมาชิก การติดต่อประสานงาน และการเชิญเข้าร่วมประชุม/อบรม",
    "การบริหารสมาชิกภาพ การรับชำระค่าบำรุง และการแจ้งข่าวสารของสมาคม",
)

# (status code, weight); officers are always active.
STATUSES: tuple[tuple[str, float], ...] = (
    ("active", 89.5), ("pending", 2.5), ("inactive", 4.5), ("resigned", 3.0), ("deceased", 0.5),
)

# --- groups and dues -----------------------------------------------------------------------------

ASSOCIATION_NAME = "สมาคมเครือข่ายบุคลากรท้องถิ่นแห่งประเทศไทย"
ASSOCIATION_DESCRIPTION = (
    "สมาคมระดับประเทศของข้าราชการ พนักงาน ลูกจ้าง และผู้บริหารองค์กรปกครองส่วนท้องถิ่น"
)
CLUB_PREFIX = "ชมรมบุคลากรท้องถิ่น"  # + "จังหวัด" + province (Bangkok: no "จังหวัด")
FOUNDED_YEAR = 2008  # the association's first members joined from this year (CE)

# Committees nested under the association: (name, roles of its officers in order).
_BOARD_ROLES = (
    "chair", "vice_chair", "vice_chair", "secretary", "assistant_secretary", "treasurer",
    "public_relations", *("committee_member",) * 8, "advisor", "advisor", "advisor",
)
_WORKING_ROLES = ("chair", "secretary", *("committee_member",) * 5)
COMMITTEES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("คณะกรรมการบริหารสมาคม", _BOARD_ROLES),
    ("คณะกรรมการฝ่ายวิชาการและพัฒนาศักยภาพ", _WORKING_ROLES),
    ("คณะกรรมการฝ่ายสวัสดิการสมาชิก", _WORKING_ROLES),
    ("คณะกรรมการตรวจสอบบัญชี", ("chair", "committee_member", "committee_member")),
    ("คณะกรรมการจริยธรรม", _WORKING_ROLES),
)
CLUB_OFFICER_ROLES = ("chair", "vice_chair", "secretary", "treasurer")

DUES_YEARS = 3  # the current BE fiscal year and the two before it
# Chance that a member of each status paid in each of the full fiscal years (oldest first).
DUES_PAID_CHANCE: dict[str, tuple[float, float]] = {
    "active": (0.82, 0.86),
    "inactive": (0.55, 0.2),
    "resigned": (0.4, 0.1),
    "deceased": (0.6, 0.2),
    "pending": (0.0, 0.0),
}

# Strengths (codes of the `strength` list) that go with a position title: a member's first
# strength often comes from here, the others from the whole list.
STRENGTH_AFFINITY: dict[str, tuple[str, ...]] = {
    "ผู้อำนวยการกองคลัง": ("finance_fiscal", "budgeting", "revenue_collection"),
    "นักวิชาการเงินและบัญชี": ("finance_fiscal", "accounting", "budgeting"),
    "เจ้าพนักงานการเงินและบัญชี": ("accounting", "finance_fiscal"),
    "นักวิชาการพัสดุ": ("procurement",),
    "เจ้าพนักงานพัสดุ": ("procurement",),
    "นักวิชาการจัดเก็บรายได้": ("revenue_collection",),
    "เจ้าพนักงานจัดเก็บรายได้": ("revenue_collection",),
    "นิติกร": ("local_law", "discipline_investigation", "legal_cases"),
    "นักวิเคราะห์นโยบายและแผน": ("development_planning", "project_management", "data_analysis"),
    "ผู้อำนวยการกองยุทธศาสตร์และงบประมาณ": ("development_planning", "budgeting"),
    "นักทรัพยากรบุคคล": ("human_resources", "discipline_investigation"),
    "นักวิชาการตรวจสอบภายใน": ("internal_audit", "good_governance"),
    "นักวิชาการศึกษา": ("school_management", "early_childhood_education", "training_speaker"),
    "ผู้อำนวยการกองการศึกษา": ("school_management", "early_childhood_education"),
    "ครู": ("school_management", "english_language", "sports_recreation", "culture_tradition"),
    "ผู้อำนวยการสถานศึกษา": ("school_management", "training_speaker"),
    "ครูผู้ดูแลเด็ก": ("early_childhood_education",),
    "นักวิชาการสาธารณสุข": ("public_health", "elderly_care", "first_aid"),
    "ผู้อำนวยการกองสาธารณสุขและสิ่งแวดล้อม": ("public_health", "waste_environment"),
    "นักพัฒนาชุมชน": ("community_development", "social_welfare", "local_economy", "elderly_care",
                      "disability_support"),
    "ผู้อำนวยการกองสวัสดิการสังคม": ("social_welfare", "elderly_care", "disability_support"),
    "นักวิชาการคอมพิวเตอร์": ("information_technology", "digital_services", "gis",
                              "data_analysis"),
    "นักประชาสัมพันธ์": ("public_relations", "photo_video", "graphic_design", "event_organising"),
    "วิศวกรโยธา": ("civil_engineering", "urban_planning", "water_management"),
    "นายช่างโยธา": ("civil_engineering", "water_management"),
    "ผู้อำนวยการกองช่าง": ("civil_engineering", "urban_planning"),
    "เจ้าพนักงานป้องกันและบรรเทาสาธารณภัย": ("disaster_management", "fire_rescue", "first_aid"),
    "เจ้าพนักงานธุรการ": ("correspondence", "meeting_minutes"),
    "ผู้ช่วยเจ้าพนักงานธุรการ": ("correspondence", "meeting_minutes"),
    "นักจัดการงานทั่วไป": ("correspondence", "meeting_minutes", "event_organising"),
}
# Clerks (ปลัด) and deputies: governance and assessment.
CLERK_STRENGTHS = ("good_governance", "performance_assessment", "local_law", "project_management")
# How many strengths a member lists: (count, weight).
STRENGTH_COUNTS: tuple[tuple[int, float], ...] = ((0, 30), (1, 35), (2, 22), (3, 13))
