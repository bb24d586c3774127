#!/usr/bin/env python3
#
# Compare two -dump-vmstate files: can a stream written by the source
# build be loaded by the destination build?
#
# Copyright (c) 2026 The project contributors
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Usage: vmstate-static-checker.py -s SRC.json -d DST.json [-v] [--reverse]
#
# For every section of the source: the destination must have it, accept
# the version the source sends (minimum_version_id <= version <=
# version_id), and read the same bytes in the same order.  Fields are
# compared after dropping those absent at the version in use; a field
# renamed to "unused" with the same size (or several fields folded into
# one "unused" of their total size) is compatible, as are the renames in
# RENAMED_FIELDS; struct fields are compared through their nested
# descriptions (their "size" is the host struct's and may differ); "num"
# is compared only when both files have it (QEMU 7.2 does not write it).
# Every subsection the source may send must exist in the destination.
#
# Exit status: 0 when compatible, 1 when not, 2 for unusable input.

import argparse
import json
import sys

# Fields whose name changed while their bytes stayed (either direction).
RENAMED_FIELDS = {
    "num_timers": {"num_timers_save"},
    "num_timers_save": {"num_timers"},
}


class Checker:
    def __init__(self, verbose):
        self.verbose = verbose
        self.errors = 0

    def error(self, where, msg):
        print("%s: %s" % (where, msg))
        self.errors += 1

    def info(self, where, msg):
        if self.verbose:
            print("%s: %s" % (where, msg))

    def check_machine(self, src, dst):
        s = src.get("vmschkmachine", {}).get("Name")
        d = dst.get("vmschkmachine", {}).get("Name")
        if s is not None and d is not None and s != d:
            self.error("vmschkmachine",
                       "checking incompatible machine types: '%s' and '%s'"
                       % (s, d))

    def check_versions(self, where, src_version, dst):
        if src_version > dst.get("version_id", 0):
            self.error(where, "source sends version %d, destination accepts "
                       "up to %d" % (src_version, dst.get("version_id", 0)))
            return False
        if src_version < dst.get("minimum_version_id", 0):
            self.error(where, "source sends version %d, destination needs "
                       "at least %d" % (src_version,
                                        dst["minimum_version_id"]))
            return False
        return True

    @staticmethod
    def fields_at(desc, version):
        """The fields a stream of @version carries, in order."""
        return [f for f in desc.get("Fields", [])
                if f.get("field_exists") or f.get("version_id", 0) <= version]

    @staticmethod
    def is_unused(field):
        return field["field"] == "unused"

    @staticmethod
    def total_size(field):
        return field.get("size", 0) * field.get("num", 1)

    def same_name(self, s, d):
        return (s["field"] == d["field"] or
                d["field"] in RENAMED_FIELDS.get(s["field"], ()))

    def check_field(self, where, s, d):
        name = s["field"]
        if s["field"] != d["field"]:
            self.info(where, "field '%s' is now '%s'" % (name, d["field"]))
        if bool(s.get("field_exists")) != bool(d.get("field_exists")):
            self.error(where, "field '%s': presence test differs" % name)
        if "num" in s and "num" in d and s["num"] != d["num"]:
            self.error(where, "field '%s': %d elements, destination has %d"
                       % (name, s["num"], d["num"]))
        if ("Description" in s) != ("Description" in d):
            self.error(where, "field '%s': struct on one side only" % name)
        elif "Description" in s:
            self.check_struct(where + "." + name, s["Description"],
                              d["Description"])
        elif s.get("size") != d.get("size"):
            self.error(where, "field '%s': size %s, destination has %s"
                       % (name, s.get("size"), d.get("size")))

    def fold_unused(self, where, unused, others, i, side):
        """Fields others[i:] that fill @unused exactly; returns next i."""
        want = self.total_size(unused)
        got = 0
        start = i
        while i < len(others) and got < want:
            got += self.total_size(others[i])
            i += 1
        if got != want:
            self.error(where, "'unused' of %d bytes does not match the %s "
                       "fields at position %d" % (want, side, start))
            return None
        self.info(where, "'unused' of %d bytes stands for %s" %
                  (want, ", ".join(f["field"] for f in others[start:i])))
        return i

    def check_fields(self, where, sfields, dfields):
        """Field lists in wire order; after a misalignment the rest of
        the list is not compared (every later field would differ)."""
        i = j = 0
        while i < len(sfields) and j < len(dfields):
            s, d = sfields[i], dfields[j]
            if self.same_name(s, d):
                self.check_field(where, s, d)
                i += 1
                j += 1
            elif self.is_unused(s) and not self.is_unused(d):
                j = self.fold_unused(where, s, dfields, j, "destination")
                i += 1
            elif self.is_unused(d) and not self.is_unused(s):
                i = self.fold_unused(where, d, sfields, i, "source")
                j += 1
            else:
                self.error(where, "field '%s' where the destination expects "
                           "'%s'" % (s["field"], d["field"]))
                return
            if i is None or j is None:
                return
        for s in sfields[i:]:
            self.error(where, "field '%s' is not read by the destination"
                       % s["field"])
        for d in dfields[j:]:
            self.error(where, "destination expects field '%s' the source "
                       "does not send" % d["field"])

    def check_subsections(self, where, src, dst):
        dsubs = {sub["name"]: sub for sub in dst.get("Subsections", [])}
        for sub in src.get("Subsections", []):
            name = sub["name"]
            if name not in dsubs:
                self.error(where, "subsection '%s' does not exist in the "
                           "destination" % name)
                continue
            self.check_description(name, sub, dsubs[name],
                                   sub.get("version_id", 0))

    def check_description(self, where, src, dst, version):
        """A section or subsection, sent at @version."""
        if not self.check_versions(where, version, dst):
            return
        self.check_fields(where, self.fields_at(src, version),
                          self.fields_at(dst, version))
        self.check_subsections(where, src, dst)

    def check_struct(self, where, src, dst):
        """A nested struct: each side uses its own version."""
        if src.get("name") != dst.get("name"):
            self.error(where, "struct description '%s' is now '%s'"
                       % (src.get("name"), dst.get("name")))
            return
        self.check_fields(where,
                          self.fields_at(src, src.get("version_id", 0)),
                          self.fields_at(dst, dst.get("version_id", 0)))
        self.check_subsections(where, src, dst)

    def check_section(self, name, src, dst):
        sdesc, ddesc = src.get("Description"), dst.get("Description")
        if sdesc is None or ddesc is None:
            self.error(name, "no description")
            return
        if sdesc.get("name") != ddesc.get("name"):
            self.error(name, "vmsd name '%s' is now '%s'"
                       % (sdesc.get("name"), ddesc.get("name")))
            return
        self.check_description(name, sdesc, ddesc,
                               sdesc.get("version_id", 0))

    def check(self, src, dst):
        self.check_machine(src, dst)
        for name, section in src.items():
            if name == "vmschkmachine":
                continue
            if name not in dst:
                self.error(name, "section does not exist in the destination")
                continue
            self.info(name, "checking")
            self.check_section(name, section, dst[name])
        return self.errors


def load(path):
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
    except (OSError, ValueError) as e:
        print("cannot read %s: %s" % (path, e), file=sys.stderr)
        sys.exit(2)
    if not isinstance(data, dict):
        print("%s: not a -dump-vmstate file" % path, file=sys.stderr)
        sys.exit(2)
    return data


def main():
    parser = argparse.ArgumentParser(
        description="Compare the -dump-vmstate output of two builds.")
    parser.add_argument("-s", "--src", required=True,
                        help="dump of the build that sends")
    parser.add_argument("-d", "--dest", required=True,
                        help="dump of the build that receives")
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="also report tolerated differences")
    parser.add_argument("--reverse", action="store_true",
                        help="swap source and destination")
    args = parser.parse_args()

    src, dst = load(args.src), load(args.dest)
    if args.reverse:
        src, dst = dst, src
    errors = Checker(args.verbose).check(src, dst)
    if errors:
        print("%d incompatibilit%s found" % (errors,
                                             "y" if errors == 1 else "ies"))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
