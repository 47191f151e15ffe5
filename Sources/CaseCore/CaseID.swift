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
        guard (1000...9999).contains(year), (0...99_999_999).contains(number) else {
            return "C-\(year)-" + String(repeating: "0", count: max(0, 4 - String(number).count)) + String(number)
        }
        // Written in place (an id is printed for every row of a listing): `C-`, the year, `-`, at least four digits.
        var digits = 4
        while number >= Self.powersOfTen[digits] { digits += 1 }
        return String(unsafeUninitializedCapacity: 7 + digits) { buffer in
            buffer[0] = UInt8(ascii: "C")
            buffer[1] = UInt8(ascii: "-")
            for place in 0..<4 { buffer[2 + place] = UInt8(ascii: "0") + UInt8(year / Self.powersOfTen[3 - place] % 10) }
            buffer[6] = UInt8(ascii: "-")
            for place in 0..<digits { buffer[7 + place] = UInt8(ascii: "0") + UInt8(number / Self.powersOfTen[digits - 1 - place] % 10) }
            return 7 + digits
        }
    }

    private static let powersOfTen = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000]

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
