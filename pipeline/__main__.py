"""``python -m lkj.pipeline`` is the ``lkj`` command."""
from lkj.pipeline.cli import main

main()
