# Helpers for .ci/run: step bookkeeping, `dotnet test` summary parsing, the final summary.
# Sourced, not executed. Needs LOG_DIR set before run_step is used.

STEP_NAMES=()
declare -A STEP_STATUS=() STEP_SECONDS=() STEP_LOG=()

pkg_installed() {
    dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

step_slug() {
    local s=${1,,}
    s=${s//[^a-z0-9]/-}
    while [[ $s == *--* ]]; do s=${s//--/-}; done
    s=${s#-}
    printf '%s' "${s%-}"
}

# run_step NAME COMMAND [ARGS...]
# Runs the command (a function or a program) in the current shell, so functions can set
# variables; its output goes to the console and to $LOG_DIR/<slug>.log. Returns its exit code.
run_step() {
    local name=$1
    shift
    local log="$LOG_DIR/$(step_slug "$name").log"
    STEP_NAMES+=("$name")
    STEP_LOG[$name]=$log
    echo
    echo "== $name =="
    local start=$SECONDS rc=0 fd tee_pid i
    exec {fd}> >(tee -a "$log")
    tee_pid=$!
    # `|| rc=$?` keeps errexit from ending the script; the command's own failures are reported.
    # (The extra descriptor is closed for the command so that daemons it starts, such as postgres,
    # don't keep the pipe open.)
    "$@" >&"$fd" 2>&1 </dev/null {fd}>&- || rc=$?
    exec {fd}>&-
    # Let tee drain; don't hang if a leftover background process still holds the pipe open.
    for ((i = 0; i < 100; i++)); do
        kill -0 "$tee_pid" 2>/dev/null || break
        sleep 0.1
    done
    kill "$tee_pid" 2>/dev/null || true
    STEP_SECONDS[$name]=$((SECONDS - start))
    if ((rc == 0)); then
        STEP_STATUS[$name]=OK
    else
        STEP_STATUS[$name]=FAILED
        echo "-- $name FAILED (exit code $rc) --"
    fi
    return "$rc"
}

skip_step() {
    local name=$1 why=$2
    STEP_NAMES+=("$name")
    STEP_STATUS[$name]=SKIPPED
    STEP_SECONDS[$name]=0
    echo
    echo "== $name =="
    echo "-- skipped: $why --"
}

step_ok() {
    [[ ${STEP_STATUS[$1]:-} == OK ]]
}

# parse_test_log FILE -> prints "PASSED FAILED SKIPPED ASSEMBLIES"
# Sums the per-assembly VSTest lines
#   Passed!  - Failed:     0, Passed:   123, Skipped:     2, Total:   125, Duration: 1 s - X.dll (net10.0)
#   Failed!  - Failed:     1, Passed:   122, Skipped:     2, Total:   125, Duration: 1 s - X.dll (net10.0)
# and falls back to the Microsoft.Testing.Platform "Test run summary" block
# (total:/failed:/succeeded:/skipped: lines) when there are none.
parse_test_log() {
    local file=$1
    [[ -f $file ]] || { echo "0 0 0 0"; return; }
    sed -e 's/\x1b\[[0-9;?]*[A-Za-z]//g' -e 's/\r$//' "$file" | awk '
        function num(s, key,   r) {
            if (match(s, key ":[ \t]*[0-9]+")) {
                r = substr(s, RSTART, RLENGTH); sub(/^[^0-9]*/, "", r); return r + 0
            }
            return 0
        }
        /^[ \t]*(Passed|Failed)![ \t]+-[ \t]+Failed:[ \t]*[0-9]+,[ \t]*Passed:[ \t]*[0-9]+/ {
            vf += num($0, "Failed"); vp += num($0, "Passed"); vs += num($0, "Skipped"); va++
            next
        }
        /^[ \t]*Test run summary:/ { insum = 1; ma++; next }
        insum && /^[ \t]*failed:[ \t]*[0-9]+/    { mf += num($0, "failed"); next }
        insum && /^[ \t]*succeeded:[ \t]*[0-9]+/ { mp += num($0, "succeeded"); next }
        insum && /^[ \t]*skipped:[ \t]*[0-9]+/   { ms += num($0, "skipped"); next }
        insum && /^[ \t]*(total|duration|error):/ { next }
        insum { insum = 0 }
        END {
            if (va > 0) print vp + 0, vf + 0, vs + 0, va + 0
            else print mp + 0, mf + 0, ms + 0, ma + 0
        }'
}

# print_failures LOG: each failed test's name and the first lines of its message, from the console log
# (vstest prints "  Failed Name [time]", "  Error Message:", the message, "  Stack Trace:").
print_failures() {
    awk '
        /^[ \t]+Failed [A-Za-z_][A-Za-z0-9_.]*.*\[[^]]*\][ \t]*$/ { sub(/^[ \t]+/, ""); print "    " $0; msg = 0; n = 0; next }
        /^[ \t]+Error Message:/ { msg = 1; next }
        /^[ \t]+(Stack Trace|Standard Output Messages):/ { msg = 0; next }
        msg && n < 6 { sub(/^[ \t]+/, ""); print "      " substr($0, 1, 300); n++ }
    ' "$1"
}

# print_summary TEST_STEP... ; sets SUMMARY_RC. The last line printed is the test total.
print_summary() {
    local name status all_ok=1 total_p=0 total_f=0 total_s=0 p f s a
    echo
    echo "== summary =="
    for name in "${STEP_NAMES[@]}"; do
        status=${STEP_STATUS[$name]}
        [[ $status == OK ]] || all_ok=0
        printf '  %-42s %-8s %5ss\n' "$name" "$status" "${STEP_SECONDS[$name]}"
    done
    echo
    for name in "$@"; do
        if [[ -z ${STEP_STATUS[$name]:-} || ${STEP_STATUS[$name]} == SKIPPED ]]; then
            printf '  %-42s not run\n' "$name"
            continue
        fi
        read -r p f s a < <(parse_test_log "${STEP_LOG[$name]}")
        printf '  %-42s %d passed, %d failed, %d skipped (%d test assemblies)\n' "$name" "$p" "$f" "$s" "$a"
        if ((f > 0)); then print_failures "${STEP_LOG[$name]}"; fi
        total_p=$((total_p + p))
        total_f=$((total_f + f))
        total_s=$((total_s + s))
    done
    SUMMARY_RC=0
    if ((!all_ok)); then
        echo "  RESULT: FAILED (a step failed)"
        SUMMARY_RC=1
    elif ((total_f > 0)); then
        echo "  RESULT: FAILED ($total_f failing tests)"
        SUMMARY_RC=1
    elif ((total_p + total_f == 0)); then
        echo "  RESULT: FAILED (no tests ran)"
        SUMMARY_RC=1
    else
        echo "  RESULT: OK"
    fi
    echo
    if ((total_s > 0)); then
        echo "$total_p passed, $total_f failed, $total_s skipped"
    else
        echo "$total_p passed, $total_f failed"
    fi
}
