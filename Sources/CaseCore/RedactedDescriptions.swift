import Foundation

// Sensitive values never describe themselves in logs, crash output, test failures or `dump()`:
// only ids, pseudonyms and shapes are shown.

extension Reporter: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String {
        "Reporter(\(pseudonym)\(anonymous ? ", anonymous" : ", identity sealed"))"
    }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["pseudonym": pseudonym, "anonymous": anonymous]) }
}

extension ReportedPerson: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String { "ReportedPerson(sealed, power: \(power.rawValue))" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["power": power]) }
}

extension JournalEntry: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String { "JournalEntry(\(kind.rawValue) at \(DateText.timestamp(at)) by \(author), \(text.count) characters)" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["kind": kind, "at": at, "author": author]) }
}

extension Case: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String {
        "Case(\(id), \(status.rawValue), \(reporter), \(reported.count) reported, \(journal.count) journal entries, narrative sealed)"
    }
    public var debugDescription: String { description }
    public var customMirror: Mirror {
        Mirror(self, children: ["id": id, "status": status, "reporter": reporter, "categories": categories, "journalEntries": journal.count])
    }
}
