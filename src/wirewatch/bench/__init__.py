"""Throughput and memory benchmarks on documents the benchmarks generate themselves."""
