import Foundation

/// The rules a new passphrase must meet, enforced by the store for every account it creates: at least 12 characters,
/// not one character repeated, not a keyboard or alphabet run, not a common password (in any case, with digits or
/// symbols added before or after it, or repeated).
public struct PassphrasePolicy: Equatable, Sendable {
    public static let minimumLength = 12
    /// Rows of common keyboards and the alphabet and digits: a passphrase that runs along one is refused.
    static let runs = ["qwertyuiopasdfghjklzxcvbnm", "azertyuiopqsdfghjklmwxcvbn", "qwertzuiopasdfghjklyxcvbnm",
                       "abcdefghijklmnopqrstuvwxyz", "1234567890", "qazwsxedcrfvtgbyhnujmikolp", "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p"]

    /// Common passwords, lower-cased.
    public let common: Set<String>

    public init(common: Set<String> = []) {
        self.common = common
    }

    /// Reads `common-passwords.txt`: one password a line, `#` comments.
    public static func load(commonPasswords data: Data) -> PassphrasePolicy {
        // Trimmed of what `CharacterSet.whitespaces` holds (Zs and tab) without Foundation: every command loads the list.
        func blank(_ scalar: Unicode.Scalar) -> Bool { scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator }
        let words = String(decoding: data, as: UTF8.self).split(separator: "\n")
            .map { line -> String in
                let scalars = line.unicodeScalars
                guard let first = scalars.firstIndex(where: { !blank($0) }), let last = scalars.lastIndex(where: { !blank($0) }) else { return "" }
                return String(scalars[first...last]).lowercased()
            }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
        return PassphrasePolicy(common: Set(words))
    }

    /// Why the passphrase is refused, or nil when it is acceptable.
    public func problem(with passphrase: String) -> Phrase? {
        guard passphrase.count >= Self.minimumLength else {
            return .key("passphrase.too-short", ["minimum": .text(String(Self.minimumLength))])
        }
        let folded = passphrase.lowercased().filter { !$0.isWhitespace }
        if Set(folded).count <= 1 { return .key("passphrase.single-character") }
        for run in Self.runs {
            let doubled = run + run
            if doubled.contains(folded) || String(doubled.reversed()).contains(folded) { return .key("passphrase.run") }
        }
        if common.contains(folded) { return .key("passphrase.common") }
        // "Password1234", "!!monkey2024": a common password with digits or symbols put before or after it.
        let trailing = String(folded.reversed().drop { !$0.isLetter }.reversed())
        let leading = String(folded.drop { !$0.isLetter })
        let core = String(trailing.drop { !$0.isLetter })
        if [trailing, leading, core].contains(where: { $0 != folded && common.contains($0) }) {
            return .key("passphrase.common-padded")
        }
        for text in core == folded ? [folded] : [folded, core] where text.count > 1 {
            for length in 1...max(1, text.count / 2) where text.count % length == 0 {
                let unit = String(text.prefix(length))
                if String(repeating: unit, count: text.count / length) == text, length == 1 || common.contains(unit) || text.count / length > 2 {
                    return .key("passphrase.repeats", ["unit": .text(unit)])
                }
            }
        }
        return nil
    }
}
