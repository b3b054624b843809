"""Screenshots are checked by content and stored without metadata."""
import io

import pytest
from PIL import Image, PngImagePlugin

from aledraft.errors import ValidationFailed
from aledraft.moderation.images import clean_screenshot
from tests.moderation.images import GPS_IFD, jpeg_with_gps, png_bytes

LIMIT = 200_000


def test_png_is_accepted_and_stays_png():
    image = clean_screenshot(png_bytes(), LIMIT)
    assert (image.mime_type, image.width, image.height) == ("image/png", 40, 30)
    assert Image.open(io.BytesIO(image.data)).format == "PNG"


def test_jpeg_gps_and_exif_are_stripped():
    original = jpeg_with_gps()
    # The test image really carries GPS, or the test would prove nothing.
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(GPS_IFD)
    image = clean_screenshot(original, LIMIT)
    stored = Image.open(io.BytesIO(image.data))
    assert image.mime_type == "image/jpeg" and stored.format == "JPEG"
    assert len(stored.getexif()) == 0
    assert not stored.getexif().get_ifd(GPS_IFD)
    assert "exif" not in stored.info and "comment" not in stored.info
    assert b"Exif" not in image.data and b"Hemlig kamera" not in image.data and b"hemlig" not in image.data


def test_png_text_chunks_are_stripped():
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Hemlig person")
    image = clean_screenshot(png_bytes(pnginfo=info), LIMIT)
    assert b"Hemlig person" not in image.data
    assert "Author" not in Image.open(io.BytesIO(image.data)).info


def _gif() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (10, 10)).save(out, "GIF")
    return out.getvalue()


@pytest.mark.parametrize("data", [
    pytest.param(b"Det h\xc3\xa4r \xc3\xa4r en textfil som heter bild.png\n" * 5, id="text-file-named-png"),
    pytest.param(b"\x89PNG\r\n\x1a\n" + b"skrap" * 200, id="png-header-then-garbage"),
    pytest.param(png_bytes()[:60], id="truncated-png"),
    pytest.param(b"\xff\xd8\xff\xe0" + b"\x00" * 300, id="jpeg-header-then-zeros"),
    pytest.param(_gif(), id="gif-is-an-image-but-not-allowed"),
    pytest.param(b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>", id="svg"),
])
def test_non_images_are_refused(data):
    with pytest.raises(ValidationFailed):
        clean_screenshot(data, LIMIT)


def test_oversized_file_is_refused_before_decoding():
    with pytest.raises(ValidationFailed, match="för stor"):
        clean_screenshot(png_bytes() + b"\x00" * LIMIT, LIMIT)


def test_empty_file_is_refused():
    with pytest.raises(ValidationFailed, match="tom"):
        clean_screenshot(b"", LIMIT)
