#pragma once

#include <QByteArrayView>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <functional>
#include <memory>
#include <optional>

class QIODevice;

namespace VodConfirm {

// One asset ID (32 hex digits) kept in 16 bytes, so that a paste of ten million IDs costs
// 160 MB rather than the ~1 GB ten million QStrings would.
class AssetId
{
public:
    constexpr AssetId() = default;
    constexpr AssetId(quint64 high, quint64 low) : m_high(high), m_low(low) { }

    // Exactly 32 hex digits, upper or lower case; nothing else (no spaces, no dashes).
    static std::optional<AssetId> fromString(QStringView text);
    QString toString() const; // 32 lower-case hex digits

    constexpr quint64 high() const { return m_high; }
    constexpr quint64 low() const { return m_low; }

    friend constexpr bool operator==(AssetId a, AssetId b)
    {
        return a.m_high == b.m_high && a.m_low == b.m_low;
    }

private:
    quint64 m_high = 0;
    quint64 m_low = 0;
};

size_t qHash(AssetId id, size_t seed = 0) noexcept;

// What the parser found in one paste.
struct ParsedIds
{
    static constexpr qsizetype MaxExamples = 1000; // cap for every example list below

    QList<AssetId> assetIds; // unique, input order; not in the "already known" set

    qsizetype count() const { return assetIds.size(); }
    QString id(qsizetype i) const { return assetIds.at(i).toString(); }
    QStringList ids() const; // all of assetIds as lower-case strings (small pastes, tests)

    qsizetype duplicates = 0; // occurrences dropped: the ID came earlier in this text
    QStringList duplicateIds; // distinct examples, first MaxExamples
    qsizetype alreadyKnown = 0; // occurrences dropped: the ID is already queued
    QStringList alreadyKnownIds; // distinct examples, first MaxExamples
    qsizetype upperCaseNormalised = 0; // occurrences given in upper/mixed case (kept or not)

    struct Malformed
    {
        QString token; // as written (values longer than 80 characters are cut with "…")
        QString reason; // translated, e.g. "31 characters, an asset ID has 32"
        qsizetype line = 0; // 1-based
    };
    QList<Malformed> malformed; // first MaxExamples, in input order
    qsizetype malformedTotal = 0;

    qsizetype linesRead = 0; // lines in the text (a final line break does not start a line)

    // Translated one-line summaries of anything the user should know, e.g.
    // "3 duplicates ignored", "2 IDs were in upper case and were converted to lower case".
    QStringList notes() const;
};

// Pulls asset IDs out of any pasted text: one per line, CSV/TSV, JSON, log lines, console tables,
// URL query strings. Linear time; memory is 16 bytes per unique ID plus a small index.
//
// Rules (what a user can rely on):
// * A token is a maximal run of ASCII letters and digits; everything else (punctuation, quotes,
//   whitespace, non-ASCII text such as Chinese) separates tokens. A token of exactly 32 hex
//   digits is an ID; a 32-hex run inside a longer token is not.
// * Upper-case IDs are converted to lower case and counted in upperCaseNormalised.
// * Keyed values ("key": value, key=value, key: value): values of keys containing "asset_id"
//   (asset_id, assetId, "Asset ID", asset_ids, parent_asset_id...) must be IDs and anything
//   else there is reported as malformed (an empty value is ignored). Values of keys containing only
//   "asset" (asset, asset_status) or of plain "id"/"ids" are treated like free text. Values of any
//   other key (request_id, X-Request-Id, project_id, md5, trace_id...) are ignored when they are a
//   single word, even when they are 32 hex digits; a value with spaces (a log message) is read as
//   text. An unquoted "word:" only counts as a key when it looks like an identifier (contains _ -
//   ., is camelCase or ends in "id"/"md5"/"hash"), so "INFO: <id>" still yields the ID.
// * Tables: when the first non-empty line is a header (cells separated by tab, comma, semicolon
//   or '|'; no '=' or ':') with one asset ID column ("asset_id", "Asset ID", "assetId",
//   "媒资ID"; else one column whose name ends in "asset_id"), only that column of the rows counts:
//   md5, project ID or title columns are ignored. Lines without the delimiter are read as text.
//   A table without such a column is read as text.
// * In free text a token that looks like a mistyped ID (24-40 characters, letters and digits,
//   at most 3 that are not hex) is reported as malformed; other words are ignored silently, as
//   are 64-hex SHA-256 digests.
// * UUIDs (8-4-4-4-12 with dashes) are skipped silently; as the value of an asset_id key they
//   are reported as malformed: "UUID, not an asset ID".
// * A 32-hex path segment right after an API version segment ("/v1.0/<project_id>/") is the
//   project ID of a request URL and is ignored.
namespace AssetIdParser {

using KnownPredicate = std::function<bool(AssetId)>;

// Exactly 32 lower-case hex digits.
bool isValidId(QStringView id);

// alreadyKnown: IDs already queued, lower case as parse() returns them; they are counted in
// alreadyKnown, not returned again. A set not much larger than the text is converted into the
// parser's own index (one pass over the set); a larger one is asked once per distinct ID.
ParsedIds parse(QStringView text, const QSet<QString> &alreadyKnown = {});
// isKnown is asked once per distinct ID of the text (not per occurrence). A table holding
// millions of rows should answer it from compact IDs (AssetId, qHash) rather than a QSet<QString>.
ParsedIds parse(QStringView text, const KnownPredicate &isKnown);
// The same rules over UTF-8 (or any ASCII-compatible) bytes, e.g. a file, without decoding.
ParsedIds parseUtf8(QByteArrayView text, const KnownPredicate &isKnown = {});

} // namespace AssetIdParser

// The parser's rules over input that arrives in pieces (files, pipes, devices of any size), in
// memory bounded by the IDs found rather than by the input: 16 bytes per unique ID, the capped
// example lists, and a buffer of about lineLimit bytes.
//
// Lines up to lineLimit bytes are read exactly as parseUtf8() reads them. A longer line (a
// minified JSON file, an endless stream without line breaks) is read in pieces of about
// lineLimit bytes, cut after a ',', ';', '|', bracket, tab or space where there is one: IDs in it
// are all found, only a key and its value that fall on both sides of a cut are read apart. A run
// of letters and digits longer than lineLimit (never an ID) is skipped to its end.
class AssetIdStream
{
    Q_DISABLE_COPY_MOVE(AssetIdStream)
public:
    static constexpr qsizetype DefaultLineLimit = 1024 * 1024;

    explicit AssetIdStream(AssetIdParser::KnownPredicate isKnown = {},
                           qsizetype lineLimit = DefaultLineLimit);
    ~AssetIdStream();

    // UTF-8 (or any ASCII-compatible) bytes, split anywhere, even inside a character.
    void feed(QByteArrayView bytes);
    // Reads `device` (e.g. a QFile, also on a pipe or device) to its end in chunks as one source:
    // a UTF-8 byte order mark is skipped; UTF-16 LE/BE and UTF-32 LE/BE text with a byte order
    // mark is decoded; text that does not end with a line break gets one, so that the next source
    // starts on a line of its own. Input holding a NUL character is refused: it is not text (a
    // binary file, /dev/zero, UTF-16 without a byte order mark). Returns an empty string, or a
    // translated reason (without the source's name, which the caller knows) when the device
    // cannot be read or is not text; what was read before the problem stays fed.
    QString feedFrom(QIODevice &device);
    // Every ID fed so far, as parse() would return them. The stream frees its index and starts
    // again empty.
    ParsedIds finish();

private:
    struct State;
    std::unique_ptr<State> d;
};
} // namespace VodConfirm
