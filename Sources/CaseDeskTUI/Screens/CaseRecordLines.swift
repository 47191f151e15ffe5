import CaseCore
import Foundation

/// Sections of the case detail about what was done for the people involved: the reported persons' due process and
/// disclosures made without consent. Both are for the counselor only (the store withholds them from a supervisor).
enum CaseRecordLines {
    /// The four steps of due process, in the order they happen, as the detail names them.
    static let steps: [(kind: JournalEntry.Kind, label: String, none: String)] = [
        (.respondentInformed, "informed", "not yet"),
        (.respondentAccount, "account heard", "not yet"),
        (.interimMeasure, "interim measures", "none"),
        (.outcomeCommunicated, "outcome communicated", "not yet"),
    ]

    /// One block per reported person: "1. Name, role" then each step with the dates it was recorded on.
    static func dueProcess(_ item: Case, width: Int, calendar: Calendar) -> [StyledLine] {
        guard !item.reported.isEmpty else { return [] }
        var out: [StyledLine] = [.blank, StyledLine("Due process (per reported person)", .heading)]
        for (index, person) in item.reported.enumerated() {
            out.append(StyledLine("  \(index + 1). \(person.name), \(person.role)", .bold))
            let parts = steps.map { step in
                let dates = item.journal.filter { $0.kind == step.kind && $0.party == index }
                    .map { DateText.day($0.at, calendar: calendar) }
                return step.label + " " + (dates.isEmpty ? step.none : dates.joined(separator: ", "))
            }
            out += StyledLine.paragraph(parts.joined(separator: " · "), indent: 5, width: width)
        }
        return out
    }

    /// Disclosures without consent, and whether the reporter was told or telling them was deferred.
    static func disclosures(_ item: Case, width: Int, calendar: Calendar) -> [StyledLine] {
        let entries = item.journal.filter { [.disclosure, .reporterTold, .tellingDeferred].contains($0.kind) }
        guard !entries.isEmpty else { return [] }
        return [.blank, StyledLine("Disclosures without consent", .heading)]
            + DetailScreen.journalLines(entries, width: width, calendar: calendar)
    }
}
