/// One column of the screen: the text drawn there and its style.
///
/// A wide character sits in its first column; the column it also covers holds a continuation cell
/// with empty text. Combining marks stay with the character they follow.
public struct Cell: Equatable, Sendable {
    public var text: String
    public var style: Style

    public static let blank = Cell(text: " ", style: .normal)
    static let continuation = Cell(text: "", style: .normal)

    public var isContinuation: Bool { text.isEmpty }
}

/// What a screen draws, without a terminal: rows of styled cells. Screens render into a buffer; the
/// curses adapter draws it; tests read it back as text.
public struct ScreenBuffer: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var rows: [[Cell]]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        rows = Array(repeating: Array(repeating: .blank, count: self.width), count: self.height)
    }

    /// Writes text at a row and column, clipped to `maxWidth` columns (and the screen edge). Returns
    /// the column after the last one written. A wide character that does not fit leaves a space.
    @discardableResult
    public mutating func put(_ text: String, row: Int, col: Int, style: Style = .normal, maxWidth: Int? = nil) -> Int {
        guard row >= 0, row < height, col < width else { return col }
        let limit = min(width, maxWidth.map { col + max(0, $0) } ?? width)
        var x = col
        for scalar in DisplayWidth.printable(text).unicodeScalars {
            let w = DisplayWidth.width(of: scalar)
            if w == 0 {
                // A combining mark joins the character before it.
                if x > 0, x - 1 < width, x - 1 >= 0 {
                    var back = x - 1
                    while back > 0, rows[row][back].isContinuation { back -= 1 }
                    if !rows[row][back].isContinuation { rows[row][back].text.unicodeScalars.append(scalar) }
                }
                continue
            }
            if x + w > limit {
                // Pad what is left of the clip with spaces rather than split a wide character.
                while x < limit { if x >= 0 { set(row, x, Cell(text: " ", style: style)) }; x += 1 }
                break
            }
            if x >= 0 {
                set(row, x, Cell(text: String(scalar), style: style))
                if w == 2, x + 1 < width { set(row, x + 1, Cell(text: "", style: style)) }
            }
            x += w
        }
        return x
    }

    /// Writes text padded or truncated (with "…") to exactly `columns` columns.
    public mutating func putFitted(_ text: String, row: Int, col: Int, columns: Int, style: Style = .normal) {
        put(DisplayWidth.fit(text, to: columns), row: row, col: col, style: style, maxWidth: columns)
    }

    /// Fills a whole row with a style (spaces), e.g. for a bar or a selected row.
    public mutating func fillRow(_ row: Int, style: Style) {
        guard row >= 0, row < height else { return }
        for x in 0..<width { rows[row][x] = Cell(text: " ", style: style) }
    }

    /// Applies a style to a range of columns, keeping the text.
    public mutating func restyle(row: Int, from: Int, to: Int, _ transform: (Style) -> Style) {
        guard row >= 0, row < height else { return }
        for x in max(0, from)..<min(width, max(from, to)) { rows[row][x].style = transform(rows[row][x].style) }
    }

    private mutating func set(_ row: Int, _ x: Int, _ cell: Cell) {
        // Overwriting half of a wide character blanks the other half.
        if rows[row][x].isContinuation, x > 0 { rows[row][x - 1] = Cell(text: " ", style: rows[row][x - 1].style) }
        if !cell.isContinuation, x + 1 < width, rows[row][x + 1].isContinuation {
            rows[row][x + 1] = Cell(text: " ", style: rows[row][x + 1].style)
        }
        rows[row][x] = cell
    }

    /// The text of one row, with trailing spaces removed.
    public func line(_ row: Int) -> String {
        var text = rows[row].map(\.text).joined()
        while text.last == " " { text.removeLast() }
        return text
    }

    /// The whole screen as text: one line per row, trailing spaces trimmed, every row kept.
    public var text: String { (0..<height).map(line).joined(separator: "\n") }

    /// The style at a cell.
    public func style(row: Int, col: Int) -> Style { rows[row][col].style }

    /// Runs of equal style in a row, as (column, text, style), for drawing.
    public func runs(row: Int) -> [(col: Int, text: String, style: Style)] {
        var result: [(col: Int, text: String, style: Style)] = []
        var start = 0
        var current = ""
        var style = rows[row].first?.style ?? .normal
        for (x, cell) in rows[row].enumerated() {
            if cell.style != style, !cell.isContinuation {
                result.append((start, current, style))
                start = x
                current = ""
                style = cell.style
            }
            current += cell.text
        }
        if width > 0 { result.append((start, current, style)) }
        return result
    }
}
