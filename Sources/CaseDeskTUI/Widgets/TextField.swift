/// Editable text with a cursor, for prompts and form fields. Works on grapheme clusters, so wide
/// characters and combining marks are edited as the reader sees them.
public struct TextField: Equatable, Sendable {
    public private(set) var characters: [Character]
    /// Index in `characters` the cursor stands before.
    public private(set) var cursor: Int
    /// Whether Enter inserts a new line (the narrative).
    public var multiline: Bool

    public init(_ text: String = "", multiline: Bool = false) {
        characters = Array(text)
        cursor = characters.count
        self.multiline = multiline
    }

    public var text: String { String(characters) }
    public var isEmpty: Bool { characters.isEmpty }

    public mutating func insert(_ c: Character) {
        if c == "\n", !multiline { return }
        characters.insert(c, at: cursor)
        cursor += 1
    }

    public mutating func insert(_ text: String) { for c in text { insert(c) } }

    public mutating func deleteBackward() {
        guard cursor > 0 else { return }
        characters.remove(at: cursor - 1)
        cursor -= 1
    }

    public mutating func deleteForward() {
        guard cursor < characters.count else { return }
        characters.remove(at: cursor)
    }

    public mutating func moveLeft() { cursor = max(0, cursor - 1) }
    public mutating func moveRight() { cursor = min(characters.count, cursor + 1) }
    public mutating func moveHome() { cursor = 0 }
    public mutating func moveEnd() { cursor = characters.count }
    public mutating func clear() { characters = []; cursor = 0 }

    /// Applies a text-editing action; returns false when the action is not about editing text.
    @discardableResult
    public mutating func apply(_ action: KeyAction, key: Key) -> Bool {
        switch action {
        case .insert:
            if case let .char(c) = key { insert(c) }
        case .deleteBackward: deleteBackward()
        case .deleteForward: deleteForward()
        case .cursorLeft: moveLeft()
        case .cursorRight: moveRight()
        case .cursorHome: moveHome()
        case .cursorEnd: moveEnd()
        case .clearText: clear()
        default: return false
        }
        return true
    }

    static func width(_ c: Character) -> Int {
        c == "\n" ? 0 : DisplayWidth.width(of: DisplayWidth.printable(String(c)))
    }

    /// Draws a single line of the text in `columns` columns, scrolled so the cursor shows; the cursor
    /// cell is reversed when `focused`. `secret` draws nothing at all (passphrases).
    public func draw(into buffer: inout ScreenBuffer, row: Int, col: Int, columns: Int, style: Style = .field,
                     focused: Bool, secret: Bool = false) {
        guard columns > 0 else { return }
        buffer.put(String(repeating: " ", count: columns), row: row, col: col, style: style, maxWidth: columns)
        if secret {
            if focused { buffer.put(" ", row: row, col: col, style: style.reversed) }
            return
        }
        // Scroll so the cursor (plus one column for it) fits.
        var start = 0
        func span(_ from: Int, _ to: Int) -> Int { characters[from..<to].reduce(0) { $0 + Self.width($1) } }
        while start < cursor, span(start, cursor) + 1 > columns { start += 1 }
        var x = col
        var index = start
        while index < characters.count {
            let c = characters[index]
            let w = max(1, Self.width(c))
            if x + w > col + columns { break }
            let shown = c == "\n" ? "↵" : DisplayWidth.printable(String(c))
            buffer.put(shown, row: row, col: x, style: focused && index == cursor ? style.reversed : style, maxWidth: w)
            x += w
            index += 1
        }
        if focused, cursor == characters.count, x < col + columns {
            buffer.put(" ", row: row, col: x, style: style.reversed)
        }
    }

    /// Draws the text wrapped over `rows` rows of `columns` columns (hard new lines kept), scrolled so
    /// the cursor's row shows.
    public func drawMultiline(into buffer: inout ScreenBuffer, row: Int, col: Int, columns: Int, rows: Int,
                              style: Style = .field, focused: Bool) {
        guard columns > 1, rows > 0 else { return }
        // Lay out: visual lines of (index, x) per character, broken at word boundaries.
        let lines = layout(columns: columns)
        var cursorLine = lines.count - 1
        var cursorX = lines.last?.last.map { $0.x + max(1, Self.width(characters[$0.index])) } ?? 0
        for (n, line) in lines.enumerated() {
            if let hit = line.first(where: { $0.index == cursor }) { cursorLine = n; cursorX = hit.x; break }
        }
        cursorX = min(cursorX, columns - 1)
        let first = max(0, cursorLine - rows + 1)
        for r in 0..<rows {
            buffer.put(String(repeating: " ", count: columns), row: row + r, col: col, style: style, maxWidth: columns)
            let lineIndex = first + r
            guard lineIndex < lines.count else { continue }
            for (index, cx) in lines[lineIndex] {
                let c = characters[index]
                let here = focused && index == cursor
                if c == "\n" {
                    if here { buffer.put(" ", row: row + r, col: col + cx, style: style.reversed) }
                    continue
                }
                buffer.put(DisplayWidth.printable(String(c)), row: row + r, col: col + cx,
                           style: here ? style.reversed : style, maxWidth: max(1, Self.width(c)))
            }
            if focused, lineIndex == cursorLine, cursor == characters.count {
                buffer.put(" ", row: row + r, col: col + cursorX, style: style.reversed)
            }
        }
    }

    /// The text laid out in `columns` columns (the last kept free for the cursor): the characters of each visual line
    /// with their columns. Lines break at hard new lines and before a word that no longer fits, never inside a word
    /// unless the word alone is wider than a line. A space that ends a full line stays at its end.
    func layout(columns: Int) -> [[(index: Int, x: Int)]] {
        let limit = max(1, columns - 1)
        var lines: [[(index: Int, x: Int)]] = [[]]
        var x = 0
        for (index, c) in characters.enumerated() {
            if c == "\n" {
                lines[lines.count - 1].append((index, x))
                lines.append([])
                x = 0
                continue
            }
            let w = max(1, Self.width(c))
            if c == " " {
                if x + w > limit + 1 { lines.append([]); x = 0 }
                lines[lines.count - 1].append((index, x))
                x += w
                continue
            }
            let startsWord = index == 0 || characters[index - 1] == " " || characters[index - 1] == "\n"
            if startsWord, x > 0 {
                var wordWidth = 0
                var j = index
                while j < characters.count, characters[j] != " ", characters[j] != "\n" {
                    wordWidth += max(1, Self.width(characters[j]))
                    j += 1
                }
                if x + wordWidth > limit, wordWidth <= limit { lines.append([]); x = 0 }
            }
            if x + w > limit { lines.append([]); x = 0 }
            lines[lines.count - 1].append((index, x))
            x += w
        }
        return lines
    }

    /// The visual lines of the text in `columns` columns, as drawn by ``drawMultiline``.
    func wrappedLines(columns: Int) -> [String] {
        layout(columns: columns).map { line in String(line.map { characters[$0.index] }.filter { $0 != "\n" }) }
    }
}
