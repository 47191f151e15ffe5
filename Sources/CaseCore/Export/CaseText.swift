import Foundation

/// A case summary as plain text for the terminal (`confidant show`). User text passes through
/// ``SafeText/clean(_:)``: an escape sequence in a name or narrative never reaches the terminal.
public enum CaseText {
    public static func render(_ doc: CaseDocument, taxonomy: Taxonomy) -> String {
        var out: [String] = []
        let band = doc.score.band.map { $0.uppercased() } ?? "UNRATED"
        out.append("\(doc.id)  \(band)\(doc.score.value.map { " \($0)" } ?? "")  \(doc.status)")
        out.append("Received   \(doc.receivedAt) via \(doc.channel)")
        out.append("Incidents  \(doc.incidentFirst) – \(doc.incidentLast)" + (doc.outsideSixMonthWindow ? "  (outside the six-month window)" : ""))
        var who = "Reporter   \(doc.reporter.pseudonym)"
        if doc.reporter.anonymous { who += " (anonymous)" }
        if let name = doc.reporter.name { who += " — \(name)" }
        if let contact = doc.reporter.contact, !contact.isEmpty { who += " <\(contact)>" }
        if doc.reporter.identityWithheld { who += " (identity withheld: no consent)" }
        out.append(who + ", \(doc.relationship)")
        if let person = doc.affected {
            var line = "Affected   \(person.pseudonym)"
            if let name = person.name { line += " — \(name)" }
            if let contact = person.contact, !contact.isEmpty { line += " <\(contact)>" }
            if person.identityWithheld { line += " (identity withheld: no consent)" }
            out.append(line + " (reported by someone else)")
        }
        for (index, party) in doc.reported.enumerated() {
            out.append("Reported   \(index + 1). \(party.name), \(party.role) (\(party.power))")
            for step in party.dueProcess {
                out.append("             \(step.at)  \(JournalEntry.Kind(rawValue: step.kind)?.label ?? step.kind): \(step.text)")
            }
        }
        out.append("Categories " + doc.categories.map(taxonomy.categoryName).joined(separator: ", "))
        if !doc.grounds.isEmpty { out.append("Grounds    " + doc.grounds.map(taxonomy.groundName).joined(separator: ", ")) }
        if !doc.conductTags.isEmpty { out.append("Conduct    " + doc.conductTags.map(taxonomy.tagName).joined(separator: ", ")) }
        if doc.childInvolved { out.append("A child is involved.") }
        out.append("Wishes     " + (doc.wishes ?? "not recorded"))
        if let level = doc.escalationLevel { out.append("Escalated  to \(level)") }
        if let duty = doc.dutyToAct { out.append("Duty       to act without the reporter's request: \(duty)") }
        if let outcome = doc.outcome {
            out.append("Outcome    \(outcome)" + (doc.measures.isEmpty ? "" : " (measures: \(doc.measures.joined(separator: ", ")))"))
        }
        out.append("Consent    \(doc.affected == nil ? "identity" : "the affected person's identity") may be shared with the supervisor: \(doc.consentShareIdentity ? "yes" : "no")")
        for entry in doc.disclosures {
            out.append("Disclosure \(entry.at)  \(JournalEntry.Kind(rawValue: entry.kind)?.label ?? entry.kind): \(entry.text)")
        }
        out.append("")
        out.append("Narrative")
        out.append(doc.narrative)
        if !doc.supportNeeds.isEmpty { out.append(""); out.append("Support needs"); out.append(doc.supportNeeds) }
        out.append("")
        out.append("Assessment")
        for line in doc.score.lines { out.append("  " + line.text) }
        out.append("")
        out.append("Deadlines")
        for d in doc.deadlines {
            let state = d.metAt.map { "met \($0)" + (d.metLate ? " (late)" : "") } ?? (d.overdue ? "OVERDUE" : "due")
            out.append("  \(d.label.padding(toLength: 22, withPad: " ", startingAt: 0)) \(d.due)  \(state)")
        }
        out.append("")
        out.append("Journal")
        for entry in doc.journal { out.append("  \(entry.at)  \(entry.kind)  \(entry.author): \(entry.text)") }
        return SafeText.clean(out.joined(separator: "\n"))
    }
}
