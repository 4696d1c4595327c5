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

# `mastery poster`: the competency chart with the learner's badges, to print
expect "help lists the poster command" 0 "poster RECORD --out FILE.png|FILE.svg" -- "$bin" --help
expect "poster needs --out FILE.png or .svg" 2 "--out FILE.png or FILE.svg" -- "$bin" poster "$record" --out "$tmp/chart.pdf"
expect "poster dpi out of range" 2 "--dpi must be a whole number from 72 to 600" -- "$bin" poster "$record" --out "$tmp/chart.png" --dpi 20
expect "poster paper" 2 "--paper is a4 or letter" -- "$bin" poster "$record" --out "$tmp/chart.png" --paper a3
expect "poster of a missing record" 2 "cannot read the file" -- "$bin" poster "$tmp/nope.json" --out "$tmp/chart.png"
expect "poster of an invalid record" 1 'missing required key "id"' -- "$bin" poster "$tmp/broken.json" --out "$tmp/chart.png"
expect "the sample poster as a PNG: one A4 page at 300 dpi" 0 "Wrote 1 page (3 badges, 81 empty spots, 21 of 21 rows) at 300 dpi, 2480 x 3508 px" -- \
  "$bin" poster "$record" --out "$tmp/chart.png" --date 2026-12-02
check "the poster PNG is 2480 x 3508" bash -c "head -c 8 '$tmp/chart.png' | od -An -tx1 | tr -d ' \n' | grep -qx 89504e470d0a1a0a && [[ \$(od -An -tu1 -j16 -N8 '$tmp/chart.png' | tr -s ' ') == ' 0 0 9 176 0 0 13 180' ]]"
expect "the sample poster as an SVG" 0 "Wrote 1 page (3 badges" -- "$bin" poster "$record" --out "$tmp/chart.svg" --date 2026-12-02
check "the poster SVG parses (Python's XML parser): 3 badges, the learner, the date" python3 -c "
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
ns = '{http://www.w3.org/2000/svg}'
earned = [g for g in root.iter(ns + 'g') if g.get('class') == 'sticker earned']
words = [t.text for t in root.iter(ns + 'text')]
assert root.tag == ns + 'svg' and root.get('width') == '210mm', root.attrib
assert len(earned) == 3, len(earned)
assert 'Sky Walker-Reyes' in words and '2026-12-02' in words, words[:6]
" "$tmp/chart.svg"
expect "by stack the sample's rows (some skills in two stacks) take two pages" 0 "Wrote 2 pages (6 badges" -- "$bin" poster "$record" --out "$tmp/stacks.svg" --by stack
check "two pages are two files" test -f "$tmp/stacks-1.svg" -a -f "$tmp/stacks-2.svg" -a ! -e "$tmp/stacks.svg"
expect "US Letter at 100 dpi" 0 "at 100 dpi, 850 x 1100 px" -- "$bin" poster "$record" --out "$tmp/letter.png" --paper letter --dpi 100
check "the same poster twice is the same bytes" bash -c "'$bin' poster '$record' --out '$tmp/again.png' --date 2026-12-02 >/dev/null && cmp -s '$tmp/chart.png' '$tmp/again.png'"

echo "badge CLI: $((checks - failures)) passed, $failures failed"
[[ $failures -eq 0 ]]
