// Settings: the learner's name (in the record, through an action), how the app looks on
// this device (prefs: UI scale, theme, reduced motion), the pathway, saving work to a file.
#pragma once

#include "ui/view_context.hpp"

#include <string>

namespace mastery::ui {

struct SettingsView {
    std::string name_draft;       // the name being typed; committed by "Save"
    std::string name_for;         // record id the draft was filled from
    int scale_draft = 0;          // slider value while dragging; applied on release
    std::string confirm_pathway;  // index file waiting for "Start fresh?" confirmation

    void draw(ViewContext& ctx);
};

}  // namespace mastery::ui
