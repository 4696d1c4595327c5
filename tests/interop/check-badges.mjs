// Checks badges made by `mastery badges RECORD --out DIR` with other people's code:
// png-chunks-extract splits each PNG into chunks (not our reader), the one iTXt
// "openbadgecredential" chunk is decoded here per the PNG spec, and Ajv (JSON Schema
// 2019-09, with formats) validates the credential against 1EdTech's OB 3.0 schema from
// ../shared/fixtures. The SVG twins' <openbadges:credential> are validated too.
// Usage: node tests/interop/check-badges.mjs DIR     (npm ci in tests/interop first)
// Prints one result line; exits 1 on any failure; without the fixtures it skips only the
// schema validation.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import extract from "png-chunks-extract";
import Ajv2019 from "ajv/dist/2019.js";
import addFormats from "ajv-formats";

const here = path.dirname(fileURLToPath(import.meta.url));
const schemaPath = path.resolve(here, "../../../shared/fixtures/openbadges/ob30/ob_v3p0_achievementcredential_schema.json");
const dir = process.argv[2];

if (!dir) {
  console.error("usage: node check-badges.mjs DIR");
  process.exit(2);
}
// Without ../shared the chunks are still read by png-chunks-extract and the credentials
// still checked for what this project promises; only the schema validation is skipped.
const haveSchema = fs.existsSync(schemaPath);
if (!haveSchema) {
  console.log(`check-badges: schema check SKIPPED: 1EdTech's schema not found at ${schemaPath} (a fresh clone has no ../shared)`);
}
let validate = () => true;
if (haveSchema) {
  const ajv = new Ajv2019({ strict: false, allErrors: true });
  addFormats(ajv);
  validate = ajv.compile(JSON.parse(fs.readFileSync(schemaPath, "utf8")));
}

// iTXt: keyword NUL, compression flag, compression method, language NUL, translated keyword NUL, text
function readItxt(data) {
  const nul = data.indexOf(0);
  const keyword = Buffer.from(data.subarray(0, nul)).toString("latin1");
  const compressed = data[nul + 1] !== 0;
  const langEnd = data.indexOf(0, nul + 3);
  const transEnd = data.indexOf(0, langEnd + 1);
  const text = new TextDecoder("utf-8", { fatal: true }).decode(data.subarray(transEnd + 1));
  return { keyword, compressed, text };
}

function checkCredential(credential) {
  const problems = [];
  if (!validate(credential)) {
    for (const e of validate.errors.slice(0, 5)) problems.push(`${e.instancePath || "/"} ${e.message}`);
  }
  if (!/self-asserted/.test(credential.name ?? "")) problems.push("the name does not say self-asserted");
  if ("proof" in credential) problems.push("carries a proof it cannot have");
  return problems;
}

const failures = [];
let passed = 0;
const files = fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
for (const file of files) {
  const full = path.join(dir, file);
  let problems = [];
  try {
    if (file.endsWith(".png")) {
      const chunks = extract(new Uint8Array(fs.readFileSync(full)));
      const baked = chunks.filter((c) => c.name === "iTXt").map((c) => readItxt(c.data)).filter((t) => t.keyword === "openbadgecredential");
      if (baked.length !== 1) problems.push(`expected one openbadgecredential iTXt chunk, found ${baked.length}`);
      else if (baked[0].compressed) problems.push("the iTXt chunk is compressed");
      else if (chunks[chunks.length - 1].name !== "IEND") problems.push("the last chunk is not IEND");
      else problems = checkCredential(JSON.parse(baked[0].text));
    } else if (file.endsWith(".svg")) {
      const svg = fs.readFileSync(full, "utf8");
      const m = svg.match(/<openbadges:credential>([\s\S]*?)<\/openbadges:credential>/);
      if (!m) problems.push("no <openbadges:credential>");
      else {
        const text = [...m[1].matchAll(/<!\[CDATA\[([\s\S]*?)\]\]>/g)].map((x) => x[1]).join("");
        problems = checkCredential(JSON.parse(text));
      }
    } else {
      continue;
    }
  } catch (e) {
    problems.push(String(e.message ?? e));
  }
  if (problems.length) failures.push(`${file}: ${problems.join("; ")}`);
  else passed++;
}
for (const f of failures) console.log(`  FAIL ${f}`);
if (passed + failures.length === 0) {
  console.log(`check-badges: FAILED: no .png or .svg badges in ${dir}`);
  process.exit(1);
}
console.log(`check-badges: ${passed} passed, ${failures.length} failed (png-chunks-extract` +
  (haveSchema ? " + Ajv 2019-09, 1EdTech OB 3.0 schema)" : "; schema check skipped)"));
process.exit(failures.length ? 1 : 0);
