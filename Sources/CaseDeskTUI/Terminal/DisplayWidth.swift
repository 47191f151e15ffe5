import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Terminal column widths of text, per Unicode scalar, through libc `wcwidth`.
///
/// Wide characters (CJK, most emoji) take two columns, combining marks none. Truncation cuts at the
/// column edge and never splits a wide character: the column it would half-fill is padded with a space.
public enum DisplayWidth {
    /// The ellipsis that marks truncated text (one column).
    public static let ellipsis: Character = "…"

    /// Makes sure `LC_CTYPE` is a UTF-8 locale (the environment's when it is one, else C.UTF-8) so
    /// `wcwidth` and curses know wide characters. Returns whether a UTF-8 locale is active.
    @discardableResult
    public static func ensureUTF8Locale() -> Bool {
        if isUTF8() { return true }
        if setlocale(LC_CTYPE, "") != nil, isUTF8() { return true }
        for name in ["C.UTF-8", "C.utf8", "en_US.UTF-8"] where setlocale(LC_CTYPE, name) != nil {
            if isUTF8() { return true }
        }
        return false
    }

    private static let localeReady: Bool = ensureUTF8Locale()

    private static func isUTF8() -> Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }

    /// libc's `wcwidth`, looked up at run time: Glibc's Swift module leaves the X/Open wide-character
    /// functions out, and `dlsym` gives the real C entry point without a C shim.
    private static let libcWidth: @convention(c) (wchar_t) -> Int32 = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "wcwidth") else {
            return { value in value < 0x1100 ? 1 : 2 }
        }
        return unsafeBitCast(symbol, to: (@convention(c) (wchar_t) -> Int32).self)
    }()

    /// Columns one scalar takes: 0 for combining marks and other zero-width scalars, 2 for wide ones.
    /// Control characters count as one column (they are drawn as a space, see ``printable(_:)``).
    public static func width(of scalar: Unicode.Scalar) -> Int {
        _ = localeReady
        let value = scalar.value
        if value < 0x20 || (0x7F..<0xA0).contains(value) { return 1 }
        if value < 0x7F { return 1 }
        let w = libcWidth(wchar_t(bitPattern: value))
        if w < 0 {
            // Unassigned or private-use: treat as one column like terminals do.
            return 1
        }
        return Int(w)
    }

    /// Columns a string takes on the terminal.
    public static func width(of text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + width(of: $1) }
    }

    /// The text with control characters (tabs, newlines, escapes) replaced by spaces, safe to draw.
    public static func printable(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let v = scalar.value
            scalars.append(v < 0x20 || (0x7F..<0xA0).contains(v) ? " " : scalar)
        }
        return String(scalars)
    }

    /// Exactly `columns` columns: the text padded with spaces, or truncated with an ellipsis.
    /// A wide character that would straddle the edge is dropped and its column filled with a space.
    public static func fit(_ text: String, to columns: Int) -> String {
        guard columns > 0 else { return "" }
        let clean = printable(text)
        let total = width(of: clean)
        if total <= columns { return clean + String(repeating: " ", count: columns - total) }
        let cut = prefix(clean, columns: columns - 1)
        return cut.text + String(repeating: " ", count: columns - 1 - cut.width) + String(ellipsis)
    }

    /// The text cut to at most `columns` columns with an ellipsis when it does not fit, without padding.
    public static func truncate(_ text: String, to columns: Int) -> String {
        guard columns > 0 else { return "" }
        let clean = printable(text)
        if width(of: clean) <= columns { return clean }
        let cut = prefix(clean, columns: columns - 1)
        return cut.text + String(repeating: " ", count: columns - 1 - cut.width) + String(ellipsis)
    }

    /// The text padded with spaces on the right to `columns` (never truncated).
    public static func pad(_ text: String, to columns: Int) -> String {
        let w = width(of: text)
        return w >= columns ? text : text + String(repeating: " ", count: columns - w)
    }

    /// The text padded with spaces on the left to `columns` (never truncated).
    public static func padLeft(_ text: String, to columns: Int) -> String {
        let w = width(of: text)
        return w >= columns ? text : String(repeating: " ", count: columns - w) + text
    }

    /// The longest prefix that fits in `columns`, keeping combining marks with their base, and its width.
    public static func prefix(_ text: String, columns: Int) -> (text: String, width: Int) {
        var scalars = String.UnicodeScalarView()
        var used = 0
        for scalar in text.unicodeScalars {
            let w = width(of: scalar)
            if used + w > columns { break }
            scalars.append(scalar)
            used += w
        }
        return (String(scalars), used)
    }

    /// Word-wraps text to lines of at most `columns` columns. Hard newlines are kept; words longer
    /// than a line are broken at the column edge.
    public static func wrap(_ text: String, to columns: Int) -> [String] {
        guard columns > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: false) {
                var word = printable(String(word))
                var w = width(of: word)
                if lineWidth > 0, lineWidth + 1 + w <= columns {
                    line += " " + word
                    lineWidth += 1 + w
                    continue
                }
                if lineWidth > 0 || !line.isEmpty {
                    lines.append(line)
                    line = ""
                    lineWidth = 0
                }
                while w > columns {
                    let head = prefix(word, columns: columns)
                    if head.width == 0 { break }
                    lines.append(head.text)
                    word = String(word.unicodeScalars.dropFirst(head.text.unicodeScalars.count))
                    w = width(of: word)
                }
                line = word
                lineWidth = w
            }
            lines.append(line)
        }
        return lines
    }
}
