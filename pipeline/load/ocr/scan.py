"""The page image before Tesseract reads it: turned straight, the seal's red taken out."""
from __future__ import annotations

from PIL.Image import Resampling

# Slants searched (degrees either way), the smallest one corrected, and the width (pixels) of
# the copy the search runs on.
_MAX_SKEW = 5.0
_MIN_SKEW = 0.5
_SKEW_WIDTH = 800
# How much the seal's red is lightened: redness (red over green and blue, 0-255) times this.
_SEAL_LIGHTEN = 3
# Red ink is this much redder than green and blue (0-255).
_SEAL_REDNESS = 60


def straightened(image):
    """The page turned straight. Tesseract finds the lines of a slanted scan itself, but its word
    boxes keep the slant: at half a degree the two header columns' rows no longer meet, and at
    two and a half it lost a paragraph (measured on the team's scans turned by hand)."""
    angle = skew(image.convert("L"))
    if abs(angle) < _MIN_SKEW:
        return image
    return image.rotate(angle, resample=Resampling.BICUBIC, fillcolor="white")


def skew(grey) -> float:
    """The angle (degrees, counter-clockwise) that makes the text lines horizontal: the one whose
    row profile of ink is sharpest, searched coarse then fine on a small copy."""
    import numpy as np

    small = grey.reduce(max(1, grey.width // _SKEW_WIDTH)).point(lambda v: 255 if v < 128 else 0)

    def sharpness(angle: float) -> float:
        rows = np.asarray(small.rotate(angle, fillcolor=0), dtype=np.float64).sum(axis=1)
        return float(np.square(np.diff(rows)).sum())

    coarse = max(np.arange(-_MAX_SKEW, _MAX_SKEW + 0.01, 0.5), key=sharpness)
    return round(float(max(np.arange(coarse - 0.4, coarse + 0.41, 0.1), key=sharpness)), 1)


def without_seal(image):
    """Grey, with the red of the seal lightened away where there is one: pixels lighten by how
    much redder than green and blue they are, so black print under the seal stays dark. Only
    the seal's own box is touched: elsewhere the colour fringes of a scanner thin the print."""
    from PIL import ImageChops

    red = redness(image)
    grey = image.convert("L")
    box = seal_box(red)
    if box is None:
        return grey
    lightened = ImageChops.add(grey.crop(box), red.crop(box).point(lambda v: min(255, v * _SEAL_LIGHTEN)))
    grey.paste(lightened, box[:2])
    return grey


def redness(image):
    """How much redder than green and blue each pixel is (0-255): the seal's ink."""
    from PIL import ImageChops

    red, green, blue = image.split()
    return ImageChops.subtract(red, ImageChops.lighter(green, blue))


def seal_box(redness) -> tuple[int, int, int, int] | None:
    """The box around the page's red ink, where it is dense enough to be a seal, widened a little."""
    cell = max(1, redness.width // 200)
    small = redness.point(lambda v: 255 if v >= _SEAL_REDNESS else 0).reduce(cell)
    box = small.point(lambda v: 255 if v >= 25 else 0).getbbox()
    if box is None:
        return None
    left, top, right, bottom = (edge * cell for edge in box)
    margin = 4 * cell
    return (max(0, left - margin), max(0, top - margin),
            min(redness.width, right + margin), min(redness.height, bottom + margin))
