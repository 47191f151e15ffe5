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
