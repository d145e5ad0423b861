"""Draws media/icon.png (128x128): three Regions (dots) joined through a global point. No dependencies."""
import math, struct, zlib, sys

W = H = 128
BG = (35, 47, 62)        # AWS squid ink
LINE = (255, 153, 0)     # AWS orange
DOTS = [((28, 92), (61, 177, 255)), ((100, 92), (61, 177, 255)), ((64, 30), (61, 177, 255))]
HUB = (64, 72)

def inside_rounded(x, y, r=22):
    cx = min(max(x, r), W - 1 - r); cy = min(max(y, r), H - 1 - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r

def dist_to_segment(px, py, a, b):
    ax, ay = a; bx, by = b
    dx, dy = bx - ax, by - ay
    t = max(0, min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))

def pixel(x, y):
    if not inside_rounded(x, y):
        return (0, 0, 0, 0)
    for (cx, cy), col in DOTS:
        d = math.hypot(x - cx, y - cy)
        if d <= 13: return col + (255,)
        if d <= 16: return (255, 255, 255, 255)
    if math.hypot(x - HUB[0], y - HUB[1]) <= 9: return LINE + (255,)
    if any(dist_to_segment(x, y, HUB, c) <= 3.2 for c, _ in DOTS): return LINE + (255,)
    return BG + (255,)

rows = b''.join(b'\x00' + b''.join(bytes(pixel(x, y)) for x in range(W)) for y in range(H))
def chunk(t, d): return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
png = b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', W, H, 8, 6, 0, 0, 0)) + chunk(b'IDAT', zlib.compress(rows, 9)) + chunk(b'IEND', b'')
open(sys.argv[1] if len(sys.argv) > 1 else 'media/icon.png', 'wb').write(png)
