import Foundation

/// The words of the journal entries Confidant writes itself. They are kept as phrases, so each reader sees them in
/// their own language; in English they read as they always have, values by their ids (`Status new → acknowledged`).
extension Phrase {
    /// A value as the journal's sentences name it: its id in English (`screened-out`), its name in other languages.
    public static func id(_ value: some Labelled) -> Phrase { .key("id." + value.labelKey) }

    /// A band as the journal names it, or `unrated`.
    static func id(_ band: Band?) -> Phrase { band.map { .id($0) } ?? .key("id.band.unrated") }

    /// An entry of the taxonomy: its catalogue name when the catalogue has one, else its id as it is.
    static func taxonomy(_ prefix: String, _ id: String) -> Phrase {
        Catalogue.english.knows(prefix + "." + id) ? .key(prefix + "." + id) : .text(id)
    }

    /// Items joined by commas only (`a, b, c`), as the journal lists ids.
    static func commas(_ items: [Phrase]) -> Phrase { .list(items, joiner: "entry.commas") }

    /// Items joined by semicolons (`a; b`).
    static func semicolons(_ items: [Phrase]) -> Phrase { .list(items, joiner: "entry.semicolons") }

    /// A part of a sentence that is there only when `present`.
    static func optional(_ present: Bool, _ part: @autoclosure () -> Phrase) -> Phrase { present ? part() : .text("") }

    /// Every id word the journal uses, for the catalogue tests.
    public static let idKeys: [String] = (CaseStatus.labelKeys + Outcome.labelKeys + Measure.labelKeys + Wishes.labelKeys
        + Channel.labelKeys + Relationship.labelKeys + PowerRelation.labelKeys + Band.labelKeys + Factor.labelKeys
        + EscalationLevel.labelKeys + Deadline.Kind.labelKeys)
        .map { "id." + $0 } + ["id.band.unrated"]
}

extension Catalogue {
    /// A value as tables and the journal name it: its id in English (`screened-out`, the word `--status` takes), its
    /// name in other languages.
    public func id(_ value: some Labelled) -> String { words(.id(value)) }

    /// A band as tables name it, or `unrated`.
    public func id(_ band: Band?) -> String { words(.id(band)) }
}
