// libFuzzer target: any bytes through the asset ID parser, as UTF-8 bytes, as text and streamed.
#include "ids/assetidparser.h"

#include <cstdlib>

using namespace VodConfirm;

static void check(const ParsedIds &p)
{
    // Every ID returned is valid and unique; example lists stay bounded.
    QSet<QString> seen;
    for (qsizetype i = 0; i < p.count(); ++i) {
        const QString id = p.id(i);
        if (!AssetIdParser::isValidId(id) || seen.contains(id))
            std::abort();
        seen.insert(id);
    }
    if (p.malformed.size() > ParsedIds::MaxExamples || p.malformed.size() > p.malformedTotal
        || p.duplicateIds.size() > ParsedIds::MaxExamples || p.duplicates < 0)
        std::abort();
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const ParsedIds fromBytes = AssetIdParser::parseUtf8(bytes);
    check(fromBytes);
    const ParsedIds fromText = AssetIdParser::parse(QString::fromUtf8(bytes));
    check(fromText);
    // The stream reads the same, whatever pieces the bytes arrive in (here: cut at the values
    // of the first bytes); with a tiny line limit lines are read in pieces, IDs stay valid.
    AssetIdStream stream;
    AssetIdStream pieces({}, 1);
    for (size_t i = 0; i < size;) {
        const size_t n = qMin<size_t>(size - i, 1 + data[i] % 61);
        stream.feed(bytes.sliced(qsizetype(i), qsizetype(n)));
        pieces.feed(bytes.sliced(qsizetype(i), qsizetype(n)));
        i += n;
    }
    const ParsedIds streamed = stream.finish();
    check(streamed);
    if (streamed.ids() != fromBytes.ids() || streamed.duplicates != fromBytes.duplicates
        || streamed.malformedTotal != fromBytes.malformedTotal
        || streamed.linesRead != fromBytes.linesRead)
        std::abort();
    const ParsedIds cut = pieces.finish();
    check(cut);
    if (cut.linesRead != fromBytes.linesRead)
        std::abort();
    // Feeding the result back finds every ID again and nothing new.
    const ParsedIds again = AssetIdParser::parse(fromBytes.ids().join(u'\n'));
    if (again.count() != fromBytes.count())
        std::abort();
    return 0;
}
