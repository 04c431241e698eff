#!/usr/bin/env python3
"""reference.py - the figures of DESIGN.md computed a second time, from the
input XML itself, with exact integer and fraction arithmetic, and compared
with what `peerbrief figures --format json` prints.

  reference.py PEERBRIEF INPUT [--as-of YYYY-MM-DD]

(PEERBRIEF may be a command line, as tests/lib.sh's valgrind wrapper.)

For the whole input (every organization) and for each packet it checks that
peerbrief prints exactly the figures computed here (the same names, units
and values), so a change to input/ can never leave the reference stale.
Written independently of src/figures.c: only the standard library (xml.etree,
fractions), DESIGN.md's table as the specification.

For a public packet it also checks where each sum by role says it comes
from: the input ORG.staff[ROLE].fte (and its "lived-experience no" and
not_certified kin) must name the position of every member value it sums,
found here by reading the file's text (FILE:LINE:COL of the value's first
character), and every input that is a figure must name exactly the sources
of all that figure's inputs, transitively.

Prints one line per difference and "N figures in M sets agree"; exits 1 on
any difference.
"""
import calendar
import datetime
import json
import os
import re
import shlex
import subprocess
import sys
import xml.etree.ElementTree as ET
from fractions import Fraction as Q

NS = "{urn:peerbrief:1}"
ROLES = ["peer-specialist", "recovery-coach", "family-partner",
         "young-adult-peer-mentor", "older-adult-peer-specialist"]
PRACTICES = ["peer-progress-notes", "peer-in-treatment-plans",
             "peer-medication-administration", "peer-rep-payeeship",
             "peer-team-structure", "peer-supervision",
             "peer-human-rights-officer", "harm-reduction-scope"]
# DESIGN.md, Practice assessments: value -> level
ASSESS = {
    "peer-progress-notes": {"yes": "conflict", "shared": "concern",
                            "no": "consistent"},
    "peer-in-treatment-plans": {"yes": "conflict", "no": "consistent"},
    "peer-medication-administration": {"yes": "conflict", "no": "consistent"},
    "peer-rep-payeeship": {"yes": "conflict", "no": "consistent"},
    "peer-team-structure": {"isolated": "concern", "embedded": "concern",
                            "centralized": "consistent"},
    "peer-supervision": {"none": "concern", "clinical": "opportunity",
                         "peer": "consistent"},
    "peer-human-rights-officer": {"no": "opportunity", "yes": "consistent"},
    "harm-reduction-scope": {"substances": "opportunity",
                             "broad": "consistent"},
}


def text(el, name, default=None):
    c = el.find(NS + name)
    return default if c is None else " ".join(c.text.split())


def dec(s):
    """A decimal string as an exact fraction."""
    return Q(s.strip())


def half_up(q):
    """A non-negative fraction rounded half up to an integer."""
    return (q.numerator * 2 + q.denominator) // (2 * q.denominator)


def ceil(q):
    return -((-q.numerator) // q.denominator)


def add_months(d, months):
    m = d.month - 1 + months
    y, m = d.year + m // 12, m % 12 + 1
    return datetime.date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def fmt(unit, v):
    if unit == "usd":
        return "%d.%02d" % divmod(v, 100)
    if unit == "ratio":
        return "%.6f" % 0 if v == 0 else "%d.%06d" % divmod(
            half_up(v * 10**6), 10**6)
    if unit == "fte":
        return "%d.%02d" % divmod(v, 100)
    if unit == "bool":
        return "true" if v else "false"
    if unit == "date":
        return v.isoformat()
    return str(v)   # days, count, year


def share(a, b):
    return Q(0) if b == 0 else Q(a, b)


class Project:
    def __init__(self, indir, as_of):
        root = ET.parse(os.path.join(indir, "peerbrief.xml")).getroot()
        self.as_of = datetime.date.fromisoformat(
            as_of or text(root, "as-of"))
        p = root.find(NS + "parameters")
        get = (lambda n, d: d) if p is None else \
            (lambda n, d: text(p, n, d))
        self.medicaid = dec(get("medicaid-share", "0.50"))
        self.state_avg = dec(get("state-average-rday-rate", "0.25"))
        self.window = int(get("certification-window-months", "6"))
        self.per100 = dec(get("peer-fte-per-100-enrolled", "2.00"))
        self.max_fp = dec(get("max-family-partner-share", "0.25"))
        self.max_rc = dec(get("max-recovery-coach-share", "0.34"))


def attr_positions(path):
    """For each <member> in document order: {attribute: "FILE:LINE:COL"} of
    its values' first characters, from the text (FILE relative to the input
    folder, as peerbrief names it)."""
    rel = "orgs/" + os.path.basename(path)
    with open(path, encoding="utf-8") as f:
        data = f.read()
    out = []
    for m in re.finditer(r"<member\b[^>]*>", data):
        pos = {}
        for a in re.finditer(r"([\w-]+)\s*=\s*([\"'])",
                             m.group(0)):
            at = m.start() + a.end()
            line = data.count("\n", 0, at) + 1
            col = at - (data.rfind("\n", 0, at) + 1) + 1
            pos[a.group(1)] = "%s:%d:%d" % (rel, line, col)
        out.append(pos)
    return out


def read_org(path):
    root = ET.parse(path).getroot()
    o = {"id": os.path.basename(path)[:-4], "practices": {}, "programs": [],
         "members": []}
    pr = root.find(NS + "practices")
    for q in ([] if pr is None else pr):
        o["practices"][q.get("name")] = q.text.strip()
    for g in root.findall(NS + "program"):
        staff = peer = 0
        for r in g.findall(NS + "rdays"):
            if r.get("documented-by") == "staff":
                staff = int(r.text)
            else:
                peer = int(r.text)
        o["programs"].append({
            "id": g.get("id"), "year": int(g.get("fiscal-year")),
            "persons": int(text(g, "enrolled-persons")),
            "days": int(text(g, "enrolled-days")),
            "rate": int(dec(text(g, "daily-rate")) * 100),
            "staff": staff, "peer": peer})
    st = root.find(NS + "staff")
    at = attr_positions(path)
    for k, m in enumerate([] if st is None else st):
        o["members"].append({
            "at": at[k],
            "id": m.get("id"), "role": m.get("role"),
            "fte": int(dec(m.get("fte")) * 100),
            "hired": datetime.date.fromisoformat(m.get("hired")),
            "certified": m.get("certified"),
            "lived": m.get("lived-experience")})
    return o


def compute(pj, orgs, packet=None):
    """Every figure of orgs (and of packet): {name: (unit, value)}."""
    F = {}

    def put(name, unit, v):
        F[name] = (unit, fmt(unit, v))

    for n, u, v in [("medicaid_share", "ratio", pj.medicaid),
                    ("state_average_rday_rate", "ratio", pj.state_avg),
                    ("certification_window_months", "count", pj.window),
                    ("peer_fte_per_100_enrolled", "fte",
                     int(pj.per100 * 100)),
                    ("max_family_partner_share", "ratio", pj.max_fp),
                    ("max_recovery_coach_share", "ratio", pj.max_rc)]:
        put("param." + n, u, v)
    public = packet is not None and not packet["internal"]
    year = None
    if packet is not None:
        year = packet["year"] or max(
            [g["year"] for o in orgs for g in o["programs"]] or [0])
    tot = {"pay": 0, "med": 0, "net": 0, "pn": 0, "n": 0, "meets": 0}
    for o in orgs:
        latest = max([g["year"] for g in o["programs"]] or [-1])
        req_sum = 0
        for g in o["programs"]:
            p = "%s.%s." % (o["id"], g["id"])
            pay = g["days"] * g["rate"]
            rd = g["staff"] + g["peer"]
            med = half_up(rd * g["rate"] * pj.medicaid)
            net = pay - med
            sa = ceil(pj.state_avg * g["days"])
            pn = half_up(g["peer"] * g["rate"] * pj.medicaid)
            meets = g["staff"] >= sa
            req = ceil(g["persons"] * pj.per100)   # hundredths
            put(p + "enrolled_days", "days", g["days"])
            put(p + "dmh_payment", "usd", pay)
            put(p + "rdays", "days", rd)
            put(p + "rday_rate", "ratio", share(rd, g["days"]))
            put(p + "medicaid_reimbursement", "usd", med)
            put(p + "dmh_net_cost", "usd", net)
            put(p + "unreimbursed_share", "ratio", share(net, pay))
            put(p + "state_average_rdays", "days", sa)
            put(p + "rday_rate_without_peer_notes", "ratio",
                share(g["staff"], g["days"]))
            put(p + "meets_state_average_without_peer_notes", "bool", meets)
            put(p + "rday_shortfall_without_peer_notes", "days",
                max(0, sa - g["staff"]))
            put(p + "peer_note_reimbursement", "usd", pn)
            put(p + "peer_note_share_of_payment", "ratio", share(pn, pay))
            put(p + "zero_rdays", "bool", rd == 0)
            put(p + "required_peer_fte", "fte", req)
            if g["year"] == latest:
                req_sum += req
            if packet is not None and g["year"] == year:
                tot["pay"] += pay
                tot["med"] += med
                tot["net"] += net
                tot["pn"] += pn
                tot["n"] += 1
                tot["meets"] += meets
        q = o["id"] + "."
        peers = [m for m in o["members"] if m["role"] in ROLES]
        peer_fte = sum(m["fte"] for m in peers)
        fp = sum(m["fte"] for m in peers if m["role"] == "family-partner")
        rc = sum(m["fte"] for m in peers if m["role"] == "recovery-coach")
        put(q + "peer_fte", "fte", peer_fte)
        put(q + "peer_fte_without_lived_experience", "fte",
            sum(m["fte"] for m in peers if m["lived"] == "no"))
        put(q + "required_peer_fte", "fte", req_sum)
        put(q + "meets_peer_ratio", "bool", peer_fte >= req_sum)
        put(q + "family_partner_share", "ratio", share(fp, peer_fte))
        put(q + "recovery_coach_share", "ratio", share(rc, peer_fte))
        put(q + "family_partner_share_exceeds", "bool",
            share(fp, peer_fte) > pj.max_fp)
        put(q + "recovery_coach_share_exceeds", "bool",
            share(rc, peer_fte) > pj.max_rc)
        overdue = soon = 0
        for m in o["members"]:
            due = add_months(m["hired"], pj.window)
            if not public:
                put(q + m["id"] + ".certification_due", "date", due)
            if m["role"] in ROLES and not m["certified"]:
                if due < pj.as_of:
                    overdue += 1
                elif due <= pj.as_of + datetime.timedelta(days=60):
                    soon += 1
        put(q + "certifications_overdue", "count", overdue)
        put(q + "certifications_due_within_60_days", "count", soon)
        levels = [ASSESS[k][v] for k, v in o["practices"].items()]
        o["conflicts"] = levels.count("conflict")
        o["concerns"] = levels.count("concern")
        put(q + "practice_conflicts", "count", o["conflicts"])
        put(q + "practice_concerns", "count", o["concerns"])
    if packet is None:
        return F
    put("packet.org_count", "count", len(orgs))
    if year:
        put("packet.fiscal_year", "year", year)
    put("packet.program_count", "count", tot["n"])
    put("packet.programs_meeting_state_average_without_peer_notes", "count",
        tot["meets"])
    put("packet.orgs_without_peer_notes", "count", sum(
        o["practices"].get("peer-progress-notes") == "no" for o in orgs))
    put("packet.orgs_with_practice_conflicts", "count",
        sum(o["conflicts"] > 0 for o in orgs))
    put("packet.orgs_with_practice_concerns", "count",
        sum(o["concerns"] > 0 for o in orgs))
    put("packet.total_dmh_payment", "usd", tot["pay"])
    put("packet.total_medicaid_reimbursement", "usd", tot["med"])
    put("packet.total_dmh_net_cost", "usd", tot["net"])
    put("packet.total_peer_note_reimbursement", "usd", tot["pn"])
    put("packet.unreimbursed_share", "ratio", share(tot["net"], tot["pay"]))
    put("packet.peer_note_share_of_payment", "ratio",
        share(tot["pn"], tot["pay"]))
    return F


def read_packet(path):
    root = ET.parse(path).getroot()
    fy = text(root, "fiscal-year")
    orgs = root.find(NS + "organizations")
    return {"id": os.path.basename(path)[:-4],
            "internal": root.get("visibility") == "internal",
            "year": int(fy) if fy else None,
            "orgs": [] if orgs is None else [o.get("ref") for o in orgs]}


def sum_sources(orgs):
    """A public packet's sums by role: {input name: (value, sources)}."""
    S = {}
    for o in orgs:
        for r in ROLES:
            ms = [m for m in o["members"] if m["role"] == r]
            if ms:
                S["%s.staff[%s].fte" % (o["id"], r)] = (
                    fmt("fte", sum(m["fte"] for m in ms)),
                    sorted(m["at"]["fte"] for m in ms))
            no = [m for m in ms if m["lived"] == "no"]
            if no:
                S["%s.staff[%s, lived-experience no].fte" % (o["id"], r)] = (
                    fmt("fte", sum(m["fte"] for m in no)),
                    sorted([m["at"]["fte"] for m in no] +
                           [m["at"]["lived-experience"] for m in no]))
            nc = [m for m in ms if not m["certified"]]
            if nc:
                S["%s.staff[%s].not_certified" % (o["id"], r)] = (
                    str(len(nc)), sorted(m["at"]["hired"] for m in nc))
    return S


def check_sources(figs, sums, where):
    """Differences in the sources of figs (the JSON's figures): the sums
    against sums, and every figure input against its figure's inputs."""
    by = {f["name"]: f for f in figs}
    memo = {}

    def reach(name):
        if name not in memo:
            memo[name] = set()
            for i in by[name]["inputs"]:
                memo[name] |= reach(i["name"]) if i["name"] in by \
                    else set(i["sources"])
        return memo[name]

    bad = []
    seen = set()
    for f in figs:
        for i in f["inputs"]:
            n = i["name"]
            if n in by:
                want = sorted(reach(n), key=src_key)
            elif n in sums:
                seen.add(n)
                if i["value"] != sums[n][0]:
                    bad.append("%s: %s in %s: value %s, reference %s" % (
                        where, n, f["name"], i["value"], sums[n][0]))
                want = sorted(sums[n][1], key=src_key)
            elif "staff[" in n:
                bad.append("%s: %s in %s: not a sum the reference knows" % (
                    where, n, f["name"]))
                continue
            else:
                continue
            if sorted(i["sources"], key=src_key) != want:
                bad.append("%s: %s in %s: sources %s, reference %s" % (
                    where, n, f["name"], i["sources"], want))
    for n in sorted(set(sums) - seen):
        bad.append("%s: %s: a sum no figure has as input" % (where, n))
    return bad


def src_key(s):
    f, line, col = s.rsplit(":", 2) if s.count(":") >= 2 else (s, 0, 0)
    return (f, int(line), int(col))


def peerbrief_json(pb, indir, as_of, packet):
    cmd = shlex.split(pb) + ["figures", "-i", indir, "--format", "json"]
    if packet:
        cmd += ["--packet", packet]
    if as_of:
        cmd += ["--as-of", as_of]
    out = subprocess.run(cmd, check=True, stdout=subprocess.PIPE).stdout
    return json.loads(out)["figures"]




def main():
    pb, indir = sys.argv[1], sys.argv[2]
    as_of = sys.argv[4] if len(sys.argv) > 4 and sys.argv[3] == "--as-of" \
        else None
    pj = Project(indir, as_of)
    odir = os.path.join(indir, "orgs")
    orgs = {o["id"]: o for o in (read_org(os.path.join(odir, f))
                                 for f in sorted(os.listdir(odir))
                                 if f.endswith(".xml"))}
    sets = [(None, compute(pj, list(orgs.values())), None)]
    pdir = os.path.join(indir, "packets")
    for f in sorted(os.listdir(pdir)) if os.path.isdir(pdir) else []:
        if f.endswith(".xml"):
            pk = read_packet(os.path.join(pdir, f))
            mine = [orgs[i] for i in pk["orgs"]]
            sets.append((pk["id"], compute(pj, mine, pk),
                         None if pk["internal"] else sum_sources(mine)))
    bad = total = nsrc = 0
    for pk, want, sums in sets:
        figs = peerbrief_json(pb, indir, as_of, pk)
        got = {f["name"]: (f["unit"], f["value"]) for f in figs}
        where = "packet " + pk if pk else "all"
        for line in check_sources(figs, sums or {}, where):
            bad += 1
            print(line)
        nsrc += sum(len(f["inputs"]) for f in figs)
        for name in sorted(set(want) | set(got)):
            total += 1
            if want.get(name) != got.get(name):
                bad += 1
                print("%s: %s: reference %s, peerbrief %s" % (
                    where, name, want.get(name), got.get(name)))
    print("%d figures (%d inputs' sources) in %d sets %s" % (
          total, nsrc, len(sets),
          "agree" if not bad else "checked, %d differ" % bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
