"""camket: responsibility commitments (cam kết trách nhiệm) kept as YAML, tallied, printed."""

__version__ = "0.1.0"
