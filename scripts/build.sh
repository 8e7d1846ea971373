# Builds one module and the modules it needs, for the entry scripts (./run, ./run-network, ./dicomcheck,
# benchmarks/*.sh, installer/build.sh). Source it after scripts/jdk25.sh, then:  build_module MODULE || exit 1
#
# Always `package` over the module and its upstream modules (-pl MODULE -am), tests skipped but compiled: modules use
# each other's test-jars (viewer-core's test support), which a partial reactor resolves only when it packages them
# itself. `compile`, -Dmaven.test.skip or a plugin goal on one module alone looks for them in the local repository,
# which never holds them (no `mvn install`), and fails on a fresh clone (issue 13; FreshCloneIT proves every script).
# Each module's run-time class path is written to MODULE/target/runtime.classpath by its own pom. Maven's output is
# shown only when the build fails.
build_module() {
    local module="$1" root log
    root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
    log="$(mktemp)"
    if ! (cd "$root" && ./mvnw -q -B -DskipTests -pl "$module" -am package) >"$log" 2>&1; then
        cat "$log" >&2
        rm -f "$log"
        echo "error: building $module failed (output above)" >&2
        return 1
    fi
    rm -f "$log"
}
