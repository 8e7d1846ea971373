#!/usr/bin/env bash
# Builds the DUO Viewer installers with Temurin 25's jlink and jpackage.
#
#   installer/build.sh [app-image|deb|all] [--skip-build]
#
#   app-image    installer/target/jpackage/duoviewer/  (bin/duoviewer launcher, trimmed runtime, about 5 s)
#   deb          installer/target/jpackage/duoviewer_<version>_amd64.deb  (needs fakeroot and dpkg-deb, about 35 s)
#   --skip-build use the app as already built (the Maven installer module passes this from inside the build)
#
# The .deb installs to /opt/duoviewer, adds a menu entry with the icon, and registers the duoviewer:// URL scheme
# (x-scheme-handler/duoviewer), so a link such as duoviewer://open?bsn=999999011 opens the viewer on that patient.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=../scripts/jdk25.sh
. "$ROOT/scripts/jdk25.sh"
select_jdk25 || exit 1

TYPE="app-image"
BUILD=1
for arg in "$@"; do
    case "$arg" in
        app-image|deb|all) TYPE="$arg" ;;
        --skip-build) BUILD=0 ;;
        *) echo "usage: installer/build.sh [app-image|deb|all] [--skip-build]" >&2; exit 2 ;;
    esac
done

NAME=duoviewer
TARGET="$ROOT/installer/target"
WORK="$TARGET/work"
DEST="$TARGET/jpackage"

if [ "$BUILD" = 1 ]; then
    # shellcheck source=../scripts/build.sh
    . "$ROOT/scripts/build.sh"
    build_module app || exit 1
fi

CLASSPATH_FILE="$ROOT/app/target/runtime.classpath"
APP_JAR="$(ls "$ROOT"/app/target/app-*.jar 2>/dev/null | grep -v -e sources -e tests | head -n 1 || true)"
if [ ! -f "$CLASSPATH_FILE" ] || [ -z "$APP_JAR" ]; then
    echo "error: the app is not built (no $CLASSPATH_FILE); run without --skip-build" >&2
    exit 1
fi
# jpackage wants a plain numeric version: 0.1.0-SNAPSHOT -> 0.1.0
VERSION="$(basename "$APP_JAR" .jar | sed -e 's/^app-//' -e 's/-.*$//')"

rm -rf "$WORK" "$DEST/$NAME"
mkdir -p "$WORK/input" "$WORK/javafx" "$DEST"
cp "$APP_JAR" "$WORK/input/"
IFS=':' read -r -a ENTRIES < "$CLASSPATH_FILE" || true
for entry in "${ENTRIES[@]}"; do
    case "$(basename "$entry")" in
        javafx-*-linux.jar) cp "$entry" "$WORK/javafx/" ;;
        javafx-*.jar) ;; # platform-less placeholders
        *) cp "$entry" "$WORK/input/" ;;
    esac
done

# A trimmed runtime: the JDK modules the app and its libraries use, plus JavaFX linked in as modules. jdk.httpserver
# serves the embedded demo network's Mitz and WADO-RS; jdk.crypto.cryptoki is SunPKCS11, which reads the user's UZI-pas
# (and an HSM holding the organisation key).
JDK_MODULES=java.base,java.desktop,java.logging,java.management,java.naming,java.net.http,java.prefs,java.scripting
JDK_MODULES=$JDK_MODULES,java.security.jgss,java.security.sasl,java.sql,java.transaction.xa,java.xml,java.xml.crypto
JDK_MODULES=$JDK_MODULES,jdk.charsets,jdk.crypto.ec,jdk.crypto.cryptoki,jdk.localedata,jdk.unsupported,jdk.xml.dom
JDK_MODULES=$JDK_MODULES,jdk.zipfs,jdk.httpserver
jlink --module-path "$WORK/javafx" --add-modules "$JDK_MODULES,javafx.controls" \
    --strip-debug --no-header-files --no-man-pages --compress zip-6 --output "$WORK/runtime"
# JavaFX looks for its native libraries beside the runtime's own; without them it unpacks copies into ~/.openjfx
(cd "$WORK/runtime/lib" && unzip -q -o -j "$WORK"/javafx/javafx-graphics-*-linux.jar '*.so' && \
    for jar in "$WORK"/javafx/javafx-*-linux.jar; do unzip -q -o -j "$jar" '*.so' 2>/dev/null || true; done)

COMMON=(--name "$NAME" --app-version "$VERSION" --vendor "DUO Viewer project"
        --description "Radiology timeline viewer for Dutch cross-institution image exchange (DUO, XCA-I, Mitz)")

if [ "$TYPE" = app-image ] || [ "$TYPE" = all ]; then
    # --java-options cannot set OPENCV_LOG_LEVEL (an environment variable): the viewer sets it in its own process.
    # Half the physical memory for the heap, as ./run: the open study is held within a third of it (StudyFrames).
    jpackage --type app-image "${COMMON[@]}" \
        --input "$WORK/input" --main-jar "$(basename "$APP_JAR")" --main-class nl.duoviewer.app.Main \
        --runtime-image "$WORK/runtime" --icon "$ROOT/icons/png/duoviewer-256.png" \
        --java-options "--enable-native-access=javafx.graphics,ALL-UNNAMED" \
        --java-options "-XX:MaxRAMPercentage=50" \
        --dest "$DEST"
    echo "app-image: $DEST/$NAME (launcher $DEST/$NAME/bin/$NAME)"
fi

if [ "$TYPE" = deb ] || [ "$TYPE" = all ]; then
    if [ ! -x "$DEST/$NAME/bin/$NAME" ]; then
        "$0" app-image --skip-build >/dev/null
    fi
    rm -f "$DEST"/${NAME}_*.deb
    jpackage --type deb "${COMMON[@]}" --app-image "$DEST/$NAME" \
        --resource-dir "$ROOT/installer/linux" --icon "$ROOT/icons/png/duoviewer-256.png" \
        --linux-package-name "$NAME" --linux-menu-group "Graphics;MedicalSoftware" --linux-shortcut \
        --linux-app-category misc \
        --dest "$DEST"
    echo "deb: $(ls "$DEST"/${NAME}_*.deb)"
fi
