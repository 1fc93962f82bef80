#!/usr/bin/env python3
"""Checks a QEMU screendump (PPM) shows the kiosk, not a black screen or a text console.

A text console is mostly black with a little grey text; the kiosk's screens fill the display
with a light background, coloured tiles and text. Writes a PNG copy for people to look at.
Usage: check_screen.py SCREEN.ppm OUT.png
"""
import struct
import sys
import zlib


def read_ppm(path):
    with open(path, "rb") as f:
        data = f.read()
    parts = []
    pos = 0
    while len(parts) < 4:
        while data[pos:pos + 1].isspace():
            pos += 1
        if data[pos:pos + 1] == b"#":
            while data[pos:pos + 1] not in (b"\n", b""):
                pos += 1
            continue
        start = pos
        while not data[pos:pos + 1].isspace():
            pos += 1
        parts.append(data[start:pos])
    if parts[0] != b"P6":
        raise SystemExit(f"{path}: not a binary PPM")
    width, height = int(parts[1]), int(parts[2])
    return width, height, data[pos + 1:pos + 1 + width * height * 3]


def write_png(path, width, height, rgb):
    raw = b"".join(b"\x00" + rgb[y * width * 3:(y + 1) * width * 3] for y in range(height))
    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
    png += chunk(b"IDAT", zlib.compress(raw, 6)) + chunk(b"IEND", b"")
    with open(path, "wb") as f:
        f.write(png)


def main():
    width, height, rgb = read_ppm(sys.argv[1])
    write_png(sys.argv[2], width, height, rgb)
    pixels = width * height
    step = 7
    sampled = 0
    bright = 0
    colours = set()
    for i in range(0, pixels, step):
        r, g, b = rgb[3 * i], rgb[3 * i + 1], rgb[3 * i + 2]
        sampled += 1
        if r + g + b > 3 * 60:
            bright += 1
        colours.add((r >> 4, g >> 4, b >> 4))
    bright_fraction = bright / sampled
    print(f"screen {width}x{height}: {bright_fraction:.0%} bright pixels, {len(colours)} colour buckets")
    if bright_fraction < 0.25:
        raise SystemExit("FAIL: the screen is mostly dark (black screen or text console)")
    if len(colours) < 8:
        raise SystemExit("FAIL: too few colours for the kiosk's screen")


if __name__ == "__main__":
    main()
