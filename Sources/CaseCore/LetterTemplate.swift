import Foundation

/// A letter to a reporter, written by the organisation as Markdown with `{{placeholders}}`.
///
/// Templates live in `Data/letters/KIND.LANG.md`; a new language is a new file, no code. A template that
/// names an unknown placeholder, or leaves out a required one, is refused when it is loaded.
public struct LetterTemplate: Equatable, Sendable {
    /// Every placeholder a template may use.
    public static let known: Set<String> = [
        "reference", "letterDate", "receivedDate", "nameSuffix", "salutation", "salutationSuffix", "organisation",
        "firstContactBy", "followUpDays", "feedbackBy", "counselorName", "safetyContacts",
    ]
    /// Placeholders every letter must contain: the case reference, the receipt date, and whom to call in danger.
    public static let required: Set<String> = ["reference", "receivedDate", "safetyContacts"]
    /// Placeholders filled with a list: write them after "- " at the start of a line; each item becomes a list item.
    public static let lists: Set<String> = ["safetyContacts"]

    public var kind: String
    public var language: String
    public var text: String
    public var placeholders: Set<String>
    /// The words of the letter's language: its dates, its title, the default safety sentence, its direction.
    public var catalogue: Catalogue

    public init(kind: String, language: String, text: String, catalogue: Catalogue = .english) throws {
        self.kind = kind
        self.language = language
        self.text = text
        self.catalogue = catalogue
        placeholders = Self.placeholders(in: text)
        let file = "letters/\(kind).\(language).md"
        if let unknown = placeholders.subtracting(Self.known).sorted().first {
            throw ConfigurationError.invalid(file: file, detail: .key("config.letter.unknown-placeholder", ["name": .text(unknown), "known": .text(Self.known.sorted().joined(separator: ", "))]))
        }
        if let missing = Self.required.subtracting(placeholders).sorted().first {
            throw ConfigurationError.invalid(file: file, detail: .key("config.letter.missing-placeholder", ["name": .text(missing)]))
        }
    }

    static func placeholders(in text: String) -> Set<String> {
        var found: Set<String> = []
        var rest = text[...]
        while let open = rest.range(of: "{{") {
            guard let close = rest[open.upperBound...].range(of: "}}") else { break }
            found.insert(rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces))
            rest = rest[close.upperBound...]
        }
        return found
    }

    /// The letter with every placeholder filled; `escape` is applied to each value (for HTML output).
    /// List placeholders (``lists``) take their items separated by newlines; each is escaped on its own. Leading
    /// spaces of a value (as in `nameSuffix`) are kept outside the escaping.
    public func render(_ values: [String: String], escape: (String) -> String = { $0 }) -> String {
        var out = text
        for name in placeholders {
            let raw = values[name] ?? ""
            let value = Self.lists.contains(name)
                ? raw.split(separator: "\n").map { escape(String($0)) }.joined(separator: "\n- ")
                : String(raw.prefix { $0 == " " }) + escape(String(raw.drop { $0 == " " }))
            out = out.replacingOccurrences(of: "{{\(name)}}", with: value)
            out = out.replacingOccurrences(of: "{{ \(name) }}", with: value)
        }
        return out
    }

    /// The title of the letter in its language (the HTML page's title).
    public func title(reference: String) -> String {
        catalogue["letter.title.\(kind)", values: ["reference": reference]]
    }

    /// The values for an acknowledgement of `item`, dated `now`, in the letter's language.
    public func acknowledgementValues(
        for item: Case, evaluation: CaseEvaluation, counselor: String, organisation: String?, policy: Policy, now: Date,
        calendar: Calendar = .utc
    ) -> [String: String] {
        let firstContact = evaluation.deadlines.first { $0.kind == .firstContact }
        let feedback = evaluation.deadlines.first { $0.kind == .feedback }
        let name = item.reporter.anonymous ? nil : item.reporter.name
        let contacts = policy.urgentSafetyContacts(in: language)
        return [
            "reference": item.id.description,
            "letterDate": catalogue.day(now, calendar: calendar),
            "receivedDate": catalogue.day(item.receivedAt, calendar: calendar),
            // An anonymous reporter is greeted without a name, never as "Reporter".
            "nameSuffix": name.map { " \($0)" } ?? "",
            "salutation": name ?? "",
            "salutationSuffix": name.map { " (\($0))" } ?? "",
            "safetyContacts": contacts.isEmpty ? catalogue["letter.safety-default"] : contacts.joined(separator: "\n"),
            "organisation": organisation ?? catalogue["letter.organisation-default"],
            "firstContactBy": firstContact.map { catalogue.day($0.metAt ?? $0.due, calendar: calendar) } ?? "",
            "followUpDays": String(policy.followUpEveryDays),
            "feedbackBy": feedback.map { catalogue.day($0.due, calendar: calendar) } ?? "",
            "counselorName": counselor,
        ]
    }
}
