/// A yes/no question in a box: "Discard this new case? y/n".
class Confirmation: Modal {
    let question: String
    let onYes: (DeskApp) -> Void
    let onNo: ((DeskApp) -> Void)?

    init(_ question: String, onNo: ((DeskApp) -> Void)? = nil, onYes: @escaping (DeskApp) -> Void) {
        self.question = question
        self.onYes = onYes
        self.onNo = onNo
    }

    var contexts: [KeyContext] { [.confirm] }

    func perform(_ action: KeyAction, key: Key, app: DeskApp) {
        switch action {
        case .confirmYes: app.dismiss(self); onYes(app)
        case .confirmNo: app.dismiss(self); onNo?(app)
        default: break
        }
    }

    func render(into buffer: inout ScreenBuffer, app: DeskApp) {
        let text = question + " " + app.words["desk.confirm.keys"]
        let width = min(buffer.width - 4, 76, DisplayWidth.width(of: text) + 6)
        let lines = DisplayWidth.wrap(text, to: max(1, width - 4))
        let top = max(1, buffer.height / 2 - 2)
        let inner = buffer.box(top: top, left: (buffer.width - width) / 2, width: width, height: lines.count + 2, title: "")
        for (i, line) in lines.enumerated() {
            buffer.put(DisplayWidth.truncate(line, to: inner.width), row: inner.top + i, col: inner.left, style: .bold)
        }
    }
}

/// The question Ctrl-C asks over a form holding typed text; a second Ctrl-C quits without asking again.
final class QuitConfirmation: Confirmation {}
