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
        return "\(item.id) · \(Self.bandText(score.band, words: app.words))\(score.value.map { " \($0)" } ?? "") · "
            + "\(app.words.label(item.status)) · \(item.reporter.pseudonym)"
    }

    /// "!! High", "? Unrated".
    static func bandText(_ band: Band?, words: Catalogue) -> String {
        band.map { "\($0.marker.trimmingCharacters(in: .whitespaces)) \(words.label($0))" } ?? "? " + words["desk.unrated"]
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

    /// The page as lines for a width, in the desk's language.
    static func lines(_ view: CaseDesk.CaseView, app: DeskApp, width: Int) -> [StyledLine] {
        let item = view.item
        let evaluation = view.evaluation
        let score = evaluation.score
        let taxonomy = app.desk.taxonomy
        let words = app.words
        let cal = app.calendar
        let now = app.now
        let policyDays = app.desk.evaluator.policy.followUpEveryDays
        var out: [StyledLine] = []
        func heading(_ key: String, _ values: [String: String] = [:]) {
            if !out.isEmpty { out.append(.blank) }
            out.append(StyledLine(words[key, values: values], .heading))
        }
        func field(_ key: String, _ value: String, _ style: Style = .normal) {
            out += StyledLine.field(key.isEmpty ? "" : words[key], value, width: width, style: style)
        }

        heading("desk.detail.summary")
        out.append(StyledLine([
            ("  " + DisplayWidth.pad(words["desk.detail.case"], to: 14), .bold), ("\(item.id)   ", .normal),
            (bandText(score.band, words: words) + (score.value.map { " \($0)/100" } ?? ""), Style.band(score.band)),
            ("   \(words.label(item.status))", .bold),
        ]))
        field("desk.detail.channel", words.label(item.channel))
        field("desk.detail.received", words.minute(item.receivedAt, calendar: cal))
        let window = "  " + words[evaluation.outsideWindow ? "desk.detail.outside-window" : "desk.detail.within-window"]
        out += StyledLine.field(words["desk.detail.incidents"],
                                words.day(item.incidentFirst, calendar: cal) + " – " + words.day(item.incidentLast, calendar: cal) + window,
                                width: width, style: evaluation.outsideWindow ? .bold : .normal)
        field("desk.detail.reporter", reporterText(item, app: app))
        if let affected = item.affected { field("desk.detail.affected", affectedText(affected, item: item, app: app)) }
        field("desk.detail.relationship", words.label(item.relationship))
        for (i, person) in item.reported.enumerated() {
            field(i == 0 ? "desk.detail.reported" : "", "\(person.name), \(person.role) (\(words.label(person.power)))")
        }
        field("desk.detail.categories", item.categories.map(taxonomy.categoryName).joined(separator: ", "))
        if !item.grounds.isEmpty { field("desk.detail.grounds", item.grounds.map(taxonomy.groundName).joined(separator: ", ")) }
        if !item.conductTags.isEmpty { field("desk.detail.conduct", item.conductTags.map(taxonomy.tagName).joined(separator: ", ")) }
        if item.childInvolved { field("desk.detail.child", words["desk.detail.child-involved"], .bold) }
        field("desk.detail.consent", consentText(item, words: words))
        field("desk.detail.wishes", item.wishes.map(words.label) ?? words["desk.not-recorded"])
        if let letters = item.language { field("desk.detail.language", languageName(letters, app: app)) }
        if let duty = item.dutyToAct { field("desk.detail.duty", duty, .bold) }
        if let level = item.escalationLevel { field("desk.detail.escalated-to", words.label(level), .bold) }
        if let days = item.followUpEveryDays, days != policyDays {
            field("desk.detail.follow-up", words["desk.detail.follow-up-every", values: ["days": String(days), "default": String(policyDays)]])
        }
        if let reason = item.screeningReason { field("desk.detail.screened-out", taxonomy.screeningReasonName(reason)) }
        if let outcome = item.outcome { field("desk.detail.outcome", words.label(outcome)) }
        if !item.measures.isEmpty { field("desk.detail.measures", item.measures.map(words.label).joined(separator: ", ")) }
        if item.legalHold { field("desk.detail.legal-hold", words["desk.detail.legal-hold-in-place"], .bold) }
        if app.queue.all.first(where: { $0.id == item.id })?.needsReassignment == true {
            field("desk.detail.handler", words["desk.detail.needs-reassignment"], .bold)
        }

        // The supervisor reviews escalations: their history comes first. The store leaves escalation and decision
        // entries visible to a supervisor; a counselor sees the same section on an escalated case.
        if !app.isCounselor || item.status == .escalated {
            heading("desk.detail.escalation-history")
            let ladder = EscalationLevel.allCases
            if let level = item.escalationLevel, let rung = ladder.firstIndex(of: level) {
                field("desk.detail.level", words["desk.detail.rung", values: [
                    "level": words.label(level), "rung": String(rung + 1), "count": String(ladder.count)]], .bold)
            }
            let entries = item.journal.filter { $0.kind == .escalation || $0.kind == .decision || $0.kind == .review }
            if entries.isEmpty { out.append(StyledLine("  " + words["desk.detail.no-escalation-entries"])) }
            out += journalLines(entries, width: width, calendar: cal, words: words)
        }

        heading("desk.detail.assessment")
        if let ratings = item.assessment {
            field("desk.detail.ratings", Factor.allCases.map { "\(words.label($0)) \(ratings[$0])" }.joined(separator: " · "))
        }
        for line in score.lines {
            let style: Style = switch line.kind {
            case .total: Style.band(score.band).emboldened
            case .override: .bold
            default: .normal
            }
            out += StyledLine.paragraph(line.text, indent: 2, hanging: 4, width: width, style: style)
        }
        if let older = view.olderPolicy {
            out += StyledLine.paragraph(words.words(older.phrase), indent: 2, hanging: 4, width: width, style: .bold)
        }

        heading("desk.detail.deadlines")
        if evaluation.deadlines.isEmpty { out.append(StyledLine("  " + words["desk.detail.no-deadlines"])) }
        let kindWidth = max(22, (evaluation.deadlines.map { DisplayWidth.width(of: words.label($0.kind)) }.max() ?? 0) + 1)
        for d in evaluation.deadlines {
            let state: String
            var style = Style.normal
            if let met = d.metAt {
                state = words[d.wasMetLate ? "desk.detail.deadline-met-late" : "desk.detail.deadline-met",
                              values: ["date": DateText.minute(met, calendar: cal)]]
            } else if d.isOverdue(at: now) {
                state = words["desk.detail.deadline-overdue"]
                style = .overdue
            } else if d.isDueToday(at: now, calendar: cal) {
                state = words["desk.detail.deadline-due-today"]
                style = .bold
            } else {
                state = words["desk.detail.deadline-due"]
            }
            out.append(StyledLine([
                ("  " + DisplayWidth.pad(words.label(d.kind), to: kindWidth), style),
                (DateText.minute(d.due, calendar: cal) + "  ", style), (state, style),
            ]))
        }

        if app.isCounselor {
            out += CaseRecordLines.dueProcess(item, width: width, calendar: cal, words: words)
            out += CaseRecordLines.disclosures(item, width: width, calendar: cal, words: words)
        }

        heading("desk.detail.narrative")
        out += StyledLine.paragraph(item.narrative, width: width)
        if !item.supportNeeds.isEmpty {
            heading("desk.detail.support-needs")
            out += StyledLine.paragraph(item.supportNeeds, width: width)
        }

        heading("desk.detail.journal", ["count": String(item.journal.count)])
        if item.journal.isEmpty { out.append(StyledLine("  " + words["desk.detail.no-journal"])) }
        out += journalLines(item.journal, width: width, calendar: cal, words: words)
        return out
    }

    /// The name of a letter language in the desk's language ("fr — French"), from the letters the desk has.
    static func languageName(_ code: String, app: DeskApp) -> String {
        LetterDialog.languageLabel(code, words: app.words)
    }

    /// Journal entries as lines: time and kind in bold, the text wrapped under itself.
    static func journalLines(_ entries: [JournalEntry], width: Int, calendar: Calendar, words: Catalogue) -> [StyledLine] {
        var out: [StyledLine] = []
        for entry in entries {
            let head = DateText.minute(entry.at, calendar: calendar) + "  " + DisplayWidth.pad(words.label(entry.kind), to: 12) + " "
            let indent = 2 + DisplayWidth.width(of: head)
            let body = DisplayWidth.wrap("\(words.text(of: entry)) — \(entry.author)", to: max(10, width - indent - 1))
            for (i, part) in body.enumerated() {
                out.append(StyledLine([
                    (i == 0 ? "  " + head : String(repeating: " ", count: indent), i == 0 ? .bold : .normal), (part, .normal),
                ]))
            }
        }
        return out
    }

    /// What consent covers: the affected person's identity when someone else reported, else the reporter's.
    static func consentText(_ item: Case, words: Catalogue) -> String {
        words[item.affected == nil ? "desk.detail.consent-reporter" : "desk.detail.consent-affected",
              values: ["answer": words.yesNo(item.consentShareIdentity)]]
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
            text += " — " + app.words["desk.detail.identity-withheld"]
        }
        return text
    }

    static func reporterText(_ item: Case, app: DeskApp) -> String {
        var text = item.reporter.pseudonym
        if item.reporter.anonymous { return text + " " + app.words["desk.detail.anonymous"] }
        if let name = item.reporter.name, !name.isEmpty {
            text += " — " + name
            if let contact = item.reporter.contact, !contact.isEmpty { text += " <\(contact)>" }
        } else if !app.isCounselor || !item.consentShareIdentity {
            text += " — " + app.words["desk.detail.identity-withheld"]
        }
        return text
    }
}
