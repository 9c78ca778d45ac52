#pragma once

#include "api/credentials.h"
#include "settings/profile.h"

#include <QDialog>

#include <memory>

class QLineEdit;
class QNetworkAccessManager;
class QPushButton;
class QToolButton;

namespace VodConfirm {

namespace Ui {
class ProfileDialog;
}

class ConnectionCheck;
class CredentialStore;
class Settings;

// "Profiles" dialog: the list of connection profiles on the left (new, duplicate, remove, make
// active) and an editor for the selected one on the right: name, region or custom endpoint,
// project id, authentication mode and the fields that mode needs, an extra CA file, and the
// proxy (system settings, none, or an HTTP/SOCKS5 proxy with optional credentials). Secret fields
// are masked with a show/hide toggle; where the secrets live is spelled out (system keychain, or
// not stored and asked each session when there is no keychain or "Don't remember" is ticked).
// Problems are shown inline as the user types (Profile::problem()). "Check connection" tries the
// values as entered, without saving them, by reading one made-up asset (nothing is changed on the
// server).
//
// Keychain access is asynchronous: the dialog never blocks. While the editor has unsaved changes
// the profile list is locked; Save or Revert releases it.
class ProfileDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileDialog)
public:
    // None is owned; all must outlive the dialog.
    ProfileDialog(Settings *settings, CredentialStore *credentials, QNetworkAccessManager *nam,
                  QWidget *parent = nullptr);
    ~ProfileDialog() override;

    // Selects a profile in the list (discarding unsaved edits). False if there is none.
    bool selectProfile(const QString &name);
    // Starts editing a new, empty profile (as the "New" button does).
    void startNewProfile();

    // The name of the profile being edited as it is saved (empty for a new, unsaved one).
    QString savedProfileName() const { return m_originalName; }
    // The editor's values, saved or not.
    Profile editedProfile() const;
    Credentials editedCredentials() const;
    bool hasUnsavedChanges() const;
    // Whether a keychain is usable: unknown (nullopt-like: -1) until the first check finished.
    int keychainState() const { return m_keychainState; }

public slots:
    // Saves the editor (settings now, secrets asynchronously); profileSaved() follows.
    void save();
    void revert();
    void checkConnection();

signals:
    // The profile is in the settings file and its secrets are in the keychain (or, when they
    // are not remembered, removed from it; with no keychain at all, left alone). credentials
    // holds the secrets entered, for use during this session.
    void profileSaved(const QString &name, const VodConfirm::Credentials &credentials);
    // The profile is in the settings file, but the keychain refused its secrets (or the user
    // cancelled the keychain's prompt). The dialog says so and keeps the input unsaved;
    // credentials holds the secrets entered, for use during this session only.
    void secretsNotSaved(const QString &name, const VodConfirm::Credentials &credentials);
    void profileRemoved(const QString &name);
    void activeProfileChanged(const QString &name);
    // Check connection finished (also shown in the dialog).
    void connectionChecked(bool ok, const QString &message);

protected:
    // Closing with unsaved edits asks first (a non-blocking message box); the dialog stays open
    // unless the user discards them.
    void reject() override;
    void changeEvent(QEvent *event) override;

private:
    enum class AuthChoice { AkSk, AkSkToken, Token, Password };

    void buildUi();
    // The button shows or hides the secret typed in edit; it is named after the edit.
    void setUpShowButton(QLineEdit *edit, QToolButton *show);
    void reloadList(const QString &select);
    void onCurrentRowChanged();
    void loadIntoEditor(const Profile &profile, bool isNew);
    void loadSecrets(const Profile &profile);
    void setSecretFields(const Credentials &credentials);
    void updateForm();
    void updateStorageLabel();
    void duplicateProfile();
    void confirmRemove();
    void removeProfile(const QString &name);
    void makeActive();
    void finishSave(const QString &name, const Credentials &credentials, const QString &error);
    void chooseCaFile();
    AuthChoice authChoice() const;
    ProxyMode proxyMode() const;
    QList<QLineEdit *> secretEdits() const;

    Settings *m_settings;
    CredentialStore *m_credentials;
    ConnectionCheck *m_check;

    // Editor state.
    QString m_originalName; // saved name of the profile being edited; empty when new
    Profile m_loadedProfile; // the values as loaded, to tell unsaved changes
    Credentials m_loadedSecrets; // secrets as loaded from the keychain (or as last saved)
    bool m_isNew = false;
    bool m_loadingSecrets = false;
    bool m_saving = false;
    bool m_checking = false;
    bool m_loading = false; // filling the widgets: ignore their change signals
    int m_keychainState = -1; // -1 unknown, 0 no usable keychain, 1 usable
    QString m_keychainError;
    QString m_secretsProblem; // the last keychain error (read, save or remove), shown inline
    QObject *m_secretsContext = nullptr; // owns the pending keychain read; replaced per profile

    std::unique_ptr<Ui::ProfileDialog> m_ui;
    QPushButton *m_saveButton = nullptr;
    QPushButton *m_revertButton = nullptr;
};

} // namespace VodConfirm
