"""A small PNG reader for the icon rule: the header, and enough decoding to see every pixel.

Standard library only (zlib, struct). `read_png(data)` checks the signature, the chunk layout and
CRCs, and the IHDR; `Png.pixels()` decodes the image data (all bit depths and colour types, Adam7
interlacing included) into rows of 8-bit (r, g, b, a) tuples. Anything wrong raises `PngError`
with a sentence the rule can show.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass, field
from itertools import accumulate, repeat
from operator import itemgetter

SIGNATURE = b"\x89PNG\r\n\x1a\n"
_CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}
_DEPTHS = {0: (1, 2, 4, 8, 16), 2: (8, 16), 3: (1, 2, 4, 8), 4: (8, 16), 6: (8, 16)}
_ADAM7 = ((0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2))
COLOR_TYPES = {0: "greyscale", 2: "RGB", 3: "palette", 4: "greyscale with alpha", 6: "RGBA"}


class PngError(ValueError):
    """The bytes are not a readable PNG; the message says why."""


@dataclass
class Png:
    width: int
    height: int
    bit_depth: int
    color_type: int
    interlace: int
    palette: list = field(default_factory=list)  # [(r, g, b)]
    transparency: bytes = b""  # the tRNS chunk
    idat: bytes = b""

    @property
    def has_alpha(self) -> bool:
        return self.color_type in (4, 6) or bool(self.transparency)

    def pixels(self) -> list[list[tuple[int, int, int, int]]]:
        """Rows of (r, g, b, a), each 0-255."""
        raw = inflate(self.idat, self.data_size())
        if self.interlace == 0:
            return self._rows(raw, self.width, self.height)[0]
        image = [[(0, 0, 0, 0)] * self.width for _ in range(self.height)]
        offset = 0
        for x0, y0, dx, dy in _ADAM7:
            w, h = (self.width - x0 + dx - 1) // dx, (self.height - y0 + dy - 1) // dy
            if w <= 0 or h <= 0:
                continue
            rows, used = self._rows(raw[offset:], w, h)
            offset += used
            for j, row in enumerate(rows):
                target = image[y0 + j * dy]
                for i, px in enumerate(row):
                    target[x0 + i * dx] = px
        return image

    def data_size(self) -> int:
        """The bytes of filtered image data the header implies (each row: a filter byte, then its samples)."""
        bits = _CHANNELS[self.color_type] * self.bit_depth
        if self.interlace == 0:
            passes = [(self.width, self.height)]
        else:
            passes = [((self.width - x0 + dx - 1) // dx, (self.height - y0 + dy - 1) // dy)
                      for x0, y0, dx, dy in _ADAM7]
        return sum(((w * bits + 7) // 8 + 1) * h for w, h in passes if w > 0 and h > 0)

    def opacity(self) -> tuple[list[bytes], list[tuple[int, int, int, int]]]:
        """The opacity (0-255) of every pixel, a row of bytes each, and the four corner pixels
        (top left, top right, bottom left, bottom right) as `pixels` gives them. An 8-bit image
        that is neither interlaced nor a palette (whose every index `pixels` checks) is read
        without a tuple per pixel: its opacity is every n-th sample, or 255."""
        if self.interlace or self.bit_depth != 8 or self.color_type == 3:
            rows = self.pixels()
            return ([bytes(map(itemgetter(3), row)) for row in rows],
                    [rows[0][0], rows[0][-1], rows[-1][0], rows[-1][-1]])
        lines = self._unfiltered(inflate(self.idat, self.data_size()), self.width, self.height)[0]
        first, last = self._convert(lines[0], self.width), self._convert(lines[-1], self.width)
        step = _CHANNELS[self.color_type]
        if self.color_type in (4, 6):
            alphas = [bytes(line[step - 1::step]) for line in lines]
        elif not self.transparency:
            alphas = [b"\xff" * self.width] * self.height
        else:  # a colour key: compared per pixel
            alphas = [bytes(map(itemgetter(3), self._convert(line, self.width))) for line in lines]
        return alphas, [first[0], first[-1], last[0], last[-1]]

    def _rows(self, raw: bytes, width: int, height: int):
        lines, need = self._unfiltered(raw, width, height)
        return [self._convert(line, width) for line in lines], need

    def _unfiltered(self, raw: bytes, width: int, height: int) -> tuple[list[bytearray], int]:
        """The rows of one image (one pass), their filters undone, and the bytes of `raw` they took."""
        bits = _CHANNELS[self.color_type] * self.bit_depth
        stride, bpp = (width * bits + 7) // 8, max(1, bits // 8)
        need = (stride + 1) * height
        if len(raw) < need:
            raise PngError("its image data is shorter than its size says.")
        prev = bytearray(stride)
        lines = []
        for y in range(height):
            start = y * (stride + 1)
            kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
            _unfilter(kind, line, prev, bpp)
            lines.append(line)
            prev = line
        return lines, need

    def _convert(self, line: bytearray, width: int) -> list[tuple[int, int, int, int]]:
        samples = _samples(line, self.bit_depth, width * _CHANNELS[self.color_type])
        ct, trns = self.color_type, self.transparency
        scale = 255 // ((1 << self.bit_depth) - 1) if self.bit_depth < 8 else 1
        if ct == 6:
            return list(zip(samples[0::4], samples[1::4], samples[2::4], samples[3::4]))
        if ct == 4:
            return list(zip(samples[0::2], samples[0::2], samples[0::2], samples[1::2]))
        if ct == 2:
            key = _trns_key(trns, 3, self.bit_depth)
            if key is None:  # every pixel opaque: the tuples made at C speed
                return list(zip(samples[0::3], samples[1::3], samples[2::3], repeat(255)))
            return [(r, g, b, 0 if (r, g, b) == key else 255)
                    for r, g, b in zip(samples[0::3], samples[1::3], samples[2::3])]
        if ct == 0:
            key = _trns_key(trns, 1, self.bit_depth)
            grey = key[0] * scale if key else None
            return [(v * scale,) * 3 + (0 if v * scale == grey else 255,) for v in samples]
        out = []
        for index in samples:
            if index >= len(self.palette):
                raise PngError(f"a pixel uses palette entry {index}, but the palette has {len(self.palette)}.")
            out.append(self.palette[index] + (trns[index] if index < len(trns) else 255,))
        return out


def inflate(data: bytes, size: int) -> bytes:
    """At most `size` bytes of the zlib stream `data`: decompressed a piece at a time, so data
    that inflates far past what the header implies (a zip bomb) costs no more than `size`."""
    stream = zlib.decompressobj()
    try:
        return stream.decompress(data, size)
    except zlib.error as exc:
        raise PngError(f"its image data cannot be decompressed ({exc}).") from None


def _trns_key(trns: bytes, count: int, depth: int):
    if len(trns) < 2 * count:
        return None
    values = struct.unpack(f">{count}H", trns[:2 * count])
    return tuple(v >> 8 for v in values) if depth == 16 else values


def _samples(line: bytearray, depth: int, count: int) -> list[int]:
    if depth == 8:
        return list(line[:count])
    if depth == 16:
        return list(line[0:2 * count:2])  # the high byte is enough for colours and opacity
    per_byte, mask = 8 // depth, (1 << depth) - 1
    out = []
    for byte in line:
        for k in range(per_byte - 1, -1, -1):
            out.append((byte >> (k * depth)) & mask)
    return out[:count]


def _unfilter(kind: int, line: bytearray, prev: bytearray, bpp: int) -> None:
    """Undo a row's filter in place. Sub and Up, most rows of real icons, run at C speed: Sub is
    a running sum of each channel, Up a bytewise sum of two rows done on whole-row integers."""
    n = len(line)
    if kind == 0:
        return
    if kind == 1:
        for channel in range(min(bpp, n)):
            line[channel::bpp] = bytes(map((0xFF).__and__, accumulate(line[channel::bpp])))
    elif kind == 2:
        line[:] = _add_bytes(line, prev)
    elif kind == 3:
        for i in range(n):
            left = line[i - bpp] if i >= bpp else 0
            line[i] = (line[i] + ((left + prev[i]) >> 1)) & 0xFF
    elif kind == 4:
        # Paeth with its distances written without p (p - a = b - c, p - b = a - c); before the
        # first pixel a and c are 0, which always predicts b
        for i in range(min(bpp, n)):
            line[i] = (line[i] + prev[i]) & 0xFF
        for i, b, c in zip(range(bpp, n), prev[bpp:], prev):
            a = line[i - bpp]
            pa, pb, pc = abs(b - c), abs(a - c), abs(a + b - c - c)
            line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
    else:
        raise PngError(f"a row uses the unknown filter type {kind}.")


def _add_bytes(a: bytes, b: bytes) -> bytes:
    """Each byte of `a` plus the same byte of `b`, modulo 256 (two rows of equal length): the low
    seven bits of every byte are added with room for their carry, the top bit is their xor."""
    n = len(a)
    low, top = int.from_bytes(b"\x7f" * n, "big"), int.from_bytes(b"\x80" * n, "big")
    x, y = int.from_bytes(a, "big"), int.from_bytes(b, "big")
    return (((x & low) + (y & low)) ^ ((x ^ y) & top)).to_bytes(n, "big")


def read_png(data: bytes) -> Png:
    """The PNG's header and chunks; raises PngError when the bytes are not a valid PNG."""
    if not data.startswith(SIGNATURE):
        raise PngError("it does not start with the PNG signature.")
    pos, png, idat, seen_end = len(SIGNATURE), None, [], False
    while pos < len(data):
        if pos + 8 > len(data):
            raise PngError("it ends in the middle of a chunk.")
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        crc = data[pos + 8 + length:pos + 12 + length]
        if len(body) < length or len(crc) < 4:
            raise PngError("it ends in the middle of a chunk.")
        if zlib.crc32(kind + body) != struct.unpack(">I", crc)[0]:
            raise PngError(f"the checksum of its {kind.decode('latin-1')} chunk is wrong.")
        pos += 12 + length
        if png is None and kind != b"IHDR":
            raise PngError("its first chunk is not IHDR.")
        if kind == b"IHDR":
            png = _header(body)
        elif kind == b"PLTE":
            png.palette = [tuple(body[i:i + 3]) for i in range(0, len(body) - 2, 3)]
        elif kind == b"tRNS":
            png.transparency = bytes(body)
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            seen_end = True
            break
    if png is None:
        raise PngError("it has no IHDR chunk.")
    if not idat:
        raise PngError("it has no image data (IDAT).")
    if not seen_end:
        raise PngError("it has no IEND chunk.")
    if png.color_type == 3 and not png.palette:
        raise PngError("it is a palette image without a palette (PLTE).")
    png.idat = b"".join(idat)
    return png


def _header(body: bytes) -> Png:
    if len(body) != 13:
        raise PngError("its IHDR chunk has the wrong length.")
    width, height, depth, ctype, compression, filtering, interlace = struct.unpack(">IIBBBBB", body)
    if width == 0 or height == 0:
        raise PngError("its width or height is zero.")
    if ctype not in _CHANNELS or depth not in _DEPTHS[ctype]:
        raise PngError(f"its colour type {ctype} with bit depth {depth} is not valid.")
    if compression or filtering or interlace > 1:
        raise PngError("its IHDR names an unknown compression, filter or interlace method.")
    return Png(width, height, depth, ctype, interlace)
