// The mentor round trip in the core: a student's record is reviewed elsewhere, the review
// file comes back, and merging it is idempotent, keeps newer work and refuses strangers.
#include "helpers.hpp"

#include "mastery/exchange.hpp"

using mastery::Json;
using test::apply;

namespace {
// A student with graphs L1 submitted; the mentor reviews a copy of the exported file.
struct RoundTrip {
    mastery::LearnerRecord student;
    mastery::LearnerRecord mentor_copy;
    RoundTrip() {
        student = apply(test::record(), {{"type", "add_evidence"}, {"competency", "graphs"}, {"level", 1}, {"kind", "text"}, {"text", "Mi gráfica"}, {"at", "2026-09-02T09:00:00Z"}});
        student = apply(student, {{"type", "submit_for_review"}, {"competency", "graphs"}, {"level", 1}, {"at", "2026-09-02T10:00:00Z"}});
        auto exported = mastery::load_record(mastery::save_record(student));
        REQUIRE(exported.ok());
        mentor_copy = apply(*exported.value, {{"type", "record_review"}, {"competency", "graphs"}, {"level", 1}, {"reviewer", "Dr. Ruiz"}, {"role", "mentor"},
                                               {"decisions", {{{"criterion", "c1"}, {"rating", "met"}}, {{"criterion", "c2"}, {"rating", "not_yet"}, {"comment", "Add units"}}}},
                                               {"feedback", "Label your axes with units."}, {"at", "2026-09-05T18:00:00Z"}});
    }
    mastery::ReviewFile file() const { return mastery::make_review_file(mentor_copy, "2026-09-05T18:05:00Z"); }
};

mastery::UpdateResult merge(const mastery::LearnerRecord& r, const mastery::ReviewFile& f) {
    auto a = mastery::action_from_json({{"type", "merge_reviews"}, {"file", mastery::to_json(f)}, {"at", "2026-09-06T08:00:00Z"}});
    REQUIRE_MESSAGE(a.ok(), a.first_error());
    return mastery::update(r, *a.value);
}
}  // namespace

TEST_CASE("a review file round trips through its text") {
    RoundTrip t;
    auto f = t.file();
    REQUIRE(f.reviews.size() == 1);
    auto loaded = mastery::load_review_file(mastery::save_review_file(f));
    REQUIRE_MESSAGE(loaded.ok(), loaded.first_error());
    CHECK(*loaded.value == f);
    CHECK(mastery::to_json(f)["format"] == "mastery-map/reviews");
}

TEST_CASE("merging a mentor's reviews brings the decision home, once") {
    RoundTrip t;
    auto first = merge(t.student, t.file());
    REQUIRE_MESSAGE(first.ok, first.error);
    CHECK(first.changed);
    CHECK(first.note == "1 review added");
    CHECK(mastery::Progress(first.record).status_of("graphs", 1) == mastery::Status::not_yet);
    CHECK(first.record.activity.back().summary == "Not yet: Graphs · Beginning (review by Dr. Ruiz, from a file)");
    auto second = merge(first.record, t.file());
    REQUIRE(second.ok);
    CHECK_FALSE(second.changed);
    CHECK(second.note == "0 reviews added, 1 already here");
    CHECK(second.record == first.record);
}

TEST_CASE("merging keeps the student's newer work") {
    RoundTrip t;
    // the student already resubmitted before the mentor's file arrived
    auto s = apply(t.student, {{"type", "record_review"}, {"competency", "graphs"}, {"level", 1}, {"reviewer", "Ms. Okafor"},
                               {"decisions", {{{"criterion", "c1"}, {"rating", "met"}}, {{"criterion", "c2"}, {"rating", "not_yet"}}}}, {"at", "2026-09-03T10:00:00Z"}});
    s = apply(s, {{"type", "add_evidence"}, {"competency", "graphs"}, {"level", 1}, {"kind", "text"}, {"text", "with units now"}, {"at", "2026-09-04T09:00:00Z"}});
    s = apply(s, {{"type", "submit_for_review"}, {"competency", "graphs"}, {"level", 1}, {"at", "2026-09-04T10:00:00Z"}});
    auto merged = merge(s, t.file());
    REQUIRE(merged.ok);
    const auto& w = merged.record.work[0];
    CHECK(w.evidence.size() == 2);
    CHECK(w.submissions.size() == 2);
    CHECK(w.reviews.size() == 2);
    CHECK(w.reviews[0].reviewer == "Ms. Okafor");  // time order
    CHECK(w.reviews[1].reviewer == "Dr. Ruiz");
    CHECK(mastery::Progress(merged.record).status_of("graphs", 1) == mastery::Status::submitted);
}

TEST_CASE("a review file for another learner or pathway is refused and changes nothing") {
    RoundTrip t;
    auto f = t.file();
    SUBCASE("another learner's record") {
        f.record_id = "someone-else";
        f.learner_name = "Alex";
        auto res = merge(t.student, f);
        CHECK_FALSE(res.ok);
        CHECK(res.error == "these reviews are for Alex's record, not this one; nothing was changed");
        CHECK(res.record == t.student);
    }
    SUBCASE("another pathway") {
        f.pathway_ref.id = "algebra";
        CHECK(merge(t.student, f).error == "these reviews are for the pathway \"algebra\", not \"tiny\"; nothing was changed");
    }
    SUBCASE("another edition of the pathway") {
        f.pathway_ref.hash = "fnv1a64:0000000000000000";
        CHECK(merge(t.student, f).error == "these reviews were made on a different edition of the pathway; nothing was changed");
    }
    SUBCASE("a review of a submission this record does not have is skipped, the rest merge") {
        f.reviews.push_back(f.reviews[0]);
        f.reviews[1].review.attempt = 3;
        auto res = merge(t.student, f);
        REQUIRE(res.ok);
        CHECK(res.note == "1 review added; skipped Graphs · Beginning, attempt 3: no such submission in this record");
    }
}

TEST_CASE("bad review files are refused with their place") {
    CHECK(mastery::load_review_file("{}").first_error() == "/format: this is not a Mastery Map review file (\"mastery-map/reviews\")");
    RoundTrip t;
    Json j = mastery::to_json(t.file());
    j["reviews"][0]["decisions"][0]["rating"] = "great";
    CHECK(mastery::review_file_from_json(j).first_error() == "/reviews/0/decisions/0/rating: a review decides \"met\" or \"not_yet\", found \"great\"");
    j = mastery::to_json(t.file());
    j["version"] = 5;
    CHECK(mastery::review_file_from_json(j).first_error().rfind("/version: this file was made by a newer version", 0) == 0);
}

TEST_CASE("an import replaces the record as one undoable action") {
    RoundTrip t;
    mastery::History h(t.student);
    auto a = mastery::action_from_json({{"type", "replace_record"}, {"record", mastery::to_json(t.mentor_copy)}, {"at", "2026-09-06T08:00:00Z"}});
    REQUIRE_MESSAGE(a.ok(), a.first_error());
    REQUIRE(h.apply(*a.value).ok);
    CHECK(h.present().work[0].reviews.size() == 1);
    CHECK(h.present().activity.back().summary == "Imported a file");
    CHECK(h.undo());
    CHECK(h.present() == t.student);
    auto bad = mastery::action_from_json({{"type", "replace_record"}, {"record", {{"format", "mastery-map/record"}, {"version", 1}}}});
    CHECK(bad.first_error() == "/record: missing required key \"id\"");
}

TEST_CASE("the import preview says what would change") {
    RoundTrip t;
    auto p = mastery::preview_import(t.student, t.mentor_copy);
    CHECK(p.same_record);
    CHECK_FALSE(p.incoming_is_older);
    CHECK(p.lines == std::vector<std::string>{"Levels earned: 0 → 0", "1 review more"});
    auto back = mastery::preview_import(t.mentor_copy, t.student);
    CHECK(back.incoming_is_older);
    CHECK(back.lines == std::vector<std::string>{"Levels earned: 0 → 0", "1 review fewer (they would be lost)",
                                                 "This file is older than what is on this device"});
    auto other = mastery::preview_import(t.student, test::record());
    CHECK(other.lines.front() == "Levels earned: 0 → 0");
}
