#!/usr/bin/env bash
# Recorder benchmark: CPU of the mix for N publishers (640x480 in, 1280x720 out) against the same mix without
# publishers, measured in the same run, and the time from starting the mix to the first recorded picture.
# Writes bench/results/recorder.json and prints a BENCHMARKS.md row. Needs GStreamer and ffmpeg (./test installs them).
# Usage: bench/run-recorder.sh [publishers=4] [seconds=30]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build bench/OpenTalk.RecorderBench -c Release -nologo -v quiet >/dev/null
timeout 600 dotnet bench/OpenTalk.RecorderBench/bin/Release/net10.0/OpenTalk.RecorderBench.dll "${1:-4}" "${2:-30}" bench/results/recorder.json
