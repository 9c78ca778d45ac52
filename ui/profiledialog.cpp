#include "profiledialog.h"

#include "api/connectioncheck.h"
#include "api/regions.h"
#include "settings/clientconfig.h"
#include "settings/credentialstore.h"
#include "settings/settings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QShortcut>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace VodConfirm {

namespace {

constexpr int NameRole = Qt::UserRole + 1; // list item: the profile's name
constexpr int MaxCheckTimeoutMs = 30000;

void name(QWidget *widget, const QString &objectName, const QString &accessibleName)
{
    widget->setObjectName(objectName);
    widget->setAccessibleName(accessibleName);
}

bool sameSecrets(const Credentials &a, const Credentials &b)
{
    return a.secretKey == b.secretKey && a.securityToken == b.securityToken && a.token == b.token
            && a.password == b.password && a.proxyPassword == b.proxyPassword;
}

QUrl urlFromField(const QString &text)
{
    const QString trimmed = text.trimmed();
    return trimmed.isEmpty() ? QUrl() : QUrl(trimmed, QUrl::StrictMode);
}

} // namespace

ProfileDialog::ProfileDialog(Settings *settings, CredentialStore *credentials,
                             QNetworkAccessManager *nam, QWidget *parent)
    : QDialog(parent),
      m_settings(settings),
      m_credentials(credentials),
      m_check(new ConnectionCheck(nam, this))
{
    setObjectName(u"profileDialog"_s);
    setWindowTitle(tr("Connection Profiles"));
    buildUi();

    connect(m_check, &ConnectionCheck::finished, this, [this](bool ok, const QString &message) {
        m_checking = false;
        m_checkResult->setText(message);
        QPalette palette = m_checkResult->palette();
        palette.setColor(QPalette::WindowText,
                         ok ? QColor(0x1b, 0x7f, 0x3b) : palette.color(QPalette::Text));
        m_checkResult->setPalette(palette);
        m_checkResult->setProperty("checkOk", ok);
        updateForm();
        emit connectionChecked(ok, message);
    });

    m_credentials->checkBackend(this, [this](bool usable, const QString &error) {
        m_keychainState = usable ? 1 : 0;
        m_keychainError = error;
        updateStorageLabel();
    });

    const QString active = m_settings->activeProfileName();
    reloadList(active);
    if (m_list->count() == 0)
        startNewProfile();
}

ProfileDialog::~ProfileDialog() = default;

QLineEdit *ProfileDialog::addSecretRow(const QString &objectName, const QString &label,
                                       const QString &accessibleName)
{
    auto *row = new QWidget(this);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *edit = new QLineEdit(row);
    name(edit, objectName, accessibleName);
    edit->setEchoMode(QLineEdit::Password);
    edit->setClearButtonEnabled(true);
    auto *show = new QToolButton(row);
    name(show, objectName + u"Show"_s, tr("Show %1").arg(accessibleName));
    show->setText(tr("Show"));
    show->setCheckable(true);
    show->setToolTip(tr("Show or hide the %1").arg(accessibleName));
    connect(show, &QToolButton::toggled, edit, [edit, show](bool visible) {
        edit->setEchoMode(visible ? QLineEdit::Normal : QLineEdit::Password);
        show->setText(visible ? ProfileDialog::tr("Hide") : ProfileDialog::tr("Show"));
    });
    layout->addWidget(edit, 1);
    layout->addWidget(show);
    auto *labelWidget = new QLabel(label, this);
    labelWidget->setBuddy(edit);
    m_form->addRow(labelWidget, row);
    return edit;
}

void ProfileDialog::buildUi()
{
    // Profile list.
    m_list = new QListWidget(this);
    name(m_list, u"profileList"_s, tr("Profiles"));
    m_newButton = new QPushButton(tr("New &Profile"), this);
    name(m_newButton, u"profileNewButton"_s, tr("New profile"));
    m_duplicateButton = new QPushButton(tr("Dup&licate"), this);
    name(m_duplicateButton, u"profileDuplicateButton"_s, tr("Duplicate profile"));
    m_removeButton = new QPushButton(tr("Re&move…"), this);
    name(m_removeButton, u"profileRemoveButton"_s, tr("Remove profile"));
    m_activeButton = new QPushButton(tr("Make Acti&ve"), this);
    name(m_activeButton, u"profileActiveButton"_s, tr("Make profile active"));
    m_activeButton->setToolTip(tr("Use this profile for confirmations"));

    auto *listLayout = new QVBoxLayout;
    listLayout->addWidget(m_list, 1);
    listLayout->addWidget(m_newButton);
    listLayout->addWidget(m_duplicateButton);
    listLayout->addWidget(m_removeButton);
    listLayout->addWidget(m_activeButton);

    // Editor.
    m_form = new QFormLayout;
    m_form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);

    m_name = new QLineEdit(this);
    name(m_name, u"profileName"_s, tr("Profile name"));
    m_name->setMaxLength(int(Profile::MaxNameLength));
    m_form->addRow(tr("&Name:"), m_name);

    m_region = new QComboBox(this);
    name(m_region, u"profileRegion"_s, tr("Region"));
    for (const Region &region : Regions::all())
        m_region->addItem(tr("%1 — %2").arg(region.name, region.id), region.id);
    m_region->addItem(tr("Custom endpoint…"), QString());
    m_form->addRow(tr("Re&gion:"), m_region);

    m_endpoint = new QLineEdit(this);
    name(m_endpoint, u"profileEndpoint"_s, tr("VOD endpoint URL"));
    m_endpoint->setPlaceholderText(tr("https://vod.example.com"));
    m_form->addRow(tr("&Endpoint:"), m_endpoint);

    m_projectId = new QLineEdit(this);
    name(m_projectId, u"profileProjectId"_s, tr("Project ID"));
    m_projectId->setPlaceholderText(tr("From My Credentials → Projects, for this region"));
    m_form->addRow(tr("Pro&ject ID:"), m_projectId);

    m_authMode = new QComboBox(this);
    name(m_authMode, u"profileAuthMode"_s, tr("Authentication"));
    m_authMode->addItem(tr("Access key / secret key (AK/SK)"), int(AuthChoice::AkSk));
    m_authMode->addItem(tr("AK/SK with security token (temporary credentials)"),
                        int(AuthChoice::AkSkToken));
    m_authMode->addItem(tr("IAM token"), int(AuthChoice::Token));
    m_authMode->addItem(tr("IAM user name and password"), int(AuthChoice::Password));
    m_form->addRow(tr("&Authentication:"), m_authMode);

    m_accessKey = new QLineEdit(this);
    name(m_accessKey, u"profileAccessKey"_s, tr("Access key (AK)"));
    m_form->addRow(tr("Access &key (AK):"), m_accessKey);
    m_secretKey
            = addSecretRow(u"profileSecretKey"_s, tr("Secret ke&y (SK):"), tr("secret key (SK)"));
    m_securityToken
            = addSecretRow(u"profileSecurityToken"_s, tr("Security &token:"), tr("security token"));
    m_token = addSecretRow(u"profileToken"_s, tr("IAM &token:"), tr("IAM token"));
    m_userName = new QLineEdit(this);
    name(m_userName, u"profileUserName"_s, tr("IAM user name"));
    m_form->addRow(tr("&User name:"), m_userName);
    m_password = addSecretRow(u"profilePassword"_s, tr("Pass&word:"), tr("password"));
    m_accountName = new QLineEdit(this);
    name(m_accountName, u"profileAccountName"_s, tr("Account name"));
    m_accountName->setPlaceholderText(tr("The account (domain) the IAM user belongs to"));
    m_form->addRow(tr("A&ccount name:"), m_accountName);
    m_iamEndpoint = new QLineEdit(this);
    name(m_iamEndpoint, u"profileIamEndpoint"_s, tr("IAM endpoint URL"));
    m_iamEndpoint->setPlaceholderText(tr("https://iam.example.com"));
    m_form->addRow(tr("&IAM endpoint:"), m_iamEndpoint);

    // Transport: an extra CA, and the proxy.
    auto *caRow = new QWidget(this);
    auto *caLayout = new QHBoxLayout(caRow);
    caLayout->setContentsMargins(0, 0, 0, 0);
    m_caFile = new QLineEdit(caRow);
    name(m_caFile, u"profileCaFile"_s, tr("CA certificate file"));
    m_caFile->setPlaceholderText(tr("Optional: the certificate of a private CA (PEM or DER)"));
    m_caFile->setToolTip(tr("Certificates are always verified. For an endpoint whose certificate "
                            "comes from your organisation's own CA, choose that CA's certificate: "
                            "it is trusted in addition to the system's CAs, for this profile "
                            "only."));
    m_caFile->setClearButtonEnabled(true);
    auto *browse = new QToolButton(caRow);
    name(browse, u"profileCaFileBrowse"_s, tr("Choose CA certificate file"));
    browse->setText(tr("Browse…"));
    caLayout->addWidget(m_caFile, 1);
    caLayout->addWidget(browse);
    auto *caLabel = new QLabel(tr("CA &file:"), this);
    caLabel->setBuddy(m_caFile);
    m_form->addRow(caLabel, caRow);
    connect(browse, &QToolButton::clicked, this, &ProfileDialog::chooseCaFile);

    m_proxyMode = new QComboBox(this);
    name(m_proxyMode, u"profileProxyMode"_s, tr("Proxy"));
    m_proxyMode->addItem(tr("System settings"), int(ProxyMode::System));
    m_proxyMode->addItem(tr("No proxy"), int(ProxyMode::None));
    m_proxyMode->addItem(tr("Manual"), int(ProxyMode::Manual));
    m_form->addRow(tr("Pro&xy:"), m_proxyMode);

    m_proxyServer = new QWidget(this);
    auto *serverLayout = new QHBoxLayout(m_proxyServer);
    serverLayout->setContentsMargins(0, 0, 0, 0);
    m_proxyType = new QComboBox(m_proxyServer);
    name(m_proxyType, u"profileProxyType"_s, tr("Proxy type"));
    m_proxyType->addItem(tr("HTTP"), int(ProxyType::Http));
    m_proxyType->addItem(tr("SOCKS5"), int(ProxyType::Socks5));
    m_proxyHost = new QLineEdit(m_proxyServer);
    name(m_proxyHost, u"profileProxyHost"_s, tr("Proxy host"));
    m_proxyHost->setPlaceholderText(tr("proxy.example.com"));
    m_proxyPort = new QSpinBox(m_proxyServer);
    name(m_proxyPort, u"profileProxyPort"_s, tr("Proxy port"));
    m_proxyPort->setRange(0, 65535);
    m_proxyPort->setSpecialValueText(tr("port"));
    serverLayout->addWidget(m_proxyType);
    serverLayout->addWidget(m_proxyHost, 1);
    serverLayout->addWidget(m_proxyPort);
    auto *serverLabel = new QLabel(tr("Pr&oxy server:"), this);
    serverLabel->setBuddy(m_proxyHost);
    m_form->addRow(serverLabel, m_proxyServer);
    m_proxyUserName = new QLineEdit(this);
    name(m_proxyUserName, u"profileProxyUserName"_s, tr("Proxy user name"));
    m_proxyUserName->setPlaceholderText(tr("Only if the proxy asks for a user name"));
    m_form->addRow(tr("Proxy user:"), m_proxyUserName);
    m_proxyPassword
            = addSecretRow(u"profileProxyPassword"_s, tr("Proxy password:"), tr("proxy password"));

    m_dontRemember = new QCheckBox(tr("&Don't remember secrets (ask for them each session)"), this);
    name(m_dontRemember, u"profileDontRemember"_s, tr("Don't remember secrets"));
    m_form->addRow(QString(), m_dontRemember);

    m_storageLabel = new QLabel(this);
    m_storageLabel->setObjectName(u"profileSecretStorage"_s);
    m_storageLabel->setWordWrap(true);
    m_form->addRow(QString(), m_storageLabel);

    m_problemLabel = new QLabel(this);
    m_problemLabel->setObjectName(u"profileProblem"_s);
    m_problemLabel->setWordWrap(true);
    m_problemLabel->setTextFormat(Qt::PlainText);

    m_checkButton = new QPushButton(tr("C&heck Connection"), this);
    name(m_checkButton, u"profileCheckButton"_s, tr("Check connection"));
    m_checkButton->setToolTip(tr("Try the values as entered, without saving them: reads one "
                                 "made-up asset, nothing is changed"));
    m_checkResult = new QLabel(this);
    m_checkResult->setObjectName(u"profileCheckResult"_s);
    m_checkResult->setWordWrap(true);
    m_checkResult->setTextFormat(Qt::PlainText);
    m_checkResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *checkRow = new QHBoxLayout;
    checkRow->addWidget(m_checkButton, 0, Qt::AlignTop);
    checkRow->addWidget(m_checkResult, 1);

    auto *editorLayout = new QVBoxLayout;
    editorLayout->addLayout(m_form);
    editorLayout->addWidget(m_problemLabel);
    editorLayout->addLayout(checkRow);
    editorLayout->addStretch(1);

    m_buttons = new QDialogButtonBox(this);
    m_buttons->setObjectName(u"profileButtons"_s);
    m_saveButton = m_buttons->addButton(tr("&Save"), QDialogButtonBox::AcceptRole);
    name(m_saveButton, u"profileSaveButton"_s, tr("Save profile"));
    m_revertButton = m_buttons->addButton(tr("&Revert"), QDialogButtonBox::ResetRole);
    name(m_revertButton, u"profileRevertButton"_s, tr("Revert changes"));
    QPushButton *close = m_buttons->addButton(QDialogButtonBox::Close);
    name(close, u"profileCloseButton"_s, tr("Close"));
    m_saveButton->setAutoDefault(false);
    m_revertButton->setAutoDefault(false);
    close->setAutoDefault(false);
    // Save is handled by its own signal: accepting must not close the dialog.
    disconnect(m_buttons, &QDialogButtonBox::accepted, this, nullptr);
    connect(m_saveButton, &QPushButton::clicked, this, &ProfileDialog::save);
    connect(m_revertButton, &QPushButton::clicked, this, &ProfileDialog::revert);
    connect(close, &QPushButton::clicked, this, &ProfileDialog::reject);

    auto *top = new QHBoxLayout;
    top->addLayout(listLayout, 1);
    top->addLayout(editorLayout, 3);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top, 1);
    layout->addWidget(m_buttons);

    setTabOrder(m_list, m_newButton);
    setTabOrder(m_newButton, m_duplicateButton);
    setTabOrder(m_duplicateButton, m_removeButton);
    setTabOrder(m_removeButton, m_activeButton);
    setTabOrder(m_activeButton, m_name);
    // The form's widgets follow in creation order; then the check and the dialog buttons.
    setTabOrder(m_dontRemember, m_checkButton);
    setTabOrder(m_checkButton, m_saveButton);
    setTabOrder(m_saveButton, m_revertButton);
    setTabOrder(m_revertButton, close);

    auto *saveShortcut = new QShortcut(QKeySequence::Save, this);
    connect(saveShortcut, &QShortcut::activated, this, [this] {
        if (m_saveButton->isEnabled())
            save();
    });
    auto *newShortcut = new QShortcut(QKeySequence::New, this);
    connect(newShortcut, &QShortcut::activated, this, [this] {
        if (m_newButton->isEnabled())
            startNewProfile();
    });
    auto *deleteShortcut = new QShortcut(QKeySequence::Delete, m_list);
    deleteShortcut->setContext(Qt::WidgetShortcut);
    connect(deleteShortcut, &QShortcut::activated, this, [this] {
        if (m_removeButton->isEnabled())
            confirmRemove();
    });

    connect(m_list, &QListWidget::currentRowChanged, this, &ProfileDialog::onCurrentRowChanged);
    connect(m_newButton, &QPushButton::clicked, this, &ProfileDialog::startNewProfile);
    connect(m_duplicateButton, &QPushButton::clicked, this, &ProfileDialog::duplicateProfile);
    connect(m_removeButton, &QPushButton::clicked, this, &ProfileDialog::confirmRemove);
    connect(m_activeButton, &QPushButton::clicked, this, &ProfileDialog::makeActive);
    connect(m_checkButton, &QPushButton::clicked, this, &ProfileDialog::checkConnection);

    const auto changed = [this] {
        if (!m_loading) {
            m_checkResult->clear();
            updateForm();
        }
    };
    for (QLineEdit *edit : {m_name, m_endpoint, m_projectId, m_accessKey, m_secretKey,
                            m_securityToken, m_token, m_userName, m_password, m_accountName,
                            m_iamEndpoint, m_caFile, m_proxyHost, m_proxyUserName, m_proxyPassword})
        connect(edit, &QLineEdit::textChanged, this, changed);
    for (QComboBox *combo : {m_region, m_authMode, m_proxyMode, m_proxyType})
        connect(combo, &QComboBox::currentIndexChanged, this, changed);
    connect(m_proxyPort, &QSpinBox::valueChanged, this, changed);
    connect(m_dontRemember, &QCheckBox::toggled, this, changed);
}

void ProfileDialog::reloadList(const QString &select)
{
    QSignalBlocker blocker(m_list);
    m_list->clear();
    const QString active = m_settings->activeProfileName();
    const QStringList names = m_settings->profileNames();
    for (const QString &profile : names) {
        auto *item = new QListWidgetItem(
                profile == active ? tr("%1 (active)").arg(profile) : profile, m_list);
        item->setData(NameRole, profile);
        if (profile == active) {
            QFont font = item->font();
            font.setBold(true);
            item->setFont(font);
        }
    }
    int row = int(names.indexOf(select));
    if (row < 0 && !names.isEmpty())
        row = 0;
    m_list->setCurrentRow(row);
    blocker.unblock();
    if (row >= 0 && (m_isNew || m_originalName != names.at(row)))
        onCurrentRowChanged();
    else
        updateForm();
}

bool ProfileDialog::selectProfile(const QString &profileName)
{
    for (int row = 0; row < m_list->count(); ++row) {
        if (m_list->item(row)->data(NameRole).toString() == profileName) {
            m_isNew = false;
            m_originalName.clear(); // force a reload even when it is already current
            m_list->setCurrentRow(row);
            onCurrentRowChanged();
            return true;
        }
    }
    return false;
}

void ProfileDialog::onCurrentRowChanged()
{
    QListWidgetItem *item = m_list->currentItem();
    if (!item)
        return;
    const std::optional<Profile> profile = m_settings->profile(item->data(NameRole).toString());
    if (profile)
        loadIntoEditor(*profile, false);
}

void ProfileDialog::startNewProfile()
{
    Profile profile;
    profile.name = m_settings->profileNames().isEmpty() ? tr("default") : QString();
    profile.regionId = Regions::all().constFirst().id;
    {
        const QSignalBlocker blocker(m_list);
        m_list->clearSelection();
        m_list->setCurrentRow(-1);
    }
    loadIntoEditor(profile, true);
    m_name->setFocus(Qt::OtherFocusReason);
    m_name->selectAll();
}

void ProfileDialog::duplicateProfile()
{
    if (m_isNew || m_originalName.isEmpty())
        return;
    Profile copy = editedProfile();
    const Credentials secrets = editedCredentials();
    QString candidate = tr("%1 (copy)").arg(copy.name);
    for (int n = 2; m_settings->hasProfile(candidate); ++n)
        candidate = tr("%1 (copy %2)").arg(copy.name).arg(n);
    copy.name = candidate.left(Profile::MaxNameLength);
    {
        const QSignalBlocker blocker(m_list);
        m_list->setCurrentRow(-1);
    }
    loadIntoEditor(copy, true);
    setSecretFields(secrets); // the copy starts with the same secrets, saved with it
    m_loadedSecrets = Credentials();
    updateForm();
    m_name->setFocus(Qt::OtherFocusReason);
    m_name->selectAll();
}

void ProfileDialog::loadIntoEditor(const Profile &profile, bool isNew)
{
    delete m_secretsContext; // drops a keychain read for the previous profile
    m_secretsContext = nullptr;
    m_loading = true;
    m_isNew = isNew;
    m_originalName = isNew ? QString() : profile.name;
    m_saveError.clear();
    m_checkResult->clear();

    m_name->setText(profile.name);
    if (!profile.customEndpoint.isEmpty() || profile.regionId.isEmpty()) {
        m_region->setCurrentIndex(m_region->count() - 1);
        m_endpoint->setText(profile.customEndpoint.toString());
    } else {
        int index = m_region->findData(profile.regionId);
        if (index < 0) { // not one of the known regions: keep it as it is
            m_region->insertItem(m_region->count() - 1, profile.regionId, profile.regionId);
            index = m_region->findData(profile.regionId);
        }
        m_region->setCurrentIndex(index);
        m_endpoint->clear();
    }
    m_projectId->setText(profile.projectId);
    AuthChoice choice = AuthChoice::AkSk;
    switch (profile.authMode) {
    case AuthMode::AkSk:
        choice = profile.useSecurityToken ? AuthChoice::AkSkToken : AuthChoice::AkSk;
        break;
    case AuthMode::Token:
        choice = AuthChoice::Token;
        break;
    case AuthMode::Password:
        choice = AuthChoice::Password;
        break;
    }
    m_authMode->setCurrentIndex(m_authMode->findData(int(choice)));
    m_accessKey->setText(profile.accessKey);
    m_userName->setText(profile.userName);
    m_accountName->setText(profile.accountName);
    m_iamEndpoint->setText(profile.customIamEndpoint.toString());
    m_caFile->setText(profile.caFile);
    m_proxyMode->setCurrentIndex(m_proxyMode->findData(int(profile.proxyMode)));
    m_proxyType->setCurrentIndex(m_proxyType->findData(int(profile.proxyType)));
    m_proxyHost->setText(profile.proxyHost);
    m_proxyPort->setValue(profile.proxyPort);
    m_proxyUserName->setText(profile.proxyUserName);
    m_dontRemember->setChecked(!profile.rememberSecrets);
    setSecretFields({});
    m_loading = false;

    m_loadedProfile = editedProfile();
    m_loadedSecrets = editedCredentials();
    if (!isNew)
        loadSecrets(m_loadedProfile);
    updateForm();
}

void ProfileDialog::loadSecrets(const Profile &profile)
{
    if (!profile.rememberSecrets)
        return;
    m_secretsContext = new QObject(this);
    m_loadingSecrets = true;
    const QString profileName = profile.name;
    m_credentials->load(profile, m_secretsContext,
                        [this, profileName](const Credentials &credentials, const QString &error) {
                            m_secretsContext->deleteLater();
                            m_secretsContext = nullptr;
                            m_loadingSecrets = false;
                            m_loading = true;
                            setSecretFields(credentials);
                            m_loading = false;
                            m_loadedSecrets = editedCredentials();
                            if (!error.isEmpty())
                                m_saveError = error;
                            updateForm();
                        });
    updateForm();
}

void ProfileDialog::setSecretFields(const Credentials &credentials)
{
    m_secretKey->setText(credentials.secretKey);
    m_securityToken->setText(credentials.securityToken);
    m_token->setText(credentials.token);
    m_password->setText(credentials.password);
    m_proxyPassword->setText(credentials.proxyPassword);
}

ProfileDialog::AuthChoice ProfileDialog::authChoice() const
{
    return AuthChoice(m_authMode->currentData().toInt());
}

ProxyMode ProfileDialog::proxyMode() const
{
    return ProxyMode(m_proxyMode->currentData().toInt());
}

QList<QLineEdit *> ProfileDialog::secretEdits() const
{
    return {m_secretKey, m_securityToken, m_token, m_password, m_proxyPassword};
}

void ProfileDialog::chooseCaFile()
{
    const QString current = m_caFile->text().trimmed();
    auto *chooser = new QFileDialog(this, tr("Choose CA Certificate"),
                                    current.isEmpty() ? QString() : QFileInfo(current).path(),
                                    tr("Certificates (*.pem *.crt *.cer *.der);;All files (*)"));
    chooser->setObjectName(u"profileCaFileChooser"_s);
    chooser->setFileMode(QFileDialog::ExistingFile);
    chooser->setAttribute(Qt::WA_DeleteOnClose);
    connect(chooser, &QFileDialog::fileSelected, this,
            [this](const QString &file) { m_caFile->setText(file); });
    chooser->open();
}

Profile ProfileDialog::editedProfile() const
{
    Profile p;
    p.name = m_name->text();
    const bool custom = m_region->currentData().toString().isEmpty();
    if (custom)
        p.customEndpoint = urlFromField(m_endpoint->text());
    else
        p.regionId = m_region->currentData().toString();
    p.projectId = m_projectId->text().trimmed();
    const AuthChoice choice = authChoice();
    switch (choice) {
    case AuthChoice::AkSk:
    case AuthChoice::AkSkToken:
        p.authMode = AuthMode::AkSk;
        p.useSecurityToken = choice == AuthChoice::AkSkToken;
        p.accessKey = m_accessKey->text().trimmed();
        break;
    case AuthChoice::Token:
        p.authMode = AuthMode::Token;
        break;
    case AuthChoice::Password:
        p.authMode = AuthMode::Password;
        p.userName = m_userName->text().trimmed();
        p.accountName = m_accountName->text().trimmed();
        if (custom)
            p.customIamEndpoint = urlFromField(m_iamEndpoint->text());
        break;
    }
    p.caFile = m_caFile->text().trimmed();
    p.proxyMode = proxyMode();
    if (p.proxyMode == ProxyMode::Manual) {
        p.proxyType = ProxyType(m_proxyType->currentData().toInt());
        p.proxyHost = m_proxyHost->text().trimmed();
        p.proxyPort = m_proxyPort->value();
        p.proxyUserName = m_proxyUserName->text().trimmed();
    }
    p.rememberSecrets = !m_dontRemember->isChecked();
    return p;
}

Credentials ProfileDialog::editedCredentials() const
{
    const Profile p = editedProfile();
    Credentials c;
    c.mode = p.authMode;
    switch (authChoice()) {
    case AuthChoice::AkSkToken:
        c.securityToken = m_securityToken->text().trimmed();
        Q_FALLTHROUGH();
    case AuthChoice::AkSk:
        c.accessKey = p.accessKey;
        c.secretKey = m_secretKey->text().trimmed();
        break;
    case AuthChoice::Token:
        c.token = m_token->text().trimmed();
        break;
    case AuthChoice::Password:
        c.userName = p.userName;
        c.password = m_password->text();
        c.accountName = p.accountName;
        break;
    }
    if (!p.proxyUserName.isEmpty())
        c.proxyPassword = m_proxyPassword->text();
    return c;
}

bool ProfileDialog::hasUnsavedChanges() const
{
    if (m_isNew)
        return true;
    if (editedProfile() != m_loadedProfile)
        return true;
    return !m_loadingSecrets && !sameSecrets(editedCredentials(), m_loadedSecrets);
}

void ProfileDialog::updateForm()
{
    const AuthChoice choice = authChoice();
    const bool custom = m_region->currentData().toString().isEmpty();
    const bool akSk = choice == AuthChoice::AkSk || choice == AuthChoice::AkSkToken;
    m_form->setRowVisible(m_endpoint, custom);
    m_form->setRowVisible(m_accessKey, akSk);
    m_form->setRowVisible(m_secretKey->parentWidget(), akSk);
    m_form->setRowVisible(m_securityToken->parentWidget(), choice == AuthChoice::AkSkToken);
    m_form->setRowVisible(m_token->parentWidget(), choice == AuthChoice::Token);
    m_form->setRowVisible(m_userName, choice == AuthChoice::Password);
    m_form->setRowVisible(m_password->parentWidget(), choice == AuthChoice::Password);
    m_form->setRowVisible(m_accountName, choice == AuthChoice::Password);
    m_form->setRowVisible(m_iamEndpoint, choice == AuthChoice::Password && custom);
    const bool manualProxy = proxyMode() == ProxyMode::Manual;
    m_form->setRowVisible(m_proxyServer, manualProxy);
    m_form->setRowVisible(m_proxyUserName, manualProxy);
    m_form->setRowVisible(m_proxyPassword->parentWidget(),
                          manualProxy && !m_proxyUserName->text().trimmed().isEmpty());

    const QString placeholder = m_loadingSecrets ? tr("Reading the system keychain…") : QString();
    for (QLineEdit *secret : secretEdits()) {
        secret->setEnabled(!m_loadingSecrets && !m_saving);
        secret->setPlaceholderText(placeholder);
    }

    const Profile profile = editedProfile();
    QString problem = profile.problem();
    if (problem.isEmpty() && (m_isNew || profile.name.compare(m_originalName) != 0)) {
        const QStringList names = m_settings->profileNames();
        for (const QString &other : names) {
            if (other.compare(profile.name, Qt::CaseInsensitive) == 0 && other != m_originalName) {
                problem = tr("A profile named “%1” already exists.").arg(other);
                break;
            }
        }
    }
    if (!problem.isEmpty()) {
        m_problemLabel->setText(problem);
        m_problemLabel->setProperty("severity", u"error"_s);
        m_problemLabel->setStyleSheet(u"color: #b00020;"_s);
    } else if (const QString missing = editedCredentials().missing();
               !missing.isEmpty() && !m_loadingSecrets) {
        m_problemLabel->setText(tr("%1 If you leave it empty, you are asked for it when "
                                   "connecting.")
                                        .arg(missing));
        m_problemLabel->setProperty("severity", u"note"_s);
        m_problemLabel->setStyleSheet(QString());
    } else {
        m_problemLabel->clear();
        m_problemLabel->setProperty("severity", QString());
    }
    m_problemLabel->setVisible(!m_problemLabel->text().isEmpty());

    const bool dirty = hasUnsavedChanges();
    const bool haveSaved = !m_isNew && !m_originalName.isEmpty();
    const bool idle = !m_saving;
    m_saveButton->setEnabled(idle && dirty && problem.isEmpty() && !m_loadingSecrets);
    m_revertButton->setEnabled(idle && dirty && (haveSaved || m_list->count() > 0));
    m_list->setEnabled(idle && !dirty);
    m_newButton->setEnabled(idle && !dirty);
    m_duplicateButton->setEnabled(idle && !dirty && haveSaved);
    m_removeButton->setEnabled(idle && !dirty && haveSaved);
    m_activeButton->setEnabled(idle && !dirty && haveSaved
                               && m_settings->activeProfileName() != m_originalName);
    m_checkButton->setEnabled(problem.isEmpty() && !m_checking && !m_loadingSecrets);
    m_checkButton->setText(m_checking ? tr("C&hecking…") : tr("C&heck Connection"));
    updateStorageLabel();
}

void ProfileDialog::updateStorageLabel()
{
    QString text;
    if (m_dontRemember->isChecked()) {
        text = tr("Secrets are not stored — you are asked for them each session.");
    } else if (m_keychainState < 0) {
        text = tr("Checking the system keychain…");
    } else if (m_keychainState == 0) {
        text = tr("No system keychain is available, so secrets are not stored — you are asked "
                  "for them each session.");
        if (!m_keychainError.isEmpty())
            text += u' ' + m_keychainError;
    } else if (m_saving) {
        text = tr("Saving secrets in the system keychain…");
    } else {
        text = tr("Secrets are stored in the system keychain, not in the settings file.");
    }
    if (!m_saveError.isEmpty() && m_keychainState != 0)
        text += u"\n"_s + m_saveError;
    m_storageLabel->setText(text);
    m_storageLabel->setProperty("secretsStored",
                                !m_dontRemember->isChecked() && m_keychainState == 1);
    for (QLineEdit *secret : secretEdits())
        secret->setToolTip(text);
}

void ProfileDialog::save()
{
    if (m_saving || m_loadingSecrets)
        return;
    updateForm();
    if (!m_saveButton->isEnabled())
        return;
    const Profile profile = editedProfile();
    const Credentials credentials = editedCredentials();
    QString error;
    const QString oldName = m_isNew ? QString() : m_originalName;
    const bool renamed = !oldName.isEmpty() && oldName != profile.name;
    if (renamed && !m_settings->renameProfile(oldName, profile.name, &error)) {
        m_problemLabel->setText(error);
        m_problemLabel->setVisible(true);
        return;
    }
    if (!m_settings->saveProfile(profile, &error)) {
        m_problemLabel->setText(error);
        m_problemLabel->setVisible(true);
        return;
    }
    bool activeChanged = false;
    if (m_settings->activeProfileName().isEmpty())
        activeChanged = m_settings->setActiveProfileName(profile.name);
    if (!m_settings->sync(&error)) {
        m_problemLabel->setText(error);
        m_problemLabel->setVisible(true);
    }

    m_isNew = false;
    m_originalName = profile.name;
    m_loadedProfile = profile;
    m_saving = true;
    m_saveError.clear();
    reloadList(profile.name);
    if (activeChanged || renamed)
        emit activeProfileChanged(m_settings->activeProfileName());

    const QString newName = profile.name;
    m_credentials->store(
            profile, credentials, this,
            [this, oldName, renamed, newName, credentials](bool ok, const QString &storeError) {
                if (renamed) // the old name's secrets: best effort
                    m_credentials->removeAll(oldName, this, [](bool, const QString &) {});
                finishSave(newName, credentials, ok ? QString() : storeError);
            });
    updateForm();
}

void ProfileDialog::finishSave(const QString &profileName, const Credentials &credentials,
                               const QString &error)
{
    m_saving = false;
    m_loadedSecrets = credentials;
    m_saveError = error.isEmpty()
            ? QString()
            : tr("The secrets could not be stored in the keychain: %1").arg(error);
    updateForm();
    emit profileSaved(profileName, credentials);
}

void ProfileDialog::revert()
{
    if (m_saving)
        return;
    if (!m_originalName.isEmpty() && selectProfile(m_originalName))
        return;
    reloadList(m_settings->activeProfileName());
    if (m_list->count() == 0)
        startNewProfile();
    else
        selectProfile(m_list->currentItem()->data(NameRole).toString());
}

void ProfileDialog::confirmRemove()
{
    if (m_isNew || m_originalName.isEmpty())
        return;
    const QString target = m_originalName;
    auto *box = new QMessageBox(QMessageBox::Question, tr("Remove Profile"),
                                tr("Remove the profile “%1”?").arg(target),
                                QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(u"profileRemoveConfirm"_s);
    box->setInformativeText(tr("Its secrets are deleted from the system keychain too. The "
                               "history of its confirmations is kept."));
    box->button(QMessageBox::Yes)->setText(tr("&Remove"));
    box->button(QMessageBox::Yes)->setObjectName(u"profileRemoveConfirmYes"_s);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, target](int) {
        if (box->clickedButton() == box->button(QMessageBox::Yes))
            removeProfile(target);
    });
    box->open();
}

void ProfileDialog::removeProfile(const QString &profileName)
{
    const bool wasActive = m_settings->activeProfileName() == profileName;
    if (!m_settings->removeProfile(profileName))
        return;
    m_settings->sync();
    m_saving = true; // locks the editor until the keychain answered
    m_originalName.clear();
    m_isNew = false;
    reloadList(m_settings->activeProfileName());
    m_credentials->removeAll(profileName, this,
                             [this, profileName, wasActive](bool ok, const QString &error) {
                                 m_saving = false;
                                 m_saveError = ok ? QString()
                                                  : tr("The secrets of “%1” could not be "
                                                       "deleted from the keychain: %2")
                                                            .arg(profileName, error);
                                 if (m_list->count() == 0)
                                     startNewProfile();
                                 else
                                     updateForm();
                                 emit profileRemoved(profileName);
                                 if (wasActive)
                                     emit activeProfileChanged(QString());
                             });
    updateForm();
}

void ProfileDialog::makeActive()
{
    if (m_isNew || m_originalName.isEmpty())
        return;
    if (m_settings->setActiveProfileName(m_originalName)) {
        m_settings->sync();
        reloadList(m_originalName);
        emit activeProfileChanged(m_originalName);
    }
}

void ProfileDialog::checkConnection()
{
    if (m_checking)
        return;
    VodClient::Config config
            = clientConfig(editedProfile(), editedCredentials(), m_settings->timeoutSeconds());
    config.timeoutMs = qMin(config.timeoutMs, MaxCheckTimeoutMs);
    m_checking = true;
    m_checkResult->setText(tr("Checking the connection…"));
    m_checkResult->setProperty("checkOk", QVariant());
    m_check->start(config);
    updateForm();
}

void ProfileDialog::reject()
{
    // A new profile counts as edited once anything differs from the blank form.
    const bool edited = m_isNew ? (editedProfile() != m_loadedProfile
                                   || !sameSecrets(editedCredentials(), m_loadedSecrets))
                                : hasUnsavedChanges();
    if (!edited || m_saving) {
        m_check->cancel();
        QDialog::reject();
        return;
    }
    if (findChild<QMessageBox *>(u"profileDiscardConfirm"_s))
        return; // already asking
    const QString question = m_isNew
            ? tr("Discard the new profile “%1”?").arg(m_name->text())
            : tr("Discard the unsaved changes to “%1”?").arg(m_originalName);
    auto *box = new QMessageBox(QMessageBox::Question, tr("Unsaved Changes"), question,
                                QMessageBox::Discard | QMessageBox::Cancel, this);
    box->setObjectName(u"profileDiscardConfirm"_s);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box](int) {
        if (box->clickedButton() != box->button(QMessageBox::Discard))
            return;
        m_check->cancel();
        QDialog::reject();
    });
    box->open();
}

} // namespace VodConfirm
