import Foundation

/// The content of a case export: a ``CaseDocument`` laid out as an ``ExportOutline`` — summary, reporter,
/// reported persons, narrative, score explanation, deadlines met and missed, support arranged, advice given,
/// escalation history and the journal timeline.
///
/// Only what the document holds is shown, so the redaction done by ``ExportRedaction`` and ``CaseDocument``
/// carries over to every format.
public enum CaseOutline {
    public static func make(_ doc: CaseDocument, taxonomy: Taxonomy, generatedAt: Date, catalogue w: Catalogue = .english) -> ExportOutline {
        let forSupervisor = doc.audience == Audience.supervisor.rawValue
        var sections: [ExportOutline.Section] = [
            summary(doc, taxonomy: taxonomy, w),
            reporter(doc, w),
        ]
        if let affected = affected(doc, w) { sections.append(affected) }
        sections += [
            reported(doc, w),
            .init(w["export.section.narrative"], [.text(doc.narrative)]),
        ]
        if !forSupervisor {
            sections.append(.init(w["export.section.support-needs"], [doc.supportNeeds.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
                ? .note(w["export.note.no-support-needs"]) : .text(doc.supportNeeds)]))
        }
        sections.append(assessment(doc, w))
        sections.append(deadlines(doc, w))
        if !forSupervisor {
            sections.append(journalSection(w["export.section.support"], doc, kinds: [.support], empty: w["export.note.no-support"], w))
            sections.append(journalSection(w["export.section.advice"], doc, kinds: [.advice], empty: w["export.note.no-advice"], w))
        }
        sections.append(escalation(doc, w))
        if !forSupervisor {
            sections.append(disclosures(doc, w))
            sections.append(dueProcess(doc, w))
        }
        var timeline: [ExportOutline.Block] = doc.journal.isEmpty ? [.note(w["export.note.journal-empty"])] : [.timeline(doc.journal.map { entry($0, w) })]
        if forSupervisor {
            timeline.insert(.note(w["export.note.supervisor-timeline"]), at: 0)
        }
        sections.append(.init(w["export.section.timeline"], timeline))
        return ExportOutline(
            title: w[forSupervisor ? "export.title.supervisor" : "export.title.counselor", values: ["id": doc.id]],
            notices: notices(doc, forSupervisor: forSupervisor, generatedAt: generatedAt, w),
            sections: sections, catalogue: w)
    }

    static func notices(_ doc: CaseDocument, forSupervisor: Bool, generatedAt: Date, _ w: Catalogue) -> [String] {
        var notices = [w["export.notice.confidential"]]
        if forSupervisor {
            let identity: String
            if doc.reporter.anonymous {
                identity = w["export.notice.anonymous"]
            } else if doc.reporter.identityWithheld {
                identity = w["export.notice.identity-withheld", values: ["placeholder": ExportRedaction.reporterPlaceholder]]
            } else {
                identity = w["export.notice.identity-shared"]
            }
            notices.append(w["export.notice.supervisor", values: ["identity": identity]])
        } else {
            notices.append(w["export.notice.counselor"])
        }
        notices.append(w["export.notice.exported", values: ["date": ExportDates.minute(generatedAt, w)]])
        return notices
    }

    static func summary(_ doc: CaseDocument, taxonomy: Taxonomy, _ w: Catalogue) -> ExportOutline.Section {
        let incidents = ["first": ExportDates.day(doc.incidentFirst, w), "last": ExportDates.day(doc.incidentLast, w)]
        var fields: [ExportOutline.Field] = [
            .init(w["export.field.case"], doc.id),
            .init(w["export.field.status"], label(CaseStatus.self, doc.status, w)),
            .init(w["export.field.triage"], triage(doc, w)),
            .init(w["export.field.received"], w["export.value.received", values: [
                "date": ExportDates.minute(doc.receivedAt, w), "channel": label(Channel.self, doc.channel, w)]]),
            .init(w["export.field.incidents"],
                  w[doc.outsideSixMonthWindow ? "export.value.incidents-outside-window" : "export.value.incidents", values: incidents]),
            .init(w["export.field.relationship"], label(Relationship.self, doc.relationship, w)),
            .init(w["export.field.categories"], doc.categories.map(taxonomy.categoryName).joined(separator: w["list.separator"])),
        ]
        if !doc.grounds.isEmpty {
            fields.append(.init(w["export.field.grounds"], doc.grounds.map(taxonomy.groundName).joined(separator: w["list.separator"])))
        }
        if !doc.conductTags.isEmpty {
            fields.append(.init(w["export.field.conduct"], doc.conductTags.map(taxonomy.tagName).joined(separator: w["list.separator"])))
        }
        fields.append(.init(w["export.field.child"], w.yesNo(doc.childInvolved)))
        fields.append(.init(w["export.field.wishes"], doc.wishes.map { label(Wishes.self, $0, w) } ?? w["export.value.not-recorded"]))
        if let duty = doc.dutyToAct { fields.append(.init(w["export.field.duty"], duty)) }
        fields.append(.init(w["export.field.escalation"],
                            doc.escalationLevel.map { label(EscalationLevel.self, $0, w) } ?? w["export.value.not-escalated"]))
        if let reason = doc.screeningReason { fields.append(.init(w["export.field.screened-out"], taxonomy.screeningReasonName(reason))) }
        if let outcome = doc.outcome { fields.append(.init(w["export.field.outcome"], label(Outcome.self, outcome, w))) }
        if !doc.measures.isEmpty {
            fields.append(.init(w["export.field.measures"], doc.measures.map { label(Measure.self, $0, w) }.joined(separator: w["list.separator"])))
        }
        fields.append(.init(w[doc.affected == nil ? "export.field.consent" : "export.field.consent-affected"], w.yesNo(doc.consentShareIdentity)))
        return .init(w["export.section.summary"], [.fields(fields)])
    }

    /// The label of a raw value in the document, or the raw value when it names nothing (an older file).
    static func label<T: Labelled>(_ type: T.Type, _ raw: String, _ w: Catalogue) -> String {
        T(rawValue: raw).map(w.label) ?? raw
    }

    static func triage(_ doc: CaseDocument, _ w: Catalogue) -> String {
        guard let band = doc.score.band.flatMap(Band.init(rawValue:)) else { return w["score.not-assessed"] }
        var parts = [w.label(band)]
        parts.append(doc.score.value.map { w["score.value", values: ["value": String($0)]] } ?? w["score.band-by-override"])
        if doc.score.severe { parts.append(w["score.severe"]) }
        if doc.score.pervasive { parts.append(w["score.pervasive"]) }
        if doc.score.suggestEscalation { parts.append(w["score.escalation-suggested"]) }
        return parts.joined(separator: " · ")
    }

    static func reporter(_ doc: CaseDocument, _ w: Catalogue) -> ExportOutline.Section {
        var fields: [ExportOutline.Field] = [.init(w["export.field.pseudonym"], doc.reporter.pseudonym)]
        if doc.reporter.anonymous {
            fields.append(.init(w["export.field.identity"], w["export.value.anonymous"]))
        } else if let name = doc.reporter.name {
            fields.append(.init(w["export.field.name"], name))
        } else if doc.reporter.identityWithheld {
            fields.append(.init(w["export.field.identity"], w["export.value.withheld"]))
        }
        if let contact = doc.reporter.contact, !contact.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            fields.append(.init(w["export.field.contact"], contact))
        }
        return .init(w["export.section.reporter"], [.fields(fields)])
    }

    static func affected(_ doc: CaseDocument, _ w: Catalogue) -> ExportOutline.Section? {
        guard let person = doc.affected else { return nil }
        var fields: [ExportOutline.Field] = [.init(w["export.field.pseudonym"], person.pseudonym)]
        if let name = person.name {
            fields.append(.init(w["export.field.name"], name))
        } else if person.identityWithheld {
            fields.append(.init(w["export.field.identity"], w["export.value.withheld"]))
        }
        if let contact = person.contact, !contact.isEmpty { fields.append(.init(w["export.field.contact"], contact)) }
        return .init(w["export.section.affected"], [.fields(fields)])
    }

    static func disclosures(_ doc: CaseDocument, _ w: Catalogue) -> ExportOutline.Section {
        .init(w["export.section.disclosures"], doc.disclosures.isEmpty
            ? [.note(w["export.note.no-disclosures"])] : [.timeline(doc.disclosures.map { entry($0, w) })])
    }

    static func dueProcess(_ doc: CaseDocument, _ w: Catalogue) -> ExportOutline.Section {
        let title = w["export.section.due-process"]
        guard !doc.reported.isEmpty else { return .init(title, [.note(w["export.note.no-one-named"])]) }
        var blocks: [ExportOutline.Block] = []
        for (index, person) in doc.reported.enumerated() {
            blocks.append(.fields([.init(w["export.field.person", values: ["number": String(index + 1)]],
                                         w["export.value.person", values: ["name": person.name, "role": person.role]])]))
            blocks.append(person.dueProcess.isEmpty ? .note(w["export.note.not-informed"]) : .timeline(person.dueProcess.map { entry($0, w) }))
        }
        return .init(title, blocks)
    }

    static func reported(_ doc: CaseDocument, _ w: Catalogue) -> ExportOutline.Section {
        guard !doc.reported.isEmpty else { return .init(w["export.section.reported"], [.note(w["export.note.no-one-named"])]) }
        return .init(w["export.section.reported"], [.table(.init(
            headers: [w["export.header.name"], w["export.header.role"], w["export.header.power"]],
            rows: doc.reported.map { [$0.name, $0.role, label(PowerRelation.self, $0.power, w)] }))])
    }

    static func assessment(_ doc: CaseDocument, _ w: Catalogue) -> ExportOutline.Section {
        var blocks: [ExportOutline.Block] = []
        let factors = doc.score.lines.filter { $0.kind == .factor }
        if factors.isEmpty {
            blocks.append(.note(w["export.note.not-assessed"]))
        } else {
            blocks.append(.table(.init(
                headers: [w["export.header.factor"], w["export.header.rating"], w["export.header.descriptor"],
                          w["export.header.weight"], w["export.header.points"]],
                rows: factors.map { line in
                    [line.factor.map(w.label) ?? "", line.rating.map(String.init) ?? "", line.descriptor ?? "",
                     line.weight.map { w.decimal($0, digits: 2) } ?? "", line.points.map { w.decimal($0) } ?? ""]
                },
                numericColumns: [1, 3, 4])))
        }
        let extras = doc.score.lines.filter { $0.kind == .booster || $0.kind == .cap || $0.kind == .override }.map(\.text)
        if !extras.isEmpty { blocks.append(.list(extras)) }
        if let total = doc.score.lines.last(where: { $0.kind == .total }) {
            blocks.append(.fields([.init(w["export.field.result"], total.text)]))
        }
        return .init(w["export.section.assessment"], blocks)
    }

    static func deadlines(_ doc: CaseDocument, _ w: Catalogue) -> ExportOutline.Section {
        guard !doc.deadlines.isEmpty else { return .init(w["export.section.deadlines"], [.note(w["export.note.no-deadlines"])]) }
        let rows = doc.deadlines.map { d in
            [label(Deadline.Kind.self, d.kind, w), ExportDates.minute(d.due, w), d.metAt.map { ExportDates.minute($0, w) } ?? "", state(d, w)]
        }
        let onTime = doc.deadlines.filter { $0.metAt != nil && !$0.metLate }.count
        let late = doc.deadlines.filter(\.metLate).count
        let overdue = doc.deadlines.filter { $0.metAt == nil && $0.overdue }.count
        let open = doc.deadlines.filter { $0.metAt == nil && !$0.overdue }.count
        let summary = w["export.note.deadline-summary", values: [
            "onTime": String(onTime), "late": String(late), "overdue": String(overdue), "open": String(open)]]
        let headers = [w["export.header.deadline"], w["export.header.due"], w["export.header.met"], w["export.header.state"]]
        return .init(w["export.section.deadlines"], [.table(.init(headers: headers, rows: rows)), .note(summary)])
    }

    static func state(_ d: CaseDocument.DeadlinePart, _ w: Catalogue) -> String {
        if d.metAt != nil { return w[d.metLate ? "export.state.met-late" : "export.state.met-on-time"] }
        return w[d.overdue ? "export.state.overdue" : "export.state.open"]
    }

    static func journalSection(_ title: String, _ doc: CaseDocument, kinds: Set<JournalEntry.Kind>, empty: String,
                               _ w: Catalogue) -> ExportOutline.Section {
        let entries = doc.journal.filter { JournalEntry.Kind(rawValue: $0.kind).map(kinds.contains) ?? false }
        return .init(title, entries.isEmpty ? [.note(empty)] : [.timeline(entries.map { entry($0, w) })])
    }

    static func escalation(_ doc: CaseDocument, _ w: Catalogue) -> ExportOutline.Section {
        var blocks: [ExportOutline.Block] = [.fields([
            .init(w["export.field.current-level"],
                  doc.escalationLevel.map { label(EscalationLevel.self, $0, w) } ?? w["export.value.not-escalated"]),
            .init(w["export.field.suggested"], w.yesNo(doc.score.suggestEscalation)),
        ])]
        let entries = doc.journal.filter { $0.kind == JournalEntry.Kind.escalation.rawValue }
        blocks.append(entries.isEmpty ? .note(w["export.note.no-escalation"]) : .timeline(entries.map { entry($0, w) }))
        return .init(w["export.section.escalation"], blocks)
    }

    static func entry(_ part: CaseDocument.JournalPart, _ w: Catalogue) -> ExportOutline.TimelineEntry {
        .init(at: ExportDates.minute(part.at, w), kind: label(JournalEntry.Kind.self, part.kind, w), author: part.author, text: part.text)
    }
}
