#!/usr/bin/env bash
# The fault soak at full size (issue 10): 200 timeline queries and 2,000 image retrievals across the demo patients
# through the viewer's own pipeline, with the embedded network's faults switched on in turn (down, slow drip, error
# answers, truncated image answers, wrong-patient answers, oversized answers), and 20 patients opened one after another
# in the application window (headless). Threads, virtual threads, executors, fds, sockets and live heap are read
# before, during and after; every check of the ci size that `verify` runs holds here too. Loopback only.
#
#   benchmarks/soak.sh           # full size: about 15-30 minutes on two cores
#   benchmarks/soak.sh --ci      # the size every verify runs: a few minutes
#   benchmarks/soak.sh --only faults|patients
#
# Figures: app/target/soak/faults-<size>.md and patients-<size>.md (printed at the end); docs/soak.md publishes them.
set -uo pipefail
cd "$(dirname "$0")/.."
SIZE=full
TESTS='FaultSoakTest,PatientSwitchSoakTest'
while [ $# -gt 0 ]; do
    case "$1" in
        --ci) SIZE=ci; shift ;;
        --only)
            case "${2:-}" in
                faults) TESTS=FaultSoakTest ;;
                patients) TESTS=PatientSwitchSoakTest ;;
                *) echo "--only takes faults or patients" >&2; exit 2 ;;
            esac
            shift 2 ;;
        -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
        *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
    esac
done
. scripts/jdk25.sh
select_jdk25 || exit 1
rm -f app/target/soak/*-"$SIZE".md
./mvnw -q -B -pl app -am verify -Dtest="$TESTS" -Dsurefire.failIfNoSpecifiedTests=false -Dduoviewer.soak="$SIZE"
status=$?
for f in app/target/soak/*-"$SIZE".md; do
    [ -f "$f" ] && { echo; cat "$f"; }
done
exit $status
