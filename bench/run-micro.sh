#!/usr/bin/env bash
# Hot-path micro benchmarks (BenchmarkDotNet, short run). Results land in
# bench/results/micro/ (JSON and Markdown reports).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run -c Release --project bench/OpenTalk.Benchmarks -- --filter '*' --job short \
  --exporters json markdown --artifacts bench/results/micro "$@"
