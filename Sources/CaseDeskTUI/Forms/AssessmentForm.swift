import CaseCore
import CaseStore

/// Rates the five factors 0–4 against their anchored descriptors, with the score, band and the
/// whole explanation updating as the counselor rates.
final class AssessmentForm: Screen {
    let detail: DetailScreen
    var ratings: FactorRatings
    var focus = 0
    private(set) var preview: TriageScore?
    var error: String?
    /// The power rating suggested from the reported persons, while it stands unchanged on a first assessment: the form
    /// marks it as a suggestion for the counselor to confirm (by saving) or change.
    private(set) var suggestedPower: Int?
    /// The ratings the form opened with (the suggestion included).
    private let initialRatings: FactorRatings

    init(detail: DetailScreen, app: DeskApp) {
        self.detail = detail
        let item = detail.view.item
        ratings = item.assessment ?? .zero
        if item.assessment == nil, let power = item.suggestedPowerRating {
            ratings[.power] = power
            suggestedPower = power
        }
        initialRatings = ratings
        refresh(app: app)
    }

    /// The note under the factors while the power rating is the suggestion.
    func suggestionNote(words: Catalogue = .english) -> String? {
        guard let power = suggestedPower, PowerRelation.allCases.indices.contains(power) else { return nil }
        return words["desk.assess.suggested-power", values: [
            "rating": String(power), "relation": words.label(PowerRelation.allCases[power])]]
    }

    var contexts: [KeyContext] { [.assessment] }

    /// Whether a rating was changed and not saved (the idle lock discards it and says so).
    var changed: Bool { ratings != initialRatings }

    func title(app: DeskApp) -> String {
        app.words["desk.assess.title", values: ["id": detail.view.item.id.description, "pseudonym": detail.view.item.reporter.pseudonym]]
    }

    func refresh(app: DeskApp) {
        do {
            preview = try app.desk.preview(ratings, for: detail.view.item)
            error = nil
        } catch {
            self.error = app.describe(error)
        }
    }

    func perform(_ action: KeyAction, key: Key, app: DeskApp) {
        let factor = Factor.allCases[focus]
        if factor == .power, [.lower, .raise].contains(action) || { if case .rate = action { true } else { false } }() {
            suggestedPower = nil
        }
        switch action {
        case .moveDown: focus = (focus + 1) % Factor.allCases.count
        case .moveUp: focus = (focus + Factor.allCases.count - 1) % Factor.allCases.count
        case .lower: ratings[factor] = max(0, ratings[factor] - 1); refresh(app: app)
        case .raise: ratings[factor] = min(4, ratings[factor] + 1); refresh(app: app)
        case let .rate(n):
            ratings[factor] = n
            refresh(app: app)
            if focus < Factor.allCases.count - 1 { focus += 1 }
        case .save:
            do {
                let view = try app.desk.assess(detail.view.item.id, ratings, readVersion: detail.view.version)
                app.pop()
                detail.update(view, app: app)
                let score = view.evaluation.score
                app.show(app.words["desk.assess.saved", values: [
                    "score": score.value.map(String.init) ?? "–", "band": score.band.map(app.words.label) ?? app.words["desk.assess.unrated"]]],
                         style: .success)
            } catch {
                self.error = app.describe(error)
            }
        case .cancel:
            app.pop()
            app.show(app.words["desk.assess.not-saved"])
        default: break
        }
    }

    func renderBody(into buffer: inout ScreenBuffer, top: Int, bottom: Int, app: DeskApp) {
        let config = app.desk.evaluator.scorer.config
        let words = app.words
        let width = buffer.width
        var row = top
        buffer.put(DisplayWidth.truncate(" " + words["desk.assess.instructions"], to: width), row: row, col: 0)
        row += 2
        // The names in one column, a space after the longest (21 columns in English, more in a longer language).
        let labelWidth = max(21, (Factor.allCases.map { DisplayWidth.width(of: words.label($0)) }.max() ?? 0) + 1)
        for (i, factor) in Factor.allCases.enumerated() {
            let value = ratings[factor]
            let focused = i == focus
            let label = DisplayWidth.pad(words.label(factor), to: labelWidth)
            var x = buffer.put((focused ? "> " : "  ") + label, row: row, col: 0, style: focused ? .bold : .normal)
            for n in 0...4 {
                let cell = n == value ? "[\(n)]" : " \(n) "
                x = buffer.put(cell, row: row, col: x, style: n == value ? (focused ? .selected : .bold) : .normal)
            }
            x += 1
            let suggested = factor == .power && suggestedPower != nil
            buffer.put(DisplayWidth.truncate((suggested ? "* " : "") + config.descriptor(factor, value), to: width - x - 1),
                       row: row, col: x, style: focused ? .bold : .normal)
            row += 1
        }
        if let note = suggestionNote(words: words) {
            // Wrapped under its asterisk rather than cut: it says what to do.
            for (i, line) in DisplayWidth.wrap(note, to: width - 4).enumerated() {
                buffer.put((i == 0 ? " * " : "   ") + line, row: row, col: 0, style: .bold)
                row += 1
            }
        }
        row += 1
        guard row < bottom else { return }
        if let preview {
            let band = DetailScreen.bandText(preview.band, words: words)
            buffer.put(" " + words["desk.assess.score", values: ["score": preview.value.map(String.init) ?? "–", "band": band]],
                       row: row, col: 0, style: Style.band(preview.band).emboldened)
            row += 1
            for line in preview.lines {
                for part in DisplayWidth.wrap(line.text, to: width - 4) {
                    guard row < bottom - (error == nil ? 0 : 1) else { break }
                    buffer.put("  " + part, row: row, col: 0, style: line.kind == .total ? .bold : .normal)
                    row += 1
                }
            }
        }
        if let error { buffer.put(DisplayWidth.truncate(" " + error, to: width), row: bottom - 1, col: 0, style: .error) }
    }
}
