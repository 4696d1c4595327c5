// Words for long file tasks (progress), "leave anyway?" and a record open in another tab:
// part of the one string table (strings.hpp pulls this block into MASTERY_STRINGS), kept
// in its own file so the list stays together.
#pragma once

// X(name, English). Readers are 8-18: short, plain, friendly.
#define MASTERY_FILES_STRINGS(X)                                                                   \
    /* progress of long file tasks (src/ui/view_files.cpp) */                                      \
    X(job_open_title, "Opening a work file")                                                         \
    X(job_review_title, "Opening a student's file")                                                  \
    X(job_export_title, "Saving your work to a file")                                                \
    X(job_reviews_title, "Saving the reviews to a file")                                             \
    X(job_badges_title, "Packing your badges")                                                       \
    X(job_file_fmt, "File: %s")                                                                      \
    X(job_step_fmt, "Step %d of %d: %s")                                                             \
    X(job_reading_fmt, "Reading the file... (%.1f of %.1f MB)")                                      \
    X(job_parsing, "Checking the file...")                                                           \
    X(job_checking, "Checking the work in it...")                                                    \
    X(job_previewing, "Working out what will change...")                                             \
    X(job_opening, "Opening the student's work...")                                                  \
    X(job_writing, "Putting your work into a file...")                                               \
    X(job_writing_reviews, "Putting the reviews into a file...")                                     \
    X(job_drawing_fmt, "Drawing badge %d of %d...")                                                  \
    X(job_packing, "Packing them into one ZIP file...")                                              \
    X(job_downloading, "Handing the file to your browser...")                                        \
    X(job_cancel_hint, "Nothing changes until you say yes to what the file holds.")                  \
    X(job_busy, "Wait a moment: another file is still being opened or saved.")                       \
    X(job_read_failed_fmt, "The file \"%s\" could not be read: %s")                                  \
    /* leaving a mentor's review before the reviews are in a file */                               \
    X(leave_title, "Leave without saving the reviews?")                                              \
    X(leave_reviews_fmt, "You reviewed %s's work, and those reviews are only in this tab. Save them to a file to give back to %s, or they are lost.") \
    X(leave_save_first, "Save the reviews to a file first")                                          \
    X(leave_anyway, "Leave without saving")                                                          \
    X(leave_stay, "Stay here")                                                                       \
    X(reviews_unsaved, "Reviews not saved to a file yet")                                            \
    /* the same record open in another tab (another pathway address) */                            \
    X(banner_open_elsewhere, "This work is also open in another tab, so this tab did not save it there (that would mix the two up). Your changes are safe while this tab stays open: save them to a file, or close the other tab and try again.")
