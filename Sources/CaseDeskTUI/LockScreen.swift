/// The idle lock: a blank screen asking for the passphrase, typed without echo. Nothing of the
/// desk is drawn while it shows.
final class LockScreen {
    var field = TextField()
    var error: String?

    func perform(_ action: DeskAction, key: Key, app: DeskApp) {
        switch action {
        case .submit:
            let passphrase = field.text
            field.clear()
            if app.unlock(passphrase) {
                app.unlocked()
            } else {
                error = "Wrong passphrase; the desk stays locked."
            }
        default:
            field.apply(action, key: key)
        }
    }

    func render(into buffer: inout ScreenBuffer) {
        let row = max(0, buffer.height / 2 - 1)
        let title = "Locked — enter passphrase"
        buffer.put(title, row: row, col: max(0, (buffer.width - DisplayWidth.width(of: title)) / 2), style: .bold)
        let prompt = "Passphrase: "
        let left = max(0, (buffer.width - 40) / 2)
        let x = buffer.put(prompt, row: row + 2, col: left)
        field.draw(into: &buffer, row: row + 2, col: x, columns: 1, style: .normal, focused: true, secret: true)
        if let error {
            buffer.put(DisplayWidth.truncate(error, to: buffer.width), row: row + 4,
                       col: max(0, (buffer.width - DisplayWidth.width(of: error)) / 2), style: .error)
        }
    }
}
