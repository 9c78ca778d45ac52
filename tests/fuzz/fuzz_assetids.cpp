// libFuzzer target: any bytes through the asset ID parser, as UTF-8 bytes and as text.
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
    // Feeding the result back finds every ID again and nothing new.
    const ParsedIds again = AssetIdParser::parse(fromBytes.ids().join(u'\n'));
    if (again.count() != fromBytes.count())
        std::abort();
    return 0;
}
