"""icon.png is a square, opaque PNG of 100 to 230 pixels whose background is the brand colour.

## What it does
Reads `icon.png` (without any imaging library) and flags, for verified publishers:
- a file of 1 MB or more, or one that is not a valid PNG;
- an icon that is not square, or smaller than 100 or larger than 230 pixels a side (options
  `minSize`, `maxSize`; certification asks for about 230 x 230 with a 160 x 160 logo);
- transparency: a see-through pixel on the border (rounded corners, a transparent background)
  or a mostly transparent pixel anywhere;
- a background (the colour of the corners) that is white, or the default blue `#007ee5`, or
  that does not match `iconBrandColor` in apiProperties.json (option `colorTolerance`: the
  largest RGB distance still counted as the same colour).

Independent publishers submit no icon: for them any `icon.png` is flagged. A connector without
`icon.png` is not flagged: verified publishers may upload the icon separately.

## Why is this bad?
Certification: "Create a logo of approximately 160 x 160 pixels inside a square of approximately
230 x 230 pixels (no rounded edges)", with "a non-transparent, non-white color (#ffffff)
background and not-default color (#007ee5) that matches your specified icon background color",
"submitted in PNG format as icon.png". The icon sits on a tile of the brand colour; a
transparent or mismatched icon looks broken there. 2 of the 11 certified connectors that include
an icon (0.3% of 619) are too large, and one of them is transparent; this is a warning, since
reviewers judge icons by eye. Custom connectors are not certified: off.
Certification reports an icon of 1 MB or more as policy 5000.2.1.2, one that is not a PNG as 5000.2.1.3 and
wrong dimensions as 5000.2.1.4.

## Example
An `icon.png` of 512 x 512 pixels with a transparent background and rounded corners, with
`"iconBrandColor": "#0b6cbd"` in apiProperties.json.

## Use instead
An `icon.png` of 230 x 230 pixels: a 160 x 160 white logo on an opaque, square `#0b6cbd`
background, the same colour as `"iconBrandColor": "#0b6cbd"`.

## Fix
None: icons are drawn, not generated.
"""

import re
from collections import Counter
from functools import lru_cache
from typing import NamedTuple

from ._api import FileKind, Finding, Preset, Related, Rule, Severity
from ._apiprops import PROPS
from ._openapi import api_properties
from ._png import COLOR_TYPES, PngError, read_png

MAX_BYTES = 1024 * 1024  # certification's icon size limit
DECODE_LIMIT = 1024 * 1024  # pixels; bigger icons are reported for their size only


def _hex(rgb) -> str:
    return "#%02x%02x%02x" % tuple(rgb[:3])


def _distance(a, b) -> float:
    return sum((x - y) ** 2 for x, y in zip(a[:3], b[:3])) ** 0.5


_MOSTLY_CLEAR = bytes(int(alpha < 128) for alpha in range(256))  # a table for bytes.translate


def _see_through(alphas: list[bytes]) -> int:
    """Pixels that are mostly transparent, or at all transparent on the border (`alphas`: the
    opacity of each pixel, a row of bytes each)."""
    last_y, count = len(alphas) - 1, 0
    for y, row in enumerate(alphas):
        if y in (0, last_y):
            count += len(row) - row.count(255)
            continue
        count += row.translate(_MOSTLY_CLEAR).count(1)
        ends = row[::len(row) - 1] if len(row) > 1 else row  # its first and last pixel
        count += sum(128 <= alpha < 255 for alpha in ends)
    return count


class Icon(NamedTuple):
    width: int
    height: int
    color_type: str
    error: str | None = None  # why the file cannot be read
    see_through: int = 0
    background: tuple | None = None  # None when not decoded


@lru_cache(maxsize=8)
def inspect(data: bytes) -> Icon:
    """What the rule needs to know about an icon; cached by content, since decoding takes a while
    and the icon rarely changes between two lints."""
    try:
        png = read_png(data)
    except PngError as exc:
        return Icon(0, 0, "", f"icon.png is not a valid PNG: {exc}")
    kind = COLOR_TYPES[png.color_type]
    if png.width * png.height > DECODE_LIMIT:
        return Icon(png.width, png.height, kind)
    try:
        alphas, corners = png.opacity()
    except PngError as exc:
        return Icon(png.width, png.height, kind, f"icon.png cannot be decoded: {exc}")
    background = Counter(corners).most_common(1)[0][0]
    return Icon(png.width, png.height, kind, None, _see_through(alphas) if png.has_alpha else 0, background)


def check(ctx):
    if ctx.icon is None:
        return
    if ctx.preset is Preset.INDEPENDENT_PUBLISHER:
        yield Finding("", "Independent publishers submit no icon.png; remove it.")
        return
    if len(ctx.icon) >= MAX_BYTES:
        yield Finding("", f"icon.png is {len(ctx.icon):,} bytes; keep it under 1 MB.", policy_code="5000.2.1.2")
    icon = inspect(bytes(ctx.icon))
    w, h, lo, hi = icon.width, icon.height, ctx.options["minSize"], ctx.options["maxSize"]
    if icon.error and not w:
        yield Finding("", icon.error, policy_code="5000.2.1.3")
        return
    if w != h:
        yield Finding("", f"icon.png is {w} x {h} pixels; it must be square (about {hi} x {hi}).")
    if not all(lo <= side <= hi for side in (w, h)):
        yield Finding("", f"icon.png is {w} x {h} pixels; make it {lo} to {hi} pixels a side (about {hi} x {hi}).")
    if icon.error:
        yield Finding("", icon.error)
    if icon.see_through:
        yield Finding("", f"icon.png ({icon.color_type}) has transparent pixels ({icon.see_through} on the "
                          "border or mostly see-through); certification asks for an opaque background and no "
                          "rounded corners.")
    background = icon.background
    if background is None or background[3] < 255:
        return
    if min(background[:3]) >= 250:
        yield Finding("", f"The background of icon.png is white ({_hex(background)}); use your brand colour.")
    elif _distance(background, (0x00, 0x7E, 0xE5)) <= 8:
        yield Finding("", "The background of icon.png is the default blue #007ee5; use your brand colour.")
    color = (api_properties(ctx) or {}).get("iconBrandColor")
    if isinstance(color, str) and re.fullmatch(r"#[0-9a-fA-F]{6}", color):
        brand = tuple(int(color[i:i + 2], 16) for i in (1, 3, 5))
        if _distance(background, brand) > ctx.options["colorTolerance"]:
            yield Finding("", f"The background of icon.png ({_hex(background)}) does not match iconBrandColor "
                              f"({color}); use the same colour for both.",
                          related=(Related(f"{PROPS}/iconBrandColor", "The brand colour", FileKind.API_PROPERTIES),))


RULE = Rule(
    id="icon",
    summary="icon.png is a square, opaque PNG of 100-230 pixels on the brand colour; independent publishers ship none.",
    severity=Severity.WARNING,
    category="certification",
    policy_code="5000.2.1.4",
    file=FileKind.ICON,
    options={"minSize": 100, "maxSize": 230, "colorTolerance": 48},
    preset_severity={Preset.CUSTOM: Severity.OFF},
    docs=__doc__,
    check=check,
)
