#pragma once

#include "api/credentials.h"
#include "settings/profile.h"

#include <QDialog>

#include <memory>

class QLineEdit;

namespace VodConfirm {

namespace Ui {
class SecretPrompt;
}

class CredentialStore;
enum class SecretKind;

// Asks, in place, for the secrets a batch needs and the keychain did not give: one masked field
// per missing secret of the profile's auth mode (the proxy password is optional), the reason
// above them (not stored, or the keychain's own error), and "Remember in the system keychain"
// where a keychain answers. Without a keychain that option is disabled and one sentence says
// the secrets are kept until the app quits.
//
// Continue with "Remember" ticked writes the secrets first: the dialog closes only once the
// keychain has them. If the write fails or is cancelled, the error is shown, the option is
// unticked and the input is kept, so the next Continue goes on for this session only.
class SecretPrompt final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretPrompt)
public:
    // credentials: what is known already (the profile's names, any secrets read). store may be
    // nullptr (no keychain is offered then); it must outlive the dialog.
    SecretPrompt(const Profile &profile, const Credentials &credentials, const QString &reason,
                 CredentialStore *store, QWidget *parent = nullptr);
    ~SecretPrompt() override;

    // The known credentials completed with what was typed.
    Credentials credentials() const;
    // Whether the secrets are now in the keychain (after accept()).
    bool remembered() const { return m_remembered; }
    // -1 until the keychain answered, then 0 (none usable) or 1.
    int keychainState() const { return m_keychainState; }

public slots:
    void accept() override;

private:
    QLineEdit *edit(SecretKind kind) const;
    void updateState();

    Profile m_profile;
    Credentials m_known;
    CredentialStore *m_store;
    QList<SecretKind> m_asked;
    int m_keychainState = -1;
    bool m_saving = false;
    bool m_remembered = false;
    QString m_saveError;
    std::unique_ptr<Ui::SecretPrompt> m_ui;
};

} // namespace VodConfirm
