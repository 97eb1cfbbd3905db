"""``python -m pipeline`` is the ``lkj`` command."""
from pipeline.cli import main

main()
