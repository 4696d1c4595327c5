// Every word the app shows, in one table, so a translation is one more column and never
// touches a view. Views call tr(S::name); strings with %s/%d are printf formats (fmt()).
// Data words (competency titles, level names) come from the pathway, not from here.
#pragma once

#include "app/strings_files.hpp"
#include "app/strings_studio.hpp"

namespace mastery::app {

// X(name, English). Keep the names short and the English plain: the readers are 8-18.
#define MASTERY_STRINGS(X)                                                                          \
    X(app_title, "Mastery Map")                                                                      \
    /* navigation */                                                                                \
    X(nav_map, "Map")                                                                                \
    X(nav_chart, "My chart")                                                                         \
    X(nav_plan, "My plan")                                                                           \
    X(nav_review, "Review")                                                                          \
    X(nav_settings, "Settings")                                                                      \
    X(nav_menu, "More")                                                                              \
    X(nav_back, "Back")                                                                              \
    X(menu_undo, "Undo")                                                                             \
    X(menu_redo, "Redo")                                                                             \
    X(menu_export, "Save my work to a file")                                                         \
    X(menu_import, "Open a work file")                                                               \
    X(menu_open_for_review, "Open a student's file to review")                                       \
    X(menu_sample, "Try the sample student (demo)")                                                  \
    X(menu_pathways, "Choose a pathway")                                                             \
    X(menu_new_record_confirm, "Start fresh on \"%s\"? Your current work stays on this device: open it again from Settings > Records on this device.") \
    X(menu_start, "Start")                                                                           \
    X(cancel, "Cancel")                                                                              \
    X(ok, "OK")                                                                                      \
    X(close, "Close")                                                                                \
    X(save, "Save")                                                                                  \
    X(edit, "Edit")                                                                                  \
    X(remove, "Remove")                                                                              \
    X(open, "Open")                                                                                  \
    X(go, "Go")                                                                                      \
    X(hello_reviewing_fmt, "Reviewing %s's work")                                                    \
    X(hello_fmt, "Hi, %s")                                                                           \
    /* startup */                                                                                   \
    X(loading, "Loading your pathway...")                                                            \
    X(load_failed_title, "This pathway could not be opened")                                         \
    X(load_failed_body, "The file has problems a teacher can fix. Here is what the checker found:")  \
    X(load_failed_fetch_fmt, "Could not download %s (%s).")                                          \
    X(load_try_default, "Open the usual pathway instead")                                            \
    X(import_failed_fmt, "That file could not be opened: %s")                                        \
    X(imported, "Opened the work file.")                                                             \
    X(sample_loaded, "This is a sample student's work, for trying things out.")                      \
    X(refused_fmt, "That did not work: %s")                                                          \
    /* saving on this device, files, two tabs, the mentor */                                            \
    X(save_saved, "Saved")                                                                           \
    X(save_saving, "Saving...")                                                                      \
    X(save_failed, "Not saved!")                                                                     \
    X(save_read_only, "View only")                                                                   \
    X(save_not_here, "Not kept on this device")                                                      \
    X(save_saved_tip, "Your work is saved on this device. Save it to a file too, to keep a copy safe.") \
    X(save_failed_tip, "Your latest changes are only in this tab. Save your work to a file so nothing is lost.") \
    X(banner_full, "This device is out of space, so your latest work could not be saved here. It is safe while this tab stays open: save it to a file now.") \
    X(banner_unavailable, "This browser is not letting Mastery Map save here (saving may be switched off, or this is a private window). Your work is safe while this tab stays open: save it to a file now.") \
    X(banner_save_file, "Save to a file now")                                                        \
    X(banner_try_again, "Try saving again")                                                          \
    X(banner_hide, "Hide")                                                                           \
    X(reminder_fmt, "You have done new work, and it has been more than %d days since you saved a copy to a file. A copy keeps it safe if this browser forgets it.") \
    X(reminder_save, "Save a copy to a file")                                                        \
    X(reminder_later, "Not now")                                                                     \
    X(records_title, "Records on this device")                                                       \
    X(records_help, "Each record is one learner on one pathway. They stay apart: nothing from one shows up in another.") \
    X(records_open, "Open this one")                                                                 \
    X(records_current, "Open now")                                                                   \
    X(records_row_fmt, "%s · %s")                                                                    \
    X(records_saved_fmt, "last saved %s")                                                            \
    X(records_none, "Only the record you see is kept here.")                                         \
    X(switch_unsaved, "Your latest changes are not saved on this device yet, so switching now could lose them. Save your work to a file first.") \
    X(read_only_banner, "Mastery Map is already open in another tab. This tab can only look, so nothing gets mixed up. Keep working in the other tab, or close it: this tab then opens your latest work.") \
    X(read_only_refused, "this work is open in another tab, so this tab can only look. Use the other tab, or close it and this one will take over.") \
    X(recovery_title, "We fixed a problem with your saved work")                                     \
    X(recovery_backup, "Your last saved work could not be opened, so we opened the newest good copy instead. The most recent changes may be missing.") \
    X(recovery_none, "Your saved work could not be opened, and there was no good copy to go back to, so you are starting fresh.") \
    X(recovery_kept, "Nothing was thrown away: the data that did not open is kept on this device. You can download it to give to a teacher.") \
    X(recovery_reason_fmt, "What was wrong: %s")                                                     \
    X(recovery_download, "Download the data that did not open")                                      \
    X(import_title_record, "Open this work file?")                                                   \
    X(import_title_reviews, "Add these reviews to your work?")                                       \
    X(import_file_fmt, "File: %s")                                                                   \
    X(import_will_change, "What will change:")                                                       \
    X(import_replace, "Yes, replace my work")                                                        \
    X(import_add_reviews, "Yes, add the reviews")                                                    \
    X(import_undo_hint, "You can change your mind afterwards: More > Undo brings your work back.")   \
    X(import_save_first, "Save my work to a file first")                     \
    X(import_reviews_from_fmt, "Reviewed by: %s")                                                    \
    X(import_reviews_new_one, "1 new review")                                                        \
    X(import_reviews_new_fmt, "%d new reviews")                                                      \
    X(import_review_earned_fmt, "%s · %s: earned!")                                                  \
    X(import_review_not_yet_fmt, "%s · %s: not yet, with next steps")                                \
    X(import_reviews_already_fmt, "%d already in your work (nothing changes for those)")             \
    X(import_reviews_skipped_fmt, "Left out: %s")                                                    \
    X(import_reviews_nothing_new, "Nothing new: those reviews were already in your work.")           \
    X(import_failed_file_fmt, "The file \"%s\" could not be opened: %s")                             \
    X(import_too_big_fmt, "The file \"%s\" is too big to open (%.1f MB; the most is %.0f MB).")      \
    X(import_close_review_first, "Close the student's file first (the button at the top).")          \
    X(import_cancelled, "Nothing was changed.")                                                      \
    X(imported_undo, "Opened the work file. Changed your mind? More > Undo brings your work back.")  \
    X(mentor_banner_fmt, "You are reviewing %s's work from the file \"%s\". It is only kept in this tab and is never saved on this device.") \
    X(mentor_save_reviews, "Save reviews to a file")                                                 \
    X(mentor_close, "Close the student's file")                                                      \
    X(mentor_saved_fmt, "Saved %d reviews to a file. Give it back to the student.")                  \
    X(mentor_closed, "Back to your own work.")                                                       \
    X(review_save_file_help, "Give this file back to the student: they open it with More > Open a work file.") \
    /* statuses (shown with an icon, never colour alone) */                                         \
    X(status_locked, "Locked")                                                                       \
    X(status_available, "Ready to start")                                                            \
    X(status_in_progress, "In progress")                                                             \
    X(status_submitted, "Waiting for review")                                                        \
    X(status_not_yet, "Not yet: keep going")                                                         \
    X(status_earned, "Earned")                                                                       \
    X(status_short_locked, "Locked")                                                                 \
    X(status_short_available, "Ready")                                                               \
    X(status_short_in_progress, "Working")                                                           \
    X(status_short_submitted, "Waiting")                                                             \
    X(status_short_not_yet, "Not yet")                                                               \
    X(status_short_earned, "Earned")                                                                 \
    X(all_levels_earned, "All levels earned")                                                        \
    /* map */                                                                                       \
    X(map_search_hint, "Search skills...")                                                           \
    X(map_subject, "Subject")                                                                        \
    X(map_status, "Status")                                                                          \
    X(map_all, "All")                                                                                \
    X(map_only_plan, "Only my plan")                                                                 \
    X(map_related, "Related links")                                                                  \
    X(map_fit, "Fit all")                                                                            \
    X(map_zoom_in, "+")                                                                              \
    X(map_zoom_out, "-")                                                                             \
    X(map_in_plan, "In my plan")                                                                     \
    X(map_stack_fmt, "%s: %d of %d")                                                                 \
    X(map_needs_fmt, "needs %s")                                                                     \
    X(map_matches_fmt, "%d found")                                                                   \
    X(map_no_match, "Nothing found")                                                                 \
    X(map_help, "Drag to move, scroll or pinch to zoom, click a skill to open it.")                  \
    X(map_level_status_fmt, "%s: %s")                                                                \
    X(legend, "Key:")                                                                                \
    /* chart */                                                                                     \
    X(chart_title, "My competency chart")                                                            \
    X(chart_group_by, "Group by")                                                                    \
    X(chart_by_subject, "Subject")                                                                   \
    X(chart_by_stack, "Stack")                                                                       \
    X(chart_competency, "Skill")                                                                     \
    X(chart_badges_fmt, "You have earned %d badges. Keep filling your chart!")                       \
    X(chart_badges_one, "You have earned your first badge. Keep filling your chart!")                \
    X(chart_no_badges, "Earn a level to put your first sticker here.")                               \
    X(chart_not_in_stack, "Not in a stack")                                                          \
    X(chart_no_level, "-")                                                                           \
    X(chart_print, "Print my chart")                                                                 \
    X(chart_print_help, "A poster of your chart with your badges, to print for the classroom wall (A4, portrait). The empty dashed spots are for the badges still to come.") \
    X(chart_print_png, "Poster as a picture (PNG)")                                                  \
    X(chart_print_svg, "Poster as a drawing (SVG)")                                                  \
    X(chart_printed_pages_fmt, "Downloaded %s: your chart fills %d pages (one file per page inside).") \
    X(chart_print_failed_fmt, "The poster could not be made: %s")                                    \
    /* the printed chart (poster) */                                                                \
    X(poster_earned_fmt, "%d of %d stickers earned")                                                 \
    X(poster_page_fmt, "Page %d of %d")                                                              \
    X(poster_footer, "Made with Mastery Map")                                                        \
    X(poster_stack_complete, "Complete")                                                             \
    X(poster_only_started_fmt, "This poster shows the %d skills you have started, earned or planned (the pathway has %d).") \
    X(poster_more_fmt, "%d more skills did not fit on %d pages: My chart in the app shows them all.") \
    /* plan */                                                                                      \
    X(plan_goals, "My goals")                                                                        \
    X(plan_no_goals, "No goals yet. Pick something you want to get good at!")                        \
    X(plan_add_goal, "+ Add a goal")                                                                 \
    X(plan_add_title, "Add a goal")                                                                  \
    X(plan_add_skill, "A skill")                                                                     \
    X(plan_add_stack, "A stack")                                                                     \
    X(plan_filter_hint, "Type to find...")                                                           \
    X(plan_target_level, "Up to level")                                                              \
    X(plan_target_date, "By date (optional)")                                                        \
    X(plan_date_hint, "YYYY-MM-DD")                                                                  \
    X(plan_add, "Add to my plan")                                                                    \
    X(plan_already, "Already in your plan")                                                          \
    X(plan_move_up, "Move up")                                                                       \
    X(plan_move_down, "Move down")                                                                   \
    X(plan_goal_levels_fmt, "%d of %d levels")                                                       \
    X(plan_goal_members_fmt, "%d of %d done")                                                        \
    X(plan_goal_done, "Goal reached!")                                                               \
    X(plan_by_fmt, "by %s")                                                                          \
    X(plan_overdue, "date passed: pick a new one?")                                                  \
    X(plan_next_steps, "Next steps")                                                                 \
    X(plan_no_next_steps, "Add a goal to see what to do next.")                                      \
    X(plan_stacks, "Stacks")                                                                         \
    X(plan_stack_fmt, "%d of %d")                                                                    \
    X(plan_stack_complete, "Complete!")                                                              \
    X(plan_timeline, "Levels I have earned")                                                         \
    X(plan_timeline_empty, "Your timeline starts with your first earned level.")                     \
    X(plan_stack_goal_fmt, "Stack: %s")                                                              \
    X(step_start, "Start")                                                                           \
    X(step_continue, "Keep working")                                                                 \
    X(step_revise, "Improve and resend")                                                             \
    X(step_wait, "Waiting for review")                                                               \
    X(step_prerequisite, "First do")                                                                 \
    /* competency */                                                                                \
    X(comp_statement, "The skill")                                                                   \
    X(comp_needs, "Before this:")                                                                    \
    X(comp_related, "Goes well with:")                                                               \
    X(comp_add_to_plan, "+ Add to my plan")                                                          \
    X(comp_in_plan, "In my plan")                                                                    \
    X(comp_rubric, "What you need to show")                                                          \
    X(comp_rubric_help, "This is the checklist the reviewer uses. How do you think you did?")        \
    X(comp_self, "Me")                                                                               \
    X(comp_self_unrated, "Not sure")                                                                 \
    X(comp_self_not_yet, "Not yet")                                                                  \
    X(comp_self_met, "I can!")                                                                       \
    X(comp_resources, "Help and ideas")                                                              \
    X(comp_effort_fmt, "About %d minutes")                                                           \
    X(comp_evidence, "My evidence")                                                                  \
    X(comp_part_overview, "1. Tell the story")                                                       \
    X(comp_part_artifact, "2. Show your work")                                                       \
    X(comp_part_reflection, "3. Look back")                                                          \
    X(comp_add_text, "+ Writing")                                                                    \
    X(comp_add_link, "+ Link")                                                                       \
    X(comp_add_image, "+ Photo")                                                                     \
    X(comp_text_hint, "Write here...")                                                               \
    X(comp_link_url, "Web address (https://...)")                                                    \
    X(comp_link_caption, "What is it?")                                                              \
    X(comp_add, "Add")                                                                               \
    X(comp_no_evidence_part, "Nothing here yet.")                                                    \
    X(comp_photo_caption_fmt, "Photo: %s")                                                           \
    X(comp_new_since, "new")                                                                         \
    X(comp_in_attempt_fmt, "sent in attempt %d")                                                     \
    X(comp_submit, "Send for review")                                                                \
    X(comp_resubmit, "Send again for review")                                                        \
    X(comp_note_hint, "A note for your reviewer (optional)")                                         \
    X(comp_submit_needs_evidence, "Add some evidence first.")                                        \
    X(comp_locked_fmt, "Locked. First earn: %s")                                                     \
    X(comp_locked_prev, "Locked. Earn the level before this one first.")                             \
    X(comp_waiting, "Sent! A teacher or mentor will look at it soon.")                               \
    X(comp_earned_fmt, "You earned this level on %s. Well done!")                                    \
    X(comp_not_yet_banner, "Here is how to grow: read the feedback, improve your evidence, then send it again.") \
    X(comp_review_now, "Review this work")                                                           \
    X(comp_history, "My attempts")                                                                   \
    X(comp_no_history, "No attempts yet.")                                                           \
    X(comp_attempt_fmt, "Attempt %d, sent %s")                                                       \
    X(comp_reviewed_by_fmt, "Reviewed by %s (%s) on %s")                                             \
    X(comp_waiting_short, "Waiting for a reviewer.")                                                 \
    X(comp_next_step_fmt, "Next step: %s")                                                           \
    X(comp_how_to_grow, "How to grow:")                                                              \
    X(comp_criterion, "Checklist")                                                                   \
    X(comp_reviewer_said, "Reviewer")                                                                \
    X(comp_you_said, "You said")                                                                     \
    X(comp_result_earned, "Earned!")                                                                 \
    X(comp_result_not_yet, "Not yet: keep going")                                                    \
    X(comp_open_link, "Open")                                                                        \
    X(comp_not_found, "This skill is not in the pathway.")                                           \
    X(comp_level_tab_fmt, "%s###level%d")                                                            \
    X(rating_met, "Met")                                                                             \
    X(rating_not_yet, "Not yet")                                                                     \
    X(rating_unrated, "-")                                                                           \
    X(kind_text, "Writing")                                                                          \
    X(kind_link, "Link")                                                                             \
    X(kind_image, "Photo")                                                                           \
    X(image_loading, "loading...")                                                                   \
    X(image_broken, "picture could not be shown")                                                    \
    /* review */                                                                                    \
    X(review_title, "Review")                                                                        \
    X(review_queue, "Waiting for review")                                                            \
    X(review_queue_empty, "Nothing is waiting for review right now.")                                \
    X(review_pick, "Pick a submission on the left to review it.")                                    \
    X(review_item_fmt, "%s (attempt %d)")                                                            \
    X(review_who, "Your name")                                                                       \
    X(review_role, "You are a")                                                                      \
    X(role_teacher, "teacher")                                                                       \
    X(role_mentor, "mentor")                                                                         \
    X(role_peer, "peer")                                                                             \
    X(review_criteria, "Checklist")                                                                  \
    X(review_decision, "Decision")                                                               \
    X(review_comment_hint, "What to do next (for \"not yet\")")                                      \
    X(review_evidence, "The evidence")                                                               \
    X(review_student_note, "Note from the student:")                                                 \
    X(review_feedback, "Feedback for the student")                                                   \
    X(review_feedback_hint, "What went well, and how to grow")                                       \
    X(review_save, "Save review")                                                                    \
    X(review_will_earn, "Result: Earned (every item met)")                                           \
    X(review_will_not_yet_fmt, "Result: Not yet (%d to grow)")                                       \
    X(review_undecided_fmt, "Decide every item first (%d left).")                                    \
    X(review_need_name, "Type your name first.")                                                     \
    X(review_saved_earned, "Review saved: the level is earned.")                                     \
    X(review_saved_not_yet, "Review saved: the student will see your next steps.")                   \
    X(review_previous, "Earlier reviews")                                                            \
    MASTERY_STUDIO_STRINGS(X)                                                                        \
    MASTERY_FILES_STRINGS(X)                                                                         \
    /* settings */                                                                                  \
    X(settings_title, "Settings")                                                                    \
    X(settings_you, "You")                                                                           \
    X(settings_name, "Your name (a nickname is fine)")                                               \
    X(settings_name_help, "No email or real name needed.")                                           \
    X(settings_look, "How it looks")                                                                 \
    X(settings_scale, "Size")                                                                        \
    X(settings_theme, "Colours")                                                                     \
    X(theme_light, "Light")                                                                          \
    X(theme_dark, "Dark")                                                                            \
    X(theme_high_contrast, "High contrast")                                                          \
    X(settings_motion, "Less movement")                                                              \
    X(settings_motion_help, "Jump straight to places on the map instead of gliding.")               \
    X(settings_prefs_note, "These settings stay on this device. They are not in your work file.")   \
    X(settings_pathway, "Pathway")                                                                   \
    X(settings_pathway_fmt, "You are working on: %s")                                                \
    X(settings_work, "My work")                                                                      \
    X(settings_work_help, "Your work stays on this device. Save it to a file to keep it safe or to give it to a mentor.")

enum class S : int {
#define MASTERY_STRING_ID(name, text) name,
    MASTERY_STRINGS(MASTERY_STRING_ID)
#undef MASTERY_STRING_ID
    count
};

// The text for `id` in the current language (English until a second table exists).
const char* tr(S id);

// printf into a per-call ring of buffers (valid until 8 more fmt() calls): for labels.
const char* fmt(S id, ...);
const char* fmt_raw(const char* format, ...);

}  // namespace mastery::app
