import Foundation

/// The content of a case export: a ``CaseDocument`` laid out as an ``ExportOutline`` — summary, reporter,
/// reported persons, narrative, score explanation, deadlines met and missed, support arranged, advice given,
/// escalation history and the journal timeline.
///
/// Only what the document holds is shown, so the redaction done by ``ExportRedaction`` and ``CaseDocument``
/// carries over to every format.
public enum CaseOutline {
    public static func make(_ doc: CaseDocument, taxonomy: Taxonomy, generatedAt: Date) -> ExportOutline {
        let forSupervisor = doc.audience == Audience.supervisor.rawValue
        var sections: [ExportOutline.Section] = [
            summary(doc, taxonomy: taxonomy),
            reporter(doc),
        ]
        if let affected = affected(doc) { sections.append(affected) }
        sections += [
            reported(doc),
            .init("Narrative", [.text(doc.narrative)]),
        ]
        if !forSupervisor {
            sections.append(.init("Support needs", [doc.supportNeeds.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
                ? .note("None recorded.") : .text(doc.supportNeeds)]))
        }
        sections.append(assessment(doc))
        sections.append(deadlines(doc))
        if !forSupervisor {
            sections.append(journalSection("Support arranged", doc, kinds: [.support], empty: "No support arranged yet."))
            sections.append(journalSection("Advice given", doc, kinds: [.advice], empty: "No advice recorded yet."))
        }
        sections.append(escalation(doc))
        if !forSupervisor {
            sections.append(disclosures(doc))
            sections.append(dueProcess(doc))
        }
        var timeline: [ExportOutline.Block] = doc.journal.isEmpty ? [.note("The journal is empty.")] : [.timeline(doc.journal.map(entry))]
        if forSupervisor {
            timeline.insert(.note("Only status changes, assessments, escalations and decisions are shown to the supervisor."), at: 0)
        }
        sections.append(.init("Timeline", timeline))
        return ExportOutline(
            title: "Case \(doc.id) — summary for the \(forSupervisor ? "supervisor" : "counselor")",
            notices: notices(doc, forSupervisor: forSupervisor, generatedAt: generatedAt),
            sections: sections)
    }

    static func notices(_ doc: CaseDocument, forSupervisor: Bool, generatedAt: Date) -> [String] {
        var notices = ["Confidential. This summary concerns a report of harassment or other undesirable behaviour; "
            + "share it only with the person it was prepared for."]
        if forSupervisor {
            let identity: String
            if doc.reporter.anonymous {
                identity = "The report is anonymous."
            } else if doc.reporter.identityWithheld {
                identity = "The reporter did not consent to share their identity: they are shown by pseudonym, and their name is "
                    + "replaced by \(ExportRedaction.reporterPlaceholder) in the text."
            } else {
                identity = "The reporter consented to share their identity with the supervisor."
            }
            notices.append("Prepared for the supervisor. \(identity) Contact details, support needs, support arranged "
                + "and advice given are left out.")
        } else {
            notices.append("Full record for the counselor, including the reporter's identity and contact details.")
        }
        notices.append("Exported \(ExportDates.minute(generatedAt)).")
        return notices
    }

    static func summary(_ doc: CaseDocument, taxonomy: Taxonomy) -> ExportOutline.Section {
        var fields: [ExportOutline.Field] = [
            .init("Case", doc.id),
            .init("Status", CaseStatus(rawValue: doc.status)?.label ?? doc.status),
            .init("Triage", triage(doc)),
            .init("Received", "\(ExportDates.minute(doc.receivedAt)) · \(Channel(rawValue: doc.channel)?.label ?? doc.channel)"),
            .init("Incidents", "\(doc.incidentFirst) – \(doc.incidentLast)"
                + (doc.outsideSixMonthWindow ? " (reported outside the six-month window)" : "")),
            .init("Reporter's relationship", Relationship(rawValue: doc.relationship)?.label ?? doc.relationship),
            .init("Categories", doc.categories.map(taxonomy.categoryName).joined(separator: ", ")),
        ]
        if !doc.grounds.isEmpty { fields.append(.init("Discrimination grounds", doc.grounds.map(taxonomy.groundName).joined(separator: ", "))) }
        if !doc.conductTags.isEmpty { fields.append(.init("Conduct", doc.conductTags.map(taxonomy.tagName).joined(separator: ", "))) }
        fields.append(.init("Child involved", doc.childInvolved ? "yes" : "no"))
        fields.append(.init("Reporter's wishes", doc.wishes.flatMap(Wishes.init(rawValue:))?.label ?? "not recorded"))
        if let duty = doc.dutyToAct { fields.append(.init("Duty to act", duty)) }
        fields.append(.init("Escalation", doc.escalationLevel.map(levelLabel) ?? "not escalated"))
        if let reason = doc.screeningReason { fields.append(.init("Screened out because", taxonomy.screeningReasonName(reason))) }
        if let outcome = doc.outcome { fields.append(.init("Outcome", Outcome(rawValue: outcome)?.label ?? outcome)) }
        if !doc.measures.isEmpty {
            fields.append(.init("Measures", doc.measures.map { Measure(rawValue: $0)?.label ?? $0 }.joined(separator: ", ")))
        }
        fields.append(.init(doc.affected == nil ? "Identity may be shared with the supervisor"
                                : "Affected person's identity may be shared with the supervisor",
                            doc.consentShareIdentity ? "yes" : "no"))
        return .init("Summary", [.fields(fields)])
    }

    static func triage(_ doc: CaseDocument) -> String {
        guard let band = doc.score.band.flatMap(Band.init(rawValue:)) else { return "Not yet assessed" }
        var parts = [band.label]
        parts.append(doc.score.value.map { "score \($0)/100" } ?? "not yet assessed (band set by override)")
        if doc.score.severe { parts.append("severe") }
        if doc.score.pervasive { parts.append("pervasive") }
        if doc.score.suggestEscalation { parts.append("escalation suggested") }
        return parts.joined(separator: " · ")
    }

    static func reporter(_ doc: CaseDocument) -> ExportOutline.Section {
        var fields: [ExportOutline.Field] = [.init("Pseudonym", doc.reporter.pseudonym)]
        if doc.reporter.anonymous {
            fields.append(.init("Identity", "anonymous report"))
        } else if let name = doc.reporter.name {
            fields.append(.init("Name", name))
        } else if doc.reporter.identityWithheld {
            fields.append(.init("Identity", "withheld (no consent to share it with the supervisor)"))
        }
        if let contact = doc.reporter.contact, !contact.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            fields.append(.init("Contact", contact))
        }
        return .init("Reporter", [.fields(fields)])
    }

    static func affected(_ doc: CaseDocument) -> ExportOutline.Section? {
        guard let person = doc.affected else { return nil }
        var fields: [ExportOutline.Field] = [.init("Pseudonym", person.pseudonym)]
        if let name = person.name {
            fields.append(.init("Name", name))
        } else if person.identityWithheld {
            fields.append(.init("Identity", "withheld (no consent to share it with the supervisor)"))
        }
        if let contact = person.contact, !contact.isEmpty { fields.append(.init("Contact", contact)) }
        return .init("Affected person (reported by someone else)", [.fields(fields)])
    }

    static func disclosures(_ doc: CaseDocument) -> ExportOutline.Section {
        .init("Disclosures without consent", doc.disclosures.isEmpty
            ? [.note("No information has been passed on without consent.")] : [.timeline(doc.disclosures.map(entry))])
    }

    static func dueProcess(_ doc: CaseDocument) -> ExportOutline.Section {
        guard !doc.reported.isEmpty else { return .init("Due process for the reported persons", [.note("No one is named.")]) }
        var blocks: [ExportOutline.Block] = []
        for (index, person) in doc.reported.enumerated() {
            blocks.append(.fields([.init("Person \(index + 1)", "\(person.name), \(person.role)")]))
            blocks.append(person.dueProcess.isEmpty ? .note("Not yet informed; no account, interim measure or outcome recorded.")
                                                    : .timeline(person.dueProcess.map(entry)))
        }
        return .init("Due process for the reported persons", blocks)
    }

    static func reported(_ doc: CaseDocument) -> ExportOutline.Section {
        guard !doc.reported.isEmpty else { return .init("Reported persons", [.note("No one is named.")]) }
        return .init("Reported persons", [.table(.init(
            headers: ["Name", "Role", "Power relative to the reporter"],
            rows: doc.reported.map { [$0.name, $0.role, PowerRelation(rawValue: $0.power)?.label ?? $0.power] }))])
    }

    static func assessment(_ doc: CaseDocument) -> ExportOutline.Section {
        var blocks: [ExportOutline.Block] = []
        let factors = doc.score.lines.filter { $0.kind == .factor }
        if factors.isEmpty {
            blocks.append(.note("Not yet assessed."))
        } else {
            blocks.append(.table(.init(
                headers: ["Factor", "Rating", "Descriptor", "Weight", "Points"],
                rows: factors.map { line in
                    [line.factor?.label ?? "", line.rating.map(String.init) ?? "", line.descriptor ?? "",
                     line.weight.map { String(format: "%.2f", $0) } ?? "", line.points.map { String(format: "%.1f", $0) } ?? ""]
                },
                numericColumns: [1, 3, 4])))
        }
        let extras = doc.score.lines.filter { $0.kind == .booster || $0.kind == .cap || $0.kind == .override }.map(\.text)
        if !extras.isEmpty { blocks.append(.list(extras)) }
        if let total = doc.score.lines.last(where: { $0.kind == .total }) {
            blocks.append(.fields([.init("Result", total.text)]))
        }
        return .init("Assessment and score explanation", blocks)
    }

    static func deadlines(_ doc: CaseDocument) -> ExportOutline.Section {
        guard !doc.deadlines.isEmpty else { return .init("Deadlines", [.note("No deadlines are running.")]) }
        let rows = doc.deadlines.map { d in
            [d.label, ExportDates.minute(d.due), d.metAt.map(ExportDates.minute) ?? "", state(d)]
        }
        let onTime = doc.deadlines.filter { $0.metAt != nil && !$0.metLate }.count
        let late = doc.deadlines.filter(\.metLate).count
        let overdue = doc.deadlines.filter { $0.metAt == nil && $0.overdue }.count
        let open = doc.deadlines.filter { $0.metAt == nil && !$0.overdue }.count
        let summary = "\(onTime) met on time, \(late) met late, \(overdue) overdue, \(open) still open."
        return .init("Deadlines", [.table(.init(headers: ["Deadline", "Due", "Met", "State"], rows: rows)), .note(summary)])
    }

    static func state(_ d: CaseDocument.DeadlinePart) -> String {
        if d.metAt != nil { return d.metLate ? "met late (missed)" : "met on time" }
        return d.overdue ? "OVERDUE (missed)" : "open"
    }

    static func journalSection(_ title: String, _ doc: CaseDocument, kinds: Set<JournalEntry.Kind>, empty: String) -> ExportOutline.Section {
        let entries = doc.journal.filter { JournalEntry.Kind(rawValue: $0.kind).map(kinds.contains) ?? false }
        return .init(title, entries.isEmpty ? [.note(empty)] : [.timeline(entries.map(entry))])
    }

    static func escalation(_ doc: CaseDocument) -> ExportOutline.Section {
        var blocks: [ExportOutline.Block] = [.fields([
            .init("Current level", doc.escalationLevel.map(levelLabel) ?? "not escalated"),
            .init("Suggested by the triage score", doc.score.suggestEscalation ? "yes" : "no"),
        ])]
        let entries = doc.journal.filter { $0.kind == JournalEntry.Kind.escalation.rawValue }
        blocks.append(entries.isEmpty ? .note("No escalation has been recorded.") : .timeline(entries.map(entry)))
        return .init("Escalation history", blocks)
    }

    static func entry(_ part: CaseDocument.JournalPart) -> ExportOutline.TimelineEntry {
        .init(at: ExportDates.minute(part.at), kind: JournalEntry.Kind(rawValue: part.kind)?.label ?? part.kind,
              author: part.author, text: part.text)
    }

    static func levelLabel(_ raw: String) -> String { EscalationLevel(rawValue: raw)?.label ?? raw }
}
