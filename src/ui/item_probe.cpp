// ImGui's test-engine hooks, recording labelled items per frame (see item_probe.hpp).
// The hooks exist only when imgui is built with IMGUI_ENABLE_TEST_ENGINE (cmake/app.cmake).
#include "ui/item_probe.hpp"

#include <imgui.h>
#include <imgui_internal.h>
#include <nlohmann/json.hpp>

#include <unordered_map>
#include <unordered_set>

namespace mastery::ui::probe {

namespace {

bool g_enabled = false;
std::vector<Item> g_building, g_last;
struct Added {
    ImRect rect;
    bool visible = false;
    bool disabled = false;
};
// Items added this frame by id: a widget's label may come after other items were added
// in between (a multiline text field adds its child window first).
std::unordered_map<ImGuiID, Added> g_added;
std::unordered_set<ImGuiID> g_seen;
std::vector<std::string> g_clashes;

// "Save###save" -> "Save"; a hidden label "##note" stays "##note" so tests can still name it.
std::string visible_part(const char* label) {
    std::string s = label ? label : "";
    const auto hash = s.find("##");
    if (hash != std::string::npos && hash > 0) s.resize(hash);
    else if (hash == 0 && s.rfind("###", 0) == 0) s.erase(0, 1);
    return s;
}

}  // namespace

void enable(bool on) {
    g_enabled = on;
    if (ImGuiContext* ctx = ImGui::GetCurrentContext()) ctx->TestEngineHookItems = on;
    if (!on) {
        g_building.clear();
        g_last.clear();
    }
}

bool enabled() { return g_enabled; }

void begin_frame() {
    if (!g_enabled) return;
    if (ImGuiContext* ctx = ImGui::GetCurrentContext()) ctx->TestEngineHookItems = true;
    g_building.clear();
    g_seen.clear();
    g_added.clear();
}

void end_frame() {
    if (!g_enabled) return;
    g_last.swap(g_building);
    g_building.clear();
}

const std::vector<std::string>& clashes() { return g_clashes; }
void clear_clashes() { g_clashes.clear(); }

const std::vector<Item>& items() { return g_last; }

const Item* find(const std::string& label, const std::string& window) {
    for (const Item& it : g_last)
        if (it.label == label && (window.empty() || it.window.rfind(window, 0) == 0)) return &it;
    return nullptr;
}

void label_last_item(const char* label) {
#ifdef IMGUI_ENABLE_TEST_ENGINE
    if (!g_enabled) return;
    ImGuiContext& g = *ImGui::GetCurrentContext();
    ImGuiTestEngineHook_ItemInfo(&g, g.LastItemData.ID, label, g.LastItemData.StatusFlags);
#else
    (void)label;
#endif
}

std::string items_json() {
    nlohmann::json out = nlohmann::json::array();
    for (const Item& it : g_last)
        out.push_back({{"label", it.label}, {"window", it.window}, {"x", (it.x0 + it.x1) * 0.5f}, {"y", (it.y0 + it.y1) * 0.5f},
                       {"x0", it.x0}, {"y0", it.y0}, {"x1", it.x1}, {"y1", it.y1}, {"disabled", it.disabled}, {"clipped", it.clipped}});
    return out.dump();
}

}  // namespace mastery::ui::probe

#ifdef IMGUI_ENABLE_TEST_ENGINE
using namespace mastery::ui::probe;

void ImGuiTestEngineHook_ItemAdd(ImGuiContext* ctx, ImGuiID id, const ImRect& bb, const ImGuiLastItemData* item_data) {
    if (!g_enabled || id == 0) return;
    ImGuiWindow* w = ctx->CurrentWindow;
    Added& a = g_added[id];
    a.rect = bb;
    a.visible = w && bb.Overlaps(w->ClipRect) && !w->SkipItems;
    a.disabled = item_data && (item_data->InFlags & ImGuiItemFlags_Disabled);
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext* ctx, ImGuiID id, const char* label, ImGuiItemStatusFlags) {
    if (!g_enabled) return;
    auto found = g_added.find(id);
    if (found == g_added.end()) return;
    const Added& added = found->second;
    if (!g_seen.insert(id).second) g_clashes.push_back(label ? label : "?");
    if (!added.visible) return;
    Item it;
    it.label = visible_part(label);
    if (it.label.empty()) return;
    ImGuiWindow* w = ctx->CurrentWindow;
    it.window = w ? visible_part(w->RootWindow->Name) : "";
    if (w && w->RootWindow->Name[0] == '#' && w->RootWindow->Name[1] == '#') it.window = w->RootWindow->Name + 2;
    // clip to what is on screen, so a click lands on the visible part
    const ImRect clip = w ? w->ClipRect : added.rect;
    it.x0 = ImMax(added.rect.Min.x, clip.Min.x);
    it.y0 = ImMax(added.rect.Min.y, clip.Min.y);
    it.x1 = ImMin(added.rect.Max.x, clip.Max.x);
    it.y1 = ImMin(added.rect.Max.y, clip.Max.y);
    it.disabled = added.disabled;
    // a few pixels cut by the window's bottom padding still leave a clickable item
    it.clipped = (it.y1 - it.y0) < added.rect.GetHeight() - 6.0f || (it.x1 - it.x0) < added.rect.GetWidth() - 6.0f;
    g_building.push_back(std::move(it));
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }
#endif
