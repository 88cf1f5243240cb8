#!/usr/bin/env python3
"""Merges the Cobertura reports coverlet wrote for each test project and prints the line coverage of the product.

Usage: scripts/coverage-summary.py OUT_DIR REPORT.xml [REPORT.xml ...]

Each test project measures the product assemblies (MiaRepro, MiaRepro.Cli); a line counts as covered when any
project's tests ran it. File names are resolved against each report's <source> and written relative to the
working folder (the repository root), so that the same file from two reports is counted once. Writes OUT_DIR/coverage.cobertura.xml (the merged report, per file and line) and
OUT_DIR/uncovered.txt (per source file, its uncovered line count, most first), and prints one line:
"line coverage: P% (C of N lines) of MiaRepro, MiaRepro.Cli".
"""
import os
import sys
import xml.etree.ElementTree as ET


def main(argv):
    if len(argv) < 3:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    out_dir, reports = argv[1], argv[2:]
    hits = {}  # (package, file relative to the working folder) -> {line number: hits}
    for report in reports:
        root = ET.parse(report).getroot()
        # coverlet writes each file name relative to the report's own <source>, which differs between test projects
        # (src/ for one, src/MiaRepro/ for another): resolve it, so that one file is one file in every report.
        sources = [s.text for s in root.iter("source") if s.text]
        base = sources[0] if len(sources) == 1 else ""
        for package in root.iter("package"):
            for cls in package.iter("class"):
                path = os.path.relpath(os.path.normpath(os.path.join(base, cls.get("filename"))))
                lines = hits.setdefault((package.get("name"), path), {})
                for line in cls.iter("line"):
                    number = int(line.get("number"))
                    lines[number] = lines.get(number, 0) + int(line.get("hits"))
    valid = sum(len(lines) for lines in hits.values())
    covered = sum(1 for lines in hits.values() for h in lines.values() if h > 0)
    rate = covered / valid if valid else 0.0
    packages = sorted({p for p, _ in hits})

    os.makedirs(out_dir, exist_ok=True)
    root = ET.Element("coverage", {"line-rate": f"{rate:.4f}", "lines-covered": str(covered), "lines-valid": str(valid),
                                   "branch-rate": "0", "version": "1.9", "timestamp": "0"})
    ET.SubElement(ET.SubElement(root, "sources"), "source").text = os.getcwd()
    pkgs = ET.SubElement(root, "packages")
    for name in packages:
        files = {f: lines for (p, f), lines in hits.items() if p == name}
        p_valid = sum(len(l) for l in files.values())
        p_cov = sum(1 for l in files.values() for h in l.values() if h > 0)
        pkg = ET.SubElement(pkgs, "package", {"name": name, "line-rate": f"{(p_cov / p_valid if p_valid else 0):.4f}"})
        classes = ET.SubElement(pkg, "classes")
        for filename in sorted(files):
            lines = files[filename]
            f_cov = sum(1 for h in lines.values() if h > 0)
            cls = ET.SubElement(classes, "class", {"name": filename, "filename": filename,
                                                   "line-rate": f"{(f_cov / len(lines) if lines else 0):.4f}"})
            el = ET.SubElement(cls, "lines")
            for number in sorted(lines):
                ET.SubElement(el, "line", {"number": str(number), "hits": str(lines[number])})
    ET.ElementTree(root).write(os.path.join(out_dir, "coverage.cobertura.xml"), encoding="utf-8", xml_declaration=True)

    uncovered = sorted(((sum(1 for h in l.values() if h == 0), len(l), f) for (_, f), l in hits.items()), reverse=True)
    with open(os.path.join(out_dir, "uncovered.txt"), "w", encoding="utf-8") as handle:
        for missing, total, filename in uncovered:
            if missing:
                handle.write(f"{missing:5d} of {total:5d} lines uncovered  {filename}\n")

    print(f"line coverage: {rate:.1%} ({covered} of {valid} lines) of {', '.join(packages)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
