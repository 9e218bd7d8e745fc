# Convenience wrappers; the scripts are what the README documents.
.PHONY: demo test setup bench
demo:
	bash scripts/demo
test:
	bash scripts/test
setup:
	bash scripts/setup
bench:
	bash Benchmarks/run-ingest.sh
