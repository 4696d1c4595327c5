// Saving and files, as the student sees them: the save state in the top bar (icon + word),
// the notices under it (storage full or switched off, another tab, a mentor's review of a
// student's file), the import preview that waits for "yes", the recovery notice, the
// progress of long file tasks, and "leave without saving the reviews?".
// They read Session state and call Session commands; the record changes only by dispatch.
#pragma once

#include "app/session.hpp"
#include "ui/view_context.hpp"

namespace mastery::ui {

struct FilesView {
    // The save state, drawn inline in the top bar.
    void draw_save_state(app::Session& s);
    // Banners under the top bar: returns the height used (0 = none), placed at `top`.
    float draw_notices(app::Session& s, ViewContext& ctx, float top);
    // Modal windows: the import preview, the recovery notice, "leave anyway?"; while a long
    // file task shows its progress, only that (it also draws when no record is open yet).
    void draw_dialogs(app::Session& s, ViewContext& ctx);
    // The progress window of a long file task; true while it is on screen.
    bool draw_job(app::Session& s);
};

}  // namespace mastery::ui
