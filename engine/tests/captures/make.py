#!/usr/bin/env python3
"""Writes the small committed captures in this directory from known bytes.

Run from anywhere: `python3 engine/tests/captures/make.py`. It uses only CPython's
standard library (struct), not Wirewalk's reader, so the files are an independent input.
Every file holds the same short exchange between 10.0.0.1:40000 and 10.0.0.2:8080:
a TCP handshake whose SYN and SYN-ACK carry the options smoltcp never sends (MSS, SACK
permitted, timestamps, NOP, window scale 7), data both ways, a retransmission, an
out-of-order segment, a duplicate ACK with a SACK block, a close with FINs, a UDP
datagram each way, and one frame of another protocol (ICMP) shown as named raw bytes.
Checksums are computed correctly, except in `offload.pcap` where the TCP checksums are
left zero as a sender with checksum offload would capture them.
"""
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))
C_IP, S_IP = bytes([10, 0, 0, 1]), bytes([10, 0, 0, 2])
C_MAC, S_MAC = bytes.fromhex("020000000001"), bytes.fromhex("020000000002")
CP, SP = 40000, 8080


def csum(data):
    if len(data) % 2:
        data += b"\0"
    s = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    while s > 0xFFFF:
        s = (s & 0xFFFF) + (s >> 16)
    return (~s) & 0xFFFF


def ipv4(src, dst, proto, payload, ident):
    hdr = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(payload), ident, 0x4000, 64, proto, 0, src, dst)
    return hdr[:10] + struct.pack("!H", csum(hdr)) + hdr[12:] + payload


def tcp(src, dst, sport, dport, seq, ack, flags, win, opts=b"", data=b"", good=True):
    assert len(opts) % 4 == 0
    off = (20 + len(opts)) // 4
    hdr = struct.pack("!HHIIHHHH", sport, dport, seq, ack, (off << 12) | flags, win, 0, 0) + opts
    seg = hdr + data
    c = 0
    if good:
        c = csum(src + dst + struct.pack("!BBH", 0, 6, len(seg)) + seg)
    return seg[:16] + struct.pack("!H", c) + seg[18:]


def udp(src, dst, sport, dport, data):
    d = struct.pack("!HHHH", sport, dport, 8 + len(data), 0) + data
    c = csum(src + dst + struct.pack("!BBH", 0, 17, len(d)) + d) or 0xFFFF
    return d[:6] + struct.pack("!H", c) + d[8:]


FIN, SYN, RST, PSH, ACK = 1, 2, 4, 8, 16
NOP, EOL = b"\x01", b"\x00"


def ts(val, ecr):
    return struct.pack("!BBII", 8, 10, val, ecr)


def exchange(good=True):
    """(from_client, ip packet) in capture order."""
    ci, si = 1000, 5000  # ISNs
    out = []
    ident = [0x100]

    def t(client, seq, ack, flags, win, opts=b"", data=b""):
        src, dst = (C_IP, S_IP) if client else (S_IP, C_IP)
        sp, dp = (CP, SP) if client else (SP, CP)
        ident[0] += 1
        seg = tcp(src, dst, sp, dp, seq, ack, flags, win, opts, data, good)
        out.append((client, ipv4(src, dst, 6, seg, ident[0])))

    syn_opts = struct.pack("!BBH", 2, 4, 1460) + struct.pack("!BB", 4, 2) + ts(100, 0) + NOP + struct.pack("!BBB", 3, 3, 7)
    t(True, ci, 0, SYN, 64240, syn_opts)
    t(False, si, ci + 1, SYN | ACK, 65160, syn_opts[:4] + struct.pack("!BB", 4, 2) + ts(200, 100) + NOP + struct.pack("!BBB", 3, 3, 7))
    t(True, ci + 1, si + 1, ACK, 502, NOP + NOP + ts(101, 200))
    t(True, ci + 1, si + 1, PSH | ACK, 502, NOP + NOP + ts(102, 200), b"hello ")
    # The next segment (bytes 7..13) is seen after the one behind it: out of order.
    t(True, ci + 13, si + 1, PSH | ACK, 502, NOP + NOP + ts(104, 200), b"again!")
    # The server acknowledges what it has and SACKs the rest; then once more: duplicate ACK.
    sack = NOP + NOP + struct.pack("!BBII", 5, 10, ci + 13, ci + 19)
    t(False, si + 1, ci + 7, ACK, 509, NOP + NOP + ts(201, 102) + sack)
    t(False, si + 1, ci + 7, ACK, 509, NOP + NOP + ts(202, 102) + sack)
    t(True, ci + 7, si + 1, PSH | ACK, 502, NOP + NOP + ts(103, 200), b"world ")
    t(False, si + 1, ci + 19, ACK, 509, NOP + NOP + ts(203, 103))
    # The client sends "world " again: a retransmission.
    t(True, ci + 7, si + 1, PSH | ACK, 502, NOP + NOP + ts(105, 203), b"world ")
    t(False, si + 1, ci + 19, PSH | ACK, 509, NOP + NOP + ts(204, 105), b"HELLO")
    t(True, ci + 19, si + 6, ACK, 502, NOP + NOP + ts(106, 204))
    # Close: client FIN, server FIN+ACK, last ACK; the final option list ends with EOL.
    t(True, ci + 19, si + 6, FIN | ACK, 502, NOP + NOP + ts(107, 204))
    t(False, si + 6, ci + 20, FIN | ACK, 509, NOP + NOP + ts(205, 107))
    t(True, ci + 20, si + 7, ACK, 502, NOP + NOP + ts(108, 205) + NOP + NOP + NOP + EOL)
    # UDP both ways, then one ICMP echo request (another protocol: raw bytes).
    ident[0] += 1
    out.append((True, ipv4(C_IP, S_IP, 17, udp(C_IP, S_IP, 50000, 50001, b"ping"), ident[0])))
    ident[0] += 1
    out.append((False, ipv4(S_IP, C_IP, 17, udp(S_IP, C_IP, 50001, 50000, b"pong!"), ident[0])))
    icmp = struct.pack("!BBHHH", 8, 0, 0, 1, 1) + b"abcd"
    icmp = icmp[:2] + struct.pack("!H", csum(icmp)) + icmp[4:]
    ident[0] += 1
    out.append((True, ipv4(C_IP, S_IP, 1, icmp, ident[0])))
    return out


def ethernet(client, pkt):
    src, dst = (C_MAC, S_MAC) if client else (S_MAC, C_MAC)
    return dst + src + b"\x08\x00" + pkt


def sll(client, pkt):
    # Linux cooked v1: packet type (0 to us, 4 outgoing), ARPHRD_ETHER, address length 6,
    # address padded to 8, protocol.
    mac = C_MAC if client else S_MAC
    return struct.pack("!HHH", 4 if client else 0, 1, 6) + mac + b"\0\0" + struct.pack("!H", 0x0800) + pkt


def sll2(client, pkt):
    # Linux cooked v2: protocol, reserved, interface index, ARPHRD_ETHER, packet type,
    # address length, address padded to 8.
    mac = C_MAC if client else S_MAC
    return struct.pack("!HHIHBB", 0x0800, 0, 2, 1, 4 if client else 0, 6) + mac + b"\0\0" + pkt


def null_le(client, pkt):
    return struct.pack("<I", 2) + pkt


def null_be(client, pkt):
    return struct.pack(">I", 2) + pkt


def raw(client, pkt):
    return pkt


def when(i):
    """Capture time of frame i in µs: 250 ms apart, but the out-of-order segment comes
    within a millisecond of the one it was overtaken by (as Wireshark expects of it)."""
    base = 1700000000 * 1_000_000
    if 5 <= i <= 7:
        return base + 4 * 250_000 + (i - 4) * 300
    return base + i * 250_000


def pcap(path, linktype, frames, endian="<", nanos=False):
    magic = 0xA1B23C4D if nanos else 0xA1B2C3D4
    out = struct.pack(endian + "IHHiIII", magic, 2, 4, 0, 0, 262144, linktype)
    for i, f in enumerate(frames):
        sec, us = divmod(when(i), 1_000_000)
        frac = us * 1000 + (7 if nanos else 0) if nanos else us
        out += struct.pack(endian + "IIII", sec, frac, len(f), len(f)) + f
    with open(os.path.join(HERE, path), "wb") as fh:
        fh.write(out)


def block(btype, body):
    body += b"\0" * (-len(body) % 4)
    n = 12 + len(body)
    return struct.pack("<II", btype, n) + body + struct.pack("<I", n)


def pcapng(path, linktype, frames):
    out = block(0x0A0D0D0A, struct.pack("<IHHq", 0x1A2B3C4D, 1, 0, -1))
    # An unknown block type the reader must skip, then the interface.
    out += block(0x00000099, b"skip me!")
    out += block(1, struct.pack("<HHI", linktype, 0, 262144))
    for i, f in enumerate(frames):
        t = when(i)
        if i == 2:
            # A simple packet block (no timestamp, no interface id).
            out += block(3, struct.pack("<I", len(f)) + f)
        else:
            out += block(6, struct.pack("<IIIII", 0, t >> 32, t & 0xFFFFFFFF, len(f), len(f)) + f)
    with open(os.path.join(HERE, path), "wb") as fh:
        fh.write(out)


def main():
    ex = exchange()
    pcap("sll.pcap", 113, [sll(c, p) for c, p in ex])
    pcap("sll2.pcap", 276, [sll2(c, p) for c, p in ex])
    pcap("null-le.pcap", 0, [null_le(c, p) for c, p in ex])
    pcap("null-be.pcap", 0, [null_be(c, p) for c, p in ex], endian=">")
    pcap("raw101.pcap", 101, [raw(c, p) for c, p in ex], nanos=True)
    pcap("raw228.pcap", 228, [raw(c, p) for c, p in ex], endian=">", nanos=True)
    pcapng("ethernet.pcapng", 1, [ethernet(c, p) for c, p in ex])
    pcap("offload.pcap", 1, [ethernet(c, p) for c, p in exchange(good=False)])


if __name__ == "__main__":
    main()
