"""Speed benchmarks for the engine and the native host: they print figures, they never assert them.

Run `make bench` (or `.venv/bin/python bench/run.py`); BENCHMARKS.md says what is measured.
"""
