import CaseCore

/// The idle lock: a blank screen asking for the passphrase, typed without echo. Nothing of the
/// desk is drawn while it shows, and nothing read from the store is kept behind it (see ``DeskApp/lockNow()``).
final class LockScreen {
    var field = TextField()
    var error: String?
    /// Said under the passphrase when locking discarded a form the counselor was filling in.
    let notice: String?
    /// The desk's language, kept when everything read from the store is let go.
    let words: Catalogue

    init(notice: String? = nil, words: Catalogue = .english) {
        self.notice = notice
        self.words = words
    }

    func perform(_ action: KeyAction, key: Key, app: DeskApp) {
        switch action {
        case .submit:
            let passphrase = field.text
            field.clear()
            if app.unlock(passphrase) {
                app.unlocked()
            } else {
                error = words["desk.lock.wrong-passphrase"]
                // Keys typed while it was checked (the key derivation, the growing delay) are not the next try.
                app.discardTypeAhead = true
            }
        default:
            field.apply(action, key: key)
        }
    }

    func render(into buffer: inout ScreenBuffer) {
        let row = max(0, buffer.height / 2 - 1)
        let title = words["desk.lock.title"]
        buffer.put(title, row: row, col: max(0, (buffer.width - DisplayWidth.width(of: title)) / 2), style: .bold)
        let prompt = words["desk.lock.passphrase"] + " "
        let left = max(0, (buffer.width - 40) / 2)
        let x = buffer.put(prompt, row: row + 2, col: left)
        field.draw(into: &buffer, row: row + 2, col: x, columns: 1, style: .normal, focused: true, secret: true)
        var next = row + 4
        if let notice {
            for line in DisplayWidth.wrap(notice, to: max(1, buffer.width)) {
                buffer.put(line, row: next, col: max(0, (buffer.width - DisplayWidth.width(of: line)) / 2))
                next += 1
            }
            next += 1
        }
        if let error {
            buffer.put(DisplayWidth.truncate(error, to: buffer.width), row: next,
                       col: max(0, (buffer.width - DisplayWidth.width(of: error)) / 2), style: .error)
        }
    }
}
