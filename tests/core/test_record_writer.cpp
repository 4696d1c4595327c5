// RecordWriter: save_record's text written a few pieces at a time (the browser's autosave
// spreads it over short slices). The pieces joined must be save_record's bytes exactly.
#include "helpers.hpp"

#include <memory>

using mastery::Json;

namespace {

// The whole text through RecordWriter, asking for at least `min_bytes` per call; also
// the largest single piece handed out when asking for 1 byte at a time.
struct Streamed {
    std::string text;
    std::size_t calls = 0;
    std::size_t largest = 0;
};
Streamed stream(std::shared_ptr<const mastery::LearnerRecord> r, std::size_t min_bytes) {
    Streamed s;
    mastery::RecordWriter w(std::move(r));
    bool more = true;
    while (more) {
        std::string piece;
        more = w.write(piece, min_bytes);
        ++s.calls;
        s.largest = std::max(s.largest, piece.size());
        s.text += piece;
        REQUIRE(s.calls < 10'000'000);
    }
    CHECK(w.done());
    CHECK(w.written() == s.text.size());
    return s;
}

void check_same_bytes(const mastery::LearnerRecord& r) {
    const std::string expected = mastery::save_record(r);
    auto shared = std::make_shared<const mastery::LearnerRecord>(r);
    for (std::size_t min_bytes : {std::size_t(1), std::size_t(100), std::size_t(4096), std::size_t(256 * 1024), std::size_t(1) << 30}) {
        CAPTURE(min_bytes);
        CHECK(stream(shared, min_bytes).text == expected);
    }
}

mastery::Evidence picture(std::string id, std::size_t n, std::uint32_t seed) {
    std::vector<std::uint8_t> bytes(n);
    for (auto& b : bytes) b = std::uint8_t((seed = seed * 1664525u + 1013904223u) >> 24);
    return {std::move(id), mastery::EvidenceKind::image, mastery::EvidencePart::artifact, "photo", "", "image/png", std::move(bytes),
            "2026-09-02T10:00:00Z"};
}

// A pathway of `n` competencies and a record with 10 evidence items per level worked on,
// some reviewed, pictures of awkward sizes, and activity.
mastery::LearnerRecord generated(int n) {
    Json comps = Json::array();
    for (int i = 0; i < n; ++i) {
        Json prereq = i ? Json::array({{{"competency", "k" + std::to_string(i - 1)}, {"min_level", 1}}}) : Json::array();
        comps.push_back(test::competency("k" + std::to_string(i), "Topic " + std::to_string(i), prereq));
    }
    Json pj = test::pathway_json();
    pj["competencies"] = comps;
    pj["stacks"] = Json::array();
    auto p = mastery::pathway_from_json(pj);
    REQUIRE_MESSAGE(p.ok(), p.first_error());
    auto r = mastery::new_record(*p.value, "gen", "Gen", "2026-09-01T00:00:00Z");
    int id = 1;
    for (int i = 0; i < n; i += 2) {
        mastery::LevelWork w{"k" + std::to_string(i), 1, {}, {}, {}, {}};
        for (int k = 0; k < 10; ++k)
            w.evidence.push_back({"e" + std::to_string(id++), mastery::EvidenceKind::text, mastery::EvidencePart::artifact,
                                  "Evidence " + std::to_string(k) + " with \"quotes\", a \\ and a tab\t.", "", "", {}, "2026-09-02T10:00:00Z"});
        if (i % 3 == 0) {
            w.submissions.push_back({1, "2026-09-03T10:00:00Z", {w.evidence[0].id}, {}, "note"});
            w.reviews.push_back({1, "T", "teacher", "2026-09-04T10:00:00Z", {{"c1", mastery::Rating::met, ""}, {"c2", mastery::Rating::not_yet, "more"}}, ""});
        }
        r.work.push_back(std::move(w));
        r.activity.push_back({"2026-09-02T10:00:00Z", "add_evidence", "Added evidence to Topic " + std::to_string(i)});
    }
    // 0..3 bytes (padding), one either side of a piece's 12 KiB, and a big one
    std::uint32_t seed = 7;
    for (std::size_t size : {std::size_t(1), std::size_t(2), std::size_t(3), std::size_t(4), std::size_t(12 * 1024 - 1),
                             std::size_t(12 * 1024), std::size_t(12 * 1024 + 1), std::size_t(200 * 1024)})
        r.work[1 % r.work.size()].evidence.push_back(picture("e" + std::to_string(id++), size, seed++));
    r.next_id = id;
    r.plan.push_back({"g1", mastery::Goal::Kind::competency, "k1", 2, "2026-12-01"});
    return r;
}

}  // namespace

TEST_CASE("the streamed text is save_record's text: the bundled sample record") {
    auto loaded = mastery::load_record(test::read_text(test::source_path("assets/records/sample-record.json")));
    REQUIRE_MESSAGE(loaded.ok(), loaded.first_error());
    check_same_bytes(*loaded.value);
}

TEST_CASE("the streamed text is save_record's text: empty records") {
    SUBCASE("a fresh record") { check_same_bytes(test::record()); }
    SUBCASE("a record with nothing in it at all, not even a pathway") { check_same_bytes(mastery::LearnerRecord{}); }
    SUBCASE("a fresh record with no badge designs object") {
        auto r = test::record();
        r.badge_designs = Json();  // written as {}
        check_same_bytes(r);
    }
}

TEST_CASE("the streamed text is save_record's text: a generated large record with pictures") {
    const auto r = generated(300);
    CHECK(r.work.size() == 150);
    check_same_bytes(r);
    // a piece never holds more than one picture step (16 KiB of base64) and a little JSON
    const auto s = stream(std::make_shared<const mastery::LearnerRecord>(r), 1);
    CHECK(s.largest <= 16 * 1024 + 512);
    CHECK(s.calls > 3000);  // one per activity entry, competency, work entry, evidence item...
}

TEST_CASE("the streamed text is save_record's text: unusual text") {
    auto r = test::record();
    r.learner_name = "Zoë 🦊 \u202Eשלום\u202C e\u0301 \u2028\u2029 \x01\x1f \"q\" \\ /";
    r.activity.push_back({"2026-09-02T10:00:00Z", "note", "line one\nline two\r\n\ttabbed"});
    r.activity.push_back({"2026-09-02T10:00:01Z", "note", std::string("bad utf-8 \xff\xfe here and \xc3 there")});
    r.badge_designs = {{"competency:fractions:1", {{"format", "mastery-map/badge"}, {"text", "¼ ½ ¾ 𝛑"}, {"nested", {{"a", Json::array()}, {"b", Json::object()}}}}}};
    mastery::LevelWork w{"fractions", 1, {}, {}, {}, {}};
    w.evidence.push_back({"e1", mastery::EvidenceKind::link, mastery::EvidencePart::overview, "ссылка", "https://example.org/ä?q=1&b=\"2\"", "", {},
                          "2026-09-02T10:00:00Z"});
    w.evidence.push_back(picture("e2", 5, 3));
    w.evidence.push_back({"e3", mastery::EvidenceKind::text, mastery::EvidencePart::reflection, "", "", "", {}, "2026-09-02T10:00:00Z"});
    w.self_assessment.push_back({"c1", mastery::Rating::met});
    r.work.push_back(std::move(w));
    r.work.push_back({"ratios", 2, {}, {}, {}, {}});  // a work entry with no evidence: "evidence": []
    check_same_bytes(r);
}

TEST_CASE("the writer keeps the record it writes alive while the history moves on") {
    auto r = std::make_shared<const mastery::LearnerRecord>(generated(40));
    const std::string expected = mastery::save_record(*r);
    mastery::RecordWriter w(r);
    std::string text;
    w.write(text, 1000);
    r.reset();  // undo/redo or a new change replaced the present record
    while (w.write(text, 1000)) {}
    CHECK(text == expected);
}
