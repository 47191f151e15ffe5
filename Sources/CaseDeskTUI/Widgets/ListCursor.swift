/// Where a list is: which item is selected and which rows are in view. Every list of the desk moves with it (the
/// queue, the repeat respondents, the deadline alerts, the lists to choose from), as every panel of htop moves with
/// `Panel_onKey`: Up/Down one item, PgUp/PgDn a page less one item, Home/End to either end, and never round from one
/// end to the other. The selected item is always in view; when the list shrinks, the selection and the scroll are
/// clamped to it. Which keys move is the key table's business (``KeyBindings``); the cursor only knows the actions.
///
/// The height is known once the list is drawn: until then nothing scrolls, and a page is ten items (as on the
/// scrolling pages, ``Scrolling``).
struct ListCursor: Equatable {
    /// How many items the list has. A list with rows between its items (``init(spans:)``) keeps its count.
    var count: Int { didSet { settle() } }
    /// The selected item; 0 when the list is empty.
    var selected: Int { didSet { settle() } }
    /// How many rows are in view; set each time the list is drawn.
    var height = 0 { didSet { settle() } }
    /// The first row in view.
    private(set) var top = 0
    /// For a list that draws rows between its items (a respondent's name above their cases): the rows item `i` needs
    /// in view together, its own row last. Empty when item `i` is row `i`.
    private let spans: [ClosedRange<Int>]

    /// A list whose items are one row each.
    init(count: Int = 0, selected: Int = 0) {
        self.count = max(0, count)
        self.selected = selected
        spans = []
        settle()
    }

    /// A list with rows between its items: `spans[i]` are the rows item `i` needs in view, its own row last.
    init(spans: [ClosedRange<Int>]) {
        count = spans.count
        selected = 0
        self.spans = spans
    }

    /// Rows in the list, counting any drawn between items.
    var rowCount: Int { spans.last.map { $0.upperBound + 1 } ?? count }

    /// The row the selected item is drawn on; nil when the list is empty.
    var selectedRow: Int? {
        guard count > 0 else { return nil }
        return spans.isEmpty ? selected : spans[selected].upperBound
    }

    /// The rows to draw, from ``top``: all of them until the height is known.
    var visibleRows: Range<Int> { top..<(height > 0 ? min(rowCount, top + height) : rowCount) }

    /// Items PgUp and PgDn move: a page less one, so the row at the edge stays in view.
    var pageSize: Int { height > 0 ? max(1, height - 1) : 10 }

    /// Moves for Up/Down, PgUp/PgDn and Home/End (whatever keys the table binds to them); false for any other action,
    /// which the list then handles itself.
    mutating func perform(_ action: KeyAction) -> Bool {
        switch action {
        case .moveDown: selected += 1
        case .moveUp: selected -= 1
        case .pageDown: selected += pageSize
        case .pageUp: selected -= pageSize
        case .top: selected = 0
        case .bottom: selected = count - 1
        default: return false
        }
        return true
    }

    /// Clamps the selection to the items and scrolls as little as keeps the selected item in view (with the rows it
    /// needs above it when they fit), never past the last row.
    private mutating func settle() {
        let clamped = max(0, min(selected, count - 1))
        if clamped != selected { selected = clamped }
        guard height > 0, count > 0 else {
            if top != 0 { top = 0 }
            return
        }
        let span = spans.isEmpty ? selected...selected : spans[selected]
        var first = top
        if span.lowerBound < first { first = span.lowerBound }
        if span.upperBound >= first + height { first = span.upperBound - height + 1 }
        first = max(0, min(first, rowCount - height))
        if first != top { top = first }
    }
}
