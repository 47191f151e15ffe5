import CaseCore

/// Category names for narrow columns: the full names when they fit, else short forms.
public enum CategoryLabels {
    /// Short forms of the standard taxonomy ids; other ids use the first word of their name.
    static let short: [String: String] = [
        "aggression-violence": "Aggression",
        "bullying": "Bullying",
        "discrimination": "Discrim.",
        "harassment": "Harass.",
        "sexual-harassment": "Sex.har.",
        "sexual-exploitation-abuse": "SEA",
        "abuse-of-authority": "Auth.abuse",
        "victimisation": "Victimis.",
        "vilification": "Vilific.",
    ]

    public static func shortName(_ id: String, taxonomy: Taxonomy) -> String {
        if let s = short[id] { return s }
        let name = taxonomy.categoryName(id)
        return String(name.split(separator: " ").first ?? Substring(name))
    }

    /// The categories as they best fit in `columns` (not padded; truncated with "…" as a last resort).
    public static func text(_ ids: [String], taxonomy: Taxonomy, columns: Int) -> String {
        let full = ids.map(taxonomy.categoryName).joined(separator: ", ")
        if DisplayWidth.width(of: full) <= columns { return full }
        return DisplayWidth.truncate(ids.map { shortName($0, taxonomy: taxonomy) }.joined(separator: ", "), to: columns)
    }
}
