"""Images that declare many pixels in few bytes (decompression bombs), written row by row with zlib so
that making one never costs the memory it would cost to decode it."""

from __future__ import annotations

import struct
import zlib


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def one_colour_png(width: int, height: int, rgb: tuple[int, int, int] = (200, 10, 10)) -> bytes:
    """A valid 8-bit RGB PNG of `width` × `height` pixels of one colour. 6300 × 6300 is about 120 KB
    on disk and 119 MB of raw pixels (Pillow keeps RGB in 4 bytes a pixel: 159 MB)."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8 bits, RGB, no interlace
    first_row = b"\x00" + bytes(rgb) * width  # filter "None"
    next_row = b"\x02" + b"\x00" * (width * 3)  # filter "Up": the same as the row above
    compressor = zlib.compressobj(6)
    parts = [compressor.compress(first_row)]
    parts += [compressor.compress(next_row) for _ in range(height - 1)]
    parts.append(compressor.flush())
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", b"".join(parts))
            + _chunk(b"IEND", b""))
