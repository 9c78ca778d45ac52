#pragma once

#include <QList>
#include <QString>
#include <QStringView>

namespace VodConfirm {

class HistoryStore;
class Settings;

// One row the user picked, in the asset table or in the history: an asset, the status it is
// (or was) to be confirmed with, and where. Rows from the history file are hostile: any field may
// hold any text, and everything built from them below is quoted or cleaned accordingly.
struct SupportTarget
{
    QString assetId;
    QString targetStatus; // "CREATED", "FAILED" or "CANCELLED"
    QString profile; // empty: the credentials came from the environment (command line)
    QString region; // empty for a custom endpoint
    QString projectId;

    friend bool operator==(const SupportTarget &, const SupportTarget &) = default;
};

// The text that "Copy as Command" and "Copy Support Bundle" put on the clipboard, for the asset
// table and the history alike (and any other view of the same rows). Nothing here reads a secret:
// neither the keychain nor the credentials are ever asked, so none can appear.
namespace SupportText {

// Bounds on what a bundle holds, whatever the selection and the history file hold.
constexpr int MaxBundleAssets = 50;
constexpr int MaxAttemptsPerAsset = 100; // the newest ones
constexpr int MaxMessageChars = 500; // an error message
constexpr int MaxFieldChars = 128; // any other field from the history or the settings

// `value` as one word for a POSIX shell: as it is when it holds only [A-Za-z0-9@%+=:,./_-] (and
// is not empty), else in single quotes, each ' written as '\''. Quotes, spaces, $, backticks,
// backslashes and newlines all stay literal. NUL characters, which no argument can hold, are
// dropped.
QString shellQuote(QStringView value);

// Lines that send the same confirms again, for a POSIX shell:
//   printf '%s\n' ID... | vodconfirm confirm --profile=NAME [--status=STATUS]
// one line per profile and target status (for rows without a profile, --region and --project-id
// instead), with every asset ID of the group once, in the order given; then, after an empty line,
// one KooCLI line per asset (vod-api.md section 7):
//   hcloud VOD ConfirmAssetUpload --cli-region="R" --project_id="P" --asset_id="A" --status="S"
// which relies on the user's saved hcloud profile for credentials. Empty for no targets.
// Targets holding control characters other than newline and tab (only a damaged or forged history
// can) are left out, and a comment line first says how many.
QString commandLines(const QList<SupportTarget> &targets);

// Plain text for a support ticket: the app, Qt and OS versions, then per asset (the first
// MaxBundleAssets distinct ones) its target status, profile, endpoint, region, project ID and
// auth mode (from `settings`, which may be nullptr), and every attempt `history` recorded for it
// (the newest MaxAttemptsPerAsset, oldest first): time (UTC), outcome, HTTP status, error code and
// message, X-Request-Id and duration. Server-sent and stored text is cleaned (cleanText()).
// `history` may be nullptr or closed: the bundle says that no history was available.
QString bundle(const QList<SupportTarget> &targets, const HistoryStore *history,
               const Settings *settings);

// `text` on one line, safe to paste: control characters (C0, DEL, C1), line and paragraph
// separators and bidi controls become spaces, and it is cut to `maxChars` (with "…").
QString cleanText(QStringView text, int maxChars = MaxFieldChars);

} // namespace SupportText

} // namespace VodConfirm
