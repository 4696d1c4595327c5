// PNG bytes: encoding and decoding through Debian's stb headers (static in this file),
// the chunk reader, CRC-32, and Open Badges baking: one uncompressed iTXt chunk before
// IEND (keyword, 0, compression flag 0, method 0, empty language, 0, empty translated
// keyword, 0, UTF-8 text).
#define STB_IMAGE_WRITE_STATIC
#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb/stb_image_write.h>
#define STB_IMAGE_STATIC
#define STB_IMAGE_IMPLEMENTATION
#define STBI_ONLY_PNG
#define STBI_NO_STDIO
#include <stb/stb_image.h>

#include "badge_export.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace mastery {

// --- CRC-32 (reflected polynomial 0xEDB88320; hand-written so Emscripten needs no zlib) --

std::uint32_t crc32(const std::uint8_t* data, std::size_t size, std::uint32_t crc) {
    static const auto table = [] {
        std::array<std::uint32_t, 256> t{};
        for (std::uint32_t n = 0; n < 256; ++n) {
            std::uint32_t c = n;
            for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        return t;
    }();
    crc = ~crc;
    for (std::size_t i = 0; i < size; ++i) crc = table[(crc ^ data[i]) & 0xFF] ^ (crc >> 8);
    return ~crc;
}

// --- encode / decode ---------------------------------------------------------------------

namespace {
void append_bytes(void* context, void* data, int size) {
    auto* out = static_cast<std::vector<std::uint8_t>*>(context);
    auto* bytes = static_cast<const std::uint8_t*>(data);
    out->insert(out->end(), bytes, bytes + size);
}
}  // namespace

std::vector<std::uint8_t> encode_png(const Image& img) {
    std::vector<std::uint8_t> out;
    if (img.width <= 0 || img.height <= 0 || img.rgba.size() != std::size_t(img.width) * std::size_t(img.height) * 4) return out;
    if (!stbi_write_png_to_func(append_bytes, &out, img.width, img.height, 4, img.rgba.data(), img.width * 4)) out.clear();
    return out;
}

std::optional<Image> decode_png(const std::vector<std::uint8_t>& png) {
    if (png.empty() || png.size() > (1u << 30)) return std::nullopt;
    int w = 0, h = 0, channels = 0;
    stbi_uc* pixels = stbi_load_from_memory(png.data(), int(png.size()), &w, &h, &channels, 4);
    if (!pixels) return std::nullopt;
    Image img;
    img.width = w;
    img.height = h;
    img.rgba.assign(pixels, pixels + std::size_t(w) * std::size_t(h) * 4);
    stbi_image_free(pixels);
    return img;
}

// --- chunks -------------------------------------------------------------------------------

namespace {
constexpr std::uint8_t kSignature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

std::uint32_t read_be32(const std::uint8_t* p) {
    return (std::uint32_t(p[0]) << 24) | (std::uint32_t(p[1]) << 16) | (std::uint32_t(p[2]) << 8) | std::uint32_t(p[3]);
}
void write_be32(std::vector<std::uint8_t>& out, std::uint32_t v) {
    for (int shift = 24; shift >= 0; shift -= 8) out.push_back(std::uint8_t(v >> shift));
}
void write_chunk(std::vector<std::uint8_t>& out, const PngChunk& c) {
    write_be32(out, std::uint32_t(c.data.size()));
    std::size_t start = out.size();
    out.insert(out.end(), c.type.begin(), c.type.end());
    out.insert(out.end(), c.data.begin(), c.data.end());
    write_be32(out, crc32(out.data() + start, out.size() - start));
}
bool fail(std::string* error, std::string message) {
    if (error) *error = std::move(message);
    return false;
}

// The keyword and text of an iTXt chunk; false for a malformed or compressed one.
bool parse_itxt(const std::vector<std::uint8_t>& d, std::string& keyword, std::string& text, std::string* error) {
    auto nul = std::find(d.begin(), d.end(), std::uint8_t(0));
    if (nul == d.end() || nul == d.begin()) return fail(error, "malformed iTXt chunk (no keyword)");
    keyword.assign(d.begin(), nul);
    auto p = nul + 1;
    if (d.end() - p < 2) return fail(error, "malformed iTXt chunk (truncated header)");
    bool compressed = *p != 0;
    p += 2;  // compression flag, compression method
    auto lang_end = std::find(p, d.end(), std::uint8_t(0));
    if (lang_end == d.end()) return fail(error, "malformed iTXt chunk (no language tag)");
    auto tk_end = std::find(lang_end + 1, d.end(), std::uint8_t(0));
    if (tk_end == d.end()) return fail(error, "malformed iTXt chunk (no translated keyword)");
    if (compressed) return fail(error, "the \"" + keyword + "\" iTXt chunk is compressed; Open Badges requires it uncompressed");
    text.assign(tk_end + 1, d.end());
    return true;
}
}  // namespace

std::optional<std::vector<PngChunk>> png_chunks(const std::vector<std::uint8_t>& png, std::string* error) {
    if (png.size() < 8 || std::memcmp(png.data(), kSignature, 8) != 0) {
        fail(error, "not a PNG file (bad signature)");
        return std::nullopt;
    }
    std::vector<PngChunk> out;
    std::size_t at = 8;
    while (true) {
        if (png.size() - at < 12) {
            fail(error, "truncated PNG (no IEND chunk)");
            return std::nullopt;
        }
        std::uint32_t len = read_be32(&png[at]);
        if (len > png.size() - at - 12) {
            fail(error, "truncated PNG (a chunk runs past the end)");
            return std::nullopt;
        }
        PngChunk c;
        c.type.assign(png.begin() + std::ptrdiff_t(at + 4), png.begin() + std::ptrdiff_t(at + 8));
        c.data.assign(png.begin() + std::ptrdiff_t(at + 8), png.begin() + std::ptrdiff_t(at + 8 + len));
        std::uint32_t stored = read_be32(&png[at + 8 + len]);
        if (crc32(&png[at + 4], len + 4) != stored) {
            fail(error, "damaged PNG: CRC mismatch in the " + c.type + " chunk");
            return std::nullopt;
        }
        at += 12 + len;
        bool end = c.type == "IEND";
        out.push_back(std::move(c));
        if (end) break;
    }
    return out;
}

std::vector<std::uint8_t> set_png_dpi(const std::vector<std::uint8_t>& png, double dpi) {
    auto chunks = png_chunks(png);
    if (!chunks || !(dpi > 0)) return png;
    // pHYs: pixels per unit on x and y, unit 1 = metre (before the first IDAT).
    const auto per_metre = std::uint32_t(std::lround(dpi / 0.0254));
    PngChunk phys{"pHYs", {}};
    for (int axis = 0; axis < 2; ++axis)
        for (int shift = 24; shift >= 0; shift -= 8) phys.data.push_back(std::uint8_t(per_metre >> shift));
    phys.data.push_back(1);
    std::vector<std::uint8_t> out(kSignature, kSignature + 8);
    for (const auto& c : *chunks) {
        if (c.type == "pHYs") continue;  // replaced
        write_chunk(out, c);
        if (c.type == "IHDR") write_chunk(out, phys);
    }
    return out;
}

std::optional<std::vector<std::uint8_t>> bake_png(const std::vector<std::uint8_t>& png, const std::string& keyword,
                                                  const std::string& text, std::string* error) {
    if (keyword.empty() || keyword.size() > 79) {
        fail(error, "an iTXt keyword has 1 to 79 characters");
        return std::nullopt;
    }
    auto chunks = png_chunks(png, error);
    if (!chunks) return std::nullopt;
    PngChunk baked{"iTXt", {}};
    baked.data.insert(baked.data.end(), keyword.begin(), keyword.end());
    baked.data.insert(baked.data.end(), {0, 0, 0, 0, 0});  // NUL, uncompressed, method, empty language NUL, empty translation NUL
    baked.data.insert(baked.data.end(), text.begin(), text.end());
    std::vector<std::uint8_t> out(kSignature, kSignature + 8);
    for (const auto& c : *chunks) {
        if (c.type == "iTXt") {
            std::string k, t;
            if (parse_itxt(c.data, k, t, nullptr) && (k == kOb3Keyword || k == kOb2Keyword)) continue;  // replaced
        }
        if (c.type == "IEND") write_chunk(out, baked);
        write_chunk(out, c);
    }
    return out;
}

std::optional<Baked> unbake_png(const std::vector<std::uint8_t>& png, std::string* error) {
    auto chunks = png_chunks(png, error);
    if (!chunks) return std::nullopt;
    std::optional<Baked> ob2;
    for (const auto& c : *chunks) {
        if (c.type != "iTXt") continue;
        std::string k, t, why;
        bool ok = parse_itxt(c.data, k, t, &why);
        if (k != kOb3Keyword && k != kOb2Keyword) continue;
        if (!ok) {
            fail(error, why);
            return std::nullopt;
        }
        if (k == kOb3Keyword) return Baked{k, t};
        if (!ob2) ob2 = Baked{k, t};
    }
    if (!ob2) fail(error, "no Open Badges data in this PNG (no iTXt chunk \"openbadgecredential\" or \"openbadges\")");
    return ob2;
}

std::optional<Json> credential_json(const Baked& baked, std::string* error) {
    std::string t = baked.text;
    while (!t.empty() && (t.back() == ' ' || t.back() == '\n' || t.back() == '\r' || t.back() == '\t')) t.pop_back();
    std::size_t start = t.find_first_not_of(" \r\n\t");
    t = start == std::string::npos ? std::string() : t.substr(start);
    std::string json_text;
    if (!t.empty() && t[0] == '{') {
        json_text = t;
    } else {
        // A compact JWS: header.payload.signature, each base64url. The payload is the
        // credential; the signature is NOT checked here.
        std::size_t a = t.find('.'), b = a == std::string::npos ? a : t.find('.', a + 1);
        if (b == std::string::npos) {
            fail(error, "the baked text is neither JSON nor a JWT");
            return std::nullopt;
        }
        std::string payload = t.substr(a + 1, b - a - 1);
        for (char& c : payload) c = c == '-' ? '+' : c == '_' ? '/' : c;
        while (payload.size() % 4) payload += '=';
        auto bytes = base64_decode(payload);
        if (!bytes) {
            fail(error, "the JWT payload is not base64url");
            return std::nullopt;
        }
        json_text.assign(bytes->begin(), bytes->end());
    }
    auto parsed = parse_json(json_text);
    if (!parsed.ok()) {
        fail(error, "the baked credential is not valid JSON: " + parsed.first_error());
        return std::nullopt;
    }
    return *parsed.value;
}

}  // namespace mastery
