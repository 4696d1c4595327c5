// A ZIP archive of files stored as they are (method 0, no compression: PNGs are already
// compressed), for "Download all my badges". Uses the PNG code's CRC-32. No ImGui, no
// Emscripten. Format: PKWARE APPNOTE 6.3 (local headers, central directory, end record).
#include "badge_export.hpp"

namespace mastery {
namespace {

void put16(std::vector<std::uint8_t>& out, unsigned v) {
    out.push_back(std::uint8_t(v & 0xFF));
    out.push_back(std::uint8_t((v >> 8) & 0xFF));
}
void put32(std::vector<std::uint8_t>& out, std::uint32_t v) {
    put16(out, v & 0xFFFF);
    put16(out, v >> 16);
}

}  // namespace

std::optional<std::vector<std::uint8_t>> zip_store(const std::vector<ZipEntry>& files, std::string* error) {
    auto fail = [&](std::string message) -> std::optional<std::vector<std::uint8_t>> {
        if (error) *error = std::move(message);
        return std::nullopt;
    };
    if (files.size() > 0xFFFF) return fail("too many files for one archive");
    std::vector<std::uint8_t> out, central;
    // 1980-01-01 00:00 in MS-DOS form: the archive does not depend on the clock
    constexpr unsigned kDosTime = 0, kDosDate = (0 << 9) | (1 << 5) | 1;
    for (const ZipEntry& f : files) {
        if (f.name.empty() || f.name.size() > 0xFFFF) return fail("a file name is empty or too long");
        if (out.size() + f.data.size() + 30 + f.name.size() > 0xFFFFFFF0ull) return fail("the archive would pass 4 GB");
        const std::uint32_t crc = crc32(f.data.data(), f.data.size());
        const std::uint32_t offset = std::uint32_t(out.size());
        const std::uint32_t size = std::uint32_t(f.data.size());
        put32(out, 0x04034b50);
        put16(out, 20);         // version needed: 2.0
        put16(out, 0x0800);     // flags: names are UTF-8
        put16(out, 0);          // method: stored
        put16(out, kDosTime);
        put16(out, kDosDate);
        put32(out, crc);
        put32(out, size);
        put32(out, size);
        put16(out, unsigned(f.name.size()));
        put16(out, 0);          // extra length
        out.insert(out.end(), f.name.begin(), f.name.end());
        out.insert(out.end(), f.data.begin(), f.data.end());

        put32(central, 0x02014b50);
        put16(central, 20);     // made by: 2.0
        put16(central, 20);
        put16(central, 0x0800);
        put16(central, 0);
        put16(central, kDosTime);
        put16(central, kDosDate);
        put32(central, crc);
        put32(central, size);
        put32(central, size);
        put16(central, unsigned(f.name.size()));
        put16(central, 0);      // extra
        put16(central, 0);      // comment
        put16(central, 0);      // disk
        put16(central, 0);      // internal attributes
        put32(central, 0);      // external attributes
        put32(central, offset);
        central.insert(central.end(), f.name.begin(), f.name.end());
    }
    const std::uint32_t central_offset = std::uint32_t(out.size());
    out.insert(out.end(), central.begin(), central.end());
    put32(out, 0x06054b50);
    put16(out, 0);
    put16(out, 0);
    put16(out, unsigned(files.size()));
    put16(out, unsigned(files.size()));
    put32(out, std::uint32_t(central.size()));
    put32(out, central_offset);
    put16(out, 0);              // comment length
    return out;
}

}  // namespace mastery
