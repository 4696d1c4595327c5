// Review files and merging, and the import preview. The review file reuses the record's
// review JSON shape, so a review reads the same wherever it travels.
#include "mastery/exchange.hpp"

#include "mastery/engine.hpp"

#include <algorithm>
#include <map>

namespace mastery {
namespace {

Json review_json(const std::string& competency, int level, const Review& r) {
    Json decisions = Json::array();
    for (const auto& d : r.decisions) decisions.push_back({{"criterion", d.criterion}, {"rating", to_string(d.rating)}, {"comment", d.comment}});
    return {{"competency", competency}, {"level", level}, {"attempt", r.attempt}, {"reviewer", r.reviewer}, {"role", r.role},
            {"at", r.at}, {"decisions", decisions}, {"feedback", r.feedback}};
}

bool same_review(const Review& a, const Review& b) { return a.attempt == b.attempt && a.reviewer == b.reviewer && a.at == b.at; }

}  // namespace

ReviewFile make_review_file(const LearnerRecord& reviewed, const std::string& created_at, const std::string& since) {
    ReviewFile f{reviewed.id, reviewed.learner_name, reviewed.pathway_ref, created_at, {}};
    for (const auto& w : reviewed.work)
        for (const auto& r : w.reviews)
            if (since.empty() || r.at > since) f.reviews.push_back({w.competency, w.level, r});
    return f;
}

Json to_json(const ReviewFile& f) {
    Json reviews = Json::array();
    for (const auto& e : f.reviews) reviews.push_back(review_json(e.competency, e.level, e.review));
    return {{"format", kReviewsFormat},
            {"version", kReviewsVersion},
            {"app", std::string("Mastery Map ") + MASTERY_VERSION},
            {"record_id", f.record_id},
            {"learner", {{"name", f.learner_name}}},
            {"pathway_ref", {{"id", f.pathway_ref.id}, {"version", f.pathway_ref.version}, {"hash", f.pathway_ref.hash}}},
            {"created_at", f.created_at},
            {"reviews", reviews}};
}

std::string save_review_file(const ReviewFile& f) { return to_json(f).dump(2, ' ', false, Json::error_handler_t::replace) + "\n"; }

Loaded<ReviewFile> review_file_from_json(const Json& j) {
    // Reuse the record reader for the review shape: wrap each review in a one-level work
    // item is overkill; these fields are few, so they are read here with the same messages.
    Loaded<ReviewFile> out;
    auto err = [&](std::string ptr, std::string msg) { out.problems.push_back({std::move(ptr), std::move(msg)}); };
    if (!j.is_object()) {
        err("", "expected a JSON object");
        return out;
    }
    auto str = [&](const Json& o, const std::string& ptr, const char* key, bool required) -> std::string {
        auto it = o.find(key);
        if (it == o.end() || it->is_null()) {
            if (required) err(ptr, std::string("missing required key \"") + key + "\"");
            return {};
        }
        if (!it->is_string()) {
            err(ptr + "/" + key, "expected text");
            return {};
        }
        return it->get<std::string>();
    };
    auto f = j.find("format");
    if (f == j.end() || !f->is_string() || f->get<std::string>() != kReviewsFormat) {
        err("/format", std::string("this is not a Mastery Map review file (\"") + kReviewsFormat + "\")");
        return out;
    }
    auto v = j.find("version");
    if (v == j.end() || !v->is_number_integer() || v->get<long long>() < 1) {
        err("/version", "missing or not a positive whole number");
        return out;
    }
    if (v->get<long long>() > kReviewsVersion) {
        err("/version", "this file was made by a newer version of Mastery Map (format version " + std::to_string(v->get<long long>()) +
                            "; this app reads up to " + std::to_string(kReviewsVersion) + "). Update the app to open it.");
        return out;
    }
    ReviewFile file;
    file.record_id = str(j, "", "record_id", true);
    if (auto l = j.find("learner"); l != j.end() && l->is_object()) file.learner_name = str(*l, "/learner", "name", false);
    if (auto p = j.find("pathway_ref"); p != j.end() && p->is_object())
        file.pathway_ref = {str(*p, "/pathway_ref", "id", true), str(*p, "/pathway_ref", "version", false), str(*p, "/pathway_ref", "hash", false)};
    else
        err("", "missing required key \"pathway_ref\"");
    file.created_at = str(j, "", "created_at", false);
    auto rs = j.find("reviews");
    if (rs == j.end() || !rs->is_array()) {
        err("/reviews", "expected a list of reviews");
    } else {
        for (std::size_t i = 0; i < rs->size(); ++i) {
            const Json& e = (*rs)[i];
            std::string ptr = "/reviews/" + std::to_string(i);
            if (!e.is_object()) {
                err(ptr, "expected an object");
                continue;
            }
            ReviewEntry entry;
            entry.competency = str(e, ptr, "competency", true);
            auto lv = e.find("level"), at = e.find("attempt");
            if (lv == e.end() || !lv->is_number_integer() || lv->get<long long>() < 1 || lv->get<long long>() > 1000)
                err(ptr + "/level", "expected a level number (1 or more)");
            else
                entry.level = int(lv->get<long long>());
            if (at == e.end() || !at->is_number_integer() || at->get<long long>() < 1 || at->get<long long>() > 100000)
                err(ptr + "/attempt", "expected an attempt number (1 or more)");
            else
                entry.review.attempt = int(at->get<long long>());
            entry.review.reviewer = str(e, ptr, "reviewer", true);
            entry.review.role = str(e, ptr, "role", false);
            entry.review.at = str(e, ptr, "at", true);
            entry.review.feedback = str(e, ptr, "feedback", false);
            auto ds = e.find("decisions");
            if (ds == e.end() || !ds->is_array() || ds->empty()) {
                err(ptr + "/decisions", "expected a list of decisions");
            } else {
                for (std::size_t k = 0; k < ds->size(); ++k) {
                    const Json& d = (*ds)[k];
                    std::string dp = ptr + "/decisions/" + std::to_string(k);
                    if (!d.is_object()) {
                        err(dp, "expected an object");
                        continue;
                    }
                    std::string rating = str(d, dp, "rating", true);
                    Rating r = rating == "met" ? Rating::met : rating == "not_yet" ? Rating::not_yet : Rating::unrated;
                    if (r == Rating::unrated && !rating.empty()) err(dp + "/rating", "a review decides \"met\" or \"not_yet\", found \"" + rating + "\"");
                    entry.review.decisions.push_back({str(d, dp, "criterion", true), r, str(d, dp, "comment", false)});
                }
            }
            file.reviews.push_back(std::move(entry));
        }
    }
    if (out.problems.empty()) out.value = std::move(file);
    return out;
}

Loaded<ReviewFile> load_review_file(std::string_view text, const Limits& limits) {
    auto parsed = parse_json(text, limits);
    if (!parsed.ok()) return {std::nullopt, std::move(parsed.problems)};
    return review_file_from_json(*parsed.value);
}

MergeReport merge_reviews(const LearnerRecord& student, const ReviewFile& file, const std::string& at) {
    MergeReport rep;
    rep.record = student;
    std::string whose = file.learner_name.empty() ? "another learner" : file.learner_name;
    if (file.record_id != student.id) {
        rep.error = "these reviews are for " + whose + "'s record, not this one; nothing was changed";
        return rep;
    }
    if (file.pathway_ref.id != student.pathway_ref.id) {
        rep.error = "these reviews are for the pathway \"" + file.pathway_ref.id + "\", not \"" + student.pathway_ref.id + "\"; nothing was changed";
        return rep;
    }
    if (!file.pathway_ref.hash.empty() && !student.pathway_ref.hash.empty() && file.pathway_ref.hash != student.pathway_ref.hash) {
        rep.error = "these reviews were made on a different edition of the pathway; nothing was changed";
        return rep;
    }
    LearnerRecord& r = rep.record;
    for (const auto& e : file.reviews) {
        std::string label = level_label(r.pathway, e.competency, e.level);
        const Competency* c = r.pathway.find_competency(e.competency);
        LevelWork* w = nullptr;
        for (auto& x : r.work)
            if (x.competency == e.competency && x.level == e.level) w = &x;
        if (!c || !w || e.review.attempt > int(w->submissions.size())) {
            rep.skipped.push_back(label + ", attempt " + std::to_string(e.review.attempt) + ": no such submission in this record");
            continue;
        }
        if (std::any_of(w->reviews.begin(), w->reviews.end(), [&](auto& x) { return same_review(x, e.review); })) {
            ++rep.already;
            continue;
        }
        const auto& crit = c->levels[std::size_t(e.level - 1)].criteria;
        bool complete = std::all_of(crit.begin(), crit.end(), [&](auto& k) {
            return std::any_of(e.review.decisions.begin(), e.review.decisions.end(),
                               [&](auto& d) { return d.criterion == k.id && d.rating != Rating::unrated; });
        });
        bool known = std::all_of(e.review.decisions.begin(), e.review.decisions.end(), [&](auto& d) {
            return std::any_of(crit.begin(), crit.end(), [&](auto& k) { return k.id == d.criterion; });
        });
        if (!complete || !known) {
            rep.skipped.push_back(label + ", attempt " + std::to_string(e.review.attempt) + ": the review does not match this level's criteria");
            continue;
        }
        // keep reviews in time order so "the latest review" means what it says
        auto pos = std::upper_bound(w->reviews.begin(), w->reviews.end(), e.review, [](auto& a, auto& b) { return a.at < b.at; });
        w->reviews.insert(pos, e.review);
        r.activity.push_back({at, "merge_reviews",
                              std::string(e.review.earned() ? "Earned " : "Not yet: ") + label + " (review by " + e.review.reviewer + ", from a file)"});
        ++rep.added;
    }
    rep.ok = true;
    return rep;
}

ImportPreview preview_import(const LearnerRecord& current, const LearnerRecord& incoming) {
    ImportPreview p;
    p.same_record = current.id == incoming.id;
    auto latest = [](const LearnerRecord& r) {
        std::string t = r.created_at;
        for (const auto& a : r.activity) t = std::max(t, a.at);
        return t;
    };
    p.incoming_is_older = p.same_record && latest(incoming) < latest(current);
    auto count = [](const LearnerRecord& r, auto field) {
        std::size_t n = 0;
        for (const auto& w : r.work) n += (w.*field).size();
        return n;
    };
    auto plural = [](long n, const char* one, const char* many) { return std::to_string(n) + " " + (n == 1 ? one : many); };
    if (!p.same_record) p.lines.push_back("This file is a different record: it replaces everything shown now");
    if (current.learner_name != incoming.learner_name) p.lines.push_back("Learner: " + current.learner_name + " \xE2\x86\x92 " + incoming.learner_name);
    if (current.pathway_ref.id != incoming.pathway_ref.id || current.pathway_ref.hash != incoming.pathway_ref.hash)
        p.lines.push_back("Pathway: " + current.pathway.title + " \xE2\x86\x92 " + incoming.pathway.title);
    Progress a(current), b(incoming);
    long earned_a = 0, earned_b = 0;
    for (const auto& c : current.pathway.competencies) earned_a += a.earned_level(c.id);
    for (const auto& c : incoming.pathway.competencies) earned_b += b.earned_level(c.id);
    p.lines.push_back("Levels earned: " + std::to_string(earned_a) + " \xE2\x86\x92 " + std::to_string(earned_b));
    long ev = long(count(incoming, &LevelWork::evidence)) - long(count(current, &LevelWork::evidence));
    long sub = long(count(incoming, &LevelWork::submissions)) - long(count(current, &LevelWork::submissions));
    long rev = long(count(incoming, &LevelWork::reviews)) - long(count(current, &LevelWork::reviews));
    auto delta = [&](long n, const char* one, const char* many) {
        if (n > 0) p.lines.push_back(plural(n, one, many) + " more");
        if (n < 0) p.lines.push_back(plural(-n, one, many) + " fewer (they would be lost)");
    };
    delta(ev, "piece of evidence", "pieces of evidence");
    delta(sub, "submission", "submissions");
    delta(rev, "review", "reviews");
    delta(long(incoming.plan.size()) - long(current.plan.size()), "goal", "goals");
    if (p.incoming_is_older) p.lines.push_back("This file is older than what is on this device");
    return p;
}

}  // namespace mastery
