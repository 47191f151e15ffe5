/// A one-line text prompt in a box (a reason, a journal entry). Esc cancels; Enter submits.
final class TextPrompt: Modal {
    let title: String
    let label: String
    var field: TextField
    var error: String?
    let secret: Bool
    /// The text the prompt opened with: anything else was typed.
    let initial: String
    /// Return an error text to keep the prompt open.
    let onSubmit: (DeskApp, String) -> String?

    init(title: String, label: String, initial: String = "", secret: Bool = false, onSubmit: @escaping (DeskApp, String) -> String?) {
        self.title = title
        self.label = label
        field = TextField(initial)
        self.initial = initial
        self.secret = secret
        self.onSubmit = onSubmit
    }

    var contexts: [KeyContext] { [.prompt, .textEntry] }

    /// Whether the counselor has typed something (the idle lock discards it and says so).
    var changed: Bool { field.text != initial }

    func perform(_ action: KeyAction, key: Key, app: DeskApp) {
        switch action {
        case .submit:
            app.dismiss(self)
            if let problem = onSubmit(app, field.text) {
                error = problem
                app.present(self)
            }
        case .cancel: app.dismiss(self)
        default: field.apply(action, key: key)
        }
    }

    func render(into buffer: inout ScreenBuffer, app: DeskApp) {
        let width = min(buffer.width - 4, 76)
        let labelLines = DisplayWidth.wrap(label, to: width - 4)
        let errorLines = error.map { DisplayWidth.wrap($0, to: width - 4) } ?? []
        let height = labelLines.count + errorLines.count + 4
        let top = max(1, (buffer.height - height) / 2)
        let left = (buffer.width - width) / 2
        let inner = buffer.box(top: top, left: left, width: width, height: height, title: title)
        var row = inner.top
        for line in labelLines { buffer.put(line, row: row, col: inner.left); row += 1 }
        field.draw(into: &buffer, row: row, col: inner.left, columns: inner.width, focused: true, secret: secret)
        row += 1
        buffer.put(DisplayWidth.truncate(app.words["desk.prompt.footer"], to: inner.width), row: row, col: inner.left)
        row += 1
        for line in errorLines { buffer.put(line, row: row, col: inner.left, style: .error); row += 1 }
    }
}
