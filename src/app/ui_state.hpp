// UI state shared between views: which page is open, what is selected, the message bar,
// and input the platform delivers outside ImGui (pinch). Never saved, never exported.
// Plain values only: no ImGui types, so the app layer builds without a renderer.
#pragma once

#include <string>

namespace mastery::app {

enum class Page { map, chart, plan, competency, review, settings, studio };

struct UiState {
    Page page = Page::map;
    Page back_page = Page::map;       // where "Back" on the competency page returns to

    std::string competency;           // the competency page's subject (id)
    int level = 0;                    // level to show next frame, 1-based; 0 = the current one;
                                      // -1 = no request (the view keeps its tab)

    std::string review_competency;    // the review form's subject; "" = show the queue only
    int review_level = 0;

    std::string studio_key;           // the badge studio's subject: "competency:<id>:<level>" | "stack:<id>"
    Page studio_back = Page::map;     // where the studio returns to

    std::string message;              // one line at the bottom; "" = none
    bool message_is_error = false;

    // Input the platform hands over between frames.
    float pinch_factor = 1.0f;        // > 1 zooms in; reset to 1 when the map consumes it
    float pinch_x = 0, pinch_y = 0;   // pinch centre in canvas pixels
    float pinch_dx = 0, pinch_dy = 0; // two-finger movement in canvas pixels (pans the map)
    bool touch = false;               // the last pointer input was a finger

    // Set by a view while something moves (map camera glide): keep frames coming.
    bool animating = false;

    void open_competency(const std::string& id, int lvl) {
        if (page != Page::competency) back_page = page;
        page = Page::competency;
        competency = id;
        level = lvl;
    }
    void open_studio(const std::string& key) {
        if (page != Page::studio) studio_back = page;
        page = Page::studio;
        studio_key = key;
    }
    void open_review(const std::string& id, int lvl) {
        page = Page::review;
        review_competency = id;
        review_level = lvl;
    }
    void say(std::string text, bool error = false) {
        message = std::move(text);
        message_is_error = error;
    }
};

}  // namespace mastery::app
