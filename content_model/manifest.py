"""The web app manifest and its icons: the playbook can be put on a phone's home screen.

An installed site keeps its storage (Safari drops a site's storage after seven days without
a visit unless it is on the home screen), so the offline copy survives a quiet week. The
manifest takes its name from the site's name (``content/team.yml`` joined to "Klartext"),
its colours from the team's primary colour, and addresses relative to itself, so the site
works under any sub-path. Every icon is drawn from one SVG (``templates/manifest/icon.svg``)
by ``content_model.icon_raster``; the files are published where the contract says.

Plain functions: the hook (``site_hooks/manifest.py``) adds the files to the build, the
tests call them directly.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from content_model.contract import CONTRACT
from content_model.icon_raster import Rect, Rgb, Shape, draw, parse, png
from content_model.team import PLAYBOOK_NAME
from content_model.team_colors import BLACK, WHITE, contrast, is_hex

#: The icon's source, below ``templates/``.
ICON_SOURCE = "manifest/icon.svg"
#: The page's background in Material's light scheme: the splash screen while the app starts.
BACKGROUND_COLOR = "#ffffff"
#: Sizes: the two the manifest needs, and Apple's touch icon.
STANDARD_SIZES = (192, 512)
MASKABLE_SIZE = 512
APPLE_TOUCH_SIZE = 180
#: Material's palette style sheet states each named colour as ``--md-primary-fg-color``.
PALETTE_RULE = re.compile(
    r"\[data-md-color-primary=(?P<name>[a-z-]+)\]\{--md-primary-fg-color:(?P<value>[^;}]+)"
)
HSLA = re.compile(r"hsla\(var\(--md-hue\),\s*(?P<s>[\d.]+)%,\s*(?P<l>[\d.]+)%")
#: Material's default hue (``--md-hue``) for the neutral colours it writes as hsla().
MATERIAL_HUE = 225


class ManifestError(ValueError):
    """A colour the manifest cannot state (unknown palette name, missing style sheet)."""


def _hex(rgb: Rgb) -> str:
    return "#" + "".join(f"{channel:02x}" for channel in rgb)


def _rgb(color: str) -> Rgb:
    return int(color[1:3], 16), int(color[3:5], 16), int(color[5:7], 16)


def _hsl(hue: float, saturation: float, lightness: float) -> Rgb:
    """An HSL colour (degrees, 0-1, 0-1) in 8-bit RGB (CSS Color 4's formula)."""

    def channel(offset: int) -> int:
        k = (offset + hue / 30) % 12
        amount = saturation * min(lightness, 1 - lightness)
        return round(255 * (lightness - amount * max(-1, min(k - 3, 9 - k, 1))))

    return channel(0), channel(8), channel(4)


def primary_hex(color: str, palette_css: str) -> str:
    """The header colour as hex: a hex value as is, a Material name from its style sheet."""
    if is_hex(color):
        return color.lower()
    for match in PALETTE_RULE.finditer(palette_css):
        if match.group("name") != color:
            continue
        value = match.group("value").strip()
        if is_hex(value):
            return value.lower()
        hsla = HSLA.match(value)
        if hsla:
            saturation, lightness = float(hsla.group("s")) / 100, float(hsla.group("l")) / 100
            return _hex(_hsl(MATERIAL_HUE, saturation, lightness))
    raise ManifestError(f"Material's palette has no primary colour {color!r}")


def icon_colors(primary: str) -> dict[str, Rgb]:
    """Each role of the icon's source: the team's colour, and white or black on it."""
    background = _rgb(primary)
    foreground = WHITE if contrast(background, WHITE) >= contrast(background, BLACK) else BLACK
    return {"background": background, "foreground": foreground}


def maskable(shapes: list[Shape]) -> list[Shape]:
    """The shapes with a square background: launchers cut maskable icons themselves."""
    return [
        Rect(shape.role, shape.x, shape.y, shape.width, shape.height, 0.0)
        if isinstance(shape, Rect) and (shape.width, shape.height) == (100, 100)
        else shape
        for shape in shapes
    ]


def colored_svg(source: str, colors: dict[str, Rgb]) -> str:
    """The SVG source with each role's fill written in, as a standalone icon file."""
    for role, rgb in colors.items():
        source = source.replace(f'class="{role}"', f'class="{role}" fill="{_hex(rgb)}"')
    return source


@dataclass(frozen=True)
class AppIdentity:
    """What the manifest says about the app."""

    name: str
    description: str
    theme_color: str


def manifest(identity: AppIdentity) -> dict[str, object]:
    """The manifest's fields; addresses are relative to the manifest at the site's root."""
    names = CONTRACT.manifest
    return {
        "name": identity.name,
        "short_name": PLAYBOOK_NAME,
        "description": identity.description,
        "lang": "de",
        "dir": "ltr",
        "id": "./",
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "theme_color": identity.theme_color,
        "background_color": BACKGROUND_COLOR,
        "icons": [
            *(
                {"src": uri, "sizes": f"{size}x{size}", "type": "image/png", "purpose": "any"}
                for size, uri in zip(
                    STANDARD_SIZES, (names.icon_192_uri, names.icon_512_uri), strict=True
                )
            ),
            {
                "src": names.icon_maskable_uri,
                "sizes": f"{MASKABLE_SIZE}x{MASKABLE_SIZE}",
                "type": "image/png",
                "purpose": "maskable",
            },
            {"src": names.icon_svg_uri, "sizes": "any", "type": "image/svg+xml", "purpose": "any"},
        ],
    }


def manifest_files(identity: AppIdentity, templates: Path) -> dict[str, bytes]:
    """Every file of the feature by its site-relative URI: manifest, SVG and PNG icons."""
    source = (templates / ICON_SOURCE).read_text(encoding="utf-8")
    colors = icon_colors(identity.theme_color)
    shapes = parse(source)
    names = CONTRACT.manifest
    files = {
        names.manifest_uri: json.dumps(manifest(identity), ensure_ascii=False, indent=2).encode(),
        names.icon_svg_uri: colored_svg(source, colors).encode(),
        names.icon_192_uri: png(draw(shapes, colors, 192)),
        names.icon_512_uri: png(draw(shapes, colors, 512)),
        names.icon_maskable_uri: png(draw(maskable(shapes), colors, MASKABLE_SIZE)),
        names.apple_touch_icon_uri: png(draw(maskable(shapes), colors, APPLE_TOUCH_SIZE)),
    }
    return files
