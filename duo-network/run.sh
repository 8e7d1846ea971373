#!/usr/bin/env bash
# Starts the embedded DUO network standalone (three communities, Mitz, WADO-RS on 127.0.0.1) serving real DICOM images
# of synthetic anatomy, writes the client configuration to the given file (default: duo-network.properties in the
# current folder) and serves until Ctrl-C. The viewer then runs against it with  ./run --config <that file>.
#   duo-network/run.sh [config-file] [--cache DIR] [--deterministic]
#   add -Dduo.verbose=true to JAVA_OPTS for CXF/Jetty logging
# Builds duo-network and the modules it needs quietly first (scripts/build.sh), from a fresh clone too.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=../scripts/jdk25.sh
. "$root/scripts/jdk25.sh"
select_jdk25 || exit 1
# shellcheck source=../scripts/build.sh
. "$root/scripts/build.sh"
build_module duo-network || exit 1
export OPENCV_LOG_LEVEL="${OPENCV_LOG_LEVEL:-SILENT}"
# shellcheck disable=SC2086 # JAVA_OPTS holds several options
exec "$JAVA_HOME/bin/java" ${JAVA_OPTS:-} --enable-native-access=ALL-UNNAMED \
    -cp "$root/duo-network/target/classes:$(cat "$root/duo-network/target/runtime.classpath")" \
    nl.duoviewer.network.DuoNetworkMain "$@"
