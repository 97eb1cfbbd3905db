"""Generator of the sample corpus of LKj PDFs (see corpus/README.md).

Run ``python -m lkj.corpus.samples build`` to regenerate ``corpus/data/``.
Needs python-docx, Pillow, numpy, pdfplumber, pikepdf and LibreOffice
(``soffice``); the committed corpus itself needs none of them except
pdfplumber/pikepdf for the consistency tests.
"""
