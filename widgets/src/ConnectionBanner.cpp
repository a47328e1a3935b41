#include "vigie/widgets/ConnectionBanner.h"

#include <QHBoxLayout>
#include <QLabel>

namespace vigie::widgets {

ConnectionBanner::ConnectionBanner(QWidget* parent) : QWidget(parent), m_label(new QLabel(this))
{
    setObjectName(QStringLiteral("connectionBanner"));
    setAttribute(Qt::WA_StyledBackground);  // lets the style sheet paint the background of a plain QWidget
    m_label->setWordWrap(true);
    m_label->setTextFormat(Qt::PlainText);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 4, 10, 4);
    layout->addWidget(m_label, 1);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    hide();
}

void ConnectionBanner::showMessage(const QString& text, Severity severity)
{
    m_severity = severity;
    m_label->setText(text);
    // Amber for degraded, red for failures, blue for information; dark text on light amber for contrast.
    QString background, foreground;
    switch (severity) {
    case Severity::Info:
        background = QStringLiteral("#2f6fb0");
        foreground = QStringLiteral("#ffffff");
        break;
    case Severity::Warning:
        background = QStringLiteral("#f0b030");
        foreground = QStringLiteral("#1a1a1a");
        break;
    case Severity::Error:
        background = QStringLiteral("#c0392b");
        foreground = QStringLiteral("#ffffff");
        break;
    }
    setStyleSheet(QStringLiteral("#connectionBanner { background: %1; } #connectionBanner QLabel { color: %2; }")
                      .arg(background, foreground));
    show();
}

void ConnectionBanner::clear()
{
    m_label->clear();
    hide();
}

QString ConnectionBanner::text() const
{
    return m_label->text();
}

}  // namespace vigie::widgets
