#!/usr/bin/env python3
"""Builds content/demo/demo.json, the kiosk's demo content, from demo_data.py.

    python3 content/demo/build_demo.py            # write demo.json (and new ids into ids.json), then check it
    python3 content/demo/build_demo.py --check    # only check the committed demo.json; exit 1 on a problem

Ids: every object gets a random v4 UUID the first time its key appears; ids.json keeps the map
key -> UUID so that regenerating gives the same ids (the hub and kiosks treat a changed id as a
delete plus an insert, which would drop bookings' links). Delete a key from ids.json only when the
object is really gone.

The checks are the ones the issue asks for: the JSON parses; every translatable text has lv, en
and ru (NFC, not blank); every id is a UUID and unique; every reference resolves; the minimum
counts hold; and every series, wherever in the week the demo is imported, has all its sessions
within the next three months.
"""

import datetime
import json
import re
import sys
import unicodedata
import uuid
from pathlib import Path

import demo_data as D

HERE = Path(__file__).resolve().parent
OUT = HERE / "demo.json"
IDS = HERE / "ids.json"

REQUIRED_LANGS = ("lv", "en", "ru")
SOURCE_LANG = "en"
LANGUAGE_NAMES = {"lv": "Latvian", "en": "English", "ru": "Russian", "uk": "Ukrainian"}

# Translatable fields per object kind (docs/content-format.md).
TRANSLATABLE = {
    "organization": ("name", "alternate_name", "description"),
    "service": ("name", "alternate_name", "description", "application_process", "fees_description",
                "eligibility_description", "interpretation_services", "alert"),
    "location": ("name", "alternate_name", "description", "transportation"),
    "phone": ("description",),
    "schedule": ("description", "notes"),
    "taxonomy": ("name", "description"),
    "taxonomy_term": ("name", "description"),
}

MINIMUMS = {"organizations": 9, "services": 40, "categories": 8, "series": 10}


# ---------------------------------------------------------------------------------------------
# Ids
# ---------------------------------------------------------------------------------------------

class IdRegistry:
    def __init__(self, path):
        self.path = path
        self.ids = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
        self.used = set()
        self.added = 0

    def get(self, key):
        if key in self.used:
            raise SystemExit(f"duplicate object key {key!r} in demo_data.py")
        self.used.add(key)
        if key not in self.ids:
            self.ids[key] = str(uuid.uuid4())
            self.added += 1
        return self.ids[key]

    def ref(self, key):
        """The id of an object defined elsewhere (must have been registered with get())."""
        if key not in self.ids:
            raise SystemExit(f"reference to unknown key {key!r}")
        return self.ids[key]

    def save(self):
        stale = sorted(set(self.ids) - self.used)
        for key in stale:
            del self.ids[key]
        self.path.write_text(json.dumps(self.ids, indent=1, sort_keys=True, ensure_ascii=False) + "\n",
                             encoding="utf-8")
        return stale


# ---------------------------------------------------------------------------------------------
# Building the document
# ---------------------------------------------------------------------------------------------

def put_texts(obj, **fields):
    """Sets plain members (source language) and x_translations for the given T() texts."""
    translations = obj.setdefault("x_translations", {})
    for field, text in fields.items():
        if text is None:
            continue
        if field in obj or field in translations:
            raise SystemExit(f"text field {field!r} set twice")
        obj[field] = text[SOURCE_LANG]
        translations[field] = dict(text)
    if not translations:
        del obj["x_translations"]
    return obj


def build_phone(ids, key, spec):
    phone = {"id": ids.get(key), "number": spec["number"], "type": spec.get("type", "voice")}
    return put_texts(phone, description=spec.get("description"))


def build_schedule(ids, key, spec):
    schedule = {"id": ids.get(key), "freq": "WEEKLY", "byday": spec["byday"]}
    if "opens" in spec:
        schedule["opens_at"] = spec["opens"]
        schedule["closes_at"] = spec["closes"]
    return put_texts(schedule, description=spec.get("description"))


def build_languages(ids, owner_key, codes):
    return [{"id": ids.get(f"{owner_key}/language/{code}"), "code": code, "name": LANGUAGE_NAMES[code]}
            for code in codes]


def build_location(ids, spec):
    key = f"location/{spec['key']}"
    loc = {"id": ids.get(key), "location_type": "physical"}
    put_texts(loc, name=spec["name"], description=spec.get("description"),
              transportation=spec.get("transportation"))
    if "latitude" in spec:
        loc["latitude"] = spec["latitude"]
        loc["longitude"] = spec["longitude"]
    if "address" in spec:
        addr = spec["address"]
        loc["addresses"] = [{
            "id": ids.get(f"{key}/address"),
            "address_1": addr["address_1"],
            "city": "Rīga",
            "state_province": "Rīga",
            "postal_code": addr["postal_code"],
            "country": "LV",
            "address_type": "physical",
        }]
    loc["schedules"] = [build_schedule(ids, f"{key}/schedule/{i}", s) for i, s in enumerate(spec.get("hours", []))]
    loc["phones"] = [build_phone(ids, f"{key}/phone/{p['key']}", p) for p in spec.get("phones", [])]
    return loc


def build_service(ids, spec, location_keys):
    key = f"service/{spec['key']}"
    sid = ids.get(key)
    svc = {"id": sid, "status": "active"}
    put_texts(svc,
              name=spec["name"],
              alternate_name=spec.get("alternate_name"),
              description=spec["description"],
              application_process=spec["apply"],
              fees_description=spec["fees"],
              eligibility_description=spec["eligibility"],
              interpretation_services=spec.get("interpretation"),
              alert=spec.get("alert"))
    for member, value in (("url", spec.get("url")), ("email", spec.get("email")),
                          ("minimum_age", spec.get("min_age")), ("maximum_age", spec.get("max_age"))):
        if value is not None:
            svc[member] = value
    if spec.get("role"):
        svc["x_kiosk_role"] = spec["role"]
    if spec.get("form"):
        svc["x_booking_form_id"] = ids.ref(f"form/{spec['form']}")
    svc["x_is_free"] = spec.get("free", True)
    svc["phones"] = [build_phone(ids, f"{key}/phone/{i}", p) for i, p in enumerate(spec.get("phones", []))]
    svc["schedules"] = [build_schedule(ids, f"{key}/schedule/{i}", s) for i, s in enumerate(spec.get("hours", []))]
    svc["languages"] = build_languages(ids, key, spec["langs"])
    svc["service_at_locations"] = [
        {"id": ids.get(f"{key}/at/{loc_key}"), "location_id": ids.ref(f"location/{loc_key}")}
        for loc_key in spec.get("locations", location_keys)
    ]
    svc["attributes"] = [
        {"id": ids.get(f"{key}/category/{cat}"), "link_entity": "service", "link_id": sid,
         "link_type": "category", "taxonomy_term_id": ids.ref(f"category/{cat}")}
        for cat in spec["cats"]
    ]
    return svc


def build_organization(ids, spec, services):
    key = f"organization/{spec['key']}"
    org = {"id": ids.get(key)}
    put_texts(org, name=spec["name"], alternate_name=spec.get("alternate_name"), description=spec["description"])
    org["website"] = spec["website"]
    if spec.get("role"):
        org["x_kiosk_role"] = spec["role"]
    org["phones"] = [build_phone(ids, f"{key}/phone/{p['key']}", p) for p in spec.get("phones", [])]
    org["locations"] = [build_location(ids, loc) for loc in spec["locations"]]
    location_keys = [loc["key"] for loc in spec["locations"]]
    org["services"] = [build_service(ids, s, location_keys) for s in services]
    return org


def build_form(ids, spec):
    form = {"id": ids.get(f"form/{spec['key']}"), "kind": spec["kind"]}
    form["x_translations"] = {f: dict(spec[f]) for f in ("title", "intro", "consent", "confirmation")}
    fields = []
    for f in spec["fields"]:
        field = {"key": f["key"], "type": f["type"], "required": f["required"]}
        for member in ("min_length", "max_length", "pattern"):
            if member in f:
                field[member] = f[member]
        if "options" in f:
            field["options"] = [{"value": value, "x_translations": {"label": dict(label)}}
                                for value, label in f["options"]]
        field["x_translations"] = {t: dict(f[t]) for t in ("label", "help", "error") if t in f}
        fields.append(field)
    form["fields"] = fields
    return form


def build_series(ids, spec):
    series = {
        "id": ids.get(f"series/{spec['key']}"),
        "service_id": ids.ref(f"service/{spec['service']}"),
        "location_id": ids.ref("location/centre"),
        "kind": spec["kind"],
        "instruction_langs": spec["langs"],
    }
    if spec.get("level"):
        series["level"] = spec["level"]
    series.update({
        "capacity": spec["capacity"],
        "booking_form_id": ids.ref("form/course"),
        "dtstart_relative": {"days": spec["days"], "time": spec["time"]},
        "tzid": "Europe/Riga",
        "duration_minutes": spec["duration"],
        "rrule": spec["rrule"],
        "x_translations": {"name": dict(spec["name"]), "description": dict(spec["description"])},
    })
    return series


def build(ids):
    taxonomy_id = ids.get(f"taxonomy/{D.TAXONOMY['key']}")
    taxonomy = put_texts({"id": taxonomy_id}, name=D.TAXONOMY["name"], description=D.TAXONOMY["description"])
    terms = []
    for order, cat in enumerate(D.CATEGORIES, start=1):
        term = {"id": ids.get(f"category/{cat['key']}"), "code": cat["key"]}
        put_texts(term, name=cat["name"], description=cat["description"])
        term.update({"taxonomy_id": taxonomy_id, "x_is_category": True, "x_icon": cat["icon"],
                     "x_sort_order": order * 10})
        terms.append(term)

    forms = [build_form(ids, f) for f in D.FORMS]
    # Locations first: services refer to them by key.
    organizations = [build_organization(ids, D.CENTRE, D.CENTRE_SERVICES)]
    organizations += [build_organization(ids, p, p["services"]) for p in D.PARTNERS]
    series = [build_series(ids, s) for s in D.SERIES]

    return {
        "x_kiosk_format": 1,
        "x_source_lang": SOURCE_LANG,
        "taxonomies": [taxonomy],
        "taxonomy_terms": terms,
        "organizations": organizations,
        "x_booking_forms": forms,
        "x_course_series": series,
    }


# ---------------------------------------------------------------------------------------------
# Checks
# ---------------------------------------------------------------------------------------------

UUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")
TIME_RE = re.compile(r"^([01][0-9]|2[0-3]):[0-5][0-9]$")
BYDAY_RE = re.compile(r"^(MO|TU|WE|TH|FR|SA|SU)(,(MO|TU|WE|TH|FR|SA|SU))*$")
WEEKDAY_INDEX = {"MO": 0, "TU": 1, "WE": 2, "TH": 3, "FR": 4, "SA": 5, "SU": 6}


def check_text_map(where, field, texts, problems):
    if not isinstance(texts, dict):
        problems.append(f"{where}: {field} translations are not a map")
        return
    for lang in REQUIRED_LANGS:
        text = texts.get(lang)
        if not isinstance(text, str) or not text.strip():
            problems.append(f"{where}: {field} has no {lang} text")
            continue
        if unicodedata.normalize("NFC", text) != text:
            problems.append(f"{where}: {field}[{lang}] is not NFC")
        if text != text.strip() or "  " in text:
            problems.append(f"{where}: {field}[{lang}] has stray spaces")
    # A Latvian text without a single Latvian letter is fine for short names ("NIC"), but a long one
    # that reads exactly like the English is a missed translation.
    if len(texts.get("en", "")) > 25 and texts.get("lv") == texts.get("en"):
        problems.append(f"{where}: {field} lv is identical to en")
    if len(texts.get("en", "")) > 25 and texts.get("ru") == texts.get("en"):
        problems.append(f"{where}: {field} ru is identical to en")


def check_translations(kind, obj, where, problems):
    translations = obj.get("x_translations", {})
    for field in TRANSLATABLE.get(kind, ()):
        if field in obj:
            if field not in translations:
                problems.append(f"{where}: {field} has no x_translations")
                continue
            if translations[field].get(SOURCE_LANG) != obj[field]:
                problems.append(f"{where}: plain {field} differs from its {SOURCE_LANG} translation")
    for field, texts in translations.items():
        check_text_map(where, field, texts, problems)


def expand_weekly(rrule, start):
    """Minimal RFC 5545 weekly expansion (FREQ=WEEKLY with BYDAY, INTERVAL, COUNT; WKST=MO), enough
    to check the demo's own rules. Like libical, an off-rule DTSTART is not itself an occurrence."""
    parts = dict(p.split("=", 1) for p in rrule.split(";"))
    assert parts.get("FREQ") == "WEEKLY", rrule
    interval = int(parts.get("INTERVAL", "1"))
    count = int(parts["COUNT"])
    days = sorted(WEEKDAY_INDEX[d] for d in parts["BYDAY"].split(","))
    week_start = start - datetime.timedelta(days=start.weekday())
    out = []
    while len(out) < count:
        for d in days:
            day = week_start + datetime.timedelta(days=d)
            if day >= start and len(out) < count:
                out.append(day)
        week_start += datetime.timedelta(weeks=interval)
    return out


def check(doc):
    problems = []
    ids = {}

    def register(obj, kind, where):
        oid = obj.get("id")
        if not isinstance(oid, str) or not UUID_RE.match(oid):
            problems.append(f"{where}: id {oid!r} is not a v4 UUID")
        elif oid in ids:
            problems.append(f"{where}: id {oid} already used by {ids[oid][1]}")
        else:
            ids[oid] = (kind, where)

    refs = []  # (where, id, expected kind)

    for t in doc["taxonomies"]:
        register(t, "taxonomy", "taxonomy")
        check_translations("taxonomy", t, "taxonomy", problems)
    categories = [t for t in doc["taxonomy_terms"] if t.get("x_is_category")]
    for term in doc["taxonomy_terms"]:
        where = f"category {term.get('code')}"
        register(term, "taxonomy_term", where)
        check_translations("taxonomy_term", term, where, problems)
        refs.append((where, term.get("taxonomy_id"), "taxonomy"))
        if not term.get("x_icon"):
            problems.append(f"{where}: no icon")

    services = []
    centre_count = 0
    hotline_count = 0
    for org in doc["organizations"]:
        owhere = f"organization {org.get('name')}"
        register(org, "organization", owhere)
        check_translations("organization", org, owhere, problems)
        if org.get("x_kiosk_role") == "centre":
            centre_count += 1
        for phone in org.get("phones", []):
            register(phone, "phone", f"{owhere} phone")
            check_translations("phone", phone, f"{owhere} phone", problems)
        if not org.get("locations"):
            problems.append(f"{owhere}: no location")
        for loc in org.get("locations", []):
            lwhere = f"location {loc.get('name')}"
            register(loc, "location", lwhere)
            check_translations("location", loc, lwhere, problems)
            for addr in loc.get("addresses", []):
                register(addr, "address", f"{lwhere} address")
                for member in ("address_1", "city", "state_province", "postal_code", "country"):
                    if not addr.get(member):
                        problems.append(f"{lwhere}: address has no {member}")
                if not re.match(r"^LV-\d{4}$", addr.get("postal_code", "")):
                    problems.append(f"{lwhere}: postal code {addr.get('postal_code')!r} is not LV-NNNN")
            for s in loc.get("schedules", []):
                register(s, "schedule", f"{lwhere} schedule")
                check_translations("schedule", s, f"{lwhere} schedule", problems)
            for phone in loc.get("phones", []):
                register(phone, "phone", f"{lwhere} phone")
                check_translations("phone", phone, f"{lwhere} phone", problems)
        for svc in org.get("services", []):
            swhere = f"service {svc.get('name')}"
            services.append(svc)
            register(svc, "service", swhere)
            check_translations("service", svc, swhere, problems)
            for field in ("name", "description", "application_process", "fees_description",
                          "eligibility_description"):
                if field not in svc:
                    problems.append(f"{swhere}: no {field}")
            if svc.get("x_kiosk_role") == "hotline":
                hotline_count += 1
                if not svc.get("phones"):
                    problems.append(f"{swhere}: the hotline has no phone")
            if svc.get("x_booking_form_id"):
                refs.append((swhere, svc["x_booking_form_id"], "booking_form"))
            if not isinstance(svc.get("x_is_free"), bool):
                problems.append(f"{swhere}: x_is_free is not true/false")
            if not svc.get("schedules"):
                problems.append(f"{swhere}: no opening hours")
            if not svc.get("languages"):
                problems.append(f"{swhere}: no languages")
            if not svc.get("service_at_locations"):
                problems.append(f"{swhere}: no location")
            if not svc.get("attributes"):
                problems.append(f"{swhere}: no category")
            for s in svc.get("schedules", []):
                register(s, "schedule", f"{swhere} schedule")
                check_translations("schedule", s, f"{swhere} schedule", problems)
                if s.get("freq") != "WEEKLY" or not BYDAY_RE.match(s.get("byday", "")):
                    problems.append(f"{swhere}: schedule rule {s.get('freq')} {s.get('byday')} is not weekly by day")
                if ("opens_at" in s) != ("closes_at" in s):
                    problems.append(f"{swhere}: schedule has only one of opens_at/closes_at")
                if "opens_at" in s:
                    if not (TIME_RE.match(s["opens_at"]) and TIME_RE.match(s["closes_at"])):
                        problems.append(f"{swhere}: schedule times {s['opens_at']}-{s['closes_at']} are not HH:MM")
                    elif s["opens_at"] >= s["closes_at"]:
                        problems.append(f"{swhere}: schedule closes before it opens")
                elif "description" not in s:
                    problems.append(f"{swhere}: schedule has neither times nor a description")
            for phone in svc.get("phones", []):
                register(phone, "phone", f"{swhere} phone")
                check_translations("phone", phone, f"{swhere} phone", problems)
            for lang in svc.get("languages", []):
                register(lang, "language", f"{swhere} language")
            for sal in svc.get("service_at_locations", []):
                register(sal, "service_at_location", f"{swhere} service_at_location")
                refs.append((swhere, sal.get("location_id"), "location"))
            for attr in svc.get("attributes", []):
                register(attr, "attribute", f"{swhere} attribute")
                refs.append((swhere, attr.get("taxonomy_term_id"), "taxonomy_term"))
                if attr.get("link_id") != svc["id"] or attr.get("link_entity") != "service":
                    problems.append(f"{swhere}: attribute does not link to the service")

    for form in doc["x_booking_forms"]:
        fwhere = f"form {form.get('kind')}"
        register(form, "booking_form", fwhere)
        for field in ("title", "intro", "consent", "confirmation"):
            if field not in form.get("x_translations", {}):
                problems.append(f"{fwhere}: no {field}")
        for field, texts in form.get("x_translations", {}).items():
            check_text_map(fwhere, field, texts, problems)
        keys = [f["key"] for f in form["fields"]]
        if len(set(keys)) != len(keys):
            problems.append(f"{fwhere}: duplicate field keys")
        wanted = {"consultation": {"name", "phone", "email", "language", "topic", "preferred_time", "consent"},
                  "course": {"name", "phone", "email", "session", "consent"}}[form["kind"]]
        if set(keys) != wanted:
            problems.append(f"{fwhere}: fields {sorted(keys)} differ from {sorted(wanted)}")
        for f in form["fields"]:
            where = f"{fwhere} field {f['key']}"
            if "label" not in f.get("x_translations", {}):
                problems.append(f"{where}: no label")
            for field, texts in f.get("x_translations", {}).items():
                check_text_map(where, field, texts, problems)
            if "pattern" in f:
                re.compile(f["pattern"])
            if f["type"] == "choice":
                if len(f.get("options", [])) < 2:
                    problems.append(f"{where}: a choice needs options")
                for opt in f.get("options", []):
                    check_text_map(f"{where} option {opt['value']}", "label", opt["x_translations"]["label"],
                                   problems)

    today = datetime.date.today()
    for s in doc["x_course_series"]:
        where = f"series {s['x_translations']['name']['en']}"
        register(s, "course_series", where)
        for field, texts in s["x_translations"].items():
            check_text_map(where, field, texts, problems)
        refs.append((where, s.get("service_id"), "service"))
        refs.append((where, s.get("location_id"), "location"))
        refs.append((where, s.get("booking_form_id"), "booking_form"))
        rel = s["dtstart_relative"]
        if not (2 <= rel["days"] <= 80) or not TIME_RE.match(rel["time"]):
            problems.append(f"{where}: dtstart_relative {rel} out of range")
        if s["capacity"] <= 0 or s["duration_minutes"] <= 0:
            problems.append(f"{where}: capacity and duration must be positive")
        # Whatever weekday the import falls on, all sessions must lie in the next three months.
        for shift in range(7):
            start = today + datetime.timedelta(days=shift + rel["days"])
            sessions = expand_weekly(s["rrule"], start)
            last = (sessions[-1] - (today + datetime.timedelta(days=shift))).days
            if last > 92:
                problems.append(f"{where}: last session {last} days after import")
                break

    for where, rid, kind in refs:
        if rid not in ids:
            problems.append(f"{where}: reference {rid} does not resolve")
        elif ids[rid][0] != kind:
            problems.append(f"{where}: reference {rid} is a {ids[rid][0]}, expected {kind}")

    if centre_count != 1:
        problems.append(f"{centre_count} organisations have x_kiosk_role centre; expected 1")
    if hotline_count != 1:
        problems.append(f"{hotline_count} services have x_kiosk_role hotline; expected 1")

    used_categories = {a["taxonomy_term_id"] for svc in services for a in svc["attributes"]}
    counts = {
        "organizations": len(doc["organizations"]),
        "partner organizations": len(doc["organizations"]) - centre_count,
        "services": len(services),
        "categories": len(categories),
        "categories with services": len(used_categories),
        "series": len(doc["x_course_series"]),
        "booking forms": len(doc["x_booking_forms"]),
        "ids": len(ids),
    }
    for name, minimum in MINIMUMS.items():
        if counts[name] < minimum:
            problems.append(f"only {counts[name]} {name}; at least {minimum} required")
    if counts["categories with services"] != counts["categories"]:
        problems.append("a category has no services")
    return problems, counts


def main(argv):
    if "--check" in argv:
        doc = json.loads(OUT.read_text(encoding="utf-8"))
    else:
        ids = IdRegistry(IDS)
        doc = build(ids)
        stale = ids.save()
        OUT.write_text(json.dumps(doc, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {OUT.name}: {ids.added} new ids, {len(stale)} stale ids dropped")
        doc = json.loads(OUT.read_text(encoding="utf-8"))
    problems, counts = check(doc)
    for name, value in counts.items():
        print(f"  {name}: {value}")
    for p in problems:
        print(f"PROBLEM: {p}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
