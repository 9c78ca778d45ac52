#include "firstrunpage.h"

#include "profiledialog.h"
#include "settings/settings.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace VodConfirm {

FirstRunPage::FirstRunPage(Settings *settings, CredentialStore *credentials,
                           QNetworkAccessManager *nam, QWidget *parent)
    : QWidget(parent), m_settings(settings), m_credentials(credentials), m_nam(nam)
{
    setObjectName(u"firstRunPage"_s);

    auto *title = new QLabel(tr("Welcome to VOD Confirm"), this);
    title->setObjectName(u"firstRunTitle"_s);
    QFont font = title->font();
    font.setPointSizeF(font.pointSizeF() * 1.5);
    font.setBold(true);
    title->setFont(font);

    auto *text = new QLabel(
            tr("To confirm uploads, VOD Confirm needs a connection profile: the region (or "
               "endpoint) and project ID of your Huawei Cloud account, and credentials — an "
               "access key and secret key, an IAM token, or an IAM user name and password.\n\n"
               "Secrets are kept in the system keychain, never in the settings file. You can "
               "check the connection before saving, and add more profiles later under "
               "File → Profiles."),
            this);
    text->setObjectName(u"firstRunText"_s);
    text->setWordWrap(true);
    text->setMaximumWidth(560);

    m_createButton = new QPushButton(tr("&Create Profile…"), this);
    m_createButton->setObjectName(u"firstRunCreateButton"_s);
    m_createButton->setAccessibleName(tr("Create profile"));
    m_createButton->setDefault(true);
    connect(m_createButton, &QPushButton::clicked, this, &FirstRunPage::createProfile);

    auto *layout = new QVBoxLayout(this);
    layout->addStretch(1);
    layout->addWidget(title, 0, Qt::AlignHCenter);
    layout->addSpacing(12);
    // Centred by stretches, not by an alignment: an aligned label gets its size hint's height,
    // not the height its wrapped text needs at its width.
    auto *textRow = new QHBoxLayout;
    textRow->addStretch(1);
    textRow->addWidget(text);
    textRow->addStretch(1);
    layout->addLayout(textRow);
    layout->addSpacing(12);
    layout->addWidget(m_createButton, 0, Qt::AlignHCenter);
    layout->addStretch(2);
    setFocusProxy(m_createButton);
}

FirstRunPage::~FirstRunPage() = default;

void FirstRunPage::createProfile()
{
    if (m_dialog) {
        m_dialog->raise();
        m_dialog->activateWindow();
        return;
    }
    m_dialog = new ProfileDialog(m_settings, m_credentials, m_nam, this);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog->startNewProfile();
    // The page is left once the profile and its secrets are saved, or when the dialog closes
    // after the keychain refused the secrets (they are used this session; the dialog said so).
    const auto created = [this](const QString &name, const Credentials &credentials) {
        if (m_settings->activeProfileName().isEmpty())
            m_settings->setActiveProfileName(name);
        emit profileCreated(name, credentials);
    };
    connect(m_dialog, &ProfileDialog::profileSaved, this,
            [this, created](const QString &name, const Credentials &credentials) {
                created(name, credentials);
                if (m_dialog)
                    m_dialog->accept();
            });
    connect(m_dialog, &ProfileDialog::secretsNotSaved, this,
            [this](const QString &name, const Credentials &credentials) {
                m_unsaved = {name, credentials};
            });
    connect(m_dialog, &QDialog::rejected, this, [this, created] {
        if (m_unsaved && m_settings->profile(m_unsaved->first))
            created(m_unsaved->first, m_unsaved->second);
    });
    m_dialog->open();
}

} // namespace VodConfirm
