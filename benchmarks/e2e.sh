#!/usr/bin/env bash
# End-to-end run: time to timeline, time to first image, time to all images and memory of the viewer's own pipeline,
# with a peer measured in the same run on the same bytes; prints medians and ratios.
#
#   benchmarks/e2e.sh [--runs N] [--iterations K] [--only REGEX] [--no-peer] [--no-build]
#
# 1. Prepare (timed apart, not part of any measurement): the embedded demo network renders the studies used into
#    benchmarks/target/e2e-cache (the large 1362-image CT, a typical CT and MR of the showcase patient, all held by
#    Founda: JPEG-LS, RAD-75 and WADO-RS). Orthanc (Debian orthanc + orthanc-dicomweb, configured from a copy of
#    testdata/orthanc on a free port) is loaded with exactly the bytes the network serves.
# 2. Ours: the viewer's pipeline (DuoImagingService on a client configuration, FramePipeline, display pixels; what
#    ./run --config uses), each measurement in a new JVM with a new client: a "cold" load (first in the process),
#    K-1 "warm" loads (new client, same process), then a "hot" one (the last client again, as for every study after
#    the first in a viewer session). Timeline of the showcase patient (43 studies, 3 communities); each
#    study via RAD-75 and via WADO-RS from the embedded network, and via WADO-RS from Orthanc. Heap peak (GC
#    notifications + sampling), live heap holding the decoded study, process peak RSS (VmHWM).
# 3. Peer on the same Orthanc: curl (WADO-RS multipart; time to first byte and to last byte), dcmtk decoding
#    (start-up on a 16 x 16 image of the same syntax subtracted). First image = curl of the first instance alone +
#    its decode; all images = all bytes, then every instance decoded (serial), and an idealised peer that overlaps
#    download and decoding perfectly on two cores: max(all bytes, decode / 2).
# Every run interleaves peer and ours per study; N runs; medians over the runs. Results: benchmarks/target/e2e/
# (raw.tsv every value, results.tsv medians, table.md, header.txt). Orthanc and the network server are always
# stopped (also when this script is killed: they watch a pipe this script holds, and run under `timeout`).
set -uo pipefail
export LC_ALL=C
cd "$(dirname "$0")/.."
ROOT=$PWD

RUNS=5
ITERATIONS=2
ONLY=""
PEER=1
BUILD=1
MAX_MINUTES=150           # outer bound on the servers' lifetime
LOAD_TIMEOUT=600          # one client process
while [ $# -gt 0 ]; do
    case "$1" in
        --runs) RUNS="${2:-}"; shift 2 ;;
        --iterations) ITERATIONS="${2:-}"; shift 2 ;;
        --only) ONLY="${2:-}"; shift 2 ;;
        --no-peer) PEER=0; shift ;;
        --no-build) BUILD=0; shift ;;
        -h|--help) sed -n '2,24p' "$0"; exit 0 ;;
        *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
    esac
done
[[ "$RUNS" =~ ^[0-9]+$ ]] && [ "$RUNS" -ge 1 ] && [ "$RUNS" -le 15 ] || { echo "--runs must be 1..15" >&2; exit 2; }
[[ "$ITERATIONS" =~ ^[0-9]+$ ]] && [ "$ITERATIONS" -ge 1 ] && [ "$ITERATIONS" -le 5 ] \
    || { echo "--iterations must be 1..5" >&2; exit 2; }

. scripts/jdk25.sh
select_jdk25 || exit 1
export OPENCV_LOG_LEVEL=SILENT
# the demo network's written client configurations read the (public) demo keystore password from here
export DUO_DEMO_KEYSTORE_PASSWORD="${DUO_DEMO_KEYSTORE_PASSWORD:-duo-demo-keystore}"

OUT=$ROOT/benchmarks/target/e2e
CACHE=$ROOT/benchmarks/target/e2e-cache
ORTHANC_DIR=$OUT/orthanc
WORK=$OUT/work
RAW=$OUT/raw.tsv
LOG=$OUT/e2e.log
mkdir -p "$OUT" "$CACHE" "$WORK"
: > "$LOG"
TMP=$(mktemp -d)
SERVER_PID=""
ORTHANC_PID=""

# --- always stop what we started --------------------------------------------------------------------------------
stop_pid() { # pid name: the pipe is closed already; wait (bounded), then TERM, then KILL
    local pid=$1 i
    [ -n "$pid" ] || return 0
    for i in $(seq 100); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
    kill -TERM "$pid" 2>/dev/null
    for i in $(seq 50); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null
    echo "  $2 (pid $pid) had to be killed" >&2
}
cleanup() {
    exec 7>&- 8>&- 2>/dev/null
    stop_pid "$SERVER_PID" "network server"
    [ -n "$ORTHANC_PID" ] && stop_pid "$(cat "$ORTHANC_DIR/orthanc.pid" 2>/dev/null)" Orthanc
    stop_pid "$ORTHANC_PID" "Orthanc watchdog"
    rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

say() { echo "$*" | tee -a "$LOG"; }
ms_since() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN{printf "%.1f", (b - a) * 1000}'; }

# --- build ------------------------------------------------------------------------------------------------------
if [ "$BUILD" = 1 ]; then
    . scripts/build.sh
    build_module benchmarks || exit 1
fi
CP="$ROOT/benchmarks/target/classes:$(cat "$ROOT/benchmarks/target/runtime.classpath")"
JAVA=("$JAVA_HOME/bin/java" -XX:MaxRAMPercentage=50 --enable-native-access=ALL-UNNAMED -cp "$CP")   # the heap ./run gives the viewer

# --- peer tools -------------------------------------------------------------------------------------------------
PEER_WHY=""
PEER_CHECK=""
if [ "$PEER" = 1 ]; then
    missing=()
    command -v curl >/dev/null 2>&1 || missing+=("curl (apt-get install curl)")
    [ -x /usr/sbin/Orthanc ] || missing+=("Orthanc (apt-get install orthanc)")
    [ -f /usr/share/orthanc/plugins/libOrthancDicomWeb.so ] || missing+=("Orthanc DICOMweb plugin (apt-get install orthanc-dicomweb)")
    for t in dcmdjpls dcmcjpls dcmdjpeg dcmdrle dcmconv; do
        command -v $t >/dev/null 2>&1 || missing+=("$t (apt-get install dcmtk)")
    done
    REFERENCE=${ORTHANC_REFERENCE:-$ROOT/testdata/orthanc/orthanc.json}
    [ -f "$REFERENCE" ] || missing+=("the Orthanc reference configuration $REFERENCE (set ORTHANC_REFERENCE)")
    if [ ${#missing[@]} -gt 0 ]; then
        PEER=0
        PEER_WHY="peer not measured, missing: $(IFS=';'; echo "${missing[*]}")"
        say "PEER MISSING: ${missing[*]}"
        say "  ours is measured without a peer; every ratio will be n/a."
    fi
else
    PEER_WHY="peer not measured (--no-peer)"
fi

# --- 1. prepare -------------------------------------------------------------------------------------------------
say "preparing the studies (rendered on first use into $CACHE) ..."
t0=$EPOCHREALTIME
timeout 3600 "${JAVA[@]}" nl.duoviewer.bench.e2e.PrepareStudies --cache "$CACHE" --out "$OUT" 2>>"$LOG" | tee -a "$LOG" \
    || { echo "preparation failed (see $LOG)" >&2; exit 1; }
[ -s "$OUT/studies.tsv" ] || { echo "preparation wrote no studies.tsv (see $LOG)" >&2; exit 1; }
PREPARE_MS=$(ms_since "$t0")
if [ ! -f "$CACHE/prepare-first.tsv" ]; then
    cp "$OUT/prepare.tsv" "$CACHE/prepare-first.tsv"
    echo "$PREPARE_MS" > "$CACHE/prepare-first.ms"
fi
say "  preparation took $(awk -v m="$PREPARE_MS" 'BEGIN{printf "%.1f", m/1000}') s (first time, when the cache was made: $(awk '{printf "%.1f", $1/1000}' "$CACHE/prepare-first.ms") s)"

# studies.tsv: study uid description institution network series instances transfer_syntax bytes first_series first_instance first_file
declare -A UID_OF TS_OF FIRST_SERIES FIRST_SOP COUNT_OF BYTES_OF
STUDIES=()
while IFS=$'\t' read -r label uid _ _ _ _ n ts bytes fseries fsop _; do
    [ "$label" = study ] && continue
    [ -n "$ONLY" ] && ! [[ "$label" =~ $ONLY ]] && continue
    STUDIES+=("$label"); UID_OF[$label]=$uid; TS_OF[$label]=$ts; FIRST_SERIES[$label]=$fseries
    FIRST_SOP[$label]=$fsop; COUNT_OF[$label]=$n; BYTES_OF[$label]=$bytes
done < "$OUT/studies.tsv"
[ ${#STUDIES[@]} -gt 0 ] || { echo "no study matches --only $ONLY" >&2; exit 2; }

# --- peer decoders by transfer syntax ---------------------------------------------------------------------------
decoder_for() {
    case "$1" in
        1.2.840.10008.1.2.4.80|1.2.840.10008.1.2.4.81) echo dcmdjpls ;;
        1.2.840.10008.1.2.4.50|1.2.840.10008.1.2.4.51|1.2.840.10008.1.2.4.57|1.2.840.10008.1.2.4.70) echo dcmdjpeg ;;
        1.2.840.10008.1.2.5) echo dcmdrle ;;
        1.2.840.10008.1.2.4.90|1.2.840.10008.1.2.4.91) echo "gdcmconv --raw" ;;
        1.2.840.10008.1.2.1|1.2.840.10008.1.2) echo dcmconv ;;
        *) echo "" ;;
    esac
}
startup_image() { # ts -> a 16 x 16 image in that syntax, made by the peer's own encoder
    local ts=$1 tiny="$OUT/startup/ct_tiny_native.dcm" out="$OUT/startup/tiny_$1.dcm" enc
    [ -s "$out" ] && { echo "$out"; return 0; }
    case "$ts" in
        1.2.840.10008.1.2.4.80) enc=(dcmcjpls +el) ;;
        1.2.840.10008.1.2.4.81) enc=(dcmcjpls +en) ;;
        1.2.840.10008.1.2.4.70) enc=(dcmcjpeg +e1) ;;
        1.2.840.10008.1.2.4.51) enc=(dcmcjpeg +ee) ;;
        1.2.840.10008.1.2.5) enc=(dcmcrle) ;;
        1.2.840.10008.1.2.4.90) enc=(gdcmconv --j2k) ;;
        1.2.840.10008.1.2.1) cp "$tiny" "$out" && { echo "$out"; return 0; } ;;
        *) return 1 ;;
    esac
    "${enc[@]}" "$tiny" "$out" >/dev/null 2>&1 && [ -s "$out" ] && echo "$out"
}

# --- 2. Orthanc -------------------------------------------------------------------------------------------------
ORTHANC_BASE=""
free_port() {
    local p i
    for i in $(seq 50); do
        p=$((20000 + RANDOM % 40000))
        (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return 0; }
    done
    return 1
}
start_orthanc() {
    local attempt port
    grep -Eq '"RemoteAccessAllowed"[[:space:]]*:[[:space:]]*false' "$REFERENCE" \
        && grep -Eq '"DicomServerEnabled"[[:space:]]*:[[:space:]]*false' "$REFERENCE" \
        || { echo "the Orthanc reference configuration must keep RemoteAccessAllowed and DicomServerEnabled false" >&2; return 1; }
    mkdir -p "$ORTHANC_DIR"
    for attempt in 1 2 3; do
        port=$(free_port) || return 1
        sed -E -e "s/(\"HttpPort\"[[:space:]]*:[[:space:]]*)[0-9]+/\1$port/" \
               -e "s/(\"Host\"[[:space:]]*:[[:space:]]*\"127\.0\.0\.1:)[0-9]+\"/\1$port\"/" "$REFERENCE" > "$ORTHANC_DIR/orthanc.json"
        [ "$(grep -c "$port" "$ORTHANC_DIR/orthanc.json")" -ge 2 ] || { echo "cannot set the port in the Orthanc configuration" >&2; return 1; }
        rm -f "$ORTHANC_DIR/ctl" "$ORTHANC_DIR/orthanc.pid"; mkfifo "$ORTHANC_DIR/ctl"
        # Orthanc ends when this script's end of the pipe closes (exit, crash or kill -9), and after MAX_MINUTES at most
        ( cd "$ORTHANC_DIR" && exec timeout --kill-after=5 "$((MAX_MINUTES * 60))s" sh -c \
            'exec 3<&0; "$0" "$@" 3<&- & o=$!; echo $o > orthanc.pid; { cat <&3 > /dev/null; kill -TERM $o 2> /dev/null; } & exec 3<&-; wait $o' \
            /usr/sbin/Orthanc --logdir="$ORTHANC_DIR" "$ORTHANC_DIR/orthanc.json" < "$ORTHANC_DIR/ctl" > "$ORTHANC_DIR/stdout.log" 2>&1 ) &
        ORTHANC_PID=$!
        exec 8>"$ORTHANC_DIR/ctl"
        local i
        for i in $(seq 400); do   # 20 s
            if curl -sf -m 2 "http://127.0.0.1:$port/system" 2>/dev/null | grep -q "\"HttpPort\" : $port"; then
                ORTHANC_BASE="http://127.0.0.1:$port"
                return 0
            fi
            kill -0 "$ORTHANC_PID" 2>/dev/null || break
            sleep 0.05
        done
        exec 8>&-
        stop_pid "$(cat "$ORTHANC_DIR/orthanc.pid" 2>/dev/null)" Orthanc; stop_pid "$ORTHANC_PID" "Orthanc watchdog"; ORTHANC_PID=""
    done
    echo "Orthanc did not start; last log lines:" >&2; tail -5 "$ORTHANC_DIR/stdout.log" >&2
    return 1
}
orthanc_count() { # study uid -> instances Orthanc holds
    curl -s -m 30 "$ORTHANC_BASE/dicom-web/studies/$1/instances" 2>/dev/null | grep -o '"00080018"' | wc -l
}
load_orthanc() {
    local label uid dir pass n want
    for label in "${STUDIES[@]}"; do
        uid=${UID_OF[$label]}; dir=$OUT/peer-data/$label; want=${COUNT_OF[$label]}
        n=$(orthanc_count "$uid")
        for pass in 1 2 3; do
            [ "$n" = "$want" ] && [ "$(cat "$ORTHANC_DIR/loaded-$label" 2>/dev/null)" = "$(stat -c %s "$dir"/*.dcm | md5sum)" ] && break
            say "  loading $want instances of $label into Orthanc (pass $pass) ..."
            : > "$TMP/upload.cfg"
            for f in "$dir"/*.dcm; do
                printf 'url = "%s/instances"\ndata-binary = "@%s"\nheader = "Content-Type: application/dicom"\noutput = "/dev/null"\nwrite-out = "%%{http_code}\\n"\nnext\n' \
                    "$ORTHANC_BASE" "$f" >> "$TMP/upload.cfg"
            done
            timeout 900 curl -s -m 60 -K "$TMP/upload.cfg" > "$TMP/upload.codes" 2>/dev/null
            n=$(orthanc_count "$uid")
            [ "$n" = "$want" ] && stat -c %s "$dir"/*.dcm | md5sum > "$ORTHANC_DIR/loaded-$label"
        done
        [ "$n" = "$want" ] || { echo "Orthanc holds $n of $want instances of $label" >&2; return 1; }
    done
}
if [ "$PEER" = 1 ]; then
    say "starting Orthanc ..."
    if start_orthanc && load_orthanc; then
        say "  Orthanc $(curl -s "$ORTHANC_BASE/system" | sed -n 's/.*"Version" : "\([^"]*\)".*/\1/p' | head -1) on $ORTHANC_BASE, DICOMweb plugin $(curl -s "$ORTHANC_BASE/plugins/dicom-web" | sed -n 's/.*"Version" : "\([^"]*\)".*/\1/p' | head -1)"
    else
        PEER=0; PEER_WHY="peer not measured: Orthanc could not be started or loaded (see $ORTHANC_DIR/stdout.log)"
        say "PEER MISSING: $PEER_WHY"
    fi
fi

# same answer first: the peer decoder's output of the first instance and of the first series equals ours
if [ "$PEER" = 1 ]; then
    for label in "${STUDIES[@]}"; do
        dec=$(decoder_for "${TS_OF[$label]}")
        for f in "$OUT/peer-data/$label/00001.dcm" "$(ls "$OUT/peer-volumes/$label"/*.dcm | head -1)"; do
            rm -f "$TMP/decoded.dcm"
            if ! $dec "$f" "$TMP/decoded.dcm" >/dev/null 2>&1; then
                say "  peer: $dec cannot decode $f"; PEER_CHECK="$PEER_CHECK $label:failed"; continue
            fi
            res=$("${JAVA[@]}" nl.duoviewer.bench.compare.FrameComparison "$f" "$TMP/decoded.dcm" 2>&1)
            say "  $label $(basename "$f"): frames, max |ours - ${dec%% *}|, syntax of ${dec%% *}'s output: $res"
            [ "$(echo "$res" | cut -d' ' -f2)" = 0 ] || PEER_CHECK="$PEER_CHECK $label:$res"
        done
    done
    rm -f "$TMP/decoded.dcm"
fi

# --- network server ---------------------------------------------------------------------------------------------
say "starting the embedded network (server process) ..."
rm -f "$WORK/ctl" "$WORK"/*.properties; mkfifo "$WORK/ctl"
SERVER_ARGS=(--cache "$CACHE" --work "$WORK" --max-minutes "$MAX_MINUTES")
[ "$PEER" = 1 ] && SERVER_ARGS+=(--orthanc "$ORTHANC_BASE/dicom-web")
timeout --kill-after=5 "$((MAX_MINUTES * 60))s" "${JAVA[@]}" nl.duoviewer.bench.e2e.NetworkServer "${SERVER_ARGS[@]}" \
    < "$WORK/ctl" > "$WORK/server.log" 2>&1 &
SERVER_PID=$!
exec 7>"$WORK/ctl"
for i in $(seq 600); do grep -q '^READY' "$WORK/server.log" 2>/dev/null && break; kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
grep -q '^READY' "$WORK/server.log" || { echo "the network server did not start:" >&2; tail -20 "$WORK/server.log" >&2; exit 1; }

# --- measurements -----------------------------------------------------------------------------------------------
client() { # out run target path scenario [study]
    local out=$1 run=$2 target=$3 path=$4 scenario=$5 study=${6:-} config
    case "$target/$path" in
        embedded/RAD-75) config=$WORK/embedded-rad75.properties ;;
        orthanc/WADO-RS) config=$WORK/orthanc-wado.properties ;;
        *) config=$WORK/embedded-wado.properties ;;
    esac
    local args=(--config "$config" --scenario "$scenario" --run "$run" --target "$target" --path "$path"
                --iterations "$ITERATIONS" --out "$out" --timeout-s "$LOAD_TIMEOUT")
    [ -n "$study" ] && args+=(--study "$study")
    timeout $((LOAD_TIMEOUT * ITERATIONS + 120)) "${JAVA[@]}" nl.duoviewer.bench.e2e.ClientRun "${args[@]}" 2>>"$LOG" \
        || say "  ours: $target $path $scenario $study failed (exit $?; see $LOG)"
}

ACCEPT='multipart/related; type="application/dicom"; transfer-syntax=*'
curl_get() { # url -> "ttfb_s total_s bytes http_code" (a new curl process: a new connection)
    curl -s -m 600 -o /dev/null -H "Accept: $ACCEPT" -w '%{time_starttransfer} %{time_total} %{size_download} %{http_code}' "$1"
}
loop_ms() { # runs a decoder on each file given, in order; prints wall ms and the number of failures
    local dec=$1 t f bad=0
    shift
    t=$EPOCHREALTIME
    for f in "$@"; do $dec "$f" /dev/null >/dev/null 2>&1 || bad=$((bad + 1)); done
    echo "$(ms_since "$t") $bad"
}
median() { sort -g | awk '{a[NR]=$1} END {if (NR) print a[int((NR+1)/2)]; else print "nan"}'; }
peer_line() { printf '%s\torthanc\tcurl+dcmtk\t%s\tpeer\t%s\t%s\n' "$1" "$2" "$3" "$4" >> "$RAW"; }

peer() { # run study
    local run=$1 label=$2 uid=${UID_OF[$2]} ts=${TS_OF[$2]} dec tiny files r i
    dec=$(decoder_for "$ts"); tiny=$(startup_image "$ts")
    if [ -z "$dec" ] || [ -z "$tiny" ]; then say "  peer: no dcmtk/gdcm decoder or start-up image for $ts"; return; fi
    files=("$OUT/peer-data/$label"/*.dcm)
    # first image: the first instance alone (what a client asks for first), then decoded
    read -r _ first_s _ code < <(curl_get "$ORTHANC_BASE/dicom-web/studies/$uid/series/${FIRST_SERIES[$label]}/instances/${FIRST_SOP[$label]}")
    [ "$code" = 200 ] || { say "  peer: first instance of $label: HTTP $code"; return; }
    local diffs=() s f
    for i in 1 2 3 4 5; do   # paired with the start-up image, so load changes hit both
        read -r s _ < <(loop_ms "$dec" "$tiny"); read -r f _ < <(loop_ms "$dec" "${files[0]}")
        diffs+=("$(awk -v a="$f" -v b="$s" 'BEGIN{printf "%.3f", a - b}')")
    done
    local first_dec; first_dec=$(printf '%s\n' "${diffs[@]}" | median)
    # all images: the whole study in one multipart response
    read -r ttfb all_s all_bytes code < <(curl_get "$ORTHANC_BASE/dicom-web/studies/$uid")
    [ "$code" = 200 ] || { say "  peer: study $label: HTTP $code"; return; }
    # every frame decoded: one process per series (the instances' own frames regrouped, see SeriesVolumes), each
    # paired with a start-up run before and after; short series three times (median), so start-up noise averages out
    local vol decode_all=0 bad=0 startup_sum=0 nvol=0 t1 t2 v nf reps k vdiffs
    for vol in "$OUT/peer-volumes/$label"/*.dcm; do
        vdiffs=(); reps=3
        for ((k = 0; k < reps; k++)); do
            read -r t1 _ < <(loop_ms "$dec" "$tiny")
            read -r v nf < <(loop_ms "$dec" "$vol")
            read -r t2 _ < <(loop_ms "$dec" "$tiny")
            bad=$((bad + nf))
            vdiffs+=("$(awk -v v="$v" -v a="$t1" -v b="$t2" 'BEGIN{printf "%.3f", v - (a + b) / 2}')")
            startup_sum=$(awk -v s="$startup_sum" -v a="$t1" -v b="$t2" 'BEGIN{print s + (a + b) / 2}')
            nvol=$((nvol + 1))
            awk -v v="$v" 'BEGIN{exit !(v > 2000)}' && break   # long enough: start-up noise is small beside it
        done
        decode_all=$(awk -v s="$decode_all" -v d="$(printf '%s\n' "${vdiffs[@]}" | median)" 'BEGIN{printf "%.1f", s + d}')
    done
    local startup; startup=$(awk -v s="$startup_sum" -v n="$nvol" 'BEGIN{printf "%.3f", n ? s / n : 0}')
    [ "$bad" = 0 ] || say "  peer: $dec failed on $bad series of $label"
    peer_line "$run" "$label" first_instance_ms "$(awk -v s="$first_s" 'BEGIN{printf "%.3f", s * 1000}')"
    peer_line "$run" "$label" first_decode_ms "$first_dec"
    peer_line "$run" "$label" first_image_ms "$(awk -v s="$first_s" -v d="$first_dec" 'BEGIN{printf "%.3f", s * 1000 + d}')"
    peer_line "$run" "$label" study_ttfb_ms "$(awk -v s="$ttfb" 'BEGIN{printf "%.3f", s * 1000}')"
    peer_line "$run" "$label" all_bytes_ms "$(awk -v s="$all_s" 'BEGIN{printf "%.3f", s * 1000}')"
    peer_line "$run" "$label" study_bytes "$all_bytes"
    peer_line "$run" "$label" startup_ms "$startup"
    peer_line "$run" "$label" decode_all_ms "$decode_all"
    peer_line "$run" "$label" decode_failures "$bad"
    peer_line "$run" "$label" all_images_serial_ms "$(awk -v s="$all_s" -v d="$decode_all" 'BEGIN{printf "%.1f", s * 1000 + d}')"
    peer_line "$run" "$label" all_images_ideal_ms "$(awk -v s="$all_s" -v d="$decode_all" 'BEGIN{a = s * 1000; b = d / 2; printf "%.1f", (a > b ? a : b)}')"
}

{
    echo "# e2e $(date -u +%Y-%m-%dT%H:%MZ)  runs=$RUNS iterations=$ITERATIONS (per process: 1 cold + $((ITERATIONS - 1)) warm + 1 hot)"
    echo "# cpu: $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo)"
    echo "# java: $("$JAVA_HOME/bin/java" -version 2>&1 | sed -n 2p)"
    echo "# peer: $([ "$PEER" = 1 ] && echo "Orthanc $(dpkg-query -W -f='${Version}' orthanc 2>/dev/null), orthanc-dicomweb $(dpkg-query -W -f='${Version}' orthanc-dicomweb 2>/dev/null), $(curl --version | head -1 | cut -d' ' -f1-2), dcmtk $(dpkg-query -W -f='${Version}' dcmtk 2>/dev/null)" || echo "$PEER_WHY")"
    echo "# peer decoder output vs ours: $([ "$PEER" = 1 ] && { [ -z "$PEER_CHECK" ] && echo "identical (max abs difference 0) on every first instance and first series" || echo "DIFFERENT:$PEER_CHECK"; } || echo n/a)"
    echo "# preparation: ${PREPARE_MS} ms this time; $(cat "$CACHE/prepare-first.ms") ms the first time (rendering)"
    echo "# load at start: $(cut -d' ' -f1-3 /proc/loadavg)"
} > "$OUT/header.txt"
cat "$OUT/header.txt" | tee -a "$LOG"

# warm-up: the server processes answer each path once before anything is timed (results discarded)
say "warm-up (not measured) ..."
WARM=$TMP/warmup.tsv
smallest=${STUDIES[-1]}
client "$WARM" 0 embedded XCA timeline
for target_path in embedded/RAD-75 embedded/WADO-RS $([ "$PEER" = 1 ] && echo orthanc/WADO-RS); do
    client "$WARM" 0 "${target_path%/*}" "${target_path#*/}" study "$smallest"
done
[ "$PEER" = 1 ] && curl_get "$ORTHANC_BASE/dicom-web/studies/${UID_OF[$smallest]}" >/dev/null

printf 'run\ttarget\tpath\tstudy\tphase\tmetric\tvalue\n' > "$RAW"
for ((run = 1; run <= RUNS; run++)); do
    say "run $run of $RUNS (load $(cut -d' ' -f1-3 /proc/loadavg))"
    echo "# load before run $run: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/header.txt"
    client "$RAW" "$run" embedded XCA timeline
    for label in "${STUDIES[@]}"; do
        [ "$PEER" = 1 ] && peer "$run" "$label"
        [ "$PEER" = 1 ] && client "$RAW" "$run" orthanc WADO-RS study "$label"
        client "$RAW" "$run" embedded WADO-RS study "$label"
        client "$RAW" "$run" embedded RAD-75 study "$label"
    done
done
echo "# load at end: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/header.txt"

# --- report -----------------------------------------------------------------------------------------------------
"${JAVA[@]}" nl.duoviewer.bench.e2e.E2eReport --raw "$RAW" --studies "$OUT/studies.tsv" --header "$OUT/header.txt" \
    --out "$OUT" ${PEER_WHY:+--no-peer-reason "$PEER_WHY"} || { echo "report failed" >&2; exit 1; }
echo
cat "$OUT/header.txt"
echo
cat "$OUT/table.md"
echo
echo "results: $OUT/results.tsv (medians), $OUT/raw.tsv (every value), $OUT/table.md; log: $LOG"
