import Foundation

/// A value whose name a counselor reads comes from the catalogue, under `PREFIX.RAW-VALUE` (`status.support-advice`).
public protocol Labelled: RawRepresentable, CaseIterable where RawValue == String {
    /// The first part of the keys of this type's labels.
    static var labelPrefix: String { get }
}

extension Labelled {
    /// `status.support-advice`
    public var labelKey: String { Self.labelPrefix + "." + rawValue }

    /// The keys of every value's label.
    public static var labelKeys: [String] { allCases.map(\.labelKey) }
}

extension Catalogue {
    /// The value's name in this language.
    public func label(_ value: some Labelled) -> String { self[value.labelKey] }

    /// A status as narrow columns show it (`ack'd`, `escal.`).
    public func shortLabel(_ status: CaseStatus) -> String { self["status-short." + status.rawValue] }

    /// The keys of every label the code reads: the catalogue tests check that each shipped desk language has them all.
    public static let labelKeys: [String] = CaseStatus.labelKeys + CaseStatus.allCases.map { "status-short." + $0.rawValue }
        + Deadline.Kind.labelKeys + Factor.labelKeys + Band.labelKeys + Channel.labelKeys + Relationship.labelKeys
        + PowerRelation.labelKeys + EscalationLevel.labelKeys + Outcome.labelKeys + Measure.labelKeys + Wishes.labelKeys
        + JournalEntry.Kind.labelKeys + ReviewDecision.labelKeys + Audience.labelKeys
        + Factor.allCases.flatMap { factor in (0...4).map { "factor.\(factor.rawValue).\($0)" } } + Phrase.idKeys
        + ["entry.commas.separator", "entry.semicolons.separator"]
}

extension CaseStatus: Labelled { public static let labelPrefix = "status" }
extension Deadline.Kind: Labelled { public static let labelPrefix = "deadline" }
extension Factor: Labelled { public static let labelPrefix = "factor" }
extension Band: Labelled { public static let labelPrefix = "band" }
extension Channel: Labelled { public static let labelPrefix = "channel" }
extension Relationship: Labelled { public static let labelPrefix = "relationship" }
extension PowerRelation: Labelled { public static let labelPrefix = "power" }
extension EscalationLevel: Labelled { public static let labelPrefix = "escalation" }
extension Outcome: Labelled { public static let labelPrefix = "outcome" }
extension Measure: Labelled { public static let labelPrefix = "measure" }
extension Wishes: Labelled { public static let labelPrefix = "wishes" }
extension JournalEntry.Kind: Labelled { public static let labelPrefix = "journal" }
extension ReviewDecision: Labelled { public static let labelPrefix = "review" }
extension Audience: Labelled { public static let labelPrefix = "audience" }
