#pragma once

#include <QDialog>

#include <memory>

namespace VodConfirm {

namespace Ui {
class PreferencesDialog;
}

class Settings;

// Edit > Preferences: how batches are sent — the rate limit (up to the service's all-tenant
// figure, with the one-line warning above an account's standard quota), requests in flight,
// attempts per asset and the timeout; and the rate of listing stuck uploads (its own quota
// group, with the same warning). Ranges and defaults come from Settings' table. OK writes them;
// they apply to the next batch or listing.
class PreferencesDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PreferencesDialog)
public:
    // settings is not owned and must outlive the dialog.
    explicit PreferencesDialog(Settings *settings, QWidget *parent = nullptr);
    ~PreferencesDialog() override;

public slots:
    void accept() override;

private:
    void restoreDefaults();
    void updateWarning();

    Settings *m_settings;
    std::unique_ptr<Ui::PreferencesDialog> m_ui;
};

} // namespace VodConfirm
