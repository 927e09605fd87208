"""Where the demo's local administrative organisations (อปท.) are and how many people each has.

At 100,000 members and more the counts by type are THAI.md's national ones (about 7,850);
smaller demos scale them down, keeping at least one of each type. Provinces are weighted by
their number of districts: every province has one อบจ., a provincial seat municipality
(เทศบาลนคร in the bigger provinces, else เทศบาลเมือง) named after the province, more town
municipalities named after other districts, and เทศบาลตำบล / อบต. named after real
sub-districts of the province. Bangkok has only กรุงเทพมหานคร; Chon Buri has เมืองพัทยา.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from db.demo import catalogue as cat
from db.demo.reference import DemoReference, DistrictPlace, ProvincePlace


@dataclass(frozen=True, slots=True)
class PlannedOrganisation:
    type_code: str
    name: str
    province: ProvincePlace
    district: DistrictPlace
    phone: str  # the office landline (9 digits, national form)


def organisation_counts(members: int) -> dict[str, int]:
    """How many organisations of each type a demo of ``members`` members has."""
    scale = min(1.0, members / cat.FULL_SCALE_MEMBERS)
    counts = {t: max(1, round(n * scale)) for t, n in cat.ORG_COUNTS.items()}
    if members >= cat.ONE_PAO_PER_PROVINCE_FROM:
        counts["pao"] = cat.ORG_COUNTS["pao"]
    counts["bangkok"] = counts["pattaya"] = 1
    return counts


def apportion(total: int, weights: list[float]) -> list[int]:
    """Split ``total`` into whole numbers proportional to ``weights`` (largest remainder)."""
    weight_sum = sum(weights)
    if total <= 0 or weight_sum <= 0:
        return [0] * len(weights)
    quotas = [total * w / weight_sum for w in weights]
    counts = [int(q) for q in quotas]
    by_remainder = sorted(range(len(weights)), key=lambda i: quotas[i] - counts[i], reverse=True)
    for i in by_remainder[: total - sum(counts)]:
        counts[i] += 1
    return counts


def _office_phone(rng: random.Random, province: ProvincePlace) -> str:
    if province.code == cat.BANGKOK_PROVINCE:
        return f"0{cat.BANGKOK_AREA_CODE}{rng.randrange(10**7):07d}"
    area = rng.choice(cat.AREA_CODES.get(province.region_id, ("35",)))
    return f"0{area}{rng.randrange(10**6):06d}"


def _weighted_sample(
    rng: random.Random, items: list[ProvincePlace], weights: list[float], k: int
) -> list[ProvincePlace]:
    """``k`` distinct items, drawn with probability proportional to weight (Efraimidis-Spirakis)."""
    keyed = sorted(
        zip(items, weights, strict=True),
        key=lambda pair: rng.random() ** (1.0 / pair[1]),
        reverse=True,
    )
    return [item for item, _ in keyed[:k]]


def plan_organisations(
    rng: random.Random, reference: DemoReference, members: int
) -> list[PlannedOrganisation]:
    """The organisations of a demo, in a stable order (by type, then as drawn)."""
    counts = organisation_counts(members)
    provinces = [p for p in reference.provinces if p.code != cat.BANGKOK_PROVINCE]
    weights = [float(len(p.districts)) for p in provinces]
    planned: list[PlannedOrganisation] = []

    def add(type_code: str, name: str, province: ProvincePlace, district: DistrictPlace) -> None:
        planned.append(
            PlannedOrganisation(type_code, name, province, district, _office_phone(rng, province))
        )

    # อบจ.: one per province at scale, else the most populous-looking provinces.
    pao_provinces = (
        provinces if counts["pao"] >= len(provinces)
        else _weighted_sample(rng, provinces, weights, counts["pao"])
    )
    for province in pao_provinces:
        add("pao", cat.NAME_PREFIX["pao"] + province.name, province, province.capital)

    # เทศบาลนคร in the bigger provinces (weight: districts squared), seat of the province.
    squared = [w * w for w in weights]
    city_provinces = _weighted_sample(rng, provinces, squared, counts["city_municipality"])
    for province in city_provinces:
        name = cat.NAME_PREFIX["city_municipality"] + province.name
        add("city_municipality", name, province, province.capital)

    # เทศบาลเมือง: the seat of every other province first, then other district towns.
    town_total = counts["town_municipality"]
    seats = [p for p in provinces if p not in city_provinces]
    rng.shuffle(seats)
    towns_left = town_total
    used_districts: set[int] = {p.capital.code for p in city_provinces}
    for province in seats[:towns_left]:
        add("town_municipality", cat.NAME_PREFIX["town_municipality"] + province.name, province,
            province.capital)
        used_districts.add(province.capital.code)
    towns_left -= min(len(seats), towns_left)
    town_weights = list(weights)
    while towns_left > 0 and any(town_weights):
        index = rng.choices(range(len(provinces)), weights=town_weights)[0]
        province = provinces[index]
        free = [d for d in province.districts[1:] if d.code not in used_districts]
        if not free:
            town_weights[index] = 0.0
            continue
        district = rng.choice(free)
        used_districts.add(district.code)
        add("town_municipality", cat.NAME_PREFIX["town_municipality"] + district.name, province,
            district)
        towns_left -= 1

    # เทศบาลตำบล and อบต.: named after sub-districts, no name twice per type and province
    # (some provinces have two sub-districts of the same name in different districts).
    for type_code in ("subdistrict_municipality", "sao"):
        pools = [
            [(d, s) for d in p.districts for s in d.sub_districts] for p in provinces
        ]
        used_names: set[tuple[int, str]] = set()
        pool_weights = list(weights)
        left = counts[type_code]
        while left > 0 and any(pool_weights):
            index = rng.choices(range(len(provinces)), weights=pool_weights)[0]
            pool = pools[index]
            if not pool:
                pool_weights[index] = 0.0
                continue
            district, sub_district = pool.pop(rng.randrange(len(pool)))
            if (index, sub_district.name) in used_names:
                continue
            used_names.add((index, sub_district.name))
            add(type_code, cat.NAME_PREFIX[type_code] + sub_district.name, provinces[index],
                district)
            left -= 1

    bangkok = reference.province(cat.BANGKOK_PROVINCE)
    add("bangkok", cat.BANGKOK_NAME, bangkok, bangkok.district_named(cat.BANGKOK_SEAT_DISTRICT))
    chon_buri = reference.province(cat.PATTAYA_PROVINCE)
    add("pattaya", cat.PATTAYA_NAME, chon_buri, chon_buri.district_named(cat.PATTAYA_DISTRICT))
    return planned


def member_counts(
    rng: random.Random, organisations: list[PlannedOrganisation], members: int
) -> list[int]:
    """Members of each organisation: the type's national share, split with some spread.

    Each type keeps its national share of members at every scale, so a small demo's figures by
    type look like the country's; organisations that exist whatever the scale (an อบจ. per
    province from 7,600 members, กรุงเทพมหานคร, เมืองพัทยา) are then smaller than in reality.
    """
    by_type: dict[str, list[int]] = {}
    for index, organisation in enumerate(organisations):
        by_type.setdefault(organisation.type_code, []).append(index)
    types = list(by_type)
    per_type = apportion(members, [cat.MEMBER_SHARE[t] for t in types])
    counts = [0] * len(organisations)
    for type_code, total in zip(types, per_type, strict=True):
        indexes = by_type[type_code]
        spread = [rng.uniform(0.5, 1.5) for _ in indexes]
        for index, count in zip(indexes, apportion(total, spread), strict=True):
            counts[index] = count
    return counts
