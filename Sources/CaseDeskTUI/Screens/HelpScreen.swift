/// The help screen, generated from the key table (``KeyBindings/table``), grouped by context.
final class HelpScreen: Screen {
    let counselor: Bool
    var scroll = 0
    private var pageSize = 10
    /// The dialogs and panels help was opened over, and the command line being typed: back on Esc.
    let covered: [Modal]
    let command: TextField?

    /// Opens help at the section of the context it was called from (the alert panel's keys over the alert panel…).
    init(counselor: Bool, from context: KeyContext = .queue, covering covered: [Modal] = [], command: TextField? = nil) {
        self.counselor = counselor
        self.covered = covered
        self.command = command
        let lines = Self.lines(counselor: counselor)
        scroll = lines.firstIndex { $0 == StyledLine(context.title, .heading) } ?? 0
    }

    var contexts: [KeyContext] { [.help, .global] }

    func title(app: DeskApp) -> String { "Confidant — keys" }

    /// The help text: one heading per context, one line per binding, plus the commands and the legend.
    static func lines(counselor: Bool) -> [StyledLine] {
        var out: [StyledLine] = []
        let keyWidth = KeyBindings.table.map { DisplayWidth.width(of: $0.keyLabel) }.max().map { min($0, 24) } ?? 16
        for context in KeyContext.allCases {
            let bindings = KeyBindings.bindings(in: context, counselor: counselor)
            guard !bindings.isEmpty else { continue }
            if !out.isEmpty { out.append(.blank) }
            out.append(StyledLine(context.title, .heading))
            for binding in bindings {
                out.append(StyledLine([("  " + DisplayWidth.pad(binding.keyLabel, to: keyWidth) + "  ", .bold), (binding.description, .normal)]))
            }
        }
        out.append(.blank)
        out.append(StyledLine("Commands (after :)", .heading))
        for (command, text) in ColonCommand.summary {
            out.append(StyledLine([("  " + DisplayWidth.pad(command, to: keyWidth) + "  ", .bold), (text, .normal)]))
        }
        out.append(.blank)
        out.append(StyledLine("Queue legend", .heading))
        out.append(StyledLine("  !!! Critical   !!  High   !   Medium   .   Low   ?   not yet rated"))
        out.append(StyledLine("  ! at the end of a row: its next deadline is overdue (the row is red and bold)"))
        out.append(StyledLine("  R before it: flagged for reassignment (a handler declared a conflict of interest)"))
        out.append(StyledLine("  Status bar: cases overdue, and cases due within the warning window (policy.json)"))
        out.append(.blank)
        out.append(StyledLine("Leaving", .heading))
        out.append(StyledLine("  q on the queue or Ctrl-C anywhere quits. If the terminal closes (hang-up) or the desk is"))
        out.append(StyledLine("  stopped while a form is open, the form is discarded: a case is saved only whole, on"))
        out.append(StyledLine("  Ctrl-S, never in part."))
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
        let lines = Self.lines(counselor: counselor)
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
