/// Where a binding applies. A screen lists the contexts it is in, most specific first.
public enum KeyContext: String, CaseIterable, Hashable, Sendable {
    case queue, search, detail, statistics, respondents, alerts, intake, intakeChoice, assessment, chooser, prompt, confirm,
         commandLine, textEntry, help, lock, tooSmall, global, overlay, typing, always

    /// The heading of this context on the help screen.
    public var title: String {
        switch self {
        case .queue: "Triage queue"
        case .search: "Search in the queue (/)"
        case .detail: "Case detail"
        case .statistics: "Statistics (S)"
        case .respondents: "Repeat respondents (R)"
        case .alerts: "Deadline alerts (shown on start; A)"
        case .intake: "Case form: new case (n) and edit (i)"
        case .intakeChoice: "Case form: choices, check boxes and lists"
        case .assessment: "Assessment form"
        case .chooser: "Lists to choose from"
        case .prompt: "Text prompts (reasons, journal entries)"
        case .confirm: "Questions (y/n)"
        case .commandLine: "Command line (:)"
        case .textEntry: "Editing text"
        case .help: "Help"
        case .lock: "Lock screen"
        case .tooSmall: "Terminal smaller than 80×24"
        case .global: "Queue, detail and help"
        case .overlay: "Forms, dialogs and panels"
        case .typing: "While typing text"
        case .always: "Everywhere"
        }
    }
}

/// One row of the key table: which keys, where, what they do, and how help describes it.
public struct KeyBinding: Hashable, Sendable {
    public var keys: [KeyPattern]
    public var context: KeyContext
    public var action: KeyAction
    public var description: String
    /// A short hint for the status bar, when this binding is worth showing there.
    public var hint: String?
    /// Changes a case: offered to counselors only (the store refuses supervisors anyway).
    public var counselorOnly: Bool
    /// A supervisor's decision: dispatched and hinted for supervisors only. Help and the README still list it (its
    /// description says who may use it), so a counselor knows what the supervisor can do.
    public var supervisorOnly: Bool

    public init(_ keys: [Key], _ context: KeyContext, _ action: KeyAction, _ description: String,
                hint: String? = nil, counselorOnly: Bool = false, supervisorOnly: Bool = false) {
        self.keys = keys.map(KeyPattern.key)
        self.context = context
        self.action = action
        self.description = description
        self.hint = hint
        self.counselorOnly = counselorOnly
        self.supervisorOnly = supervisorOnly
    }

    /// Whether this binding acts for a counselor (`counselor`) or for another role.
    func acts(counselor: Bool) -> Bool { counselor ? !supervisorOnly : !counselorOnly }

    public init(patterns: [KeyPattern], _ context: KeyContext, _ action: KeyAction, _ description: String) {
        keys = patterns
        self.context = context
        self.action = action
        self.description = description
        hint = nil
        counselorOnly = false
        supervisorOnly = false
    }

    /// The keys as help shows them: "j, Down".
    public var keyLabel: String { keys.map(\.label).joined(separator: ", ") }
}

/// The key table. Dispatch, the help screen and the status-bar hints are all generated from it.
public enum KeyBindings {
    public static let table: [KeyBinding] = [
        // Everywhere
        KeyBinding([.ctrl("c")], .always, .quit, "Quit the case desk; asks first when typed text would be lost"),
        KeyBinding([.ctrl("l")], .always, .redraw, "Redraw the screen"),
        // Queue, detail, help
        KeyBinding([.char("?"), .function(1)], .global, .help, "Show this help", hint: "? help"),
        KeyBinding([.char(":")], .global, .commandLine, "Command line (:q, :open ID, :code …, :filter …, :help)"),
        // Queue
        KeyBinding([.char("j"), .down], .queue, .moveDown, "Next case"),
        KeyBinding([.char("k"), .up], .queue, .moveUp, "Previous case"),
        KeyBinding([.pageDown, .char(" ")], .queue, .pageDown, "Page down"),
        KeyBinding([.pageUp], .queue, .pageUp, "Page up"),
        KeyBinding([.char("g"), .home], .queue, .top, "First case"),
        KeyBinding([.char("G"), .end], .queue, .bottom, "Last case"),
        KeyBinding([.enter], .queue, .open, "Open the selected case", hint: "Enter open"),
        KeyBinding([.char("/")], .queue, .search, "Search as you type (id, pseudonym, category, status)", hint: "/ search"),
        KeyBinding([.char("f")], .queue, .cycleStatusFilter, "Filter by status: open, all, escalated, closed"),
        KeyBinding([.char("b")], .queue, .cycleBandFilter, "Filter by band: any, critical, high, medium, low, unrated"),
        KeyBinding([.char("c")], .queue, .cycleCategoryFilter, "Filter by category (cycles through the taxonomy)"),
        KeyBinding([.char("o")], .queue, .toggleOverdueFilter, "Show overdue cases only (on/off)"),
        KeyBinding([.char("F"), .escape], .queue, .clearFilters, "Clear search and filters"),
        KeyBinding([.char("n")], .queue, .newCase, "New case (intake form)", hint: "n new", counselorOnly: true),
        KeyBinding([.char("E")], .queue, .escalationReview,
                   "Escalation review (escalated cases by level, then score)", counselorOnly: true),
        KeyBinding([.char("S")], .queue, .statistics, "Statistics: anonymised counts with bar charts", counselorOnly: true),
        KeyBinding([.char("R")], .queue, .respondents, "Repeat respondents: people named in more than one case"),
        KeyBinding([.char("A")], .queue, .deadlineAlerts, "Deadline alerts: overdue and due soon"),
        KeyBinding([.char("q")], .queue, .quit, "Quit", hint: "q quit"),
        // Search
        KeyBinding([.enter], .search, .submit, "Keep the search as a filter", hint: "Enter keep"),
        KeyBinding([.escape], .search, .cancel, "Clear the search", hint: "Esc clear"),
        KeyBinding([.down], .search, .moveDown, "Next case"),
        KeyBinding([.up], .search, .moveUp, "Previous case"),
        // Detail
        KeyBinding([.down], .detail, .moveDown, "Scroll down"),
        KeyBinding([.up], .detail, .moveUp, "Scroll up"),
        KeyBinding([.pageDown, .char(" ")], .detail, .pageDown, "Page down"),
        KeyBinding([.pageUp], .detail, .pageUp, "Page up"),
        KeyBinding([.home, .char("g")], .detail, .top, "Top"),
        KeyBinding([.end, .char("G")], .detail, .bottom, "Bottom (journal)"),
        KeyBinding([.char("a")], .detail, .assess, "Assess: rate the five factors", hint: "a assess", counselorOnly: true),
        KeyBinding([.char("e")], .detail, .escalate, "Escalate: choose the level, give a reason", hint: "e escalate", counselorOnly: true),
        KeyBinding([.char("s")], .detail, .changeStatus, "Change status (legal next steps only)", hint: "s status", counselorOnly: true),
        KeyBinding([.char("j")], .detail, .addJournal, "Add a journal entry", hint: "j journal", counselorOnly: true),
        KeyBinding([.char("i")], .detail, .editCase,
                   "Edit the case: the intake form filled in; saves only the changed fields", counselorOnly: true),
        KeyBinding([.char("c")], .detail, .consent,
                   "Give or withdraw consent to share identity with the supervisor (asks y/n)", counselorOnly: true),
        KeyBinding([.char("D")], .detail, .disclose,
                   "Record a disclosure without consent: to whom, the duty to act, telling deferred?", counselorOnly: true),
        KeyBinding([.char("r")], .detail, .reopen, "Reopen a closed, withdrawn or screened-out case (with a reason)",
                   counselorOnly: true),
        KeyBinding([.char("f")], .detail, .followUpInterval,
                   "Follow-up interval of this case in days (1–365; empty returns to the policy's)", counselorOnly: true),
        KeyBinding([.char("v")], .detail, .review,
                   "Review (supervisors only): return with advice, next level, formal procedure or close",
                   hint: "v review", supervisorOnly: true),
        KeyBinding([.char("x")], .detail, .export, "Export the case (Markdown, HTML, JSON; file mode 0600)"),
        KeyBinding([.char("L")], .detail, .letter, "Acknowledgement letter; then mark it as sent", counselorOnly: true),
        KeyBinding([.char("H")], .detail, .legalHold, "Place or lift a legal hold (with a reason)", counselorOnly: true),
        KeyBinding([.char("C")], .detail, .declareConflict, "Declare a conflict of interest: you are recused"),
        KeyBinding([.escape, .char("q")], .detail, .back, "Back to the queue", hint: "Esc back"),
        // Statistics
        KeyBinding([.down, .char("j")], .statistics, .moveDown, "Scroll down"),
        KeyBinding([.up, .char("k")], .statistics, .moveUp, "Scroll up"),
        KeyBinding([.pageDown, .char(" ")], .statistics, .pageDown, "Page down"),
        KeyBinding([.pageUp], .statistics, .pageUp, "Page up"),
        KeyBinding([.home, .char("g")], .statistics, .top, "Top"),
        KeyBinding([.end, .char("G")], .statistics, .bottom, "Bottom"),
        KeyBinding([.escape, .char("q")], .statistics, .back, "Back to the queue", hint: "Esc back"),
        // Repeat respondents
        KeyBinding([.down, .char("j")], .respondents, .moveDown, "Next case"),
        KeyBinding([.up, .char("k")], .respondents, .moveUp, "Previous case"),
        KeyBinding([.pageDown, .char(" ")], .respondents, .pageDown, "Page down"),
        KeyBinding([.pageUp], .respondents, .pageUp, "Page up"),
        KeyBinding([.home, .char("g")], .respondents, .top, "First case"),
        KeyBinding([.end, .char("G")], .respondents, .bottom, "Last case"),
        KeyBinding([.enter], .respondents, .open, "Open the selected case", hint: "Enter open"),
        KeyBinding([.escape, .char("q")], .respondents, .back, "Back to the queue", hint: "Esc back"),
        // Deadline alerts
        KeyBinding([.down, .char("j")], .alerts, .moveDown, "Next alert"),
        KeyBinding([.up, .char("k")], .alerts, .moveUp, "Previous alert"),
        KeyBinding([.pageDown, .char(" ")], .alerts, .pageDown, "Page down"),
        KeyBinding([.pageUp], .alerts, .pageUp, "Page up"),
        KeyBinding([.home, .char("g")], .alerts, .top, "First alert"),
        KeyBinding([.end, .char("G")], .alerts, .bottom, "Last alert"),
        KeyBinding([.enter], .alerts, .open, "Open the case of the selected alert", hint: "Enter open"),
        KeyBinding([.escape, .char("q")], .alerts, .cancel, "Dismiss the alerts (A shows them again)", hint: "Esc dismiss"),
        // Help
        KeyBinding([.down, .char("j")], .help, .moveDown, "Scroll down"),
        KeyBinding([.up, .char("k")], .help, .moveUp, "Scroll up"),
        KeyBinding([.pageDown, .char(" ")], .help, .pageDown, "Page down"),
        KeyBinding([.pageUp], .help, .pageUp, "Page up"),
        KeyBinding([.escape, .char("q")], .help, .back, "Close help", hint: "Esc close"),
        // Intake form
        KeyBinding([.tab, .down], .intake, .nextField, "Next field", hint: "Tab next"),
        KeyBinding([.backTab, .up], .intake, .previousField, "Previous field"),
        KeyBinding([.enter], .intake, .activate, "Next field; a new line in the narrative; choose from a list; save on [Save]"),
        KeyBinding([.ctrl("s")], .intake, .save, "Save the case (an edit saves only the changed fields)", hint: "Ctrl-S save"),
        KeyBinding([.escape], .intake, .cancel, "Leave the form (asks first when something was typed)", hint: "Esc cancel"),
        KeyBinding([.char(" ")], .intakeChoice, .toggle, "Toggle a yes/no box; open a list to choose from"),
        KeyBinding([.left], .intakeChoice, .previousOption, "Previous option"),
        KeyBinding([.right], .intakeChoice, .nextOption, "Next option"),
        KeyBinding(patterns: [.anyCharacter], .intakeChoice, .insert,
                   "Other keys: says which key changes the field"),
        // Assessment form
        KeyBinding([.down, .char("j"), .tab], .assessment, .moveDown, "Next factor"),
        KeyBinding([.up, .char("k"), .backTab], .assessment, .moveUp, "Previous factor"),
        KeyBinding([.left, .char("h"), .char("-")], .assessment, .lower, "Lower the rating", hint: "←/→ rate"),
        KeyBinding([.right, .char("l"), .char("+")], .assessment, .raise, "Raise the rating"),
        KeyBinding([.char("0")], .assessment, .rate(0), "Rate 0"),
        KeyBinding([.char("1")], .assessment, .rate(1), "Rate 1"),
        KeyBinding([.char("2")], .assessment, .rate(2), "Rate 2"),
        KeyBinding([.char("3")], .assessment, .rate(3), "Rate 3"),
        KeyBinding([.char("4")], .assessment, .rate(4), "Rate 4"),
        KeyBinding([.enter, .ctrl("s")], .assessment, .save, "Save the assessment", hint: "Enter save"),
        KeyBinding([.escape], .assessment, .cancel, "Cancel without saving", hint: "Esc cancel"),
        // Lists
        KeyBinding([.down, .char("j"), .tab], .chooser, .moveDown, "Next option"),
        KeyBinding([.up, .char("k"), .backTab], .chooser, .moveUp, "Previous option"),
        KeyBinding([.pageDown], .chooser, .pageDown, "Page down"),
        KeyBinding([.pageUp], .chooser, .pageUp, "Page up"),
        KeyBinding([.home, .char("g")], .chooser, .top, "First option"),
        KeyBinding([.end, .char("G")], .chooser, .bottom, "Last option"),
        KeyBinding([.char(" ")], .chooser, .toggle, "Tick or untick (lists with check boxes)"),
        KeyBinding([.enter], .chooser, .submit, "Choose / done", hint: "Enter choose"),
        KeyBinding([.escape], .chooser, .cancel, "Cancel", hint: "Esc cancel"),
        // Prompts
        KeyBinding([.enter], .prompt, .submit, "Done", hint: "Enter done"),
        KeyBinding([.escape], .prompt, .cancel, "Cancel", hint: "Esc cancel"),
        KeyBinding([.char("y"), .char("Y")], .confirm, .confirmYes, "Yes", hint: "y yes"),
        KeyBinding([.char("n"), .char("N"), .escape], .confirm, .confirmNo, "No", hint: "n no"),
        KeyBinding([.enter], .commandLine, .submit, "Run the command", hint: "Enter run"),
        KeyBinding([.escape], .commandLine, .cancel, "Cancel", hint: "Esc cancel"),
        // Help over forms, dialogs and panels: the form or dialog is kept as it is and comes back on Esc
        KeyBinding([.char("?"), .function(1)], .overlay, .help, "Show help; Esc comes back to the form or dialog as it was",
                   hint: "? help"),
        KeyBinding([.function(1)], .typing, .help, "Show help (? types a question mark in a text field)", hint: "F1 help"),
        // Text
        KeyBinding(patterns: [.anyCharacter], .textEntry, .insert, "Type (any script: Latin, Cyrillic, Arabic, CJK, emoji)"),
        KeyBinding([.backspace], .textEntry, .deleteBackward, "Delete the character before the cursor"),
        KeyBinding([.delete], .textEntry, .deleteForward, "Delete the character under the cursor"),
        KeyBinding([.left], .textEntry, .cursorLeft, "Cursor left"),
        KeyBinding([.right], .textEntry, .cursorRight, "Cursor right"),
        KeyBinding([.home, .ctrl("a")], .textEntry, .cursorHome, "Start of the text"),
        KeyBinding([.end, .ctrl("e")], .textEntry, .cursorEnd, "End of the text"),
        KeyBinding([.ctrl("u")], .textEntry, .clearText, "Clear the text"),
        // Lock
        KeyBinding([.enter], .lock, .submit, "Unlock with the passphrase (typed without echo)"),
        // Too small: nothing else acts on a screen that cannot be seen
        KeyBinding([.char("q")], .tooSmall, .quit, "Quit (other keys wait until the window is 80×24 or larger)", hint: "q quit"),
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

    /// Status-bar hints for the given contexts, in table order.
    public static func hints(for contexts: [KeyContext], counselor: Bool = true) -> [String] {
        contexts.flatMap { context in
            table.filter { $0.context == context && $0.acts(counselor: counselor) }.compactMap(\.hint)
        }
    }

    /// The bindings of one context, for help.
    public static func bindings(in context: KeyContext, counselor: Bool = true) -> [KeyBinding] {
        table.filter { $0.context == context && (counselor || !$0.counselorOnly) }
    }
}
