import Foundation

/// Builds the ``CaseDocument`` an export renders, and for the supervisor also takes the reporter's identity out of
/// the free text that stays in the document.
///
/// ``CaseDocument`` leaves out the name (without consent), the contact and the support needs. But counselors write
/// "Marta says…" in narratives and journal notes, so for the supervisor every whole-word occurrence of the
/// reporter's name or its parts (3 letters or more) is replaced by `[reporter]` when identity is withheld, and every
/// occurrence of the contact details (whole, each comma- or semicolon-separated part, each e-mail address or phone
/// number in it) by `[contact withheld]`, consent or not.
public enum ExportRedaction {
    public static let reporterPlaceholder = "[reporter]"
    public static let contactPlaceholder = "[contact withheld]"
    public static let affectedPlaceholder = "[affected person]"

    /// The document for `audience`. The supervisor's document is made from ``SupervisorView/copy(of:)``, the same
    /// copy the store gives a supervisor's session, so the counselor's "for the supervisor" export and the
    /// supervisor's own export of the same case at the same moment are the same bytes.
    public static func document(item: Case, evaluation: CaseEvaluation, audience: Audience, now: Date,
                                catalogue: Catalogue = .english) -> CaseDocument {
        CaseDocument(item: item.redacted(for: audience), evaluation: evaluation, audience: audience, now: now, catalogue: catalogue)
    }

    /// A function replacing the reporter's identity in a text, as the supervisor export needs it.
    public static func scrubber(for item: Case) -> @Sendable (String) -> String {
        var rules: [(pattern: String, replacement: String)] = []
        // Contacts first: an address that contains the name ("marta.l@…") goes whole, not as "[reporter].l@…".
        for contact in [item.reporter.contact, item.affected?.contact].compactMap({ $0 }) {
            for term in contactTerms(contact) {
                rules.append((contactPattern(term), contactPlaceholder))
            }
        }
        let names = [(item.reporter.name, reporterPlaceholder, SupervisorView.sharesReporterName(item)),
                     (item.affected?.name, affectedPlaceholder, item.consentShareIdentity)]
        for case let (name?, placeholder, shared) in names where !shared {
            for term in nameTerms(name) {
                rules.append(("(?<![\\p{L}\\p{N}])" + NSRegularExpression.escapedPattern(for: term) + "(?![\\p{L}\\p{N}])",
                              placeholder))
            }
        }
        let compiled = rules.compactMap { rule -> (NSRegularExpression, String)? in
            guard let regex = try? NSRegularExpression(pattern: rule.pattern, options: [.caseInsensitive]) else { return nil }
            return (regex, NSRegularExpression.escapedTemplate(for: rule.replacement))
        }
        let box = RegexBox(rules: compiled)
        return { text in box.apply(text) }
    }

    /// The whole name, then its parts of 3 letters or more (split at spaces and hyphens), longest first.
    static func nameTerms(_ name: String) -> [String] {
        let whole = name.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        var terms = [whole]
        let parts = whole.split(whereSeparator: { $0.isWhitespace || $0 == "-" || $0 == "," || $0 == "." })
            .map(String.init)
            .filter { $0.count >= 3 }
        terms += parts
        terms += whole.split(whereSeparator: \.isWhitespace).map(String.init).filter { $0.count >= 3 && $0.contains("-") }
        return unique(terms.filter { !$0.isEmpty }).sorted { $0.count > $1.count }
    }

    /// The whole contact, each part between commas or semicolons, each e-mail address and phone number in it.
    static func contactTerms(_ contact: String) -> [String] {
        let whole = contact.trimmingCharacters(in: .whitespacesAndNewlines)
        var terms = [whole]
        let parts = whole.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "\n" })
            .map { $0.trimmingCharacters(in: .whitespaces) }
        terms += parts
        terms += whole.split(whereSeparator: { $0.isWhitespace || $0 == "," || $0 == ";" || $0 == "<" || $0 == ">" })
            .map(String.init).filter { $0.contains("@") }
        return unique(terms.filter { $0.count >= 3 }).sorted { $0.count > $1.count }
    }

    /// A pattern for a contact term; in a phone number, any run of spaces, dots, dashes or brackets between the
    /// digits matches any other, so "+44 7700 900117" also finds "+44-7700-900117".
    static func contactPattern(_ term: String) -> String {
        let digits = term.filter(\.isNumber).count
        let phoneLike = digits >= 6 && term.allSatisfy { $0.isNumber || " +-.()/".contains($0) }
        guard phoneLike else { return NSRegularExpression.escapedPattern(for: term) }
        let groups = term.split(whereSeparator: { !$0.isNumber && $0 != "+" }).map(String.init)
        return groups.map { NSRegularExpression.escapedPattern(for: $0) }.joined(separator: "[\\s.\\-()/]*")
    }

    private static func unique(_ items: [String]) -> [String] {
        var seen: Set<String> = []
        return items.filter { seen.insert($0.lowercased()).inserted }
    }
}

/// Compiled rules, applied in order. NSRegularExpression is immutable and documented thread-safe.
private final class RegexBox: @unchecked Sendable {
    let rules: [(NSRegularExpression, String)]

    init(rules: [(NSRegularExpression, String)]) {
        self.rules = rules
    }

    func apply(_ text: String) -> String {
        var result = text
        for (regex, template) in rules {
            result = regex.stringByReplacingMatches(
                in: result, range: NSRange(result.startIndex..., in: result), withTemplate: template)
        }
        return result
    }
}
