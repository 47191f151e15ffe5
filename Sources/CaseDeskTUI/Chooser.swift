/// A list to choose one option from, or several (with check boxes), drawn as a box over the screen.
final class Chooser: DeskModal {
    let title: String
    let options: [String]
    let multiple: Bool
    var checked: Set<Int>
    var selected = 0
    /// Called with the chosen index (single) or the ticked indexes (multiple); return an error text to stay open.
    let onChoose: (DeskApp, Int, Set<Int>) -> String?
    var error: String?

    init(title: String, options: [String], multiple: Bool = false, checked: Set<Int> = [], selected: Int = 0,
         onChoose: @escaping (DeskApp, Int, Set<Int>) -> String?) {
        self.title = title
        self.options = options
        self.multiple = multiple
        self.checked = checked
        self.selected = max(0, min(selected, options.count - 1))
        self.onChoose = onChoose
    }

    var contexts: [KeyContext] { [.chooser] }

    func perform(_ action: DeskAction, key: Key, app: DeskApp) {
        switch action {
        case .moveDown: selected = (selected + 1) % max(1, options.count)
        case .moveUp: selected = (selected - 1 + options.count) % max(1, options.count)
        case .toggle:
            if multiple {
                if checked.contains(selected) { checked.remove(selected) } else { checked.insert(selected) }
            }
        case .submit:
            app.dismiss(self)
            if let problem = onChoose(app, selected, checked) {
                error = problem
                app.present(self)
            }
        case .cancel: app.dismiss(self)
        default: break
        }
    }

    func render(into buffer: inout ScreenBuffer, app: DeskApp) {
        let labels = options.enumerated().map { i, option in
            multiple ? (checked.contains(i) ? "[x] " : "[ ] ") + option : option
        }
        let widest = max(DisplayWidth.width(of: title) + 4, labels.map { DisplayWidth.width(of: $0) + 2 }.max() ?? 10,
                         DisplayWidth.width(of: error ?? "") , multiple ? 36 : 20)
        let width = min(buffer.width - 4, widest + 4)
        let maxRows = buffer.height - 6 - (error == nil ? 0 : 1) - (multiple ? 1 : 0)
        let rows = min(options.count, maxRows)
        let height = rows + 2 + (error == nil ? 0 : 1) + (multiple ? 1 : 0)
        let top = max(1, (buffer.height - height) / 2)
        let left = max(0, (buffer.width - width) / 2)
        let inner = buffer.box(top: top, left: left, width: width, height: height, title: title)
        let first = max(0, min(selected - rows + 1, options.count - rows))
        var row = inner.top
        for i in first..<(first + rows) {
            let style: Style = i == selected ? .selected : .normal
            buffer.putFitted(labels[i], row: row, col: inner.left - 1, columns: inner.width + 2, style: style)
            row += 1
        }
        if multiple {
            buffer.put(DisplayWidth.truncate("Space ticks · Enter done · Esc cancel", to: inner.width), row: row, col: inner.left)
            row += 1
        }
        if let error { buffer.put(DisplayWidth.truncate(error, to: inner.width), row: row, col: inner.left, style: .error) }
    }
}

/// A one-line text prompt in a box (a reason, a journal entry). Esc cancels; Enter submits.
final class TextPrompt: DeskModal {
    let title: String
    let label: String
    var field: TextField
    var error: String?
    let secret: Bool
    /// Return an error text to keep the prompt open.
    let onSubmit: (DeskApp, String) -> String?

    init(title: String, label: String, initial: String = "", secret: Bool = false, onSubmit: @escaping (DeskApp, String) -> String?) {
        self.title = title
        self.label = label
        field = TextField(initial)
        self.secret = secret
        self.onSubmit = onSubmit
    }

    var contexts: [KeyContext] { [.prompt, .textEntry] }

    func perform(_ action: DeskAction, key: Key, app: DeskApp) {
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
        buffer.put(DisplayWidth.truncate("Enter done · Esc cancel", to: inner.width), row: row, col: inner.left)
        row += 1
        for line in errorLines { buffer.put(line, row: row, col: inner.left, style: .error); row += 1 }
    }
}

/// A yes/no question in a box: "Discard this new case? y/n".
final class Confirmation: DeskModal {
    let question: String
    let onYes: (DeskApp) -> Void

    init(_ question: String, onYes: @escaping (DeskApp) -> Void) {
        self.question = question
        self.onYes = onYes
    }

    var contexts: [KeyContext] { [.confirm] }

    func perform(_ action: DeskAction, key: Key, app: DeskApp) {
        switch action {
        case .confirmYes: app.dismiss(self); onYes(app)
        case .confirmNo: app.dismiss(self)
        default: break
        }
    }

    func render(into buffer: inout ScreenBuffer, app: DeskApp) {
        let text = question + " y/n"
        let width = min(buffer.width - 4, DisplayWidth.width(of: text) + 6)
        let top = max(1, buffer.height / 2 - 2)
        let inner = buffer.box(top: top, left: (buffer.width - width) / 2, width: width, height: 3, title: "")
        buffer.put(DisplayWidth.truncate(text, to: inner.width), row: inner.top, col: inner.left, style: .bold)
    }
}
