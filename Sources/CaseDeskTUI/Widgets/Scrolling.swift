/// Scrolling a long page (detail, help, statistics) by line, by page or to either end: one behaviour for all of them.
enum Scrolling {
    /// Applies a scrolling action to `offset`; false when `action` is not about scrolling. The far end is clamped
    /// when the page is drawn, which knows how long it is.
    static func apply(_ action: KeyAction, to offset: inout Int, pageSize: Int) -> Bool {
        switch action {
        case .moveDown: offset += 1
        case .moveUp: offset = max(0, offset - 1)
        case .pageDown: offset += pageSize
        case .pageUp: offset = max(0, offset - pageSize)
        case .top: offset = 0
        case .bottom: offset = Int.max / 2
        default: return false
        }
        return true
    }
}
