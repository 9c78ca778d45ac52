#include "secretprompt.h"

#include "settings/credentialstore.h"
#include "ui_secretprompt.h"

#include <QPushButton>

using namespace Qt::StringLiterals;

namespace VodConfirm {

SecretPrompt::SecretPrompt(const Profile &profile, const Credentials &credentials,
                           const QString &reason, CredentialStore *store, QWidget *parent)
    : QDialog(parent),
      m_profile(profile),
      m_known(credentials),
      m_store(store),
      m_ui(std::make_unique<Ui::SecretPrompt>())
{
    m_ui->setupUi(this);
    setObjectName(u"secretPrompt"_s);
    setWindowTitle(tr("Secrets for “%1”").arg(profile.name));

    for (const SecretKind kind : CredentialStore::requiredKinds(profile)) {
        if (CredentialStore::secretOf(credentials, kind).isEmpty())
            m_asked.append(kind);
    }
    for (const SecretKind kind : CredentialStore::allKinds()) {
        QLineEdit *field = edit(kind);
        m_ui->form->setRowVisible(field, m_asked.contains(kind));
        connect(field, &QLineEdit::textChanged, this, &SecretPrompt::updateState);
    }
    if (!m_asked.isEmpty())
        edit(m_asked.first())->setFocus();

    QString text = reason;
    if (text.isEmpty())
        text = tr("VOD Confirm does not have the secrets of profile “%1” yet.").arg(profile.name);
    m_ui->secretPromptText->setText(tr("%1 Enter them to continue.").arg(text));

    connect(m_ui->secretPromptShow, &QCheckBox::toggled, this, [this](bool show) {
        for (const SecretKind kind : CredentialStore::allKinds())
            edit(kind)->setEchoMode(show ? QLineEdit::Normal : QLineEdit::Password);
    });
    connect(m_ui->secretPromptRemember, &QCheckBox::toggled, this, &SecretPrompt::updateState);
    m_ui->secretPromptButtons->button(QDialogButtonBox::Ok)->setText(tr("&Continue"));
    m_ui->secretPromptButtons->button(QDialogButtonBox::Ok)->setObjectName(u"secretPromptOk"_s);
    connect(m_ui->secretPromptButtons, &QDialogButtonBox::accepted, this, &SecretPrompt::accept);
    connect(m_ui->secretPromptButtons, &QDialogButtonBox::rejected, this, &SecretPrompt::reject);

    if (m_store) {
        m_store->checkBackend(this, [this](bool usable, const QString &) {
            m_keychainState = usable ? 1 : 0;
            m_ui->secretPromptRemember->setChecked(usable && m_profile.rememberSecrets);
            updateState();
        });
    } else {
        m_keychainState = 0;
    }
    updateState();
}

SecretPrompt::~SecretPrompt() = default;

QLineEdit *SecretPrompt::edit(SecretKind kind) const
{
    switch (kind) {
    case SecretKind::SecretKey:
        return m_ui->secretPromptSecretKey;
    case SecretKind::SecurityToken:
        return m_ui->secretPromptSecurityToken;
    case SecretKind::Token:
        return m_ui->secretPromptToken;
    case SecretKind::Password:
        return m_ui->secretPromptPassword;
    case SecretKind::ProxyPassword:
        break;
    }
    return m_ui->secretPromptProxyPassword;
}

Credentials SecretPrompt::credentials() const
{
    Credentials c = m_known;
    for (const SecretKind kind : m_asked)
        CredentialStore::secretOf(c, kind) = edit(kind)->text();
    return c.normalized();
}

void SecretPrompt::updateState()
{
    const Credentials c = credentials();
    QString problem = c.problem();
    if (problem.isEmpty() && m_asked.contains(SecretKind::SecurityToken)
        && c.securityToken.isEmpty())
        problem = tr("Missing the security token.");

    QString note;
    if (m_saving)
        note = tr("Saving in the system keychain…");
    else if (!m_saveError.isEmpty())
        note = m_saveError;
    else if (m_keychainState < 0)
        note = tr("Checking the system keychain…");
    else if (m_keychainState == 0)
        note = tr("No system keychain is available, so they are kept only until you quit.");
    else if (!m_ui->secretPromptRemember->isChecked())
        note = tr("They are kept only until you quit.");
    m_ui->secretPromptNote->setText(note);
    m_ui->secretPromptNote->setVisible(!note.isEmpty());
    m_ui->secretPromptRemember->setEnabled(m_keychainState == 1 && !m_saving);
    for (const SecretKind kind : m_asked)
        edit(kind)->setEnabled(!m_saving);
    QPushButton *ok = m_ui->secretPromptButtons->button(QDialogButtonBox::Ok);
    ok->setEnabled(problem.isEmpty() && !m_saving);
    ok->setToolTip(problem);
}

void SecretPrompt::accept()
{
    if (m_saving || !m_ui->secretPromptButtons->button(QDialogButtonBox::Ok)->isEnabled())
        return;
    if (!m_ui->secretPromptRemember->isChecked() || !m_ui->secretPromptRemember->isEnabled()) {
        QDialog::accept();
        return;
    }
    Profile remembered = m_profile;
    remembered.rememberSecrets = true;
    m_saving = true;
    m_saveError.clear();
    updateState();
    m_store->store(remembered, credentials(), this, [this](bool ok, const QString &error) {
        m_saving = false;
        if (ok) {
            m_remembered = true;
            QDialog::accept();
            return;
        }
        m_saveError = tr("Not saved: %1 Continue uses them until you quit.").arg(error);
        m_ui->secretPromptRemember->setChecked(false);
        updateState();
    });
}

} // namespace VodConfirm
