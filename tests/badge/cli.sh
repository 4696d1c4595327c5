#!/usr/bin/env bash
# `mastery badges`: exit codes, the files it writes, and (when tests/interop has its npm
# packages) the independent check of those files. Usage: cli.sh MASTERY_BINARY SOURCE_DIR
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
check() {  # check NAME command...
  local name="$1"; shift
  checks=$((checks + 1))
  if ! "$@"; then failures=$((failures + 1)); echo "FAIL: $name"; fi
}

record="$src/assets/records/sample-record.json"
expect "help lists the badges command" 0 "badges RECORD --out DIR" -- "$bin" --help
expect "badges needs --out" 2 "name a learner record and --out DIR" -- "$bin" badges "$record"
expect "an unknown option" 2 'unknown option "--colour"' -- "$bin" badges "$record" --out "$tmp/x" --colour
expect "a size out of range" 2 "--size must be a whole number from 16 to 4096" -- "$bin" badges "$record" --out "$tmp/x" --size 5
expect "a missing record" 2 "cannot read the file" -- "$bin" badges "$tmp/nope.json" --out "$tmp/x"
echo '{"format":"mastery-map/record","version":1}' > "$tmp/broken.json"
expect "an invalid record" 1 'missing required key "id"' -- "$bin" badges "$tmp/broken.json" --out "$tmp/x"
expect "every earned level of the sample record" 0 "Wrote 3 badges (PNG + SVG) for Sky Walker-Reyes" -- "$bin" badges "$record" --out "$tmp/out/nested"
check "file names from competency id and level name" test -f "$tmp/out/nested/ratios-1-developing.png" -a -f "$tmp/out/nested/ratios-1-developing.svg" -a -f "$tmp/out/nested/ela-claims-beginning.png"
check "the PNG is a PNG" bash -c "head -c 8 '$tmp/out/nested/ratios-1-beginning.png' | od -An -tx1 | grep -q '89 50 4e 47 0d 0a 1a 0a'"
check "the credential is baked in" grep -qa "openbadgecredential" "$tmp/out/nested/ratios-1-beginning.png"
expect "other sizes" 0 "Wrote 3 badges" -- "$bin" badges "$record" --out "$tmp/small" --size 64

if [[ -d "$src/tests/interop/node_modules/ajv" ]] && command -v node >/dev/null; then
  expect "png-chunks-extract + Ajv accept every badge" 0 "6 passed, 0 failed" -- node "$src/tests/interop/check-badges.mjs" "$tmp/out/nested"
else
  echo "SKIPPED: the interop check (run: cd tests/interop && npm ci)"
fi

# `mastery render`: one design as PNG or SVG (scripts/dist makes the app icons this way)
icon="$src/assets/app/icon.json"
expect "render writes a PNG" 0 "icon.png (48 px)" -- "$bin" render "$icon" --size 48 --out "$tmp/icon.png"
check "the PNG has the PNG signature and the asked size" bash -c "head -c 8 '$tmp/icon.png' | od -An -tx1 | tr -d ' \n' | grep -qx 89504e470d0a1a0a && [[ \$(od -An -tu1 -j16 -N8 '$tmp/icon.png' | tr -s ' ') == ' 0 0 0 48 0 0 0 48' ]]"
expect "render writes an SVG" 0 "icon.svg" -- "$bin" render "$icon" --out "$tmp/icon.svg"
check "the SVG is an svg element" grep -q "<svg" "$tmp/icon.svg"
expect "render needs .png or .svg" 2 "--out FILE.png or FILE.svg" -- "$bin" render "$icon" --out "$tmp/icon.gif"
printf '{"format": "mastery-map/badge", "version": 1, "layers": [{"type": "shape", "size": "big"}]}' > "$tmp/bad-design.json"
expect "a bad design names the place" 1 "bad-design.json: /layers/0/size" -- "$bin" render "$tmp/bad-design.json" --out "$tmp/bad.png"
check "nothing is written for a bad design" test ! -e "$tmp/bad.png"

echo "badge CLI: $((checks - failures)) passed, $failures failed"
[[ $failures -eq 0 ]]
