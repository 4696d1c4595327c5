// Text -> JSON with limits checked before the parser runs, plus the two small codecs the
// formats need (base64 for image bytes, FNV-1a for content hashes). No exceptions escape.
#include "mastery/io.hpp"

#include <ostream>

namespace mastery {

std::string Problem::to_string() const { return pointer.empty() ? message : pointer + ": " + message; }
std::ostream& operator<<(std::ostream& os, const Problem& p) { return os << p.to_string(); }

namespace {

std::string human_size(std::size_t bytes) {
    if (bytes >= (1u << 20)) return std::to_string((bytes + (1u << 19)) >> 20) + " MiB";
    if (bytes >= 1024) return std::to_string((bytes + 512) >> 10) + " KiB";
    return std::to_string(bytes) + " bytes";
}

// Collects the parser's own message without throwing (the SAX interface hands the
// exception object over instead of throwing it).
struct ErrorCatcher {
    std::size_t position = 0;
    std::string message;
    bool null() { return true; }
    bool boolean(bool) { return true; }
    bool number_integer(Json::number_integer_t) { return true; }
    bool number_unsigned(Json::number_unsigned_t) { return true; }
    bool number_float(Json::number_float_t, const std::string&) { return true; }
    bool string(std::string&) { return true; }
    bool binary(Json::binary_t&) { return true; }
    bool start_object(std::size_t) { return true; }
    bool key(std::string&) { return true; }
    bool end_object() { return true; }
    bool start_array(std::size_t) { return true; }
    bool end_array() { return true; }
    bool parse_error(std::size_t pos, const std::string&, const nlohmann::detail::exception& ex) {
        position = pos;
        message = ex.what();
        return false;
    }
};

// "[json.exception.parse_error.101] parse error at line 1, column 5: syntax error while
// parsing value - invalid literal; last read: 'tru'" -> "line 1, column 5: invalid literal"
std::string friendly_parse_error(const std::string& what) {
    std::string where;
    auto at = what.find(" at line ");
    if (at != std::string::npos) {
        auto colon = what.find(": ", at);
        where = what.substr(at + 4, colon == std::string::npos ? std::string::npos : colon - at - 4);
    }
    std::string why = what;
    auto dash = what.find(" - ");
    if (dash != std::string::npos) why = what.substr(dash + 3);
    else if (auto c = what.find(": ", at == std::string::npos ? 0 : at); c != std::string::npos) why = what.substr(c + 2);
    auto last = why.find("; last read:");
    if (last != std::string::npos) why = why.substr(0, last);
    return where.empty() ? "not valid JSON: " + why : "not valid JSON at " + where + ": " + why;
}

}  // namespace

Loaded<Json> parse_json(std::string_view text, const Limits& limits) { return parse_json(text, limits, nullptr); }

Loaded<Json> parse_json(std::string_view text, const Limits& limits, const Json::parser_callback_t& callback) {
    Loaded<Json> out;
    auto fail = [&](std::string msg) {
        out.problems.push_back({"", std::move(msg)});
        return out;
    };
    if (text.empty()) return fail("the file is empty");
    if (text.size() > limits.max_bytes)
        return fail("the file is " + human_size(text.size()) + "; the limit is " + human_size(limits.max_bytes));
    const auto* b = reinterpret_cast<const unsigned char*>(text.data());
    if (text.size() >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF)))
        return fail("the file is UTF-16 text; save it as UTF-8 and try again");
    if (text.size() >= 2 && (b[0] == 0 || b[1] == 0))
        return fail("the file is not text (it starts with zero bytes; UTF-16 or binary?)");
    // A UTF-8 byte order mark is harmless: some editors add one.
    if (text.size() >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF) text.remove_prefix(3);

    // Pre-scan: nesting depth, value count and string length, outside the parser, so a
    // hostile file is refused before any memory is spent on it.
    int depth = 0;
    std::size_t values = 0, string_start = 0;
    bool in_string = false, escape = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char ch = text[i];
        if (in_string) {
            if (escape) escape = false;
            else if (ch == '\\') escape = true;
            else if (ch == '"') {
                in_string = false;
                if (i - string_start > limits.max_string_bytes)
                    return fail("a text value starting at byte " + std::to_string(string_start) + " is " +
                                human_size(i - string_start) + " long; the limit is " +
                                human_size(limits.max_string_bytes));
            }
            continue;
        }
        switch (ch) {
            case '"': in_string = true; string_start = i; break;
            case '[': case '{':
                if (++depth > limits.max_depth)
                    return fail("the data is nested more than " + std::to_string(limits.max_depth) +
                                " levels deep (at byte " + std::to_string(i) + ")");
                ++values;
                break;
            case ']': case '}': --depth; break;
            case ',': ++values; break;
            default: break;
        }
        if (values > limits.max_values)
            return fail("the file holds more than " + std::to_string(limits.max_values) + " values");
    }
    if (in_string && text.size() - string_start > limits.max_string_bytes)
        return fail("a text value starting at byte " + std::to_string(string_start) + " is longer than " +
                    human_size(limits.max_string_bytes));

    Json j = Json::parse(text.begin(), text.end(), callback, /*allow_exceptions=*/false);
    if (j.is_discarded()) {
        ErrorCatcher catcher;
        Json::sax_parse(text.begin(), text.end(), &catcher, nlohmann::detail::input_format_t::json, true);
        return fail(catcher.message.empty() ? "not valid JSON" : friendly_parse_error(catcher.message));
    }
    out.value = std::move(j);
    return out;
}

// --- base64 (RFC 4648, standard alphabet, padded) -------------------------------------

namespace {
constexpr char kB64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
}

std::string base64_encode(const std::vector<std::uint8_t>& bytes) { return base64_encode(bytes.data(), bytes.size()); }

std::string base64_encode(const std::uint8_t* data, std::size_t size) {
    // written into a buffer of the final size (autosave encodes pictures in pieces, in
    // slices of a few milliseconds: appending a character at a time was 4x slower in wasm)
    std::string out((size + 2) / 3 * 4, '\0');
    char* o = out.data();
    std::size_t i = 0;
    for (; i + 2 < size; i += 3) {
        const std::uint32_t v = (std::uint32_t(data[i]) << 16) | (std::uint32_t(data[i + 1]) << 8) | data[i + 2];
        o[0] = kB64[(v >> 18) & 63];
        o[1] = kB64[(v >> 12) & 63];
        o[2] = kB64[(v >> 6) & 63];
        o[3] = kB64[v & 63];
        o += 4;
    }
    if (i < size) {
        std::uint32_t v = std::uint32_t(data[i]) << 16;
        if (i + 1 < size) v |= std::uint32_t(data[i + 1]) << 8;
        o[0] = kB64[(v >> 18) & 63];
        o[1] = kB64[(v >> 12) & 63];
        o[2] = (i + 1 < size) ? kB64[(v >> 6) & 63] : '=';
        o[3] = '=';
    }
    return out;
}

std::optional<std::vector<std::uint8_t>> base64_decode(std::string_view text) {
    auto value = [](char c) -> int {
        if (c >= 'A' && c <= 'Z') return c - 'A';
        if (c >= 'a' && c <= 'z') return c - 'a' + 26;
        if (c >= '0' && c <= '9') return c - '0' + 52;
        if (c == '+') return 62;
        if (c == '/') return 63;
        return -1;
    };
    if (text.size() % 4 != 0) return std::nullopt;
    std::vector<std::uint8_t> out;
    out.reserve(text.size() / 4 * 3);
    for (std::size_t i = 0; i < text.size(); i += 4) {
        int v[4];
        int pad = 0;
        for (int k = 0; k < 4; ++k) {
            char c = text[i + k];
            if (c == '=' && i + 4 == text.size() && k >= 2) { v[k] = 0; ++pad; continue; }
            if (pad) return std::nullopt;  // data after padding
            v[k] = value(c);
            if (v[k] < 0) return std::nullopt;
        }
        std::uint32_t n = (v[0] << 18) | (v[1] << 12) | (v[2] << 6) | v[3];
        out.push_back(std::uint8_t(n >> 16));
        if (pad < 2) out.push_back(std::uint8_t(n >> 8));
        if (pad < 1) out.push_back(std::uint8_t(n));
    }
    return out;
}

}  // namespace mastery
