#!/usr/bin/env bash
# Installs the system tools the tests use, only what is missing, quietly and idempotently:
#   dcmtk, libgdcm-tools, openjph-tools  reference DICOM and HTJ2K decoders/encoders
#   orthanc, orthanc-dicomweb, orthanc-gdcm  a real DICOMweb peer (GDCM plugin for its JPEG 2000 frames) (its Debian service is kept from starting; tests start their own)
#   xvfb, xauth  a virtual display for running the real app window (headless UI tests use Monocle and need none)
#   softhsm2  a real PKCS#11 token (SoftHSM) for the UZI-pas and HSM tests; the tests make their own tokens in temporary folders
#   fakeroot  for jpackage's .deb
#   libgtk-3-0  JavaFX's window toolkit, for the test that starts the packaged app on a virtual display
#   rsyslog, rsyslog-gnutls  a real TLS syslog receiver (RFC 5425) for the audit tests (its Debian service is kept from starting; tests start their own)
#   git  FreshCloneIT clones the repository to run every documented command on a fresh clone
#   fonts-dejavu-core  system fonts, so the reports test's control run of plain PDFBox has fonts to scan and cache
# As root it uses apt-get; otherwise it prints what is missing and carries on (the tests that need it say so).
set -uo pipefail

PACKAGES=(dcmtk libgdcm-tools openjph-tools orthanc orthanc-dicomweb orthanc-gdcm xvfb xauth fakeroot libgtk-3-0 rsyslog rsyslog-gnutls softhsm2 git fonts-dejavu-core)

missing=()
for pkg in "${PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$pkg")
    fi
done
[ "${#missing[@]}" -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "install-test-tools: missing packages (install them as root: apt-get install ${missing[*]}): ${missing[*]}" >&2
    exit 0
fi

# Keep Debian's maintainer scripts from starting services (orthanc) while installing; restore any existing policy.
POLICY=/usr/sbin/policy-rc.d
saved_policy=""
if [ -e "$POLICY" ]; then
    saved_policy="$(mktemp)"
    cp -p "$POLICY" "$saved_policy"
fi
restore_policy() {
    if [ -n "$saved_policy" ]; then mv -f "$saved_policy" "$POLICY"; else rm -f "$POLICY"; fi
}
trap restore_policy EXIT
printf '#!/bin/sh\nexit 101\n' > "$POLICY"
chmod 755 "$POLICY"

export DEBIAN_FRONTEND=noninteractive
log="$(mktemp)"
if ! { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >"$log" 2>&1; then
    cat "$log" >&2
    echo "install-test-tools: apt-get failed; missing: ${missing[*]}" >&2
    rm -f "$log"
    exit 0
fi
rm -f "$log"

# A service started anyway (e.g. by a systemd unit) would hold Orthanc's default ports or write the machine's syslog
# where the tests do not look: stop the Debian ones (the tests start their own, with their own configuration).
if command -v systemctl >/dev/null 2>&1; then
    for svc in orthanc rsyslog; do
        if systemctl is-active --quiet "$svc" 2>/dev/null; then
            systemctl stop "$svc" >/dev/null 2>&1 || true
            systemctl disable "$svc" >/dev/null 2>&1 || true
        fi
    done
fi
echo "install-test-tools: installed ${missing[*]}"
