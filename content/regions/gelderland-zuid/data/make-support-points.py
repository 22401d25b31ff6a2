#!/usr/bin/env python3
"""Writes gemeenten/{slug}/support-points.csv for the region demo from the public-buildings file in this folder.

Each municipality gets its town hall and every fire station (company fire brigades left out), labelled as examples
the way content/data/support-points.csv is. Nijmegen gets that file byte for byte, so the region demo shows Nijmegen
exactly as the single-municipality demo does. Run from anywhere: python3 make-support-points.py
Afterwards it checks every file it wrote (position inside the municipality, postcode, slugs, at least 2 points).
"""
import csv
import io
import json
import re
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent            # content/regions/gelderland-zuid/data
REGION = HERE.parent                              # content/regions/gelderland-zuid
REPO = REGION.parents[2]
NIJMEGEN_DEMO = REPO / "content" / "data" / "support-points.csv"

COLUMNS = ["slug", "name", "kind", "street", "house_number", "postcode", "city", "lat", "lon",
           "services", "accessibility", "serves", "example", "source"]
# The same vocabulary as the Nijmegen demo's town hall and fire stations; accessibility stays empty (not checked).
TOWN_HALL_SERVICES = "information;first-aid;charging;drinking-water;warmth;toilets"
FIRE_STATION_SERVICES = "information;first-aid;charging;drinking-water"
# Imergis abbreviates the station's part of the municipality; the Nijmegen demo spells "Nijmegen-w" as "Nijmegen-West".
SUFFIXES = {"w": "West", "o": "Oost", "n": "Noord", "c": "Centrum", "noord": "Noord", "zuid": "Zuid"}
POSTCODE = re.compile(r"^[1-9]\d{3}[A-Z]{2}$")
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def municipalities():
    with open(REGION / "deployment.yml", encoding="utf-8") as f:
        text = f.read()
    # deployment.yml is small and regular; reading "code:" and "slug:" pairs avoids a YAML dependency.
    return re.findall(r"-\s*code:\s*(GM\d{4})\s*\n\s*name:[^\n]*\n\s*slug:\s*([a-z0-9-]+)", text)


def display_name(naam):
    return re.sub(r"-([a-z]+)$", lambda m: "-" + SUFFIXES.get(m.group(1), m.group(1)), naam)


def slugify(text):
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def point(row):
    name = display_name(row["naam"])
    town_hall = row["categorie"] == "gemeentehuis"
    return {
        "slug": slugify(name), "name": name, "kind": "coordinating",
        "street": row["straat"], "house_number": row["huisnummer"], "postcode": row["postcode"],
        "city": row["plaats"], "lat": row["lat"], "lon": row["lon"],
        "services": TOWN_HALL_SERVICES if town_hall else FIRE_STATION_SERVICES,
        "accessibility": "", "serves": "", "example": "true",
        "source": f"{row['id']} ({row['bron']})",
    }


def write(code, slug, rows, left_out):
    target = REGION / "gemeenten" / slug / "support-points.csv"
    target.parent.mkdir(parents=True, exist_ok=True)
    if code == "GM0268":
        shutil.copyfile(NIJMEGEN_DEMO, target)
        return
    chosen = [r for r in rows if r["gemeentecode"] == code and (
        r["categorie"] == "gemeentehuis" or r["subtype"].startswith("Brandweerkazerne_"))]
    chosen.sort(key=lambda r: (r["categorie"] != "gemeentehuis", r["naam"]))
    out = io.StringIO()
    writer = csv.DictWriter(out, COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in chosen:
        if not POSTCODE.match(row["postcode"]):
            left_out.append(f"{row['id']} {row['naam']}: no postcode")
            continue
        writer.writerow(point(row))
    target.write_text(out.getvalue(), encoding="utf-8")


def inside(lon, lat, rings):
    hit = False
    for ring in rings:
        for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
            if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
                hit = not hit
    return hit


def check(munis):
    with open(HERE / "vrgz_gemeenten_2015.geojson", encoding="utf-8") as f:
        features = {g["properties"]["gemeentecode"]: g for g in json.load(f)["features"]}
    problems, seen, table = [], {}, []
    for code, slug in munis:
        geometry = features[code]["geometry"]
        polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
        with open(REGION / "gemeenten" / slug / "support-points.csv", encoding="utf-8", newline="") as f:
            points = list(csv.DictReader(f))
        for p in points:
            where = f"{slug}/{p['slug']}"
            if not any(inside(float(p["lon"]), float(p["lat"]), poly) for poly in polygons):
                problems.append(f"{where}: {p['lat']},{p['lon']} outside {code}")
            if not POSTCODE.match(p["postcode"]):
                problems.append(f"{where}: postcode '{p['postcode']}'")
            if not SLUG.match(p["slug"]):
                problems.append(f"{where}: slug pattern")
            if p["slug"] in seen:
                problems.append(f"{where}: slug also in {seen[p['slug']]}")
            seen[p["slug"]] = slug
        if len(points) < 2:
            problems.append(f"{slug}: only {len(points)} point(s)")
        residents = features[code]["properties"]["aantal_inwoners"]
        table.append((features[code]["properties"]["gemeentenaam"], len(points), residents))
    print("| municipality | points | residents (CBS 2015) | residents per point |")
    print("| --- | --- | --- | --- |")
    for name, count, residents in table:
        print(f"| {name} | {count} | {residents} | {residents / count:,.0f} |")
    total_points, total_residents = sum(t[1] for t in table), sum(t[2] for t in table)
    print(f"| **region** | {total_points} | {total_residents} | {total_residents / total_points:,.0f} |")
    return problems


def main():
    munis = municipalities()
    with open(HERE / "vrgz_publieke_gebouwen_2016.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    left_out = []
    for code, slug in munis:
        write(code, slug, rows, left_out)
    for line in left_out:
        print("left out:", line)
    problems = check(munis)
    for line in problems:
        print("PROBLEM:", line)
    return 1 if problems or len(munis) != 16 else 0


if __name__ == "__main__":
    sys.exit(main())
