// The one stb_truetype and stb_rect_pack in a build (Debian's libstb-dev; nothing of it is
// committed): the badge outlines (src/badge/fonts.cpp) and Dear ImGui's font atlas
// (cmake/app.cmake sets IMGUI_DISABLE_STB_TRUETYPE_IMPLEMENTATION and its rect_pack twin)
// call these copies instead of each compiling its own (~9 KB of the web download).
// stb_rect_pack comes first: stb_truetype's packer then uses it, with the same context
// layout ImGui's atlas builder fills in. Its one check that ImGui's copy switches off
// ("y <= best_y") is off here too, with the rest of its checks.
#define STBRP_ASSERT(x) ((void)0)
#define STB_RECT_PACK_IMPLEMENTATION
#include <stb/stb_rect_pack.h>
#define STB_TRUETYPE_IMPLEMENTATION
#include <stb/stb_truetype.h>
