// The competency chart: rows are competencies (grouped by subject or by stack), columns
// are levels; an earned spot shows the badge like a sticker, the others an icon + word.
#pragma once

#include "ui/view_context.hpp"

namespace mastery::ui {

struct ChartView {
    bool by_stack = false;  // group rows by stack instead of subject
    int drawn_cells = 0;    // last frame, for tests

    void draw(ViewContext& ctx);
};

}  // namespace mastery::ui
