/// A list to choose one option from, or several (with check boxes), drawn as a box over the screen.
final class Chooser: Modal {
    let title: String
    let options: [String]
    let multiple: Bool
    var checked: Set<Int>
    /// The option under the cursor and the rows in view.
    var cursor: ListCursor
    /// Called with the chosen index (single) or the ticked indexes (multiple); return an error text to stay open.
    let onChoose: (DeskApp, Int, Set<Int>) -> String?
    var error: String?

    init(title: String, options: [String], multiple: Bool = false, checked: Set<Int> = [], selected: Int = 0,
         onChoose: @escaping (DeskApp, Int, Set<Int>) -> String?) {
        self.title = title
        self.options = options
        self.multiple = multiple
        self.checked = checked
        cursor = ListCursor(count: options.count, selected: selected)
        self.onChoose = onChoose
    }

    var contexts: [KeyContext] { [.chooser] }

    func perform(_ action: KeyAction, key: Key, app: DeskApp) {
        if cursor.perform(action) { return }
        let selected = cursor.selected
        switch action {
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
        // The error wraps rather than being cut: it is the sentence saying what to do.
        let errorLines = error.map { DisplayWidth.wrap($0, to: max(1, width - 4)) } ?? []
        let maxRows = max(1, buffer.height - 6 - errorLines.count - (multiple ? 1 : 0))
        let rows = min(options.count, maxRows)
        let height = rows + 2 + errorLines.count + (multiple ? 1 : 0)
        let top = max(1, (buffer.height - height) / 2)
        let left = max(0, (buffer.width - width) / 2)
        let inner = buffer.box(top: top, left: left, width: width, height: height, title: title)
        cursor.height = rows
        var row = inner.top
        for i in cursor.visibleRows {
            let style: Style = i == cursor.selected ? .selected : .normal
            buffer.putFitted(labels[i], row: row, col: inner.left - 1, columns: inner.width + 2, style: style)
            row += 1
        }
        if multiple {
            buffer.put(DisplayWidth.truncate(app.words["desk.chooser.footer"], to: inner.width), row: row, col: inner.left)
            row += 1
        }
        for line in errorLines {
            buffer.put(DisplayWidth.truncate(line, to: inner.width), row: row, col: inner.left, style: .error)
            row += 1
        }
    }
}
