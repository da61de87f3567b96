#!/usr/bin/env python3
"""Prints the ten test classes that took longest, summing their tests' durations from the TRX files given.

For information only: nothing fails on time. Times are the tests' own (setup in a class fixture counts to the
first test that waits for it); classes run in parallel, so the times add up to more than the wall clock.
"""
import re
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict

NS = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}


def seconds(duration: str) -> float:
    hours, minutes, rest = duration.split(":")
    return int(hours) * 3600 + int(minutes) * 60 + float(rest)


def main(paths: list[str]) -> None:
    totals: dict[str, float] = defaultdict(float)
    counts: dict[str, int] = defaultdict(int)
    for path in paths:
        root = ET.parse(path).getroot()
        classes = {m.get("id"): m.find("t:TestMethod", NS).get("className")
                   for m in root.iterfind("t:TestDefinitions/t:UnitTest", NS)}
        for result in root.iterfind("t:Results/t:UnitTestResult", NS):
            name = classes.get(result.get("testId")) or re.sub(r"\.[^.(]+(\(.*)?$", "", result.get("testName", "?"))
            totals[name] += seconds(result.get("duration", "0:0:0"))
            counts[name] += 1
    if not totals:
        return
    print("Slowest test classes (the sum of their tests' times):")
    for name, total in sorted(totals.items(), key=lambda item: -item[1])[:10]:
        print(f"  {total:7.1f} s  {counts[name]:4d} tests  {name.removeprefix('Upheld.Tests.')}")


if __name__ == "__main__":
    main(sys.argv[1:])
