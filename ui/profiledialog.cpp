#include "profiledialog.h"
#include "ui_profiledialog.h"

#include "api/connectioncheck.h"
#include "api/regions.h"
#include "emptystate.h"
#include "settings/clientconfig.h"
#include "settings/credentialstore.h"
#include "settings/settings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QShortcut>
#include <QSpinBox>
#include <QToolButton>

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

// An error (red) or success (green) colour readable on the widget's background, light or dark.
QColor statusColor(const QWidget *widget, bool ok)
{
    const bool dark = widget->palette().color(QPalette::Window).lightness() < 128;
    if (ok)
        return dark ? QColor(0x81, 0xc7, 0x84) : QColor(0x1b, 0x7f, 0x3b);
    return dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb0, 0x00, 0x20);
}

// The check result in green when it passed, in the text colour otherwise.
void colourCheckResult(QLabel *label, bool ok)
{
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText,
                     ok ? statusColor(label, true) : palette.color(QPalette::Text));
    label->setPalette(palette);
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
      m_check(new ConnectionCheck(nam, this)),
      m_ui(std::make_unique<Ui::ProfileDialog>())
{
    buildUi();

    connect(m_check, &ConnectionCheck::finished, this, [this](bool ok, const QString &message) {
        m_checking = false;
        m_ui->profileCheckResult->setText(message);
        colourCheckResult(m_ui->profileCheckResult, ok);
        m_ui->profileCheckResult->setProperty("checkOk", ok);
        updateForm();
        emit connectionChecked(ok, message);
    });

    m_credentials->checkBackend(this, [this](bool usable, const QString &error) {
        m_keychainState = usable ? 1 : 0;
        m_keychainError = error;
        if (!usable) // every keychain error so far only said that there is none
            m_secretsProblem.clear();
        updateForm();
    });

    const QString active = m_settings->activeProfileName();
    reloadList(active);
    if (m_ui->profileList->count() == 0)
        startNewProfile();
}

ProfileDialog::~ProfileDialog() = default;

void ProfileDialog::changeEvent(QEvent *event)
{
    QDialog::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) { // e.g. to a dark palette: readable colours
        updateForm();
        if (m_ui->profileCheckResult->property("checkOk").isValid())
            colourCheckResult(m_ui->profileCheckResult,
                              m_ui->profileCheckResult->property("checkOk").toBool());
    }
}

void ProfileDialog::setUpShowButton(QLineEdit *edit, QToolButton *show)
{
    const QString what = edit->accessibleName();
    show->setAccessibleName(tr("Show %1").arg(what));
    show->setToolTip(tr("Show or hide the %1").arg(what));
    connect(show, &QToolButton::toggled, edit, [edit, show](bool visible) {
        edit->setEchoMode(visible ? QLineEdit::Normal : QLineEdit::Password);
        show->setText(visible ? ProfileDialog::tr("Hide") : ProfileDialog::tr("Show"));
    });
}

void ProfileDialog::buildUi()
{
    m_ui->setupUi(this);
    m_ui->profileName->setMaxLength(int(Profile::MaxNameLength));
    for (const Region &region : Regions::all())
        m_ui->profileRegion->addItem(tr("%1 — %2").arg(Regions::displayName(region), region.id),
                                     region.id);
    m_ui->profileRegion->addItem(tr("Custom endpoint…"), QString());
    m_ui->profileAuthMode->addItem(tr("Access key / secret key (AK/SK)"), int(AuthChoice::AkSk));
    m_ui->profileAuthMode->addItem(tr("AK/SK with security token (temporary credentials)"),
                                   int(AuthChoice::AkSkToken));
    m_ui->profileAuthMode->addItem(tr("IAM token"), int(AuthChoice::Token));
    m_ui->profileAuthMode->addItem(tr("IAM user name and password"), int(AuthChoice::Password));
    m_ui->profileProxyMode->addItem(tr("System settings"), int(ProxyMode::System));
    m_ui->profileProxyMode->addItem(tr("No proxy"), int(ProxyMode::None));
    m_ui->profileProxyMode->addItem(tr("Manual"), int(ProxyMode::Manual));
    m_ui->profileProxyType->addItem(tr("HTTP"), int(ProxyType::Http));
    m_ui->profileProxyType->addItem(tr("SOCKS5"), int(ProxyType::Socks5));
    setUpShowButton(m_ui->profileSecretKey, m_ui->profileSecretKeyShow);
    setUpShowButton(m_ui->profileSecurityToken, m_ui->profileSecurityTokenShow);
    setUpShowButton(m_ui->profileToken, m_ui->profileTokenShow);
    setUpShowButton(m_ui->profilePassword, m_ui->profilePasswordShow);
    setUpShowButton(m_ui->profileProxyPassword, m_ui->profileProxyPasswordShow);
    connect(m_ui->profileCaFileBrowse, &QToolButton::clicked, this, &ProfileDialog::chooseCaFile);

    m_saveButton = m_ui->profileButtons->addButton(tr("&Save"), QDialogButtonBox::AcceptRole);
    name(m_saveButton, u"profileSaveButton"_s, tr("Save profile"));
    m_revertButton = m_ui->profileButtons->addButton(tr("&Revert"), QDialogButtonBox::ResetRole);
    name(m_revertButton, u"profileRevertButton"_s, tr("Revert changes"));
    QPushButton *close = m_ui->profileButtons->addButton(QDialogButtonBox::Close);
    name(close, u"profileCloseButton"_s, tr("Close"));
    m_saveButton->setAutoDefault(false);
    m_revertButton->setAutoDefault(false);
    close->setAutoDefault(false);
    // Save is handled by its own button: saving does not close the dialog.
    connect(m_saveButton, &QPushButton::clicked, this, &ProfileDialog::save);
    connect(m_revertButton, &QPushButton::clicked, this, &ProfileDialog::revert);
    connect(close, &QPushButton::clicked, this, &ProfileDialog::reject);

    // The dialog's buttons follow the form's widgets (profiledialog.ui orders those) in the
    // order the button box lays them out, which it sets itself. No setTabOrder() here: moving
    // its buttons leaves the box behind the last of them, and the box hands focus to its first
    // button, so Tab went round Revert and Close for ever once Revert was enabled.

    auto *saveShortcut = new QShortcut(QKeySequence::Save, this);
    connect(saveShortcut, &QShortcut::activated, this, [this] {
        if (m_saveButton->isEnabled())
            save();
    });
    auto *newShortcut = new QShortcut(QKeySequence::New, this);
    connect(newShortcut, &QShortcut::activated, this, [this] {
        if (m_ui->profileNewButton->isEnabled())
            startNewProfile();
    });
    auto *deleteShortcut = new QShortcut(QKeySequence::Delete, m_ui->profileList);
    deleteShortcut->setContext(Qt::WidgetShortcut);
    connect(deleteShortcut, &QShortcut::activated, this, [this] {
        if (m_ui->profileRemoveButton->isEnabled())
            confirmRemove();
    });

    new EmptyState(m_ui->profileList, [] {
        return tr("No profile saved yet. The one you are editing is listed here once saved.");
    });
    connect(m_ui->profileList, &QListWidget::currentRowChanged, this,
            &ProfileDialog::onCurrentRowChanged);
    connect(m_ui->profileNewButton, &QPushButton::clicked, this, &ProfileDialog::startNewProfile);
    connect(m_ui->profileDuplicateButton, &QPushButton::clicked, this,
            &ProfileDialog::duplicateProfile);
    connect(m_ui->profileRemoveButton, &QPushButton::clicked, this, &ProfileDialog::confirmRemove);
    connect(m_ui->profileActiveButton, &QPushButton::clicked, this, &ProfileDialog::makeActive);
    connect(m_ui->profileCheckButton, &QPushButton::clicked, this, &ProfileDialog::checkConnection);

    const auto changed = [this] {
        if (!m_loading) {
            m_ui->profileCheckResult->clear();
            updateForm();
        }
    };
    for (QLineEdit *edit :
         {m_ui->profileName, m_ui->profileEndpoint, m_ui->profileProjectId, m_ui->profileAccessKey,
          m_ui->profileSecretKey, m_ui->profileSecurityToken, m_ui->profileToken,
          m_ui->profileUserName, m_ui->profilePassword, m_ui->profileAccountName,
          m_ui->profileIamEndpoint, m_ui->profileCaFile, m_ui->profileProxyHost,
          m_ui->profileProxyUserName, m_ui->profileProxyPassword})
        connect(edit, &QLineEdit::textChanged, this, changed);
    for (QComboBox *combo : {m_ui->profileRegion, m_ui->profileAuthMode, m_ui->profileProxyMode,
                             m_ui->profileProxyType})
        connect(combo, &QComboBox::currentIndexChanged, this, changed);
    connect(m_ui->profileProxyPort, &QSpinBox::valueChanged, this, changed);
    connect(m_ui->profileDontRemember, &QCheckBox::toggled, this, changed);
}

void ProfileDialog::reloadList(const QString &select)
{
    QSignalBlocker blocker(m_ui->profileList);
    m_ui->profileList->clear();
    const QString active = m_settings->activeProfileName();
    const QStringList names = m_settings->profileNames();
    for (const QString &profile : names) {
        auto *item = new QListWidgetItem(
                profile == active ? tr("%1 (active)").arg(profile) : profile, m_ui->profileList);
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
    m_ui->profileList->setCurrentRow(row);
    blocker.unblock();
    if (row >= 0 && (m_isNew || m_originalName != names.at(row)))
        onCurrentRowChanged();
    else
        updateForm();
}

bool ProfileDialog::selectProfile(const QString &profileName)
{
    for (int row = 0; row < m_ui->profileList->count(); ++row) {
        if (m_ui->profileList->item(row)->data(NameRole).toString() == profileName) {
            m_isNew = false;
            m_originalName.clear(); // force a reload even when it is already current
            m_ui->profileList->setCurrentRow(row);
            onCurrentRowChanged();
            return true;
        }
    }
    return false;
}

void ProfileDialog::onCurrentRowChanged()
{
    QListWidgetItem *item = m_ui->profileList->currentItem();
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
        const QSignalBlocker blocker(m_ui->profileList);
        m_ui->profileList->clearSelection();
        m_ui->profileList->setCurrentRow(-1);
    }
    loadIntoEditor(profile, true);
    m_ui->profileName->setFocus(Qt::OtherFocusReason);
    m_ui->profileName->selectAll();
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
        const QSignalBlocker blocker(m_ui->profileList);
        m_ui->profileList->setCurrentRow(-1);
    }
    loadIntoEditor(copy, true);
    setSecretFields(secrets); // the copy starts with the same secrets, saved with it
    m_loadedSecrets = Credentials();
    updateForm();
    m_ui->profileName->setFocus(Qt::OtherFocusReason);
    m_ui->profileName->selectAll();
}

void ProfileDialog::loadIntoEditor(const Profile &profile, bool isNew)
{
    delete m_secretsContext; // drops a keychain read for the previous profile
    m_secretsContext = nullptr;
    m_loading = true;
    m_isNew = isNew;
    m_originalName = isNew ? QString() : profile.name;
    m_secretsProblem.clear();
    m_ui->profileCheckResult->clear();

    m_ui->profileName->setText(profile.name);
    if (!profile.customEndpoint.isEmpty() || profile.regionId.isEmpty()) {
        m_ui->profileRegion->setCurrentIndex(m_ui->profileRegion->count() - 1);
        m_ui->profileEndpoint->setText(profile.customEndpoint.toString());
    } else {
        int index = m_ui->profileRegion->findData(profile.regionId);
        if (index < 0) { // not one of the known regions: keep it as it is
            m_ui->profileRegion->insertItem(m_ui->profileRegion->count() - 1, profile.regionId,
                                            profile.regionId);
            index = m_ui->profileRegion->findData(profile.regionId);
        }
        m_ui->profileRegion->setCurrentIndex(index);
        m_ui->profileEndpoint->clear();
    }
    m_ui->profileProjectId->setText(profile.projectId);
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
    m_ui->profileAuthMode->setCurrentIndex(m_ui->profileAuthMode->findData(int(choice)));
    m_ui->profileAccessKey->setText(profile.accessKey);
    m_ui->profileUserName->setText(profile.userName);
    m_ui->profileAccountName->setText(profile.accountName);
    m_ui->profileIamEndpoint->setText(profile.customIamEndpoint.toString());
    m_ui->profileCaFile->setText(profile.caFile);
    m_ui->profileProxyMode->setCurrentIndex(
            m_ui->profileProxyMode->findData(int(profile.proxyMode)));
    m_ui->profileProxyType->setCurrentIndex(
            m_ui->profileProxyType->findData(int(profile.proxyType)));
    m_ui->profileProxyHost->setText(profile.proxyHost);
    m_ui->profileProxyPort->setValue(profile.proxyPort);
    m_ui->profileProxyUserName->setText(profile.proxyUserName);
    m_ui->profileDontRemember->setChecked(!profile.rememberSecrets);
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
                            if (!error.isEmpty() && m_keychainState != 0)
                                m_secretsProblem = error;
                            updateForm();
                        });
    updateForm();
}

void ProfileDialog::setSecretFields(const Credentials &credentials)
{
    m_ui->profileSecretKey->setText(credentials.secretKey);
    m_ui->profileSecurityToken->setText(credentials.securityToken);
    m_ui->profileToken->setText(credentials.token);
    m_ui->profilePassword->setText(credentials.password);
    m_ui->profileProxyPassword->setText(credentials.proxyPassword);
}

ProfileDialog::AuthChoice ProfileDialog::authChoice() const
{
    return AuthChoice(m_ui->profileAuthMode->currentData().toInt());
}

ProxyMode ProfileDialog::proxyMode() const
{
    return ProxyMode(m_ui->profileProxyMode->currentData().toInt());
}

QList<QLineEdit *> ProfileDialog::secretEdits() const
{
    return {m_ui->profileSecretKey, m_ui->profileSecurityToken, m_ui->profileToken,
            m_ui->profilePassword, m_ui->profileProxyPassword};
}

void ProfileDialog::chooseCaFile()
{
    const QString current = m_ui->profileCaFile->text().trimmed();
    auto *chooser = new QFileDialog(this, tr("Choose CA Certificate"),
                                    current.isEmpty() ? QString() : QFileInfo(current).path(),
                                    tr("Certificates (*.pem *.crt *.cer *.der);;All files (*)"));
    chooser->setObjectName(u"profileCaFileChooser"_s);
    chooser->setFileMode(QFileDialog::ExistingFile);
    chooser->setAttribute(Qt::WA_DeleteOnClose);
    connect(chooser, &QFileDialog::fileSelected, this,
            [this](const QString &file) { m_ui->profileCaFile->setText(file); });
    chooser->open();
}

Profile ProfileDialog::editedProfile() const
{
    Profile p;
    p.name = m_ui->profileName->text();
    const bool custom = m_ui->profileRegion->currentData().toString().isEmpty();
    if (custom)
        p.customEndpoint = urlFromField(m_ui->profileEndpoint->text());
    else
        p.regionId = m_ui->profileRegion->currentData().toString();
    p.projectId = m_ui->profileProjectId->text().trimmed();
    const AuthChoice choice = authChoice();
    switch (choice) {
    case AuthChoice::AkSk:
    case AuthChoice::AkSkToken:
        p.authMode = AuthMode::AkSk;
        p.useSecurityToken = choice == AuthChoice::AkSkToken;
        p.accessKey = m_ui->profileAccessKey->text().trimmed();
        break;
    case AuthChoice::Token:
        p.authMode = AuthMode::Token;
        break;
    case AuthChoice::Password:
        p.authMode = AuthMode::Password;
        p.userName = m_ui->profileUserName->text().trimmed();
        p.accountName = m_ui->profileAccountName->text().trimmed();
        if (custom)
            p.customIamEndpoint = urlFromField(m_ui->profileIamEndpoint->text());
        break;
    }
    p.caFile = m_ui->profileCaFile->text().trimmed();
    p.proxyMode = proxyMode();
    if (p.proxyMode == ProxyMode::Manual) {
        p.proxyType = ProxyType(m_ui->profileProxyType->currentData().toInt());
        p.proxyHost = m_ui->profileProxyHost->text().trimmed();
        p.proxyPort = m_ui->profileProxyPort->value();
        p.proxyUserName = m_ui->profileProxyUserName->text().trimmed();
    }
    // Without a keychain the box is forced on for show; the profile keeps its own choice.
    p.rememberSecrets = m_keychainState == 0 ? m_loadedProfile.rememberSecrets
                                             : !m_ui->profileDontRemember->isChecked();
    return p;
}

Credentials ProfileDialog::editedCredentials() const
{
    const Profile p = editedProfile();
    Credentials c;
    c.mode = p.authMode;
    switch (authChoice()) {
    case AuthChoice::AkSkToken:
        c.securityToken = m_ui->profileSecurityToken->text().trimmed();
        Q_FALLTHROUGH();
    case AuthChoice::AkSk:
        c.accessKey = p.accessKey;
        c.secretKey = m_ui->profileSecretKey->text().trimmed();
        break;
    case AuthChoice::Token:
        c.token = m_ui->profileToken->text().trimmed();
        break;
    case AuthChoice::Password:
        c.userName = p.userName;
        c.password = m_ui->profilePassword->text();
        c.accountName = p.accountName;
        break;
    }
    if (!p.proxyUserName.isEmpty())
        c.proxyPassword = m_ui->profileProxyPassword->text();
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
    const bool custom = m_ui->profileRegion->currentData().toString().isEmpty();
    const bool akSk = choice == AuthChoice::AkSk || choice == AuthChoice::AkSkToken;
    m_ui->form->setRowVisible(m_ui->profileEndpoint, custom);
    m_ui->form->setRowVisible(m_ui->profileAccessKey, akSk);
    m_ui->form->setRowVisible(m_ui->profileSecretKey->parentWidget(), akSk);
    m_ui->form->setRowVisible(m_ui->profileSecurityToken->parentWidget(),
                              choice == AuthChoice::AkSkToken);
    m_ui->form->setRowVisible(m_ui->profileToken->parentWidget(), choice == AuthChoice::Token);
    m_ui->form->setRowVisible(m_ui->profileUserName, choice == AuthChoice::Password);
    m_ui->form->setRowVisible(m_ui->profilePassword->parentWidget(),
                              choice == AuthChoice::Password);
    m_ui->form->setRowVisible(m_ui->profileAccountName, choice == AuthChoice::Password);
    m_ui->form->setRowVisible(m_ui->profileIamEndpoint, choice == AuthChoice::Password && custom);
    const bool manualProxy = proxyMode() == ProxyMode::Manual;
    m_ui->form->setRowVisible(m_ui->proxyServerRow, manualProxy);
    m_ui->form->setRowVisible(m_ui->profileProxyUserName, manualProxy);
    m_ui->form->setRowVisible(m_ui->profileProxyPassword->parentWidget(),
                              manualProxy
                                      && !m_ui->profileProxyUserName->text().trimmed().isEmpty());

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
        m_ui->profileProblem->setText(problem);
        m_ui->profileProblem->setProperty("severity", u"error"_s);
        m_ui->profileProblem->setStyleSheet(u"color: %1;"_s.arg(statusColor(this, false).name()));
    } else if (!m_secretsProblem.isEmpty()) {
        m_ui->profileProblem->setText(m_secretsProblem);
        m_ui->profileProblem->setProperty("severity", u"error"_s);
        m_ui->profileProblem->setStyleSheet(u"color: %1;"_s.arg(statusColor(this, false).name()));
    } else if (const QString missing = editedCredentials().missing();
               !missing.isEmpty() && !m_loadingSecrets) {
        m_ui->profileProblem->setText(tr("%1 If you leave it empty, you are asked for it when "
                                         "connecting.")
                                              .arg(missing));
        m_ui->profileProblem->setProperty("severity", u"note"_s);
        m_ui->profileProblem->setStyleSheet(QString());
    } else {
        m_ui->profileProblem->clear();
        m_ui->profileProblem->setProperty("severity", QString());
    }
    m_ui->profileProblem->setVisible(!m_ui->profileProblem->text().isEmpty());

    const bool dirty = hasUnsavedChanges();
    const bool haveSaved = !m_isNew && !m_originalName.isEmpty();
    const bool idle = !m_saving;
    m_saveButton->setEnabled(idle && dirty && problem.isEmpty() && !m_loadingSecrets);
    m_revertButton->setEnabled(idle && dirty && (haveSaved || m_ui->profileList->count() > 0));
    m_ui->profileList->setEnabled(idle && !dirty);
    m_ui->profileNewButton->setEnabled(idle && !dirty);
    m_ui->profileDuplicateButton->setEnabled(idle && !dirty && haveSaved);
    m_ui->profileRemoveButton->setEnabled(idle && !dirty && haveSaved);
    m_ui->profileActiveButton->setEnabled(idle && !dirty && haveSaved
                                          && m_settings->activeProfileName() != m_originalName);
    m_ui->profileCheckButton->setEnabled(problem.isEmpty() && !m_checking && !m_loadingSecrets);
    m_ui->profileCheckButton->setText(m_checking ? tr("C&hecking…") : tr("C&heck Connection"));
    updateStorageLabel();
}

void ProfileDialog::updateStorageLabel()
{
    QCheckBox *dontRemember = m_ui->profileDontRemember;
    if (m_keychainState == 0) { // nothing can be remembered: say so once, and show it
        const QSignalBlocker blocker(dontRemember);
        dontRemember->setChecked(true);
    }
    dontRemember->setEnabled(m_keychainState != 0 && !m_saving);
    QString text;
    QString detail;
    if (m_keychainState == 0) {
        text = tr("No system keychain is available, so secrets are not stored: you are asked "
                  "for them when they are needed.");
        detail = m_keychainError;
    } else if (dontRemember->isChecked()) {
        text = tr("Secrets are not stored: you are asked for them when they are needed.");
    } else if (m_keychainState < 0) {
        text = tr("Checking the system keychain…");
    } else if (m_saving) {
        text = tr("Saving secrets in the system keychain…");
    } else {
        text = tr("Secrets are stored in the system keychain, not in the settings file.");
    }
    m_ui->profileSecretStorage->setText(text);
    m_ui->profileSecretStorage->setToolTip(detail);
    m_ui->profileSecretStorage->setProperty("secretsStored",
                                            !dontRemember->isChecked() && m_keychainState == 1);
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
        m_ui->profileProblem->setText(error);
        m_ui->profileProblem->setVisible(true);
        return;
    }
    if (!m_settings->saveProfile(profile, &error)) {
        m_ui->profileProblem->setText(error);
        m_ui->profileProblem->setVisible(true);
        return;
    }
    bool activeChanged = false;
    if (m_settings->activeProfileName().isEmpty())
        activeChanged = m_settings->setActiveProfileName(profile.name);
    if (!m_settings->sync(&error)) {
        m_ui->profileProblem->setText(error);
        m_ui->profileProblem->setVisible(true);
    }

    m_isNew = false;
    m_originalName = profile.name;
    m_loadedProfile = profile;
    m_saving = true;
    m_secretsProblem.clear();
    reloadList(profile.name);
    if (activeChanged || renamed)
        emit activeProfileChanged(m_settings->activeProfileName());

    const QString newName = profile.name;
    if (m_keychainState == 0) { // nothing to store or remove: the secrets live this session
        finishSave(newName, credentials, {});
        return;
    }
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
    if (error.isEmpty()) {
        m_loadedSecrets = credentials;
        m_secretsProblem.clear();
        updateForm();
        emit profileSaved(profileName, credentials);
        return;
    }
    // The input stays as typed and unsaved, so Save tries again.
    m_secretsProblem = tr("%1 Nothing you typed is lost: Save tries again, or tick “Don't "
                          "remember secrets” to use them until you quit.")
                               .arg(error);
    updateForm();
    emit secretsNotSaved(profileName, credentials);
}

void ProfileDialog::revert()
{
    if (m_saving)
        return;
    if (!m_originalName.isEmpty() && selectProfile(m_originalName))
        return;
    reloadList(m_settings->activeProfileName());
    if (m_ui->profileList->count() == 0)
        startNewProfile();
    else
        selectProfile(m_ui->profileList->currentItem()->data(NameRole).toString());
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
                                 m_secretsProblem = ok ? QString()
                                                       : tr("The secrets of “%1” could not be "
                                                            "deleted from the keychain: %2")
                                                                 .arg(profileName, error);
                                 if (m_ui->profileList->count() == 0)
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
    m_ui->profileCheckResult->setText(tr("Checking the connection…"));
    m_ui->profileCheckResult->setProperty("checkOk", QVariant());
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
            ? tr("Discard the new profile “%1”?").arg(m_ui->profileName->text())
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
