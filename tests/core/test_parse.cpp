// The first stage of the one load path: limits before parsing, and friendly messages for
// text that is not JSON at all. Also the small codecs (base64, content hash).
#include "helpers.hpp"

using mastery::Limits;
using mastery::parse_json;

TEST_CASE("bad bytes are refused with a specific message, never a crash") {
    SUBCASE("an empty file") { CHECK(parse_json("").first_error() == "the file is empty"); }
    SUBCASE("random bytes") {
        std::string bytes;
        unsigned x = 12345;
        for (int i = 0; i < 4096; ++i) bytes += char((x = x * 1103515245u + 12345u) >> 16);
        auto r = parse_json(bytes);
        CHECK_FALSE(r.ok());
        CHECK(r.first_error().find("not") == 0);
    }
    SUBCASE("truncated JSON names the line and column") {
        auto r = parse_json("{\n  \"id\": \"x\",\n  \"title\": \"Fra");
        CHECK(r.first_error() == "not valid JSON at line 3, column 16: invalid string: missing closing quote");
    }
    SUBCASE("a syntax error") {
        CHECK(parse_json("{\"a\": tru}").first_error() == "not valid JSON at line 1, column 10: invalid literal");
    }
    SUBCASE("invalid UTF-8 inside a string") {
        auto r = parse_json("{\"a\": \"caf\xC3\x28\"}");
        CHECK(r.first_error().find("UTF-8") != std::string::npos);
    }
    SUBCASE("UTF-16 with a byte order mark") {
        std::string utf16("\xFF\xFE{\0\"\0", 6);
        CHECK(parse_json(utf16).first_error() == "the file is UTF-16 text; save it as UTF-8 and try again");
    }
    SUBCASE("UTF-16 without a byte order mark") {
        std::string utf16("{\0\"\0a\0", 6);
        CHECK(parse_json(utf16).first_error() == "the file is not text (it starts with zero bytes; UTF-16 or binary?)");
    }
    SUBCASE("a UTF-8 byte order mark is accepted") { CHECK(parse_json("\xEF\xBB\xBF{\"a\": 1}").ok()); }
}

TEST_CASE("limits are checked before parsing") {
    SUBCASE("deeply nested arrays, 100,000 levels") {
        std::string deep(100000, '[');
        deep += std::string(100000, ']');
        CHECK(parse_json(deep).first_error() == "the data is nested more than 64 levels deep (at byte 64)");
    }
    SUBCASE("a 50 MB string") {
        std::string big = "{\"a\": \"" + std::string(50u << 20, 'x') + "\"}";
        CHECK(parse_json(big).first_error() == "a text value starting at byte 6 is 50 MiB long; the limit is 16 MiB");
    }
    SUBCASE("a file over the size limit") {
        Limits small;
        small.max_bytes = 1000;
        CHECK(parse_json(std::string(2000, ' '), small).first_error() == "the file is 2 KiB; the limit is 1000 bytes");
    }
    SUBCASE("too many values") {
        Limits small;
        small.max_values = 100;
        std::string many = "[";
        for (int i = 0; i < 200; ++i) many += "1,";
        many += "1]";
        CHECK(parse_json(many, small).first_error() == "the file holds more than 100 values");
    }
    SUBCASE("brackets inside strings do not count as nesting") {
        std::string s = "{\"a\": \"" + std::string(1000, '[') + "\"}";
        CHECK(parse_json(s).ok());
    }
}

TEST_CASE("base64 round trips bytes of every length") {
    for (int n = 0; n < 20; ++n) {
        std::vector<std::uint8_t> bytes;
        for (int i = 0; i < n; ++i) bytes.push_back(std::uint8_t(i * 37 + 250));
        auto text = mastery::base64_encode(bytes);
        CHECK(text.size() == std::size_t((n + 2) / 3 * 4));
        CHECK(mastery::base64_decode(text) == bytes);
    }
    CHECK(mastery::base64_encode({'M', 'a', 'n'}) == "TWFu");
    CHECK(mastery::base64_encode({'M', 'a'}) == "TWE=");
    CHECK_FALSE(mastery::base64_decode("TWE").has_value());
    CHECK_FALSE(mastery::base64_decode("TW=u").has_value());
    CHECK_FALSE(mastery::base64_decode("T!Fu").has_value());
}

TEST_CASE("the content hash is stable and changes with the content") {
    auto p = test::pathway();
    auto h = mastery::content_hash(p);
    CHECK(h.rfind("fnv1a64:", 0) == 0);
    CHECK(h.size() == 8 + 16);
    CHECK(mastery::content_hash(test::pathway()) == h);
    p.title = "Tiny pathway, revised";
    CHECK(mastery::content_hash(p) != h);
}

// content_hash feeds the canonical body a piece at a time; the hash must be that of the
// whole compact dump (records saved by earlier versions carry hashes made that way).
TEST_CASE("the content hash is FNV-1a 64 of the pathway's compact canonical JSON") {
    auto reference = [](const mastery::Pathway& p) {
        const std::string body = mastery::to_json(p, false).dump(-1, ' ', false, mastery::Json::error_handler_t::replace);
        std::uint64_t h = 14695981039346656037ull;
        for (unsigned char c : body) {
            h ^= c;
            h *= 1099511628211ull;
        }
        char hex[17];
        std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
        return std::string("fnv1a64:") + hex;
    };
    auto p = test::pathway();
    CHECK(mastery::content_hash(p) == reference(p));
    p.title = "Ünïcode \"quoted\" \\ and a bad byte \xff";
    p.competencies.front().statement = "line\nbreak";
    CHECK(mastery::content_hash(p) == reference(p));
    p.competencies.clear();
    CHECK(mastery::content_hash(p) == reference(p));
    auto bundled = mastery::load_pathway(test::read_text(test::source_path("assets/pathways/middle-school-explorer.json")));
    REQUIRE(bundled.ok());
    CHECK(mastery::content_hash(*bundled.value) == reference(*bundled.value));
}
