// Reading and writing Mastery Map files: ONE load path for files and browser storage
// alike (limits -> parse -> envelope -> migrate -> validate field by field). Errors are
// values with a JSON Pointer; nothing here throws on bad input or performs I/O.
#pragma once

#include "mastery/model.hpp"

#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace mastery {

inline constexpr const char* kPathwayFormat = "mastery-map/pathway";
inline constexpr const char* kRecordFormat = "mastery-map/record";
inline constexpr const char* kPathwayIndexFormat = "mastery-map/pathway-index";
inline constexpr int kPathwayVersion = 1;  // newest format version this app writes
inline constexpr int kRecordVersion = 1;

// Limits that protect the tab; checked before parsing starts.
struct Limits {
    std::size_t max_bytes = 64u << 20;  // 64 MiB
    int max_depth = 64;                  // nesting of arrays/objects
    std::size_t max_values = 2'000'000;  // scalars + containers
    std::size_t max_string_bytes = 16u << 20;  // one text value (image data included)
};

// One problem found in a file: where (JSON Pointer, "" = the whole file) and what.
struct Problem {
    std::string pointer;
    std::string message;
    std::string to_string() const;  // "/competencies/3/id: duplicate id \"x\"" or the message
    bool operator==(const Problem&) const = default;
};
std::ostream& operator<<(std::ostream& os, const Problem& p);

template <class T>
struct Loaded {
    std::optional<T> value;         // set only when problems is empty
    std::vector<Problem> problems;  // in document order
    bool ok() const { return value.has_value(); }
    std::string first_error() const { return problems.empty() ? std::string() : problems.front().to_string(); }
};

// Parse text into JSON after the limit checks; on failure `problems` says why.
Loaded<Json> parse_json(std::string_view text, const Limits& limits = {});
// The same, with nlohmann's parser callback (called for each value as it is parsed).
Loaded<Json> parse_json(std::string_view text, const Limits& limits, const Json::parser_callback_t& callback);

// A file parsed for reading. The big lists of our formats are read as soon as the parser
// has each element, and the element's JSON is dropped: a 10 MB record or a 2,000
// competency pathway never holds its whole JSON tree in memory (a tree takes several times
// the size of its text). Read early: a learner record's work entries (its evidence and
// pictures) when "format" and "version" come before "work", and its pathway's competencies
// when "format" comes before "pathway", as in every file this app writes (keys sorted);
// a pathway file's competencies (load_pathway). Everything else stays in `json`.
template <class T>
struct ReadEarly {
    T value;
    std::vector<Problem> problems;  // the reader's, for this element, in document order
    bool read = false;              // false: the element was not an object (left in `json`)
};
struct ParsedFile {
    Json json;  // the file; an element read early is left as an empty object
    std::vector<ReadEarly<LevelWork>> work;             // per element of a record's "work"
    std::vector<ReadEarly<Competency>> competencies;    // per element of the pathway's "competencies"
};
Loaded<ParsedFile> parse_file(std::string_view text, const Limits& limits = {});

// The whole load path for each kind of file.
Loaded<Pathway> load_pathway(std::string_view text, const Limits& limits = {});
Loaded<LearnerRecord> load_record(std::string_view text, const Limits& limits = {});
// From already-parsed JSON (the envelope must be present).
Loaded<Pathway> pathway_from_json(const Json& j);
Loaded<LearnerRecord> record_from_json(const Json& j);
Loaded<LearnerRecord> record_from_file(ParsedFile file);  // load_record's steps after parse_file

// The list of pathways a site offers (assets/pathways/index.json).
struct PathwayIndexEntry {
    std::string file;  // relative to the index, e.g. "middle-school-explorer.json"
    std::string title;
    std::string description;
    bool is_default = false;
    bool operator==(const PathwayIndexEntry&) const = default;
};
Loaded<std::vector<PathwayIndexEntry>> load_pathway_index(std::string_view text);

// What kind of file this is, judged from the envelope only ("" when not ours).
std::string detect_format(const Json& j);

// Checks on a pathway's meaning (ids, references, cycles, rules); used by load_pathway.
std::vector<Problem> validate_pathway(const Pathway& p, const std::string& base_pointer = "");

// Writing. Output is canonical: keys sorted, defaults written, same value -> same bytes.
Json to_json(const Pathway& p, bool envelope = true);
Json to_json(const LearnerRecord& r, bool envelope = true);
std::string save_pathway(const Pathway& p);
std::string save_record(const LearnerRecord& r);

// save_record's text, byte for byte, written a few pieces at a time, so that a big record
// can be written across many short slices (the browser's autosave: frames and input get
// through between them). Each piece is small: an activity entry, a competency, a work
// entry's fields, an evidence item, 16 KiB of a picture's base64. It holds the record it
// writes (records are immutable values, shared with the undo history).
class RecordWriter {
public:
    explicit RecordWriter(std::shared_ptr<const LearnerRecord> record);
    RecordWriter(RecordWriter&&) noexcept;
    RecordWriter& operator=(RecordWriter&&) noexcept;
    ~RecordWriter();

    // Appends the next pieces to `out` until at least `min_bytes` were added or the text
    // is complete. Returns true while there is more to write.
    bool write(std::string& out, std::size_t min_bytes);
    bool done() const { return m_steps.empty(); }
    std::size_t written() const { return m_written; }  // bytes so far
    const LearnerRecord& record() const { return *m_record; }

    struct Step;  // one piece still to write (write.cpp)

private:
    void run(const Step& s, std::string& out);
    std::shared_ptr<const LearnerRecord> m_record;
    std::vector<Step> m_steps;  // a stack: back() is written next
    std::size_t m_written = 0;
};

// Content hash of a pathway's canonical JSON body: "fnv1a64:" + 16 hex digits.
std::string content_hash(const Pathway& p);

// A new, empty record for a pathway (embeds a copy and its hash).
LearnerRecord new_record(const Pathway& p, std::string id, std::string learner_name, std::string created_at);

// Small codecs the formats need (hand-written; see docs/ARCHITECTURE.md).
std::string base64_encode(const std::vector<std::uint8_t>& bytes);
std::string base64_encode(const std::uint8_t* data, std::size_t size);
std::optional<std::vector<std::uint8_t>> base64_decode(std::string_view text);

}  // namespace mastery
