/// A full screen of the case desk (queue, detail, forms, help). The app draws the title bar, the
/// message line and the status bar around the body; the screen draws its body and handles actions.
protocol Screen: AnyObject {
    /// Where its keys are looked up, most specific first (the app adds `.always`).
    var contexts: [KeyContext] { get }
    /// The title bar text.
    func title(app: DeskApp) -> String
    /// Draws rows `top..<bottom` of the body.
    func renderBody(into buffer: inout ScreenBuffer, top: Int, bottom: Int, app: DeskApp)
    /// Handles an action bound to a key in one of its contexts.
    func perform(_ action: KeyAction, key: Key, app: DeskApp)
    /// Text for the message line while the screen is taking input (the search field), if any.
    func inputLine(into buffer: inout ScreenBuffer, row: Int, app: DeskApp) -> Bool
}

extension Screen {
    func inputLine(into buffer: inout ScreenBuffer, row: Int, app: DeskApp) -> Bool { false }
}

/// A dialog over the current screen: a list to choose from, a text prompt, a y/n question, the deadline alerts.
protocol Modal: AnyObject {
    var contexts: [KeyContext] { get }
    func render(into buffer: inout ScreenBuffer, app: DeskApp)
    func perform(_ action: KeyAction, key: Key, app: DeskApp)
}
