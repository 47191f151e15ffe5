import CaseCore
import CaseStore
import Foundation

/// People named as the reported person in more than one case the session may see
/// (``CaseRepository/repeatRespondents()``): a counselor sees their names, a supervisor neutral labels
/// ("Respondent A"). Under each, their cases with band, status and date of receipt; Enter opens one, and Esc
/// from the case comes back here.
final class RespondentsScreen: Screen {
    let respondents: [RepeatRespondent]
    /// Every case row, as (respondent, case) indexes, in the order drawn.
    let entries: [(respondent: Int, appearance: Int)]
    var selected = 0
    var scrollTop = 0
    private var pageSize = 10

    init(respondents: [RepeatRespondent]) {
        self.respondents = respondents
        entries = respondents.enumerated().flatMap { r, respondent in respondent.cases.indices.map { (r, $0) } }
    }

    static func open(app: DeskApp) {
        do {
            app.push(RespondentsScreen(respondents: try app.desk.store.repeatRespondents()))
        } catch {
            app.show(error: error)
        }
    }

    var contexts: [KeyContext] { [.respondents, .global] }

    func title(app: DeskApp) -> String {
        let people = respondents.count == 1 ? "1 person" : "\(respondents.count) people"
        return "Confidant — repeat respondents · \(people) named in more than one case"
    }

    var selectedCase: CaseID? {
        entries.indices.contains(selected) ? respondents[entries[selected].respondent].cases[entries[selected].appearance].caseID : nil
    }

    func perform(_ action: KeyAction, key: Key, app: DeskApp) {
        switch action {
        case .moveDown: selected = min(max(0, entries.count - 1), selected + 1)
        case .moveUp: selected = max(0, selected - 1)
        case .open:
            if let id = selectedCase { app.openCase(id, returnHere: true) }
        case .back: app.pop()
        default: break
        }
    }

    /// The heading of one respondent: "Oleg Petrenko — Logistics Coordinator · 3 cases, 2 open".
    static func heading(_ respondent: RepeatRespondent) -> String {
        let cases = respondent.cases.count
        return respondent.label + (respondent.role.map { " — \($0)" } ?? "")
            + " · \(cases) case\(cases == 1 ? "" : "s"), \(respondent.openCount) open"
    }

    /// One case row: "C-2026-0045  !!  High      Support & advice      received 2026-11-24".
    static func caseRow(_ appearance: RepeatRespondent.Appearance, calendar: Calendar) -> [(String, Style)] {
        let band = appearance.band.map { "\($0.marker) \($0.label)" } ?? "?   Unrated"
        return [
            (appearance.caseID.description + "  ", .normal),
            (DisplayWidth.pad(band, to: 14), Style.band(appearance.band)),
            (DisplayWidth.pad(appearance.status.label, to: 22), .normal),
            ("received " + DateText.day(appearance.receivedAt, calendar: calendar), .normal),
        ]
    }

    func renderBody(into buffer: inout ScreenBuffer, top: Int, bottom: Int, app: DeskApp) {
        guard !respondents.isEmpty else {
            buffer.put("No reported person is named in more than one case you can see.", row: top + 1, col: 2)
            return
        }
        // The page as lines; remember which line each case row is on.
        var lines: [StyledLine] = []
        var lineOfEntry: [Int] = []
        for (r, respondent) in respondents.enumerated() {
            if r > 0 { lines.append(.blank) }
            lines.append(StyledLine(Self.heading(respondent), .heading))
            for appearance in respondent.cases {
                lineOfEntry.append(lines.count)
                lines.append(StyledLine([("  ", .normal)] + Self.caseRow(appearance, calendar: app.calendar)))
            }
        }
        let rows = bottom - top
        pageSize = max(1, rows - 1)
        let selectedLine = lineOfEntry.indices.contains(selected) ? lineOfEntry[selected] : 0
        // Keep the selected row in view, with its respondent's heading when it fits.
        if selectedLine < scrollTop { scrollTop = max(0, selectedLine - 1) }
        if selectedLine >= scrollTop + rows { scrollTop = selectedLine - rows + 1 }
        scrollTop = max(0, min(scrollTop, max(0, lines.count - rows)))
        for (i, line) in lines.dropFirst(scrollTop).prefix(rows).enumerated() {
            line.draw(into: &buffer, row: top + i, col: 1, columns: buffer.width - 1)
            if scrollTop + i == selectedLine {
                buffer.put(">", row: top + i, col: 1, style: .bold)
                buffer.restyle(row: top + i, from: 0, to: buffer.width) { $0.reversed }
            }
        }
        if lines.count > rows {
            let marker = " \(scrollTop + 1)–\(min(lines.count, scrollTop + rows))/\(lines.count) "
            buffer.put(marker, row: 0, col: buffer.width - DisplayWidth.width(of: marker), style: .bar)
        }
    }
}
