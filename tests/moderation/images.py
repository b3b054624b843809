"""Image builders for the moderation tests."""
import io

from PIL import Image

GPS_IFD = 0x8825


def png_bytes(size=(40, 30), color="red", **save_args) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, color).save(out, "PNG", **save_args)
    return out.getvalue()


def jpeg_with_gps(size=(40, 30)) -> bytes:
    """A JPEG carrying EXIF with a camera make and GPS coordinates (Alafors, roughly)."""
    exif = Image.Exif()
    exif[0x010F] = "Hemlig kamera"  # Make
    exif[0x0132] = "2026:11:24 10:00:00"  # DateTime
    gps = exif.get_ifd(GPS_IFD)
    gps[1] = "N"
    gps[2] = (57.0, 55.0, 30.0)
    gps[3] = "E"
    gps[4] = (12.0, 4.0, 10.0)
    out = io.BytesIO()
    Image.new("RGB", size, "blue").save(out, "JPEG", exif=exif, comment=b"hemlig kommentar")
    return out.getvalue()
