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
        case pseudonym, anonymous, name, contact, relationship, wishes, language
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
    /// The language letters to the reporter are written in; nil for the desk's.
    var language: String?
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
    /// The languages letters are written in (the configuration's acknowledgement templates).
    let letterLanguages: [String]

    init(app: DeskApp) {
        today = DateText.day(app.now, calendar: app.calendar)
        letterLanguages = app.desk.evaluator.letterLanguages
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
        case .channel, .relationship, .personPower, .wishes, .language: .choice
        case .anonymous, .secondPerson, .child, .consent: .toggle
        case .categories, .grounds, .tags: .list
        case .narrative: .multiline
        case .save: .button
        default: .text
        }
    }

    /// The field's label in the desk's language.
    static func label(_ id: FieldID, words: Catalogue = .english) -> String {
        let key: String? = switch id {
        case .channel: "desk.intake.channel"
        case .received: "desk.intake.received"
        case .incidentFirst: "desk.intake.incident-first"
        case .incidentLast: "desk.intake.incident-last"
        case .pseudonym, .affectedPseudonym: "desk.intake.pseudonym"
        case .anonymous: "desk.intake.anonymous"
        case .name, .affectedName, .personName: "desk.intake.name"
        case .contact, .affectedContact: "desk.intake.contact"
        case .relationship: "desk.intake.relationship"
        case .wishes: "desk.intake.wishes"
        case .language: "desk.intake.language"
        case .personRole: "desk.intake.role"
        case .personPower: "desk.intake.power"
        case .secondPerson: "desk.intake.second-person"
        case .categories: "desk.intake.categories"
        case .grounds: "desk.intake.grounds"
        case .tags: "desk.intake.conduct"
        case .child: "desk.intake.child"
        case .consent: "desk.intake.consent"
        case .narrative: "desk.intake.narrative"
        case .support: "desk.intake.support"
        case .save: nil
        }
        return key.map { words[$0] } ?? ""
    }

    /// The section heading shown above a field, if it starts one.
    static func section(_ id: FieldID, words: Catalogue = .english) -> String? {
        let key: String? = switch id {
        case .channel: "desk.intake.section.report"
        case .pseudonym: "desk.intake.section.reporter"
        case .affectedPseudonym: "desk.intake.section.affected"
        case .personName(0): "desk.intake.section.reported"
        case .personName(1): "desk.intake.section.second-reported"
        case .categories: "desk.intake.section.what-happened"
        case .narrative: "desk.intake.section.in-their-words"
        default: nil
        }
        return key.map { words[$0] }
    }

    /// The fields shown now (name and contact hide for anonymous reports, grounds without discrimination…).
    var fields: [FieldID] {
        var list: [FieldID] = [.channel]
        if editing == nil { list.append(.received) }
        list += [.incidentFirst, .incidentLast, .pseudonym, .anonymous]
        if !anonymous { list += [.name, .contact] }
        list += [.relationship, .wishes, .language, .affectedPseudonym, .affectedName, .affectedContact]
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
        let words = app.words
        return (editing.map { words["desk.intake.title-edit", values: ["id": $0.id.description]] } ?? words["desk.intake.title-new"])
            + (dirty ? " " + words["desk.intake.unsaved"] : "")
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
                let words = app.words
                let id = ["id": editing?.id.description ?? ""]
                app.present(Confirmation(words[editing == nil ? "desk.intake.discard-new" : "desk.intake.discard-edit", values: id]) { app in
                    app.pop()
                    app.show(words[editing == nil ? "desk.intake.discarded-new" : "desk.intake.discarded-edit", values: id])
                })
            } else {
                app.pop()
            }
        case .insert where Self.kind(focus) != .text && Self.kind(focus) != .multiline:
            app.show(notTyped(key, words: app.words), style: .error)
        default:
            if Self.kind(focus) == .text || Self.kind(focus) == .multiline {
                edit { _ = $0.apply(action, key: key) }
            }
        }
    }

    /// What the form says when a printable key is pressed on a field that takes no text: nothing was typed, and
    /// which key changes the field.
    func notTyped(_ key: Key, words: Catalogue = .english) -> String {
        let typed: String = if case let .char(c) = key { DisplayWidth.printable(String(c)) } else { "" }
        let label = Self.label(focus, words: words)
        let how: String = switch Self.kind(focus) {
        case .toggle: words["desk.intake.how.toggle", values: ["label": label]]
        case .choice: words["desk.intake.how.choice", values: ["label": label]]
        case .list: words["desk.intake.how.list", values: ["label": label.lowercased()]]
        default: words["desk.intake.how.save"]
        }
        return words["desk.intake.not-typed", values: ["typed": typed, "how": how]]
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
        case .language:
            let all = languageChoices
            let i = all.firstIndex(of: language) ?? 0
            language = all[(i + step + all.count) % all.count]
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
        app.present(Chooser(title: Self.label(field, words: app.words), options: entries.map(\.name), multiple: true,
                            checked: checked) { [weak self] _, _, ticked in
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

    /// The letter languages the form cycles through: the desk's first (unless the edited case has one already: an edit
    /// cannot take it back), then every language an acknowledgement is written in.
    var languageChoices: [String?] {
        (editing?.language == nil ? [nil] : []) + letterLanguages.map { Optional($0) }
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
        var intake = CaseIntake(
            receivedAt: text(.received) == today ? nil : text(.received),
            channel: channel, incidentFirst: text(.incidentFirst), incidentLast: optional(.incidentLast),
            reporter: .init(pseudonym: optional(.pseudonym), anonymous: anonymous,
                            name: anonymous ? nil : optional(.name), contact: anonymous ? nil : optional(.contact)),
            relationship: relationship, reported: reported, categories: categories,
            grounds: categories.contains("discrimination") ? grounds : [], conductTags: tags, childInvolved: child,
            consentShareIdentity: consent, narrative: texts[.narrative]?.text ?? "", supportNeeds: optional(.support),
            affected: affected, wishes: wishes)
        intake.language = language
        return intake
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
                app.show(app.words["desk.intake.added-code", values: ["id": added.id.description, "code": code.description]], style: .success)
            } else {
                app.show(app.words["desk.intake.added", values: ["id": added.id.description, "pseudonym": added.item.reporter.pseudonym]],
                         style: .success)
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
        app.show(app.words["desk.intake.not-saved", values: ["error": text]], style: .error)
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
            case "language": return .language
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
