import CaseCore

/// Category names for narrow columns: the full names when they fit, else short forms.
public enum CategoryLabels {
    /// The short form of a category in the desk's language (`category-short.ID` in the catalogue: `Auth.abuse`,
    /// `Abus d'aut.`); a category the catalogue has no short form for uses the first word of its name.
    public static func shortName(_ id: String, taxonomy: Taxonomy, words: Catalogue = .english) -> String {
        if words.knows("category-short." + id) { return words["category-short." + id] }
        let name = taxonomy.categoryName(id)
        return String(name.split(separator: " ").first ?? Substring(name))
    }

    /// The categories as they best fit in `columns` (not padded; truncated with "…" as a last resort).
    public static func text(_ ids: [String], taxonomy: Taxonomy, columns: Int, words: Catalogue = .english) -> String {
        let full = ids.map(taxonomy.categoryName).joined(separator: ", ")
        if DisplayWidth.width(of: full) <= columns { return full }
        return DisplayWidth.truncate(ids.map { shortName($0, taxonomy: taxonomy, words: words) }.joined(separator: ", "), to: columns)
    }
}
