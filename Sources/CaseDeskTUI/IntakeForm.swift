import CaseCore
import CaseStore
import Foundation

/// The new-case form: every field of an intake, validated by ``CaseDesk/add(_:)`` with errors shown
/// next to the field at fault. Leaving with unsaved input asks first.
final class IntakeForm: DeskScreen {
    /// The form's fields, in order.
    enum FieldID: Hashable {
        case channel, received, incidentFirst, incidentLast
        case pseudonym, anonymous, name, contact, relationship
        case personName(Int), personRole(Int), personPower(Int), secondPerson
        case categories, grounds, tags, child, consent
        case narrative, support, save
    }

    enum Kind { case text, multiline, choice, toggle, list, button }

    var channel = Channel.complaint
    var relationship = Relationship.staff
    var power: [PowerRelation] = [.peer, .peer]
    var anonymous = false, secondPerson = false, child = false, consent = false
    var categories: [String] = [], grounds: [String] = [], tags: [String] = []
    var texts: [FieldID: TextField]
    var focus: FieldID = .channel
    var errors: [FieldID: String] = [:]
    var formError: String?
    /// Something was typed or chosen.
    private(set) var dirty = false
    var scroll = 0
    private let today: String

    init(app: DeskApp) {
        today = DateText.day(app.now, calendar: app.calendar)
        texts = [.received: TextField(today), .narrative: TextField(multiline: true)]
        for id in [FieldID.incidentFirst, .incidentLast, .pseudonym, .name, .contact, .support,
                   .personName(0), .personRole(0), .personName(1), .personRole(1)] {
            texts[id] = TextField()
        }
    }

    // MARK: Fields

    static func kind(_ id: FieldID) -> Kind {
        switch id {
        case .channel, .relationship, .personPower: .choice
        case .anonymous, .secondPerson, .child, .consent: .toggle
        case .categories, .grounds, .tags: .list
        case .narrative: .multiline
        case .save: .button
        default: .text
        }
    }

    static func label(_ id: FieldID) -> String {
        switch id {
        case .channel: "Channel"
        case .received: "Received (date)"
        case .incidentFirst: "First incident (date)"
        case .incidentLast: "Last incident (date)"
        case .pseudonym: "Pseudonym (optional)"
        case .anonymous: "Anonymous"
        case .name: "Name"
        case .contact: "Contact"
        case .relationship: "Relationship"
        case .personName: "Name"
        case .personRole: "Role"
        case .personPower: "Power"
        case .secondPerson: "Second reported person"
        case .categories: "Categories"
        case .grounds: "Discrimination grounds"
        case .tags: "Conduct"
        case .child: "A child is involved"
        case .consent: "Consent to share identity"
        case .narrative: "Narrative"
        case .support: "Support needs"
        case .save: ""
        }
    }

    /// The section heading shown above a field, if it starts one.
    static func section(_ id: FieldID) -> String? {
        switch id {
        case .channel: "Report"
        case .pseudonym: "Reporter"
        case .personName(0): "Reported person"
        case .personName(1): "Second reported person"
        case .categories: "What happened"
        case .narrative: "In the reporter's words"
        default: nil
        }
    }

    /// The fields shown now (name and contact hide for anonymous reports, grounds without discrimination…).
    var fields: [FieldID] {
        var list: [FieldID] = [.channel, .received, .incidentFirst, .incidentLast, .pseudonym, .anonymous]
        if !anonymous { list += [.name, .contact] }
        list += [.relationship, .personName(0), .personRole(0), .personPower(0), .secondPerson]
        if secondPerson { list += [.personName(1), .personRole(1), .personPower(1)] }
        list.append(.categories)
        if categories.contains("discrimination") { list.append(.grounds) }
        list += [.tags, .child, .consent, .narrative, .support, .save]
        return list
    }

    var contexts: [KeyContext] {
        switch Self.kind(focus) {
        case .text, .multiline: [.intake, .textEntry]
        default: [.intake, .intakeChoice]
        }
    }

    func title(app: DeskApp) -> String { "New case — intake" + (dirty ? " (unsaved)" : "") }

    // MARK: Actions

    func perform(_ action: DeskAction, key: Key, app: DeskApp) {
        let list = fields
        let index = list.firstIndex(of: focus) ?? 0
        switch action {
        case .nextField: focus = list[min(list.count - 1, index + 1)]
        case .previousField: focus = list[max(0, index - 1)]
        case .activate:
            switch Self.kind(focus) {
            case .multiline: edit { $0.insert("\n") }
            case .button: save(app: app)
            case .list: openList(app: app)
            default: focus = list[min(list.count - 1, index + 1)]
            }
        case .toggle:
            switch Self.kind(focus) {
            case .list: openList(app: app)
            case .button: save(app: app)
            default: change(by: 1)
            }
        case .nextOption: change(by: 1)
        case .previousOption: change(by: -1)
        case .save: save(app: app)
        case .cancel:
            if dirty {
                app.present(Confirmation("Discard this new case?") { app in
                    app.pop()
                    app.show("The new case was discarded.")
                })
            } else {
                app.pop()
            }
        default:
            if Self.kind(focus) == .text || Self.kind(focus) == .multiline {
                edit { _ = $0.apply(action, key: key) }
            }
        }
    }

    private func edit(_ body: (inout TextField) -> Void) {
        guard var field = texts[focus] else { return }
        let before = field
        body(&field)
        texts[focus] = field
        if field != before {
            dirty = true
            errors[focus] = nil
        }
    }

    private func cycle<T: CaseIterable & Equatable>(_ value: T, by step: Int) -> T {
        let all = Array(T.allCases)
        let i = all.firstIndex(of: value) ?? 0
        return all[(i + step + all.count) % all.count]
    }

    private func change(by step: Int) {
        switch focus {
        case .channel:
            channel = cycle(channel, by: step)
            if channel == .whistleblowing { anonymous = true }
        case .relationship: relationship = cycle(relationship, by: step)
        case let .personPower(i): power[i] = cycle(power[i], by: step)
        case .anonymous: anonymous.toggle()
        case .secondPerson: secondPerson.toggle()
        case .child: child.toggle()
        case .consent: consent.toggle()
        default: return
        }
        dirty = true
        errors[focus] = nil
    }

    private func openList(app: DeskApp) {
        let taxonomy = app.desk.taxonomy
        let field = focus
        let entries: [Taxonomy.Entry]
        let current: [String]
        switch field {
        case .categories: entries = taxonomy.categories; current = categories
        case .grounds: entries = taxonomy.discriminationGrounds; current = grounds
        case .tags: entries = taxonomy.conductTags; current = tags
        default: return
        }
        let checked = Set(entries.indices.filter { current.contains(entries[$0].id) })
        app.present(Chooser(title: Self.label(field), options: entries.map(\.name), multiple: true, checked: checked) { [weak self] _, _, ticked in
            guard let self else { return nil }
            let ids = entries.indices.filter { ticked.contains($0) }.map { entries[$0].id }
            switch field {
            case .categories: self.categories = ids
            case .grounds: self.grounds = ids
            default: self.tags = ids
            }
            if ids != current { self.dirty = true; self.errors[field] = nil }
            return nil
        })
    }

    private func text(_ id: FieldID) -> String { texts[id]?.text.trimmingCharacters(in: .whitespacesAndNewlines) ?? "" }

    /// The intake the form describes now.
    func intake() -> CaseIntake {
        func optional(_ id: FieldID) -> String? { text(id).isEmpty ? nil : text(id) }
        var reported = [ReportedPerson(name: text(.personName(0)), role: text(.personRole(0)), power: power[0])]
        if secondPerson {
            reported.append(ReportedPerson(name: text(.personName(1)), role: text(.personRole(1)), power: power[1]))
        }
        return CaseIntake(
            receivedAt: text(.received) == today ? nil : text(.received),
            channel: channel, incidentFirst: text(.incidentFirst), incidentLast: optional(.incidentLast),
            reporter: .init(pseudonym: optional(.pseudonym), anonymous: anonymous,
                            name: anonymous ? nil : optional(.name), contact: anonymous ? nil : optional(.contact)),
            relationship: relationship, reported: reported, categories: categories,
            grounds: categories.contains("discrimination") ? grounds : [], conductTags: tags, childInvolved: child,
            consentShareIdentity: consent, narrative: texts[.narrative]?.text ?? "", supportNeeds: optional(.support))
    }

    func save(app: DeskApp) {
        errors = [:]
        formError = nil
        do {
            let added = try app.desk.add(intake())
            app.pop()
            app.queue.select(added.id, app: app)
            if let code = added.followUpCode {
                app.show("Case \(added.id) added. Follow-up code for the reporter (shown once): \(code)", style: .success)
            } else {
                app.show("Case \(added.id) added (reporter \(added.item.reporter.pseudonym)).", style: .success)
            }
        } catch {
            let text = DeskApp.describe(error)
            if let field = field(for: error) {
                errors[field] = text
                focus = field
            } else {
                formError = text
            }
            app.show("Not saved: " + text, style: .error)
        }
    }

    /// The field an error is about.
    func field(for error: Error) -> FieldID? {
        guard let error = error as? CaseError else { return nil }
        switch error {
        case let .invalidField(field, _):
            switch field {
            case "received-at date": return .received
            case "first incident date": return .incidentFirst
            case "last incident date": return .incidentLast
            case "narrative": return .narrative
            case "category list": return .categories
            case "reporter's name": return .name
            case "reported person's name":
                return text(.personName(0)).isEmpty || !secondPerson ? .personName(0) : .personName(1)
            default: return nil
            }
        case .unknownCategory: return .categories
        case .unknownGround: return .grounds
        case .unknownConductTag: return .tags
        default: return nil
        }
    }

    // MARK: Drawing

    enum Row: Equatable { case heading(String), field(FieldID, line: Int), error(FieldID), blank }

    static let narrativeRows = 4

    var rows: [Row] {
        var out: [Row] = []
        for id in fields {
            if let section = Self.section(id) {
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
        let all = rows
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
                    let label = Self.label(id)
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
        let highlight: Style = focused ? .selected : .normal
        switch Self.kind(id) {
        case .text:
            texts[id]?.draw(into: &buffer, row: row, col: col, columns: width, focused: focused)
            if id == .pseudonym, texts[id]?.isEmpty ?? true, !focused {
                buffer.put("(made up when left empty)", row: row, col: col, style: .field)
            }
        case .multiline:
            if line == 0 {
                texts[id]?.drawMultiline(into: &buffer, row: row, col: col, columns: width, rows: Self.narrativeRows, focused: focused)
            }
        case .choice:
            let value: String = switch id {
            case .channel: channel.label
            case .relationship: relationship.label
            case let .personPower(i): power[i].label
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
            buffer.put(on ? "[x] yes" : "[ ] no", row: row, col: col, style: highlight)
        case .list:
            let ids: [String] = id == .categories ? categories : id == .grounds ? grounds : tags
            let names: [String] = ids.map { id == .categories ? taxonomy.categoryName($0) : id == .grounds ? taxonomy.groundName($0) : taxonomy.tagName($0) }
            let text = names.isEmpty ? "(none — Space or Enter to choose)" : names.joined(separator: ", ")
            buffer.put(DisplayWidth.truncate(text, to: width), row: row, col: col, style: highlight)
        case .button:
            buffer.put("[ Save case ]", row: row, col: col, style: focused ? .selected : .bold)
            buffer.put("  Enter or Ctrl-S saves · Esc leaves", row: row, col: col + 13)
        }
    }
}
