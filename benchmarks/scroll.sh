#!/usr/bin/env bash
# Scrolling with window/level, measured from JavaFX pulses in the viewer's real main window:
#   benchmarks/scroll.sh [--prism es2|sw] [--slices 256] [--warmup 300] [--steps 300] [--out FILE.tsv]
# A 512 x 512 16-bit CT stack is rendered, encoded and decoded through the viewer's pipeline first; then every pulse
# gets one wheel step and one window drag (nl.duoviewer.bench.scroll.ScrollBenchmark). Started like ./run starts the
# viewer (JavaFX on the module path, the default Prism pipeline); without a display it runs on Xvfb (a real window on
# a virtual X server, not Monocle: pulses and rendering are the real ones). Prints achieved fps, the distributions of
# frame intervals and of JavaFX-thread work per pulse, and dropped frames; the per-pulse times go to --out.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
. scripts/jdk25.sh
select_jdk25 || exit 1

BUILD_LOG="$(mktemp)"
trap 'rm -f "$BUILD_LOG"' EXIT
if ! ./mvnw -q -B -DskipTests -pl benchmarks -am package >"$BUILD_LOG" 2>&1; then
    cat "$BUILD_LOG" >&2
    echo "scroll.sh: the build failed (output above)" >&2
    exit 1
fi

MODULE_PATH=""
CLASS_PATH="$ROOT/benchmarks/target/classes"
IFS=":" read -r -a ENTRIES < "$ROOT/benchmarks/target/runtime-classpath.txt" || true
for entry in "${ENTRIES[@]}"; do
    case "$(basename "$entry")" in
        javafx-*-linux.jar|javafx-*-linux-aarch64.jar|javafx-*-mac*.jar|javafx-*-win.jar) MODULE_PATH="${MODULE_PATH:+$MODULE_PATH:}$entry" ;;
        javafx-*.jar) ;;
        *) CLASS_PATH="$CLASS_PATH:$entry" ;;
    esac
done

LAUNCH=()
if [ -z "${DISPLAY:-}" ]; then
    command -v xvfb-run >/dev/null || { echo "scroll.sh: no display and no xvfb-run (scripts/install-test-tools.sh installs it)" >&2; exit 1; }
    LAUNCH=(xvfb-run -a -s "-screen 0 1600x1000x24")
fi
export OPENCV_LOG_LEVEL="${OPENCV_LOG_LEVEL:-SILENT}"

PRISM=()
if [ "${1:-}" = "--prism" ]; then
    PRISM=(-Dprism.order="$2")  # es2 (OpenGL; Mesa's llvmpipe on Xvfb) or sw (Prism's own software rasteriser)
    shift 2
fi

OUTPUT="$(mktemp)"
trap 'rm -f "$BUILD_LOG" "$OUTPUT"' EXIT
echo "# scroll benchmark $(date -u +%Y-%m-%dT%H:%MZ); cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores; load at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# java: $("$JAVA_HOME/bin/java" -XshowSettings:properties -version 2>&1 | grep -m1 'java.runtime.version' | xargs)"
"${LAUNCH[@]}" "$JAVA_HOME/bin/java" -Xmx2g -Dprism.verbose=true ${PRISM[@]+"${PRISM[@]}"} \
    --module-path "$MODULE_PATH" --add-modules javafx.controls \
    --enable-native-access=javafx.graphics,ALL-UNNAMED \
    -cp "$CLASS_PATH" nl.duoviewer.bench.scroll.ScrollBenchmark "$@" >"$OUTPUT" 2>&1 || { cat "$OUTPUT" >&2; exit 1; }
# the last pipeline named is the one in use (es2 is tried first and refused without a qualifying GPU)
echo "# prism: $(grep -i 'pipeline name' "$OUTPUT" | tail -n 1 | sed 's/^[[:space:]]*//')$(grep -m1 '^ *Renderer:' "$OUTPUT" | sed 's/^[[:space:]]*/; /')"
echo "# load at end: $(cut -d' ' -f1-3 /proc/loadavg)"
sed -n '/^scroll benchmark:/,$p' "$OUTPUT"
