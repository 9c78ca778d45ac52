#include "ids/assetidparser.h"

#include <QCoreApplication>
#include <QIODevice>
#include <QStringDecoder>
#include <QtGlobal>

#ifdef Q_OS_LINUX
#include <sys/mman.h>
#endif

#include <array>
#include <cstdlib>
#include <limits>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

using namespace Qt::StringLiterals;

namespace VodConfirm {

namespace {

constexpr int IdLength = 32;
constexpr int LooksLikeMin = 24; // shortest free-text token reported as a malformed ID
constexpr int LooksLikeMax = 40; // longest (a 64-hex SHA-256 is never reported)
constexpr int LooksLikeMaxNonHex = 3; // typos: 'g' for '6', 'O' for '0', 'l' for '1'
constexpr int MaxKeyLength = 64;
constexpr qsizetype MaxTokenShown = 80;
constexpr qsizetype MaxHeaderLength = 4096;

int clampCount(qsizetype n)
{
    return int(qMin<qsizetype>(n, std::numeric_limits<int>::max()));
}

// ASCII classification: bit 0x80 = alphanumeric, low bits = hex value + 1 (0 = not hex).
constexpr std::array<quint8, 128> makeTable()
{
    std::array<quint8, 128> t {};
    for (int c = '0'; c <= '9'; ++c)
        t[c] = 0x80 | (c - '0' + 1);
    for (int c = 'a'; c <= 'z'; ++c)
        t[c] = 0x80 | (c <= 'f' ? c - 'a' + 11 : 0);
    for (int c = 'A'; c <= 'Z'; ++c)
        t[c] = 0x80 | (c <= 'F' ? c - 'A' + 11 : 0);
    return t;
}
constexpr std::array<quint8, 128> CharTable = makeTable();

// What the main loop does at an ASCII character; every other character is Plain.
enum CharKind : quint8 { Plain, Word, LineFeed, CarriageReturn, Separator, CellDelimiter, Quote };
constexpr std::array<quint8, 129> makeKinds()
{
    std::array<quint8, 129> t {};
    for (int c = 0; c < 128; ++c)
        t[c] = (CharTable[c] & 0x80) ? Word : Plain;
    t['\n'] = LineFeed;
    t['\r'] = CarriageReturn;
    t['='] = Separator;
    t[':'] = Separator;
    return t;
}
// [128]: any non-ASCII character. CellDelimiter and Quote are only set in table mode.
constexpr std::array<quint8, 129> CharKinds = makeKinds();

inline bool isAlnum(char32_t c)
{
    return c < 128 && (CharTable[c] & 0x80);
}
inline int hexValue(char32_t c) // -1 when not hex
{
    return c < 128 ? int(CharTable[c] & 0x7f) - 1 : -1;
}
inline bool isHex(char32_t c)
{
    return hexValue(c) >= 0;
}
inline bool isDigit(char32_t c)
{
    return c >= '0' && c <= '9';
}
inline bool isLetter(char32_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
inline bool isUpper(char32_t c)
{
    return c >= 'A' && c <= 'Z';
}
inline bool isLower(char32_t c)
{
    return c >= 'a' && c <= 'z';
}
inline bool isKeyChar(char32_t c)
{
    return isAlnum(c) || c == '_' || c == '-' || c == '.';
}
inline bool isHorizontalSpace(char32_t c)
{
    return c == ' ' || c == '\t';
}
inline bool isLineBreak(char32_t c)
{
    return c == '\n' || c == '\r';
}
inline bool isSpace(char32_t c)
{
    return isHorizontalSpace(c) || isLineBreak(c) || c == '\v' || c == '\f' || c == 0xa0
            || c == 0x3000;
}
// Ends an unquoted value: asset_id=abc&x=1, asset_id=abc,title, ?asset_id=abc)
constexpr std::array<bool, 128> makeTerminators()
{
    std::array<bool, 128> t {};
    for (char c : {',', ';', '&', '|', '?', ')', ']', '}', '<', '>', '"', '\'', ' ', '\t', '\n',
                   '\r', '\v', '\f'})
        t[size_t(c)] = true;
    return t;
}
constexpr std::array<bool, 128> Terminators = makeTerminators();
inline bool endsUnquotedValue(char32_t c)
{
    return c < 128 ? Terminators[c] : (c == 0xa0 || c == 0x3000);
}

quint64 mix(quint64 h)
{
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb93fe53b1a85ULL;
    h ^= h >> 33;
    return h;
}

inline quint64 hashId(AssetId id)
{
    return mix(id.high() * 0x9e3779b97f4a7c15ULL ^ id.low());
}

QString hexString(AssetId id)
{
    static constexpr char Digits[] = "0123456789abcdef";
    QString s(IdLength, Qt::Uninitialized);
    QChar *out = s.data();
    for (int i = 0; i < 16; ++i)
        out[i] = QLatin1Char(Digits[(id.high() >> (60 - 4 * i)) & 0xf]);
    for (int i = 0; i < 16; ++i)
        out[16 + i] = QLatin1Char(Digits[(id.low() >> (60 - 4 * i)) & 0xf]);
    return s;
}

inline void prefetchLine(const void *p)
{
#if defined(__GNUC__) || defined(__clang__)
    __builtin_prefetch(p);
#else
    Q_UNUSED(p);
#endif
}

// Zero-filled memory whose untouched pages cost nothing. On Linux, blocks of 2 MiB and more are
// mapped with transparent huge pages where allowed: the ID index is probed at random, and with
// 4 KiB pages nearly every probe is a TLB miss (half the parse time in a VM).
class ZeroedMemory
{
public:
    ZeroedMemory() = default;
    explicit ZeroedMemory(size_t bytes) : m_bytes(bytes)
    {
#ifdef Q_OS_LINUX
        if (bytes >= HugePage) {
            void *p = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1,
                           0);
            if (p != MAP_FAILED) {
                madvise(p, bytes, MADV_HUGEPAGE); // a hint: fine if refused
                m_data = p;
                m_mapped = true;
                return;
            }
        }
#endif
        m_data = std::calloc(bytes, 1);
        if (!m_data)
            qFatal("AssetIdParser: out of memory (%zu bytes)", bytes);
    }
    ZeroedMemory(ZeroedMemory &&other) noexcept
    {
        swap(other);
    }
    ZeroedMemory &operator=(ZeroedMemory &&other) noexcept
    {
        ZeroedMemory(std::move(other)).swap(*this);
        return *this;
    }
    ZeroedMemory(const ZeroedMemory &) = delete;
    ZeroedMemory &operator=(const ZeroedMemory &) = delete;
    ~ZeroedMemory()
    {
#ifdef Q_OS_LINUX
        if (m_mapped) {
            munmap(m_data, m_bytes);
            return;
        }
#endif
        std::free(m_data);
    }

    template<typename T> T *as() const
    {
        return static_cast<T *>(m_data);
    }

private:
    static constexpr size_t HugePage = 2u << 20;

    void swap(ZeroedMemory &other) noexcept
    {
        std::swap(m_data, other.m_data);
        std::swap(m_bytes, other.m_bytes);
        std::swap(m_mapped, other.m_mapped);
    }

    void *m_data = nullptr;
    size_t m_bytes = 0;
    bool m_mapped = false;
};

// Open-addressing set of the IDs seen in one parse. A slot holds 32 bits of the ID's hash and
// a reference into one of two lists (new IDs, or already-known IDs met in the text) plus a
// "reported as example" flag: 8 bytes per slot, at most 1/0.35 slots per ID. The stored hash
// lets a probe skip other IDs without touching the lists (one cache miss per lookup, not three)
// and lets the table grow without re-reading them.
class SeenTable
{
public:
    static constexpr quint32 Known = 1u << 30;
    static constexpr quint32 Reported = 1u << 31;
    static constexpr quint32 IndexMask = Known - 1;

    struct Slot
    {
        quint32 hash;
        quint32 ref; // 0: empty; else list index + 1, | Known, | Reported
    };

    // expected: how many IDs the text can hold at most; the table starts big enough for them,
    // up to 2^21 slots. It is calloc'ed, so pages that no ID lands on are never resident.
    SeenTable(const QList<AssetId> &fresh, const QList<AssetId> &known, qsizetype expected)
        : m_fresh(fresh), m_known(known)
    {
        size_t size = 1024;
        while (size < (1u << 21) && qsizetype(size) * 7 < expected * 10)
            size *= 2;
        allocate(size);
    }

    static quint32 hash(AssetId id) { return quint32(hashId(id) >> 32); }

    void prefetch(quint32 h) const { prefetchLine(&table()[h & m_mask]); }

    // Returns the slot holding id, or the empty slot where it would go.
    Slot *find(AssetId id, quint32 h)
    {
        for (size_t i = h & m_mask;; i = (i + 1) & m_mask) {
            Slot &slot = table()[i];
            if (slot.ref == 0 || (slot.hash == h && at(slot.ref) == id))
                return &slot;
        }
    }

    // slot must come from find(id, h) just before.
    void insert(Slot *slot, quint32 h, quint32 ref)
    {
        *slot = Slot {h, ref};
        if (++m_used * 10 > (m_mask + 1) * 7)
            grow();
    }

private:
    Slot *table() const { return m_slots.as<Slot>(); }

    AssetId at(quint32 ref) const
    {
        const quint32 index = (ref & IndexMask) - 1;
        return (ref & Known) ? m_known.at(index) : m_fresh.at(index);
    }

    void allocate(size_t size)
    {
        m_slots = ZeroedMemory(size * sizeof(Slot));
        m_mask = size - 1;
    }

    void grow()
    {
        const ZeroedMemory old = std::move(m_slots);
        const size_t oldSize = m_mask + 1;
        allocate(oldSize * 2);
        const Slot *oldSlots = old.as<Slot>();
        for (size_t k = 0; k < oldSize; ++k) {
            const Slot &slot = oldSlots[k];
            if (slot.ref == 0)
                continue;
            size_t i = slot.hash & m_mask;
            while (table()[i].ref != 0)
                i = (i + 1) & m_mask;
            table()[i] = slot;
        }
    }

    const QList<AssetId> &m_fresh;
    const QList<AssetId> &m_known;
    ZeroedMemory m_slots;
    size_t m_mask = 0;
    size_t m_used = 0;
};

enum class KeyKind {
    None, // not a key after all ("INFO:", "12:30", "https:")
    AssetId, // asset_id, assetId, "Asset ID", asset_ids: the value must be an ID
    Neutral, // asset, asset_status, id, ids: the value is read as free text
    Other, // request_id, project_id, md5...: a one-word value is ignored
};

template<typename Char> class Scanner
{
public:
    Scanner(const Char *text, qsizetype size, ParsedIds &out,
            const AssetIdParser::KnownPredicate &isKnown, const QSet<QString> &knownSet = {})
        : m_s(text),
          m_n(size),
          m_out(out),
          m_isKnown(isKnown),
          m_seen(out.assetIds, m_known, size / (IdLength + 1) + 1 + knownSet.size())
    {
        // The queued IDs go into the same index as the text's, marked Known: one lookup per ID.
        // Each string is a separate allocation: their data is prefetched a few items ahead, and
        // the index slots a batch at a time, as the misses are most of the cost.
        m_known.reserve(knownSet.size());
        constexpr int Ahead = 8;
        auto ahead = knownSet.cbegin();
        for (int k = 0; k < Ahead && ahead != knownSet.cend(); ++k, ++ahead)
            prefetchLine(ahead->constData());
        AssetId batch[BatchSize];
        quint32 hashes[BatchSize];
        int batched = 0;
        const auto insertBatch = [&] {
            for (int k = 0; k < batched; ++k) {
                SeenTable::Slot *slot = m_seen.find(batch[k], hashes[k]);
                m_known.append(batch[k]);
                m_seen.insert(slot, hashes[k], quint32(m_known.size()) | SeenTable::Known);
            }
            batched = 0;
        };
        for (const QString &known : knownSet) {
            if (ahead != knownSet.cend()) {
                prefetchLine(ahead->constData());
                ++ahead;
            }
            const std::optional<AssetId> id = lowerCaseId(known);
            if (!id)
                continue; // as with the lookup: only IDs in the form parse() returns
            batch[batched] = *id;
            hashes[batched] = SeenTable::hash(*id);
            m_seen.prefetch(hashes[batched]);
            if (++batched == BatchSize)
                insertBatch();
        }
        insertBatch();
    }

    // Exactly 32 lower-case hex digits, in one pass.
    static std::optional<AssetId> lowerCaseId(QStringView text)
    {
        if (text.size() != IdLength)
            return std::nullopt;
        quint64 half[2] = {0, 0};
        for (int i = 0; i < IdLength; ++i) {
            const char16_t c = text[i].unicode();
            if (isUpper(c))
                return std::nullopt;
            const int v = hexValue(c);
            if (v < 0)
                return std::nullopt;
            half[i / 16] = (half[i / 16] << 4) | quint64(v);
        }
        return AssetId(half[0], half[1]);
    }

    void run()
    {
        detectTable();
        scan();
        flush();
        // No squeeze(): it would copy the list, and growth slack that was never written to is
        // address space, not resident memory.
        m_out.linesRead = m_n == 0 ? 0 : (isLineBreak(at(m_n - 1)) ? m_line - 1 : m_line);
    }

    // Streaming: the text arrives in blocks, each starting where the previous one ended. A block
    // ends after a line break, or inside an overlong line between two tokens (AssetIdStream
    // chooses); the index, the table mode and the position in the line carry over.
    void scanBlock(const Char *text, qsizetype size)
    {
        if (size == 0)
            return;
        m_s = text;
        m_n = size;
        m_lineStart = 0;
        if (!m_tableDecided)
            m_tableDecided = detectTable();
        scan();
        m_read = true;
        m_endsWithBreak = isLineBreak(at(m_n - 1));
    }

    void finishStream()
    {
        flush();
        m_out.linesRead = !m_read ? 0 : (m_endsWithBreak ? m_line - 1 : m_line);
    }

private:
    void scan()
    {
        qsizetype i = 0;
        while (i < m_n) {
            const char32_t c = at(i);
            const quint8 kind = m_kinds[c < 128 ? c : 128]; // a cmov, not a branch
            if (kind == Plain) {
                ++i;
            } else if (kind == Word) {
                // One pass over the token: its end and how many of its characters are not hex.
                qsizetype j = i + 1;
                int nonHex = hexValue(c) < 0;
                while (j < m_n) {
                    const char32_t d = at(j);
                    if (d >= 128 || !(CharTable[d] & 0x80))
                        break;
                    nonHex += (CharTable[d] & 0x7f) == 0;
                    ++j;
                }
                if (!m_table || inIdColumn(i))
                    freeToken(i, j, nonHex);
                i = j;
            } else if (kind == LineFeed || kind == CarriageReturn) {
                if (kind == LineFeed || i + 1 >= m_n || at(i + 1) != '\n') {
                    ++m_line;
                    m_lineStart = i + 1;
                    m_column = 0;
                    m_inQuotes = false;
                    m_lineChecked = false;
                }
                ++i;
            } else if (kind == CellDelimiter) {
                m_column += !m_inQuotes;
                ++i;
            } else if (kind == Quote) {
                m_inQuotes = !m_inQuotes;
                ++i;
            } else {
                i = (!m_table || inIdColumn(i)) ? keyValue(i) : i + 1;
            }
        }
    }

    char32_t at(qsizetype i) const { return char32_t(std::make_unsigned_t<Char>(m_s[i])); }

    QString text(qsizetype a, qsizetype b) const
    {
        QString s;
        if (b - a > MaxTokenShown) {
            s = text(a, a + MaxTokenShown - 1);
            s += QChar(0x2026);
            return s;
        }
        if constexpr (std::is_same_v<Char, char>)
            return QString::fromUtf8(m_s + a, b - a);
        else
            return QStringView(m_s + a, b - a).toString();
    }

    // A token in free text (not the value of a key).
    void freeToken(qsizetype a, qsizetype b, int nonHex)
    {
        const qsizetype len = b - a;
        if (len == IdLength && nonHex == 0) {
            if (!isProjectIdInPath(a))
                foundId(a);
            return;
        }
        if (len < LooksLikeMin || len > LooksLikeMax || nonHex > LooksLikeMaxNonHex)
            return;
        bool digit = false;
        bool letter = false;
        for (qsizetype i = a; i < b; ++i) {
            digit = digit || isDigit(at(i));
            letter = letter || isLetter(at(i));
        }
        if (digit && letter)
            reportMalformed(a, b, false);
    }

    // "/v1.0/<32 hex>": the project ID of an API request URL.
    bool isProjectIdInPath(qsizetype a) const
    {
        qsizetype i = a - 1;
        if (i < 0 || at(i) != '/')
            return false;
        --i;
        const qsizetype end = i;
        while (i >= 0 && end - i < 8 && (isDigit(at(i)) || at(i) == '.'))
            --i;
        if (i == end || i < 1 || !isDigit(at(end)) || (at(i) != 'v' && at(i) != 'V'))
            return false;
        return at(i - 1) == '/';
    }

    // Table mode: when the first non-empty line is a header row (cells separated by tabs,
    // commas, semicolons or '|', no '=' or ':') with one asset ID column ("asset_id",
    // "Asset ID", "assetId", "媒资ID"), only that column of the rows counts, so that an md5 or
    // project ID column is not taken for IDs. Lines without the delimiter are read as usual.
    // Returns false when the text so far has no non-empty line, so the decision is still open.
    bool detectTable()
    {
        qsizetype ls = 0;
        qsizetype le = 0;
        for (;;) {
            le = ls;
            bool content = false;
            while (le < m_n && !isLineBreak(at(le)) && le - ls <= MaxHeaderLength) {
                content = content || !isSpace(at(le));
                ++le;
            }
            if (le - ls > MaxHeaderLength)
                return true; // not a header; don't read on
            if (content)
                break;
            if (le >= m_n)
                return false;
            ls = le + 1;
        }
        int counts[4] = {0, 0, 0, 0};
        static constexpr char Delimiters[4] = {'\t', ',', ';', '|'};
        for (qsizetype i = ls; i < le; ++i) {
            const char32_t c = at(i);
            if (c == '=' || c == ':' || c == '{' || c == '[')
                return true;
            for (int d = 0; d < 4; ++d)
                counts[d] += c == char32_t(Delimiters[d]);
        }
        int best = counts[0] > 0 ? 0 : 1;
        for (int d = 2; d < 4 && counts[0] == 0; ++d) {
            if (counts[d] > counts[best])
                best = d;
        }
        if (counts[best] == 0)
            return true;
        const char32_t delimiter = char32_t(Delimiters[best]);

        int column = 0;
        int strong = -1; // the one column named exactly "asset_id" / "Asset ID" / "assetIds"
        int strongCount = 0;
        int candidate = -1; // a column whose name contains it ("parent_asset_id")
        int candidateCount = 0;
        qsizetype cell = ls;
        for (qsizetype i = ls; i <= le; ++i) {
            if (i < le && at(i) != delimiter)
                continue;
            qsizetype a = cell;
            qsizetype b = i;
            while (a < b && (isSpace(at(a)) || at(a) == '"' || at(a) == '\''))
                ++a;
            while (b > a && (isSpace(at(b - 1)) || at(b - 1) == '"' || at(b - 1) == '\''))
                --b;
            if (b - a == IdLength)
                return true; // a data row, not a header
            std::string key;
            int spaces = 0; // a column name has a few words, a sentence more
            for (qsizetype k = a; k < b; ++k) {
                const char32_t ch = at(k);
                if (isAlnum(ch))
                    key += char(isUpper(ch) ? ch - 'A' + 'a' : ch);
                spaces += ch == ' ';
            }
            if (spaces > 2) {
                // not a column name: "here are the asset IDs"
            } else if (key == "assetid" || key == "assetids" || (key == "id" && hasMeizi(a, b))) {
                strong = column;
                ++strongCount;
            } else if (key.ends_with("assetid") || key.ends_with("assetids")) {
                candidate = column;
                ++candidateCount;
            }
            ++column;
            cell = i + 1;
        }
        const int idColumn = strongCount == 1               ? strong
                : (strongCount == 0 && candidateCount == 1) ? candidate
                                                            : -1;
        if (idColumn < 0)
            return true;
        m_table = true;
        m_idColumn = idColumn;
        m_kinds[delimiter] = CellDelimiter;
        m_kinds['"'] = Quote;
        return true;
    }

    // "媒资" (media asset), as the Chinese console names its ID column "媒资ID".
    bool hasMeizi(qsizetype a, qsizetype b) const
    {
        if constexpr (std::is_same_v<Char, char>) {
            const QByteArrayView text(m_s + a, b - a);
            return text.contains("\xe5\xaa\x92\xe8\xb5\x84");
        } else {
            return QStringView(m_s + a, b - a).contains(u"\u5a92\u8d44");
        }
    }

    // In table mode: is position i in the asset ID column, or on a line that is not a row?
    bool inIdColumn(qsizetype i)
    {
        Q_UNUSED(i);
        if (!m_lineChecked) {
            m_lineChecked = true;
            m_lineIsRow = false;
            for (qsizetype k = m_lineStart; k < m_n && !isLineBreak(at(k)); ++k) {
                if (m_kinds[at(k) < 128 ? at(k) : 128] == CellDelimiter) {
                    m_lineIsRow = true;
                    break;
                }
            }
        }
        return !m_lineIsRow || m_column == m_idColumn;
    }

    // IDs are looked up in batches: the table slots of a whole batch are prefetched first, so
    // that their cache misses overlap. They are still processed one by one in input order.
    struct Pending
    {
        AssetId id;
        quint32 hash;
        bool upper;
    };
    static constexpr int BatchSize = 16;

    void foundId(qsizetype a)
    {
        quint64 high = 0;
        quint64 low = 0;
        bool upper = false;
        for (int k = 0; k < 16; ++k) {
            const char32_t c = at(a + k);
            upper = upper || isUpper(c);
            high = (high << 4) | quint64(hexValue(c));
        }
        for (int k = 16; k < IdLength; ++k) {
            const char32_t c = at(a + k);
            upper = upper || isUpper(c);
            low = (low << 4) | quint64(hexValue(c));
        }
        const AssetId id(high, low);
        const quint32 h = SeenTable::hash(id);
        m_seen.prefetch(h);
        m_pending[m_pendingCount++] = Pending {id, h, upper};
        if (m_pendingCount == BatchSize)
            flush();
    }

    void flush()
    {
        for (int i = 0; i < m_pendingCount; ++i)
            process(m_pending[i]);
        m_pendingCount = 0;
    }

    void process(const Pending &p)
    {
        if (p.upper)
            ++m_out.upperCaseNormalised;
        SeenTable::Slot *slot = m_seen.find(p.id, p.hash);
        if (slot->ref != 0) {
            const bool known = slot->ref & SeenTable::Known;
            if (known)
                ++m_out.alreadyKnown;
            else
                ++m_out.duplicates;
            QStringList &examples = known ? m_out.alreadyKnownIds : m_out.duplicateIds;
            if (!(slot->ref & SeenTable::Reported) && examples.size() < ParsedIds::MaxExamples) {
                examples.append(hexString(p.id));
                slot->ref |= SeenTable::Reported;
            }
            return;
        }
        if (m_out.assetIds.size() + m_known.size() >= qsizetype(SeenTable::IndexMask) - 1)
            return; // over a billion IDs: refuse more rather than corrupt the index
        if (m_isKnown && m_isKnown(p.id)) {
            ++m_out.alreadyKnown;
            m_known.append(p.id);
            quint32 ref = quint32(m_known.size()) | SeenTable::Known;
            if (m_out.alreadyKnownIds.size() < ParsedIds::MaxExamples) {
                m_out.alreadyKnownIds.append(hexString(p.id));
                ref |= SeenTable::Reported;
            }
            m_seen.insert(slot, p.hash, ref);
            return;
        }
        m_out.assetIds.append(p.id);
        m_seen.insert(slot, p.hash, quint32(m_out.assetIds.size()));
    }

    void reportMalformed(qsizetype a, qsizetype b, bool uuid)
    {
        ++m_out.malformedTotal;
        if (m_out.malformed.size() >= ParsedIds::MaxExamples)
            return;
        QString reason;
        if (uuid) {
            reason = QCoreApplication::translate("AssetIdParser", "UUID, not an asset ID");
        } else if (b - a == 1) {
            reason = QCoreApplication::translate("AssetIdParser",
                                                 "1 character, an asset ID has 32");
        } else if (b - a != IdLength) {
            reason = QCoreApplication::translate("AssetIdParser",
                                                 "%Ln characters, an asset ID has 32", nullptr,
                                                 clampCount(b - a));
        } else {
            qsizetype i = a;
            while (i < b && isHex(at(i)))
                ++i;
            const QString bad = text(i, i + 1);
            reason = QCoreApplication::translate("AssetIdParser",
                                                 "not hexadecimal: '%1' at position %2")
                             .arg(bad)
                             .arg(i - a + 1);
        }
        m_out.malformed.append({text(a, b), reason, m_line});
    }

    // The value of an asset_id key, [a, b) with outer spaces trimmed.
    void assetValue(qsizetype a, qsizetype b)
    {
        while (a < b && isSpace(at(a)))
            ++a;
        while (b > a && isSpace(at(b - 1)))
            --b;
        if (a == b)
            return; // "asset_id": "" says nothing
        bool alnum = true;
        bool hex = true;
        for (qsizetype i = a; i < b && alnum; ++i) {
            alnum = isAlnum(at(i));
            hex = hex && isHex(at(i));
        }
        if (b - a == IdLength && hex)
            foundId(a);
        else
            reportMalformed(a, b, !alnum && isUuid(a, b));
    }

    bool isUuid(qsizetype a, qsizetype b) const
    {
        if (b - a != 36)
            return false;
        for (qsizetype i = 0; i < 36; ++i) {
            const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? at(a + i) != '-' : !isHex(at(a + i)))
                return false;
        }
        return true;
    }

    // The key before a '=' or ':' at p, if any.
    KeyKind keyBefore(qsizetype p, char32_t sep) const
    {
        qsizetype q = p - 1;
        while (q >= 0 && p - q <= 4 && isHorizontalSpace(at(q)))
            --q;
        if (q < 0)
            return KeyKind::None;
        qsizetype start;
        qsizetype end;
        bool quoted = false;
        const char32_t c = at(q);
        if (c == '"' || c == '\'') {
            end = q;
            qsizetype k = q - 1;
            while (k >= 0 && q - k <= MaxKeyLength && at(k) != c && !isLineBreak(at(k)))
                --k;
            if (k < 0 || at(k) != c)
                return KeyKind::None;
            start = k + 1;
            quoted = true;
        } else {
            end = q + 1;
            start = wordStart(end);
            if (start < 0)
                return KeyKind::None;
            // "Asset ID:", "Request Id:": a generic last word takes the word before it.
            if (isGenericId(start, end) && start >= 2 && at(start - 1) == ' '
                && isKeyChar(at(start - 2))) {
                const qsizetype before = wordStart(start - 1);
                if (before >= 0)
                    start = before;
            }
        }
        if (start >= end || !(isLetter(at(start)) || at(start) == '_'))
            return KeyKind::None;

        // Normalise: ASCII letters and digits only, lower case ("X-Request-Id" -> "xrequestid").
        char key[2 * MaxKeyLength + 2];
        int len = 0;
        bool identifierLike = false;
        for (qsizetype i = start; i < end && len < int(sizeof key) - 1; ++i) {
            const char32_t ch = at(i);
            if (isAlnum(ch))
                key[len++] = char(isUpper(ch) ? ch - 'A' + 'a' : ch);
            else if (ch == '_' || ch == '-' || ch == '.' || ch == ' ')
                identifierLike = true;
            if (i > start && isUpper(ch) && isLower(at(i - 1)))
                identifierLike = true; // camelCase
        }
        key[len] = 0;
        const std::string_view k(key, size_t(len));
        const auto has = [&k](std::string_view part) { return k.find(part) != k.npos; };
        if (has("assetid"))
            return KeyKind::AssetId;
        if (has("asset") || k == "id" || k == "ids")
            return KeyKind::Neutral;
        if (!quoted && sep == ':' && !identifierLike && !k.ends_with("id") && !k.ends_with("ids")
            && !has("md5") && !has("hash") && !has("sha") && !has("etag"))
            return KeyKind::None; // prose: "INFO:", "Confirmed:"
        return KeyKind::Other;
    }

    // Start of the key word ending at end, or -1 if it is empty or too long.
    qsizetype wordStart(qsizetype end) const
    {
        qsizetype k = end - 1;
        while (k >= 0 && end - k <= MaxKeyLength && isKeyChar(at(k)))
            --k;
        if (k == end - 1 || (k >= 0 && isKeyChar(at(k))))
            return -1;
        return k + 1;
    }

    bool isGenericId(qsizetype start, qsizetype end) const
    {
        const qsizetype len = end - start;
        if (len != 2 && len != 3)
            return false;
        const bool id = (at(start) | 0x20) == 'i' && (at(start + 1) | 0x20) == 'd';
        return id && (len == 2 || (at(start + 2) | 0x20) == 's');
    }

    // At a '=' or ':' at p: returns where scanning goes on.
    qsizetype keyValue(qsizetype p)
    {
        const char32_t sep = at(p);
        if (p + 1 < m_n && (at(p + 1) == sep))
            return p + 2; // "==", "::"
        if (sep == '=' && p > 0
            && (at(p - 1) == '!' || at(p - 1) == '<' || at(p - 1) == '>' || at(p - 1) == '='))
            return p + 1;
        if (sep == ':' && p + 2 < m_n && at(p + 1) == '/' && at(p + 2) == '/')
            return p + 1; // "https://": a URL, read as text
        const KeyKind kind = keyBefore(p, sep);
        if (kind == KeyKind::None || kind == KeyKind::Neutral)
            return p + 1;

        qsizetype v = p + 1;
        while (v < m_n && isHorizontalSpace(at(v)))
            ++v;
        if (v >= m_n)
            return v;
        const char32_t first = at(v);
        if (first == '[')
            return list(v + 1, kind);
        qsizetype a;
        qsizetype b;
        qsizetype after;
        bool hasSpace = false;
        if (first == '"' || first == '\'') {
            a = v + 1;
            b = a;
            while (b < m_n && at(b) != first && !isLineBreak(at(b))) {
                if (at(b) == '\\' && b + 1 < m_n && !isLineBreak(at(b + 1)))
                    ++b;
                hasSpace = hasSpace || isSpace(at(b));
                ++b;
            }
            after = (b < m_n && at(b) == first) ? b + 1 : b;
        } else {
            a = v;
            b = v;
            while (b < m_n && !endsUnquotedValue(at(b)))
                ++b;
            after = b;
        }
        if (kind == KeyKind::AssetId) {
            assetValue(a, b);
            return after;
        }
        // KeyKind::Other: a one-word value (request_id=<hex>) is skipped; a message is read.
        return hasSpace ? a : after;
    }

    // "asset_ids": ["a", "b"] or request_ids=[a,b]; ends at ']' or the end of the line.
    qsizetype list(qsizetype i, KeyKind kind)
    {
        while (i < m_n) {
            while (i < m_n && (isHorizontalSpace(at(i)) || at(i) == ','))
                ++i;
            if (i >= m_n || isLineBreak(at(i)))
                return i;
            const char32_t c = at(i);
            if (c == ']')
                return i + 1;
            if (c == '{' || c == '[')
                return i; // a list of objects: their keys speak for themselves
            qsizetype a;
            qsizetype b;
            qsizetype after;
            if (c == '"' || c == '\'') {
                a = i + 1;
                b = a;
                while (b < m_n && at(b) != c && !isLineBreak(at(b))) {
                    if (at(b) == '\\' && b + 1 < m_n && !isLineBreak(at(b + 1)))
                        ++b;
                    ++b;
                }
                after = (b < m_n && at(b) == c) ? b + 1 : b;
            } else {
                a = i;
                b = i;
                while (b < m_n && !endsUnquotedValue(at(b)))
                    ++b;
                after = b == a ? b + 1 : b; // a stray '"' or '}' : step over it
            }
            if (kind == KeyKind::AssetId)
                assetValue(a, b);
            i = after;
        }
        return i;
    }

    const Char *m_s;
    qsizetype m_n;
    ParsedIds &m_out;
    const AssetIdParser::KnownPredicate &m_isKnown;
    QList<AssetId> m_known; // known IDs met in the text, so that repeats need no second lookup
    SeenTable m_seen;
    Pending m_pending[BatchSize];
    int m_pendingCount = 0;
    qsizetype m_line = 1;
    std::array<quint8, 129> m_kinds = CharKinds;
    bool m_table = false;
    int m_idColumn = -1;
    int m_column = 0;
    bool m_inQuotes = false;
    qsizetype m_lineStart = 0;
    bool m_lineChecked = false;
    bool m_lineIsRow = false;
    bool m_tableDecided = false; // streaming: detectTable() has seen the first non-empty line
    bool m_read = false; // streaming: a non-empty block was scanned
    bool m_endsWithBreak = false; // streaming: the last block ended with a line break
};

} // namespace

std::optional<AssetId> AssetId::fromString(QStringView text)
{
    if (text.size() != IdLength)
        return std::nullopt;
    quint64 half[2] = {0, 0};
    for (int i = 0; i < IdLength; ++i) {
        const int v = hexValue(text[i].unicode());
        if (v < 0)
            return std::nullopt;
        half[i / 16] = (half[i / 16] << 4) | quint64(v);
    }
    return AssetId(half[0], half[1]);
}

QString AssetId::toString() const
{
    return hexString(*this);
}

size_t qHash(AssetId id, size_t seed) noexcept
{
    return size_t(hashId(id)) ^ seed;
}

QStringList ParsedIds::ids() const
{
    QStringList list;
    list.reserve(assetIds.size());
    for (const AssetId &id : assetIds)
        list.append(id.toString());
    return list;
}

QStringList ParsedIds::notes() const
{
    // Singular and plural are separate sources so that English reads right without a .qm file;
    // the plural one is a %Ln numerus string for languages with more forms.
    QStringList notes;
    if (assetIds.isEmpty() && alreadyKnown == 0)
        notes << QCoreApplication::translate(
                "AssetIdParser", "No asset IDs found (an asset ID is 32 hexadecimal characters)");
    if (duplicates == 1)
        notes << QCoreApplication::translate("AssetIdParser", "1 duplicate ignored");
    else if (duplicates > 1)
        notes << QCoreApplication::translate("AssetIdParser", "%Ln duplicates ignored", nullptr,
                                             clampCount(duplicates));
    if (alreadyKnown == 1)
        notes << QCoreApplication::translate("AssetIdParser", "1 ID already in the list ignored");
    else if (alreadyKnown > 1)
        notes << QCoreApplication::translate("AssetIdParser", "%Ln IDs already in the list ignored",
                                             nullptr, clampCount(alreadyKnown));
    if (upperCaseNormalised == 1)
        notes << QCoreApplication::translate(
                "AssetIdParser", "1 ID was in upper case and was converted to lower case");
    else if (upperCaseNormalised > 1)
        notes << QCoreApplication::translate(
                "AssetIdParser", "%Ln IDs were in upper case and were converted to lower case",
                nullptr, clampCount(upperCaseNormalised));
    if (malformedTotal > 0) {
        QString line = malformedTotal == 1
                ? QCoreApplication::translate("AssetIdParser",
                                              "1 value looks like an asset ID but is not valid")
                : QCoreApplication::translate("AssetIdParser",
                                              "%Ln values look like asset IDs but are not valid",
                                              nullptr, clampCount(malformedTotal));
        if (malformedTotal > malformed.size()) {
            line += u' ';
            line += QCoreApplication::translate("AssetIdParser", "(the first %L1 are listed)")
                            .arg(malformed.size());
        }
        notes << line;
    }
    return notes;
}

namespace AssetIdParser {

bool isValidId(QStringView id)
{
    if (id.size() != IdLength)
        return false;
    for (QChar c : id) {
        const char16_t u = c.unicode();
        if (!isDigit(u) && !(u >= 'a' && u <= 'f'))
            return false;
    }
    return true;
}

ParsedIds parse(QStringView text, const QSet<QString> &alreadyKnown)
{
    if (alreadyKnown.isEmpty())
        return parse(text, KnownPredicate {});
    // Converting the set costs a pass over it; asking it costs a QString per distinct ID of the
    // text. Convert unless the set is much larger than what the text can hold.
    if (alreadyKnown.size() <= 8 * (text.size() / (IdLength + 1) + 1)) {
        ParsedIds out;
        Scanner<char16_t>(text.utf16(), text.size(), out, {}, alreadyKnown).run();
        return out;
    }
    return parse(text,
                 [&alreadyKnown](AssetId id) { return alreadyKnown.contains(id.toString()); });
}

ParsedIds parse(QStringView text, const KnownPredicate &isKnown)
{
    ParsedIds out;
    Scanner<char16_t>(text.utf16(), text.size(), out, isKnown).run();
    return out;
}

ParsedIds parseUtf8(QByteArrayView text, const KnownPredicate &isKnown)
{
    ParsedIds out;
    Scanner<char>(text.data(), text.size(), out, isKnown).run();
    return out;
}

} // namespace AssetIdParser

struct AssetIdStream::State
{
    // A block cut inside a run of letters and digits must leave a run too long to be an ID.
    static constexpr qsizetype MinLineLimit = 2 * LooksLikeMax;

    State(AssetIdParser::KnownPredicate known, qsizetype limit)
        : isKnown(std::move(known)),
          lineLimit(qMax(limit, MinLineLimit)),
          scanner(nullptr, 0, out, isKnown)
    { }

    // The length of the next block of `pending` from `start`, which has at least lineLimit bytes:
    // up to its last line break; in a line longer than lineLimit up to the last separator, else
    // the last other character that ends a token; else (a run of letters and digits that long)
    // lineLimit, and skipWord is set so that the rest of the run is skipped.
    qsizetype cut(qsizetype start)
    {
        const char *p = pending.constData() + start;
        const qsizetype window = lineLimit;
        for (qsizetype i = window - 1; i >= 0; --i) {
            if (p[i] == '\n')
                return i + 1;
        }
        // A lone CR ends a line too (old Mac files), unless it is the window's last byte and
        // the next one, unseen, could be its LF.
        for (qsizetype i = window - 2; i >= 0; --i) {
            if (p[i] == '\r')
                return i + 1;
        }
        static constexpr std::string_view Tiers[] = {",;|])}>\t", " "};
        for (const std::string_view tier : Tiers) {
            for (qsizetype i = window - 1; i >= 0; --i) {
                if (tier.find(p[i]) != tier.npos)
                    return i + 1;
            }
        }
        for (qsizetype i = window - 1; i >= 0; --i) {
            if (p[i] != '\r' && !isAlnum(uchar(p[i])))
                return i + 1; // also inside a UTF-8 sequence: non-ASCII bytes only separate
        }
        if (p[window - 1] == '\r')
            return window - 1; // the CR goes with the next block, which may start with its LF
        skipWord = true;
        return window;
    }

    // Scans the blocks of `pending` (all of it when the input has ended).
    void drain(bool all)
    {
        qsizetype start = 0;
        while (pending.size() - start >= lineLimit) {
            const qsizetype n = cut(start);
            scanner.scanBlock(pending.constData() + start, n);
            start += n;
            if (skipWord) {
                while (start < pending.size() && isAlnum(uchar(pending.at(start))))
                    ++start;
                skipWord = start == pending.size();
            }
        }
        if (all && start < pending.size()) {
            scanner.scanBlock(pending.constData() + start, pending.size() - start);
            start = pending.size();
        }
        pending.remove(0, start);
    }

    ParsedIds out;
    const AssetIdParser::KnownPredicate isKnown;
    const qsizetype lineLimit;
    Scanner<char> scanner;
    QByteArray pending;
    bool skipWord = false; // the last block was cut inside an overlong run of letters and digits
    bool lastWasBreak = true; // the last byte fed was a line break (or nothing was fed)
};

AssetIdStream::AssetIdStream(AssetIdParser::KnownPredicate isKnown, qsizetype lineLimit)
    : d(std::make_unique<State>(std::move(isKnown), lineLimit))
{ }

AssetIdStream::~AssetIdStream() = default;

void AssetIdStream::feed(QByteArrayView bytes)
{
    if (bytes.isEmpty())
        return;
    d->lastWasBreak = isLineBreak(uchar(bytes.back()));
    if (d->skipWord) {
        qsizetype k = 0;
        while (k < bytes.size() && isAlnum(uchar(bytes.at(k))))
            ++k;
        bytes = bytes.sliced(k);
        if (bytes.isEmpty())
            return;
        d->skipWord = false;
    }
    d->pending.append(bytes);
    if (d->pending.size() >= d->lineLimit)
        d->drain(false);
}

QString AssetIdStream::feedFrom(QIODevice &device)
{
    constexpr qsizetype ChunkSize = 64 * 1024;
    QByteArray chunk(ChunkSize, Qt::Uninitialized);
    std::optional<QStringDecoder> decoder; // UTF-16/32; none for UTF-8
    bool first = true;
    QString problem;
    for (;;) {
        const qint64 n = device.read(chunk.data(), ChunkSize);
        if (n < 0) {
            problem = device.errorString();
            break;
        }
        if (n == 0)
            break;
        QByteArrayView bytes(chunk.constData(), n);
        if (first) {
            first = false;
            // Byte order marks; UTF-32 LE before UTF-16 LE, whose mark it starts with.
            static const struct
            {
                QByteArrayView bom;
                QStringConverter::Encoding encoding;
            } Boms[] = {{QByteArrayView("\xff\xfe\0\0", 4), QStringConverter::Utf32LE},
                        {QByteArrayView("\0\0\xfe\xff", 4), QStringConverter::Utf32BE},
                        {QByteArrayView("\xff\xfe", 2), QStringConverter::Utf16LE},
                        {QByteArrayView("\xfe\xff", 2), QStringConverter::Utf16BE},
                        {QByteArrayView("\xef\xbb\xbf", 3), QStringConverter::Utf8}};
            // A mark cut by a short first read is not looked for again: files and pipes give at
            // least 4 bytes at once unless the input is shorter.
            for (const auto &[bom, encoding] : Boms) {
                if (bytes.startsWith(bom)) {
                    bytes = bytes.sliced(bom.size());
                    if (encoding != QStringConverter::Utf8)
                        decoder.emplace(encoding);
                    break;
                }
            }
        }
        QByteArray decoded;
        if (decoder) {
            decoded = QString(decoder->decode(bytes)).toUtf8();
            bytes = decoded;
        }
        if (bytes.contains('\0')) {
            problem = QCoreApplication::translate(
                    "AssetIdParser",
                    "it is not text (it contains NUL bytes). Give text files: UTF-8, or "
                    "UTF-16 or UTF-32 with a byte order mark.");
            break;
        }
        feed(bytes);
    }
    if (!d->lastWasBreak)
        feed("\n"); // the next source starts on a line of its own
    return problem;
}

ParsedIds AssetIdStream::finish()
{
    d->drain(true);
    d->scanner.finishStream();
    ParsedIds out = std::move(d->out);
    // The index of the IDs seen (16 MB per million) goes now, before the caller uses the IDs.
    d = std::make_unique<State>(d->isKnown, d->lineLimit);
    return out;
}

} // namespace VodConfirm
