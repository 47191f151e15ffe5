import Foundation

/// The key table as Markdown, for the README (in English): generated from ``KeyBindings/table`` like the help screen, so the
/// documentation cannot drift from what the keys do (a test compares the two).
public enum KeyReference {
    /// The contexts a reader of the README cares about, in the order they meet them.
    static let contexts: [KeyContext] = [.queue, .search, .detail, .global, .always]

    public static func markdown() -> String {
        var lines: [String] = []
        for context in contexts {
            let bindings = KeyBindings.bindings(in: context)
            guard !bindings.isEmpty else { continue }
            lines.append("**\(context.title())**")
            lines.append("")
            lines.append("| keys | what they do |")
            lines.append("|---|---|")
            for binding in bindings {
                let keys = binding.keyLabel().replacingOccurrences(of: "|", with: "\\|")
                lines.append("| `\(keys)` | \(binding.description().replacingOccurrences(of: "|", with: "\\|")) |")
            }
            lines.append("")
        }
        lines.append("Forms, dialogs, the lock screen and the statistics and respondents views list their own keys under `?`.")
        return lines.joined(separator: "\n")
    }
}
