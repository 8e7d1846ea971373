# Selects JDK 25 for the project's scripts. Source it, then call: select_jdk25 || exit 1
# Order: $JAVA_HOME when it is a JDK 25, then /usr/lib/jvm/*25* (Temurin first), then the java on PATH.
# Exports JAVA_HOME and prepends its bin/ to PATH; prints a clear message and returns 1 when none is found.

jdk25_major() {
    # prints the feature version of the JDK at $1 (empty when it is not a JDK)
    local release="$1/release"
    [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 0
    if [ -r "$release" ]; then
        sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release"
    else
        "$1/bin/java" -version 2>&1 | sed -n '1s/.*version "\([0-9]*\).*/\1/p'
    fi
}

select_jdk25() {
    local candidate
    local candidates=()
    [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
    for candidate in /usr/lib/jvm/temurin-25* /usr/lib/jvm/*25*; do
        [ -d "$candidate" ] && candidates+=("$candidate")
    done
    if command -v javac >/dev/null 2>&1; then
        candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")")
    fi
    for candidate in "${candidates[@]}"; do
        if [ "$(jdk25_major "$candidate")" = "25" ]; then
            export JAVA_HOME="$candidate"
            export PATH="$JAVA_HOME/bin:$PATH"
            return 0
        fi
    done
    {
        echo "error: JDK 25 not found."
        echo "  Looked at: \$JAVA_HOME (${JAVA_HOME:-unset}), /usr/lib/jvm/*25*, and javac on PATH."
        echo "  Install a JDK 25 (e.g. Temurin 25 under /usr/lib/jvm/temurin-25-jdk-amd64) or set JAVA_HOME to one."
    } >&2
    return 1
}
