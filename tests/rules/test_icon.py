"""The icon rule and its PNG reader, on tiny PNGs built here with zlib and struct."""

import struct
import zlib

import pytest
from ruletester import api_properties, case, err, rule_table

from connector_lint_rules._api import FileKind, Preset
from connector_lint_rules._png import PngError, read_png

BRAND = (0x0B, 0x6C, 0xBD)


def chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def _filter(kind, line, prev, bpp):
    out = bytearray()
    for i, x in enumerate(line):
        a, b = (line[i - bpp] if i >= bpp else 0), prev[i]
        c = prev[i - bpp] if i >= bpp else 0
        if kind == 4:
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            pred = a if pa <= pb and pa <= pc else b if pb <= pc else c
        else:
            pred = (0, a, b, (a + b) // 2)[kind]
        out.append((x - pred) & 0xFF)
    return bytes(out)


def encode(lines, width, height, color_type=6, depth=8, extra=b"", filters=(0,), interlace=0, idat=None):
    """A PNG from raw scanlines (bytes without the filter byte), filtered with `filters` in turn."""
    bpp = max(1, {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}[color_type] * depth // 8)
    raw, prev = bytearray(), bytes(len(lines[0]) if lines else 0)
    for y, line in enumerate(lines):
        kind = filters[y % len(filters)]
        raw += bytes([kind]) + (line if kind == 0 else _filter(kind, line, prev, bpp))
        prev = line
    header = struct.pack(">IIBBBBB", width, height, depth, color_type, 0, 0, interlace)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + extra
            + chunk(b"IDAT", zlib.compress(bytes(raw)) if idat is None else idat) + chunk(b"IEND", b""))


def icon(size=100, height=None, background=BRAND, logo=(255, 255, 255), alpha=255, corner_alpha=255):
    """An RGBA icon: a background with a square logo in the middle; corners may be see-through."""
    height = height or size
    bg, fg = bytes(background) + bytes([alpha]), bytes(logo) + bytes([alpha])
    quarter = size // 4
    plain = bg * size
    with_logo = bg * quarter + fg * (size - 2 * quarter) + bg * quarter
    edge = bytes(background) + bytes([corner_alpha]) + bg * (size - 2) + bytes(background) + bytes([corner_alpha])
    rows = [with_logo if height // 4 <= y < 3 * height // 4 else plain for y in range(height)]
    rows[0] = rows[-1] = edge
    return encode(rows, size, height)


def uniform_rgb(size, rgb=BRAND):
    return encode([bytes(rgb) * size] * size, size, size, color_type=2)


def props(color="#0b6cbd"):
    doc = api_properties()
    doc["properties"]["iconBrandColor"] = color
    return doc


def bad_crc():
    data = bytearray(icon())
    data[29] ^= 0xFF  # inside the IHDR checksum
    return bytes(data)


def icon_err(contains):
    return err("", contains, file=FileKind.ICON)


test_icon = rule_table(
    "icon",
    valid=[
        case("100 px on the brand colour", icon=icon(), api_properties=props()),
        case("RGB without alpha", icon=uniform_rgb(120), api_properties=props()),
        case("close to the brand colour", icon=icon(background=(32, 116, 181)), api_properties=props("#0071ce")),
        case("no icon: verified publishers may upload it separately", api_properties=props()),
        case("independent publisher without icon", api_properties=props("#da3b01"),
             preset=Preset.INDEPENDENT_PUBLISHER),
        case("tolerance is an option", icon=icon(background=(60, 60, 60)), api_properties=props("#000000"),
             options={"colorTolerance": 120}),
    ],
    invalid=[
        case("independent publishers ship no icon", icon=icon(), api_properties=props("#da3b01"),
             preset=Preset.INDEPENDENT_PUBLISHER, errors=[icon_err("Independent publishers submit no icon")]),
        case("not a PNG", icon=b"GIF89a....", errors=[icon_err("PNG signature")]),
        case("broken checksum", icon=bad_crc(), errors=[icon_err("checksum of its IHDR")]),
        case("1 MB or more", icon=encode([bytes(BRAND) * 100] * 100, 100, 100, color_type=2,
                                         extra=chunk(b"tEXt", b"c\x00" + b"x" * 1024 * 1024)),
             api_properties=props(), errors=[icon_err("under 1 MB")]),
        case("not square", icon=icon(120, 100), api_properties=props(), errors=[icon_err("must be square")]),
        case("too small", icon=uniform_rgb(64), api_properties=props(), errors=[icon_err("64 x 64")]),
        case("too large to decode: size only", icon=uniform_rgb(1100), api_properties=props(),
             errors=[icon_err("1100 x 1100")]),
        case("rounded corners", icon=icon(corner_alpha=0), api_properties=props(),
             errors=[icon_err("transparent pixels (4 on the border")]),
        case("transparent background", icon=icon(alpha=0), api_properties=props(), errors=[icon_err("transparent")]),
        case("white background", icon=icon(background=(255, 255, 255), logo=BRAND), api_properties=props(),
             errors=[icon_err("is white"), icon_err("does not match iconBrandColor")]),
        case("default blue background", icon=icon(background=(0, 0x7E, 0xE5)), api_properties=props("#007ee5"),
             errors=[icon_err("default blue")]),
        case("background is not the brand colour", icon=icon(background=(200, 30, 30)), api_properties=props(),
             errors=[icon_err("(#c81e1e) does not match iconBrandColor (#0b6cbd)")]),
    ],
)


# ---------------------------------------------------------------------------------------------
# The PNG reader on its own


def pixels_of(data):
    return read_png(data).pixels()


GRID = [[(x * 40, y * 60, (x * y * 17) % 256, 255 - x * 10) for x in range(5)] for y in range(3)]


@pytest.mark.parametrize("filters", [(0,), (1,), (2,), (3,), (4,), (0, 1, 2, 3, 4)])
def test_every_filter_type_round_trips(filters):
    lines = [bytes(v for px in row for v in px) for row in GRID]
    assert pixels_of(encode(lines, 5, 3, filters=filters)) == GRID


def _noise(count, seed):
    """Bytes that cross 127/128 and wrap past 255 when filtered (a linear congruential sequence)."""
    out = bytearray()
    for _ in range(count):
        seed = (seed * 1103515245 + 12345) % 2**31
        out.append((0, 127, 128, 255, seed >> 16 & 0xFF)[seed % 5])
    return bytes(out)


@pytest.mark.parametrize("color_type, channels", [(6, 4), (2, 3), (4, 2), (0, 1)])
@pytest.mark.parametrize("filters", [(1,), (2,), (3,), (4,), (4, 1, 2, 3, 0)])
def test_every_filter_undoes_wrapping_bytes(color_type, channels, filters):
    width, height = 7, 5
    lines = [_noise(width * channels, seed) for seed in range(height)]
    widen = {6: lambda s: s, 2: lambda s: s + (255,), 4: lambda s: (s[0], s[0], s[0], s[1]),
             0: lambda s: (s[0],) * 3 + (255,)}[color_type]
    expected = [[widen(tuple(line[x * channels:(x + 1) * channels])) for x in range(width)] for line in lines]
    assert pixels_of(encode(lines, width, height, color_type=color_type, filters=filters)) == expected


OPACITY_CASES = [
    (6, 4, b""), (4, 2, b""), (2, 3, b""), (0, 1, b""),
    (2, 3, chunk(b"tRNS", struct.pack(">3H", 0, 127, 128))),  # a colour key that some noise pixels hit
    (0, 1, chunk(b"tRNS", struct.pack(">H", 255))),
    (3, 1, chunk(b"PLTE", bytes(range(256)) * 3) + chunk(b"tRNS", bytes([0, 127, 128, 200]))),  # read by pixels
]


@pytest.mark.parametrize("color_type, channels, extra", OPACITY_CASES)
def test_opacity_is_what_pixels_say(color_type, channels, extra):
    width, height = 7, 5
    lines = [_noise(width * channels, seed + 15) for seed in range(height)]
    png = read_png(encode(lines, width, height, color_type=color_type, extra=extra, filters=(4, 1, 2, 3, 0)))
    rows = png.pixels()
    assert any(px[3] == 0 for row in rows for px in row) == png.has_alpha  # (these seeds hit every key)
    assert png.opacity() == ([bytes(px[3] for px in row) for row in rows],
                             [rows[0][0], rows[0][-1], rows[-1][0], rows[-1][-1]])


def test_palette_with_transparency_and_low_bit_depth():
    palette = chunk(b"PLTE", bytes([255, 0, 0, 0, 255, 0, 0, 0, 255]))
    trns = chunk(b"tRNS", bytes([0]))  # entry 0 see-through
    # 2-bit indices: 0 1 2 1 / 2 2 0 0 -> bytes 0b00011001, 0b10100000
    data = encode([bytes([0b00011001]), bytes([0b10100000])], 4, 2, color_type=3, depth=2, extra=palette + trns)
    assert pixels_of(data) == [[(255, 0, 0, 0), (0, 255, 0, 255), (0, 0, 255, 255), (0, 255, 0, 255)],
                               [(0, 0, 255, 255), (0, 0, 255, 255), (255, 0, 0, 0), (255, 0, 0, 0)]]


def test_greyscale_one_bit_with_transparent_key():
    data = encode([bytes([0b10100000])], 3, 1, color_type=0, depth=1, extra=chunk(b"tRNS", struct.pack(">H", 0)))
    assert pixels_of(data) == [[(255, 255, 255, 255), (0, 0, 0, 0), (255, 255, 255, 255)]]


def test_sixteen_bit_grey_alpha_keeps_the_high_byte():
    data = encode([struct.pack(">4H", 0x1234, 0xFFFF, 0xAB00, 0x0000)], 2, 1, color_type=4, depth=16)
    assert pixels_of(data) == [[(0x12, 0x12, 0x12, 0xFF), (0xAB, 0xAB, 0xAB, 0x00)]]


def test_adam7_interlacing():
    width, height = 9, 10
    image = [[((x * 25) % 256, (y * 25) % 256, 7, 255) for x in range(width)] for y in range(height)]
    raw = bytearray()
    for x0, y0, dx, dy in ((0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2),
                           (0, 1, 1, 2)):
        for y in range(y0, height, dy):
            line = [image[y][x] for x in range(x0, width, dx)]
            if line:
                raw += b"\x00" + bytes(v for px in line for v in px)
    assert pixels_of(encode([], width, height, interlace=1, idat=zlib.compress(bytes(raw)))) == image


@pytest.mark.parametrize(("data", "message"), [
    (b"\x89PNG\r\n\x1a\n", "no IHDR"),
    (encode([b"\x00"], 1, 1, color_type=2), "shorter than its size"),  # 1 byte for an RGB pixel
    (encode([b"\x00\x00\x00"], 1, 1, color_type=2)[:-6], "ends in the middle"),
    (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 3, 2, 0, 0, 0)), "bit depth 3"),
    (encode([b"\x00"], 1, 1, color_type=3), "without a palette"),
    (encode([b"\x00\x00\x00"], 1, 1, color_type=2, idat=b"not zlib"), "decompressed"),
])
def test_broken_files_say_why(data, message):
    with pytest.raises(PngError, match=message):
        pixels_of(data)
