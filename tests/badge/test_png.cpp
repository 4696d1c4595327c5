// PNG chunks, the hand-written CRC-32 (checked against zlib), baking and un-baking Open
// Badges, and reading 1EdTech's real baked badges.
#include "helpers.hpp"

#ifdef MASTERY_HAVE_ZLIB
#include <zlib.h>
#endif

namespace {

std::vector<std::uint8_t> small_png() {
    mastery::Image img;
    img.width = img.height = 4;
    img.rgba.assign(64, 200);
    return mastery::encode_png(img);
}

int count_chunks(const std::vector<std::uint8_t>& png, const std::string& type) {
    auto chunks = mastery::png_chunks(png);
    REQUIRE(chunks);
    int n = 0;
    for (const auto& c : *chunks) n += c.type == type;
    return n;
}

}  // namespace

TEST_CASE("CRC-32 gives the standard check value and agrees with zlib") {
    const std::string check = "123456789";
    CHECK(mastery::crc32(reinterpret_cast<const std::uint8_t*>(check.data()), check.size()) == 0xCBF43926u);
#ifdef MASTERY_HAVE_ZLIB
    std::vector<std::uint8_t> data(10000);
    std::uint32_t x = 12345;
    for (auto& b : data) b = std::uint8_t((x = x * 1103515245u + 12345u) >> 16);
    for (std::size_t len : {0u, 1u, 7u, 100u, 10000u}) {
        CAPTURE(len);
        CHECK(mastery::crc32(data.data(), len) == ::crc32(0L, data.data(), uInt(len)));
    }
    // incremental use matches one pass
    CHECK(mastery::crc32(data.data() + 100, 900, mastery::crc32(data.data(), 100)) == mastery::crc32(data.data(), 1000));
#else
    MESSAGE("zlib not found: the CRC is checked against the standard check value only");
#endif
}

TEST_CASE("baking adds one uncompressed iTXt chunk before IEND, and un-baking reads it back") {
    auto png = small_png();
    std::string credential = R"({"type":["VerifiableCredential","OpenBadgeCredential"],"name":"Grá ✓"})";
    std::string error;
    auto baked = mastery::bake_png(png, mastery::kOb3Keyword, credential, &error);
    REQUIRE_MESSAGE(baked, error);
    auto chunks = mastery::png_chunks(*baked, &error);
    REQUIRE_MESSAGE(chunks, error);
    REQUIRE(chunks->size() >= 4);
    CHECK(chunks->back().type == "IEND");
    const auto& itxt = (*chunks)[chunks->size() - 2];
    CHECK(itxt.type == "iTXt");
    std::string expected = std::string("openbadgecredential") + std::string("\0\0\0\0\0", 5) + credential;
    CHECK(std::string(itxt.data.begin(), itxt.data.end()) == expected);
    auto unbaked = mastery::unbake_png(*baked, &error);
    REQUIRE_MESSAGE(unbaked, error);
    CHECK(unbaked->keyword == "openbadgecredential");
    CHECK(unbaked->text == credential);
    // the image itself is untouched
    CHECK(mastery::decode_png(*baked)->rgba == mastery::decode_png(png)->rgba);
    SUBCASE("baking again replaces the chunk: still exactly one") {
        auto twice = mastery::bake_png(*baked, mastery::kOb3Keyword, "{\"v\":2}");
        REQUIRE(twice);
        CHECK(count_chunks(*twice, "iTXt") == 1);
        CHECK(mastery::unbake_png(*twice)->text == "{\"v\":2}");
    }
    SUBCASE("the credential reads back as JSON") {
        auto json = mastery::credential_json(*unbaked, &error);
        REQUIRE_MESSAGE(json, error);
        CHECK((*json)["name"] == "Grá ✓");
    }
}

TEST_CASE("damaged or foreign files are refused with a reason") {
    std::string error;
    CHECK_FALSE(mastery::unbake_png({'G', 'I', 'F', '8', '9', 'a', 0, 0, 0}, &error));
    CHECK(error == "not a PNG file (bad signature)");
    auto png = small_png();
    auto truncated = png;
    truncated.resize(png.size() - 14);  // IEND and part of the chunk before it
    CHECK_FALSE(mastery::png_chunks(truncated, &error));
    CHECK(error == "truncated PNG (a chunk runs past the end)");
    auto damaged = png;
    damaged[20] ^= 0xFF;  // inside IHDR
    CHECK_FALSE(mastery::png_chunks(damaged, &error));
    CHECK(error == "damaged PNG: CRC mismatch in the IHDR chunk");
    CHECK_FALSE(mastery::unbake_png(png, &error));
    CHECK(error == "no Open Badges data in this PNG (no iTXt chunk \"openbadgecredential\" or \"openbadges\")");
    CHECK_FALSE(mastery::bake_png(png, "", "x", &error));
}

TEST_CASE("an Open Badges 2.0 chunk is read when there is no 3.0 one") {
    auto baked = mastery::bake_png(small_png(), mastery::kOb2Keyword, R"({"type":"Assertion"})");
    REQUIRE(baked);
    auto unbaked = mastery::unbake_png(*baked);
    REQUIRE(unbaked);
    CHECK(unbaked->keyword == "openbadges");
}

TEST_CASE("1EdTech's baked OB 3.0 badges are read: JSON and JWT") {
    REQUIRE_FIXTURES();
    std::string dir = badge_test::fixtures_dir() + "/openbadges/ob30/", error;
    auto json_png = badge_test::read_bytes(dir + "simple-json.png");
    auto baked = mastery::unbake_png(json_png, &error);
    REQUIRE_MESSAGE(baked, error);
    CHECK(baked->keyword == "openbadgecredential");
    auto credential = mastery::credential_json(*baked, &error);
    REQUIRE_MESSAGE(credential, error);
    CHECK((*credential)["name"] == "Teamwork Badge");
    CHECK((*credential)["credentialSubject"]["achievement"]["name"] == "Teamwork");
    CHECK(mastery::decode_png(json_png));  // and stb reads the picture

    auto jwt = mastery::unbake_png(badge_test::read_bytes(dir + "simple-jwt.png"), &error);
    REQUIRE_MESSAGE(jwt, error);
    auto payload = mastery::credential_json(*jwt, &error);
    REQUIRE_MESSAGE(payload, error);
    CHECK((*payload)["name"] == "Teamwork Badge");

    // Re-baking 1EdTech's image with our own credential keeps exactly one chunk.
    auto ours = mastery::bake_png(json_png, mastery::kOb3Keyword, "{\"ours\":true}", &error);
    REQUIRE_MESSAGE(ours, error);
    CHECK(count_chunks(*ours, "iTXt") == 1);
    CHECK(mastery::unbake_png(*ours)->text == "{\"ours\":true}");
}

TEST_CASE("1EdTech's OB 2.0 robotics badge carries no baked data, and says so") {
    REQUIRE_FIXTURES();
    std::string error;
    auto png = badge_test::read_bytes(badge_test::fixtures_dir() + "/openbadges/ob20/robotics-badge.png");
    REQUIRE_FALSE(png.empty());
    CHECK(mastery::png_chunks(png, &error));
    CHECK_FALSE(mastery::unbake_png(png, &error));
    CHECK(error.find("no Open Badges data") == 0);
}

TEST_CASE("random and mangled bytes never crash the PNG readers") {
    auto png = mastery::bake_png(small_png(), mastery::kOb3Keyword, "{}").value();
    std::uint32_t x = 7;
    auto next = [&] { return x = x * 1664525u + 1013904223u; };
    for (int round = 0; round < 300; ++round) {
        std::vector<std::uint8_t> bytes = png;
        if (round % 3 == 0) {
            bytes.resize(next() % 200);
            for (auto& b : bytes) b = std::uint8_t(next() >> 24);
        } else {
            for (int k = 0; k < 1 + round % 7; ++k) bytes[next() % bytes.size()] = std::uint8_t(next() >> 24);
            if (round % 3 == 2) bytes.resize(next() % bytes.size());
        }
        std::string error;
        (void)mastery::png_chunks(bytes, &error);
        (void)mastery::unbake_png(bytes, &error);
        (void)mastery::decode_png(bytes);
        (void)mastery::credential_json({"openbadgecredential", std::string(bytes.begin(), bytes.end())}, &error);
    }
    CHECK(true);
}
