/// A key press as the case desk understands it, independent of curses key codes.
public enum Key: Hashable, Sendable {
    /// A printable character (any script, including wide ones).
    case char(Character)
    case up, down, left, right, pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace, delete
    /// Control plus a lower-case letter (Ctrl-C is `.ctrl("c")`).
    case ctrl(Character)
    case function(Int)
    /// The terminal changed size.
    case resize

    /// How the key is named on the help screen and in hints.
    public var label: String {
        switch self {
        case .char(" "): "Space"
        case let .char(c): String(c)
        case .up: "Up"
        case .down: "Down"
        case .left: "Left"
        case .right: "Right"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .backspace: "Backspace"
        case .delete: "Delete"
        case let .ctrl(c): "Ctrl-" + String(c).uppercased()
        case let .function(n): "F\(n)"
        case .resize: "resize"
        }
    }
}

/// What a binding matches: one key, or any printable character (typing into a text field).
public enum KeyPattern: Hashable, Sendable {
    case key(Key)
    case anyCharacter

    public var label: String {
        switch self {
        case let .key(key): key.label
        case .anyCharacter: "any character"
        }
    }
}
