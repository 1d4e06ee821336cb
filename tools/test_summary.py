"""Adds up the JUnit XML reports of every suite into one closing line.

Each runner (Surefire, pytest, Vitest) prints its own totals mid-way through the output; this gives the
whole run one line at the end, in the plain 'N passed, N failed' form.
"""
import glob
import sys
import xml.etree.ElementTree as ET


def suite_totals(path):
    root = ET.parse(path).getroot()
    suites = [root] if root.tag == "testsuite" else root.findall("testsuite")
    tests = failures = errors = skipped = 0
    for s in suites:
        tests += int(s.get("tests", 0))
        failures += int(s.get("failures", 0))
        errors += int(s.get("errors", 0))
        skipped += int(s.get("skipped", 0))
    return tests, failures + errors, skipped


def main(patterns):
    total = failed = skipped = 0
    for pattern in patterns:
        for path in sorted(glob.glob(pattern, recursive=True)):
            t, f, s = suite_totals(path)
            total, failed, skipped = total + t, failed + f, skipped + s
    passed = total - failed - skipped
    print(f"eigenstudy: {passed} passed, {failed} failed, {skipped} skipped")
    return 1 if failed or total == 0 else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
