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
    /// The selected case row and the lines in view. The page has a line between respondents and a heading above
    /// each; the first case of a respondent is kept in view with its heading above it.
    var cursor: ListCursor

    init(respondents: [RepeatRespondent]) {
        self.respondents = respondents
        entries = respondents.enumerated().flatMap { r, respondent in respondent.cases.indices.map { (r, $0) } }
        var spans: [ClosedRange<Int>] = []
        var line = 0
        for (r, respondent) in respondents.enumerated() {
            let heading = r > 0 ? line + 1 : line
            line = heading + 1
            for c in respondent.cases.indices {
                spans.append((c == 0 ? heading : line)...line)
                line += 1
            }
        }
        cursor = ListCursor(spans: spans)
    }

    static func open(app: DeskApp) {
        do {
            app.push(RespondentsScreen(respondents: try app.desk.repeatRespondents()))
        } catch {
            app.show(error: error)
        }
    }

    var contexts: [KeyContext] { [.respondents, .global] }

    func title(app: DeskApp) -> String {
        app.words.count("desk.respondents.title", respondents.count)
    }

    var selectedCase: CaseID? {
        let selected = cursor.selected
        return entries.indices.contains(selected)
            ? respondents[entries[selected].respondent].cases[entries[selected].appearance].caseID : nil
    }

    func perform(_ action: KeyAction, key: Key, app: DeskApp) {
        if cursor.perform(action) { return }
        switch action {
        case .open:
            if let id = selectedCase { app.openCase(id, returnHere: true) }
        case .back: app.pop()
        default: break
        }
    }

    /// The heading of one respondent: "Oleg Petrenko — Logistics Coordinator · 3 cases, 2 open".
    static func heading(_ respondent: RepeatRespondent, words: Catalogue = .english) -> String {
        respondent.label + (respondent.role.map { " — \($0)" } ?? "")
            + " · " + words.count("desk.respondents.cases", respondent.cases.count, ["open": String(respondent.openCount)])
    }

    /// One case row: "C-2026-0045  !!  High      Support & advice      received 2026-11-24".
    static func caseRow(_ appearance: RepeatRespondent.Appearance, calendar: Calendar, words: Catalogue = .english) -> [(String, Style)] {
        let band = "\(appearance.band?.marker ?? "?  ") " + words["band-short." + (appearance.band?.rawValue ?? "unrated")]
        return [
            (appearance.caseID.description + "  ", .normal),
            (DisplayWidth.pad(band, to: 14), Style.band(appearance.band)),
            (DisplayWidth.pad(words.label(appearance.status), to: 22), .normal),
            (words["desk.respondents.received", values: ["date": DateText.day(appearance.receivedAt, calendar: calendar)]], .normal),
        ]
    }

    func renderBody(into buffer: inout ScreenBuffer, top: Int, bottom: Int, app: DeskApp) {
        guard !respondents.isEmpty else {
            buffer.put(app.words["desk.respondents.none"], row: top + 1, col: 2)
            return
        }
        // The page as lines, as the cursor's spans count them.
        var lines: [StyledLine] = []
        for (r, respondent) in respondents.enumerated() {
            if r > 0 { lines.append(.blank) }
            lines.append(StyledLine(Self.heading(respondent, words: app.words), .heading))
            for appearance in respondent.cases {
                lines.append(StyledLine([("  ", .normal)] + Self.caseRow(appearance, calendar: app.calendar, words: app.words)))
            }
        }
        let rows = bottom - top
        cursor.height = rows
        for index in cursor.visibleRows {
            let row = top + index - cursor.top
            lines[index].draw(into: &buffer, row: row, col: 1, columns: buffer.width - 1)
            if index == cursor.selectedRow {
                buffer.put(">", row: row, col: 1, style: .bold)
                buffer.restyle(row: row, from: 0, to: buffer.width) { $0.reversed }
            }
        }
        if lines.count > rows {
            let scrollTop = cursor.top
            let marker = " \(scrollTop + 1)–\(min(lines.count, scrollTop + rows))/\(lines.count) "
            buffer.put(marker, row: 0, col: buffer.width - DisplayWidth.width(of: marker), style: .bar)
        }
    }
}
