#pragma once

#include "engine/confirmtypes.h"
#include "engine/follower.h"
#include "engine/stucklister.h"
#include "engine/uploadrunner.h"
#include "storage/historyrecord.h"

#include <QByteArray>
#include <QString>

namespace VodConfirm::Cli {

enum class Format { Text, Json, Csv };

// `text` with every control character (C0, DEL, C1) and Unicode line, paragraph and bidi
// override mark shown as a visible escape: \n, \r, \t, \x1b, \u009b, \u202e. Text from the
// server, a file or the history database goes through it before a terminal sees it, so it cannot
// start a line of its own or send an escape sequence. Backslashes are kept as they are.
QString visible(QStringView text);
std::optional<Format> formatFromName(const QString &name);

// Lines for `confirm`/`resume` (one per asset) and `history` (one per attempt) in each format.
// The header is empty for text and JSON lines. When the batch follows its confirmed assets
// (--follow), every line has the followed state too (`followed` non-null; index -1 and an empty
// state for an asset not followed): the followed_state and settled fields, last.
QByteArray assetHeader(Format format, bool followed = false);
QByteArray assetLine(Format format, const AssetUpdate &asset,
                     const FollowedState *followed = nullptr);
QByteArray historyHeader(Format format);
QByteArray historyLine(Format format, const HistoryRecord &record);
// `history --unfinished`: one line per batch; state is running, interrupted or finished.
QByteArray batchHeader(Format format);
QByteArray batchLine(Format format, const BatchInfo &batch);
// `stuck`: one line per stuck upload, its age counted to `now`. Text has aligned columns under a
// header line; JSON keys and CSV columns: asset_id, title, created_at (ISO 8601 UTC),
// age_seconds.
QByteArray stuckHeader(Format format);
QByteArray stuckLine(Format format, const StuckAsset &asset, const QDateTime &now);
// `upload` (and `resume` of uploads): one line per file once it ends (or pauses). JSON keys and
// CSV columns: path, upload_id, asset_id, outcome (uploadPhaseName(): confirmed, failed,
// cancelled, paused ...), bytes (the file's size), bytes_done, seconds, http_status, error_code,
// error_msg, request_id.
QByteArray uploadHeader(Format format);
QByteArray uploadLine(Format format, const UploadStatus &upload, double seconds);

} // namespace VodConfirm::Cli
