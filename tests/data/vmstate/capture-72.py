#!/usr/bin/env python3
#
# Capture device state saved by Debian's QEMU 7.2 as test data.
#
# Copyright (c) 2026 The project contributors
# SPDX-License-Identifier: GPL-2.0-or-later
#
# For each scenario: start QEMU 7.2 stopped (-accel tcg -S: its virtual
# clock stays at 0), program device registers through the qtest
# protocol, migrate to a file ("exec:cat > FILE"), then replay a list of
# qtest commands on the stopped source and record its answers.  Three
# files per scenario land next to this script:
#
#   capture-<name>-7.2.raw.gz       the stream exactly as QEMU 7.2 wrote it
#                                   (gzip: its zero pages repeat)
#   capture-<name>-7.2.mig          the same stream cut down to what our
#                                   machine has (see filter_stream)
#   capture-<name>-7.2.replay.json  the programming, the replayed commands
#                                   and 7.2's answers to them
#
# tests/qtest/hpet-migration-test.c loads each .mig into our binary and
# replays the commands: every answer must be 7.2's.
#
# Why a .mig next to the .raw: QEMU 7.2's pc and virt streams carry
# sections for devices our machines do not have (CPU, APIC, PCI host,
# PIIX3, IDE, flash...), RAM blocks we do not have (BIOS, option and
# ACPI ROMs) and the machine type "pc-i440fx-7.2", which our
# "pc-i440fx-10.2" refuses exactly as QEMU 10.2 would.  The loader has
# no option to skip unknown sections (QEMU has none either, and a stream
# gives no section lengths).  So filter_stream() rewrites the envelope:
# the configuration section names our machine, the RAM sections keep
# only the main RAM block, the device sections we have are copied byte
# for byte (section ids, instance ids, versions and footers unchanged),
# the others are dropped, and the JSON description lists what is left.
# Section lengths come from that description, as analyze-migration.py
# finds them.  `capture-72.py --filter-only` redoes the .mig files from
# the .raw.gz ones; `--check` (run by the unit suite) checks them.
#
# The other direction: `capture-72.py --to-72 BUILD_DIR` programs our
# binaries the same way, migrates them to a file, renames the machine
# type in it to QEMU 7.2's, loads it into QEMU 7.2 and replays the
# commands on both: every answer must be the same.  It needs QEMU 7.2,
# so it is a manual check, not part of `make check`.
#
# Usage: capture-72.py [--filter-only | --check | --to-72 BUILD_DIR]
#                      [--qemu-dir DIR]

import argparse
import gzip
import json
import os
import socket
import struct
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))

QEMU_VM_EOF = 0x00
QEMU_VM_SECTION_START = 0x01
QEMU_VM_SECTION_FULL = 0x04
QEMU_VM_SUBSECTION = 0x05
QEMU_VM_VMDESCRIPTION = 0x06
QEMU_VM_CONFIGURATION = 0x07
QEMU_VM_SECTION_FOOTER = 0x7e

RAM_SAVE_FLAG_ZERO = 0x02
RAM_SAVE_FLAG_MEM_SIZE = 0x04
RAM_SAVE_FLAG_PAGE = 0x08
RAM_SAVE_FLAG_EOS = 0x10
RAM_SAVE_FLAG_CONTINUE = 0x20
PAGE_SIZE = 4096

HPET = 0xfed00000
IOAPIC = 0xfec00000
GICD = 0x08000000
GICC = 0x08010000


def hpet_timer(n, reg):
    return HPET + 0x100 + 0x20 * n + reg


# Each scenario: how QEMU 7.2 is started, our machine, the sections and
# RAM block we keep, the programming done before the migration and the
# commands replayed after it.
SCENARIOS = {
    "pc": {
        "binary": "qemu-system-x86_64",
        "args": ["-M", "pc-i440fx-7.2", "-m", "16", "-nodefaults"],
        "zero_bios": True,
        "our_machine": "pc-i440fx-10.2",
        "ram_block": "pc.ram",
        "sections": ["timer", "globalstate", "hpet", "ioapic", "i8259",
                     "mc146818rtc", "i8254", "fw_cfg"],
        "program": [
            # HPET: main counter 0xfffff000 (the 32-bit counter wraps in
            # 0x1000 ticks), all three timers level-triggered on route 2:
            # timer 0 periodic every 0x3000 ticks from 0x1_00002000,
            # timer 1 one-shot at 0x1_00004000, timer 2 one-shot in 32-bit
            # mode at 0x1800 (after the wrap); then ENABLE_CNF.  Each
            # comparator write clears Tn_VAL_SET_CNF, so a periodic
            # timer's halves take one Tn_VAL_SET_CNF each, and the low
            # half also sets the period's.
            "writel 0x%x 0xfffff000" % (HPET + 0xf0),
            "writel 0x%x 0x0" % (HPET + 0xf4),
            "writel 0x%x 0x%x" % (hpet_timer(0, 0), 0x44e),
            "writel 0x%x 0x1" % hpet_timer(0, 0xc),
            "writel 0x%x 0x%x" % (hpet_timer(0, 0), 0x44e),
            "writel 0x%x 0x2000" % hpet_timer(0, 8),
            "writel 0x%x 0x3000" % hpet_timer(0, 8),
            "writel 0x%x 0x0" % hpet_timer(0, 0xc),
            "writel 0x%x 0x%x" % (hpet_timer(1, 0), 0x406),
            "writel 0x%x 0x4000" % hpet_timer(1, 8),
            "writel 0x%x 0x1" % hpet_timer(1, 0xc),
            "writel 0x%x 0x%x" % (hpet_timer(2, 0), 0x506),
            "writel 0x%x 0x1800" % hpet_timer(2, 8),
            "writel 0x%x 0x1" % (HPET + 0x10),
            # IOAPIC: ID 5, three masked entries, IOREGSEL left at 0x12.
            "writel 0x%x 0x0" % IOAPIC,
            "writel 0x%x 0x05000000" % (IOAPIC + 0x10),
            "writel 0x%x 0x10" % IOAPIC,
            "writel 0x%x 0x0001a031" % (IOAPIC + 0x10),
            "writel 0x%x 0x11" % IOAPIC,
            "writel 0x%x 0x03000000" % (IOAPIC + 0x10),
            "writel 0x%x 0x14" % IOAPIC,
            "writel 0x%x 0x00010932" % (IOAPIC + 0x10),
            "writel 0x%x 0x20" % IOAPIC,
            "writel 0x%x 0x0001e038" % (IOAPIC + 0x10),
            "writel 0x%x 0x12" % IOAPIC,
            # i8259 pair: vectors 0x08 and 0x70, masks 0xb8 and 0x3d,
            # ISR selected on the slave, ELCR bits.
            "outb 0x20 0x11", "outb 0x21 0x8", "outb 0x21 0x4",
            "outb 0x21 0x1", "outb 0x21 0xb8",
            "outb 0xa0 0x11", "outb 0xa1 0x70", "outb 0xa1 0x2",
            "outb 0xa1 0x1", "outb 0xa1 0x3d", "outb 0xa0 0xb",
            "outb 0x4d0 0x20", "outb 0x4d1 0xc",
            # RTC: CMOS bytes 0x40-0x4f, register B binary 24h, rate 6 in
            # register A (divider on), the index left at 0x45.
            ] + ["outb 0x70 0x%x" % (0x40 + i) if j == 0 else
                 "outb 0x71 0x%x" % ((0x5a ^ (i * 0x11)) & 0xff)
                 for i in range(16) for j in range(2)] + [
            "outb 0x70 0xa", "outb 0x71 0x26",
            "outb 0x70 0xb", "outb 0x71 0x6",
            "outb 0x70 0x45",
            # PIT: channel 0 mode 2 count 0x1000, channel 1 mode 3 count
            # 0x0778 with its count and then its status latched (by a
            # read-back command), channel 2 mode 0 with only the low
            # byte of its count written.  (OUT is read only in mode 3:
            # QEMU shows the strobes of modes 1, 2, 4 and 5 inverted, see
            # hw/timer/i8254.c.)
            "outb 0x43 0x34", "outb 0x40 0x0", "outb 0x40 0x10",
            "outb 0x43 0x76", "outb 0x41 0x78", "outb 0x41 0x7",
            "outb 0x43 0x40", "outb 0x43 0xe4",
            "outb 0x43 0xb0", "outb 0x42 0x45",
            # fw_cfg: the signature selected, two bytes read.
            "outw 0x510 0x0", "inb 0x511", "inb 0x511",
        ],
        "replay": [
            "inb 0x71",
            "readl 0x%x" % HPET, "readl 0x%x" % (HPET + 4),
            "readl 0x%x" % (HPET + 0x10), "readl 0x%x" % (HPET + 0x20),
            "readl 0x%x" % (HPET + 0xf0), "readl 0x%x" % (HPET + 0xf4),
            ] + ["readl 0x%x" % hpet_timer(n, r)
                 for n in range(3) for r in (0, 4, 8, 0xc)] + [
            "readl 0x%x" % IOAPIC,
            "readl 0x%x" % (IOAPIC + 0x10),
            "writel 0x%x 0x0" % IOAPIC, "readl 0x%x" % (IOAPIC + 0x10),
            "writel 0x%x 0x1" % IOAPIC, "readl 0x%x" % (IOAPIC + 0x10),
            ] + ["writel 0x%x 0x%x" % (IOAPIC, r) if j == 0 else
                 "readl 0x%x" % (IOAPIC + 0x10)
                 for r in range(0x10, 0x40) for j in range(2)] + [
            "inb 0x21", "inb 0xa1", "inb 0x20", "inb 0xa0",
            "inb 0x4d0", "inb 0x4d1",
            # CMOS: register B, D and the RAM, not the clock (it runs on
            # the host clock), register A (its UIP bit too), C (QEMU
            # keeps UF up to date, we only while UIE is set), nor 0x37
            # (QEMU reads the century there, and moves the index).
            ] + ["outb 0x70 0x%x" % r if j == 0 else "inb 0x71"
                 for r in [0xb] + list(range(0xd, 0x32)) +
                 list(range(0x33, 0x37)) + list(range(0x38, 0x80))
                 for j in range(2)] + [
            "inb 0x41", "inb 0x41", "inb 0x41",
            "inb 0x40", "inb 0x40",
            "outb 0x42 0x23", "outb 0x43 0x80", "inb 0x42", "inb 0x42",
            "inb 0x511", "inb 0x511",
        ],
    },
    "virt": {
        "binary": "qemu-system-aarch64",
        "args": ["-M", "virt", "-m", "16", "-nodefaults"],
        "zero_bios": False,
        "our_machine": "virt-10.2",
        "ram_block": "mach-virt.ram",
        "sections": ["timer", "globalstate", "arm_gic"],
        "program": [
            # Distributor on, SPIs 33 and 40 enabled with priorities,
            # SPI 40 edge-triggered and pending, SPI 33 active, PPI 27
            # enabled; SGI 3 pending from CPU 0 through GICD_SPENDSGIR
            # (one byte: QEMU 7.2 marks an SGI pending on any write to
            # its byte, even of zero, and then asserts on acknowledge).
            "writel 0x%x 0x1" % GICD,
            "writel 0x%x 0x%x" % (GICD + 0x104, (1 << 1) | (1 << 8)),
            "writel 0x%x 0x%x" % (GICD + 0x100, 1 << 27),
            "writel 0x%x 0x%x" % (GICD + 0x420, 0xa000),
            "writel 0x%x 0x%x" % (GICD + 0x428, 0x40),
            "writel 0x%x 0x%x" % (GICD + 0x418, 0x30000000),
            "writel 0x%x 0x%x" % (GICD + 0xc08, 2 << 16),
            "writel 0x%x 0x%x" % (GICD + 0x204, 1 << 8),
            "writel 0x%x 0x%x" % (GICD + 0x304, 1 << 1),
            "writeb 0x%x 0x1" % (GICD + 0xf23),
            # CPU interface: priority mask 0xf0, binary point 3, on.
            "writel 0x%x 0xf0" % (GICC + 4),
            "writel 0x%x 0x3" % (GICC + 8),
            "writel 0x%x 0x1" % GICC,
        ],
        "replay": [
            "readl 0x%x" % GICD,
            ] + ["readl 0x%x" % (GICD + base + 4 * i)
                 for base in (0x100, 0x200, 0x300) for i in range(2)] + [
            "readl 0x%x" % (GICD + 0x418), "readl 0x%x" % (GICD + 0x41c),
            "readl 0x%x" % (GICD + 0x420), "readl 0x%x" % (GICD + 0x428),
            "readl 0x%x" % (GICD + 0xc04), "readl 0x%x" % (GICD + 0xc08),
            "readl 0x%x" % (GICD + 0xf20),
            "readl 0x%x" % GICC, "readl 0x%x" % (GICC + 4),
            "readl 0x%x" % (GICC + 8), "readl 0x%x" % (GICC + 0x18),
            "readl 0x%x" % (GICC + 0xc), "readl 0x%x" % (GICC + 0x14),
            "writel 0x%x 0x3" % (GICC + 0x10),
            "readl 0x%x" % (GICC + 0x14), "readl 0x%x" % (GICC + 0x18),
        ],
    },
}


# Reading a stream

class Reader:
    def __init__(self, data):
        self.data = data
        self.pos = 0

    def take(self, n):
        if self.pos + n > len(self.data):
            raise ValueError("stream ends at %d, %d bytes wanted"
                             % (len(self.data), n))
        b = self.data[self.pos:self.pos + n]
        self.pos += n
        return b

    def u8(self):
        return self.take(1)[0]

    def be32(self):
        return struct.unpack(">I", self.take(4))[0]

    def be64(self):
        return struct.unpack(">Q", self.take(8))[0]

    def counted(self):
        return self.take(self.u8()).decode()

    def peek(self):
        return self.data[self.pos]


def counted(s):
    b = s.encode()
    return bytes([len(b)]) + b


def vmdesc_of(data):
    """The JSON description that follows EOF, found from the end."""
    start = data.rfind(b'{"page_size"')
    if start < 0:
        start = data.rfind(b'{"configuration"')
    length = struct.unpack(">I", data[start - 4:start])[0]
    if data[start - 5] != QEMU_VM_VMDESCRIPTION:
        raise ValueError("no vmdesc block")
    return start - 5, json.loads(data[start:start + length])


def desc_size(desc):
    """Bytes a described vmsd occupied: fields, then subsections."""
    total = 0
    for field in desc.get("fields", []):
        total += field["size"] * field.get("array_len", 1)
    for sub in desc.get("subsections", []):
        total += 1 + 1 + len(sub["vmsd_name"]) + 4 + desc_size(sub)
    return total


def section_header(r, kind):
    section_id = r.be32()
    if kind in (QEMU_VM_SECTION_START, QEMU_VM_SECTION_FULL):
        return section_id, r.counted(), r.be32(), r.be32()
    return section_id, None, None, None


def footer(r, section_id):
    if r.u8() != QEMU_VM_SECTION_FOOTER or r.be32() != section_id:
        raise ValueError("bad footer for section %d at %d"
                         % (section_id, r.pos))


def filter_ram(r, start, keep_block):
    """One RAM section body, re-encoded with only @keep_block's pages."""
    out = bytearray()
    if start:
        total = r.be64()
        if not total & RAM_SAVE_FLAG_MEM_SIZE:
            raise ValueError("RAM setup without MEM_SIZE")
        total &= ~(PAGE_SIZE - 1)
        seen = 0
        kept = []
        while seen < total:
            name = r.counted()
            length = r.be64()
            seen += length
            if name == keep_block:
                kept.append((name, length))
        if not kept:
            raise ValueError("no RAM block %s" % keep_block)
        out += struct.pack(">Q", kept[0][1] | RAM_SAVE_FLAG_MEM_SIZE)
        out += counted(kept[0][0]) + struct.pack(">Q", kept[0][1])
    block = None
    last_kept = None
    while True:
        v = r.be64()
        flags = v & (PAGE_SIZE - 1)
        addr = v & ~(PAGE_SIZE - 1)
        if flags & RAM_SAVE_FLAG_EOS:
            out += struct.pack(">Q", RAM_SAVE_FLAG_EOS)
            return bytes(out)
        if not flags & (RAM_SAVE_FLAG_ZERO | RAM_SAVE_FLAG_PAGE):
            raise ValueError("RAM flags 0x%x not handled" % flags)
        if not flags & RAM_SAVE_FLAG_CONTINUE:
            block = r.counted()
        payload = r.take(1 if flags & RAM_SAVE_FLAG_ZERO else PAGE_SIZE)
        if block != keep_block:
            continue
        kind = flags & (RAM_SAVE_FLAG_ZERO | RAM_SAVE_FLAG_PAGE)
        if last_kept == block:
            out += struct.pack(">Q", addr | kind | RAM_SAVE_FLAG_CONTINUE)
        else:
            out += struct.pack(">Q", addr | kind) + counted(block)
        out += payload
        last_kept = block


def filter_stream(data, scenario):
    """QEMU 7.2's stream cut down to our machine (see the top)."""
    vmdesc_pos, vmdesc = vmdesc_of(data)
    devices = list(vmdesc["devices"])
    keep = set(scenario["sections"])
    r = Reader(data[:vmdesc_pos])
    out = bytearray(r.take(8))
    if r.u8() != QEMU_VM_CONFIGURATION:
        raise ValueError("no configuration section")
    r.take(r.be32())
    conf_start = r.pos
    while r.peek() == QEMU_VM_SUBSECTION:
        r.u8()
        sub = r.counted()
        if sub != "configuration/target-page-bits":
            raise ValueError("configuration subsection %s" % sub)
        r.take(4 + 4)
    conf_rest = data[conf_start:r.pos]
    name = scenario["our_machine"].encode()
    out += bytes([QEMU_VM_CONFIGURATION]) + struct.pack(">I", len(name))
    out += name + conf_rest
    kept_devices = []
    ram_ids = set()
    while True:
        kind = r.u8()
        if kind == QEMU_VM_EOF:
            break
        start = r.pos - 1
        section_id, idstr, instance, version = section_header(r, kind)
        if kind == QEMU_VM_SECTION_START and idstr == "ram":
            ram_ids.add(section_id)
        if section_id in ram_ids:
            body = filter_ram(r, kind == QEMU_VM_SECTION_START,
                              scenario["ram_block"])
            footer(r, section_id)
            out += bytes([kind]) + struct.pack(">I", section_id)
            if kind == QEMU_VM_SECTION_START:
                out += counted(idstr) + struct.pack(">II", instance, version)
            out += body
            out += bytes([QEMU_VM_SECTION_FOOTER])
            out += struct.pack(">I", section_id)
            continue
        if kind != QEMU_VM_SECTION_FULL:
            raise ValueError("section type %d not handled" % kind)
        desc = devices.pop(0)
        if desc["name"] != idstr or desc["instance_id"] != instance:
            raise ValueError("vmdesc lists %s, stream has %s"
                             % (desc["name"], idstr))
        r.take(desc_size(desc))
        footer(r, section_id)
        if idstr in keep:
            out += data[start:r.pos]
            kept_devices.append(desc)
    if r.pos != len(r.data) or devices:
        raise ValueError("stream and vmdesc disagree at %d" % r.pos)
    out.append(QEMU_VM_EOF)
    missing = keep - {d["name"] for d in kept_devices}
    if missing:
        raise ValueError("sections %s not in the stream" % sorted(missing))
    text = json.dumps({"page_size": vmdesc["page_size"],
                       "devices": kept_devices},
                      separators=(", ", ": ")).encode()
    out += bytes([QEMU_VM_VMDESCRIPTION]) + struct.pack(">I", len(text))
    out += text
    return bytes(out)


# Driving QEMU 7.2

class Qemu:
    def __init__(self, binary, args, tmp, accel="tcg"):
        paths = [os.path.join(tmp, n) for n in ("qtest.sock", "qmp.sock")]
        listeners = []
        for path in paths:
            s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            s.bind(path)
            s.listen(1)
            s.settimeout(60)
            listeners.append(s)
        self.proc = subprocess.Popen(
            [binary, "-qtest", "unix:" + paths[0],
             "-qtest-log", "/dev/null",
             "-chardev", "socket,path=%s,id=qmp0" % paths[1],
             "-mon", "chardev=qmp0,mode=control",
             "-display", "none", "-accel", accel] +
            (["-S"] if accel == "tcg" else []) + args)
        self.qtest = listeners[0].accept()[0].makefile("rwb", buffering=0)
        self.qmp = listeners[1].accept()[0].makefile("rwb", buffering=0)
        for s in listeners:
            s.close()
        self.qmp_read()
        self.qmp_cmd("qmp_capabilities")

    def qmp_read(self):
        while True:
            msg = json.loads(self.qmp.readline())
            if "event" not in msg:
                return msg

    def qmp_cmd(self, name, **args):
        req = {"execute": name}
        if args:
            req["arguments"] = args
        self.qmp.write(json.dumps(req).encode() + b"\n")
        rsp = self.qmp_read()
        if "error" in rsp:
            raise RuntimeError("%s: %s" % (name, rsp["error"]))
        return rsp["return"]

    def qt(self, line):
        self.qtest.write(line.encode() + b"\n")
        while True:
            reply = self.qtest.readline().decode().rstrip("\n")
            if not reply.startswith("IRQ "):
                return reply

    def migrate_to(self, path):
        self.qmp_cmd("migrate", uri="exec:cat > %s" % path)
        deadline = time.time() + 60
        while time.time() < deadline:
            status = self.qmp_cmd("query-migrate").get("status")
            if status == "completed":
                return
            if status in ("failed", "cancelled"):
                raise RuntimeError("migration %s" % status)
            time.sleep(0.05)
        raise RuntimeError("migration did not complete")

    def quit(self):
        self.qmp_cmd("quit")
        self.proc.wait(timeout=60)


def capture(name, scenario, qemu_dir):
    with tempfile.TemporaryDirectory() as tmp:
        args = list(scenario["args"])
        if scenario["zero_bios"]:
            bios = os.path.join(tmp, "bios.bin")
            with open(bios, "wb") as f:
                f.write(bytes(64 * 1024))
            args += ["-bios", bios]
        qemu = Qemu(os.path.join(qemu_dir, scenario["binary"]), args, tmp)
        try:
            for line in scenario["program"]:
                reply = qemu.qt(line)
                if not reply.startswith("OK"):
                    raise RuntimeError("%s: %s" % (line, reply))
            raw = os.path.join(tmp, "stream")
            qemu.migrate_to(raw)
            replay = [[line, qemu.qt(line)] for line in scenario["replay"]]
        finally:
            qemu.quit()
        with open(raw, "rb") as f:
            data = f.read()
    base = os.path.join(HERE, "capture-%s-7.2" % name)
    with gzip.GzipFile(base + ".raw.gz", "wb", mtime=0) as f:
        f.write(data)
    with open(base + ".replay.json", "w", encoding="utf-8") as f:
        json.dump({"machine": scenario["our_machine"],
                   "qemu": "QEMU 7.2 (Debian), %s %s -accel tcg -S"
                           % (scenario["binary"],
                              " ".join(scenario["args"])),
                   "program": scenario["program"],
                   "replay": replay}, f, indent=1)
        f.write("\n")


def to_72(name, scenario, build_dir, qemu_dir):
    """Our stream into QEMU 7.2; True when every answer matches."""
    binary = scenario["binary"]
    qemu72_machine = scenario["args"][1]
    if qemu72_machine == "virt":
        qemu72_machine = "virt-7.2"
    with tempfile.TemporaryDirectory() as tmp:
        os.mkdir(os.path.join(tmp, "ours"))
        os.mkdir(os.path.join(tmp, "72"))
        ours = Qemu(os.path.join(build_dir, binary),
                    ["-M", scenario["our_machine"], "-m", "16"],
                    os.path.join(tmp, "ours"), accel="qtest")
        try:
            for line in scenario["program"]:
                ours.qt(line)
            stream = os.path.join(tmp, "stream")
            ours.migrate_to(stream)
            want = [ours.qt(line) for line in scenario["replay"]]
        finally:
            ours.quit()
        with open(stream, "rb") as f:
            data = f.read()
        length = struct.unpack(">I", data[9:13])[0]
        name72 = qemu72_machine.encode()
        with open(stream, "wb") as f:
            f.write(data[:9] + struct.pack(">I", len(name72)) + name72 +
                    data[13 + length:])
        args = ["-M", qemu72_machine, "-m", "16", "-nodefaults",
                "-incoming", "defer"]
        if scenario["zero_bios"]:
            bios = os.path.join(tmp, "bios.bin")
            with open(bios, "wb") as f:
                f.write(bytes(64 * 1024))
            args += ["-bios", bios]
        qemu = Qemu(os.path.join(qemu_dir, binary), args,
                    os.path.join(tmp, "72"))
        try:
            qemu.qmp_cmd("migrate-incoming", uri="exec:cat %s" % stream)
            deadline = time.time() + 60
            while qemu.qmp_cmd("query-migrate").get("status") != \
                    "completed":
                if time.time() > deadline:
                    print("%s: QEMU 7.2 did not load our stream" % name)
                    return False
                time.sleep(0.05)
            got = [qemu.qt(line) for line in scenario["replay"]]
        finally:
            qemu.quit()
    ok = True
    for line, ours_reply, reply in zip(scenario["replay"], want, got):
        if ours_reply != reply:
            print("%s: '%s': ours '%s', QEMU 7.2 '%s'"
                  % (name, line, ours_reply, reply))
            ok = False
    print("%s: %d answers %s" % (name, len(got),
                                 "match" if ok else "differ"))
    return ok


def refilter(name, scenario):
    base = os.path.join(HERE, "capture-%s-7.2" % name)
    with gzip.open(base + ".raw.gz", "rb") as f:
        data = f.read()
    with open(base + ".mig", "wb") as f:
        f.write(filter_stream(data, scenario))


def main():
    parser = argparse.ArgumentParser(
        description="Capture device state saved by QEMU 7.2 as test data.")
    parser.add_argument("--filter-only", action="store_true",
                        help="only redo the .mig files from the .raw.gz ones")
    parser.add_argument("--check", action="store_true",
                        help="exit 1 if a .mig differs from its .raw.gz")
    parser.add_argument("--to-72", metavar="BUILD_DIR",
                        help="load our binaries' streams into QEMU 7.2")
    parser.add_argument("--qemu-dir", default="/usr/bin",
                        help="where QEMU 7.2's binaries are")
    args = parser.parse_args()
    status = 0
    for name, scenario in SCENARIOS.items():
        if args.to_72:
            if not to_72(name, scenario, args.to_72, args.qemu_dir):
                status = 1
            continue
        if args.check:
            base = os.path.join(HERE, "capture-%s-7.2" % name)
            with gzip.open(base + ".raw.gz", "rb") as f:
                want = filter_stream(f.read(), scenario)
            with open(base + ".mig", "rb") as f:
                if f.read() != want:
                    print("%s.mig is not the filtered %s.raw.gz"
                          % (base, base))
                    status = 1
            continue
        if not args.filter_only:
            capture(name, scenario, args.qemu_dir)
        refilter(name, scenario)
    return status


if __name__ == "__main__":
    sys.exit(main())
