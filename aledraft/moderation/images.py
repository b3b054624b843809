"""Screenshots for the moderation register: accept PNG/JPEG by content, strip every metadata block."""
import io
from dataclasses import dataclass

from PIL import Image, ImageOps, UnidentifiedImageError

from aledraft.errors import ValidationFailed

#: Magic bytes of the two accepted formats → (Pillow format name, MIME type).
SIGNATURES = {
    b"\x89PNG\r\n\x1a\n": ("PNG", "image/png"),
    b"\xff\xd8\xff": ("JPEG", "image/jpeg"),
}
#: Largest accepted picture in pixels: a small file can still decompress into gigabytes.
MAX_PIXELS = 40_000_000

NOT_AN_IMAGE = "Skärmbilden måste vara en PNG- eller JPEG-bild. Filen som valdes är inte det."


@dataclass(frozen=True)
class CleanImage:
    """A re-encoded screenshot: only pixels, no EXIF, GPS, comments or text chunks."""

    mime_type: str
    width: int
    height: int
    data: bytes


def sniff(data: bytes) -> tuple[str, str] | None:
    """Return (Pillow format, MIME type) from the file's first bytes, or None if neither PNG nor JPEG."""
    for magic, kind in SIGNATURES.items():
        if data.startswith(magic):
            return kind
    return None


def clean_screenshot(data: bytes, max_bytes: int) -> CleanImage:
    """Check an uploaded screenshot by its content and re-encode it without metadata.

    The file name and the declared Content-Type are never consulted.

    :raise ValidationFailed: empty, too large, not PNG/JPEG, damaged, or too many pixels
    """
    if not data:
        raise ValidationFailed("Den valda filen är tom.")
    if len(data) > max_bytes:
        raise ValidationFailed(
            f"Skärmbilden är för stor ({len(data) / 1_048_576:.1f} MB). "
            f"Största tillåtna storlek är {max_bytes / 1_048_576:.1f} MB."
        )
    kind = sniff(data)
    if kind is None:
        raise ValidationFailed(NOT_AN_IMAGE)
    pil_format, mime_type = kind
    try:
        with Image.open(io.BytesIO(data), formats=[pil_format]) as probe:
            probe.verify()  # structure and checksums; the image cannot be used afterwards
        with Image.open(io.BytesIO(data), formats=[pil_format]) as image:
            if image.width * image.height > MAX_PIXELS:
                raise ValidationFailed("Skärmbilden har för många bildpunkter. Ta en mindre skärmbild.")
            image.load()
            # Turn the picture the way EXIF says before the EXIF block is dropped.
            upright = ImageOps.exif_transpose(image)
            pixels = _plain_pixels(upright, pil_format)
    except ValidationFailed:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise ValidationFailed("Skärmbilden kunde inte läsas; filen verkar vara skadad.") from None
    out = io.BytesIO()
    if pil_format == "PNG":
        pixels.save(out, "PNG")
    else:
        pixels.save(out, "JPEG", quality=90)
    return CleanImage(mime_type, pixels.width, pixels.height, out.getvalue())


def _plain_pixels(image: Image.Image, pil_format: str) -> Image.Image:
    """Return a new image holding only the pixels: no info dict, EXIF, ICC profile or text."""
    wanted = {"PNG": ("RGB", "RGBA", "L", "LA"), "JPEG": ("RGB", "L")}[pil_format]
    if image.mode not in wanted:
        has_alpha = pil_format == "PNG" and (
            image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
        )
        image = image.convert("RGBA" if has_alpha else "RGB")
    return Image.frombytes(image.mode, image.size, image.tobytes())
