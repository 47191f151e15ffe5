import Foundation

/// The result of scoring a case, with every line of its explanation.
public struct TriageScore: Equatable, Sendable {
    /// One line of the breakdown: a factor, a booster, an override, or the total.
    public struct Line: Equatable, Sendable, Codable {
        public enum Kind: String, Codable, Sendable { case factor, booster, cap, override, total }
        public var kind: Kind
        public var factor: Factor?
        public var rating: Int?
        public var descriptor: String?
        public var weight: Double?
        /// Points this line adds to the 0–100 score.
        public var points: Double?
        public var text: String
    }

    /// 0–100, or nil while the case has not been assessed.
    public var value: Int?
    /// The weighted score before boosters (nil while unassessed).
    public var baseValue: Int?
    /// The band after overrides; nil only for an unassessed case that no override applies to.
    public var band: Band?
    public var pervasivenessPoints: Int
    public var otherOpenCases: Int
    public var severe: Bool
    public var pervasive: Bool
    public var overrides: [String]
    public var suggestEscalation: Bool
    public var lines: [Line]

    public var severeOrPervasive: Bool { severe || pervasive }

    /// The explanation as plain text lines, one per factor, booster, override and the total.
    public var explanation: [String] { lines.map(\.text) }
}
