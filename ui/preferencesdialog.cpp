#include "preferencesdialog.h"

#include "api/quota.h"
#include "settings/settings.h"
#include "ui_preferencesdialog.h"
#include "uploadspage.h"

#include <QCheckBox>
#include <QPushButton>
#include <QSpinBox>

#include <utility>

namespace VodConfirm {

namespace {
using Key = Settings::Key;

// Each spin box and the setting it edits.
std::pair<QSpinBox *, Key> fields(const Ui::PreferencesDialog &ui, int i)
{
    const std::pair<QSpinBox *, Key> all[] {{ui.preferencesRate, Key::RatePerMinute},
                                            {ui.preferencesConcurrency, Key::Concurrency},
                                            {ui.preferencesAttempts, Key::MaxAttempts},
                                            {ui.preferencesTimeout, Key::TimeoutSeconds},
                                            {ui.preferencesListingRate, Key::ListingRatePerMinute}};
    return all[i];
}
constexpr int FieldCount = 5;
} // namespace

PreferencesDialog::PreferencesDialog(Settings *settings, QWidget *parent)
    : QDialog(parent), m_settings(settings), m_ui(std::make_unique<Ui::PreferencesDialog>())
{
    m_ui->setupUi(this);
    for (int i = 0; i < FieldCount; ++i) {
        const auto [spin, key] = fields(*m_ui, i);
        const auto [min, max] = *Settings::range(key);
        spin->setRange(min, max);
        spin->setGroupSeparatorShown(true);
        spin->setValue(m_settings->value(key).toInt());
    }
    m_ui->preferencesCheckFirst->setChecked(m_settings->checkFirst());
    m_ui->preferencesFollow->setChecked(m_settings->follow());
    // Uploads: the part size in whole MB, parts in flight, the bandwidth limit in KB/s.
    const auto [minPart, maxPart] = *Settings::range(Key::UploadPartSize); // KB
    m_ui->preferencesPartSize->setRange(std::max(1, minPart / 1024), maxPart / 1024);
    m_ui->preferencesPartSize->setValue(int(m_settings->uploadPartSize() / (1024 * 1024)));
    const auto [minParts, maxParts] = *Settings::range(Key::UploadPartsInFlight);
    m_ui->preferencesPartsInFlight->setRange(minParts, maxParts);
    m_ui->preferencesPartsInFlight->setValue(m_settings->uploadPartsInFlight());
    UploadsPage::setUpBandwidthBox(m_ui->preferencesBandwidth);
    m_ui->preferencesBandwidth->setValue(int(m_settings->uploadBandwidthLimit() / 1024));
    for (QSpinBox *rate : {m_ui->preferencesRate, m_ui->preferencesListingRate})
        connect(rate, &QSpinBox::valueChanged, this, &PreferencesDialog::updateWarning);
    connect(m_ui->preferencesButtons, &QDialogButtonBox::accepted, this,
            &PreferencesDialog::accept);
    connect(m_ui->preferencesButtons, &QDialogButtonBox::rejected, this,
            &PreferencesDialog::reject);
    connect(m_ui->preferencesButtons->button(QDialogButtonBox::RestoreDefaults),
            &QPushButton::clicked, this, &PreferencesDialog::restoreDefaults);
    updateWarning();
}

PreferencesDialog::~PreferencesDialog() = default;

void PreferencesDialog::restoreDefaults()
{
    for (int i = 0; i < FieldCount; ++i) {
        const auto [spin, key] = fields(*m_ui, i);
        spin->setValue(Settings::defaultValue(key).toInt());
    }
    m_ui->preferencesCheckFirst->setChecked(Settings::defaultValue(Key::CheckFirst).toInt() != 0);
    m_ui->preferencesFollow->setChecked(Settings::defaultValue(Key::Follow).toInt() != 0);
    m_ui->preferencesPartSize->setValue(Settings::defaultValue(Key::UploadPartSize).toInt() / 1024);
    m_ui->preferencesPartsInFlight->setValue(
            Settings::defaultValue(Key::UploadPartsInFlight).toInt());
    m_ui->preferencesBandwidth->setValue(Settings::defaultValue(Key::UploadBandwidthLimit).toInt());
}

void PreferencesDialog::updateWarning()
{
    for (const auto &[rate, label] :
         {std::pair {m_ui->preferencesRate, m_ui->preferencesRateWarning},
          std::pair {m_ui->preferencesListingRate, m_ui->preferencesListingRateWarning}}) {
        const QString warning = Quota::rateWarning(rate->value());
        label->setText(warning);
        label->setVisible(!warning.isEmpty());
    }
    if (isVisible()) { // grow (or shrink) to the wrapped warning
        layout()->activate();
        resize(width(),
               heightForWidth(width()) > 0 ? heightForWidth(width()) : sizeHint().height());
    }
}

void PreferencesDialog::accept()
{
    for (int i = 0; i < FieldCount; ++i) {
        const auto [spin, key] = fields(*m_ui, i);
        m_settings->setValue(key, spin->value());
    }
    m_settings->setCheckFirst(m_ui->preferencesCheckFirst->isChecked());
    m_settings->setFollow(m_ui->preferencesFollow->isChecked());
    // A size in KB (100 KB ... set elsewhere) stays as it is unless the MB shown were changed.
    if (m_ui->preferencesPartSize->value() != int(m_settings->uploadPartSize() / (1024 * 1024)))
        m_settings->setUploadPartSize(qint64(m_ui->preferencesPartSize->value()) * 1024 * 1024);
    m_settings->setUploadPartsInFlight(m_ui->preferencesPartsInFlight->value());
    m_settings->setUploadBandwidthLimit(qint64(m_ui->preferencesBandwidth->value()) * 1024);
    m_settings->sync();
    QDialog::accept();
}

} // namespace VodConfirm
