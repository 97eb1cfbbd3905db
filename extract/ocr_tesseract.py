"""Tesseract, the OCR engine, as the OCR reader calls it: is it installed, run it, read what it says.

Everything that knows about the ``tesseract`` binary is here, so that the rest of the
OCR code deals in images and ``OcrWord`` boxes: finding the binary and its language
data (and saying what to install when they are missing), running it on an image given
through stdin, reading its TSV output into words and printed lines, and its
orientation check (OSD, ``--psm 0``). ``OcrError`` is what a missing or failing
Tesseract raises.

Tesseract is called in-process through tesserocr (its C++ API) when tesserocr is
installed: the ``ind+eng`` model is loaded once per process and kept, where every call
of the CLI started a process and loaded the model again (about 0.3 s of CPU a call,
two or three calls a page). The text is the same: tesserocr links the system's
libtesseract, the CLI's own library. Without tesserocr the CLI runs as a subprocess,
the image going in through stdin as an uncompressed PGM. Either way
``OMP_THREAD_LIMIT=1`` (Tesseract's OpenMP threads made a page 5x slower on 2 cores).
pytesseract is not used: a thin wrapper around the same binary that writes temporary
files and parses the same TSV. See ``docs/ocr.md``.
"""
from __future__ import annotations

import functools
import logging
import os
import re
import shutil
import subprocess
from dataclasses import dataclass

import cv2
import numpy as np

log = logging.getLogger(__name__)

LANGUAGE = "ind"
INSTALL_HINT = "install tesseract-ocr tesseract-ocr-ind"
#: Words that are only these characters are grain or crumbs of rules.
RULE_JUNK = re.compile(r"^[|_\-—–~!:;.,'\"`‘’“”\[\](){}/\\=]+$")
#: A "word" whose box is smaller than this (points) both ways is a speck of scanner grain or
#: JPEG noise that Tesseract read as ``:``, ``$`` or ``i``: no printed character is that small
#: (a period of 8-point type is about 1 pt), and in a borderless table such a speck in a value
#: column stops the wrapped line below from joining its row.
SPECK_PT = 1.0


class OcrError(RuntimeError):
    """Tesseract is missing or failed on a page."""


@dataclass
class OcrWord:
    """A word as Tesseract read it; box in PDF points of the upright page."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    conf: float  # 0..100

    @property
    def centre(self) -> tuple[float, float]:
        return (self.x0 + self.x1) / 2, (self.top + self.bottom) / 2


@functools.lru_cache(maxsize=1)
def _languages() -> tuple[str, ...] | None:
    """Installed Tesseract languages, or ``None`` when there is no tesseract binary."""
    exe = shutil.which("tesseract")
    if exe is None:
        return None
    try:
        out = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=30, env=_env())
    except (OSError, subprocess.SubprocessError):
        return None
    lines = (out.stdout + out.stderr).splitlines()
    return tuple(line.strip() for line in lines if line.strip() and " " not in line.strip())


def tesseract_available() -> str | None:
    """``None`` when Tesseract and its Indonesian model are installed, else what to do."""
    languages = _languages()
    if languages is None:
        return f"tesseract is not installed: {INSTALL_HINT}"
    if LANGUAGE not in languages:
        return f"tesseract has no '{LANGUAGE}' language data: {INSTALL_HINT}"
    return None


def ocr_languages() -> str:
    """``ind+eng`` when English is installed (it normally is), else ``ind``.

    The ``ind`` model Debian ships (tessdata_fast) has no ``%`` in its character set:
    alone it reads ``100%`` as ``10096`` or ``100Y6``. English brings ``%`` and the
    other symbols; Indonesian words still come out right.
    """
    languages = _languages() or ()
    if "eng" in languages:
        return f"{LANGUAGE}+eng"
    _warn_once("tesseract has no 'eng' data: a '%' will be misread (install tesseract-ocr-eng)")
    return LANGUAGE


@functools.cache
def _warn_once(message: str) -> None:
    log.warning(message)


def _env() -> dict[str, str]:
    # Tesseract's OpenMP threads fight each other on small machines: one thread per
    # process is 5x faster on 2 cores (and leaves the other core to a second page).
    return {**os.environ, "OMP_THREAD_LIMIT": "1"}


@functools.lru_cache(maxsize=1)
def _tesserocr():
    """The tesserocr module, or ``None`` when it is not installed (then the CLI is run).

    ``OMP_THREAD_LIMIT`` must be in the environment before libgomp loads with tesserocr.
    A tesserocr wheel bundles a Tesseract of its own, whose reading may differ from the
    CLI's; it is used only when its version is the CLI's (``pip install --no-binary
    tesserocr tesserocr`` builds it against the system's libtesseract).
    """
    os.environ["OMP_THREAD_LIMIT"] = "1"
    try:
        import tesserocr
    except ImportError:
        log.debug("tesserocr is not installed: Tesseract runs as a subprocess per call")
        return None
    linked, cli = _version(tesserocr.tesseract_version()), _cli_version()
    if linked != cli:
        _warn_once(f"tesserocr links tesseract {linked}, the tesseract command is {cli}: the command is used "
                   "(slower); reinstall with: pip install --no-binary tesserocr tesserocr")
        return None
    return tesserocr


def _version(banner: str) -> str:
    """``5.3.0`` from a ``tesseract 5.3.0 ...`` banner (``""`` when there is none)."""
    found = re.match(r"\s*tesseract\s+v?(\S+)", banner)
    return found.group(1) if found else ""


def _cli_version() -> str:
    exe = shutil.which("tesseract")
    if exe is None:
        return ""
    try:
        out = subprocess.run([exe, "--version"], capture_output=True, text=True, timeout=30, env=_env())
    except (OSError, subprocess.SubprocessError):
        return ""
    return _version(out.stdout + out.stderr)


@functools.lru_cache(maxsize=2)
def _engine(languages: str):
    """A Tesseract engine with ``languages`` loaded, kept for the life of the process (or ``None``)."""
    tesserocr = _tesserocr()
    if tesserocr is None:
        return None
    try:
        return tesserocr.PyTessBaseAPI(lang=languages)
    except RuntimeError as error:  # no such language data: the CLI will say what is missing
        log.debug("tesserocr could not load %s: %s", languages, error)
        return None


def in_process() -> bool:
    """Whether Tesseract runs in this process (tesserocr) rather than as a subprocess per call."""
    return tesseract_available() is None and _engine(ocr_languages()) is not None


#: The header line of Tesseract's TSV output (the API's ``GetTSVText`` leaves it out).
_TSV_HEADER = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"


def tesseract_tsv(image: np.ndarray, psm: str, dpi: int, timeout: float = 300) -> str:
    """Tesseract's TSV (words, boxes, confidences) of a grayscale image, read with ``ocr_languages()``.

    In-process when tesserocr is installed, else the CLI: the same TSV either way. A
    read that passes ``timeout`` seconds is stopped (Tesseract's own deadline in-process,
    where the document's ``SIGALRM`` could not interrupt it) and raises ``OcrError``.
    """
    problem = tesseract_available()
    if problem:
        raise OcrError(problem)
    engine = _engine(ocr_languages())
    if engine is None:
        return run_tesseract(image, ["-l", ocr_languages(), "--psm", psm, "--dpi", str(dpi), "tsv"], timeout)
    image = np.ascontiguousarray(image, dtype=np.uint8)
    engine.SetPageSegMode(int(psm))
    engine.SetVariable("user_defined_dpi", str(dpi))
    engine.SetImageBytes(image.tobytes(), image.shape[1], image.shape[0], 1, image.shape[1])
    engine.SetSourceResolution(dpi)
    try:
        if not engine.Recognize(round(timeout * 1000)):
            raise OcrError(f"tesseract could not read the page image (or timed out after {timeout:.0f} s)")
        return _TSV_HEADER + "\n" + engine.GetTSVText(0)
    finally:
        engine.Clear()


def run_tesseract(image: np.ndarray, args: list[str], timeout: float = 300) -> str:
    """Run the tesseract CLI on a grayscale image given through stdin; return stdout."""
    problem = tesseract_available()
    if problem:
        raise OcrError(problem)
    ok, buffer = cv2.imencode(".pgm", image)  # uncompressed: a PNG would cost 0.1 s to encode
    if not ok:
        raise OcrError("could not encode the page image")
    try:
        done = subprocess.run(["tesseract", "stdin", "stdout", *args], input=buffer.tobytes(),
                              capture_output=True, timeout=timeout, env=_env())
    except subprocess.TimeoutExpired as error:
        raise OcrError(f"tesseract timed out after {timeout:.0f} s") from error
    if done.returncode != 0:
        raise OcrError(f"tesseract failed ({done.returncode}): {done.stderr.decode(errors='replace')[-300:]}")
    return done.stdout.decode("utf-8", errors="replace")


def parse_tsv(tsv: str, scale: float) -> tuple[list[OcrWord], list[list[OcrWord]]]:
    """Words (pixels / ``scale``) and the printed lines they form, both in Tesseract's order."""
    words: list[OcrWord] = []
    lines: dict[tuple[int, int, int, int], list[OcrWord]] = {}
    for row in tsv.splitlines()[1:]:
        parts = row.split("\t")
        if len(parts) < 12 or parts[0] != "5":
            continue
        text = parts[11].strip()
        conf = float(parts[10])
        if not text or conf < 0 or (RULE_JUNK.match(text) and conf < 60):
            continue
        left, top, width, height = (int(v) for v in parts[6:10])
        if width < SPECK_PT * scale and height < SPECK_PT * scale:
            continue
        word = OcrWord(text, round(left / scale, 2), round(top / scale, 2),
                       round((left + width) / scale, 2), round((top + height) / scale, 2), round(conf, 1))
        words.append(word)
        lines.setdefault((int(parts[1]), int(parts[2]), int(parts[3]), int(parts[4])), []).append(word)
    return words, list(lines.values())


def osd(image: np.ndarray, dpi: int) -> tuple[int, float]:
    """Tesseract's orientation check (``--psm 0``) of an image: (clockwise turn, confidence), or (0, 0.0) when it says nothing."""
    engine = _engine("osd") if "osd" in (_languages() or ()) else None
    if engine is not None:
        image = np.ascontiguousarray(image, dtype=np.uint8)
        engine.SetPageSegMode(0)
        engine.SetVariable("user_defined_dpi", str(dpi))
        engine.SetImageBytes(image.tobytes(), image.shape[1], image.shape[0], 1, image.shape[1])
        engine.SetSourceResolution(dpi)
        try:
            found = engine.DetectOrientationScript()
        finally:
            engine.Clear()
        if not found:  # too few characters, as the CLI says
            return 0, 0.0
        # the CLI's "Rotate" is the turn that undoes the orientation found
        return (360 - int(found["orient_deg"])) % 360, float(found["orient_conf"])
    try:
        out = run_tesseract(image, ["--psm", "0", "--dpi", str(dpi)], timeout=60)
    except OcrError as error:  # "Too few characters" on a nearly empty page, or no osd data
        log.debug("OSD failed: %s", error)
        return 0, 0.0
    rotate = re.search(r"Rotate:\s*(\d+)", out)
    confidence = re.search(r"Orientation confidence:\s*([\d.]+)", out)
    if not rotate or not confidence:
        return 0, 0.0
    return int(rotate.group(1)) % 360, float(confidence.group(1))
