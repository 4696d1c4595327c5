// Small drawing helpers shared by the views: status icons with words (never colour
// alone), the placeholder badge "sticker", headings, cards, links, touch scrolling.
// They read state and draw; none of them changes the record.
#pragma once

#include "app/services.hpp"
#include "app/ui_state.hpp"
#include "mastery/engine.hpp"
#include "mastery/model.hpp"

#include <imgui.h>

#include <string>

namespace mastery::ui {

// Every page is a window the shell places; it has no title bar and never moves.
inline constexpr ImGuiWindowFlags kPageFlags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize |
                                               ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoCollapse |
                                               ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;

const char* status_text(Status s);   // "Waiting for review"
const char* status_short(Status s);  // "Waiting"

// A distinct shape per status: padlock, play ring, half circle, hourglass, turn-around
// arrow, check in a disc.
void draw_status_icon(ImDrawList* dl, ImVec2 center, float radius, Status s, ImU32 color);
// An inline item: the status icon and its word, in the status colour.
void status_tag(Status s, bool short_text = false);
// The icon of `icon` with any word, e.g. the "earned" check beside "Met".
void icon_tag(Status icon, const char* word);

// The placeholder badge until the badge studio exists: a rosette in the subject's colour
// with the competency's initials and the level number; `earned == false` draws a dashed
// empty spot.
struct BadgeLook {
    std::string initials;  // "RR" for "Ratio Reasoning"
    int level = 0;         // shown on a small disc; 0 = none
    ImU32 color = 0;       // the subject colour
    bool earned = true;
};
void draw_badge(ImDrawList* dl, ImVec2 center, float radius, const BadgeLook& look);
void badge_item(const BadgeLook& look, float radius);  // reserves the space as an item
std::string initials_of(const std::string& title);
int subject_index(const Pathway& p, const std::string& subject);  // order of first appearance
BadgeLook badge_for(const Pathway& p, const Competency& c, int level, bool earned);

std::string level_name(const Pathway& p, const Competency& c, int level);  // "Developing"
int level_count(const Pathway& p, const Competency& c);
// The level a student works on next: the first not earned (or the last when all are).
int current_level(const Progress& pr, const Pathway& p, const Competency& c);

float em();                                 // the current font size in pixels
void heading(const char* text);             // big bold
void subheading(const char* text);          // bold
void text_muted(const char* text);          // wrapped, softer colour
void text_wrapped_colored(ImU32 color, const char* text);
bool primary_button(const char* label, const ImVec2& size = ImVec2(0, 0));
// One of a few choices: the chosen one is filled and starts with a check mark.
bool choice_button(const char* label, bool chosen, float width = 0.0f);
// A link that opens in a new tab (http/https only); shows the address on hover.
bool link_button(const char* label, const std::string& url, app::Services& services);
void progress_bar(float fraction, const char* overlay, float width = -1.0f);
// Cards: a bordered child that grows with its content.
bool begin_card(const char* id, float width = 0.0f);
void end_card();
// One-finger drag scrolls the current window on touch screens (ImGui does not).
void touch_scroll(const app::UiState& ui);
// Tooltip on hover, shown at once (frames are rendered only on input).
void tooltip(const char* text);

}  // namespace mastery::ui
