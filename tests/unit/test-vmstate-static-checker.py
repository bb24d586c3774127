#!/usr/bin/env python3
#
# Tests of scripts/vmstate-static-checker.py on layouts recorded from
# QEMU 7.2 and 10.2 (docs: the vmstate README of the spec) and on
# deliberately broken variants of them.
#
# Copyright (c) 2026 The project contributors
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Usage: test-vmstate-static-checker.py PATH/TO/vmstate-static-checker.py

import copy
import json
import os
import subprocess
import sys
import tempfile
import unittest

CHECKER = None


def field(name, size, version=0, num=None, desc=None):
    f = {"field": name, "version_id": version, "field_exists": False}
    if num is not None:
        f["num"] = num
    f["size"] = size
    if desc is not None:
        f["Description"] = desc
    return f


def hpet(qemu72):
    """The HPET section as QEMU 7.2 or 10.2 dumps it."""
    timer = {
        "name": "hpet_timer", "version_id": 1, "minimum_version_id": 1,
        "Fields": [field("tn", 1), field("config", 8), field("cmp", 8),
                   field("fsb", 8), field("period", 8),
                   field("wrap_flag", 1), field("qemu_timer", 8)],
    }
    desc = {
        "name": "hpet", "version_id": 2,
        "minimum_version_id": 1 if qemu72 else 2,
        "Fields": [
            field("config", 8), field("isr", 8), field("hpet_counter", 8),
            field("num_timers", 1, version=2) if qemu72
            else field("num_timers_save", 1),
            field("timer", 64 if qemu72 else 80, desc=timer),
        ],
        "Subsections": [
            {"name": "hpet/rtc_irq_level", "version_id": 1,
             "minimum_version_id": 1,
             "Fields": [field("rtc_irq_level", 1)]},
            {"name": "hpet/offset", "version_id": 1, "minimum_version_id": 1,
             "Fields": [field("hpet_offset", 8)]},
        ],
    }
    return {"hpet": {"Name": "hpet", "version_id": 2,
                     "minimum_version_id": desc["minimum_version_id"],
                     "Description": desc}}


def pl011(qemu72):
    """The PL011 section (registers only) as 7.2 or 10.2 dumps it."""
    regs = [field("readbuff" if qemu72 else "unused", 4)]
    regs += [field(n, 4) for n in ("flags", "lcr", "rsr", "cr", "dmacr",
                                   "int_enabled", "int_level")]
    regs.append(field("read_fifo", 4, num=None if qemu72 else 16))
    regs += [field(n, 4) for n in ("ilpr", "ibrd", "fbrd", "ifl",
                                   "read_pos", "read_count", "read_trigger")]
    clock = {
        "name": "clock", "version_id": 0, "minimum_version_id": 0,
        "Fields": [field("period", 8)],
        "Subsections": [{"name": "clock/muldiv", "version_id": 1,
                         "minimum_version_id": 1,
                         "Fields": [field("multiplier", 4),
                                    field("divider", 4)]}],
    }
    desc = {
        "name": "pl011", "version_id": 2, "minimum_version_id": 2,
        "Fields": regs,
        "Subsections": [{"name": "pl011/clock", "version_id": 1,
                         "minimum_version_id": 1,
                         "Fields": [field("clk", 8, desc=clock)]}],
    }
    return {"pl011": {"Name": "pl011", "version_id": 2,
                      "minimum_version_id": 2, "Description": desc}}


def both(qemu72, machine=None):
    dump = {}
    if machine:
        dump["vmschkmachine"] = {"Name": machine}
    dump.update(pl011(qemu72))
    dump.update(hpet(qemu72))
    return dump


class CheckerTest(unittest.TestCase):
    def run_checker(self, src, dst, *extra):
        with tempfile.TemporaryDirectory() as tmp:
            paths = []
            for name, data in (("src.json", src), ("dst.json", dst)):
                path = os.path.join(tmp, name)
                with open(path, "w", encoding="utf-8") as f:
                    json.dump(data, f, indent=2)
                paths.append(path)
            proc = subprocess.run([sys.executable, CHECKER, "-s", paths[0],
                                   "-d", paths[1]] + list(extra),
                                  capture_output=True, text=True,
                                  check=False)
        return proc.returncode, proc.stdout

    def assert_compatible(self, src, dst):
        rc, out = self.run_checker(src, dst)
        self.assertEqual(rc, 0, out)

    def assert_incompatible(self, src, dst, text):
        rc, out = self.run_checker(src, dst)
        self.assertEqual(rc, 1, out)
        self.assertIn(text, out)

    def test_72_and_102_are_compatible_both_ways(self):
        self.assert_compatible(both(True), both(False))
        self.assert_compatible(both(False), both(True))
        self.assert_compatible(both(False, "pc-i440fx-10.2"),
                               both(False, "pc-i440fx-10.2"))

    def test_reverse_swaps(self):
        dst = both(False)
        dst["hpet"]["Description"]["minimum_version_id"] = 3
        dst["hpet"]["Description"]["version_id"] = 3
        rc, out = self.run_checker(dst, both(False), "--reverse")
        self.assertEqual(rc, 1, out)
        self.assertIn("needs at least 3", out)

    def test_machine_mismatch(self):
        self.assert_incompatible(both(False, "pc-i440fx-10.2"),
                                 both(False, "pc-q35-10.2"),
                                 "incompatible machine types")

    def test_minimum_version_raised(self):
        dst = both(False)
        dst["hpet"]["Description"]["minimum_version_id"] = 3
        dst["hpet"]["Description"]["version_id"] = 3
        self.assert_incompatible(both(False), dst,
                                 "source sends version 2, destination "
                                 "needs at least 3")

    def test_newer_source_version(self):
        src = both(False)
        src["pl011"]["Description"]["version_id"] = 3
        self.assert_incompatible(src, both(False),
                                 "destination accepts up to 2")

    def test_minimum_version_lowered_is_fine(self):
        dst = both(False)
        dst["hpet"]["Description"]["minimum_version_id"] = 1
        self.assert_compatible(both(False), dst)

    def test_field_size_changed(self):
        dst = both(False)
        dst["pl011"]["Description"]["Fields"][2]["size"] = 8
        self.assert_incompatible(both(False), dst,
                                 "field 'lcr': size 4, destination has 8")

    def test_field_missing(self):
        dst = both(False)
        del dst["pl011"]["Description"]["Fields"][-1]
        self.assert_incompatible(both(False), dst,
                                 "field 'read_trigger' is not read")

    def test_field_renamed(self):
        dst = both(False)
        dst["pl011"]["Description"]["Fields"][1]["field"] = "fr"
        self.assert_incompatible(both(False), dst,
                                 "field 'flags' where the destination "
                                 "expects 'fr'")

    def test_unused_of_other_size(self):
        dst = both(False)
        dst["pl011"]["Description"]["Fields"][0]["size"] = 3
        self.assert_incompatible(both(True), dst,
                                 "'unused' of 3 bytes does not match")

    def test_unused_folding_several_fields(self):
        dst = both(False)
        fields = dst["pl011"]["Description"]["Fields"]
        fields[1:3] = [field("unused", 8)]
        self.assert_compatible(both(False), dst)

    def test_array_length(self):
        dst = both(False)
        dst["pl011"]["Description"]["Fields"][8]["num"] = 32
        self.assert_incompatible(both(False), dst, "16 elements, "
                                 "destination has 32")

    def test_nested_struct_field(self):
        dst = both(False)
        timer = dst["hpet"]["Description"]["Fields"][4]["Description"]
        timer["Fields"][3]["size"] = 4
        self.assert_incompatible(both(False), dst, "hpet.timer")

    def test_subsection_missing(self):
        dst = both(False)
        del dst["hpet"]["Description"]["Subsections"][1]
        self.assert_incompatible(both(False), dst,
                                 "subsection 'hpet/offset' does not exist")

    def test_extra_destination_subsection_is_fine(self):
        dst = both(False)
        dst["hpet"]["Description"]["Subsections"].append(
            {"name": "hpet/new", "version_id": 1, "minimum_version_id": 1,
             "Fields": [field("x", 4)]})
        self.assert_compatible(both(False), dst)

    def test_section_missing(self):
        dst = both(False)
        del dst["hpet"]
        self.assert_incompatible(both(False), dst,
                                 "hpet: section does not exist")

    def test_nested_subsection_field(self):
        dst = copy.deepcopy(both(False))
        sub = dst["pl011"]["Description"]["Subsections"][0]
        clock = sub["Fields"][0]["Description"]
        clock["Subsections"][0]["Fields"][1]["size"] = 8
        self.assert_incompatible(both(False), dst, "field 'divider'")

    def test_unreadable_input(self):
        with tempfile.NamedTemporaryFile("w", suffix=".json") as f:
            f.write("{not json")
            f.flush()
            proc = subprocess.run([sys.executable, CHECKER, "-s", f.name,
                                   "-d", f.name], capture_output=True,
                                  text=True, check=False)
        self.assertEqual(proc.returncode, 2)


if __name__ == "__main__":
    CHECKER = sys.argv.pop(1)
    unittest.main()
