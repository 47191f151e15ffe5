import Foundation

/// The reference an anonymous reporter quotes when calling back: 16 random digits in groups of four.
/// It is never derived from the case id; only a salted, keyed hash of it is stored.
public struct FollowUpCode: Equatable, Sendable, CustomStringConvertible {
    /// The 16 digits, without spaces.
    public let digits: String

    /// A fresh code from the system's secure random generator.
    public static func random() -> FollowUpCode {
        var generator = SystemRandomNumberGenerator()
        return FollowUpCode(digits: (0..<16).map { _ in String(Int.random(in: 0...9, using: &generator)) }.joined())
    }

    init(digits: String) {
        self.digits = digits
    }

    /// Parses what a person reads out or types: spaces, dashes and dots are ignored; exactly 16 digits.
    public init?(_ text: String) {
        let digits = text.filter { !" -.\u{00A0}".contains($0) }
        guard digits.count == 16, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        self.digits = digits
    }

    /// `1234 5678 9012 3456`
    public var description: String {
        stride(from: 0, to: 16, by: 4).map { offset in
            let start = digits.index(digits.startIndex, offsetBy: offset)
            return String(digits[start..<digits.index(start, offsetBy: 4)])
        }.joined(separator: " ")
    }
}
