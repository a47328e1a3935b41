#pragma once
// Creates or edits a bookmark: a title (required, at most kMaxTitle characters), a note (at most
// kMaxNote), the camera and the range shown read-only. OK stays disabled until a title is typed (spaces
// alone are no title). A reminder says that notes describe events and never identify people (CNIL):
// bookmarks are read by every investigator of the camera.
//
// It knows no backend: the caller reads title() and note() once accepted.
//
// Thread affinity: GUI thread.

#include <QDialog>
#include <QLocale>
#include <QTimeZone>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace vigie::widgets {

class BookmarkDialog : public QDialog {
    Q_OBJECT
public:
    // The backend's limits (bookmarks.proto: INVALID_ARGUMENT above them).
    static constexpr int kMaxTitle = 200;
    static constexpr int kMaxNote = 4000;

    enum class Mode { Create, Edit };
    explicit BookmarkDialog(Mode mode = Mode::Create, QWidget* parent = nullptr);
    ~BookmarkDialog() override;

    // Range labels in this zone and locale (default: the system's).
    void setTimeZone(const QTimeZone& zone, const QLocale& locale = QLocale());
    void setCamera(const QString& cameraName);
    void setRange(qint64 startUtcMs, qint64 endUtcMs);
    void setTitle(const QString& title);
    void setNote(const QString& note);

    // Trimmed.
    QString title() const;
    QString note() const;
    qint64 rangeStart() const { return m_start; }
    qint64 rangeEnd() const { return m_end; }

    QLineEdit* titleEdit() const { return m_title; }
    QPlainTextEdit* noteEdit() const { return m_note; }
    QDialogButtonBox* buttons() const { return m_buttons; }

private:
    void updateRange();
    void updateAcceptable();
    void limitNote();

    QLabel* m_camera = nullptr;
    QLabel* m_range = nullptr;
    QLineEdit* m_title = nullptr;
    QPlainTextEdit* m_note = nullptr;
    QLabel* m_noteCount = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QTimeZone m_zone = QTimeZone::systemTimeZone();
    QLocale m_locale;
    qint64 m_start = 0;
    qint64 m_end = 0;
};

}  // namespace vigie::widgets
