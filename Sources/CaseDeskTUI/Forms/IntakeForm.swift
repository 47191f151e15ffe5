import CaseCore
import CaseStore
import Foundation

/// The intake form: every field of an intake, validated by ``CaseDesk/add(_:)`` with errors shown next to the field
/// at fault. Filled in with a case (``init(app:editing:detail:)``), it edits it instead: saving sends only the fields
/// that changed to ``CaseDesk/edit(_:_:)`` (see IntakeEdit.swift). Leaving with unsaved input asks first.
final class IntakeForm: Screen {
    /// The form's fields, in order.
    enum FieldID: Hashable {
        case channel, received, incidentFirst, incidentLast
        case pseudonym, anonymous, name, contact, relationship, wishes
        case affectedPseudonym, affectedName, affectedContact
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
    /// What the reporter wants to happen; nil while not recorded.
    var wishes: Wishes?
    /// The case being edited, and the detail screen to refresh after saving; nil for a new case.
    var editing: Case?
    weak var detail: DetailScreen?
    /// Reported persons beyond the two the form shows, kept as they are when editing.
    var extraReported: [ReportedPerson] = []
    var texts: [FieldID: TextField]
    var focus: FieldID = .channel
    var errors: [FieldID: String] = [:]
    var formError: String?
    /// Something was typed or chosen.
    var dirty = false
    var scroll = 0
    let today: String

    init(app: DeskApp) {
        today = DateText.day(app.now, calendar: app.calendar)
        texts = [.received: TextField(today), .narrative: TextField(multiline: true)]
        for id in [FieldID.incidentFirst, .incidentLast, .pseudonym, .name, .contact, .support,
                   .affectedPseudonym, .affectedName, .affectedContact,
                   .personName(0), .personRole(0), .personName(1), .personRole(1)] {
            texts[id] = TextField()
        }
    }

    // MARK: Fields

    static func kind(_ id: FieldID) -> Kind {
        switch id {
        case .channel, .relationship, .personPower, .wishes: .choice
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
        case .wishes: "Reporter's wishes"
        case .affectedPseudonym: "Pseudonym (optional)"
        case .affectedName: "Name"
        case .affectedContact: "Contact"
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
        case .affectedPseudonym: "Affected person, when someone else reported (optional)"
        case .personName(0): "Reported person"
        case .personName(1): "Second reported person"
        case .categories: "What happened"
        case .narrative: "In the reporter's words"
        default: nil
        }
    }

    /// The fields shown now (name and contact hide for anonymous reports, grounds without discrimination…).
    var fields: [FieldID] {
        var list: [FieldID] = [.channel]
        if editing == nil { list.append(.received) }
        list += [.incidentFirst, .incidentLast, .pseudonym, .anonymous]
        if !anonymous { list += [.name, .contact] }
        list += [.relationship, .wishes, .affectedPseudonym, .affectedName, .affectedContact]
        list += [.personName(0), .personRole(0), .personPower(0), .secondPerson]
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

    func title(app: DeskApp) -> String {
        (editing.map { "Edit \($0.id) — intake" } ?? "New case — intake") + (dirty ? " (unsaved)" : "")
    }

    // MARK: Actions

    func perform(_ action: KeyAction, key: Key, app: DeskApp) {
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
                let editing = editing
                app.present(Confirmation(editing == nil ? "Discard this new case?" : "Discard the changes to \(editing!.id)?") { app in
                    app.pop()
                    app.show(editing == nil ? "The new case was discarded." : "The changes to \(editing!.id) were discarded.")
                })
            } else {
                app.pop()
            }
        case .insert where Self.kind(focus) != .text && Self.kind(focus) != .multiline:
            app.show(notTyped(key), style: .error)
        default:
            if Self.kind(focus) == .text || Self.kind(focus) == .multiline {
                edit { _ = $0.apply(action, key: key) }
            }
        }
    }

    /// What the form says when a printable key is pressed on a field that takes no text: nothing was typed, and
    /// which key changes the field.
    func notTyped(_ key: Key) -> String {
        let typed: String = if case let .char(c) = key { DisplayWidth.printable(String(c)) } else { "" }
        let label = Self.label(focus)
        let how: String = switch Self.kind(focus) {
        case .toggle: "Space toggles \(label)"
        case .choice: "←/→ or Space change \(label)"
        case .list: "Space or Enter opens the list of \(label.lowercased())"
        default: "Enter or Ctrl-S saves"
        }
        return "'\(typed)' was not typed: \(how); Tab goes to the next field."
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
        case .wishes:
            let all = wishesChoices
            let i = all.firstIndex(of: wishes) ?? 0
            wishes = all[(i + step + all.count) % all.count]
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

    /// The wishes the form cycles through: "not recorded" too, unless the edited case already has wishes (an edit
    /// cannot take them back to unrecorded).
    var wishesChoices: [Wishes?] {
        (editing?.wishes == nil ? [nil] : []) + Wishes.allCases.map { Optional($0) }
    }

    func text(_ id: FieldID) -> String { texts[id]?.text.trimmingCharacters(in: .whitespacesAndNewlines) ?? "" }

    /// The intake the form describes now.
    func intake() -> CaseIntake {
        func optional(_ id: FieldID) -> String? { text(id).isEmpty ? nil : text(id) }
        var reported = [ReportedPerson(name: text(.personName(0)), role: text(.personRole(0)), power: power[0])]
        if secondPerson {
            reported.append(ReportedPerson(name: text(.personName(1)), role: text(.personRole(1)), power: power[1]))
        }
        let affectedTexts = [text(.affectedPseudonym), text(.affectedName), text(.affectedContact)]
        let affected = affectedTexts.allSatisfy(\.isEmpty) ? nil
            : CaseIntake.AffectedInput(pseudonym: optional(.affectedPseudonym), name: optional(.affectedName),
                                       contact: optional(.affectedContact))
        return CaseIntake(
            receivedAt: text(.received) == today ? nil : text(.received),
            channel: channel, incidentFirst: text(.incidentFirst), incidentLast: optional(.incidentLast),
            reporter: .init(pseudonym: optional(.pseudonym), anonymous: anonymous,
                            name: anonymous ? nil : optional(.name), contact: anonymous ? nil : optional(.contact)),
            relationship: relationship, reported: reported, categories: categories,
            grounds: categories.contains("discrimination") ? grounds : [], conductTags: tags, childInvolved: child,
            consentShareIdentity: consent, narrative: texts[.narrative]?.text ?? "", supportNeeds: optional(.support),
            affected: affected, wishes: wishes)
    }

    func save(app: DeskApp) {
        errors = [:]
        formError = nil
        if editing != nil {
            saveEdit(app: app)
            return
        }
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
            showError(error, app: app)
        }
    }

    /// Shows an error next to the field it is about (or under the form) and on the message line.
    func showError(_ error: Error, app: DeskApp) {
        let text = app.describe(error)
        if let field = field(for: error) {
            errors[field] = text
            focus = field
        } else {
            formError = text
        }
        app.show("Not saved: " + text, style: .error)
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
            case "affected person": return .affectedPseudonym
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
}
