#!/usr/bin/env bash
# CLI behaviour: exit codes (0 valid, 1 invalid, 2 usage/unreadable), one line per problem
# with its JSON Pointer, and no crash on any bytes. Usage: run.sh MASTERY_BINARY SOURCE_DIR
set -u
bin="$1"; src="$2"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
failures=0; checks=0

expect() {  # expect NAME EXIT_CODE PATTERN -- command...
  local name="$1" code="$2" pattern="$3"; shift 4
  local out rc
  out="$("$@" 2>&1)"; rc=$?
  checks=$((checks + 1))
  if [[ $rc -ne $code ]] || ! grep -qF -- "$pattern" <<<"$out"; then
    failures=$((failures + 1))
    printf 'FAIL: %s\n  expected exit %s and output containing: %s\n  got exit %s:\n%s\n' "$name" "$code" "$pattern" "$rc" "$out"
  fi
}

pw="$src/assets/pathways/middle-school-explorer.json"
expect "help" 0 "validate FILE" -- "$bin" --help
expect "no arguments is a usage error" 2 "Usage: mastery" -- "$bin"
expect "unknown command" 2 'unknown command "frobnicate"' -- "$bin" frobnicate
expect "validate needs a file" 2 "name at least one file" -- "$bin" validate
expect "bundled pathways are valid" 0 "performance-assessment.json: valid pathway" -- "$bin" validate "$src"/assets/pathways/*.json
expect "the pathway index is checked with its files" 0 "index.json: valid pathway index" -- "$bin" validate "$src/assets/pathways/index.json"
expect "the sample record is valid" 0 "sample-record.json: valid learner record" -- "$bin" validate "$src/assets/records/sample-record.json"
expect "a missing file" 2 "nope.json: cannot read the file" -- "$bin" validate "$tmp/nope.json"

head -c 3000 /dev/urandom > "$tmp/random.bin"
expect "random bytes" 1 "random.bin: not" -- "$bin" validate "$tmp/random.bin"
: > "$tmp/empty.json"
expect "an empty file" 1 "empty.json: the file is empty" -- "$bin" validate "$tmp/empty.json"
head -c 500 "$pw" > "$tmp/truncated.json"
expect "a truncated file" 1 "truncated.json: not valid JSON at line" -- "$bin" validate "$tmp/truncated.json"
sed 's/"competency": "ratios-1"/"competency": "alg-2"/' "$pw" > "$tmp/dangling.json"
expect "a dangling prerequisite names its pointer" 1 ': unknown competency "alg-2"' -- "$bin" validate "$tmp/dangling.json"
sed '0,/"version": 1/s//"version": 9/' "$pw" > "$tmp/newer.json"
expect "a newer version" 1 "newer version of Mastery Map" -- "$bin" validate "$tmp/newer.json"
expect "valid and invalid together exit 1" 1 "middle-school-explorer.json: valid pathway" -- "$bin" validate "$pw" "$tmp/empty.json"
expect "unreadable wins over invalid" 2 "empty.json: the file is empty" -- "$bin" validate "$tmp/empty.json" "$tmp/nope.json"
expect "summary of the sample record" 0 "Next steps:" -- "$bin" summary "$src/assets/records/sample-record.json"
expect "summary lists stacks as N of M" 0 "Data Storyteller  0 of 3" -- "$bin" summary "$src/assets/records/sample-record.json"
expect "summary of a pathway is refused" 1 "not a Mastery Map learner record" -- "$bin" summary "$pw"

echo "cli tests: $((checks - failures)) of $checks passed"
[[ $failures -eq 0 ]]
