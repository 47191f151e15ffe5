import CaseCore
import CaseStore
import Foundation

/// One case in full: summary, parties, assessment with the whole score explanation, deadlines,
/// narrative, support needs and journal, as one scrolling page. Counselors act on it from here.
final class DetailScreen: Screen {
    private(set) var view: CaseDesk.CaseView
    var scroll = 0
    private var pageSize = 10

    init(view: CaseDesk.CaseView) {
        self.view = view
    }

    var contexts: [KeyContext] { [.detail, .global] }

    func title(app: DeskApp) -> String {
        let item = view.item
        let score = view.evaluation.score
        let band = score.band.map { "\($0.marker.trimmingCharacters(in: .whitespaces)) \($0.label)" } ?? "? Unrated"
        return "\(item.id) · \(band)\(score.value.map { " \($0)" } ?? "") · \(item.status.label) · \(item.reporter.pseudonym)"
    }

    /// Replaces the case after an action and refreshes the queue behind.
    func update(_ view: CaseDesk.CaseView, app: DeskApp) {
        self.view = view
        app.reload()
    }

    func perform(_ action: KeyAction, key: Key, app: DeskApp) {
        if Scrolling.apply(action, to: &scroll, pageSize: pageSize) { return }
        switch action {
        case .back: app.pop()
        case .assess: CaseActionDialogs.assess(self, app: app)
        case .escalate: EscalationDialog.start(self, app: app)
        case .changeStatus: StatusDialog.start(self, app: app)
        case .addJournal: JournalDialog.start(self, app: app)
        case .export: ExportDialog.start(self, app: app)
        case .letter: LetterDialog.start(self, app: app)
        case .legalHold: CaseActionDialogs.legalHold(self, app: app)
        case .declareConflict: CaseActionDialogs.declareConflict(self, app: app)
        case .editCase: CaseActionDialogs.edit(self, app: app)
        case .consent: CaseActionDialogs.consent(self, app: app)
        case .reopen: CaseActionDialogs.reopen(self, app: app)
        case .disclose: CaseActionDialogs.disclose(self, app: app)
        case .followUpInterval: CaseActionDialogs.followUpInterval(self, app: app)
        case .review: ReviewDialog.start(self, app: app)
        default: break
        }
    }

    func renderBody(into buffer: inout ScreenBuffer, top: Int, bottom: Int, app: DeskApp) {
        let lines = Self.lines(view, app: app, width: buffer.width)
        let rows = bottom - top
        pageSize = max(1, rows - 1)
        scroll = max(0, min(scroll, max(0, lines.count - rows)))
        for (i, line) in lines.dropFirst(scroll).prefix(rows).enumerated() {
            line.draw(into: &buffer, row: top + i, col: 0, columns: buffer.width)
        }
        if lines.count > rows {
            let end = min(lines.count, scroll + rows)
            let marker = " \(scroll + 1)–\(end)/\(lines.count) "
            buffer.put(marker, row: 0, col: buffer.width - DisplayWidth.width(of: marker), style: .bar)
        }
    }

    /// The page as lines for a width.
    static func lines(_ view: CaseDesk.CaseView, app: DeskApp, width: Int) -> [StyledLine] {
        let item = view.item
        let evaluation = view.evaluation
        let score = evaluation.score
        let taxonomy = app.desk.taxonomy
        let cal = app.calendar
        let now = app.now
        var out: [StyledLine] = []
        func heading(_ text: String) {
            if !out.isEmpty { out.append(.blank) }
            out.append(StyledLine(text, .heading))
        }
        func field(_ label: String, _ value: String, _ style: Style = .normal) {
            out += StyledLine.field(label, value, width: width, style: style)
        }

        heading("Summary")
        let bandText = score.band.map { "\($0.marker.trimmingCharacters(in: .whitespaces)) \($0.label)" } ?? "? Unrated"
        out.append(StyledLine([
            ("  " + DisplayWidth.pad("Case", to: 14), .bold), ("\(item.id)   ", .normal),
            (bandText + (score.value.map { " \($0)/100" } ?? ""), Style.band(score.band)),
            ("   \(item.status.label)", .bold),
        ]))
        field("Channel", item.channel.label)
        field("Received", DateText.minute(item.receivedAt, calendar: cal))
        let window = evaluation.outsideWindow ? "  OUTSIDE the six-month window (the counselor may still proceed)" : "  within the six-month window"
        out += StyledLine.field("Incidents", DateText.day(item.incidentFirst, calendar: cal) + " – " + DateText.day(item.incidentLast, calendar: cal) + window,
                                width: width, style: evaluation.outsideWindow ? .bold : .normal)
        field("Reporter", reporterText(item, app: app))
        if let affected = item.affected { field("Affected", affectedText(affected, item: item, app: app)) }
        field("Relationship", item.relationship.label)
        for (i, person) in item.reported.enumerated() {
            field(i == 0 ? "Reported" : "", "\(person.name), \(person.role) (\(person.power.label))")
        }
        field("Categories", item.categories.map(taxonomy.categoryName).joined(separator: ", "))
        if !item.grounds.isEmpty { field("Grounds", item.grounds.map(taxonomy.groundName).joined(separator: ", ")) }
        if !item.conductTags.isEmpty { field("Conduct", item.conductTags.map(taxonomy.tagName).joined(separator: ", ")) }
        if item.childInvolved { field("Child", "a child is involved", .bold) }
        field("Consent", consentText(item))
        field("Wishes", item.wishes?.label ?? "not recorded")
        if let duty = item.dutyToAct { field("Duty to act", duty, .bold) }
        if let level = item.escalationLevel { field("Escalated to", level.label, .bold) }
        if let days = item.followUpEveryDays, days != app.desk.evaluator.policy.followUpEveryDays {
            field("Follow-up", "every \(days) days for this case (the policy's default is \(app.desk.evaluator.policy.followUpEveryDays))")
        }
        if let reason = item.screeningReason { field("Screened out", taxonomy.screeningReasonName(reason)) }
        if let outcome = item.outcome { field("Outcome", outcome.label) }
        if !item.measures.isEmpty { field("Measures", item.measures.map(\.label).joined(separator: ", ")) }
        if item.legalHold { field("Legal hold", "in place: the case is not purged until the hold is lifted", .bold) }
        if app.queue.all.first(where: { $0.id == item.id })?.needsReassignment == true {
            field("Handler", "needs reassignment: a handler declared a conflict of interest", .bold)
        }

        // The supervisor reviews escalations: their history comes first. The store leaves escalation and decision
        // entries visible to a supervisor; a counselor sees the same section on an escalated case.
        if !app.isCounselor || item.status == .escalated {
            heading("Escalation history")
            let ladder = EscalationLevel.allCases
            if let level = item.escalationLevel, let rung = ladder.firstIndex(of: level) {
                field("Level", "\(level.label) (rung \(rung + 1) of \(ladder.count))", .bold)
            }
            let entries = item.journal.filter { $0.kind == .escalation || $0.kind == .decision || $0.kind == .review }
            if entries.isEmpty { out.append(StyledLine("  no escalation or decision entries")) }
            out += journalLines(entries, width: width, calendar: cal)
        }

        heading("Assessment")
        if let ratings = item.assessment {
            field("Ratings", Factor.allCases.map { "\($0.label) \(ratings[$0])" }.joined(separator: " · "))
        }
        for line in score.lines {
            let style: Style = switch line.kind {
            case .total: Style.band(score.band).emboldened
            case .override: .bold
            default: .normal
            }
            out += StyledLine.paragraph(line.text, indent: 2, hanging: 4, width: width, style: style)
        }

        heading("Deadlines")
        if evaluation.deadlines.isEmpty { out.append(StyledLine("  none running")) }
        let kindWidth = max(22, (evaluation.deadlines.map { DisplayWidth.width(of: $0.kind.label) }.max() ?? 0) + 1)
        for d in evaluation.deadlines {
            let state: String
            var style = Style.normal
            if let met = d.metAt {
                state = "met " + DateText.minute(met, calendar: cal) + (d.wasMetLate ? " (late)" : "")
            } else if d.isOverdue(at: now) {
                state = "OVERDUE"
                style = .overdue
            } else if d.isDueToday(at: now, calendar: cal) {
                state = "due today"
                style = .bold
            } else {
                state = "due"
            }
            out.append(StyledLine([
                ("  " + DisplayWidth.pad(d.kind.label, to: kindWidth), style),
                (DateText.minute(d.due, calendar: cal) + "  ", style), (state, style),
            ]))
        }

        if app.isCounselor {
            out += CaseRecordLines.dueProcess(item, width: width, calendar: cal)
            out += CaseRecordLines.disclosures(item, width: width, calendar: cal)
        }

        heading("Narrative")
        out += StyledLine.paragraph(item.narrative, width: width)
        if !item.supportNeeds.isEmpty {
            heading("Support needs")
            out += StyledLine.paragraph(item.supportNeeds, width: width)
        }

        heading("Journal (\(item.journal.count))")
        if item.journal.isEmpty { out.append(StyledLine("  no entries yet")) }
        out += journalLines(item.journal, width: width, calendar: cal)
        return out
    }

    /// Journal entries as lines: time and kind in bold, the text wrapped under itself.
    static func journalLines(_ entries: [JournalEntry], width: Int, calendar: Calendar) -> [StyledLine] {
        var out: [StyledLine] = []
        for entry in entries {
            let head = DateText.minute(entry.at, calendar: calendar) + "  " + DisplayWidth.pad(entry.kind.label, to: 12) + " "
            let indent = 2 + DisplayWidth.width(of: head)
            let body = DisplayWidth.wrap("\(entry.text) — \(entry.author)", to: max(10, width - indent - 1))
            for (i, part) in body.enumerated() {
                out.append(StyledLine([
                    (i == 0 ? "  " + head : String(repeating: " ", count: indent), i == 0 ? .bold : .normal), (part, .normal),
                ]))
            }
        }
        return out
    }

    /// What consent covers: the affected person's identity when someone else reported, else the reporter's.
    static func consentText(_ item: Case) -> String {
        (item.affected == nil ? "identity" : "affected person's identity") + " may be shared with the supervisor: "
            + (item.consentShareIdentity ? "yes" : "no")
    }

    /// The affected person: pseudonym, and for the counselor (or a supervisor with consent) name and contact.
    static func affectedText(_ person: AffectedPerson, item: Case, app: DeskApp) -> String {
        var text = person.pseudonym
        if let name = person.name, !name.isEmpty {
            text += " — " + name
            if let contact = person.contact, !contact.isEmpty { text += " <\(contact)>" }
        } else if let contact = person.contact, !contact.isEmpty {
            text += " <\(contact)>"
        } else if !app.isCounselor && !item.consentShareIdentity {
            text += " — identity withheld (no consent)"
        }
        return text
    }

    static func reporterText(_ item: Case, app: DeskApp) -> String {
        var text = item.reporter.pseudonym
        if item.reporter.anonymous { return text + " (anonymous)" }
        if let name = item.reporter.name, !name.isEmpty {
            text += " — " + name
            if let contact = item.reporter.contact, !contact.isEmpty { text += " <\(contact)>" }
        } else if !app.isCounselor || !item.consentShareIdentity {
            text += " — identity withheld (no consent)"
        }
        return text
    }
}
