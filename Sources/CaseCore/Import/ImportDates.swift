import Foundation

/// Strict date checks for imports: `2026-02-30` is refused rather than read as 2 March.
public enum ImportDates {
    /// True for a real calendar date `YYYY-MM-DD` or an ISO 8601 timestamp.
    public static func isValid(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let date = DateText.parse(trimmed) else { return false }
        let isPlainDate = trimmed.count == 10 && trimmed.enumerated().allSatisfy { index, c in
            index == 4 || index == 7 ? c == "-" : c.isASCII && c.isNumber
        }
        if isPlainDate { return DateText.day(date) == trimmed }
        // A timestamp: its date part must be a real date too.
        let datePart = String(trimmed.prefix(10))
        guard trimmed.count > 10, let day = DateText.parse(datePart) else { return false }
        return DateText.day(day) == datePart
    }
}
