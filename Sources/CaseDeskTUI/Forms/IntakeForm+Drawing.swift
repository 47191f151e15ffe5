import CaseCore

extension IntakeForm {
    // MARK: Drawing

    enum Row: Equatable { case heading(String), field(FieldID, line: Int), error(FieldID), blank }

    static let narrativeRows = 4

    /// The form's rows, headings in the desk's language.
    func rows(words: Catalogue = .english) -> [Row] {
        var out: [Row] = []
        for id in fields {
            if let section = Self.section(id, words: words) {
                if !out.isEmpty { out.append(.blank) }
                out.append(.heading(section))
            }
            if id == .save { out.append(.blank) }
            let lines = Self.kind(id) == .multiline ? Self.narrativeRows : 1
            for line in 0..<lines { out.append(.field(id, line: line)) }
            if errors[id] != nil { out.append(.error(id)) }
        }
        if formError != nil { out.append(.error(.save)) }
        return out
    }

    func renderBody(into buffer: inout ScreenBuffer, top: Int, bottom: Int, app: DeskApp) {
        let words = app.words
        let all = rows(words: words)
        let height = bottom - top
        let focusRows = all.indices.filter { if case let .field(id, _) = all[$0], id == focus { return true } else { return false } }
        let errorRow = all.firstIndex(of: .error(focus))
        if let first = focusRows.first, let last = (errorRow ?? focusRows.last) {
            if first < scroll { scroll = max(0, first - 1) }
            if last >= scroll + height { scroll = last - height + 1 }
        }
        scroll = max(0, min(scroll, max(0, all.count - height)))
        let labelWidth = 26
        let valueCol = labelWidth + 2
        let valueWidth = buffer.width - valueCol - 1
        for (offset, row) in all.dropFirst(scroll).prefix(height).enumerated() {
            let y = top + offset
            switch row {
            case .blank: break
            case let .heading(text): buffer.put(" " + text, row: y, col: 0, style: .heading)
            case let .error(id):
                let text = id == .save ? (formError ?? "") : (errors[id] ?? "")
                buffer.put(DisplayWidth.truncate("! " + text, to: buffer.width - 5), row: y, col: 4, style: .error)
            case let .field(id, line):
                let focused = id == focus
                if line == 0 {
                    let label = Self.label(id, words: words)
                    buffer.put((focused ? "> " : "  ") + DisplayWidth.truncate(label, to: labelWidth - 1), row: y, col: 0,
                               style: focused ? .bold : (errors[id] != nil ? .error : .normal))
                }
                drawValue(id, line: line, into: &buffer, row: y, col: valueCol, width: valueWidth, focused: focused, app: app)
            }
        }
    }

    private func drawValue(_ id: FieldID, line: Int, into buffer: inout ScreenBuffer, row: Int, col: Int, width: Int,
                           focused: Bool, app: DeskApp) {
        let taxonomy = app.desk.taxonomy
        let words = app.words
        let highlight: Style = focused ? .selected : .normal
        switch Self.kind(id) {
        case .text:
            texts[id]?.draw(into: &buffer, row: row, col: col, columns: width, focused: focused)
            if id == .pseudonym, texts[id]?.isEmpty ?? true, !focused {
                buffer.put(DisplayWidth.truncate(words["desk.intake.pseudonym-hint"], to: width), row: row, col: col, style: .field)
            }
            if id == .affectedPseudonym, !focused,
               [FieldID.affectedPseudonym, .affectedName, .affectedContact].allSatisfy({ texts[$0]?.isEmpty ?? true }) {
                buffer.put(DisplayWidth.truncate(words["desk.intake.affected-hint"], to: width), row: row, col: col, style: .field)
            }
        case .multiline:
            if line == 0 {
                texts[id]?.drawMultiline(into: &buffer, row: row, col: col, columns: width, rows: Self.narrativeRows, focused: focused)
            }
        case .choice:
            let value: String = switch id {
            case .channel: words.label(channel)
            case .relationship: words.label(relationship)
            case let .personPower(i): words.label(power[i])
            case .wishes: wishes.map(words.label) ?? words["desk.not-recorded"]
            case .language: language.map { LetterDialog.languageLabel($0, words: words) } ?? words["desk.intake.language-default"]
            default: ""
            }
            buffer.put(DisplayWidth.truncate("< \(value) >", to: width), row: row, col: col, style: highlight)
        case .toggle:
            let on: Bool = switch id {
            case .anonymous: anonymous
            case .secondPerson: secondPerson
            case .child: child
            default: consent
            }
            buffer.put((on ? "[x] " : "[ ] ") + words.yesNo(on), row: row, col: col, style: highlight)
        case .list:
            let ids: [String] = id == .categories ? categories : id == .grounds ? grounds : tags
            let names: [String] = ids.map { id == .categories ? taxonomy.categoryName($0) : id == .grounds ? taxonomy.groundName($0) : taxonomy.tagName($0) }
            let text = names.isEmpty ? words["desk.intake.list-empty"] : names.joined(separator: ", ")
            buffer.put(DisplayWidth.truncate(text, to: width), row: row, col: col, style: highlight)
        case .button:
            let button = "[ " + words[editing == nil ? "desk.intake.save-case" : "desk.intake.save-changes"] + " ]"
            buffer.put(button, row: row, col: col, style: focused ? .selected : .bold)
            buffer.put("  " + words["desk.intake.save-keys"], row: row, col: col + DisplayWidth.width(of: button))
        }
    }
}
