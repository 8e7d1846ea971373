#!/usr/bin/env bash
# Runs the JMH benchmarks: ./benchmarks/run.sh [JMH options, e.g. ParserBenchmark -f 1 -wi 2 -i 3]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/jdk25.sh
select_jdk25 || exit 1
export OPENCV_LOG_LEVEL="${OPENCV_LOG_LEVEL:-SILENT}"  # OpenCV (JPEG 2000) would log to stderr otherwise
. scripts/build.sh
build_module benchmarks || exit 1
cp="benchmarks/target/classes:$(cat benchmarks/target/runtime.classpath)"
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$cp" org.openjdk.jmh.Main "$@"
