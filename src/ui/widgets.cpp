// Shared drawing helpers: status icons, badge stickers, headings, cards, links.
#include "ui/widgets.hpp"

#include "app/strings.hpp"
#include "ui/fonts.hpp"
#include "ui/theme.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <cctype>
#include <cmath>

namespace mastery::ui {

using app::S;
using app::tr;

namespace {
constexpr float kPi = 3.14159265f;
}

const char* status_text(Status s) {
    switch (s) {
        case Status::locked: return tr(S::status_locked);
        case Status::available: return tr(S::status_available);
        case Status::in_progress: return tr(S::status_in_progress);
        case Status::submitted: return tr(S::status_submitted);
        case Status::not_yet: return tr(S::status_not_yet);
        case Status::earned: return tr(S::status_earned);
    }
    return "";
}

const char* status_short(Status s) {
    switch (s) {
        case Status::locked: return tr(S::status_short_locked);
        case Status::available: return tr(S::status_short_available);
        case Status::in_progress: return tr(S::status_short_in_progress);
        case Status::submitted: return tr(S::status_short_submitted);
        case Status::not_yet: return tr(S::status_short_not_yet);
        case Status::earned: return tr(S::status_short_earned);
    }
    return "";
}

void draw_status_icon(ImDrawList* dl, ImVec2 c, float r, Status s, ImU32 color) {
    const float t = std::max(1.5f, r * 0.2f);  // stroke width
    const Palette& pal = palette();
    const ImU32 on = pal.high_contrast ? IM_COL32(0, 0, 0, 255) : IM_COL32(255, 255, 255, 255);
    switch (s) {
        case Status::locked: {
            dl->AddRectFilled(ImVec2(c.x - 0.62f * r, c.y - 0.12f * r), ImVec2(c.x + 0.62f * r, c.y + 0.82f * r), color, 0.15f * r);
            dl->PathArcTo(ImVec2(c.x, c.y - 0.12f * r), 0.4f * r, kPi, 2 * kPi, 10);
            dl->PathStroke(color, 0, t);
            dl->AddLine(ImVec2(c.x - 0.4f * r, c.y - 0.14f * r), ImVec2(c.x - 0.4f * r, c.y - 0.3f * r), color, t);
            dl->AddLine(ImVec2(c.x + 0.4f * r, c.y - 0.14f * r), ImVec2(c.x + 0.4f * r, c.y - 0.3f * r), color, t);
            dl->AddCircleFilled(ImVec2(c.x, c.y + 0.3f * r), 0.13f * r, on);
            break;
        }
        case Status::available: {
            dl->AddCircle(c, 0.85f * r, color, 20, t);
            dl->AddTriangleFilled(ImVec2(c.x - 0.25f * r, c.y - 0.42f * r), ImVec2(c.x - 0.25f * r, c.y + 0.42f * r),
                                  ImVec2(c.x + 0.45f * r, c.y), color);
            break;
        }
        case Status::in_progress: {
            dl->AddCircle(c, 0.85f * r, color, 20, t);
            dl->PathLineTo(c);
            dl->PathArcTo(c, 0.85f * r, -kPi / 2, kPi / 2, 12);
            dl->PathFillConvex(color);
            break;
        }
        case Status::submitted: {
            const float w = 0.6f * r, h = 0.8f * r;
            dl->AddLine(ImVec2(c.x - w, c.y - h), ImVec2(c.x + w, c.y - h), color, t);
            dl->AddLine(ImVec2(c.x - w, c.y + h), ImVec2(c.x + w, c.y + h), color, t);
            dl->AddTriangle(ImVec2(c.x - 0.5f * r, c.y - h), ImVec2(c.x + 0.5f * r, c.y - h), c, color, t * 0.8f);
            dl->AddTriangleFilled(ImVec2(c.x - 0.5f * r, c.y + h), ImVec2(c.x + 0.5f * r, c.y + h), c, color);
            break;
        }
        case Status::not_yet: {
            // A turn-around arrow: "try again", not a cross.
            const float a0 = -0.15f * kPi, a1 = 1.45f * kPi, rr = 0.68f * r;
            dl->PathArcTo(c, rr, a0, a1, 20);
            dl->PathStroke(color, 0, t);
            const ImVec2 tip(c.x + std::cos(a0) * rr, c.y + std::sin(a0) * rr);
            dl->AddTriangleFilled(ImVec2(tip.x - 0.42f * r, tip.y - 0.05f * r), ImVec2(tip.x + 0.36f * r, tip.y - 0.12f * r),
                                  ImVec2(tip.x + 0.02f * r, tip.y + 0.45f * r), color);
            break;
        }
        case Status::earned: {
            dl->AddCircleFilled(c, 0.9f * r, color, 20);
            dl->PathLineTo(ImVec2(c.x - 0.45f * r, c.y + 0.02f * r));
            dl->PathLineTo(ImVec2(c.x - 0.12f * r, c.y + 0.36f * r));
            dl->PathLineTo(ImVec2(c.x + 0.48f * r, c.y - 0.34f * r));
            dl->PathStroke(on, 0, t * 1.1f);
            break;
        }
    }
}

void status_tag(Status s, bool short_text) { icon_tag(s, short_text ? status_short(s) : status_text(s)); }

void icon_tag(Status s, const char* word) {
    const float size = ImGui::GetFontSize();
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const ImU32 color = palette().status_color(s);
    ImGui::Dummy(ImVec2(size, size));
    draw_status_icon(ImGui::GetWindowDrawList(), ImVec2(pos.x + size * 0.5f, pos.y + size * 0.5f), size * 0.5f, s, color);
    ImGui::SameLine(0, size * 0.35f);
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    ImGui::TextUnformatted(word);
    ImGui::PopStyleColor();
}

std::string initials_of(const std::string& title) {
    std::string out;
    bool start = true;
    for (std::size_t i = 0; i < title.size() && out.size() < 2; ++i) {
        const unsigned char ch = static_cast<unsigned char>(title[i]);
        if (std::isalnum(ch)) {
            if (start) out += static_cast<char>(std::toupper(ch));
            start = false;
        } else if (ch == ' ' || ch == '-' || ch == '/' || ch == '&') {
            start = true;
        } else if (ch >= 0x80) {
            start = false;  // skip non-ASCII letters in initials (they are rare in titles)
        }
    }
    return out.empty() ? "?" : out;
}

int subject_index(const Pathway& p, const std::string& subject) {
    std::vector<const std::string*> seen;
    for (const Competency& c : p.competencies) {
        bool known = false;
        for (const std::string* s : seen) known = known || *s == c.subject;
        if (!known) {
            if (c.subject == subject) return static_cast<int>(seen.size());
            seen.push_back(&c.subject);
        }
    }
    return 0;
}

BadgeLook badge_for(const Pathway& p, const Competency& c, int level, bool earned) {
    BadgeLook b;
    b.initials = initials_of(c.title);
    b.level = level;
    b.color = palette().subject_color(subject_index(p, c.subject));
    b.earned = earned;
    return b;
}

void draw_badge(ImDrawList* dl, ImVec2 c, float r, const BadgeLook& look) {
    const Palette& pal = palette();
    if (!look.earned) {
        // An empty spot: a dashed ring, waiting for its sticker.
        const int dashes = std::clamp(static_cast<int>(r * 0.6f), 8, 20);
        for (int i = 0; i < dashes; ++i) {
            const float a0 = 2 * kPi * i / dashes, a1 = a0 + kPi / dashes;
            dl->PathArcTo(c, r * 0.86f, a0, a1, 4);
            dl->PathStroke(pal.placeholder, 0, std::max(1.0f, r * 0.08f));
        }
        if (r >= 12 && !look.initials.empty()) {
            ImFont* f = fonts().bold;
            const float size = r * 0.62f;
            const ImVec2 ts = f->CalcTextSizeA(size, FLT_MAX, 0, look.initials.c_str());
            dl->AddText(f, size, ImVec2(c.x - ts.x * 0.5f, c.y - ts.y * 0.5f), pal.placeholder, look.initials.c_str());
        }
        return;
    }
    const ImU32 fill = pal.high_contrast ? IM_COL32(0, 0, 0, 255) : look.color;
    const ImU32 ring = pal.badge_ring;
    // ribbon tails behind the rosette
    if (r >= 10) {
        const ImU32 tail = pal.high_contrast ? IM_COL32(255, 221, 0, 255) : mix(fill, IM_COL32(0, 0, 0, 255), 0.25f);
        dl->AddQuadFilled(ImVec2(c.x - 0.55f * r, c.y + 0.3f * r), ImVec2(c.x - 0.1f * r, c.y + 0.45f * r),
                          ImVec2(c.x - 0.3f * r, c.y + 1.25f * r), ImVec2(c.x - 0.7f * r, c.y + 1.05f * r), tail);
        dl->AddQuadFilled(ImVec2(c.x + 0.1f * r, c.y + 0.45f * r), ImVec2(c.x + 0.55f * r, c.y + 0.3f * r),
                          ImVec2(c.x + 0.7f * r, c.y + 1.05f * r), ImVec2(c.x + 0.3f * r, c.y + 1.25f * r), tail);
    }
    dl->AddCircleFilled(ImVec2(c.x, c.y + 0.07f * r), r * 0.98f, pal.badge_shadow, 28);
    // scalloped rosette edge
    const int bumps = 14;
    for (int i = 0; i < bumps; ++i) {
        const float a = 2 * kPi * i / bumps;
        dl->AddCircleFilled(ImVec2(c.x + std::cos(a) * r * 0.8f, c.y + std::sin(a) * r * 0.8f), r * 0.2f, ring, 10);
    }
    dl->AddCircleFilled(c, r * 0.84f, ring, 28);
    dl->AddCircleFilled(c, r * 0.74f, fill, 28);
    dl->AddCircle(c, r * 0.64f, fade(ring, 0.55f), 28, std::max(1.0f, r * 0.04f));
    ImFont* f = fonts().bold;
    const float size = r * (look.initials.size() > 1 ? 0.62f : 0.8f);
    const ImVec2 ts = f->CalcTextSizeA(size, FLT_MAX, 0, look.initials.c_str());
    dl->AddText(f, size, ImVec2(c.x - ts.x * 0.5f, c.y - ts.y * 0.52f), pal.badge_text, look.initials.c_str());
    if (look.level > 0 && r >= 12) {
        const ImVec2 pc(c.x + r * 0.62f, c.y + r * 0.62f);
        const float pr = r * 0.34f;
        dl->AddCircleFilled(pc, pr, ring, 16);
        dl->AddCircleFilled(pc, pr * 0.8f, pal.high_contrast ? IM_COL32(0, 0, 0, 255) : mix(fill, IM_COL32(0, 0, 0, 255), 0.3f), 16);
        char num[8];
        std::snprintf(num, sizeof num, "%d", look.level);
        const float ns = pr * 1.2f;
        const ImVec2 nts = f->CalcTextSizeA(ns, FLT_MAX, 0, num);
        dl->AddText(f, ns, ImVec2(pc.x - nts.x * 0.5f, pc.y - nts.y * 0.5f), pal.badge_text, num);
    }
}

void badge_item(const BadgeLook& look, float radius) {
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(radius * 2, radius * 2.3f));
    draw_badge(ImGui::GetWindowDrawList(), ImVec2(pos.x + radius, pos.y + radius), radius, look);
}

std::string level_name(const Pathway& p, const Competency& c, int level) {
    const auto& scale = p.scale_of(c);
    if (level >= 1 && level <= static_cast<int>(scale.size())) return scale[level - 1];
    return "Level " + std::to_string(level);
}

int level_count(const Pathway& p, const Competency& c) {
    return static_cast<int>(std::min(p.scale_of(c).size(), c.levels.size()));
}

int current_level(const Progress& pr, const Pathway& p, const Competency& c) {
    const int n = level_count(p, c);
    const int earned = pr.earned_level(c.id);
    return std::clamp(earned + 1, 1, std::max(1, n));
}

float em() { return ImGui::GetFontSize(); }

void heading(const char* text) {
    ImGui::PushFont(fonts().heading);
    ImGui::TextWrapped("%s", text);
    ImGui::PopFont();
}

void subheading(const char* text) {
    ImGui::PushFont(fonts().bold);
    ImGui::TextWrapped("%s", text);
    ImGui::PopFont();
}

void text_wrapped_colored(ImU32 color, const char* text) {
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    ImGui::TextWrapped("%s", text);
    ImGui::PopStyleColor();
}

void text_muted(const char* text) { text_wrapped_colored(palette().muted_text, text); }

bool primary_button(const char* label, const ImVec2& size) {
    const Palette& pal = palette();
    ImGui::PushStyleColor(ImGuiCol_Button, pal.primary);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, pal.primary_hover);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, pal.primary_active);
    ImGui::PushStyleColor(ImGuiCol_Text, pal.primary_text);
    ImGui::PushFont(fonts().bold);
    const bool pressed = ImGui::Button(label, size);
    ImGui::PopFont();
    ImGui::PopStyleColor(4);
    return pressed;
}

bool choice_button(const char* label, bool chosen, float width) {
    const Palette& pal = palette();
    if (chosen) {
        ImGui::PushStyleColor(ImGuiCol_Button, pal.primary);
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, pal.primary_hover);
        ImGui::PushStyleColor(ImGuiCol_ButtonActive, pal.primary_active);
        ImGui::PushStyleColor(ImGuiCol_Text, pal.primary_text);
    }
    // the id stays the same whether chosen or not (only the visible text changes)
    const std::string text = (chosen ? std::string("\xe2\x9c\x93 ") + label : std::string(label)) + "###" + label;
    const bool pressed = ImGui::Button(text.c_str(), ImVec2(width, 0));
    if (chosen) ImGui::PopStyleColor(4);
    return pressed;
}

bool link_button(const char* label, const std::string& url, app::Services& services) {
    const bool ok = app::is_web_link(url);
    ImGui::PushStyleColor(ImGuiCol_Text, palette().link);
    ImGui::BeginDisabled(!ok);
    const bool pressed = ImGui::Button(label);
    ImGui::EndDisabled();
    ImGui::PopStyleColor();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) tooltip(url.c_str());
    if (pressed && ok) services.open_url(url);
    return pressed && ok;
}

void progress_bar(float fraction, const char* overlay, float width) {
    ImGui::PushStyleColor(ImGuiCol_PlotHistogram, palette().good);
    ImGui::PushStyleColor(ImGuiCol_FrameBg, fade(palette().placeholder, 0.35f));
    ImGui::PushStyleColor(ImGuiCol_Text, palette().high_contrast ? IM_COL32(255, 255, 255, 255) : ImGui::GetColorU32(ImGuiCol_Text));
    ImGui::ProgressBar(std::clamp(fraction, 0.0f, 1.0f), ImVec2(width, 0), overlay);
    ImGui::PopStyleColor(3);
}

bool begin_card(const char* id, float width) {
    const Palette& pal = palette();
    ImGui::PushStyleColor(ImGuiCol_ChildBg, pal.card_bg);
    ImGui::PushStyleColor(ImGuiCol_Border, pal.card_border);
    const bool open = ImGui::BeginChild(id, ImVec2(width, 0),
                                        ImGuiChildFlags_Border | ImGuiChildFlags_AutoResizeY | ImGuiChildFlags_AlwaysUseWindowPadding,
                                        ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    return open;
}

void end_card() {
    ImGui::EndChild();
    ImGui::PopStyleColor(2);
}

void touch_scroll(const app::UiState& ui) {
    if (!ui.touch) return;
    ImGuiContext& g = *ImGui::GetCurrentContext();
    if (g.ActiveId != 0 && g.ActiveIdWindow != ImGui::GetCurrentWindow()) return;
    if (!ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows) || !ImGui::IsMouseDragging(ImGuiMouseButton_Left)) return;
    if (g.ActiveId != 0 && g.ActiveId != ImGui::GetCurrentWindow()->MoveId) return;
    ImGui::SetScrollY(ImGui::GetScrollY() - ImGui::GetIO().MouseDelta.y);
}

void tooltip(const char* text) {
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(em() * 24);
    ImGui::TextUnformatted(text);
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

}  // namespace mastery::ui
