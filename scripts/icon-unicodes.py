#!/usr/bin/env python3
"""Writes the codepoints of assets/badges/icons.json as a pyftsubset --unicodes-file
(one U+XXXX per line), so the web build embeds only the icons the studio offers."""
import json
import sys

table = json.load(open(sys.argv[1], encoding="utf-8"))
with open(sys.argv[2], "w", encoding="ascii") as out:
    for icon in table["icons"]:
        out.write("U+%s\n" % icon["codepoint"].upper())
