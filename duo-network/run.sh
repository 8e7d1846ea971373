#!/usr/bin/env bash
# Starts the embedded DUO network standalone (three communities, Mitz, WADO-RS on 127.0.0.1) serving real DICOM images
# of synthetic anatomy, writes the client configuration to the given file (default: duo-network.properties in the
# current folder) and serves until Ctrl-C. The viewer then runs against it with  ./run --config <that file>.
#   duo-network/run.sh [config-file] [--cache DIR] [--deterministic]
#   add -Dduo.verbose=true to JAVA_OPTS for CXF/Jetty logging
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=../scripts/jdk25.sh
. "$root/scripts/jdk25.sh"
select_jdk25 || exit 1
cp_file="$(mktemp)"
trap 'rm -f "$cp_file"' EXIT
(cd "$root" && ./mvnw -q -pl duo-network -am compile dependency:build-classpath \
    -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=runtime)
export OPENCV_LOG_LEVEL="${OPENCV_LOG_LEVEL:-SILENT}"
exec "$JAVA_HOME/bin/java" ${JAVA_OPTS:-} --enable-native-access=ALL-UNNAMED \
    -cp "$root/duo-network/target/classes:$root/xca-client/target/classes:$root/viewer-core/target/classes:$(cat "$cp_file")" \
    nl.duoviewer.network.DuoNetworkMain "$@"
