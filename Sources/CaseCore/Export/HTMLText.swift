import Foundation

/// Escaping for user text placed in HTML element content or a quoted attribute value.
public enum HTMLText {
    /// The text cleaned with ``SafeText/clean(_:)`` and with `& < > " '` escaped. Newlines are kept
    /// (the export's CSS shows them with `white-space: pre-wrap`).
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in SafeText.clean(text) {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// ``escape(_:)`` on one line: line ends become spaces.
    public static func line(_ text: String) -> String {
        escape(SafeText.line(text))
    }
}
