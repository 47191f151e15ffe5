import CaseCore
import Foundation

/// Sections of the case detail about what was done for the people involved: the reported persons' due process and
/// disclosures made without consent. Both are for the counselor only (the store withholds them from a supervisor).
enum CaseRecordLines {
    /// The four steps of due process, in the order they happen, and the catalogue keys of their names and of what
    /// the detail says while a step has not happened.
    static let steps: [(kind: JournalEntry.Kind, label: String, none: String)] = [
        (.respondentInformed, "desk.due-process.informed", "desk.due-process.not-yet"),
        (.respondentAccount, "desk.due-process.account-heard", "desk.due-process.not-yet"),
        (.interimMeasure, "desk.due-process.interim-measures", "desk.due-process.none"),
        (.outcomeCommunicated, "desk.due-process.outcome-communicated", "desk.due-process.not-yet"),
    ]

    /// One block per reported person: "1. Name, role" then each step with the dates it was recorded on.
    static func dueProcess(_ item: Case, width: Int, calendar: Calendar, words: Catalogue) -> [StyledLine] {
        guard !item.reported.isEmpty else { return [] }
        var out: [StyledLine] = [.blank, StyledLine(words["desk.due-process.heading"], .heading)]
        for (index, person) in item.reported.enumerated() {
            out.append(StyledLine("  \(index + 1). \(person.name), \(person.role)", .bold))
            let parts = steps.map { step in
                let dates = item.journal.filter { $0.kind == step.kind && $0.party == index }
                    .map { DateText.day($0.at, calendar: calendar) }
                return words["desk.due-process.step", values: [
                    "step": words[step.label], "state": dates.isEmpty ? words[step.none] : dates.joined(separator: ", ")]]
            }
            out += StyledLine.paragraph(parts.joined(separator: " · "), indent: 5, width: width)
        }
        return out
    }

    /// Disclosures without consent, and whether the reporter was told or telling them was deferred.
    static func disclosures(_ item: Case, width: Int, calendar: Calendar, words: Catalogue) -> [StyledLine] {
        let entries = item.journal.filter { [.disclosure, .reporterTold, .tellingDeferred].contains($0.kind) }
        guard !entries.isEmpty else { return [] }
        return [.blank, StyledLine(words["desk.disclosures.heading"], .heading)]
            + DetailScreen.journalLines(entries, width: width, calendar: calendar, words: words)
    }
}
