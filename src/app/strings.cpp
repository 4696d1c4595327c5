// The English column of the string table (strings.hpp) and the small formatter views use.
#include "app/strings.hpp"

#include <cstdarg>
#include <cstdio>

namespace mastery::app {

namespace {

constexpr const char* kEnglish[] = {
#define MASTERY_STRING_TEXT(name, text) text,
    MASTERY_STRINGS(MASTERY_STRING_TEXT)
#undef MASTERY_STRING_TEXT
};
static_assert(sizeof(kEnglish) / sizeof(kEnglish[0]) == static_cast<int>(S::count));

constexpr int kRing = 8;
constexpr int kBufferSize = 1024;
char g_ring[kRing][kBufferSize];
int g_next = 0;

const char* vformat(const char* format, va_list args) {
    char* out = g_ring[g_next];
    g_next = (g_next + 1) % kRing;
    std::vsnprintf(out, kBufferSize, format, args);
    return out;
}

}  // namespace

const char* tr(S id) {
    const int i = static_cast<int>(id);
    return (i >= 0 && i < static_cast<int>(S::count)) ? kEnglish[i] : "?";
}

const char* fmt(S id, ...) {
    va_list args;
    va_start(args, id);
    const char* out = vformat(tr(id), args);
    va_end(args);
    return out;
}

const char* fmt_raw(const char* format, ...) {
    va_list args;
    va_start(args, format);
    const char* out = vformat(format, args);
    va_end(args);
    return out;
}

}  // namespace mastery::app
