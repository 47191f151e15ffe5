import CaseCore

/// Where a binding applies. A screen lists the contexts it is in, most specific first.
public enum KeyContext: String, CaseIterable, Hashable, Sendable {
    case queue, search, detail, statistics, respondents, alerts, intake, intakeChoice, assessment, chooser, prompt, confirm,
         commandLine, textEntry, help, lock, tooSmall, global, overlay, typing, always

    /// The catalogue key of this context's heading on the help screen (`context.queue`).
    public var titleKey: String {
        switch self {
        case .queue: "context.queue"
        case .search: "context.search"
        case .detail: "context.detail"
        case .statistics: "context.statistics"
        case .respondents: "context.respondents"
        case .alerts: "context.alerts"
        case .intake: "context.intake"
        case .intakeChoice: "context.intake-choice"
        case .assessment: "context.assessment"
        case .chooser: "context.chooser"
        case .prompt: "context.prompt"
        case .confirm: "context.confirm"
        case .commandLine: "context.command-line"
        case .textEntry: "context.text-entry"
        case .help: "context.help"
        case .lock: "context.lock"
        case .tooSmall: "context.too-small"
        case .global: "context.global"
        case .overlay: "context.overlay"
        case .typing: "context.typing"
        case .always: "context.always"
        }
    }

    /// The heading of this context on the help screen, in the desk's language.
    public func title(in words: Catalogue = .english) -> String { words[titleKey] }
}

/// One row of the key table: which keys, where, what they do, and how help describes it (a catalogue key, so help
/// and the status bar speak the desk's language; the README is generated in English).
public struct KeyBinding: Hashable, Sendable {
    public var keys: [KeyPattern]
    public var context: KeyContext
    public var action: KeyAction
    /// The catalogue key of what the binding does, as help says it (`binding.next-case`).
    public var descriptionKey: String
    /// The catalogue key of a short hint for the status bar (`hint.open`), when this binding is worth showing there.
    public var hintKey: String?
    /// Changes a case: offered to counselors only (the store refuses supervisors anyway).
    public var counselorOnly: Bool
    /// A supervisor's decision: dispatched and hinted for supervisors only. Help and the README still list it (its
    /// description says who may use it), so a counselor knows what the supervisor can do.
    public var supervisorOnly: Bool

    public init(_ keys: [Key], _ context: KeyContext, _ action: KeyAction, _ descriptionKey: String,
                hint hintKey: String? = nil, counselorOnly: Bool = false, supervisorOnly: Bool = false) {
        self.keys = keys.map(KeyPattern.key)
        self.context = context
        self.action = action
        self.descriptionKey = descriptionKey
        self.hintKey = hintKey
        self.counselorOnly = counselorOnly
        self.supervisorOnly = supervisorOnly
    }

    /// Whether this binding acts for a counselor (`counselor`) or for another role.
    func acts(counselor: Bool) -> Bool { counselor ? !supervisorOnly : !counselorOnly }

    public init(patterns: [KeyPattern], _ context: KeyContext, _ action: KeyAction, _ descriptionKey: String) {
        keys = patterns
        self.context = context
        self.action = action
        self.descriptionKey = descriptionKey
        hintKey = nil
        counselorOnly = false
        supervisorOnly = false
    }

    /// The keys as help shows them: "j, Down" (`j, Bas` in French).
    public func keyLabel(in words: Catalogue = .english) -> String { keys.map { $0.label(in: words) }.joined(separator: ", ") }

    /// What the binding does, as help says it.
    public func description(in words: Catalogue = .english) -> String { words[descriptionKey] }

    /// The status bar's hint, if any.
    public func hint(in words: Catalogue = .english) -> String? { hintKey.map { words[$0] } }
}

/// The key table. Dispatch, the help screen and the status-bar hints are all generated from it.
public enum KeyBindings {
    public static let table: [KeyBinding] = [
        // Everywhere
        KeyBinding([.ctrl("c")], .always, .quit, "binding.quit-asking"),
        KeyBinding([.ctrl("l")], .always, .redraw, "binding.redraw-screen"),
        // Queue, detail, help
        KeyBinding([.char("?"), .function(1)], .global, .help, "binding.show-this-help", hint: "hint.help"),
        KeyBinding([.char(":")], .global, .commandLine, "binding.command-line"),
        // Queue
        KeyBinding([.char("j"), .down], .queue, .moveDown, "binding.next-case"),
        KeyBinding([.char("k"), .up], .queue, .moveUp, "binding.previous-case"),
        KeyBinding([.pageDown, .char(" ")], .queue, .pageDown, "binding.page-down"),
        KeyBinding([.pageUp], .queue, .pageUp, "binding.page-up"),
        KeyBinding([.char("g"), .home], .queue, .top, "binding.first-case"),
        KeyBinding([.char("G"), .end], .queue, .bottom, "binding.last-case"),
        KeyBinding([.enter], .queue, .open, "binding.open-selected-case", hint: "hint.open"),
        KeyBinding([.char("/")], .queue, .search, "binding.search", hint: "hint.search"),
        KeyBinding([.char("f")], .queue, .cycleStatusFilter, "binding.filter-status"),
        KeyBinding([.char("b")], .queue, .cycleBandFilter, "binding.filter-band"),
        KeyBinding([.char("c")], .queue, .cycleCategoryFilter, "binding.filter-category"),
        KeyBinding([.char("o")], .queue, .toggleOverdueFilter, "binding.filter-overdue"),
        KeyBinding([.char("F"), .escape], .queue, .clearFilters, "binding.clear-filters"),
        KeyBinding([.char("n")], .queue, .newCase, "binding.new-case", hint: "hint.new", counselorOnly: true),
        KeyBinding([.char("E")], .queue, .escalationReview,
                   "binding.escalation-review", counselorOnly: true),
        KeyBinding([.char("S")], .queue, .statistics, "binding.statistics", counselorOnly: true),
        KeyBinding([.char("R")], .queue, .respondents, "binding.respondents"),
        KeyBinding([.char("A")], .queue, .deadlineAlerts, "binding.deadline-alerts"),
        KeyBinding([.char("q")], .queue, .quit, "binding.quit", hint: "hint.quit"),
        // Search
        KeyBinding([.enter], .search, .submit, "binding.keep-search-filter", hint: "hint.keep"),
        KeyBinding([.escape], .search, .cancel, "binding.clear-search", hint: "hint.clear"),
        KeyBinding([.down], .search, .moveDown, "binding.next-case"),
        KeyBinding([.up], .search, .moveUp, "binding.previous-case"),
        // Detail
        KeyBinding([.down], .detail, .moveDown, "binding.scroll-down"),
        KeyBinding([.up], .detail, .moveUp, "binding.scroll-up"),
        KeyBinding([.pageDown, .char(" ")], .detail, .pageDown, "binding.page-down"),
        KeyBinding([.pageUp], .detail, .pageUp, "binding.page-up"),
        KeyBinding([.home, .char("g")], .detail, .top, "binding.top"),
        KeyBinding([.end, .char("G")], .detail, .bottom, "binding.bottom-journal"),
        KeyBinding([.char("a")], .detail, .assess, "binding.assess", hint: "hint.assess", counselorOnly: true),
        KeyBinding([.char("e")], .detail, .escalate, "binding.escalate", hint: "hint.escalate", counselorOnly: true),
        KeyBinding([.char("s")], .detail, .changeStatus, "binding.change-status", hint: "hint.status", counselorOnly: true),
        KeyBinding([.char("j")], .detail, .addJournal, "binding.journal", hint: "hint.journal", counselorOnly: true),
        KeyBinding([.char("i")], .detail, .editCase,
                   "binding.edit-case", counselorOnly: true),
        KeyBinding([.char("c")], .detail, .consent,
                   "binding.consent", counselorOnly: true),
        KeyBinding([.char("D")], .detail, .disclose,
                   "binding.disclose", counselorOnly: true),
        KeyBinding([.char("r")], .detail, .reopen, "binding.reopen",
                   counselorOnly: true),
        KeyBinding([.char("f")], .detail, .followUpInterval,
                   "binding.follow-up-interval", counselorOnly: true),
        KeyBinding([.char("v")], .detail, .review,
                   "binding.review",
                   hint: "hint.review", supervisorOnly: true),
        KeyBinding([.char("x")], .detail, .export, "binding.export"),
        KeyBinding([.char("L")], .detail, .letter, "binding.letter", counselorOnly: true),
        KeyBinding([.char("H")], .detail, .legalHold, "binding.legal-hold", counselorOnly: true),
        KeyBinding([.char("C")], .detail, .declareConflict, "binding.declare-conflict"),
        KeyBinding([.escape, .char("q")], .detail, .back, "binding.back-queue", hint: "hint.back"),
        // Statistics
        KeyBinding([.down, .char("j")], .statistics, .moveDown, "binding.scroll-down"),
        KeyBinding([.up, .char("k")], .statistics, .moveUp, "binding.scroll-up"),
        KeyBinding([.pageDown, .char(" ")], .statistics, .pageDown, "binding.page-down"),
        KeyBinding([.pageUp], .statistics, .pageUp, "binding.page-up"),
        KeyBinding([.home, .char("g")], .statistics, .top, "binding.top"),
        KeyBinding([.end, .char("G")], .statistics, .bottom, "binding.bottom"),
        KeyBinding([.escape, .char("q")], .statistics, .back, "binding.back-queue", hint: "hint.back"),
        // Repeat respondents
        KeyBinding([.down, .char("j")], .respondents, .moveDown, "binding.next-case"),
        KeyBinding([.up, .char("k")], .respondents, .moveUp, "binding.previous-case"),
        KeyBinding([.pageDown, .char(" ")], .respondents, .pageDown, "binding.page-down"),
        KeyBinding([.pageUp], .respondents, .pageUp, "binding.page-up"),
        KeyBinding([.home, .char("g")], .respondents, .top, "binding.first-case"),
        KeyBinding([.end, .char("G")], .respondents, .bottom, "binding.last-case"),
        KeyBinding([.enter], .respondents, .open, "binding.open-selected-case", hint: "hint.open"),
        KeyBinding([.escape, .char("q")], .respondents, .back, "binding.back-queue", hint: "hint.back"),
        // Deadline alerts
        KeyBinding([.down, .char("j")], .alerts, .moveDown, "binding.next-alert"),
        KeyBinding([.up, .char("k")], .alerts, .moveUp, "binding.previous-alert"),
        KeyBinding([.pageDown, .char(" ")], .alerts, .pageDown, "binding.page-down"),
        KeyBinding([.pageUp], .alerts, .pageUp, "binding.page-up"),
        KeyBinding([.home, .char("g")], .alerts, .top, "binding.first-alert"),
        KeyBinding([.end, .char("G")], .alerts, .bottom, "binding.last-alert"),
        KeyBinding([.enter], .alerts, .open, "binding.open-alert", hint: "hint.open"),
        KeyBinding([.escape, .char("q")], .alerts, .cancel, "binding.dismiss-alerts", hint: "hint.dismiss"),
        // Help
        KeyBinding([.down, .char("j")], .help, .moveDown, "binding.scroll-down"),
        KeyBinding([.up, .char("k")], .help, .moveUp, "binding.scroll-up"),
        KeyBinding([.pageDown, .char(" ")], .help, .pageDown, "binding.page-down"),
        KeyBinding([.pageUp], .help, .pageUp, "binding.page-up"),
        KeyBinding([.escape, .char("q")], .help, .back, "binding.close-help", hint: "hint.close"),
        // Intake form
        KeyBinding([.tab, .down], .intake, .nextField, "binding.next-field", hint: "hint.next-field"),
        KeyBinding([.backTab, .up], .intake, .previousField, "binding.previous-field"),
        KeyBinding([.enter], .intake, .activate, "binding.form-enter"),
        KeyBinding([.ctrl("s")], .intake, .save, "binding.save-case", hint: "hint.save-form"),
        KeyBinding([.escape], .intake, .cancel, "binding.leave-form", hint: "hint.cancel"),
        KeyBinding([.char(" ")], .intakeChoice, .toggle, "binding.toggle-choice"),
        KeyBinding([.left], .intakeChoice, .previousOption, "binding.previous-option"),
        KeyBinding([.right], .intakeChoice, .nextOption, "binding.next-option"),
        KeyBinding(patterns: [.anyCharacter], .intakeChoice, .insert,
                   "binding.other-keys"),
        // Assessment form
        KeyBinding([.down, .char("j"), .tab], .assessment, .moveDown, "binding.next-factor"),
        KeyBinding([.up, .char("k"), .backTab], .assessment, .moveUp, "binding.previous-factor"),
        KeyBinding([.left, .char("h"), .char("-")], .assessment, .lower, "binding.lower-rating", hint: "hint.rate"),
        KeyBinding([.right, .char("l"), .char("+")], .assessment, .raise, "binding.raise-rating"),
        KeyBinding([.char("0")], .assessment, .rate(0), "binding.rate-0"),
        KeyBinding([.char("1")], .assessment, .rate(1), "binding.rate-1"),
        KeyBinding([.char("2")], .assessment, .rate(2), "binding.rate-2"),
        KeyBinding([.char("3")], .assessment, .rate(3), "binding.rate-3"),
        KeyBinding([.char("4")], .assessment, .rate(4), "binding.rate-4"),
        KeyBinding([.enter, .ctrl("s")], .assessment, .save, "binding.save-assessment", hint: "hint.save"),
        KeyBinding([.escape], .assessment, .cancel, "binding.cancel-without-saving", hint: "hint.cancel"),
        // Lists
        KeyBinding([.down, .char("j"), .tab], .chooser, .moveDown, "binding.next-option"),
        KeyBinding([.up, .char("k"), .backTab], .chooser, .moveUp, "binding.previous-option"),
        KeyBinding([.pageDown], .chooser, .pageDown, "binding.page-down"),
        KeyBinding([.pageUp], .chooser, .pageUp, "binding.page-up"),
        KeyBinding([.home, .char("g")], .chooser, .top, "binding.first-option"),
        KeyBinding([.end, .char("G")], .chooser, .bottom, "binding.last-option"),
        KeyBinding([.char(" ")], .chooser, .toggle, "binding.tick"),
        KeyBinding([.enter], .chooser, .submit, "binding.choose-done", hint: "hint.choose"),
        KeyBinding([.escape], .chooser, .cancel, "binding.cancel", hint: "hint.cancel"),
        // Prompts
        KeyBinding([.enter], .prompt, .submit, "binding.done", hint: "hint.done"),
        KeyBinding([.escape], .prompt, .cancel, "binding.cancel", hint: "hint.cancel"),
        KeyBinding([.char("y"), .char("Y")], .confirm, .confirmYes, "binding.yes", hint: "hint.yes"),
        KeyBinding([.char("n"), .char("N"), .escape], .confirm, .confirmNo, "binding.no", hint: "hint.no"),
        KeyBinding([.enter], .commandLine, .submit, "binding.run-command", hint: "hint.run"),
        KeyBinding([.escape], .commandLine, .cancel, "binding.cancel", hint: "hint.cancel"),
        // Help over forms, dialogs and panels: the form or dialog is kept as it is and comes back on Esc
        KeyBinding([.char("?"), .function(1)], .overlay, .help, "binding.help-over-dialog",
                   hint: "hint.help"),
        KeyBinding([.function(1)], .typing, .help, "binding.help-while-typing", hint: "hint.help-f1"),
        // Text
        KeyBinding(patterns: [.anyCharacter], .textEntry, .insert, "binding.type"),
        KeyBinding([.backspace], .textEntry, .deleteBackward, "binding.delete-backward"),
        KeyBinding([.delete], .textEntry, .deleteForward, "binding.delete-forward"),
        KeyBinding([.left], .textEntry, .cursorLeft, "binding.cursor-left"),
        KeyBinding([.right], .textEntry, .cursorRight, "binding.cursor-right"),
        KeyBinding([.home, .ctrl("a")], .textEntry, .cursorHome, "binding.start-text"),
        KeyBinding([.end, .ctrl("e")], .textEntry, .cursorEnd, "binding.end-text"),
        KeyBinding([.ctrl("u")], .textEntry, .clearText, "binding.clear-text"),
        // Lock
        KeyBinding([.enter], .lock, .submit, "binding.unlock"),
        // Too small: nothing else acts on a screen that cannot be seen
        KeyBinding([.char("q")], .tooSmall, .quit, "binding.quit-too-small", hint: "hint.quit"),
    ]

    /// The binding a key triggers in the given contexts (most specific first), skipping counselor-only
    /// bindings for other roles. Exact keys win over "any character" in every context.
    public static func binding(for key: Key, in contexts: [KeyContext], counselor: Bool = true) -> KeyBinding? {
        let usable = { (b: KeyBinding) in b.acts(counselor: counselor) }
        for context in contexts {
            if let hit = table.first(where: { $0.context == context && usable($0) && $0.keys.contains(.key(key)) }) {
                return hit
            }
        }
        if case .char = key {
            for context in contexts {
                if let hit = table.first(where: { $0.context == context && $0.keys.contains(.anyCharacter) }) { return hit }
            }
        }
        return nil
    }

    /// Status-bar hints for the given contexts, in table order, in the desk's language.
    public static func hints(for contexts: [KeyContext], counselor: Bool = true, in words: Catalogue = .english) -> [String] {
        contexts.flatMap { context in
            table.filter { $0.context == context && $0.acts(counselor: counselor) }.compactMap { $0.hint(in: words) }
        }
    }

    /// The bindings of one context, for help.
    public static func bindings(in context: KeyContext, counselor: Bool = true) -> [KeyBinding] {
        table.filter { $0.context == context && (counselor || !$0.counselorOnly) }
    }
}
