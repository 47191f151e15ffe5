import CaseCore

/// The help screen, generated from the key table (``KeyBindings/table``), grouped by context.
final class HelpScreen: Screen {
    let counselor: Bool
    /// The desk's language.
    let words: Catalogue
    var scroll = 0
    private var pageSize = 10
    /// The dialogs and panels help was opened over, and the command line being typed: back on Esc.
    let covered: [Modal]
    let command: TextField?

    /// Opens help at the section of the context it was called from (the alert panel's keys over the alert panel…).
    init(counselor: Bool, words: Catalogue = .english, from context: KeyContext = .queue, covering covered: [Modal] = [],
         command: TextField? = nil) {
        self.counselor = counselor
        self.words = words
        self.covered = covered
        self.command = command
        let lines = Self.lines(counselor: counselor, words: words)
        scroll = lines.firstIndex { $0 == StyledLine(context.title(in: words), .heading) } ?? 0
    }

    var contexts: [KeyContext] { [.help, .global] }

    func title(app: DeskApp) -> String { words["desk.help.title"] }

    /// The help text: one heading per context, one line per binding, plus the commands and the legend.
    static func lines(counselor: Bool, words: Catalogue = .english) -> [StyledLine] {
        var out: [StyledLine] = []
        let keyWidth = KeyBindings.table.map { DisplayWidth.width(of: $0.keyLabel(in: words)) }.max().map { min($0, 24) } ?? 16
        for context in KeyContext.allCases {
            let bindings = KeyBindings.bindings(in: context, counselor: counselor)
            guard !bindings.isEmpty else { continue }
            if !out.isEmpty { out.append(.blank) }
            out.append(StyledLine(context.title(in: words), .heading))
            for binding in bindings {
                out.append(StyledLine([("  " + DisplayWidth.pad(binding.keyLabel(in: words), to: keyWidth) + "  ", .bold),
                                       (binding.description(in: words), .normal)]))
            }
        }
        out.append(.blank)
        out.append(StyledLine(words["desk.help.commands"], .heading))
        for (command, key) in ColonCommand.summary {
            out.append(StyledLine([("  " + DisplayWidth.pad(words[command], to: keyWidth) + "  ", .bold), (words[key], .normal)]))
        }
        out.append(.blank)
        out.append(StyledLine(words["desk.help.legend"], .heading))
        let bands = Band.allCases.map { "\($0.marker) \(words.label($0))" } + ["?   " + words["desk.help.legend.unrated"]]
        out.append(StyledLine("  " + bands.joined(separator: "   ")))
        for key in ["desk.help.legend.overdue", "desk.help.legend.reassign", "desk.help.legend.status-bar"] {
            out.append(StyledLine("  " + words[key]))
        }
        out.append(.blank)
        out.append(StyledLine(words["desk.help.leaving"], .heading))
        for line in DisplayWidth.wrap(words["desk.help.leaving.text"], to: 88) { out.append(StyledLine("  " + line)) }
        return out
    }

    func perform(_ action: KeyAction, key: Key, app: DeskApp) {
        if Scrolling.apply(action, to: &scroll, pageSize: pageSize) { return }
        switch action {
        case .back: app.closeHelp(self)
        default: break
        }
    }

    func renderBody(into buffer: inout ScreenBuffer, top: Int, bottom: Int, app: DeskApp) {
        let lines = Self.lines(counselor: counselor, words: words)
        let rows = bottom - top
        pageSize = max(1, rows - 1)
        scroll = max(0, min(scroll, max(0, lines.count - rows)))
        for (i, line) in lines.dropFirst(scroll).prefix(rows).enumerated() {
            line.draw(into: &buffer, row: top + i, col: 1, columns: buffer.width - 1)
        }
        if lines.count > rows {
            let marker = " \(scroll + 1)–\(min(lines.count, scroll + rows))/\(lines.count) "
            buffer.put(marker, row: 0, col: buffer.width - DisplayWidth.width(of: marker), style: .bar)
        }
    }
}
