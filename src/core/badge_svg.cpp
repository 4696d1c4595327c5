// Geometry -> a standalone SVG 1.1 document: one <path> per polygon, grouped per design
// layer, gradients in <defs>, optional Open Badges 3.0 credential baked in as
// <openbadges:credential> (CDATA). Deterministic text: fixed number formatting.
#include "mastery/badge.hpp"

#include <cmath>
#include <cstdio>

namespace mastery {

// Two decimals, trailing zeros trimmed: "12.5", "3", "-0.25".
std::string svg_number(double v) {
    if (std::fabs(v) < 0.005) return "0";
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    std::string s = buf;
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
    return s;
}

std::string xml_escape(const std::string& s) {
    std::string out;
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&apos;"; break;
            default:
                // XML 1.0 forbids most control characters even when escaped
                if ((unsigned char)c >= 0x20 || c == '\t' || c == '\n' || c == '\r') out += c;
        }
    }
    return out;
}

namespace {

std::string num(double v) { return svg_number(v); }

std::string colour_attrs(const char* what, Rgba c) {
    char hex[8];
    std::snprintf(hex, sizeof hex, "#%02x%02x%02x", c.r, c.g, c.b);
    std::string s = std::string(what) + "=\"" + hex + "\"";
    if (c.a != 255) s += std::string(" ") + what + "-opacity=\"" + num(c.a / 255.0) + "\"";
    return s;
}

std::string stop(double offset, Rgba c) {
    char hex[8];
    std::snprintf(hex, sizeof hex, "#%02x%02x%02x", c.r, c.g, c.b);
    std::string s = "<stop offset=\"" + num(offset) + "\" stop-color=\"" + hex + "\"";
    if (c.a != 255) s += " stop-opacity=\"" + num(c.a / 255.0) + "\"";
    return s + "/>";
}

}  // namespace

SvgParts badge_svg_parts(const BadgeGeometry& g, const std::string& id_prefix) {
    SvgParts out;
    int gradients = 0;
    int open_layer = -2;
    for (const auto& p : g.polygons) {
        if (p.layer != open_layer) {
            if (open_layer != -2) out.body += "</g>\n";
            out.body += "<g id=\"" + id_prefix + "layer-" + std::to_string(p.layer) + "\">\n";
            open_layer = p.layer;
        }
        std::string d;
        for (const auto& c : p.contours) {
            if (c.size() < 2) continue;
            d += (d.empty() ? "M" : " M") + num(c[0].x) + " " + num(c[0].y) + "L";
            for (std::size_t i = 1; i < c.size(); ++i) d += (i > 1 ? " " : "") + num(c[i].x) + " " + num(c[i].y);
            d += "Z";
        }
        if (d.empty()) continue;
        std::string fill;
        if (p.paint.gradient) {
            std::string id = id_prefix + "g" + std::to_string(gradients++);
            out.defs += "<linearGradient id=\"" + id + "\" gradientUnits=\"userSpaceOnUse\" x1=\"" + num(p.paint.from.x) + "\" y1=\"" +
                        num(p.paint.from.y) + "\" x2=\"" + num(p.paint.to.x) + "\" y2=\"" + num(p.paint.to.y) + "\">" +
                        stop(0, p.paint.color) + stop(1, p.paint.color2) + "</linearGradient>\n";
            fill = "fill=\"url(#" + id + ")\"";
        } else {
            fill = colour_attrs("fill", p.paint.color);
        }
        out.body += "<path d=\"" + d + "\" " + fill + " fill-rule=\"" + (p.rule == FillRule::even_odd ? "evenodd" : "nonzero") + "\"/>\n";
    }
    if (open_layer != -2) out.body += "</g>\n";
    return out;
}

std::string badge_svg(const BadgeGeometry& g, const SvgOptions& options) {
    std::string size = num(g.size);
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out += "<svg xmlns=\"http://www.w3.org/2000/svg\"";
    if (!options.credential.empty()) out += " xmlns:openbadges=\"https://purl.imsglobal.org/ob/v3p0\"";
    out += " version=\"1.1\" width=\"" + size + "\" height=\"" + size + "\" viewBox=\"0 0 " + size + " " + size + "\">\n";
    if (!options.title.empty()) out += "<title>" + xml_escape(options.title) + "</title>\n";
    if (!options.credential.empty()) {
        // "]]>" cannot appear inside CDATA: split it across two sections
        std::string body;
        const std::string& c = options.credential;
        for (std::size_t i = 0; i < c.size(); ++i) {
            if (c.compare(i, 3, "]]>") == 0) {
                body += "]]]]><![CDATA[>";
                i += 2;
            } else {
                body += c[i];
            }
        }
        out += "<openbadges:credential><![CDATA[" + body + "]]></openbadges:credential>\n";
    }
    SvgParts parts = badge_svg_parts(g, "");
    if (!parts.defs.empty()) out += "<defs>\n" + parts.defs + "</defs>\n";
    out += parts.body + "</svg>\n";
    return out;
}

}  // namespace mastery
