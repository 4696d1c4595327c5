// Review (a teacher or mentor at the student's device): the queue of submissions, then the
// criteria beside the evidence, met / not yet per criterion in one click each, feedback,
// and "Save review". Earned needs every criterion met (the core decides).
#pragma once

#include "mastery/model.hpp"
#include "ui/view_context.hpp"

#include <string>
#include <vector>

namespace mastery::ui {

struct ReviewView {
    // The decision being made, until "Save review" (UI state, never saved).
    std::string draft_key;                 // "competency#level#attempt"
    std::vector<Rating> decisions;         // per criterion, in rubric order; unrated = not decided
    std::vector<std::string> comments;
    std::string feedback;

    void draw(ViewContext& ctx);

private:
    void draw_queue(ViewContext& ctx, float width);
    void draw_form(ViewContext& ctx, const Competency& c, int level);
};

}  // namespace mastery::ui
