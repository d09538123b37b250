"""A team's own hex colours as Material's ``custom`` palette, readable on every page.

Material names its palette colours (``teal``, ``deep-orange``) and takes any other colour as
``custom`` plus CSS variables. The variables are derived here from the one colour the team
chose: lighter and darker shades, the text colour on the header (white or black, whichever
contrasts more) and a link colour darkened until it reaches the 4.5:1 contrast WCAG AA asks of
text on the white page. The style sheet is a file of the site's own origin, so the security
policy needs no exception for inline styles.
"""

from __future__ import annotations

import re
from typing import TypeGuard

from content_model.team import HEX_PATTERN, Team

#: Text on the page's white background needs this contrast (WCAG 2.2 AA, normal text).
TEXT_CONTRAST = 4.5
WHITE = (255, 255, 255)
BLACK = (0, 0, 0)
#: Material's text colours on a coloured bar (white, or black at 87 % opacity).
LIGHT_TEXT = ("#ffffff", "#ffffffb3")
DARK_TEXT = ("#000000de", "#0000008a")

Rgb = tuple[int, int, int]


def is_hex(color: str | None) -> TypeGuard[str]:
    """Whether ``color`` is a hex value (Material's ``custom``) rather than a palette name."""
    return color is not None and re.fullmatch(HEX_PATTERN, color) is not None


def _rgb(color: str) -> Rgb:
    return int(color[1:3], 16), int(color[3:5], 16), int(color[5:7], 16)


def _hex(rgb: Rgb) -> str:
    return "#" + "".join(f"{channel:02x}" for channel in rgb)


def _mix(rgb: Rgb, other: Rgb, share: float) -> Rgb:
    """``rgb`` moved ``share`` of the way towards ``other``."""
    red, green, blue = (round(a + (b - a) * share) for a, b in zip(rgb, other, strict=True))
    return red, green, blue


def _luminance(rgb: Rgb) -> float:
    def linear(channel: int) -> float:
        value = channel / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(channel) for channel in rgb)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first: Rgb, second: Rgb) -> float:
    """The WCAG contrast ratio of two colours (1 to 21)."""
    light, dark = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def readable_on_white(color: str) -> str:
    """``color``, darkened in small steps until text in it is readable on white."""
    rgb = _rgb(color)
    share = 0.0
    while contrast(_mix(rgb, BLACK, share), WHITE) < TEXT_CONTRAST:
        share += 0.05
    return _hex(_mix(rgb, BLACK, share))


def _text_on(color: str) -> tuple[str, str]:
    rgb = _rgb(color)
    return LIGHT_TEXT if contrast(rgb, WHITE) >= contrast(rgb, BLACK) else DARK_TEXT


def _primary(color: str) -> str:
    rgb = _rgb(color)
    text, text_light = _text_on(color)
    return (
        '[data-md-color-primary="custom"] {\n'
        f"  --md-primary-fg-color: {color};\n"
        f"  --md-primary-fg-color--light: {_hex(_mix(rgb, WHITE, 0.3))};\n"
        f"  --md-primary-fg-color--dark: {_hex(_mix(rgb, BLACK, 0.2))};\n"
        f"  --md-primary-bg-color: {text};\n"
        f"  --md-primary-bg-color--light: {text_light};\n"
        f"  --md-typeset-a-color: {readable_on_white(color)};\n"
        "}\n"
    )


def _accent(color: str) -> str:
    text, text_light = _text_on(color)
    return (
        '[data-md-color-accent="custom"] {\n'
        f"  --md-accent-fg-color: {color};\n"
        f"  --md-accent-fg-color--transparent: {color}1a;\n"
        f"  --md-accent-bg-color: {text};\n"
        f"  --md-accent-bg-color--light: {text_light};\n"
        "}\n"
    )


def palette_name(color: str | None, default: str) -> str:
    """What Material's ``palette.primary``/``accent`` must say for ``color``."""
    if color is None:
        return default
    return "custom" if is_hex(color) else color


def color_stylesheet(team: Team) -> str | None:
    """The style sheet for the team's hex colours, or ``None`` when it uses palette names."""
    primary, accent = team.colors.primary, team.colors.accent
    text = (_primary(primary) if is_hex(primary) else "") + (
        _accent(accent) if is_hex(accent) else ""
    )
    if not text:
        return None
    return "/* Die Farben aus content/team.yml (erzeugt beim Build). */\n" + text
