#!/usr/bin/env bash
# Kills ncp-codegen with SIGKILL at random moments while it regenerates a client over an older one, and checks
# that every kill leaves the output folder exactly old or exactly new, and that the next run cleans up and finishes.
# Usage: Tests/kill-safety.sh [KILLS]   (from the package root, after `swift build --product ncp-codegen`)
set -euo pipefail
cd "$(dirname "$0")/.."
kills=${1:-30}
codegen=.build/debug/ncp-codegen
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Two specs whose clients differ in every file: another NCP API's, then Media Intelligence's.
mkdir "$work/old-spec"
cp Tests/NCPAPIs/vpc-server.yaml "$work/old-spec/"
cp -R spec "$work/new-spec"
"$codegen" --spec "$work/old-spec" --output "$work/old" --test-double-output "$work/old-double" >/dev/null
"$codegen" --spec "$work/new-spec" --output "$work/new" --test-double-output "$work/new-double" >/dev/null
if diff -rq "$work/old" "$work/new" >/dev/null; then echo "error: the two specs generate the same client" >&2; exit 1; fi

landed_old=0 landed_new=0
for attempt in $(seq 1 "$kills"); do
    rm -rf "$work/out" "$work/.out.ncp-codegen-new"
    cp -R "$work/old" "$work/out"
    "$codegen" --spec "$work/new-spec" --output "$work/out" --test-double-output "$work/out-double" >/dev/null 2>&1 &
    pid=$!
    # Most of a run is loading and rendering; spread the kills over all of it.
    sleep "0.$(printf '%03d' $((RANDOM % 400)))"
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    if diff -rq "$work/old" "$work/out" >/dev/null; then
        landed_old=$((landed_old + 1))
    elif diff -rq "$work/new" "$work/out" >/dev/null; then
        landed_new=$((landed_new + 1))
    else
        echo "error: kill $attempt left a folder that is neither the old client nor the new one:" >&2
        diff -rq "$work/new" "$work/out" >&2 || true
        exit 1
    fi
    # The next run removes what the killed one left beside the folder, and ends with the new client.
    "$codegen" --spec "$work/new-spec" --output "$work/out" --test-double-output "$work/out-double" >/dev/null
    diff -r "$work/new" "$work/out" >/dev/null
    leftovers=$(find "$work" -maxdepth 1 -name '.*ncp-codegen*' | wc -l)
    if [ "$leftovers" != 0 ]; then echo "error: a side folder survived the run after kill $attempt" >&2; exit 1; fi
done
echo "kill safety: $kills kills, $landed_old left the old client, $landed_new the new one, none a mix"
