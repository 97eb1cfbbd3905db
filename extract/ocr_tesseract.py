"""Tesseract, the OCR engine, as the OCR reader calls it: is it installed, run it, read what it says.

Everything that knows about the ``tesseract`` binary is here, so that the rest of the
OCR code deals in images and ``OcrWord`` boxes: finding the binary and its language
data (and saying what to install when they are missing), running it on an image given
through stdin, reading its TSV output into words and printed lines, and its
orientation check (OSD, ``--psm 0``). ``OcrError`` is what a missing or failing
Tesseract raises.

Tesseract runs as a subprocess (the CLI), not through pytesseract: pytesseract is a
thin wrapper around the same binary that writes temporary files and parses the same
TSV, so it would add a dependency without adding anything; calling the binary directly
lets the image go in through stdin as an uncompressed PGM and pins ``OMP_THREAD_LIMIT=1``
(Tesseract's OpenMP threads made a page 5x slower on 2 cores). See ``docs/ocr.md``.
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


def parse_tsv(tsv: str, scale: float) -> tuple[list[OcrWord], list[tuple[float, str]]]:
    """Words (pixels / ``scale``) and printed lines as (top, text) in Tesseract's order."""
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
        word = OcrWord(text, round(left / scale, 2), round(top / scale, 2),
                       round((left + width) / scale, 2), round((top + height) / scale, 2), round(conf, 1))
        words.append(word)
        lines.setdefault((int(parts[1]), int(parts[2]), int(parts[3]), int(parts[4])), []).append(word)
    return words, [(min(w.top for w in line), " ".join(w.text for w in line)) for line in lines.values()]


def osd(image: np.ndarray, dpi: int) -> tuple[int, float]:
    """Tesseract's orientation check (``--psm 0``) of an image: (clockwise turn, confidence), or (0, 0.0) when it says nothing."""
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
