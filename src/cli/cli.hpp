// What the `mastery` commands share: exit codes, reading a file whole, file-name endings,
// and the clock (UTC).
#pragma once

#include <chrono>
#include <ctime>
#include <fstream>
#include <sstream>
#include <string>

namespace mastery::cli {

// 0 done (all valid), 1 a file is invalid, 2 usage error or a file cannot be read.
inline constexpr int kOk = 0, kInvalid = 1, kUsage = 2;

inline bool read_file(const std::string& path, std::string& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::ostringstream ss;
    ss << in.rdbuf();
    out = ss.str();
    return !in.bad();
}

inline bool ends_with(const std::string& s, const std::string& tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// strftime of the present moment in UTC, e.g. "%Y-%m-%dT%H:%M:%SZ" or "%Y-%m-%d".
inline std::string utc_now(const char* format) {
    const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    char buf[32];
    std::strftime(buf, sizeof buf, format, std::gmtime(&t));
    return buf;
}

}  // namespace mastery::cli
