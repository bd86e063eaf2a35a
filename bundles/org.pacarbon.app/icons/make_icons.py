#!/usr/bin/env python3
"""Draws the product and view icons (pure Python: zlib + struct). Run from this folder."""
import math, struct, zlib

def png(path, w, h, px):
    raw = b"".join(b"\x00" + bytes(c for p in px[y*w:(y+1)*w] for c in p) for y in range(h))
    def chunk(t, d): return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
    open(path, "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 6, 0, 0, 0))
                           + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))

def draw(size, shape, col):
    px = []
    for y in range(size):
        for x in range(size):
            u, v = (x + .5) / size, (y + .5) / size
            a = shape(u, v)
            px.append((col[0], col[1], col[2], int(255 * max(0, min(1, a)))) if a > 0 else (0, 0, 0, 0))
    return px

def aa(d, size):  # signed distance (in unit coords, negative inside) -> coverage
    return 0.5 - d * size

def leaf(size):
    # product icon: a green disc (the earth) with a pale leaf vein
    def f(u, v):
        d = math.hypot(u - .5, v - .5) - .46
        return aa(d, size)
    px = draw(size, f, (34, 120, 60))
    for i, (x, y) in enumerate([(i % size, i // size) for i in range(size * size)]):
        u, v = (x + .5) / size, (y + .5) / size
        vein = abs((u - .5) + (v - .5)) / math.sqrt(2)
        inside = math.hypot(u - .5, v - .5) < .36
        lobe = math.hypot(u - .62, v - .38) < .22 or math.hypot(u - .38, v - .62) < .22
        if inside and lobe:
            c = (200, 235, 170) if vein > 0.03 else (34, 120, 60)
            px[i] = c + (255,)
    return px

for s in (16, 32, 48, 64, 128):
    png(f"pacarbon{s}.png", s, s, leaf(s))

views = {
    "map16": (lambda u, v: aa(max(abs(u - .5), abs(v - .5)) - .42, 16), (40, 110, 170)),
    "layers16": (lambda u, v: aa(min(abs(v - .3), abs(v - .5), abs(v - .7)) - .07 + 0 * u, 16), (70, 90, 120)),
    "legend16": (lambda u, v: aa(max(abs(u - .3), abs(v - .5)) - .2, 16), (200, 120, 40)),
    "catalog16": (lambda u, v: aa(max(abs(u - .5) - .4, abs(v - .55) - .32), 16), (190, 160, 60)),
    "toolbox16": (lambda u, v: aa(max(abs(u - .5) - .42, abs(v - .6) - .28), 16), (170, 60, 50)),
    "results16": (lambda u, v: aa(min(max(abs(u - .25) - .08, abs(v - .65) - .25), max(abs(u - .5) - .08, abs(v - .5) - .4), max(abs(u - .75) - .08, abs(v - .75) - .15)), 16), (60, 130, 90)),
    "research16": (lambda u, v: aa(abs(math.hypot(u - .45, v - .45) - .25) - .07, 16), (110, 70, 150)),
    "assessment16": (lambda u, v: aa(math.hypot(u - .5, v - .5) - .4, 16), (60, 140, 80)),
}
for name, (shape, col) in views.items():
    png(name + ".png", 16, 16, draw(16, shape, col))
