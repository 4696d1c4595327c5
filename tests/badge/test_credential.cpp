// Open Badges 3.0 credentials for earned levels and stacks, checked field by field and
// against 1EdTech's JSON Schema (a subset checker here: types, required, enums, $ref,
// patterns, items, oneOf/allOf, closed objects; tests/interop runs the full schema with Ajv), and
// whole badge files from export_badge.
#include "helpers.hpp"

#include "../core/helpers.hpp"

#include <regex>

using mastery::Json;

namespace {

// Checks the structural keywords of a JSON Schema (2019-09) against a value; returns the
// first problem as "pointer: message", or "". Formats (date-time, uri) are Ajv's job.
class SchemaSubset {
public:
    explicit SchemaSubset(Json root) : m_root(std::move(root)) {}

    std::string check(const Json& value) const { return check(m_root, value, ""); }

private:
    Json m_root;

    const Json& resolve(const Json& s) const {
        if (s.is_object() && s.contains("$ref")) {
            std::string ref = s["$ref"].get<std::string>();
            return m_root.at(Json::json_pointer(ref.substr(1)));
        }
        return s;
    }

    static bool type_ok(const std::string& t, const Json& v) {
        if (t == "object") return v.is_object();
        if (t == "array") return v.is_array();
        if (t == "string") return v.is_string();
        if (t == "boolean") return v.is_boolean();
        if (t == "number") return v.is_number();
        if (t == "integer") return v.is_number_integer();
        return true;
    }

    std::string check(const Json& schema_in, const Json& v, const std::string& at) const {
        const Json& s = resolve(schema_in);
        if (!s.is_object()) return "";
        if (s.contains("type") && s["type"].is_string() && !type_ok(s["type"], v)) return at + ": expected " + s["type"].get<std::string>();
        if (s.contains("pattern") && v.is_string() && !std::regex_search(v.get<std::string>(), std::regex(s["pattern"].get<std::string>())))
            return at + ": does not match " + s["pattern"].get<std::string>();
        if (s.contains("enum") && std::find(s["enum"].begin(), s["enum"].end(), v) == s["enum"].end())
            return at + ": " + v.dump() + " is not one of " + s["enum"].dump();
        if (s.contains("allOf"))
            for (const auto& sub : s["allOf"])
                if (auto p = check(sub, v, at); !p.empty()) return p;
        if (s.contains("oneOf")) {
            int passing = 0;
            for (const auto& sub : s["oneOf"]) passing += check(sub, v, at).empty();
            if (passing != 1) return at + ": matches " + std::to_string(passing) + " of oneOf";
        }
        if (v.is_array()) {
            if (s.contains("minItems") && v.size() < s["minItems"].get<std::size_t>()) return at + ": too few items";
            if (s.contains("contains")) {
                bool any = false;
                for (const auto& e : v) any = any || check(s["contains"], e, at).empty();
                if (!any) return at + ": contains none of " + s["contains"].dump();
            }
            if (s.contains("items") && s["items"].is_object())
                for (std::size_t i = 0; i < v.size(); ++i)
                    if (auto p = check(s["items"], v[i], at + "/" + std::to_string(i)); !p.empty()) return p;
            if (s.contains("items") && s["items"].is_array())
                for (std::size_t i = 0; i < v.size() && i < s["items"].size(); ++i)
                    if (auto p = check(s["items"][i], v[i], at + "/" + std::to_string(i)); !p.empty()) return p;
        }
        if (v.is_object()) {
            if (s.contains("required"))
                for (const auto& k : s["required"])
                    if (!v.contains(k.get<std::string>())) return at + ": missing required \"" + k.get<std::string>() + "\"";
            bool closed = s.contains("additionalProperties") && s["additionalProperties"] == false;
            for (auto it = v.begin(); it != v.end(); ++it) {
                bool known = s.contains("properties") && s["properties"].contains(it.key());
                if (!known && closed) return at + ": \"" + it.key() + "\" is not allowed here";
                if (known)
                    if (auto p = check(s["properties"][it.key()], it.value(), at + "/" + it.key()); !p.empty()) return p;
            }
        }
        return "";
    }
};

std::optional<SchemaSubset> ob3_schema() {
    if (!badge_test::have_fixtures()) return std::nullopt;
    auto parsed = mastery::parse_json(
        badge_test::read_text(badge_test::fixtures_dir() + "/openbadges/ob30/ob_v3p0_achievementcredential_schema.json"));
    REQUIRE_MESSAGE(parsed.ok(), parsed.first_error());
    return SchemaSubset(*parsed.value);
}

Json credential_for(const mastery::LearnerRecord& r, const std::string& key, std::vector<std::uint8_t> png = {1, 2, 3}) {
    mastery::Progress pr(r);
    auto c = mastery::open_badge_credential(r, pr, key, png);
    REQUIRE_MESSAGE(c.ok(), c.first_error());
    return *c.value;
}

}  // namespace

TEST_CASE("the schema checker itself catches what it should") {
    REQUIRE_FIXTURES();
    auto schema = ob3_schema();
    REQUIRE(schema);
    CHECK(schema->check(Json::object()).find("missing required \"@context\"") != std::string::npos);
    auto fixture = mastery::parse_json(badge_test::read_text(badge_test::fixtures_dir() + "/openbadges/ob30/simple.json"));
    REQUIRE(fixture.ok());
    CHECK(schema->check(*fixture.value) == "");
    Json broken = *fixture.value;
    broken["credentialSubject"]["achievement"]["achievementType"] = "Sticker";
    CHECK(schema->check(broken) == "/credentialSubject/achievement/achievementType: matches 0 of oneOf");
}

TEST_CASE("an earned level becomes a self-asserted OpenBadgeCredential") {
    auto r = badge_test::sample_record();
    Json c = credential_for(r, "competency:ratios-1:2");
    CHECK(c["@context"] == Json({"https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"}));
    CHECK(c["type"] == Json({"VerifiableCredential", "OpenBadgeCredential"}));
    CHECK(c["name"] == "Ratio Reasoning · Developing (self-asserted, unsigned)");
    CHECK(c["description"].get<std::string>().rfind("Self-asserted and unsigned", 0) == 0);
    CHECK(c["description"].get<std::string>().find("Reviewed by") != std::string::npos);
    CHECK_FALSE(c.contains("proof"));
    CHECK(c["id"].get<std::string>().rfind("urn:uuid:", 0) == 0);
    CHECK(c["validFrom"] == "2026-09-25T12:10:00Z");  // the approving review
    CHECK(c["issuer"]["name"] == "Riverside Middle School (sample)");
    CHECK(c["issuer"]["id"] == "https://example.org/riverside");

    const Json& a = c["credentialSubject"]["achievement"];
    CHECK(a["type"] == Json({"Achievement"}));
    CHECK(a["achievementType"] == "Competency");
    CHECK(a["name"] == "Ratio Reasoning · Developing");
    const auto& level = r.pathway.find_competency("ratios-1")->levels[1];
    for (const auto& criterion : level.criteria) CHECK(a["criteria"]["narrative"].get<std::string>().find(criterion.text) != std::string::npos);
    CHECK(a["image"]["id"] == "data:image/png;base64,AQID");
    CHECK(a["image"]["type"] == "Image");

    // the scale is the rubric, and the result names the level reached
    const Json& rd = a["resultDescription"][0];
    CHECK(rd["resultType"] == "RubricCriterionLevel");
    CHECK(rd["allowedValue"] == Json({"Beginning", "Developing", "Proficient", "Extending"}));
    CHECK(rd["rubricCriterionLevel"].size() == 4);
    const Json& result = c["credentialSubject"]["result"][0];
    CHECK(result["resultDescription"] == rd["id"]);
    CHECK(result["achievedLevel"] == rd["rubricCriterionLevel"][1]["id"]);
    CHECK(rd["rubricCriterionLevel"][1]["name"] == "Developing");
    CHECK(result["status"] == "Completed");
    CHECK(c["credentialSubject"]["identifier"][0]["identityHash"] == r.learner_name);

    // evidence: the submitted items (the photo as a Data URI) and the reviewer's decision
    int images = 0, reviews = 0;
    for (const auto& e : c["evidence"]) {
        if (e.contains("id") && e["id"].get<std::string>().rfind("data:image/png;base64,", 0) == 0) ++images;
        if (e["genre"] == "Review") {
            ++reviews;
            CHECK(e["narrative"].get<std::string>().rfind("Decision: earned.", 0) == 0);
        }
    }
    CHECK(images == 1);
    CHECK(reviews == 1);
    CHECK(credential_for(r, "competency:ratios-1:2") == c);  // deterministic
}

TEST_CASE("a credential validates against 1EdTech's OB 3.0 schema") {
    REQUIRE_FIXTURES();
    auto schema = ob3_schema();
    REQUIRE(schema);
    auto r = badge_test::sample_record();
    for (const char* key : {"competency:ratios-1:1", "competency:ratios-1:2", "competency:ela-claims:1"}) {
        CAPTURE(key);
        CHECK(schema->check(credential_for(r, key)) == "");
    }
}

TEST_CASE("a completed stack becomes a MicroCredential") {
    auto r = test::earn(test::earn(test::earn(test::record(), "fractions", 1), "fractions", 2, "2026-09-12"), "ratios", 1, "2026-09-20");
    Json c = credential_for(r, "stack:number-sense");
    CHECK(c["name"] == "Number Sense (self-asserted, unsigned)");
    CHECK(c["credentialSubject"]["achievement"]["achievementType"] == "MicroCredential");
    CHECK(c["validFrom"] == "2026-09-20T15:00:00Z");
    CHECK(c["credentialSubject"]["achievement"]["criteria"]["narrative"].get<std::string>().find("Fractions · Developing") != std::string::npos);
    CHECK(c["evidence"].size() == 2);
    auto schema = ob3_schema();
    if (schema) CHECK(schema->check(c) == "");
    mastery::Progress pr(r);
    auto keys = mastery::earned_badge_keys(r, pr);
    CHECK(keys == std::vector<std::string>{"competency:fractions:1", "competency:fractions:2", "competency:ratios:1", "stack:number-sense"});
}

TEST_CASE("badges that are not earned are refused with a reason") {
    auto r = badge_test::sample_record();
    mastery::Progress pr(r);
    CHECK(mastery::open_badge_credential(r, pr, "competency:unit-rates:1", {}).first_error() ==
          "\"Unit Rates · Beginning\" is not earned yet (not_yet)");
    CHECK(mastery::open_badge_credential(r, pr, "competency:nope:1", {}).first_error() == "no such badge \"competency:nope:1\"");
    CHECK(mastery::open_badge_credential(r, pr, "sticker:1", {}).first_error() ==
          "unknown badge key \"sticker:1\" (use competency:<id>:<level> or stack:<id>)");
    CHECK(mastery::open_badge_credential(r, pr, "stack:proportional-reasoner", {}).first_error().rfind("stack \"Proportional Reasoner\" is not complete yet", 0) == 0);
}

TEST_CASE("an exported badge is a baked PNG whose credential embeds the image, plus an SVG") {
    REQUIRE_FONTS();
    auto r = badge_test::sample_record();
    mastery::Progress pr(r);
    auto files = mastery::export_badge(r, pr, "competency:ratios-1:2", badge_test::fonts(), &mastery::builtin_icons(), 512);
    REQUIRE_MESSAGE(files.ok(), files.first_error());
    const auto& f = *files.value;
    CHECK(f.stem == "ratios-1-developing");
    CHECK(f.notes.empty());
    auto img = mastery::decode_png(f.png);
    REQUIRE(img);
    CHECK(img->width == 512);
    std::string error;
    auto baked = mastery::unbake_png(f.png, &error);
    REQUIRE_MESSAGE(baked, error);
    auto credential = mastery::credential_json(*baked, &error);
    REQUIRE_MESSAGE(credential, error);
    CHECK(*credential == f.credential);
    // the embedded image is this very picture, without the credential
    std::string uri = (*credential)["credentialSubject"]["achievement"]["image"]["id"];
    auto bytes = mastery::base64_decode(uri.substr(std::string("data:image/png;base64,").size()));
    REQUIRE(bytes);
    CHECK(mastery::decode_png(*bytes)->rgba == img->rgba);
    CHECK_FALSE(mastery::unbake_png(*bytes));
    CHECK(f.svg.find("<openbadges:credential><![CDATA[") != std::string::npos);
    CHECK(f.svg.find("<title>Ratio Reasoning · Developing</title>") != std::string::npos);
    MESSAGE("baked PNG " << f.png.size() << " bytes, SVG " << f.svg.size() << " bytes");
}

TEST_CASE("a student's own design is used, and an unreadable one falls back with a note") {
    auto r = badge_test::sample_record();
    mastery::BadgeDesign mine;
    mine.layers.push_back(mastery::new_layer(mastery::LayerKind::shape));
    r.badge_designs["competency:ratios-1:1"] = mastery::to_json(mine);
    CHECK(mastery::design_for(r, "competency:ratios-1:1", nullptr) == mine);
    r.badge_designs["competency:ratios-1:2"] = {{"format", "mastery-map/badge"}, {"version", 9}, {"layers", Json::array()}};
    std::vector<std::string> notes;
    auto fallback = mastery::design_for(r, "competency:ratios-1:2", nullptr, &notes);
    CHECK(fallback.layers.size() > 3);
    REQUIRE(notes.size() == 1);
    CHECK(notes[0].find("unreadable") != std::string::npos);
}
