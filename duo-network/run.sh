#!/usr/bin/env bash
# Starts the embedded DUO network standalone (three communities, Mitz, WADO-RS on 127.0.0.1), writes the client
# configuration to the given file (default: duo-network.properties in the current folder) and serves until Ctrl-C.
#   duo-network/run.sh [config-file]        add -Dduo.verbose=true to JAVA_OPTS for CXF/Jetty logging
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
cp_file="$(mktemp)"
trap 'rm -f "$cp_file"' EXIT
(cd "$root" && ./mvnw -q -pl duo-network -am compile dependency:build-classpath \
    -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=runtime)
config="${1:-$PWD/duo-network.properties}"
exec "$JAVA_HOME/bin/java" ${JAVA_OPTS:-} -cp "$root/duo-network/target/classes:$root/xca-client/target/classes:$root/viewer-core/target/classes:$(cat "$cp_file")" \
    nl.duoviewer.network.DuoNetworkMain "$config"
