// One competency: its statement, levels with their public rubric, resources, the evidence
// editor (three-part prompts; writing, links, photos), self-assessment per criterion,
// "send for review", and the history of attempts with each review's decisions.
#pragma once

#include "ui/view_context.hpp"

#include <string>

namespace mastery::ui {

struct CompetencyView {
    // Text being typed, per evidence part (0 overview, 1 artifact, 2 reflection), kept
    // until "Add" commits it. Reset when another competency level is opened.
    struct Draft {
        int editor[3] = {0, 0, 0};       // 0 closed, 1 writing, 2 link
        std::string text[3];
        std::string url[3];
        std::string caption[3];
        std::string note;                // message to the reviewer
    };
    Draft draft;
    std::string draft_key;              // "competency#level" the draft belongs to

    std::string editing;                // evidence id being edited in place; "" = none
    std::string edit_text, edit_url;

    int shown_level = 0;                // the level tab on screen (1-based)
    std::string shown_competency;

    void draw(ViewContext& ctx);

private:
    void draw_header(ViewContext& ctx, const Competency& c);
    void draw_level(ViewContext& ctx, const Competency& c, int level);
    void draw_evidence(ViewContext& ctx, const Competency& c, int level, bool open);
    void draw_history(ViewContext& ctx, const Competency& c, int level);
};

}  // namespace mastery::ui
