import Foundation

/// A case reference such as `C-2026-0042`: the year the report was received and a sequence number within it.
public struct CaseID: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    public let year: Int
    public let number: Int

    public init(year: Int, number: Int) {
        self.year = year
        self.number = number
    }

    /// Parses `C-2026-0042` (case-insensitive, leading zeros optional).
    public init?(_ text: String) {
        let parts = text.trimmingCharacters(in: .whitespaces).uppercased().split(separator: "-")
        guard parts.count == 3, parts[0] == "C",
              let year = Int(parts[1]), (1000...9999).contains(year),
              let number = Int(parts[2]), number > 0 else { return nil }
        self.init(year: year, number: number)
    }

    public var description: String {
        "C-\(year)-" + String(repeating: "0", count: max(0, 4 - String(number).count)) + String(number)
    }

    public static func < (lhs: CaseID, rhs: CaseID) -> Bool {
        (lhs.year, lhs.number) < (rhs.year, rhs.number)
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let id = CaseID(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "'\(text)' is not a case id like C-2026-0042"))
        }
        self = id
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
