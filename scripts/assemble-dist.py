#!/usr/bin/env python3
"""Finishes dist/ after scripts/dist copied the built site into dist/site:
stamps the build (a hash of the files) into index.html and sw.js, versions the app's file
names, lists the files the service worker keeps for offline use, zips the folder, and
writes the single-file copy dist/mastery-map.html. Standard library only."""
import base64
import hashlib
import json
import pathlib
import re
import sys
import zipfile

dist = pathlib.Path(sys.argv[1])
site = dist / "site"

files = sorted(p for p in site.rglob("*") if p.is_file() and p.name != "sw.js")
digest = hashlib.sha256()
for p in files:
    digest.update(p.relative_to(site).as_posix().encode())
    digest.update(p.read_bytes())
build = digest.hexdigest()[:12]

index_path = site / "index.html"
index = index_path.read_text(encoding="utf-8")
scripts = re.findall(r'<script src="([^"?]+\.js)"></script>', index)
index = index.replace('<meta name="mastery-build" content="dev">', f'<meta name="mastery-build" content="{build}">')
index = index.replace('<link rel="icon" href="data:,">',
                      '<link rel="icon" href="icons/icon.svg" type="image/svg+xml">\n'
                      '<link rel="manifest" href="manifest.webmanifest">\n'
                      '<link rel="apple-touch-icon" href="icons/icon-192.png">')
for name in scripts:
    index = index.replace(f'<script src="{name}"></script>', f'<script src="{name}?v={build}"></script>')
index_path.write_text(index, encoding="utf-8")

# What the service worker keeps: every file, as the page asks for it (app code versioned).
def request_name(p):
    rel = p.relative_to(site).as_posix()
    return f"{rel}?v={build}" if p.suffix in (".js", ".wasm") else rel
keep = ["./"] + [request_name(p) for p in files]
sw_path = site / "sw.js"
sw = sw_path.read_text(encoding="utf-8")
sw = sw.replace("'__MASTERY_BUILD__'", json.dumps(build))
sw = sw.replace("[/* __MASTERY_FILES__ */]", json.dumps(keep, indent=0))
sw_path.write_text(sw, encoding="utf-8")

with zipfile.ZipFile(dist / "mastery-map.zip", "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    for p in sorted(site.rglob("*")):
        if p.is_file():
            z.write(p, "mastery-map/" + p.relative_to(site).as_posix())

# The single file: scripts inline, the wasm and the badge icon font as base64, pathways and
# sample records carried along (no fetch works from file://), and a policy that allows
# exactly that and no network.
def script_safe(text):
    return text.replace("</", "<\\/")

single = index
single = re.sub(r'<meta http-equiv="Content-Security-Policy" content="[^"]*">',
                '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
                "script-src 'unsafe-inline' 'wasm-unsafe-eval'; style-src 'unsafe-inline'; "
                "img-src data: blob:; connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'\">",
                single)
single = re.sub(r'<link rel="(icon|manifest|apple-touch-icon)"[^>]*>\n?', "", single)
single = single.replace('<meta name="mastery-build"', '<meta name="mastery-single-file" content="1">\n<meta name="mastery-build"')
bundled = {}
for folder in ("pathways", "records"):
    for p in sorted((site / folder).glob("*.json")):
        bundled[f"{folder}/{p.name}"] = p.read_text(encoding="utf-8")
fonts = {f"fonts/{p.name}": base64.b64encode(p.read_bytes()).decode("ascii") for p in sorted((site / "fonts").glob("*.ttf"))}
payload = {"wasm": base64.b64encode((site / "mastery-map.wasm").read_bytes()).decode("ascii"), "files": bundled, "fonts": fonts}
app_js = (site / "mastery-map.js").read_text(encoding="utf-8")
if "</script" in app_js.lower():
    sys.exit("assemble-dist: mastery-map.js contains </script; cannot inline it")
inline = (f"<script>window.MASTERY_INLINE = {script_safe(json.dumps(payload))};</script>\n"
          f'<script type="text/plain" id="mastery-app-js">{app_js}</script>\n')
for n, name in enumerate(scripts):
    code = (site / name).read_text(encoding="utf-8")
    tag = f'<script src="{name}?v={build}"></script>'
    single = single.replace(tag, (inline if n == 0 else "") + f"<script>{script_safe(code)}</script>")
(dist / "mastery-map.html").write_text(single, encoding="utf-8")
print(f"assemble-dist: build {build}, {len(files)} files, {len(keep)} kept offline, "
      f"{len(bundled)} pathways/records in the single file")
