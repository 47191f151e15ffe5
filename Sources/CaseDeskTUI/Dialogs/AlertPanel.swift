import CaseCore
import Foundation

/// The deadline alerts, in a box over the queue: every deadline overdue (marked OVERDUE, listed first) or due
/// within the policy's warning window. Shown on start when there is any, and again with `A`. Enter opens the case.
final class AlertPanel: Modal {
    let alerts: [DeadlineAlert]
    let now: Date
    let hours: Int
    /// The desk's language.
    let words: Catalogue
    /// The selected alert and the rows in view.
    var cursor: ListCursor

    init(alerts: [DeadlineAlert], now: Date, hours: Int, words: Catalogue = .english) {
        // Overdue first, then by due date, then by case.
        self.alerts = alerts.sorted { a, b in
            let ao = a.isOverdue(at: now), bo = b.isOverdue(at: now)
            if ao != bo { return ao }
            if a.deadline.due != b.deadline.due { return a.deadline.due < b.deadline.due }
            return a.caseID < b.caseID
        }
        self.now = now
        self.hours = hours
        self.words = words
        cursor = ListCursor(count: alerts.count)
    }

    var contexts: [KeyContext] { [.alerts] }

    var overdueCount: Int { alerts.filter { $0.isOverdue(at: now) }.count }

    /// Cases with an overdue deadline: the status bar's "overdue" count.
    var overdueCases: Set<CaseID> { Set(alerts.filter { $0.isOverdue(at: now) }.map(\.caseID)) }

    /// Cases with a deadline due soon and none overdue: the status bar's "due ≤48h" count.
    var dueSoonCases: Set<CaseID> { Set(alerts.map(\.caseID)).subtracting(overdueCases) }

    /// Counts deadlines and the cases they are in, in the status bar's words: "Deadline alerts: 75 overdue in 33 cases
    /// · 5 due ≤48h in 3 more cases" (the status bar: "Cases: 33 overdue · 3 due ≤48h").
    var title: String {
        let soonCases = words.count(overdueCases.isEmpty ? "desk.alerts.cases" : "desk.alerts.more-cases", dueSoonCases.count)
        return words["desk.alerts.title", values: [
            "overdue": String(overdueCount), "overdue-cases": words.count("desk.alerts.cases", overdueCases.count),
            "soon": String(alerts.count - overdueCount), "hours": String(hours), "soon-cases": soonCases]]
    }

    func perform(_ action: KeyAction, key: Key, app: DeskApp) {
        if cursor.perform(action) { return }
        switch action {
        case .open:
            app.dismiss(self)
            guard alerts.indices.contains(cursor.selected) else { return }
            let id = alerts[cursor.selected].caseID
            app.queue.select(id, app: app)
            app.openCase(id)
        case .cancel: app.dismiss(self)
        default: break
        }
    }

    /// One alert as a row: "OVERDUE  C-2026-0012 !!! Critical Follow-up            2026-10-31 08:00  Garnet Egret".
    func row(_ alert: DeadlineAlert, calendar: Calendar, pseudonym: Bool) -> [(String, Style)] {
        let overdue = alert.isOverdue(at: now)
        let base: Style = overdue ? .overdue : .normal
        let band = "\(alert.band?.marker ?? "?  ") " + words["band-short." + (alert.band?.rawValue ?? "unrated")]
        var parts: [(String, Style)] = [
            (DisplayWidth.pad(words[overdue ? "desk.alerts.overdue" : "desk.alerts.due-soon"], to: 9), base),
            (alert.caseID.description + " ", base),
            (DisplayWidth.pad(band, to: 13), Style.band(alert.band)),
            (DisplayWidth.pad(Self.kindLabel(alert.deadline.kind, words: words), to: 21), base),
            (DateText.minute(alert.deadline.due, calendar: calendar), base),
        ]
        if pseudonym { parts.append(("  " + alert.pseudonym, base)) }
        return parts
    }

    /// A deadline's kind in at most 20 columns, so the date column stays aligned: its label, or a shorter form
    /// (`deadline-narrow.KIND`) when the language has one.
    static func kindLabel(_ kind: Deadline.Kind, words: Catalogue = .english) -> String {
        let narrow = "deadline-narrow." + kind.rawValue
        return words.knows(narrow) ? words[narrow] : words.label(kind)
    }

    /// The panel leaves the title bar and the banner line (DEMO database…) above it visible, and the message line
    /// and status bar below.
    func render(into buffer: inout ScreenBuffer, app: DeskApp) {
        let width = min(buffer.width - 4, 110)
        let innerWidth = width - 4
        let maxRows = max(1, buffer.height - 8)
        let rows = max(1, min(alerts.count, maxRows))
        cursor.height = rows
        let height = rows + 4
        let top = max(2, (buffer.height - 2 - height) / 2)
        let left = (buffer.width - width) / 2
        let inner = buffer.box(top: top, left: left, width: width, height: height, title: title)
        if alerts.isEmpty {
            buffer.put(DisplayWidth.truncate(words["desk.alerts.none", values: ["hours": String(hours)]], to: inner.width),
                       row: inner.top, col: inner.left)
        }
        let showPseudonym = innerWidth >= 90
        let first = cursor.top
        for index in cursor.visibleRows {
            let line = inner.top + index - first
            StyledLine(row(alerts[index], calendar: app.calendar, pseudonym: showPseudonym))
                .draw(into: &buffer, row: line, col: inner.left, columns: inner.width)
            if index == cursor.selected { buffer.restyle(row: line, from: inner.left - 1, to: inner.left + inner.width + 1) { $0.reversed } }
        }
        var footer = words["desk.alerts.footer"]
        if alerts.count > rows {
            footer = words["desk.alerts.range", values: ["first": String(first + 1), "last": String(first + rows), "count": String(alerts.count)]]
                + " · " + footer
        }
        buffer.put(DisplayWidth.truncate(footer, to: inner.width), row: inner.top + rows + 1, col: inner.left)
    }
}
