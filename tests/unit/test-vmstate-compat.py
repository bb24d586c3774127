#!/usr/bin/env python3
#
# Our -dump-vmstate, section by section, against layouts recorded from
# QEMU (tests/data/vmstate): QEMU 7.2 for the pc and virt devices, QEMU
# 10.2 for pl011, pl011_luminary and hpet.  Each section is compared in
# both directions with scripts/vmstate-static-checker.py.
#
# Copyright (c) 2026 The project contributors
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Usage: test-vmstate-compat.py CHECKER DATA_DIR TARGET=BINARY...

import json
import os
import subprocess
import sys
import tempfile
import unittest

CHECKER = None
DATA_DIR = None
BINARIES = {}

MACHINES = {"x86_64": "pc", "aarch64": "virt"}

# Sections compared with QEMU 7.2's dump, by target.
QEMU72_SECTIONS = {
    "x86_64": ["fw_cfg", "fw_cfg_io", "fw_cfg_mem", "hpet", "ioapic",
               "ioapic-common", "isa-i8259", "isa-pit", "mc146818rtc",
               "pic-common", "pit-common"],
    "aarch64": ["arm_gic", "arm_gic_common", "fw_cfg", "fw_cfg_mem"],
}

# Sections that exist only once their device has landed.
OPTIONAL_SECTIONS = {"pl011", "pl011_luminary"}

# Known differences, by (section, reference, direction): each is the
# exact report line; anything else reported fails the test.
#  - "i8259/ltim" came with QEMU 8.1 and is sent only while ICW1's LTIM
#    bit is set, which QEMU 7.2 cannot load (nor set).
#  - "pl011/tx_fifo" and "pl011/rx_timeout" are ours (hw/char/pl011.c):
#    sent only while characters wait to be sent or an RX timeout is
#    pending, states QEMU's PL011 does not have.
PL011_EXTRAS = [
    "%s: subsection 'pl011/tx_fifo' does not exist in the destination",
    "%s: subsection 'pl011/rx_timeout' does not exist in the destination",
]
KNOWN_DIFFERENCES = {
    ("isa-i8259", "QEMU 7.2", "to-ref"): [
        "isa-i8259: subsection 'i8259/ltim' does not exist in the "
        "destination"],
    ("pic-common", "QEMU 7.2", "to-ref"): [
        "pic-common: subsection 'i8259/ltim' does not exist in the "
        "destination"],
}
for _name in ("pl011", "pl011_luminary"):
    for _ref in ("QEMU 7.2", "QEMU 10.2"):
        KNOWN_DIFFERENCES[(_name, _ref, "to-ref")] = [
            line % _name for line in PL011_EXTRAS]


def load(name):
    with open(os.path.join(DATA_DIR, name), encoding="utf-8") as f:
        return json.load(f)


class VMStateCompatTest(unittest.TestCase):
    dumps = {}

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        for target, binary in BINARIES.items():
            path = os.path.join(cls.tmp.name, target + ".json")
            subprocess.run([binary, "-M", MACHINES[target],
                            "-dump-vmstate", path], check=True,
                           stdout=subprocess.DEVNULL)
            with open(path, encoding="utf-8") as f:
                cls.dumps[target] = json.load(f)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def ours(self, target):
        if target not in self.dumps:
            self.skipTest("no %s binary given" % target)
        return self.dumps[target]

    def check(self, name, src, dst):
        """Exit status and report of the checker on one section."""
        paths = []
        for tag, dump in (("src", src), ("dst", dst)):
            path = os.path.join(self.tmp.name, "%s-%s.json" % (name, tag))
            with open(path, "w", encoding="utf-8") as f:
                json.dump({name: dump[name]}, f, indent=1)
            paths.append(path)
        proc = subprocess.run([sys.executable, CHECKER, "-s", paths[0],
                               "-d", paths[1]], capture_output=True,
                              text=True, check=False)
        return proc.returncode, proc.stdout

    def assert_both_ways(self, name, ours, ref, label):
        self.assertIn(name, ref, "%s has no section %s" % (label, name))
        self.assertIn(name, ours, "our dump has no section %s" % name)
        for direction, src, dst in (("from-ref", ref, ours),
                                    ("to-ref", ours, ref)):
            rc, out = self.check(name, src, dst)
            known = KNOWN_DIFFERENCES.get((name, label, direction), [])
            lines = [line for line in out.splitlines()
                     if not line.endswith(" found")]
            self.assertEqual(sorted(lines), sorted(known),
                             "%s %s %s:\n%s" % (name, direction, label, out))
            self.assertEqual(rc, 1 if known else 0, out)

    def test_pc_sections_match_qemu_72(self):
        ours = self.ours("x86_64")
        ref = load("qemu-7.2-pc.json")
        for name in QEMU72_SECTIONS["x86_64"]:
            with self.subTest(section=name):
                self.assert_both_ways(name, ours, ref, "QEMU 7.2")

    def test_virt_sections_match_qemu_72(self):
        ours = self.ours("aarch64")
        ref = load("qemu-7.2-virt.json")
        for name in QEMU72_SECTIONS["aarch64"]:
            with self.subTest(section=name):
                self.assert_both_ways(name, ours, ref, "QEMU 7.2")

    def test_hpet_matches_qemu_102(self):
        self.assert_both_ways("hpet", self.ours("x86_64"),
                              load("hpet-qemu-10.2.json"), "QEMU 10.2")

    def test_pl011_matches_qemu_102_and_72(self):
        ours = self.ours("aarch64")
        for name in ("pl011", "pl011_luminary"):
            with self.subTest(section=name):
                if name not in ours:
                    self.skipTest("our virt has no %s section yet" % name)
                self.assert_both_ways(name, ours,
                                      load(name + "-qemu-10.2.json"),
                                      "QEMU 10.2")
                self.assert_both_ways(name, ours, load("qemu-7.2-virt.json"),
                                      "QEMU 7.2")

    def test_captures_are_the_filtered_streams(self):
        """Each capture-*.mig is what capture-72.py makes of its .raw.gz."""
        proc = subprocess.run([sys.executable,
                               os.path.join(DATA_DIR, "capture-72.py"),
                               "--check"], capture_output=True, text=True,
                              check=False)
        self.assertEqual(proc.returncode, 0, proc.stdout + proc.stderr)

    def test_checker_sees_a_changed_layout(self):
        """A sanity check of the comparison itself on recorded data."""
        ours = self.ours("x86_64")
        ref = load("qemu-7.2-pc.json")
        broken = json.loads(json.dumps(ref))
        fields = broken["ioapic"]["Description"]["Fields"]
        fields[-1]["size"] = 4
        rc, out = self.check("ioapic", ours, broken)
        self.assertEqual(rc, 1, out)
        self.assertIn("field 'ioredtbl': size 8, destination has 4", out)


def main():
    global CHECKER, DATA_DIR
    CHECKER = sys.argv.pop(1)
    DATA_DIR = sys.argv.pop(1)
    while len(sys.argv) > 1 and "=" in sys.argv[1]:
        target, binary = sys.argv.pop(1).split("=", 1)
        if target in MACHINES:
            BINARIES[target] = binary
    unittest.main()


if __name__ == "__main__":
    main()
