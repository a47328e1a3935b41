#include "vigie/widgets/BookmarkDialog.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextCursor>
#include <QVBoxLayout>

namespace vigie::widgets {

BookmarkDialog::BookmarkDialog(Mode mode, QWidget* parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("bookmarkDialog"));
    setWindowTitle(mode == Mode::Create ? tr("New bookmark") : tr("Edit bookmark"));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    m_camera = new QLabel(this);
    m_camera->setObjectName(QStringLiteral("bookmarkCamera"));
    m_camera->setTextFormat(Qt::PlainText);
    m_range = new QLabel(this);
    m_range->setObjectName(QStringLiteral("bookmarkRange"));
    m_title = new QLineEdit(this);
    m_title->setObjectName(QStringLiteral("bookmarkTitle"));
    m_title->setMaxLength(kMaxTitle);
    m_title->setPlaceholderText(tr("What happens, in a few words (required)"));
    m_title->setAccessibleName(tr("Bookmark title"));
    m_note = new QPlainTextEdit(this);
    m_note->setObjectName(QStringLiteral("bookmarkNote"));
    m_note->setTabChangesFocus(true);
    m_note->setPlaceholderText(tr("Details: what is seen, in what order (optional)"));
    m_note->setAccessibleName(tr("Bookmark note"));
    m_noteCount = new QLabel(this);
    m_noteCount->setObjectName(QStringLiteral("bookmarkNoteCount"));
    form->addRow(tr("Camera:"), m_camera);
    form->addRow(tr("Range:"), m_range);
    form->addRow(tr("&Title:"), m_title);
    form->addRow(tr("&Note:"), m_note);
    form->addRow(QString(), m_noteCount);
    layout->addLayout(form);

    auto* reminder = new QLabel(tr("Describe events, never identify people: no names, no descriptions that single "
                                   "someone out (CNIL). Every investigator of this camera reads bookmarks."),
                                this);
    reminder->setObjectName(QStringLiteral("bookmarkReminder"));
    reminder->setWordWrap(true);
    QFont small = reminder->font();
    small.setItalic(true);
    reminder->setFont(small);
    layout->addWidget(reminder);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(mode == Mode::Create ? tr("Create") : tr("Save"));
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_title, &QLineEdit::textChanged, this, &BookmarkDialog::updateAcceptable);
    connect(m_note, &QPlainTextEdit::textChanged, this, &BookmarkDialog::limitNote);

    resize(480, sizeHint().height());
    updateRange();
    limitNote();
    updateAcceptable();
    m_title->setFocus();
}

BookmarkDialog::~BookmarkDialog() = default;

void BookmarkDialog::setTimeZone(const QTimeZone& zone, const QLocale& locale)
{
    m_zone = zone;
    m_locale = locale;
    updateRange();
}

void BookmarkDialog::setCamera(const QString& cameraName)
{
    m_camera->setText(cameraName);
}

void BookmarkDialog::setRange(qint64 startUtcMs, qint64 endUtcMs)
{
    m_start = startUtcMs;
    m_end = endUtcMs;
    updateRange();
}

void BookmarkDialog::setTitle(const QString& title)
{
    m_title->setText(title);
}

void BookmarkDialog::setNote(const QString& note)
{
    m_note->setPlainText(note);
}

QString BookmarkDialog::title() const
{
    return m_title->text().trimmed();
}

QString BookmarkDialog::note() const
{
    return m_note->toPlainText().trimmed();
}

void BookmarkDialog::updateRange()
{
    const auto local = [this](qint64 t) { return QDateTime::fromMSecsSinceEpoch(t, m_zone); };
    const QDateTime from = local(m_start);
    const QDateTime to = local(m_end);
    const QString time = QStringLiteral("HH:mm:ss");
    const QString fromText = m_locale.toString(from.date(), QLocale::ShortFormat) + QLatin1Char(' ') + m_locale.toString(from.time(), time);
    // The end's date only when it is another day: a bookmark is usually minutes long.
    const QString toText = from.date() == to.date()
                               ? m_locale.toString(to.time(), time)
                               : m_locale.toString(to.date(), QLocale::ShortFormat) + QLatin1Char(' ') + m_locale.toString(to.time(), time);
    const qint64 seconds = std::max<qint64>(0, (m_end - m_start + 500) / 1000);
    const QString length = seconds < 60 ? tr("%n s", nullptr, int(seconds))
                                        : tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
    m_range->setText(m_start == m_end ? fromText : tr("%1 to %2 (%3)").arg(fromText, toText, length));
}

void BookmarkDialog::updateAcceptable()
{
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!title().isEmpty());
}

void BookmarkDialog::limitNote()
{
    // QPlainTextEdit has no maximum length: cut what a paste brings beyond it, keeping the cursor at the end.
    const QString text = m_note->toPlainText();
    if (text.size() > kMaxNote) {
        const QSignalBlocker block(m_note);
        m_note->setPlainText(text.left(kMaxNote));
        m_note->moveCursor(QTextCursor::End);
    }
    m_noteCount->setText(tr("%1 / %2 characters").arg(std::min<qsizetype>(text.size(), kMaxNote)).arg(kMaxNote));
}

}  // namespace vigie::widgets
