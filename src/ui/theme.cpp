// The three themes. Spacing is generous on purpose: fingers on a Chromebook touch screen
// and readers of 8 need bigger targets than ImGui's defaults.
#include "ui/theme.hpp"

#include <algorithm>

namespace mastery::ui {

namespace {

Palette g_palette;

ImVec4 rgb(int r, int g, int b, float a = 1.0f) { return ImVec4(r / 255.0f, g / 255.0f, b / 255.0f, a); }
ImU32 col(int r, int g, int b, int a = 255) { return IM_COL32(r, g, b, a); }

void base_style(ImGuiStyle& s) {
    s = ImGuiStyle();
    s.WindowPadding = ImVec2(14, 12);
    s.FramePadding = ImVec2(10, 7);
    s.CellPadding = ImVec2(8, 6);
    s.ItemSpacing = ImVec2(10, 9);
    s.ItemInnerSpacing = ImVec2(8, 6);
    s.TouchExtraPadding = ImVec2(0, 0);
    s.IndentSpacing = 22;
    s.ScrollbarSize = 18;
    s.GrabMinSize = 16;
    s.WindowRounding = 0;
    s.ChildRounding = 10;
    s.FrameRounding = 8;
    s.PopupRounding = 8;
    s.ScrollbarRounding = 9;
    s.GrabRounding = 8;
    s.TabRounding = 8;
    s.WindowBorderSize = 0;
    s.ChildBorderSize = 1;
    s.PopupBorderSize = 1;
    s.FrameBorderSize = 1;
    s.TabBorderSize = 0;
    s.SeparatorTextBorderSize = 2;
    s.SelectableTextAlign = ImVec2(0, 0.5f);
}

void light(ImGuiStyle& s, Palette& p) {
    ImGui::StyleColorsLight(&s);
    ImVec4* c = s.Colors;
    c[ImGuiCol_Text] = rgb(28, 32, 38);
    c[ImGuiCol_TextDisabled] = rgb(105, 112, 122);
    c[ImGuiCol_WindowBg] = rgb(248, 246, 241);
    c[ImGuiCol_ChildBg] = rgb(255, 255, 255, 0.0f);
    c[ImGuiCol_PopupBg] = rgb(255, 255, 255);
    c[ImGuiCol_Border] = rgb(196, 200, 208);
    c[ImGuiCol_FrameBg] = rgb(255, 255, 255);
    c[ImGuiCol_FrameBgHovered] = rgb(236, 242, 252);
    c[ImGuiCol_FrameBgActive] = rgb(222, 233, 250);
    c[ImGuiCol_TitleBg] = rgb(232, 236, 243);
    c[ImGuiCol_TitleBgActive] = rgb(222, 229, 240);
    c[ImGuiCol_MenuBarBg] = rgb(235, 238, 244);
    c[ImGuiCol_Button] = rgb(226, 233, 245);
    c[ImGuiCol_ButtonHovered] = rgb(205, 219, 243);
    c[ImGuiCol_ButtonActive] = rgb(184, 203, 238);
    c[ImGuiCol_Header] = rgb(219, 230, 249);
    c[ImGuiCol_HeaderHovered] = rgb(205, 219, 243);
    c[ImGuiCol_HeaderActive] = rgb(184, 203, 238);
    c[ImGuiCol_Tab] = rgb(226, 233, 245);
    c[ImGuiCol_TabHovered] = rgb(205, 219, 243);
    c[ImGuiCol_TabActive] = rgb(47, 111, 214);
    c[ImGuiCol_CheckMark] = rgb(47, 111, 214);
    c[ImGuiCol_SliderGrab] = rgb(47, 111, 214);
    c[ImGuiCol_SliderGrabActive] = rgb(30, 85, 180);
    c[ImGuiCol_PlotHistogram] = rgb(31, 138, 76);
    c[ImGuiCol_TableHeaderBg] = rgb(232, 236, 243);
    c[ImGuiCol_TableRowBgAlt] = rgb(0, 0, 0, 0.025f);
    c[ImGuiCol_Separator] = rgb(205, 209, 216);
    c[ImGuiCol_NavHighlight] = rgb(214, 110, 0);
    c[ImGuiCol_ModalWindowDimBg] = rgb(20, 24, 30, 0.45f);

    p.canvas_bg = col(242, 244, 238);
    p.lane_bg = col(230, 234, 226);
    p.lane_text = col(90, 98, 88);
    p.grid = col(222, 226, 218);
    p.node_bg = col(255, 255, 255);
    p.node_border = col(170, 176, 186);
    p.node_text = col(28, 32, 38);
    p.node_subtext = col(90, 96, 106);
    p.node_hover = col(47, 111, 214);
    p.node_focus = col(214, 110, 0);
    p.plan_accent = col(214, 110, 0);
    p.arrow = col(120, 128, 140);
    p.arrow_met = col(31, 138, 76);
    p.related = col(160, 100, 190);
    const ImU32 stacks[6] = {col(214, 228, 250), col(250, 232, 204), col(222, 242, 222),
                             col(240, 222, 246), col(250, 222, 222), col(214, 240, 240)};
    std::copy(stacks, stacks + 6, p.stack_fill);
    p.stack_text = col(52, 60, 72);
    const ImU32 status[6] = {col(112, 118, 128), col(37, 99, 200), col(166, 108, 20),
                             col(122, 76, 194), col(194, 65, 12), col(24, 128, 68)};
    std::copy(status, status + 6, p.status);
    p.badge_ring = col(255, 255, 255);
    p.badge_text = col(255, 255, 255);
    p.badge_shadow = col(0, 0, 0, 50);
    p.placeholder = col(168, 174, 184);
    p.card_bg = col(255, 255, 255);
    p.card_border = col(214, 218, 226);
    p.muted_text = col(92, 99, 110);
    p.good = col(24, 128, 68);
    p.warn = col(194, 65, 12);
    p.link = col(30, 90, 200);
    const ImU32 subjects[8] = {col(37, 99, 200), col(24, 128, 68), col(196, 90, 20), col(130, 70, 190),
                               col(10, 130, 140), col(190, 50, 70), col(130, 95, 50), col(200, 70, 150)};
    std::copy(subjects, subjects + 8, p.subjects);
    p.primary = rgb(47, 111, 214);
    p.primary_hover = rgb(37, 96, 196);
    p.primary_active = rgb(28, 80, 170);
    p.primary_text = rgb(255, 255, 255);
}

void dark(ImGuiStyle& s, Palette& p) {
    ImGui::StyleColorsDark(&s);
    ImVec4* c = s.Colors;
    c[ImGuiCol_Text] = rgb(232, 234, 237);
    c[ImGuiCol_TextDisabled] = rgb(150, 156, 166);
    c[ImGuiCol_WindowBg] = rgb(30, 33, 38);
    c[ImGuiCol_ChildBg] = rgb(0, 0, 0, 0.0f);
    c[ImGuiCol_PopupBg] = rgb(40, 44, 50);
    c[ImGuiCol_Border] = rgb(78, 84, 94);
    c[ImGuiCol_FrameBg] = rgb(44, 48, 56);
    c[ImGuiCol_FrameBgHovered] = rgb(54, 60, 72);
    c[ImGuiCol_FrameBgActive] = rgb(62, 70, 86);
    c[ImGuiCol_Button] = rgb(52, 62, 82);
    c[ImGuiCol_ButtonHovered] = rgb(66, 80, 108);
    c[ImGuiCol_ButtonActive] = rgb(80, 98, 134);
    c[ImGuiCol_Header] = rgb(52, 62, 82);
    c[ImGuiCol_HeaderHovered] = rgb(66, 80, 108);
    c[ImGuiCol_HeaderActive] = rgb(80, 98, 134);
    c[ImGuiCol_Tab] = rgb(44, 52, 68);
    c[ImGuiCol_TabHovered] = rgb(66, 80, 108);
    c[ImGuiCol_TabActive] = rgb(72, 128, 226);
    c[ImGuiCol_CheckMark] = rgb(120, 170, 255);
    c[ImGuiCol_SliderGrab] = rgb(100, 150, 240);
    c[ImGuiCol_SliderGrabActive] = rgb(130, 175, 255);
    c[ImGuiCol_PlotHistogram] = rgb(70, 180, 110);
    c[ImGuiCol_TableHeaderBg] = rgb(44, 48, 56);
    c[ImGuiCol_TableRowBgAlt] = rgb(255, 255, 255, 0.03f);
    c[ImGuiCol_NavHighlight] = rgb(255, 170, 60);

    p.canvas_bg = col(24, 27, 31);
    p.lane_bg = col(34, 38, 44);
    p.lane_text = col(160, 168, 178);
    p.grid = col(40, 44, 50);
    p.node_bg = col(44, 49, 57);
    p.node_border = col(96, 104, 116);
    p.node_text = col(236, 238, 241);
    p.node_subtext = col(176, 182, 192);
    p.node_hover = col(120, 170, 255);
    p.node_focus = col(255, 170, 60);
    p.plan_accent = col(255, 170, 60);
    p.arrow = col(130, 138, 150);
    p.arrow_met = col(80, 190, 120);
    p.related = col(190, 140, 230);
    const ImU32 stacks[6] = {col(40, 56, 86), col(74, 60, 36), col(38, 70, 46),
                             col(64, 44, 76), col(78, 42, 46), col(34, 68, 70)};
    std::copy(stacks, stacks + 6, p.stack_fill);
    p.stack_text = col(214, 220, 228);
    const ImU32 status[6] = {col(160, 166, 176), col(110, 165, 255), col(240, 185, 80),
                             col(185, 150, 250), col(255, 140, 90), col(90, 205, 130)};
    std::copy(status, status + 6, p.status);
    p.badge_ring = col(236, 238, 241);
    p.badge_text = col(255, 255, 255);
    p.badge_shadow = col(0, 0, 0, 90);
    p.placeholder = col(110, 118, 130);
    p.card_bg = col(38, 42, 49);
    p.card_border = col(70, 76, 86);
    p.muted_text = col(170, 176, 186);
    p.good = col(90, 205, 130);
    p.warn = col(255, 140, 90);
    p.link = col(130, 180, 255);
    const ImU32 subjects[8] = {col(60, 120, 220), col(40, 150, 90), col(210, 110, 40), col(150, 90, 210),
                               col(30, 150, 160), col(210, 70, 90), col(150, 115, 70), col(215, 90, 170)};
    std::copy(subjects, subjects + 8, p.subjects);
    p.primary = rgb(72, 128, 226);
    p.primary_hover = rgb(92, 146, 240);
    p.primary_active = rgb(110, 160, 250);
    p.primary_text = rgb(255, 255, 255);
}

// Black, white and yellow; every frame and child has a visible border.
void high_contrast(ImGuiStyle& s, Palette& p) {
    ImGui::StyleColorsDark(&s);
    s.FrameBorderSize = 2;
    s.ChildBorderSize = 2;
    s.PopupBorderSize = 2;
    s.TabBorderSize = 2;
    ImVec4* c = s.Colors;
    const ImVec4 black = rgb(0, 0, 0), white = rgb(255, 255, 255), yellow = rgb(255, 221, 0), cyan = rgb(0, 230, 255);
    c[ImGuiCol_Text] = white;
    c[ImGuiCol_TextDisabled] = rgb(200, 200, 200);
    c[ImGuiCol_WindowBg] = black;
    c[ImGuiCol_ChildBg] = black;
    c[ImGuiCol_PopupBg] = black;
    c[ImGuiCol_Border] = white;
    c[ImGuiCol_FrameBg] = black;
    c[ImGuiCol_FrameBgHovered] = rgb(50, 50, 0);
    c[ImGuiCol_FrameBgActive] = rgb(80, 80, 0);
    c[ImGuiCol_Button] = black;
    c[ImGuiCol_ButtonHovered] = rgb(70, 62, 0);
    c[ImGuiCol_ButtonActive] = rgb(110, 98, 0);
    c[ImGuiCol_Header] = rgb(70, 62, 0);
    c[ImGuiCol_HeaderHovered] = rgb(90, 80, 0);
    c[ImGuiCol_HeaderActive] = rgb(110, 98, 0);
    c[ImGuiCol_Tab] = black;
    c[ImGuiCol_TabHovered] = rgb(90, 80, 0);
    c[ImGuiCol_TabActive] = rgb(110, 98, 0);
    c[ImGuiCol_CheckMark] = yellow;
    c[ImGuiCol_SliderGrab] = yellow;
    c[ImGuiCol_SliderGrabActive] = cyan;
    c[ImGuiCol_PlotHistogram] = yellow;
    c[ImGuiCol_TableHeaderBg] = rgb(30, 30, 30);
    c[ImGuiCol_TableBorderStrong] = white;
    c[ImGuiCol_TableBorderLight] = rgb(180, 180, 180);
    c[ImGuiCol_Separator] = white;
    c[ImGuiCol_NavHighlight] = cyan;
    c[ImGuiCol_ScrollbarGrab] = rgb(200, 200, 200);

    p.high_contrast = true;
    p.canvas_bg = col(0, 0, 0);
    p.lane_bg = col(16, 16, 16);
    p.lane_text = col(255, 255, 255);
    p.grid = col(40, 40, 40);
    p.node_bg = col(0, 0, 0);
    p.node_border = col(255, 255, 255);
    p.node_text = col(255, 255, 255);
    p.node_subtext = col(235, 235, 235);
    p.node_hover = col(0, 230, 255);
    p.node_focus = col(0, 230, 255);
    p.plan_accent = col(255, 221, 0);
    p.arrow = col(230, 230, 230);
    p.arrow_met = col(255, 221, 0);
    p.related = col(0, 230, 255);
    for (ImU32& f : p.stack_fill) f = col(44, 44, 30);
    p.stack_text = col(255, 221, 0);
    for (ImU32& st : p.status) st = col(255, 255, 255);
    p.status[static_cast<int>(Status::earned)] = col(255, 221, 0);
    p.status[static_cast<int>(Status::not_yet)] = col(0, 230, 255);
    p.badge_ring = col(255, 255, 255);
    p.badge_text = col(255, 255, 255);
    p.badge_shadow = col(0, 0, 0, 0);
    p.placeholder = col(200, 200, 200);
    p.card_bg = col(0, 0, 0);
    p.card_border = col(255, 255, 255);
    p.muted_text = col(235, 235, 235);
    p.good = col(255, 221, 0);
    p.warn = col(0, 230, 255);
    p.link = col(0, 230, 255);
    for (ImU32& sc : p.subjects) sc = col(0, 0, 0);
    p.primary = yellow;
    p.primary_hover = rgb(255, 235, 90);
    p.primary_active = cyan;
    p.primary_text = black;
}

}  // namespace

void apply_theme(app::Theme theme, float scale) {
    ImGuiStyle& s = ImGui::GetStyle();
    base_style(s);
    ImGuiStyle colors;
    Palette p{};
    switch (theme) {
        case app::Theme::light: light(colors, p); break;
        case app::Theme::dark: dark(colors, p); break;
        case app::Theme::high_contrast: high_contrast(colors, p); break;
    }
    std::copy(colors.Colors, colors.Colors + ImGuiCol_COUNT, s.Colors);
    if (theme == app::Theme::high_contrast) {
        s.FrameBorderSize = colors.FrameBorderSize;
        s.ChildBorderSize = colors.ChildBorderSize;
        s.PopupBorderSize = colors.PopupBorderSize;
        s.TabBorderSize = colors.TabBorderSize;
    }
    s.ScaleAllSizes(scale);
    g_palette = p;
}

const Palette& palette() { return g_palette; }

ImU32 fade(ImU32 c, float a) {
    const ImU32 alpha = static_cast<ImU32>(((c >> IM_COL32_A_SHIFT) & 0xFF) * std::clamp(a, 0.0f, 1.0f));
    return (c & ~IM_COL32_A_MASK) | (alpha << IM_COL32_A_SHIFT);
}

ImU32 mix(ImU32 a, ImU32 b, float t) {
    auto ch = [&](int shift) {
        const float x = float((a >> shift) & 0xFF), y = float((b >> shift) & 0xFF);
        return static_cast<ImU32>(x + (y - x) * t) & 0xFF;
    };
    return (ch(IM_COL32_R_SHIFT) << IM_COL32_R_SHIFT) | (ch(IM_COL32_G_SHIFT) << IM_COL32_G_SHIFT) |
           (ch(IM_COL32_B_SHIFT) << IM_COL32_B_SHIFT) | (a & IM_COL32_A_MASK);
}

}  // namespace mastery::ui
