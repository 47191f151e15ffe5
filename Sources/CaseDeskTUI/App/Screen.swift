/// A full screen of the case desk (queue, detail, forms, help). The app draws the title bar, the
/// message line and the status bar around the body; the screen draws its body and handles actions.
protocol DeskScreen: AnyObject {
    /// Where its keys are looked up, most specific first (the app adds `.always`).
    var contexts: [KeyContext] { get }
    /// The title bar text.
    func title(app: DeskApp) -> String
    /// Draws rows `top..<bottom` of the body.
    func renderBody(into buffer: inout ScreenBuffer, top: Int, bottom: Int, app: DeskApp)
    /// Handles an action bound to a key in one of its contexts.
    func perform(_ action: DeskAction, key: Key, app: DeskApp)
    /// Text for the message line while the screen is taking input (the search field), if any.
    func inputLine(into buffer: inout ScreenBuffer, row: Int, app: DeskApp) -> Bool
}

extension DeskScreen {
    func inputLine(into buffer: inout ScreenBuffer, row: Int, app: DeskApp) -> Bool { false }
}

/// A dialog over the current screen: a list to choose from, a text prompt, a y/n question.
protocol DeskModal: AnyObject {
    var contexts: [KeyContext] { get }
    func render(into buffer: inout ScreenBuffer, app: DeskApp)
    func perform(_ action: DeskAction, key: Key, app: DeskApp)
}

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
