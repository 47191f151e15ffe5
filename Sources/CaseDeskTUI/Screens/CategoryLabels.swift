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

    /// The categories as they best fit in `columns` (not padded): the full names, else the short forms, else as many
    /// whole short forms as fit and how many more ("Auth.abuse +1"); truncated with "…" only as a last resort.
    public static func text(_ ids: [String], taxonomy: Taxonomy, columns: Int, words: Catalogue = .english) -> String {
        let full = ids.map(taxonomy.categoryName).joined(separator: ", ")
        if DisplayWidth.width(of: full) <= columns { return full }
        let short = ids.map { shortName($0, taxonomy: taxonomy, words: words) }
        let all = short.joined(separator: ", ")
        if DisplayWidth.width(of: all) <= columns { return all }
        for shown in stride(from: short.count - 1, through: 1, by: -1) {
            let text = short.prefix(shown).joined(separator: ", ") + " +\(short.count - shown)"
            if DisplayWidth.width(of: text) <= columns { return text }
        }
        return DisplayWidth.truncate(all, to: columns)
    }
}
