import Foundation

/// Refuses JSON keys Confidant does not know, naming the nearest known one, before a value is decoded.
/// A misspelled optional field (`suportNeeds`) would otherwise be dropped without a word.
public enum StrictJSON {
    /// The keys an object may hold; nested objects and arrays of objects have shapes of their own.
    public struct Shape: Sendable {
        public var name: Phrase
        public var keys: Set<String>
        public var nested: [String: Shape]
        /// Keys known elsewhere but refused here, with the reason (e.g. workflow fields in an edit).
        public var refused: [String: Phrase]

        public init(name: Phrase, keys: Set<String>, nested: [String: Shape] = [:], refused: [String: Phrase] = [:]) {
            self.name = name
            self.keys = keys.union(nested.keys)
            self.nested = nested
            self.refused = refused
        }
    }

    static let reporter = Shape(name: .key("json.reporter"), keys: ["pseudonym", "anonymous", "name", "contact"])
    static let affected = Shape(name: .key("json.affected"), keys: ["pseudonym", "name", "contact"])
    static let party = Shape(name: .key("json.reported"), keys: ["name", "role", "power"])
    static let ratings = Shape(name: .key("json.assessment"), keys: Set(Factor.allCases.map(\.rawValue)))
    static let journalEntry = Shape(name: .key("json.journal-entry"), keys: ["at", "kind", "text", "party"])

    /// The fields a case may be described with, at intake and in an edit alike.
    static let caseFields: Set<String> = [
        "receivedAt", "channel", "incidentFirst", "incidentLast", "relationship", "categories", "grounds",
        "conductTags", "childInvolved", "consentShareIdentity", "narrative", "supportNeeds", "wishes", "language",
    ]
    static let caseNested: [String: Shape] = ["reporter": reporter, "affected": affected, "reported": party]

    /// `add --json`, imports and the demo file.
    public static let intake = Shape(
        name: .key("json.case"),
        keys: caseFields.union(["status", "escalationLevel", "screeningReason", "outcome", "measures", "externalRef", "followUpEveryDays"]),
        nested: caseNested.merging(["assessment": ratings, "journal": journalEntry]) { a, _ in a })

    /// `edit --json`: the same fields, but the workflow moves through its own commands.
    public static let edit = Shape(
        name: .key("json.edit"), keys: caseFields.union(["followUpEveryDays"]), nested: caseNested,
        refused: [
            "status": .key("json.refused.status"),
            "assessment": .key("json.refused.assessment"),
            "escalationLevel": .key("json.refused.escalation"),
            "screeningReason": .key("json.refused.screening"),
            "outcome": .key("json.refused.outcome"),
            "measures": .key("json.refused.measures"),
            "journal": .key("json.refused.journal"),
            "receivedAt": .key("json.refused.received-at"),
        ])

    /// Throws ``CaseError/unknownKey(key:in:suggestion:)`` for the first unknown key (in document order of the shape),
    /// or ``CaseError/invalidField(field:problem:)`` for a refused one. Malformed JSON is left to the decoder.
    public static func check(_ data: Data, against shape: Shape) throws {
        guard let root = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else { return }
        try check(root, against: shape)
    }

    public static func check(_ value: Any, against shape: Shape) throws {
        guard let object = value as? [String: Any] else { return }
        for key in object.keys.sorted() {
            if let reason = shape.refused[key] {
                throw CaseError.invalidField(field: .key("field.json-field", ["key": .text(key)]), problem: .key("problem.not-editable", ["reason": reason]))
            }
            guard shape.keys.contains(key) else {
                throw CaseError.unknownKey(key: key, in: shape.name, suggestion: nearest(key, in: shape.keys))
            }
            guard let inner = shape.nested[key] else { continue }
            if let list = object[key] as? [Any] {
                for element in list { try check(element, against: inner) }
            } else {
                try check(object[key]!, against: inner)
            }
        }
    }

    /// The known key closest to `key` (edit distance, case ignored), when it is close enough to be a typo.
    static func nearest(_ key: String, in known: Set<String>) -> String? {
        let lowered = key.lowercased()
        let scored = known.map { ($0, distance(Array(lowered), Array($0.lowercased()))) }
            .sorted { ($0.1, $0.0) < ($1.1, $1.0) }
        guard let best = scored.first, best.1 <= max(2, key.count / 3) else { return nil }
        return best.0
    }

    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
