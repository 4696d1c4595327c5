// zip_store: the archive "Download all my badges" makes. Read back by hand here (headers,
// sizes, CRC); the browser test (tests/browser/studio.test.mjs) opens a real one with Python's zipfile.
#include "badge_export.hpp"

#include <doctest/doctest.h>

using namespace mastery;

namespace {
std::uint32_t u32(const std::vector<std::uint8_t>& b, std::size_t at) {
    return std::uint32_t(b[at]) | std::uint32_t(b[at + 1]) << 8 | std::uint32_t(b[at + 2]) << 16 | std::uint32_t(b[at + 3]) << 24;
}
unsigned u16(const std::vector<std::uint8_t>& b, std::size_t at) { return unsigned(b[at]) | unsigned(b[at + 1]) << 8; }
}  // namespace

TEST_CASE("zip_store writes stored entries a reader finds through the central directory") {
    const std::vector<std::uint8_t> png = {0x89, 'P', 'N', 'G', 0, 1, 2, 3};
    const std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"/>";
    auto zip = zip_store({{"my-badges/ratios-1-beginning.png", png}, {"my-badges/ratios-1-beginning.svg", {svg.begin(), svg.end()}}});
    REQUIRE(zip.has_value());
    const auto& z = *zip;
    // end of central directory: the last 22 bytes
    const std::size_t end = z.size() - 22;
    REQUIRE(u32(z, end) == 0x06054b50);
    CHECK(u16(z, end + 10) == 2);
    std::size_t at = u32(z, end + 16);
    for (int i = 0; i < 2; ++i) {
        REQUIRE(u32(z, at) == 0x02014b50);
        CHECK(u16(z, at + 10) == 0);  // stored
        const std::uint32_t crc = u32(z, at + 16), size = u32(z, at + 20);
        const unsigned name_len = u16(z, at + 28);
        const std::size_t local = u32(z, at + 42);
        REQUIRE(u32(z, local) == 0x04034b50);
        const std::size_t data = local + 30 + u16(z, local + 26) + u16(z, local + 28);
        CHECK(crc32(z.data() + data, size) == crc);
        CHECK(size == (i == 0 ? png.size() : svg.size()));
        const std::string name(z.begin() + long(at + 46), z.begin() + long(at + 46 + name_len));
        CHECK(name == (i == 0 ? "my-badges/ratios-1-beginning.png" : "my-badges/ratios-1-beginning.svg"));
        at += 46 + name_len;
    }
    CHECK(zip_store({{"a.txt", {'x'}}}) == zip_store({{"a.txt", {'x'}}}));  // no clock inside
}

TEST_CASE("zip_store refuses an empty file name with a message") {
    std::string error;
    CHECK_FALSE(zip_store({{"", {1}}}, &error).has_value());
    CHECK(error == "a file name is empty or too long");
}
