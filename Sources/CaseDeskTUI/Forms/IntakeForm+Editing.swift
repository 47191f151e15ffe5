import CaseCore
import CaseStore
import Foundation

/// The intake form as an editor of an existing case: filled in with the case, it saves only the fields that differ
/// from it, as one ``CaseEdit`` (one transaction, one journal entry; the case is re-scored at once).
extension IntakeForm {
    convenience init(app: DeskApp, editing item: Case, detail: DetailScreen?) {
        self.init(app: app)
        editing = item
        self.detail = detail
        channel = item.channel
        relationship = item.relationship
        anonymous = item.reporter.anonymous
        child = item.childInvolved
        consent = item.consentShareIdentity
        categories = item.categories
        grounds = item.grounds
        tags = item.conductTags
        wishes = item.wishes
        language = item.language
        for (i, person) in item.reported.prefix(2).enumerated() {
            texts[.personName(i)] = TextField(person.name)
            texts[.personRole(i)] = TextField(person.role)
            power[i] = person.power
        }
        secondPerson = item.reported.count > 1
        extraReported = Array(item.reported.dropFirst(2))
        let values: [FieldID: String] = [
            .incidentFirst: DateText.day(item.incidentFirst), .incidentLast: DateText.day(item.incidentLast),
            .pseudonym: item.reporter.pseudonym, .name: item.reporter.name ?? "", .contact: item.reporter.contact ?? "",
            .affectedPseudonym: item.affected?.pseudonym ?? "", .affectedName: item.affected?.name ?? "",
            .affectedContact: item.affected?.contact ?? "", .support: item.supportNeeds,
        ]
        for (id, value) in values { texts[id] = TextField(value) }
        texts[.narrative] = TextField(item.narrative, multiline: true)
    }

    /// The reported persons the form describes now (the two it shows, then any others the case had).
    var reportedNow: [ReportedPerson] {
        var people = [ReportedPerson(name: text(.personName(0)), role: text(.personRole(0)), power: power[0])]
        if secondPerson { people.append(ReportedPerson(name: text(.personName(1)), role: text(.personRole(1)), power: power[1])) }
        return people + extraReported
    }

    /// The fields that differ from the edited case; nil when nothing does.
    func caseEdit() -> CaseEdit? {
        guard let item = editing else { return nil }
        var edit = CaseEdit()
        if channel != item.channel { edit.channel = channel }
        if text(.incidentFirst) != DateText.day(item.incidentFirst) { edit.incidentFirst = text(.incidentFirst) }
        if text(.incidentLast) != DateText.day(item.incidentLast) { edit.incidentLast = text(.incidentLast) }
        let reporter = item.reporter
        if text(.pseudonym) != reporter.pseudonym || anonymous != reporter.anonymous
            || (!anonymous && (text(.name) != reporter.name ?? "" || text(.contact) != reporter.contact ?? "")) {
            edit.reporter = CaseIntake.ReporterInput(pseudonym: text(.pseudonym), anonymous: anonymous,
                                                     name: anonymous ? nil : text(.name), contact: anonymous ? nil : text(.contact))
        }
        let affected = [text(.affectedPseudonym), text(.affectedName), text(.affectedContact)]
        let before = [item.affected?.pseudonym ?? "", item.affected?.name ?? "", item.affected?.contact ?? ""]
        if affected != before {
            // Empty name or contact clear them; an empty pseudonym keeps the current one (or makes one up).
            edit.affected = .some(affected.allSatisfy(\.isEmpty) ? nil
                : CaseIntake.AffectedInput(pseudonym: affected[0].nilIfEmpty, name: affected[1], contact: affected[2]))
        }
        if relationship != item.relationship { edit.relationship = relationship }
        if reportedNow != item.reported { edit.reported = reportedNow }
        if Set(categories) != Set(item.categories) { edit.categories = categories }
        let groundsNow = categories.contains("discrimination") ? grounds : []
        if Set(groundsNow) != Set(item.grounds) { edit.grounds = groundsNow }
        if Set(tags) != Set(item.conductTags) { edit.conductTags = tags }
        if child != item.childInvolved { edit.childInvolved = child }
        if consent != item.consentShareIdentity { edit.consentShareIdentity = consent }
        let narrative = texts[.narrative]?.text.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if narrative != item.narrative { edit.narrative = narrative }
        if text(.support) != item.supportNeeds.trimmingCharacters(in: .whitespacesAndNewlines) { edit.supportNeeds = text(.support) }
        if let wishes, wishes != item.wishes { edit.wishes = wishes }
        if let language, language != item.language { edit.language = language }
        return edit == CaseEdit() ? nil : edit
    }

    /// Saves the changed fields; with none, says so and leaves the case as it was.
    func saveEdit(app: DeskApp) {
        guard let item = editing else { return }
        guard let edit = caseEdit() else {
            app.pop()
            app.show(app.words["desk.intake.unchanged", values: ["id": item.id.description]])
            return
        }
        do {
            let view = try app.desk.edit(item.id, edit, readVersion: detail?.view.version)
            app.pop()
            detail?.update(view, app: app)
            let score = view.evaluation.score
            let band = score.band.map { "\(app.words.label($0))\(score.value.map { " \($0)" } ?? "")" } ?? app.words["desk.unrated"]
            app.show(app.words["desk.intake.edited", values: ["id": item.id.description, "band": band]], style: .success)
        } catch {
            showError(error, app: app)
        }
    }
}
