import Foundation

/// User text made safe to put in a file another program will display: terminal escape sequences and control
/// characters are removed, line ends become `\n`, tabs become spaces.
///
/// Names and narratives come from people and other systems; an export must never carry an escape sequence that
/// recolours, moves the cursor of, or retitles the terminal of whoever `cat`s the file later.
public enum SafeText {
    /// The text with escape sequences (CSI, OSC, DCS…) and C0/C1 control characters removed, keeping newlines.
    public static func clean(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var scalars = Array(text.unicodeScalars)[...]
        while let scalar = scalars.popFirst() {
            switch scalar.value {
            case 0x0A:
                out.append(scalar)
            case 0x0D:
                // CR LF and a lone CR both end a line.
                if scalars.first?.value == 0x0A { scalars.removeFirst() }
                out.append("\n")
            case 0x09:
                out.append(" ")
            case 0x1B:
                skipEscape(&scalars)
            case 0x9B:
                skipControlSequence(&scalars)
            case 0x90, 0x98, 0x9D, 0x9E, 0x9F:
                skipString(&scalars)
            case 0x00...0x1F, 0x7F...0x9F:
                continue
            default:
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// ``clean(_:)`` on one line: every line end becomes a space, and the ends are trimmed.
    public static func line(_ text: String) -> String {
        clean(text).split(separator: "\n", omittingEmptySubsequences: true)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
            .joined(separator: " ")
    }

    /// Skips what follows an ESC: a control sequence, a string (OSC, DCS, SOS, PM, APC), or one escape command.
    private static func skipEscape(_ scalars: inout ArraySlice<Unicode.Scalar>) {
        guard let next = scalars.first else { return }
        switch next {
        case "[":
            scalars.removeFirst()
            skipControlSequence(&scalars)
        case "]", "P", "X", "^", "_":
            scalars.removeFirst()
            skipString(&scalars)
        default:
            // Intermediate bytes, then one final byte (for example ESC ( B).
            while let s = scalars.first, (0x20...0x2F).contains(s.value) { scalars.removeFirst() }
            if let s = scalars.first, (0x30...0x7E).contains(s.value) { scalars.removeFirst() }
        }
    }

    /// Parameter and intermediate bytes up to and including the final byte (0x40–0x7E).
    private static func skipControlSequence(_ scalars: inout ArraySlice<Unicode.Scalar>) {
        while let s = scalars.first {
            // A byte outside the sequence's grammar ends it; the main loop then judges that character.
            guard (0x20...0x7E).contains(s.value) else { return }
            scalars.removeFirst()
            if (0x40...0x7E).contains(s.value) { return }
        }
    }

    /// Everything up to the string terminator: BEL, ESC \ or the C1 ST.
    private static func skipString(_ scalars: inout ArraySlice<Unicode.Scalar>) {
        while let s = scalars.popFirst() {
            if s.value == 0x07 || s.value == 0x9C { return }
            if s.value == 0x1B {
                if scalars.first == "\\" { scalars.removeFirst() }
                return
            }
        }
    }
}
