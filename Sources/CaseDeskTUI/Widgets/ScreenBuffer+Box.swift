extension ScreenBuffer {
    /// Draws a framed box with a title and clears its inside; returns the inner rectangle.
    @discardableResult
    mutating func box(top: Int, left: Int, width: Int, height: Int, title: String) -> (top: Int, left: Int, width: Int, height: Int) {
        let inner = max(0, width - 2)
        put("┌" + String(repeating: "─", count: inner) + "┐", row: top, col: left, style: .bold)
        for r in 1..<max(1, height - 1) {
            put("│", row: top + r, col: left, style: .bold)
            put(String(repeating: " ", count: inner), row: top + r, col: left + 1)
            put("│", row: top + r, col: left + width - 1, style: .bold)
        }
        put("└" + String(repeating: "─", count: inner) + "┘", row: top + height - 1, col: left, style: .bold)
        if !title.isEmpty {
            put(" " + DisplayWidth.truncate(title, to: max(0, inner - 4)) + " ", row: top, col: left + 2, style: .bold)
        }
        return (top + 1, left + 2, max(0, width - 4), max(0, height - 2))
    }
}
