import CaseCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The triage queue: every case the session may see, in queue order, filtered and searched.
final class QueueScreen: Screen {
    private(set) var all: [CaseSummary] = []
    private(set) var visible: [CaseSummary] = []
    /// Positions in `all` of the visible cases, and the filter and search they were found with, so that typing
    /// one more letter of a search only looks again at the cases that still matched.
    private var visibleIndices: [Int] = []
    private var lastFilter: QueueFilter?
    /// Each case's lower-cased search text as UTF-8, aligned with `all`, built when the queue loads so that no
    /// key of a search pays for it.
    private var searchTexts: [ContiguousArray<UInt8>] = []
    var filter = QueueFilter()
    /// The counselor's escalation review (`E`); a supervisor's queue is always the review.
    var reviewOn = false
    /// The search being typed, while `/` is active.
    var searchField: TextField?
    /// The selected case and the rows in view.
    var cursor = ListCursor()

    var contexts: [KeyContext] { searchField == nil ? [.queue, .global] : [.search, .textEntry] }

    var selectedCase: CaseSummary? { visible.indices.contains(cursor.selected) ? visible[cursor.selected] : nil }

    /// The case to select at the next load, kept by ``unload(reselecting:)`` while the rows are gone.
    private(set) var reselect: CaseID?

    func load(_ summaries: [CaseSummary], app: DeskApp) {
        let keep = selectedCase?.id ?? reselect
        reselect = nil
        // A repository gives its queue in queue order (CaseRepository.summaries), so no sort here.
        all = summaries
        let vocabulary = CaseSummary.SearchVocabulary(taxonomy: app.desk.taxonomy, catalogue: app.words)
        searchTexts = all.map { ContiguousArray($0.searchText(vocabulary).utf8) }
        lastFilter = nil
        refilter(app: app, keeping: keep)
    }

    /// Forgets every row and the search texts built from them (the idle lock). The filters, the review switch and the
    /// position stay; `id` is selected again at the next ``load(_:app:)`` when the store still has it.
    func unload(reselecting id: CaseID?) {
        reselect = id
        all = []
        visible = []
        visibleIndices = []
        searchTexts = []
        lastFilter = nil
        searchField = nil
    }

    /// Whether the queue is the escalation review: escalated cases only, highest level first, then score.
    func isReview(app: DeskApp) -> Bool { reviewOn || !app.isCounselor }

    /// The filter in force: in the review, the status group is "escalated" whatever `f` last chose.
    func effectiveFilter(app: DeskApp) -> QueueFilter {
        var effective = filter
        if isReview(app: app) { effective.status = .escalated }
        return effective
    }

    /// Review order: the highest rung of the escalation ladder first, then the score, then the queue order.
    static func reviewOrder(_ a: CaseSummary, _ b: CaseSummary) -> Bool {
        let la = a.escalationLevel.flatMap { EscalationLevel.allCases.firstIndex(of: $0) } ?? -1
        let lb = b.escalationLevel.flatMap { EscalationLevel.allCases.firstIndex(of: $0) } ?? -1
        if la != lb { return la > lb }
        if (a.score ?? -1) != (b.score ?? -1) { return (a.score ?? -1) > (b.score ?? -1) }
        return CaseSummary.queueOrder(a, b)
    }

    func refilter(app: DeskApp, keeping id: CaseID? = nil) {
        let keep = id ?? selectedCase?.id
        let now = app.now
        let effective = effectiveFilter(app: app)
        let lowered = effective.search.lowercased()
        let texts = searchTexts
        let needle = ContiguousArray(lowered.utf8)
        // A longer search only narrows: look again only at what matched the shorter one.
        let candidates: [Int]
        if let last = lastFilter, last.withoutSearch == effective.withoutSearch, lowered.contains(last.search.lowercased()) {
            candidates = visibleIndices
        } else {
            candidates = Array(all.indices)
        }
        visibleIndices = candidates.filter { index in
            effective.matches(all[index], now: now) { needle.isEmpty || Self.contains(texts[index], needle) }
        }
        lastFilter = effective
        visible = visibleIndices.map { all[$0] }
        if isReview(app: app) { visible.sort(by: Self.reviewOrder) }
        cursor.count = visible.count
        if let keep, let index = visible.firstIndex(where: { $0.id == keep }) { cursor.selected = index }
    }

    /// Selects a case by id (widening the filter when it is hidden); false when the queue lacks it.
    @discardableResult
    func select(_ id: CaseID, app: DeskApp) -> Bool {
        if !visible.contains(where: { $0.id == id }) {
            guard all.contains(where: { $0.id == id }) else { return false }
            filter = QueueFilter()
            filter.status = .all
            reviewOn = false
        }
        refilter(app: app, keeping: id)
        return true
    }

    func title(app: DeskApp) -> String {
        let words = app.words
        let counts = words["desk.queue.count", values: ["shown": String(visible.count), "total": String(all.count)]]
        guard isReview(app: app) else {
            return words["desk.queue.title"] + " · \(filter.summary(taxonomy: app.desk.taxonomy, words: words)) · " + counts
        }
        // The status group is fixed in the review; the other filters still narrow it.
        let narrowed = filter.summary(taxonomy: app.desk.taxonomy, status: false, words: words)
        let role = app.isCounselor ? "" : " · " + words["desk.role." + app.desk.role.rawValue]
        return words["desk.queue.review-title"] + (narrowed.isEmpty ? "" : " · " + narrowed) + " · \(counts)" + role
    }

    func perform(_ action: KeyAction, key: Key, app: DeskApp) {
        if cursor.perform(action) { return }
        switch action {
        case .open:
            if let id = selectedCase?.id { app.openCase(id) } else { app.show(app.words["desk.queue.none-selected"]) }
        case .search:
            searchField = TextField(filter.search)
        case .cycleStatusFilter:
            if reviewOn { reviewOn = false } else { filter.cycleStatus() }
            refilter(app: app)
        case .cycleBandFilter: filter.cycleBand(); refilter(app: app)
        case .cycleCategoryFilter: filter.cycleCategory(in: app.desk.taxonomy); refilter(app: app)
        case .toggleOverdueFilter: filter.overdueOnly.toggle(); refilter(app: app)
        case .clearFilters: filter = QueueFilter(); reviewOn = false; refilter(app: app)
        case .newCase: app.push(IntakeForm(app: app))
        case .escalationReview:
            reviewOn.toggle()
            refilter(app: app)
            cursor.selected = 0
            app.show(app.words[reviewOn ? "desk.queue.review-on" : "desk.queue.review-off"])
        case .statistics: StatisticsScreen.open(app: app)
        case .respondents: RespondentsScreen.open(app: app)
        case .deadlineAlerts: app.showDeadlineAlerts()
        case .quit: app.quit()
        case .submit:
            searchField = nil
            if visible.isEmpty { app.show(app.words["desk.queue.search-no-match", values: ["text": filter.search]]) }
        case .cancel:
            searchField = nil
            filter.search = ""
            refilter(app: app)
        default:
            if var field = searchField, field.apply(action, key: key) {
                searchField = field
                filter.search = field.text
                refilter(app: app)
            }
        }
    }

    func inputLine(into buffer: inout ScreenBuffer, row: Int, app: DeskApp) -> Bool {
        guard let searchField else { return false }
        buffer.put("/", row: row, col: 0, style: .bold)
        searchField.draw(into: &buffer, row: row, col: 1, columns: buffer.width - 1, style: .normal, focused: true)
        return true
    }

    // MARK: Layout

    /// Column layout for a width: pseudonyms show from 110 columns on. The review shows the escalation level
    /// instead of the status (every case in it is escalated). The last two columns are flags: `R` needs
    /// reassignment, `!` overdue.
    struct Columns {
        var id = 1, band = 13, categories = 30, level: Int?, pseudonym: Int?, status: Int?, deadline: Int, reassign: Int, flag: Int
        var categoriesWidth: Int, pseudonymWidth = 18
        static let levelWidth = 14

        init(width: Int, review: Bool = false) {
            flag = width - 1
            reassign = width - 2
            deadline = width - 23
            var x = 30
            if review {
                level = x
                x += Self.levelWidth + 1
            }
            if width >= 110 {
                pseudonym = x
                x += pseudonymWidth + 1
            }
            categories = x
            let end = review ? deadline : deadline - 10
            if !review { status = end }
            categoriesWidth = end - 1 - categories
        }
    }

    /// The rung of the ladder in 14 columns: "2 Head of dept" (`escalation-short.LEVEL` in the catalogue).
    static func levelText(_ level: EscalationLevel?, words: Catalogue = .english) -> String {
        guard let level else { return "–" }
        return "\(EscalationLevel.allCases.firstIndex(of: level)! + 1) " + words["escalation-short." + level.rawValue]
    }

    /// The next deadline's day (ISO, to keep the column narrow and sortable) and its kind in a word
    /// (`deadline-short.KIND`: "2026-09-23 support").
    static func deadlineText(_ deadline: Deadline?, calendar: Calendar, words: Catalogue = .english) -> String {
        guard let deadline else { return "–" }
        return DateText.day(deadline.due, calendar: calendar) + " " + words["deadline-short." + deadline.kind.rawValue]
    }

    /// The band in 16 columns: marker, a name of at most 8 columns (`band-short.BAND`), the score.
    static func bandText(_ band: Band?, score: Int?, words: Catalogue = .english) -> String {
        let marker = band?.marker ?? "?  "
        let label = DisplayWidth.pad(words["band-short." + (band?.rawValue ?? "unrated")], to: 8)
        return marker + " " + label + " " + DisplayWidth.padLeft(score.map(String.init) ?? "–", to: 3)
    }

    func renderBody(into buffer: inout ScreenBuffer, top: Int, bottom: Int, app: DeskApp) {
        var row = top
        if let banner = app.banner {
            buffer.put(DisplayWidth.truncate(" " + banner, to: buffer.width), row: row, col: 0, style: .bold)
            row += 1
        }
        let words = app.words
        let c = Columns(width: buffer.width, review: isReview(app: app))
        buffer.fillRow(row, style: .heading)
        buffer.put(words["desk.queue.heading.id"], row: row, col: c.id, style: .heading)
        buffer.put(DisplayWidth.pad(words["desk.queue.heading.band"], to: 10) + words["desk.queue.heading.score"],
                   row: row, col: c.band, style: .heading)
        if let l = c.level { buffer.put(words["desk.queue.heading.level"], row: row, col: l, style: .heading) }
        if let p = c.pseudonym { buffer.put(words["desk.queue.heading.reporter"], row: row, col: p, style: .heading) }
        buffer.put(words["desk.queue.heading.categories"], row: row, col: c.categories, style: .heading)
        if let s = c.status { buffer.put(words["desk.queue.heading.status"], row: row, col: s, style: .heading) }
        buffer.put(words["desk.queue.heading.deadline"], row: row, col: c.deadline, style: .heading)
        row += 1
        let listTop = row
        cursor.height = max(1, bottom - listTop)
        if visible.isEmpty {
            let key = all.isEmpty ? (app.isCounselor ? "desk.queue.empty" : "desk.queue.empty-review")
                : isReview(app: app) && filter == QueueFilter() ? "desk.queue.none-escalated"
                : "desk.queue.no-match"
            buffer.put(words[key], row: listTop + 1, col: 2)
            return
        }
        let now = app.now
        let taxonomy = app.desk.taxonomy
        for index in cursor.visibleRows {
            let summary = visible[index]
            let r = listTop + index - cursor.top
            let overdue = summary.isOverdue(at: now)
            let base: Style = overdue ? .overdue : .normal
            buffer.put(index == cursor.selected ? ">" : " ", row: r, col: 0, style: base)
            buffer.putFitted(summary.id.description, row: r, col: c.id, columns: 11, style: base)
            buffer.putFitted(Self.bandText(summary.band, score: summary.score, words: words), row: r, col: c.band, columns: 16,
                             style: Style.band(summary.band))
            if let l = c.level {
                buffer.putFitted(Self.levelText(summary.escalationLevel, words: words), row: r, col: l, columns: Columns.levelWidth,
                                 style: base.emboldened)
            }
            if let p = c.pseudonym {
                buffer.putFitted(summary.pseudonym, row: r, col: p, columns: c.pseudonymWidth, style: base)
            }
            buffer.putFitted(CategoryLabels.text(summary.categories, taxonomy: taxonomy, columns: c.categoriesWidth, words: words),
                             row: r, col: c.categories, columns: c.categoriesWidth, style: base)
            if let s = c.status { buffer.putFitted(words.shortLabel(summary.status), row: r, col: s, columns: 9, style: base) }
            buffer.putFitted(Self.deadlineText(summary.nextDeadline, calendar: app.calendar, words: words), row: r, col: c.deadline,
                             columns: 20, style: base)
            buffer.put(summary.needsReassignment ? "R" : " ", row: r, col: c.reassign, style: base.emboldened)
            buffer.put(overdue ? "!" : " ", row: r, col: c.flag, style: base)
            if index == cursor.selected { buffer.restyle(row: r, from: 0, to: buffer.width) { $0.reversed } }
        }
    }
}

extension QueueScreen {
    /// Byte-wise substring search over lower-cased UTF-8 (`memchr` for the first byte, `memcmp` for the rest):
    /// the queue's search runs over every case on each key, so it must cost well under a frame at 100,000 cases.
    static func contains(_ haystack: ContiguousArray<UInt8>, _ needle: ContiguousArray<UInt8>) -> Bool {
        guard let first = needle.first else { return true }
        guard haystack.count >= needle.count else { return false }
        return haystack.withUnsafeBufferPointer { h in
            needle.withUnsafeBufferPointer { n in
                let base = h.baseAddress!
                let last = h.count - n.count
                var offset = 0
                while offset <= last {
                    guard let hit = memchr(base + offset, Int32(first), last - offset + 1) else { return false }
                    let position = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    if memcmp(base + position, n.baseAddress!, n.count) == 0 { return true }
                    offset = position + 1
                }
                return false
            }
        }
    }
}
