// Moving work between devices as files: the mentor's review file (reviews only, merged
// into the student's record idempotently) and a plain-words preview of what an import of a
// whole record would change. Pure functions; reading and writing files is the caller's job.
#pragma once

#include "mastery/io.hpp"
#include "mastery/model.hpp"

#include <string>
#include <vector>

namespace mastery {

inline constexpr const char* kReviewsFormat = "mastery-map/reviews";
inline constexpr int kReviewsVersion = 1;

struct ReviewEntry {
    std::string competency;
    int level = 1;
    Review review;
    bool operator==(const ReviewEntry&) const = default;
};

// What a mentor hands back: the reviews they made on a student's exported record.
struct ReviewFile {
    std::string record_id;     // the student's record these reviews belong to
    std::string learner_name;  // for messages only
    PathwayRef pathway_ref;
    std::string created_at;
    std::vector<ReviewEntry> reviews;
    bool operator==(const ReviewFile&) const = default;
};

// Every review in `reviewed` made after `since` ("" = all of them).
ReviewFile make_review_file(const LearnerRecord& reviewed, const std::string& created_at, const std::string& since = "");
Json to_json(const ReviewFile& f);
std::string save_review_file(const ReviewFile& f);
Loaded<ReviewFile> load_review_file(std::string_view text, const Limits& limits = {});
Loaded<ReviewFile> review_file_from_json(const Json& j);

struct MergeReport {
    bool ok = false;
    std::string error;              // why nothing was merged (wrong learner or pathway)
    LearnerRecord record;           // the merged record (== input when nothing new)
    int added = 0;                  // reviews merged now
    int already = 0;                // reviews the record already had (merging is idempotent)
    std::vector<std::string> skipped;  // reviews that do not fit this record, with reasons
};

// Adds the file's reviews to the student's record. Refuses a file for another record or
// pathway. Never removes or changes the student's own work, including work newer than the
// reviews (a review of attempt 1 after the student resubmitted stays history).
MergeReport merge_reviews(const LearnerRecord& student, const ReviewFile& file, const std::string& at);

// A plain-words preview of replacing `current` with `incoming` (shown before confirming).
struct ImportPreview {
    bool same_record = false;        // same record id (an older or newer copy of this record)
    bool incoming_is_older = false;  // the file's latest activity is older than ours
    std::vector<std::string> lines;  // "3 new pieces of evidence", "Learner: Sky → Sky W."
};
ImportPreview preview_import(const LearnerRecord& current, const LearnerRecord& incoming);

}  // namespace mastery
