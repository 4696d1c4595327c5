// The badge studio's words: part of the one string table (strings.hpp pulls this block
// into MASTERY_STRINGS), kept in its own file so the studio's list stays together.
#pragma once

// X(name, English). Readers are 8-18: short, plain, friendly.
#define MASTERY_STUDIO_STRINGS(X)                                                                   \
    X(studio_open, "Design my badge")                                                                \
    X(studio_title_fmt, "Badge studio: %s")                                                          \
    X(studio_help, "Make the badge yours: add pieces, drag them on the badge, pick colours, draw. Save when you like it.") \
    X(studio_save, "Save my badge")                                                                  \
    X(studio_saved, "Saved your badge. It shows on your map and chart.")                            \
    X(studio_unsaved, "Not saved yet")                                                               \
    X(studio_all_saved, "Saved")                                                                     \
    X(studio_reloaded, "Your badge changed in your work (Undo, or a file you opened): the studio shows it as it is now.") \
    X(studio_stale, "This badge changed while you were designing it (Undo, a file you opened, or another student's work). Your changes are still here and nothing was saved over it. What now?") \
    X(studio_stale_reload, "Show the badge as it is now")                                            \
    X(studio_stale_keep, "Keep designing mine")                                                      \
    X(studio_stale_choose, "Choose first: the badge changed while you were designing it.")           \
    X(studio_closed_fmt, "The badge studio closed: the work open now has no badge \"%s\". Nothing was saved.") \
    X(studio_leave_title, "Save your badge?")                                                        \
    X(studio_leave_body, "You changed your badge. Save it before you leave?")                       \
    X(studio_leave_save, "Save and leave")                                                           \
    X(studio_leave_discard, "Leave without saving")                                                  \
    X(studio_keep, "Keep designing")                                                                 \
    X(studio_undo, "Undo")                                                                           \
    X(studio_redo, "Redo")                                                                           \
    X(studio_surprise, "Surprise me!")                                                               \
    X(studio_template, "Start from a template")                                                      \
    X(studio_blank, "Start from blank")                                                              \
    X(studio_add, "Add")                                                                             \
    X(studio_add_shape, "Shape")                                                                     \
    X(studio_add_border, "Border")                                                                   \
    X(studio_add_ribbon, "Ribbon")                                                                   \
    X(studio_add_icon, "Icon")                                                                       \
    X(studio_add_text, "Words")                                                                      \
    X(studio_add_drawing, "Drawing")                                                                 \
    X(studio_layers, "Layers (top is in front)")                                                     \
    X(studio_no_layers, "Nothing here yet. Add a shape to start.")                                   \
    X(studio_layer_up, "\xe2\x86\x91 Forward")                                                       \
    X(studio_layer_down, "\xe2\x86\x93 Back")                                                        \
    X(studio_layer_delete, "Delete")                                                                 \
    X(studio_pick_layer, "Click a piece on the badge or in the list to change it.")                 \
    X(studio_move_x, "Left - right")                                                                 \
    X(studio_move_y, "Up - down")                                                                    \
    X(studio_place, "Where and how big")                                                             \
    X(studio_scale, "Size")                                                                          \
    X(studio_rotate, "Turn")                                                                         \
    X(studio_colours, "Colours")                                                                     \
    X(studio_palette, "Palette")                                                                     \
    X(studio_palette_safe, "(easy to tell apart for everyone)")                                      \
    X(studio_colour_main, "Main colour")                                                             \
    X(studio_colour_second, "Second colour")                                                         \
    X(studio_colour_words, "Words colour")                                                           \
    X(studio_colour_n_fmt, "Colour %d")                                                        \
    X(studio_colour_own, "My own colour")                                                            \
    X(studio_shape, "Shape")                                                                         \
    X(studio_fill, "Fill")                                                                           \
    X(studio_fill_solid, "Plain")                                                                    \
    X(studio_fill_gradient, "Fade")                                                                  \
    X(studio_fill_stripes, "Stripes")                                                                \
    X(studio_fill_dots, "Dots")                                                                      \
    X(studio_points, "Points")                                                                       \
    X(studio_line, "Line width")                                                                     \
    X(studio_dashed, "Dashed")                                                                       \
    X(studio_words, "Words")                                                                         \
    X(studio_bold, "Bold")                                                                           \
    X(studio_curve, "Curve")                                                                         \
    X(studio_ribbon_style, "Ribbon style")                                                           \
    X(studio_find_icon, "Find an icon")                                                              \
    X(studio_find_icon_hint, "flask, star, book...")                                                 \
    X(studio_no_icons_fmt, "No icon called \"%s\". Try another word.")                               \
    X(studio_brush, "Brush")                                                                         \
    X(studio_brush_thin, "Thin")                                                                     \
    X(studio_brush_medium, "Medium")                                                                 \
    X(studio_brush_thick, "Thick")                                                                   \
    X(studio_eraser, "Eraser")                                                                       \
    X(studio_pen, "Pen")                                                                             \
    X(studio_clear_drawing, "Clear drawing")                                                         \
    X(studio_tool_move, "Move pieces")                                                               \
    X(studio_tool_draw, "Draw")                                                                      \
    X(studio_canvas, "Badge canvas")                                                                 \
    X(studio_draw_hint, "Draw on the badge with your mouse or finger.")                             \
    X(studio_move_hint, "Drag a piece to move it. Scroll on it to make it bigger or smaller.")     \
    X(studio_preview, "How it looks")                                                                \
    X(studio_preview_sticker, "Sticker")                                                             \
    X(studio_preview_node, "Map")                                                                    \
    X(studio_preview_large, "Big")                                                                   \
    X(studio_too_big, "That is as much as one badge can hold. Try deleting something first.")       \
    X(studio_download_png, "Download badge (PNG)")                                                   \
    X(studio_download_svg, "Download badge (SVG)")                                                   \
    X(studio_download_all, "Download all my badges")                                                 \
    X(studio_download_need_save, "Save your badge first, then download it.")                        \
    X(studio_downloaded_fmt, "Downloaded %s")                                                        \
    X(studio_download_failed_fmt, "The badge could not be made: %s")                                 \
    X(studio_icons_loading, "Getting the badge icons ready. Try again in a moment.")                 \
    X(studio_icons_failed_fmt, "The badge icons could not be loaded (%s). Check the connection, then try again.") \
    X(studio_none_earned, "Earn a level first, then you can download its badge.")                   \
    X(studio_kind_shape, "Shape")                                                                    \
    X(studio_kind_border, "Border")                                                                  \
    X(studio_kind_ribbon, "Ribbon")                                                                  \
    X(studio_kind_icon, "Icon")                                                                      \
    X(studio_kind_text, "Words")                                                                     \
    X(studio_kind_drawing, "Drawing")                                                                \
    X(studio_one_line, "1 line")                                                                     \
    X(studio_lines_fmt, "%d lines")                                                                  \
    X(studio_shape_circle, "Circle")                                                                 \
    X(studio_shape_hexagon, "Hexagon")                                                               \
    X(studio_shape_shield, "Shield")                                                                 \
    X(studio_shape_star, "Star")                                                                     \
    X(studio_shape_rounded, "Rounded square")                                                        \
    X(studio_shape_diamond, "Diamond")                                                               \
    X(studio_ribbon_banner, "Banner")                                                                \
    X(studio_ribbon_flat, "Flat")                                                                    \
    X(studio_ribbon_tails, "Tails")                                                                  \
    X(studio_new_text, "Me!")                                                                        \
    X(studio_light_bg, "On light")                                                                   \
    X(studio_dark_bg, "On dark")
