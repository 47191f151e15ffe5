import Foundation

/// One CSV cell as Confidant writes it: control characters and escape sequences removed, a value a spreadsheet
/// would run as a formula neutralised with a leading `'`, and RFC 4180 quoting where needed.
public enum CSVField {
    /// First characters that make Excel, LibreOffice or Google Sheets treat a cell as a formula (OWASP "CSV injection"),
    /// with their full-width forms.
    static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠"]

    /// The value a spreadsheet shows as text: prefixed with `'` when it starts (or starts after spaces) with
    /// `=`, `+`, `-`, `@`, a tab or a carriage return.
    public static func neutralised(_ value: String) -> String {
        let cleaned = SafeText.clean(value)
        let risky = [value, cleaned, String(cleaned.drop(while: { $0 == " " }))].contains { text in
            text.first.map(formulaStarts.contains) ?? false
        }
        return risky ? "'" + cleaned : cleaned
    }

    /// RFC 4180 quoting: values holding a comma, semicolon, quote, line end, or leading or trailing space are quoted,
    /// with quotes doubled.
    public static func quoted(_ value: String) -> String {
        let needsQuotes = value.contains { $0 == "," || $0 == ";" || $0 == "\"" || $0.isNewline }
            || value.first == " " || value.last == " "
        guard needsQuotes else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// ``neutralised(_:)`` then ``quoted(_:)``: what goes between the commas.
    public static func encode(_ value: String) -> String {
        quoted(neutralised(value))
    }
}

/// Builds a CSV text: a header row, then rows, every cell through ``CSVField/encode(_:)``, lines ending in CRLF
/// (RFC 4180). Every CSV the program writes goes through this type.
public struct CSVWriter: Sendable {
    public private(set) var columnCount: Int
    private var lines: [String] = []

    public init(header: [String]) {
        columnCount = header.count
        lines.append(Self.line(header))
    }

    /// Appends a row; short rows are padded with empty cells, long ones are kept whole.
    public mutating func append(_ row: [String]) {
        let padded = row.count < columnCount ? row + Array(repeating: "", count: columnCount - row.count) : row
        lines.append(Self.line(padded))
    }

    public var text: String { lines.joined(separator: "\r\n") + "\r\n" }

    static func line(_ cells: [String]) -> String {
        cells.map(CSVField.encode).joined(separator: ",")
    }
}
