"""Draws the 20-pixel PNG of the badge with Pillow from the same shapes as badge-v1.svg (a shield with
a check mark — the platform's own mark, not the police emblem). `manage.py make_badge_png` writes it;
the result is committed, so deployments need no build step."""

from __future__ import annotations

import io

from PIL import Image, ImageDraw

BLUE, WHITE, RED = (29, 78, 137, 255), (255, 255, 255, 255), (200, 16, 46, 255)
SCALE = 16  # drawn large, then reduced: smooth edges without an SVG renderer


def _cubic(p0, p1, p2, p3, steps=24):
    for index in range(1, steps + 1):
        t = index / steps
        yield tuple((1 - t) ** 3 * a + 3 * (1 - t) ** 2 * t * b + 3 * (1 - t) * t ** 2 * c + t ** 3 * d
                    for a, b, c, d in zip(p0, p1, p2, p3, strict=True))


def _shield(top, left, right, shoulder, waist, bottom, curve):
    """The outline of badge-v1.svg's shield paths in its 40×40 box."""
    points = [(20, top), (right, shoulder), (right, waist)]
    points += _cubic((right, waist), (right, waist + curve[0]), curve[1], (20, bottom))
    mirrored = (40 - curve[1][0], curve[1][1])
    points += _cubic((20, bottom), mirrored, (left, waist + curve[0]), (left, waist))
    points.append((left, shoulder))
    return points


def render_png(height: int = 20) -> bytes:
    size = 40 * SCALE
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)

    def scaled(points):
        return [(x * SCALE, y * SCALE) for x, y in points]

    draw.polygon(scaled(_shield(2, 5, 35, 8, 19, 38, (9.5, (28.6, 35.4)))), fill=BLUE)
    draw.polygon(scaled(_shield(5.5, 8, 32, 10.3, 19, 34.6, (7.6, (27, 32.3)))), fill=WHITE)
    draw.line(scaled([(13, 20), (18, 25), (28, 14)]), fill=RED, width=int(3.5 * SCALE), joint="curve")
    for x, y in ((13, 20), (28, 14)):  # round caps
        radius = 1.75 * SCALE
        cx, cy = x * SCALE, y * SCALE
        draw.ellipse((cx - radius, cy - radius, cx + radius, cy + radius), fill=RED)
    small = image.resize((height, height), Image.Resampling.LANCZOS)
    output = io.BytesIO()
    small.save(output, "PNG", optimize=True)
    return output.getvalue()
