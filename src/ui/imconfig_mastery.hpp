// Dear ImGui configuration for Mastery Map (IMGUI_USER_CONFIG, set by cmake/app.cmake).
// ImGui's checks (Begin/End pairs, ID stack, ...) stay on in release builds: the native
// UI tests turn a failed check into a test failure, the web build into a console error
// (which fails the browser tests). Each platform defines the handler.
#pragma once

void mastery_imgui_check_failed(const char* expression, const char* file, int line);
#define IM_ASSERT(_EXPR) ((_EXPR) ? (void)0 : mastery_imgui_check_failed(#_EXPR, __FILE__, __LINE__))
