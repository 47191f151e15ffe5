import Foundation

/// Escaping for user text placed in a Markdown document, so that a name or narrative renders as the words
/// it holds: no heading, list, table break, link, image, raw HTML or code span can be started from inside it.
public enum MarkdownText {
    /// Characters that are backslash-escaped wherever they appear.
    private static let special: Set<Character> = ["\\", "`", "*", "_", "[", "]", "|", "~", "$"]
    /// Characters that only mean something at the start of a line.
    private static let lineStart: Set<Character> = ["#", "+", "-", "=", ">"]

    /// One line of text: cleaned, line ends folded into spaces, escaped. `atLineStart` when the text begins a line
    /// or a list item (where `#`, `-`, `1.` and the like would start a block).
    public static func inline(_ text: String, atLineStart: Bool = false) -> String {
        escapeLine(SafeText.line(text), atLineStart: atLineStart)
    }

    /// Multi-line text as paragraphs: each line escaped, line breaks kept as hard breaks, blank lines as
    /// paragraph breaks. Every line after the first is prefixed with `indent` (for text inside a list item).
    public static func block(_ text: String, indent: String = "") -> String {
        let lines = SafeText.clean(text).split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        var paragraphs: [[String]] = [[]]
        for line in lines {
            if line.isEmpty {
                if !(paragraphs.last?.isEmpty ?? true) { paragraphs.append([]) }
            } else {
                paragraphs[paragraphs.count - 1].append(escapeLine(line))
            }
        }
        let rendered = paragraphs.filter { !$0.isEmpty }.map { $0.joined(separator: "\\\n" + indent) }
        return rendered.joined(separator: "\n" + indent + "\n" + indent)
    }

    /// Escapes one line (no line ends inside).
    static func escapeLine(_ line: String, atLineStart: Bool = true) -> String {
        var out = ""
        var atStart = atLineStart
        var pendingDigits = ""
        let characters = Array(line)
        for (index, character) in characters.enumerated() {
            let next: Character? = index + 1 < characters.count ? characters[index + 1] : nil
            if atStart {
                if character.isASCII, character.isNumber {
                    pendingDigits.append(character)
                    continue
                }
                atStart = false
                if !pendingDigits.isEmpty {
                    // "1." or "1)" at the start of a line would begin an ordered list.
                    out += pendingDigits
                    if character == "." || character == ")" {
                        out += "\\" + String(character)
                        pendingDigits = ""
                        continue
                    }
                    pendingDigits = ""
                } else if lineStart.contains(character) {
                    out += "\\" + String(character)
                    continue
                }
            }
            if special.contains(character) {
                out += "\\" + String(character)
            } else if character == "<", let next, next.isLetter || next == "/" || next == "!" || next == "?" {
                // Could open raw HTML or an autolink; "<5" cannot.
                out += "\\<"
            } else if character == "&", let next, next.isLetter || next == "#" {
                // "&lt;" would otherwise render as "<".
                out += "\\&"
            } else {
                out.append(character)
            }
        }
        out += pendingDigits
        return out
    }

    /// A table cell: ``inline(_:)``, never empty (an empty cell renders as a dash).
    public static func cell(_ text: String) -> String {
        let escaped = inline(text)
        return escaped.isEmpty ? "–" : escaped
    }
}
