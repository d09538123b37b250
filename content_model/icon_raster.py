"""Draw the site's icon from its SVG source into PNG files, with the standard library only.

The web app manifest needs PNG icons (192 and 512 pixels, a maskable one, Apple's 180-pixel
touch icon). Nothing the project depends on rasterises SVG: Pillow is only a test
dependency, and a build that started Chromium to draw four squares would be slow and would
tie the build to a browser. The icon is geometry, so it is drawn here: the SVG
(``templates/manifest/icon.svg``) may hold ``rect`` (with ``rx``) and ``polygon`` elements,
each filled by the colour of its ``class``; every scanline is sampled four times per pixel
and every span covers its pixels by the exact fraction, which gives smooth edges. ``zlib``
and ``struct`` write the PNG.
"""

from __future__ import annotations

import math
import struct
import xml.etree.ElementTree as ET
import zlib
from dataclasses import dataclass

SVG_NAMESPACE = "{http://www.w3.org/2000/svg}"
#: Sub-scanlines per pixel row (vertical anti-aliasing; horizontal coverage is exact).
SAMPLES = 4
#: The only viewBox the source may use: coordinates are percent of the icon's side.
VIEW_BOX = "0 0 100 100"

Rgb = tuple[int, int, int]
Span = tuple[float, float]
#: Premultiplied red, green, blue (0-255) and alpha (0-1).
Pixel = tuple[float, float, float, float]


class IconSourceError(ValueError):
    """The SVG source uses something this drawing code does not understand."""


@dataclass(frozen=True)
class Rect:
    """An axis-aligned rectangle with rounded corners (SVG units)."""

    role: str
    x: float
    y: float
    width: float
    height: float
    radius: float

    def span(self, y: float) -> Span | None:
        """Where the scanline at ``y`` is inside the shape, if anywhere."""
        top, bottom = self.y, self.y + self.height
        if not top <= y < bottom:
            return None
        radius = min(self.radius, self.width / 2, self.height / 2)
        into = max(top + radius - y, y - (bottom - radius), 0.0)
        inset = radius - math.sqrt(max(radius * radius - into * into, 0.0)) if into else 0.0
        return self.x + inset, self.x + self.width - inset


@dataclass(frozen=True)
class Polygon:
    """A convex polygon (SVG units)."""

    role: str
    points: tuple[tuple[float, float], ...]

    def span(self, y: float) -> Span | None:
        """Where the scanline at ``y`` is inside the polygon, if anywhere."""
        crossings = []
        count = len(self.points)
        for index in range(count):
            (x0, y0), (x1, y1) = self.points[index], self.points[(index + 1) % count]
            if (y0 <= y < y1) or (y1 <= y < y0):
                crossings.append(x0 + (y - y0) * (x1 - x0) / (y1 - y0))
        if len(crossings) < 2:
            return None
        return min(crossings), max(crossings)


Shape = Rect | Polygon


def _number(element: ET.Element, name: str, default: str | None = None) -> float:
    value = element.get(name, default)
    if value is None:
        raise IconSourceError(f"<{element.tag}> needs {name}")
    return float(value)


def parse(svg: str) -> list[Shape]:
    """The shapes of the SVG source, in painting order."""
    root = ET.fromstring(svg)
    if root.get("viewBox") != VIEW_BOX:
        raise IconSourceError(f"the icon's viewBox must be {VIEW_BOX!r}")
    shapes: list[Shape] = []
    for element in root:
        tag = element.tag.removeprefix(SVG_NAMESPACE)
        if not isinstance(element.tag, str) or tag == "title":
            continue
        role = element.get("class", "")
        if tag == "rect":
            shapes.append(
                Rect(
                    role,
                    _number(element, "x", "0"),
                    _number(element, "y", "0"),
                    _number(element, "width"),
                    _number(element, "height"),
                    _number(element, "rx", "0"),
                )
            )
        elif tag == "polygon":
            values = [float(value) for value in element.get("points", "").replace(",", " ").split()]
            points = tuple(zip(values[::2], values[1::2], strict=True))
            shapes.append(Polygon(role, points))
        else:
            raise IconSourceError(f"the icon may only use rect and polygon, not <{tag}>")
    return shapes


def _edge_cover(spans: list[Span], pixel: int) -> float:
    """The share of one pixel that the sampled spans of a row cover."""
    covered = sum(max(min(end, pixel + 1) - max(start, pixel), 0.0) for start, end in spans)
    return min(covered / SAMPLES, 1.0)


def _paint(row: list[Pixel], shape: Shape, color: Pixel, y: int, scale: float) -> None:
    """Paint ``shape`` over one row: whole pixels by slice, edge pixels by their coverage."""
    size = len(row)
    spans = []
    for sample in range(SAMPLES):
        found = shape.span((y + (sample + 0.5) / SAMPLES) / scale)
        if found is not None:
            start, end = max(found[0] * scale, 0.0), min(found[1] * scale, float(size))
            if end > start:
                spans.append((start, end))
    if not spans:
        return
    first, last = (
        int(min(start for start, _ in spans)),
        min(math.ceil(max(end for _, end in spans)), size),
    )
    inner_start, inner_end = first, first
    if len(spans) == SAMPLES:
        inner_start = math.ceil(max(start for start, _ in spans))
        inner_end = max(int(min(end for _, end in spans)), inner_start)
    row[inner_start:inner_end] = [color] * (inner_end - inner_start)
    for pixel in (*range(first, inner_start), *range(inner_end, last)):
        alpha = _edge_cover(spans, pixel)
        keep = 1 - alpha
        below = row[pixel]
        row[pixel] = (
            color[0] * alpha + below[0] * keep,
            color[1] * alpha + below[1] * keep,
            color[2] * alpha + below[2] * keep,
            alpha + below[3] * keep,
        )


def _rgba(pixel: Pixel) -> bytes:
    """Straight 8-bit RGBA of a premultiplied pixel."""
    red, green, blue, alpha = pixel
    if alpha <= 0:
        return b"\0\0\0\0"
    return bytes(
        (
            min(round(red / alpha), 255),
            min(round(green / alpha), 255),
            min(round(blue / alpha), 255),
            round(alpha * 255),
        )
    )


def draw(shapes: list[Shape], colors: dict[str, Rgb], size: int) -> list[bytes]:
    """The icon as rows of straight RGBA bytes, ``size`` pixels square."""
    scale = size / 100
    paints: dict[str, Pixel] = {
        role: (float(red), float(green), float(blue), 1.0)
        for role, (red, green, blue) in colors.items()
    }
    clear: Pixel = (0.0, 0.0, 0.0, 0.0)
    encoded: dict[Pixel, bytes] = {}
    rows = []
    for y in range(size):
        # Premultiplied red, green, blue and alpha per pixel, painted shape by shape.
        row = [clear] * size
        for shape in shapes:
            _paint(row, shape, paints[shape.role], y, scale)
        line = []
        for pixel in row:
            if pixel not in encoded:
                encoded[pixel] = _rgba(pixel)
            line.append(encoded[pixel])
        rows.append(b"".join(line))
    return rows


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png(rows: list[bytes]) -> bytes:
    """An 8-bit RGBA PNG of ``rows`` (each row width x 4 bytes)."""
    height, width = len(rows), len(rows[0]) // 4
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    raw = b"".join(b"\0" + row for row in rows)
    return b"".join(
        (
            b"\x89PNG\r\n\x1a\n",
            _chunk(b"IHDR", header),
            _chunk(b"IDAT", zlib.compress(raw, 9)),
            _chunk(b"IEND", b""),
        )
    )
