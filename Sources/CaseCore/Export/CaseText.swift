import Foundation

/// A case summary as plain text for the terminal (`confidant show`), in the catalogue's language. User text passes
/// through ``SafeText/clean(_:)``: an escape sequence in a name or narrative never reaches the terminal.
public enum CaseText {
    /// - Parameter scoringNote: a line said under the assessment (the case was scored under an older team policy).
    public static func render(_ doc: CaseDocument, taxonomy: Taxonomy, catalogue w: Catalogue = .english,
                              scoringNote: String? = nil) -> String {
        let labels = ["show.label.received", "show.label.incidents", "show.label.reporter", "show.label.affected", "show.label.reported",
                      "show.label.categories", "show.label.grounds", "show.label.conduct", "show.label.wishes", "show.label.escalated",
                      "show.label.duty", "show.label.outcome", "show.label.consent", "show.label.disclosure"]
        let width = labels.map { w[$0].count }.max()! + 1
        func line(_ label: String, _ text: String) -> String {
            w["show.label." + label].padding(toLength: width, withPad: " ", startingAt: 0) + text
        }
        func kind(_ raw: String) -> String { CaseOutline.label(JournalEntry.Kind.self, raw, w) }
        func day(_ raw: String) -> String { ExportDates.day(raw, w) }
        func minute(_ raw: String) -> String { ExportDates.minute(raw, w) }
        let names = { (ids: [String], name: (String) -> String) in ids.map(name).joined(separator: w["list.separator"]) }

        var out: [String] = []
        let band = doc.score.band.flatMap(Band.init(rawValue:)).map { w.label($0).uppercased() } ?? w["show.band.unrated"]
        out.append("\(doc.id)  \(band)\(doc.score.value.map { " \($0)" } ?? "")  \(CaseOutline.label(CaseStatus.self, doc.status, w))")
        out.append(line("received", w["show.received", values: ["date": minute(doc.receivedAt), "channel": CaseOutline.label(Channel.self, doc.channel, w)]]))
        out.append(line("incidents", "\(day(doc.incidentFirst)) – \(day(doc.incidentLast))" + (doc.outsideSixMonthWindow ? "  " + w["show.outside-window"] : "")))
        var who = line("reporter", doc.reporter.pseudonym)
        if doc.reporter.anonymous { who += " " + w["show.anonymous"] }
        if let name = doc.reporter.name { who += " — \(name)" }
        if let contact = doc.reporter.contact, !contact.isEmpty { who += " <\(contact)>" }
        if doc.reporter.identityWithheld { who += " " + w["show.identity-withheld"] }
        out.append(who + ", " + CaseOutline.label(Relationship.self, doc.relationship, w))
        if let person = doc.affected {
            var text = line("affected", person.pseudonym)
            if let name = person.name { text += " — \(name)" }
            if let contact = person.contact, !contact.isEmpty { text += " <\(contact)>" }
            if person.identityWithheld { text += " " + w["show.identity-withheld"] }
            out.append(text + " " + w["show.reported-by-someone-else"])
        }
        for (index, party) in doc.reported.enumerated() {
            out.append(line("reported", "\(index + 1). \(party.name), \(party.role) (\(CaseOutline.label(PowerRelation.self, party.power, w)))"))
            for step in party.dueProcess {
                out.append(String(repeating: " ", count: width + 2) + "\(minute(step.at))  \(kind(step.kind)): \(step.text)")
            }
        }
        out.append(line("categories", names(doc.categories, taxonomy.categoryName)))
        if !doc.grounds.isEmpty { out.append(line("grounds", names(doc.grounds, taxonomy.groundName))) }
        if !doc.conductTags.isEmpty { out.append(line("conduct", names(doc.conductTags, taxonomy.tagName))) }
        if doc.childInvolved { out.append(w["show.child-involved"]) }
        out.append(line("wishes", doc.wishes.map { CaseOutline.label(Wishes.self, $0, w) } ?? w["export.value.not-recorded"]))
        if let level = doc.escalationLevel {
            out.append(line("escalated", w["show.escalated-to", values: ["level": CaseOutline.label(EscalationLevel.self, level, w)]]))
        }
        if let duty = doc.dutyToAct { out.append(line("duty", w["show.duty", values: ["duty": duty]])) }
        if let outcome = doc.outcome {
            let measures = doc.measures.map { CaseOutline.label(Measure.self, $0, w) }.joined(separator: w["list.separator"])
            out.append(line("outcome", CaseOutline.label(Outcome.self, outcome, w)
                + (doc.measures.isEmpty ? "" : " " + w["show.measures", values: ["measures": measures]])))
        }
        out.append(line("consent", w[doc.affected == nil ? "show.consent.reporter" : "show.consent.affected",
                                     values: ["answer": w.yesNo(doc.consentShareIdentity)]]))
        for entry in doc.disclosures {
            out.append(line("disclosure", "\(minute(entry.at))  \(kind(entry.kind)): \(entry.text)"))
        }
        out.append("")
        out.append(w["show.heading.narrative"])
        out.append(doc.narrative)
        if !doc.supportNeeds.isEmpty { out.append(""); out.append(w["show.heading.support-needs"]); out.append(doc.supportNeeds) }
        out.append("")
        out.append(w["show.heading.assessment"])
        for line in doc.score.lines { out.append("  " + line.text) }
        if let scoringNote { out.append("  " + scoringNote) }
        out.append("")
        out.append(w["show.heading.deadlines"])
        let deadlineWidth = max(22, doc.deadlines.map { CaseOutline.label(Deadline.Kind.self, $0.kind, w).count }.max() ?? 0)
        for d in doc.deadlines {
            let state = d.metAt.map { w[d.metLate ? "show.deadline.met-late" : "show.deadline.met", values: ["date": minute($0)]] }
                ?? w[d.overdue ? "show.deadline.overdue" : "show.deadline.due"]
            let label = CaseOutline.label(Deadline.Kind.self, d.kind, w)
            out.append("  \(label.padding(toLength: deadlineWidth, withPad: " ", startingAt: 0)) \(minute(d.due))  \(state)")
        }
        out.append("")
        out.append(w["show.heading.journal"])
        for entry in doc.journal { out.append("  \(minute(entry.at))  \(kind(entry.kind))  \(entry.author): \(entry.text)") }
        return SafeText.clean(out.joined(separator: "\n"))
    }
}
