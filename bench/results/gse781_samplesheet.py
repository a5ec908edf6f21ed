#!/usr/bin/env python3
"""Build the GSE781 (renal clear cell carcinoma vs adjacent normal kidney) samplesheet.

Usage: gse781_samplesheet.py SOFT.gz PLATFORM LABELS.tsv OUT.tsv

LABELS.tsv (sample, label) holds the labels that `exprflow import --label-field source_name_ch1
--label-map ...` gave (dumped by DumpLabels.java); this script does not relabel anything, it only adds
the patient column that grouped CV needs and the batch column (the array lot, "Lot batch = N" in the
description: two lots), and cross-checks the labels against the rest of the file.

Why a script: GSE781's SOFT file has no characteristics lines, and its titles are unreliable for
the class: GSM12283, GSM12300 and GSM12444 are titled "N2/N3/N4 Renal Clear Cell Carcinoma U133A"
while their source name says "normal tissue adjacent to Renal Cell Carcinoma" and their description
describes the *adjacent* tumour ("Adjacent Tumor Type = ..."), as every other normal sample's does.
So the label comes from source_name_ch1, and the checks below make that evidence explicit on every run:
  1. the title's N/C prefix agrees with the label (normal = N, carcinoma = C);
  2. a description with "Adjacent Tumor" fields goes with the normal label, plain "Tumor" with carcinoma;
  3. the samples of one patient (title token after N/C, kept verbatim: "001" and "1" are different
     patients, aged 58 and 51) agree on age, gender and kidney side, and hold at most one of each class.
The script prints the title/source disagreements and stops (exit 1) if any check fails.
"""
import gzip
import re
import sys
from collections import defaultdict


def read_samples(soft, platform):
    """{GSM id: {field: [values]}} for the samples of one platform, in file order."""
    samples, current = {}, None
    with gzip.open(soft, "rt", encoding="utf-8", errors="replace") as f:
        for line in f:
            line = line.rstrip("\r\n")
            if line.startswith("^"):
                current = None
                if line.startswith("^SAMPLE"):
                    current = {}
                    samples[line.split("=", 1)[1].strip()] = current
            elif current is not None and line.startswith("!Sample_") and " = " in line:
                key, value = line[len("!Sample_"):].split(" = ", 1)
                current.setdefault(key.strip(), []).append(value.strip())
    return {gsm: f for gsm, f in samples.items() if f.get("platform_id", [""])[0] == platform}


def description_facts(fields):
    """Age, gender, kidney side and whether the description speaks of an adjacent tumour."""
    text = " ".join(fields.get("description", []))
    age = re.search(r"Age = (\d+)", text)
    gender = re.search(r"Gender = (\w+)", text)
    side = re.search(r"(Left|Right) Kidney", text)
    return {
        "age": age.group(1) if age else None,
        "gender": gender.group(1) if gender else None,
        "side": side.group(1) if side else None,
        "adjacent": "Adjacent Tumor" in text,
    }


def main():
    soft, platform, labels_file, out = sys.argv[1:5]
    samples = read_samples(soft, platform)
    with open(labels_file) as f:
        next(f)
        labels = dict(line.rstrip("\n").split("\t") for line in f if line.strip())
    if set(labels) != set(samples):
        sys.exit(f"gse781_samplesheet: {labels_file} and the {platform} samples of {soft} differ")

    problems, rows = [], []
    by_patient = defaultdict(list)
    for gsm, fields in samples.items():
        title = fields["title"][0]
        source = fields["source_name_ch1"][0]
        label = labels[gsm]
        m = re.match(r"([NC])(\d+) ", title)
        if not m:
            problems.append(f"{gsm}: title '{title}' does not start with N<patient> or C<patient>")
            continue
        prefix, patient = m.groups()
        facts = description_facts(fields)
        title_class = "carcinoma" if "Carcinoma" in title else "normal"
        if title_class != label:
            # Not an error: the evidence this script documents. Printed for docs/results.md.
            print(f"{gsm}: title '{title}' says {title_class}; source '{source}' says {label}; "
                  f"prefix {prefix}, description adjacent-tumour fields: {facts['adjacent']}")
        if (prefix == "N") != (label == "normal"):
            problems.append(f"{gsm}: title prefix {prefix} disagrees with label {label}")
        if facts["adjacent"] != (label == "normal"):
            problems.append(f"{gsm}: description adjacent={facts['adjacent']} disagrees with label {label}")
        by_patient[patient].append((gsm, label, facts))
        lot = re.search(r"Lot batch = (\d+)", " ".join(fields.get("description", [])))
        if not lot:
            problems.append(f"{gsm}: no 'Lot batch = N' in the description")
            continue
        rows.append((gsm, label, "P" + patient, "lot" + lot.group(1), title))

    for patient, members in by_patient.items():
        for key in ("age", "gender", "side"):
            if len({f[key] for _, _, f in members}) > 1:
                problems.append(f"patient {patient}: samples {[g for g, _, _ in members]} disagree on {key}")
        classes = [lab for _, lab, _ in members]
        if len(classes) != len(set(classes)):
            problems.append(f"patient {patient}: two samples of one class {classes}")
    if problems:
        sys.exit("gse781_samplesheet: " + "\n".join(problems))

    with open(out, "w") as f:
        f.write("sample\tlabel\tpatient\tbatch\ttitle\n")
        for row in rows:
            f.write("\t".join(row) + "\n")
    pairs = sum(1 for m in by_patient.values() if len(m) == 2)
    counts = defaultdict(int)
    for _, label, _, _, _ in rows:
        counts[label] += 1
    print(f"{len(rows)} samples ({', '.join(f'{k} {v}' for k, v in sorted(counts.items()))}), "
          f"{len(by_patient)} patients ({pairs} normal/carcinoma pairs, {len(by_patient) - pairs} single)")


if __name__ == "__main__":
    main()
