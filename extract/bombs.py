"""Decompression bombs: streams that would decode to more than a reader can hold.

pdfium and qpdf decode a content stream or an image whole, inside one C call, where
the per-document memory limit (``pipeline.limits``, a watchdog that can only
interrupt Python code) cannot stop them. So before any reader decodes a page, the
streams the pages use are measured here, without ever holding their decoded bytes:
Flate layers are inflated piece by piece and counted, images judged by the size
their dictionary declares.
"""
from __future__ import annotations

import base64
import binascii
import itertools
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

import pikepdf

#: A stream that decodes to more than this is a decompression bomb and the file is not
#: read. A 7 KB PDF whose content stream inflates to 4 GiB took pdfium to 5.3 GB
#: resident before the 3 GiB memory limit could act; an image declaring 46000 x 46000
#: grey pixels, 2.4 GB. No real report element comes near: a 600 dpi A3 colour scan
#: decodes to 200 MB, and the readers' own copies must still fit under 3 GiB.
MAX_DECODED_BYTES = 512 * 1024**2
#: Output handed from one inflate step to the next while measuring a stream.
_INFLATE_CHUNK = 1 << 22
_INFLATE_INPUT = 1 << 16
_FLATE = ("/FlateDecode", "/Fl")
_ASCII85 = ("/ASCII85Decode", "/A85")
_ASCII_HEX = ("/ASCIIHexDecode", "/AHx")
#: Colour components per colour space family (an image's bits per pixel).
_COMPONENTS = {"/DeviceGray": 1, "/CalGray": 1, "/Indexed": 1, "/Separation": 1, "/Pattern": 1,
               "/DeviceRGB": 3, "/CalRGB": 3, "/Lab": 3, "/DeviceCMYK": 4}


@dataclass
class Bomb:
    """Streams that would decode to more than ``limit`` bytes."""

    page: int  # first page (1-based) that uses it
    what: str  # e.g. "/Contents stream", "/Im1 image"
    decoded: int  # bytes it decodes to (at least: counting stops past the limit)
    stored: int  # bytes it takes in the file
    limit: int = MAX_DECODED_BYTES
    declared: tuple[int, int] | None = None  # width, height of an image

    def describe(self) -> str:
        if self.declared:
            size = f"declares {self.declared[0]} x {self.declared[1]} pixels, {_size_text(self.decoded)} decoded"
        else:
            size = f"inflates to more than {_size_text(self.limit)} from {_size_text(self.stored)} in the file"
        return (f"decompression bomb: the {self.what} of page {self.page} {size}; the file was not read, "
                f"to keep the run within its memory")


def _size_text(count: int) -> str:
    for unit, size in (("GiB", 1024**3), ("MiB", 1024**2), ("KiB", 1024)):
        if count >= size:
            return f"{count / size:.1f} {unit}"
    return f"{count} bytes"


def _int(value: object, default: int = 0) -> int:
    """A non-negative integer from a PDF number; ``default`` for anything else."""
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
        return default
    return max(0, int(value))


def _name(value: pikepdf.Name) -> str:
    """A name as text; ``str`` raises on a name that is not UTF-8 (damaged files have them)."""
    return value.unparse().decode("ascii", "replace")


def _names(value: object) -> list[str]:
    """/Filter (a name or an array of names) as a list of names."""
    if isinstance(value, pikepdf.Name):
        return [_name(value)]
    if isinstance(value, pikepdf.Array):
        return [_name(v) for v in value if isinstance(v, pikepdf.Name)]
    return []


def _components(space: object) -> int:
    """Colour components of an image's colour space; 1 when unknown (a lower bound)."""
    if isinstance(space, pikepdf.Name):
        return _COMPONENTS.get(_name(space), 1)
    if isinstance(space, pikepdf.Array) and len(space) and isinstance(space[0], pikepdf.Name):
        family = _name(space[0])
        if family == "/ICCBased" and len(space) > 1 and isinstance(space[1], pikepdf.Stream):
            return _int(space[1].get("/N"), 1) or 1
        if family == "/DeviceN" and len(space) > 1 and isinstance(space[1], pikepdf.Array):
            return len(space[1]) or 1
        return _COMPONENTS.get(family, 1)
    return 1


def image_bytes(image: pikepdf.Stream) -> int:
    """Decoded size of an image XObject as its dictionary declares it.

    pdfium sizes its buffers from /Width, /Height and the bits per pixel, whatever
    the data holds (an image declaring 46000 x 46000 pixels cost 2.4 GB), and stops
    decoding there (4 GiB of zeros behind a 1000 x 1000 image cost nothing): for an
    image the declaration is what to measure.
    """
    if image.get("/ImageMask") is True:
        bits = 1
    else:
        bits = _int(image.get("/BitsPerComponent"), 8) * _components(image.get("/ColorSpace"))
    return _int(image.get("/Width")) * _int(image.get("/Height")) * bits // 8


def _inflate(chunks: Iterator[bytes]) -> Iterator[bytes]:
    """One FlateDecode layer, at most ``_INFLATE_CHUNK`` bytes out at a time.

    qpdf and pdfium inflate a stream whole; zlib's ``max_length`` lets this hand the
    output on piece by piece, so a bomb is measured without ever being held in
    memory. Input goes in by ``_INFLATE_INPUT`` bytes, so that what zlib keeps back
    (``unconsumed_tail``, copied on every call) stays small. Damaged data ends the
    output where it breaks (the readers report the damage themselves).

    A zlib header is skipped and the rest inflated raw, so the Adler-32 checksum at
    the end is never checked: pdfium does not check it either, and zlib raising on a
    damaged checksum threw away the output of the call (a Flate bomb whose last bytes
    were damaged was measured as 0 bytes, and pdfium inflated it to 5.3 GB).
    """
    chunks = iter(chunks)
    first = next(chunks, b"")
    zlib_header = len(first) >= 2 and first[0] & 0x0F == 8 and (first[0] << 8 | first[1]) % 31 == 0
    decoder = zlib.decompressobj(-zlib.MAX_WBITS) if zlib_header else zlib.decompressobj()
    chunks = itertools.chain([first[2:] if zlib_header else first], chunks)
    try:
        for chunk in chunks:
            for start in range(0, len(chunk), _INFLATE_INPUT):
                piece = chunk[start:start + _INFLATE_INPUT]
                while piece and not decoder.eof:
                    out = decoder.decompress(piece, _INFLATE_CHUNK)
                    if not out and len(decoder.unconsumed_tail) == len(piece):
                        return  # no progress: nothing more will come out
                    piece = decoder.unconsumed_tail
                    if out:
                        yield out
                if decoder.eof:
                    return
        yield decoder.flush()
    except zlib.error:
        return


def _ascii_decoded(data: bytes, name: str) -> bytes | None:
    """An ASCII85 or ASCIIHex layer decoded (it at most quadruples: safe to hold)."""
    try:
        if name in _ASCII85:
            body = data.split(b"~>", 1)[0].strip()
            body = body[2:] if body.startswith(b"<~") else body
            return base64.a85decode(body, ignorechars=b" \t\n\r\x0b\x0c\x00")
        body = bytes(b for b in data.split(b">", 1)[0] if b not in b" \t\n\r\x0b\x0c\x00")
        return bytes.fromhex((body + b"0" * (len(body) % 2)).decode("ascii"))
    except (ValueError, binascii.Error):
        return None


def decoded_size(stream: pikepdf.Stream, limit: int = MAX_DECODED_BYTES, keep_last: bool = False) -> int:
    """Bytes the Flate layers of a stream's filters produce, counted up to just past ``limit``.

    Leading ASCII85/ASCIIHex layers are undone first; counting covers the Flate
    layers that follow (``[/FlateDecode /FlateDecode]`` is how a bomb of gigabytes
    fits in a few kilobytes). Other filters are image codecs, bounded by the image's
    declared size, or rare (LZW, RunLength), and are left to the memory limit.

    ``keep_last`` leaves a final Flate layer out, as pdfium does for an image: it hands
    an image's last filter to the image decoder, which stops at the declared size, but
    decodes every filter before it whole (three Flate layers of 3 KB made pdfium
    hold the 267 MB the second one inflates to).
    """
    filters = _names(stream.get("/Filter"))
    data = stream.read_raw_bytes()
    while filters and filters[0] in _ASCII85 + _ASCII_HEX:
        decoded = _ascii_decoded(data, filters.pop(0))
        if decoded is None:
            return len(data)
        data = decoded
    layers = 0
    while layers < len(filters) and filters[layers] in _FLATE:
        layers += 1
    if keep_last and layers == len(filters):
        layers -= 1
    if layers <= 0:
        return len(data)
    chunks: Iterator[bytes] = iter([data])
    for _ in range(layers):
        chunks = _inflate(chunks)
    total = 0
    for out in chunks:
        total += len(out)
        if total > limit:
            break
    return total


def _stream_bomb(stream: pikepdf.Stream, key: str, page: int, limit: int) -> Bomb | None:
    """A stream (other than a page's contents) that would decode to more than ``limit``."""
    if stream.get("/Subtype") == pikepdf.Name.Image:
        declared = image_bytes(stream)
        if declared > limit:
            return Bomb(page, f"{key} image", declared, len(stream.read_raw_bytes()), limit,
                        (_int(stream.get("/Width")), _int(stream.get("/Height"))))
        if not any(name in _FLATE for name in _names(stream.get("/Filter"))[:-1]):
            return None  # the usual image (one filter): nothing is inflated whole, nothing to read
        what, decoded = f"{key} image", decoded_size(stream, limit, keep_last=True)
    else:
        what, decoded = f"{key} stream", decoded_size(stream, limit)
    return Bomb(page, what, decoded, len(stream.read_raw_bytes()), limit) if decoded > limit else None


def _contents_bomb(page: pikepdf.Object, number: int, limit: int, sizes: dict[tuple[int, int], int]) -> Bomb | None:
    """A page whose content streams decode to more than ``limit`` together.

    pdfium joins the streams of a /Contents array into one buffer before parsing, and
    an array may name the same stream again and again (4 x 256 MiB took pdfium to
    2 GB): each stream counts as often as it is named, inflated once (``sizes``).
    """
    contents = page.get("/Contents")
    streams = [contents] if isinstance(contents, pikepdf.Stream) else (
        [c for c in contents if isinstance(c, pikepdf.Stream)] if isinstance(contents, pikepdf.Array) else [])
    total = stored = 0
    for stream in streams:
        size = sizes.get(stream.objgen)
        if size is None:
            size = sizes[stream.objgen] = decoded_size(stream, limit - total)
        total += size
        stored += len(stream.read_raw_bytes())
        if total > limit:
            what = "/Contents stream" if len(streams) == 1 else f"/Contents ({len(streams)} streams, drawn as one)"
            return Bomb(number, what, total, stored, limit)
    return None


def find_bomb(pdf: pikepdf.Pdf, limit: int = MAX_DECODED_BYTES) -> Bomb | None:
    """The first page that uses streams that would decode to more than ``limit`` bytes.

    A page's content streams are measured together (``_contents_bomb``); then every
    object reachable from the page (resources, forms, fonts, annotation appearances,
    soft masks) is visited once. The walk does not follow /Parent nor links into
    other pages, so each stream is charged to the first page that draws it. Images
    are judged by their declared size and by the filters pdfium decodes whole, other
    streams by inflating them (``decoded_size``). Inline images inside a content
    stream are not measured.
    """
    pages = list(pdf.pages)
    page_ids = {page.obj.objgen for page in pages}
    sizes: dict[tuple[int, int], int] = {}  # decoded size of the content streams measured
    seen: set[tuple[int, int]] = set()
    for number, page in enumerate(pages, 1):
        try:
            bomb = _contents_bomb(page.obj, number, limit, sizes)
        except pikepdf.PdfError:  # a damaged content stream: the objects below are still measured
            bomb = None
        if bomb is not None:
            return bomb
        seen.update(sizes)
        stack: list[tuple[str, pikepdf.Object]] = [("page", page.obj)]
        while stack:
            key, obj = stack.pop()
            try:
                bomb = _visit(obj, key, number, limit, seen, page_ids, stack)
            except pikepdf.PdfError:
                # A damaged object is skipped, not the rest of the check (it once gave up
                # here, and the bomb behind went unmeasured); what pdfium makes of the
                # damaged object itself is bounded by the worker's memory cap.
                continue
            if bomb is not None:
                return bomb
    return None


def _visit(obj: pikepdf.Object, key: str, number: int, limit: int, seen: set[tuple[int, int]],
           page_ids: set[tuple[int, int]], stack: list[tuple[str, pikepdf.Object]]) -> Bomb | None:
    """Measure one object reached from page ``number`` and put what it links to on ``stack``."""
    containers = (pikepdf.Dictionary, pikepdf.Array, pikepdf.Stream)
    if obj.is_indirect:
        if obj.objgen in seen or (key != "page" and obj.objgen in page_ids):
            return None
        seen.add(obj.objgen)
    if isinstance(obj, pikepdf.Stream):
        bomb = _stream_bomb(obj, key, number, limit)
        if bomb is not None:
            return bomb
    if isinstance(obj, pikepdf.Array):
        stack.extend((key, value) for value in obj if isinstance(value, containers))
    elif isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream)) and obj.get("/Type") != pikepdf.Name.Pages:
        # (the page tree, reached through a link, is not followed)
        stack.extend((name, value) for name, value in obj.items() if name != "/Parent" and isinstance(value, containers))
    return None
