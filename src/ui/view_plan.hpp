// My plan: goals chosen from the menu of competencies and stacks (target level, optional
// date), reordering, progress per goal, next steps with reasons, stack progress, and a
// timeline of levels earned.
#pragma once

#include "ui/view_context.hpp"

#include <string>

namespace mastery::ui {

struct PlanView {
    // "Add a goal" popup (text being typed lives here until "Add" is pressed)
    bool add_stack = false;
    std::string add_filter;
    std::string add_target;     // competency or stack id chosen in the list
    int add_level = 1;
    std::string add_date;       // YYYY-MM-DD or ""
    bool open_add = false;      // request to open the popup next frame

    // Editing one goal in place
    std::string edit_goal;      // goal id; "" = none
    int edit_level = 1;
    std::string edit_date;

    void draw(ViewContext& ctx);

private:
    void draw_goals(ViewContext& ctx);
    void draw_add_popup(ViewContext& ctx);
    void draw_next_steps(ViewContext& ctx);
    void draw_stacks(ViewContext& ctx);
    void draw_timeline(ViewContext& ctx);
};

}  // namespace mastery::ui
