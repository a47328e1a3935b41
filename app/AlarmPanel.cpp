#include "AlarmPanel.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QPainter>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTimer>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

#include "AlarmFilterProxy.h"
#include "AlarmListModel.h"
#include "vigie/rpc/AlarmLink.h"
#include "vigie/rpc/BackendClient.h"

namespace vigie::app {

using vigie::rpc::Alarm;
using vigie::rpc::AlarmPriority;
using vigie::rpc::AlarmState;
using vigie::rpc::AlarmType;
using vigie::rpc::AlarmVerdict;

namespace {

// The details pane: rich text whose images are the alarms' stills, looked up by alarm id
// ("vigie-still:<alarm id>"), so that no picture is copied into the document.
class AlarmDetailsView : public QTextBrowser {
public:
    using StillLookup = std::function<QImage(const QString&)>;
    AlarmDetailsView(StillLookup lookup, QWidget* parent) : QTextBrowser(parent), m_lookup(std::move(lookup)) {}

    static QString urlOf(const QString& alarmId) { return QStringLiteral("vigie-still:") + alarmId; }

protected:
    QVariant loadResource(int type, const QUrl& name) override
    {
        if (type == QTextDocument::ImageResource && name.scheme() == QLatin1String("vigie-still"))
            return m_lookup(name.path());
        return QTextBrowser::loadResource(type, name);
    }

private:
    StillLookup m_lookup;
};

QString verdictName(AlarmVerdict verdict)
{
    switch (verdict) {
    case AlarmVerdict::Confirmed: return AlarmPanel::tr("confirmed");
    case AlarmVerdict::FalseAlarm: return AlarmPanel::tr("false alarm");
    case AlarmVerdict::Test: return AlarmPanel::tr("test");
    case AlarmVerdict::None: break;
    }
    return AlarmPanel::tr("not judged");
}

QString historyLine(const vigie::rpc::AlarmHistoryEntry& entry)
{
    using Kind = vigie::rpc::AlarmHistoryEntry::Kind;
    const QString who = entry.user.isEmpty() ? AlarmPanel::tr("the backend") : entry.user;
    QString what;
    switch (entry.kind) {
    case Kind::Raised: what = AlarmPanel::tr("raised"); break;
    case Kind::Updated: what = AlarmPanel::tr("updated by the detector"); break;
    case Kind::Acknowledged: what = AlarmPanel::tr("acknowledged"); break;
    case Kind::StateChanged:
        what = AlarmPanel::tr("%1 → %2").arg(AlarmListModel::stateName(entry.fromState), AlarmListModel::stateName(entry.toState));
        break;
    case Kind::Commented: what = AlarmPanel::tr("comment"); break;
    case Kind::Assigned:
        what = entry.assignee.isEmpty() ? AlarmPanel::tr("unassigned") : AlarmPanel::tr("assigned to %1").arg(entry.assignee);
        break;
    case Kind::Verdict: what = AlarmPanel::tr("verdict: %1").arg(verdictName(entry.verdict)); break;
    case Kind::Unknown: what = AlarmPanel::tr("change"); break;
    }
    QString line = QStringLiteral("%1 — %2 — %3")
                       .arg(QLocale().toString(entry.time.toLocalTime().time(), QStringLiteral("HH:mm:ss")), who.toHtmlEscaped(),
                            what.toHtmlEscaped());
    if (!entry.comment.isEmpty())
        line += QStringLiteral(": <i>%1</i>").arg(entry.comment.toHtmlEscaped());
    return line;
}

}  // namespace

AlarmPanel::AlarmPanel(vigie::rpc::AlarmLink* alarms, vigie::rpc::BackendClient* backend, QWidget* parent)
    : QWidget(parent), m_alarms(alarms), m_backend(backend)
{
    m_model = new AlarmListModel(this);
    m_model->setCameraLookup([backend](const QString& cameraId) {
        AlarmListModel::CameraLabel label{cameraId, {}, {}};
        if (const auto* camera = backend->camera(cameraId)) {
            label.name = camera->name;
            label.siteId = camera->siteId;
            for (const auto& site : backend->sites())
                if (site.id == camera->siteId)
                    label.siteName = site.name;
        }
        return label;
    });
    m_filter = new AlarmFilterProxy(this);
    m_filter->setSourceModel(m_model);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto* bar = new QHBoxLayout;
    buildFilters(bar);
    layout->addLayout(bar);

    auto* split = new QSplitter(Qt::Horizontal, this);
    m_table = new QTableView(split);
    m_table->setObjectName(QStringLiteral("alarmTable"));
    m_table->setModel(m_filter);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);
    m_details = new AlarmDetailsView([this](const QString& alarmId) { return markedStill(alarmId); }, split);
    m_details->setObjectName(QStringLiteral("alarmDetails"));
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);

    auto* actions = new QHBoxLayout;
    m_acknowledge = new QPushButton(tr("Acknowledge"), this);
    m_acknowledge->setToolTip(tr("Say you have seen it: silences it on every workstation (Space)"));
    m_take = new QPushButton(tr("Take"), this);
    m_take->setToolTip(tr("Handle it yourself: in progress, assigned to you (T)"));
    m_hold = new QPushButton(tr("Hold"), this);
    m_hold->setToolTip(tr("Waiting for something (a patrol, a call back) (H)"));
    m_close = new QPushButton(tr("Close…"), this);
    m_close->setToolTip(tr("Handled: close it with a verdict (C)"));
    auto* verdicts = new QMenu(m_close);
    verdicts->addAction(tr("Confirmed"), this, [this] { closeSelected(int(AlarmVerdict::Confirmed)); });
    verdicts->addAction(tr("False alarm"), this, [this] { closeSelected(int(AlarmVerdict::FalseAlarm)); });
    verdicts->addAction(tr("Test"), this, [this] { closeSelected(int(AlarmVerdict::Test)); });
    m_close->setMenu(verdicts);
    m_assign = new QPushButton(tr("Assign…"), this);
    m_assign->setObjectName(QStringLiteral("alarmAssign"));
    m_assign->setToolTip(tr("Give it to an operator who may handle this camera's alarms (A)"));
    auto* assignees = new QMenu(m_assign);
    // Asked of the backend each time the menu opens: who is on duty changes during a shift.
    connect(assignees, &QMenu::aboutToShow, this, [this, assignees] { fillAssignees(assignees); });
    m_assign->setMenu(assignees);
    m_show = new QPushButton(tr("Show live"), this);
    m_show->setToolTip(tr("The alarm's camera, live and large (Enter, double click)"));
    m_review = new QPushButton(tr("Review"), this);
    m_review->setObjectName(QStringLiteral("alarmReview"));
    m_review->setToolTip(tr("What the camera recorded, from a little before the alarm (R)"));
    m_review->hide();
    for (auto* button : {m_acknowledge, m_take, m_hold, m_close, m_assign, m_show, m_review})
        actions->addWidget(button);
    m_comment = new QLineEdit(this);
    m_comment->setObjectName(QStringLiteral("alarmComment"));
    m_comment->setPlaceholderText(tr("Comment (describe events, never identify people) — Enter adds it"));
    actions->addWidget(m_comment, 1);
    layout->addLayout(actions);
    m_feedback = new QLabel(this);
    m_feedback->setObjectName(QStringLiteral("alarmFeedback"));
    m_feedback->setWordWrap(true);
    layout->addWidget(m_feedback);

    connect(m_acknowledge, &QPushButton::clicked, this, &AlarmPanel::acknowledgeSelected);
    connect(m_take, &QPushButton::clicked, this, &AlarmPanel::takeSelected);
    connect(m_hold, &QPushButton::clicked, this, &AlarmPanel::holdSelected);
    connect(m_show, &QPushButton::clicked, this, &AlarmPanel::showSelectedCamera);
    connect(m_review, &QPushButton::clicked, this, &AlarmPanel::reviewSelected);
    connect(m_comment, &QLineEdit::returnPressed, this, [this] { commentSelected(m_comment->text()); });
    connect(m_table, &QTableView::activated, this, [this] { showSelectedCamera(); });

    // Keys while the alarm panel (or a child) has the focus: they must not fight the wall's keys.
    auto addKey = [this](const QString& text, const QKeySequence& key, auto slot) {
        auto* action = new QAction(text, this);
        action->setShortcut(key);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, slot);
        m_table->addAction(action);
    };
    addKey(tr("Alarm list: acknowledge"), QKeySequence(Qt::Key_Space), [this] { acknowledgeSelected(); });
    addKey(tr("Alarm list: take"), QKeySequence(Qt::Key_T), [this] { takeSelected(); });
    addKey(tr("Alarm list: hold"), QKeySequence(Qt::Key_H), [this] { holdSelected(); });
    addKey(tr("Alarm list: close with a verdict"), QKeySequence(Qt::Key_C), [this] { m_close->showMenu(); });
    addKey(tr("Alarm list: assign"), QKeySequence(Qt::Key_A), [this] { m_assign->showMenu(); });
    addKey(tr("Alarm list: review the recording"), QKeySequence(Qt::Key_R), [this] { reviewSelected(); });

    connect(m_alarms, &vigie::rpc::AlarmLink::alarmsReset, this, [this] {
        const QString keep = selectedAlarmId();
        m_model->reset(m_alarms->book());
        selectAlarm(keep);
        updateDetails();
    });
    // Changes are gathered and applied at most every kApplyIntervalMs: in a storm the view takes one
    // batch at a time, and a very large batch is one reset rather than thousands of row insertions.
    m_applyTimer = new QTimer(this);
    m_applyTimer->setSingleShot(true);
    connect(m_applyTimer, &QTimer::timeout, this, &AlarmPanel::applyPending);
    connect(m_alarms, &vigie::rpc::AlarmLink::alarmsChanged, this, [this](const QStringList& ids) {
        for (const QString& id : ids)
            m_pending.insert(id);
        if (!m_applyTimer->isActive())
            m_applyTimer->start(m_sinceApply.isValid() && m_sinceApply.elapsed() < kApplyIntervalMs
                                    ? int(kApplyIntervalMs - m_sinceApply.elapsed())
                                    : 0);
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &AlarmPanel::updateDetails);
    m_model->reset(m_alarms->book());
    updateDetails();
}

AlarmPanel::~AlarmPanel() = default;

void AlarmPanel::buildFilters(QHBoxLayout* bar)
{
    auto* state = new QComboBox(this);
    state->setObjectName(QStringLiteral("alarmStateFilter"));
    state->addItem(tr("Every state"));
    for (auto value : {AlarmState::New, AlarmState::InProgress, AlarmState::OnHold})
        state->addItem(AlarmListModel::stateName(value), int(value));
    connect(state, &QComboBox::currentIndexChanged, this, [this, state] {
        const QVariant value = state->currentData();
        m_filter->setState(value.isValid() ? std::optional<int>(value.toInt()) : std::nullopt);
    });
    auto* priority = new QComboBox(this);
    priority->setObjectName(QStringLiteral("alarmPriorityFilter"));
    priority->addItem(tr("Every priority"));
    for (auto value : {AlarmPriority::High, AlarmPriority::Medium, AlarmPriority::Low})
        priority->addItem(AlarmListModel::priorityName(value), int(value));
    connect(priority, &QComboBox::currentIndexChanged, this, [this, priority] {
        const QVariant value = priority->currentData();
        m_filter->setPriority(value.isValid() ? std::optional<int>(value.toInt()) : std::nullopt);
    });
    auto* type = new QComboBox(this);
    type->setObjectName(QStringLiteral("alarmTypeFilter"));
    type->addItem(tr("Every type"));
    for (auto value : {AlarmType::Intrusion, AlarmType::LineCrossed, AlarmType::Loitering, AlarmType::ObjectLeft,
                       AlarmType::ObjectRemoved, AlarmType::WrongWay, AlarmType::CrowdDensity, AlarmType::VideoLoss,
                       AlarmType::Tampering})
        type->addItem(AlarmListModel::typeName(value), int(value));
    connect(type, &QComboBox::currentIndexChanged, this, [this, type] {
        const QVariant value = type->currentData();
        m_filter->setType(value.isValid() ? std::optional<int>(value.toInt()) : std::nullopt);
    });
    auto* text = new QLineEdit(this);
    text->setObjectName(QStringLiteral("alarmTextFilter"));
    text->setPlaceholderText(tr("Camera, site, rule…"));
    text->setClearButtonEnabled(true);
    connect(text, &QLineEdit::textChanged, m_filter, &AlarmFilterProxy::setText);
    bar->addWidget(state);
    bar->addWidget(priority);
    bar->addWidget(type);
    bar->addWidget(text, 1);
    auto* sound = new QToolButton(this);
    sound->setObjectName(QStringLiteral("alarmSoundButton"));
    sound->setText(tr("Sound"));
    sound->setToolTip(tr("A sound for each new alarm"));
    sound->setCheckable(true);
    sound->setChecked(QSettings().value(QStringLiteral("alarms/sound"), true).toBool());
    connect(sound, &QToolButton::toggled, this, [](bool on) { QSettings().setValue(QStringLiteral("alarms/sound"), on); });
    bar->addWidget(sound);
}

void AlarmPanel::applyPending()
{
    m_sinceApply.start();
    const QStringList ids(m_pending.begin(), m_pending.end());
    m_pending.clear();
    const QString selected = selectedAlarmId();
    if (ids.size() > kResetAbove) {
        m_model->reset(m_alarms->book());
        selectAlarm(selected);
    } else {
        m_model->apply(m_alarms->book(), ids);
        // A row that moved (its priority changed) was removed and inserted again: keep the operator on it.
        if (!selected.isEmpty() && selectedAlarmId() != selected)
            selectAlarm(selected);
    }
    if (ids.contains(selected))
        updateDetails();
}

qint64 AlarmPanel::shownVersion() const
{
    // The version on screen, which may lag the book by one apply: acting on it means "on what I saw".
    const auto* shown = m_model->alarmAt(m_model->rowOf(selectedAlarmId()));
    return shown ? shown->version : 0;
}

QString AlarmPanel::selectedAlarmId() const
{
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? current.data(AlarmListModel::AlarmIdRole).toString() : QString();
}

void AlarmPanel::selectAlarm(const QString& alarmId)
{
    const int row = m_model->rowOf(alarmId);
    if (row < 0)
        return;
    const QModelIndex index = m_filter->mapFromSource(m_model->index(row, 0));
    if (index.isValid()) {
        m_table->setCurrentIndex(index);
        m_table->scrollTo(index);
    }
}

QString AlarmPanel::feedback() const
{
    return m_feedback->text();
}

void AlarmPanel::report(const QString& action, const std::optional<vigie::rpc::RpcError>& error)
{
    if (!error) {
        m_feedback->setText(action);
        m_feedback->setStyleSheet(QString());
        return;
    }
    m_feedback->setText(error->text);
    // A conflict is not a failure of the program: the operator looks at the new state and decides again.
    m_feedback->setStyleSheet(error->isConflict() ? QStringLiteral("color: #e0a020;") : QStringLiteral("color: #ff6060;"));
    updateDetails();
}

void AlarmPanel::acknowledgeSelected()
{
    const QString id = selectedAlarmId();
    if (id.isEmpty())
        return;
    m_alarms->acknowledge(
        id, AlarmVerdict::None, {},
        [panel = QPointer(this)](const auto& error) {
            if (panel)
                panel->report(tr("Acknowledged"), error);
        },
        shownVersion());
}

void AlarmPanel::takeSelected()
{
    const QString id = selectedAlarmId();
    if (id.isEmpty())
        return;
    m_alarms->take(
        id, AlarmVerdict::None, {},
        [panel = QPointer(this)](const auto& error) {
            if (panel)
                panel->report(tr("Taken: you handle it"), error);
        },
        shownVersion());
}

void AlarmPanel::assignSelected(const QString& assignee)
{
    assignAlarm(selectedAlarmId(), assignee, shownVersion());
}

void AlarmPanel::assignAlarm(const QString& alarmId, const QString& assignee, qint64 seenVersion)
{
    if (alarmId.isEmpty())
        return;
    m_alarms->assign(
        alarmId, assignee, {},
        [panel = QPointer(this), assignee](const auto& error) {
            if (panel)
                panel->report(assignee.isEmpty() ? tr("Unassigned") : tr("Assigned to %1").arg(assignee), error);
        },
        seenVersion);
}

void AlarmPanel::fillAssignees(QMenu* menu)
{
    menu->clear();
    const Alarm* alarm = m_alarms->alarm(selectedAlarmId());
    if (!alarm)
        return;
    menu->addAction(tr("Asking the backend…"))->setEnabled(false);
    // The alarm and the version the operator opened the menu on: the list may move under the open menu
    // (a colleague closes the alarm, a filter drops it), and the choice must not land on a neighbour.
    const QString alarmId = alarm->id;
    const qint64 seen = shownVersion();
    m_alarms->listAssignees(alarm->cameraId, [panel = QPointer(this), menu = QPointer(menu), alarmId, seen](
                                                 const QList<vigie::rpc::AlarmAssignee>& assignees,
                                                 const std::optional<vigie::rpc::RpcError>& error) {
        if (!panel || !menu || panel->selectedAlarmId() != alarmId)
            return;  // the operator moved on: this list is for another alarm's camera
        menu->clear();
        if (error) {
            menu->addAction(error->text)->setEnabled(false);
            return;
        }
        menu->addAction(tr("Nobody"), panel, [panel, alarmId, seen] { panel->assignAlarm(alarmId, QString(), seen); });
        menu->addSeparator();
        for (const auto& assignee : assignees) {
            const QString text = assignee.online ? tr("%1 (on duty)").arg(assignee.displayName) : assignee.displayName;
            menu->addAction(text, panel,
                            [panel, alarmId, seen, user = assignee.user] { panel->assignAlarm(alarmId, user, seen); });
        }
        menu->adjustSize();
    });
}

void AlarmPanel::holdSelected()
{
    const QString id = selectedAlarmId();
    if (id.isEmpty())
        return;
    m_alarms->hold(
        id, m_comment->text(),
        [panel = QPointer(this)](const auto& error) {
            if (panel) {
                panel->report(tr("On hold"), error);
                if (!error)
                    panel->m_comment->clear();
            }
        },
        shownVersion());
}

void AlarmPanel::closeSelected(int verdict)
{
    const QString id = selectedAlarmId();
    if (id.isEmpty())
        return;
    m_alarms->close(
        id, AlarmVerdict(verdict), m_comment->text(),
        [panel = QPointer(this)](const auto& error) {
            if (panel) {
                panel->report(tr("Closed"), error);
                if (!error)
                    panel->m_comment->clear();
            }
        },
        shownVersion());
}

void AlarmPanel::commentSelected(const QString& text)
{
    const QString id = selectedAlarmId();
    if (id.isEmpty() || text.trimmed().isEmpty())
        return;
    m_alarms->comment(id, text.trimmed(), [panel = QPointer(this)](const auto& error) {
        if (panel) {
            panel->report(tr("Comment added"), error);
            if (!error)
                panel->m_comment->clear();
        }
    });
}

void AlarmPanel::showSelectedCamera()
{
    const QString id = selectedAlarmId();
    if (const Alarm* alarm = m_alarms->alarm(id))
        emit showCameraRequested(alarm->cameraId, id);
}

void AlarmPanel::reviewSelected()
{
    const QString id = selectedAlarmId();
    const Alarm* alarm = m_alarms->alarm(id);
    if (!alarm || m_review->isHidden())
        return;
    emit reviewRequested(alarm->cameraId, alarm->eventTime.isValid() ? alarm->eventTime : alarm->raisedAt, id);
}

void AlarmPanel::setReviewAvailable(bool available)
{
    m_review->setVisible(available);
}

void AlarmPanel::updateDetails()
{
    const Alarm* alarm = m_alarms->alarm(selectedAlarmId());
    for (auto* button : {m_acknowledge, m_take, m_hold, m_close, m_assign, m_show, m_review})
        button->setEnabled(alarm != nullptr);
    if (!alarm) {
        m_details->setHtml(tr("<p>Select an alarm to see what happened.</p>"));
        return;
    }
    m_acknowledge->setEnabled(!alarm->acknowledged);
    m_take->setEnabled(alarm->state != AlarmState::InProgress);
    m_hold->setEnabled(alarm->state != AlarmState::OnHold);
    const auto* camera = m_backend->camera(alarm->cameraId);
    QString html = QStringLiteral("<h3>%1 — %2</h3>")
                       .arg(AlarmListModel::typeName(alarm->type).toHtmlEscaped(),
                            (camera ? camera->name : alarm->cameraId).toHtmlEscaped());
    // The picture of the event beside what the backend says of it: both in sight without scrolling.
    html += QStringLiteral("<table cellspacing=\"0\" cellpadding=\"0\"><tr><td valign=\"top\">");
    if (const QImage picture = m_stills.value(alarm->id); !picture.isNull()) {
        html += QStringLiteral("<img src=\"%1\" width=\"%2\">")
                    .arg(AlarmDetailsView::urlOf(alarm->id).toHtmlEscaped())
                    .arg(std::min(picture.width(), kStillShownWidth));
    } else {
        html += tr("<p><i>No picture kept: no wall was playing this camera when the alarm came, or the alarm "
                   "came among many.</i></p>");
    }
    html += QStringLiteral("</td><td valign=\"top\" style=\"padding-left: 8px\">");
    html += QStringLiteral("<p>%1</p>").arg(alarm->description.toHtmlEscaped());
    html += tr("<p>Rule: %1<br>Priority: %2 · State: %3<br>Event: %4<br>Verdict: %5%6</p>")
                .arg(alarm->ruleName.toHtmlEscaped(), AlarmListModel::priorityName(alarm->priority),
                     AlarmListModel::stateName(alarm->state),
                     QLocale().toString(alarm->eventTime.toLocalTime(), QLocale::ShortFormat), verdictName(alarm->verdict),
                     alarm->needsHumanConfirmation ? tr(" (a human must confirm it)") : QString());
    if (alarm->acknowledged)
        html += tr("<p>Seen by %1 at %2</p>")
                    .arg(alarm->acknowledgedBy.toHtmlEscaped(),
                         QLocale().toString(alarm->acknowledgedAt.toLocalTime().time(), QStringLiteral("HH:mm:ss")));
    if (!alarm->assignee.isEmpty())
        html += tr("<p>Handled by %1</p>")
                    .arg((alarm->assigneeDisplayName.isEmpty() ? alarm->assignee : alarm->assigneeDisplayName).toHtmlEscaped());
    html += QStringLiteral("</td></tr></table>");
    html += tr("<p><b>History</b></p>");
    QStringList lines;
    for (const auto& entry : alarm->history)
        lines << historyLine(entry);
    html += QStringLiteral("<p>%1</p>").arg(lines.join(QStringLiteral("<br>")));
    m_details->setHtml(html);
}

void AlarmPanel::setStill(const QString& alarmId, const QImage& picture)
{
    if (picture.isNull() || !m_alarms->alarm(alarmId) || m_stills.contains(alarmId))
        return;
    // Kept as taken: the alarms raised together share one picture (QImage is implicitly shared); the
    // boxes are drawn only for the alarm whose details are shown.
    m_stills.insert(alarmId, picture);
    m_stillOrder.enqueue(alarmId);
    while (m_stillOrder.size() > kMaxStills)
        m_stills.remove(m_stillOrder.dequeue());
    if (selectedAlarmId() == alarmId)
        updateDetails();
}

QImage AlarmPanel::markedStill(const QString& alarmId)
{
    const QImage picture = m_stills.value(alarmId);
    const Alarm* alarm = m_alarms->alarm(alarmId);
    if (picture.isNull() || !alarm)
        return picture;
    if (m_markedAlarmId == alarmId && m_markedVersion == alarm->version)
        return m_marked;
    // The objects the alarm is about, where they were at the event: the still's reason to exist.
    QImage marked = picture.convertToFormat(QImage::Format_RGB32);
    QPainter painter(&marked);
    painter.setPen(QPen(QColor(230, 30, 30), std::max(2.0, marked.width() / 240.0)));
    for (const auto& object : alarm->objects) {
        painter.drawRect(QRectF(object.box.x() * marked.width(), object.box.y() * marked.height(),
                                object.box.width() * marked.width(), object.box.height() * marked.height()));
    }
    painter.end();
    m_markedAlarmId = alarmId;
    m_markedVersion = alarm->version;
    m_marked = marked;
    return marked;
}

}  // namespace vigie::app
