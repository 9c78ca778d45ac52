#pragma once

#include "api/credentials.h"

#include <QPointer>
#include <QWidget>

#include <optional>
#include <utility>

class QLabel;
class QNetworkAccessManager;
class QPushButton;

namespace VodConfirm {

class CredentialStore;
class ProfileDialog;
class Settings;

// Shown in place of the main content while no connection profile exists: says what the app
// needs and offers to create the first profile. "Create Profile…" opens a ProfileDialog (window
// modal, non-blocking) on a new profile; once it is saved, it becomes the active profile and
// profileCreated() is emitted.
class FirstRunPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FirstRunPage)
public:
    // None is owned; all must outlive the page.
    FirstRunPage(Settings *settings, CredentialStore *credentials, QNetworkAccessManager *nam,
                 QWidget *parent = nullptr);
    ~FirstRunPage() override;

    // The open profile dialog, or nullptr.
    ProfileDialog *dialog() const { return m_dialog; }

public slots:
    void createProfile(); // opens (or raises) the profile dialog

signals:
    // The first profile was saved and made active; the main window may leave this page.
    // credentials holds the secrets entered, for use during this session.
    void profileCreated(const QString &name, const VodConfirm::Credentials &credentials);

private:
    Settings *m_settings;
    CredentialStore *m_credentials;
    QNetworkAccessManager *m_nam;
    QPointer<ProfileDialog> m_dialog;
    // Saved, but the keychain refused the secrets: left when the dialog is closed.
    std::optional<std::pair<QString, Credentials>> m_unsaved;
    QPushButton *m_createButton = nullptr;
};

} // namespace VodConfirm
