import CaseCore

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

    /// How the key is named on the help screen and in hints, in the desk's language (`Enter`, `Entrée`).
    public func label(in words: Catalogue = .english) -> String {
        switch self {
        case .char(" "): words["key.space"]
        case let .char(c): String(c)
        case .up: words["key.up"]
        case .down: words["key.down"]
        case .left: words["key.left"]
        case .right: words["key.right"]
        case .pageUp: words["key.page-up"]
        case .pageDown: words["key.page-down"]
        case .home: words["key.home"]
        case .end: words["key.end"]
        case .enter: words["key.enter"]
        case .escape: words["key.escape"]
        case .tab: words["key.tab"]
        case .backTab: words["key.back-tab"]
        case .backspace: words["key.backspace"]
        case .delete: words["key.delete"]
        case let .ctrl(c): words["key.ctrl", values: ["key": String(c).uppercased()]]
        case let .function(n): "F\(n)"
        case .resize: "resize"
        }
    }
}

/// What a binding matches: one key, or any printable character (typing into a text field).
public enum KeyPattern: Hashable, Sendable {
    case key(Key)
    case anyCharacter

    public func label(in words: Catalogue = .english) -> String {
        switch self {
        case let .key(key): key.label(in: words)
        case .anyCharacter: words["key.any-character"]
        }
    }
}
