// Small lookups and names for the plain data in model.hpp.
#include "mastery/model.hpp"

namespace mastery {

const Competency* Pathway::find_competency(const std::string& id) const {
    for (const auto& c : competencies)
        if (c.id == id) return &c;
    return nullptr;
}

const Stack* Pathway::find_stack(const std::string& id) const {
    for (const auto& s : stacks)
        if (s.id == id) return &s;
    return nullptr;
}

const std::vector<std::string>& Pathway::scale_of(const Competency& c) const {
    return c.scale.empty() ? scale : c.scale;
}

const LevelWork* LearnerRecord::find_work(const std::string& competency, int level) const {
    for (const auto& w : work)
        if (w.competency == competency && w.level == level) return &w;
    return nullptr;
}

bool Review::earned() const {
    if (decisions.empty()) return false;
    for (const auto& d : decisions)
        if (d.rating != Rating::met) return false;
    return true;
}

const char* to_string(EvidenceKind k) {
    switch (k) {
        case EvidenceKind::text: return "text";
        case EvidenceKind::link: return "link";
        case EvidenceKind::image: return "image";
    }
    return "text";
}

const char* to_string(EvidencePart p) {
    switch (p) {
        case EvidencePart::overview: return "overview";
        case EvidencePart::artifact: return "artifact";
        case EvidencePart::reflection: return "reflection";
    }
    return "artifact";
}

const char* to_string(Rating r) {
    switch (r) {
        case Rating::unrated: return "unrated";
        case Rating::not_yet: return "not_yet";
        case Rating::met: return "met";
    }
    return "unrated";
}

}  // namespace mastery
