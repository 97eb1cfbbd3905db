"""Benchmarks of lkj, kept out of the installed package: run from the repository's root
(``python -m benchmarks.bench``), they need the sample corpus beside them and time the
package, which does not need them."""
